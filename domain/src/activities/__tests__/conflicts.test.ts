import { describe, expect, it } from 'vitest';
import { busyWindow, conflictMarkers, findConflicts, scheduleConflicts } from '../conflicts';
import type { BusyPeriod } from '../types';
import { L, absence, activity, busyActivity } from './fixtures';

const T = (hhmm: string, day = '2026-10-13') => `${day}T${hhmm}:00+08:00`;

describe('ACT-8 conflict detection', () => {
  it('ACT-8 busyWindow widens an entry by its travel time on both sides', () => {
    const w = busyWindow({ startsAt: T('09:00'), endsAt: T('11:00'), travelMinutes: 20 });
    expect(w.start.toISOString()).toBe('2026-10-13T00:40:00.000Z');
    expect(w.end.toISOString()).toBe('2026-10-13T03:20:00.000Z');
    expect(busyWindow({ startsAt: T('09:00'), endsAt: T('11:00') }).start.toISOString()).toBe('2026-10-13T01:00:00.000Z');
  });

  // the activity: 09:00–11:00 with 20 minutes' travel → occupies 08:40–11:20
  const cases: [string, BusyPeriod, boolean][] = [
    ['an absence covering the whole day', absence(L.edu.id, T('00:00'), T('23:59')), true],
    ['an absence touching only the outbound travel (ends 08:50)', absence(L.edu.id, T('07:00'), T('08:50')), true],
    ['an absence ending at 08:40 exactly', absence(L.edu.id, T('07:00'), T('08:40')), false],
    ['an absence of the day before', absence(L.edu.id, T('08:00', '2026-10-12'), T('18:00', '2026-10-12')), false],
    ['an activity overlapping in time', busyActivity(L.edu.id, 'act-9', T('10:30'), T('12:00')), true],
    ['an earlier activity whose return travel reaches ours (08:30 + 15)', busyActivity(L.edu.id, 'act-9', T('07:30'), T('08:30'), { travelMinutes: 15 }), true],
    ['an earlier activity ending 08:00 with 10 minutes travel', busyActivity(L.edu.id, 'act-9', T('07:00'), T('08:00'), { travelMinutes: 10 }), false],
    ['a later activity whose outbound travel starts before 11:20', busyActivity(L.edu.id, 'act-9', T('11:30'), T('12:30'), { travelMinutes: 15 }), true],
    ['a later activity starting exactly when we are back', busyActivity(L.edu.id, 'act-9', T('11:20'), T('12:30')), false],
    ['a tentative (proposed) activity still overlaps', busyActivity(L.edu.id, 'act-9', T('09:30'), T('10:00'), { firm: false }), true],
    ['a meeting in the office', busyActivity(L.edu.id, 'mtg-1', T('10:00'), T('10:30'), { kind: 'meeting' }), true],
    ["another leader's activity", busyActivity(L.exec.id, 'act-9', T('09:00'), T('11:00')), false],
    ['the activity itself in the calendar', busyActivity(L.edu.id, 'act-1', T('09:00'), T('11:00'), { travelMinutes: 20 }), false],
  ];
  it.each(cases)('ACT-8 findConflicts: %s → %s', (_t, p, clash) => {
    expect(findConflicts(activity(), L.edu.id, [p])).toEqual(clash ? [p] : []);
  });

  it('ACT-8 findConflicts returns the clashes in time order', () => {
    const a = busyActivity(L.edu.id, 'b', T('10:30'), T('12:00'));
    const b = absence(L.edu.id, T('08:00'), T('09:30'));
    expect(findConflicts(activity(), L.edu.id, [a, b]).map((p) => p.refId)).toEqual([b.refId, 'b']);
  });

  it('ACT-8 scheduleConflicts marks every overlapping pair of the same leader', () => {
    const entries = [
      busyActivity(L.edu.id, 'a1', T('09:00'), T('10:00'), { travelMinutes: 30 }),
      busyActivity(L.edu.id, 'a2', T('10:15'), T('11:00')), // within a1's return travel
      busyActivity(L.edu.id, 'a3', T('10:45'), T('12:00')), // overlaps a2
      busyActivity(L.edu.id, 'a4', T('14:00'), T('15:00')), // free
      absence(L.exec.id, T('00:00'), T('23:59'), '出差', 'abs-1'),
      busyActivity(L.exec.id, 'a1', T('09:00'), T('10:00'), { travelMinutes: 30 }), // same activity, other leader
      busyActivity(L.culture.id, 'a5', T('09:00'), T('10:00')),
      busyActivity(L.culture.id, 'a6', T('10:00'), T('11:00')), // back to back: no conflict
    ];
    const pairs = scheduleConflicts(entries).map((c) => [c.leaderId, c.a.refId, c.b.refId]);
    expect(pairs).toEqual([
      [L.edu.id, 'a1', 'a2'],
      [L.edu.id, 'a2', 'a3'],
      [L.exec.id, 'abs-1', 'a1'],
    ]);
    const markers = conflictMarkers(scheduleConflicts(entries));
    expect(markers.get(`${L.edu.id}:a2`)).toEqual(['a1', 'a3']);
    expect(markers.get(`${L.edu.id}:a4`)).toBeUndefined();
  });

  it('ACT-8 scheduleConflicts: a three-way overlap gives three pairs; an empty calendar none', () => {
    const e = ['x', 'y', 'z'].map((id) => busyActivity(L.safety.id, id, T('09:00'), T('10:00')));
    expect(scheduleConflicts(e)).toHaveLength(3);
    expect(scheduleConflicts([])).toEqual([]);
  });
});
