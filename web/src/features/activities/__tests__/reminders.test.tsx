/**
 * ACT-7 the activity's 提醒 card: once approved it shows the reminders as the server scheduled
 * them (state in Chinese, China time, when each was sent), not times recomputed from the rules.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ActivityDetail } from '../api';
import { Reminders } from '../components/sections';

/** The text a person reads (tags stripped). */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const detail = (activity: Partial<ActivityDetail['activity']>) =>
  ({
    allowedActions: [],
    activity: {
      responsibleStaffName: '孙丽',
      reminderState: 'none',
      remindedAt: null,
      departedAt: null,
      // what today's settings would give: must not be shown once reminders are scheduled
      reminderTimes: { dayBefore: '2026-12-08T08:00:00.000Z', departure: '2026-12-08T23:30:00.000Z', escalateAt: '2026-12-09T00:00:00.000Z' },
      ...activity,
    },
  }) as unknown as ActivityDetail;
const render = (a: ActivityDetail) => text(renderToStaticMarkup(<Reminders a={a} onRemind={() => {}} />));

describe('ACT-7 提醒 card', () => {
  it('ACT-7 shows the scheduled times with 已提醒 and when sent, 待提醒 and 已过, in China time', () => {
    const shown = render(
      detail({
        reminders: [
          { kind: 'activity.day_before', label: '提前一天提醒', dueAt: '2026-12-08T09:00:00.000Z', state: 'fired', firedAt: '2026-12-08T09:00:40.000Z' },
          { kind: 'activity.departure', label: '出发提醒', dueAt: '2026-12-08T23:15:00.000Z', state: 'pending', firedAt: null },
          { kind: 'activity.escalate', label: '未出发上报', dueAt: null, state: 'skipped', firedAt: null },
        ],
      }),
    );
    expect(shown).toContain('提前一天提醒 2026年12月8日 17:00 已提醒 发送于 2026年12月8日 17:00');
    expect(shown).toContain('出发提醒 2026年12月9日 07:15 待提醒');
    expect(shown).toContain('未出发上报 未安排 已过 批准时已过，未安排');
    // the times today's settings would give (16:00, 07:30, 08:00) are not on the card
    for (const recomputed of ['16:00', '07:30', '08:00', '预计']) expect(shown).not.toContain(recomputed);
    for (const raw of ['activity.day_before', 'pending', 'fired', 'skipped']) expect(shown).not.toContain(raw);
  });

  it('ACT-7 a cancelled reminder is 已取消; one a confirmed departure made unnecessary is 已过', () => {
    const shown = render(
      detail({
        departedAt: '2026-12-08T23:10:00.000Z',
        reminderState: 'departed',
        reminders: [
          { kind: 'activity.day_before', label: '提前一天提醒', dueAt: '2026-12-08T09:00:00.000Z', state: 'cancelled', firedAt: null },
          { kind: 'activity.escalate', label: '未出发上报', dueAt: '2026-12-08T23:25:00.000Z', state: 'skipped', firedAt: null },
        ],
      }),
    );
    expect(shown).toContain('提前一天提醒 2026年12月8日 17:00 已取消');
    expect(shown).toContain('未出发上报 2026年12月9日 07:25 已过 已确认出发，未再发送');
  });

  it('ACT-7 before approval (nothing scheduled) the times today’s settings give are shown as a forecast', () => {
    const shown = render(detail({ reminders: [] }));
    expect(shown).toContain('提前一天提醒 2026年12月8日 16:00 预计');
    expect(shown).toContain('未出发上报 2026年12月9日 08:00 预计');
  });
});
