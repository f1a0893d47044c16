import { describe, expect, it } from 'vitest';
import { reminderTimes } from '../reminders';
import { DEFAULT_ACTIVITY_RULES } from '../rules';
import type { ActivityRuleSettings } from '../types';

const S = DEFAULT_ACTIVITY_RULES;
const R = (r: Partial<ActivityRuleSettings['reminders']>) => ({ reminders: { ...S.reminders, ...r } });

describe('ACT-7 reminder times', () => {
  const cases: [string, string, number, Pick<ActivityRuleSettings, 'reminders'>, string, string, string][] = [
    [
      'a morning activity 20 minutes away',
      '2026-10-13T09:00:00+08:00',
      20,
      S,
      '2026-10-12T16:00:00+08:00',
      '2026-10-13T08:10:00+08:00',
      '2026-10-13T08:40:00+08:00',
    ],
    [
      'early morning: China date differs from the UTC date',
      '2026-10-13T07:00:00+08:00',
      30,
      S,
      '2026-10-12T16:00:00+08:00',
      '2026-10-13T06:00:00+08:00',
      '2026-10-13T06:30:00+08:00',
    ],
    [
      'just after midnight: departure the evening before',
      '2026-10-14T00:30:00+08:00',
      60,
      S,
      '2026-10-12T16:00:00+08:00',
      '2026-10-13T23:00:00+08:00',
      '2026-10-13T23:30:00+08:00',
    ],
    [
      'escalation across midnight',
      '2026-10-14T00:20:00+08:00',
      30,
      R({ escalateAfterMinutes: 45 }),
      '2026-10-12T16:00:00+08:00',
      '2026-10-13T23:20:00+08:00',
      '2026-10-14T00:05:00+08:00',
    ],
    [
      'across a month boundary, no travel',
      '2026-11-01T10:00:00+08:00',
      0,
      S,
      '2026-10-31T16:00:00+08:00',
      '2026-11-01T09:30:00+08:00',
      '2026-11-01T10:00:00+08:00',
    ],
    [
      'a long journey, custom settings',
      '2026-10-13T14:00:00+08:00',
      180,
      R({ dayBeforeAt: '09:30', marginMinutes: 15, escalateAfterMinutes: 10 }),
      '2026-10-12T09:30:00+08:00',
      '2026-10-13T10:45:00+08:00',
      '2026-10-13T10:55:00+08:00',
    ],
    ['a start given in UTC', '2026-10-13T02:00:00Z', 20, S, '2026-10-12T16:00:00+08:00', '2026-10-13T09:10:00+08:00', '2026-10-13T09:40:00+08:00'],
  ];
  it.each(cases)('ACT-7 %s', (_t, startsAt, travelMinutes, settings, dayBefore, departure, escalateAt) => {
    const r = reminderTimes({ startsAt, travelMinutes }, settings);
    expect(r.dayBefore.getTime()).toBe(Date.parse(dayBefore));
    expect(r.departure.getTime()).toBe(Date.parse(departure));
    expect(r.escalateAt.getTime()).toBe(Date.parse(escalateAt));
    expect(r.dayBefore.getTime()).toBeLessThan(r.departure.getTime());
  });

  it('ACT-7 rejects an invalid start', () => {
    expect(() => reminderTimes({ startsAt: 'tomorrow', travelMinutes: 0 }, S)).toThrow(RangeError);
  });
});
