/**
 * ACT-8 conflict detection over leaders' calendars. An activity occupies its time plus the
 * one-way travel before and after it; an absence (请假/出差) occupies its period.
 */
import type { ActivityFacts, BusyPeriod } from './types';

export interface BusyWindow {
  start: Date;
  end: Date;
}

/** The time a calendar entry takes out of a leader's day: [start − travel, end + travel). */
export function busyWindow(p: { startsAt: string; endsAt: string; travelMinutes?: number }): BusyWindow {
  const travel = Math.max(0, p.travelMinutes ?? 0) * 60_000;
  return { start: new Date(Date.parse(p.startsAt) - travel), end: new Date(Date.parse(p.endsAt) + travel) };
}

/** Half-open overlap: back-to-back entries (one ends when the other starts) do not conflict. */
export function overlaps(a: BusyWindow, b: BusyWindow): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/**
 * The entries of `leaderId`'s calendar that clash with the activity. Absences always conflict when
 * they overlap the activity's window (travel included); activities and meetings clash when their
 * windows (each with its own travel) overlap. The activity's own entries are ignored.
 * Callers decide how strong a conflict is from `kind` and `firm`.
 */
export function findConflicts(
  activity: Pick<ActivityFacts, 'id' | 'startsAt' | 'endsAt' | 'travelMinutes'>,
  leaderId: string,
  busy: BusyPeriod[],
): BusyPeriod[] {
  const mine = busyWindow(activity);
  return busy
    .filter((p) => p.leaderId === leaderId && !(p.kind !== 'absence' && p.refId === activity.id))
    .filter((p) => overlaps(mine, p.kind === 'absence' ? busyWindow({ ...p, travelMinutes: 0 }) : busyWindow(p)))
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

/** A conflict blocks attendance when it is an absence or a firm (approved/confirmed) commitment. */
export function isBlocking(p: BusyPeriod): boolean {
  return p.kind === 'absence' || p.firm;
}

export type ScheduleEntry = Pick<BusyPeriod, 'leaderId' | 'refId' | 'startsAt' | 'endsAt'> & { travelMinutes?: number; kind?: BusyPeriod['kind'] };

export interface ScheduleConflict<T extends ScheduleEntry = ScheduleEntry> {
  leaderId: string;
  /** the earlier-starting entry */
  a: T;
  b: T;
}

/**
 * Every pair of overlapping entries of the same leader (travel buffers included, absences without),
 * for the weekly table's conflict markers. Pairs come ordered by leader, then by start time.
 */
export function scheduleConflicts<T extends ScheduleEntry>(entries: T[]): ScheduleConflict<T>[] {
  const byLeader = new Map<string, { e: T; w: BusyWindow }[]>();
  for (const e of entries) {
    const w = e.kind === 'absence' ? busyWindow({ ...e, travelMinutes: 0 }) : busyWindow(e);
    const list = byLeader.get(e.leaderId) ?? [];
    list.push({ e, w });
    byLeader.set(e.leaderId, list);
  }
  const out: ScheduleConflict<T>[] = [];
  for (const [leaderId, list] of [...byLeader.entries()].sort(([x], [y]) => x.localeCompare(y))) {
    list.sort((x, y) => x.w.start.getTime() - y.w.start.getTime() || x.w.end.getTime() - y.w.end.getTime());
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length && list[j].w.start.getTime() < list[i].w.end.getTime(); j++) {
        if (list[i].e.refId === list[j].e.refId && list[i].e.kind === list[j].e.kind) continue; // the same entry twice
        out.push({ leaderId, a: list[i].e, b: list[j].e });
      }
    }
  }
  return out;
}

/** For the markers: `${leaderId}:${refId}` → the refIds it clashes with. */
export function conflictMarkers<T extends ScheduleEntry>(conflicts: ScheduleConflict<T>[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  const add = (k: string, v: string) => m.set(k, [...(m.get(k) ?? []), v]);
  for (const c of conflicts) {
    add(`${c.leaderId}:${c.a.refId}`, c.b.refId);
    add(`${c.leaderId}:${c.b.refId}`, c.a.refId);
  }
  return m;
}
