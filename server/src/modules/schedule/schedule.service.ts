/**
 * One schedule of busy periods (K-9). Modules contribute their busy periods through sources —
 * activities (leaders at approved or proposed activities), the organisation (absences), meetings
 * next — and everything that asks "is this person free then?" reads this one schedule: the
 * activity recommendation and clash checks, the leaders' calendars and weekly table, and the
 * free-slot finder to come.
 *
 * Need-to-know holds here too: for a viewer, a period from a matter the viewer may not see keeps
 * its time (the person is busy) but not its title or place ("另有公务安排"), so neither the
 * candidates' reasons nor a calendar can leak what the viewer may not know; an absence shows its
 * kind only to the office, the leaders and the person (`maySeeAbsenceKind`), "有安排" to others.
 */
import { ABSENCE_HIDDEN_TITLE, maySeeAbsenceKind, type BusyPeriod } from '@xietiao/domain';
import type { Actor } from '../../platform/auth/actor';
import type { Conn } from '../../platform/db/database';
import { createScheduleRepo } from './schedule.repo';

export interface BusyRange {
  /** overlapping [from, to): ISO UTC instants */
  from: string;
  to: string;
  /** leave out this matter's own periods (the activity being assessed) */
  excludeMatterId?: string;
  leaderId?: string;
  /** include finished work (completed activities) — for calendars of past weeks */
  history?: boolean;
}
export type BusySource = (conn: Conn, r: BusyRange) => Promise<BusyPeriod[]>;

export const HIDDEN_TITLE = '另有公务安排';

export function createSchedule(sources: BusySource[]) {
  /** Busy periods in the range from every source; `viewer` null is the system (nothing hidden). */
  async function busy(conn: Conn, viewer: Actor | null, r: BusyRange): Promise<BusyPeriod[]> {
    const all = (await Promise.all(sources.map((s) => s(conn, r)))).flat();
    if (!viewer) return all.map((b) => ({ ...b, visible: true }));
    const matterIds = [...new Set(all.filter((b) => b.kind !== 'absence').map((b) => b.refId))];
    const visible = await createScheduleRepo(conn).visibleMatterIds(viewer, matterIds);
    return all.map((b) => {
      // an absence: its kind for the office, leaders and the person; "有安排" for everyone else
      if (b.kind === 'absence')
        return maySeeAbsenceKind(viewer, b.leaderId) ? { ...b, visible: true } : { ...b, title: ABSENCE_HIDDEN_TITLE, status: 'blocked', visible: true };
      return visible.has(b.refId) ? { ...b, visible: true } : { ...b, title: HIDDEN_TITLE, place: null, visible: false };
    });
  }
  return { busy };
}
export type Schedule = ReturnType<typeof createSchedule>;
