/**
 * Reading activities: the detail (rules, candidates, allowed actions, the reminders as scheduled),
 * the list, the suggested proposal.
 */
import { addCalendarDays, type api, proposeAttendees, reminderTimes, substitutes, type Candidate } from '@xietiao/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import { fromJson } from '../../platform/json';
import { forbidden } from '../../platform/errors';
import { timersOfMatter } from '../../platform/timers';
import type { Kernel } from '../../kernel/kernel';
import type { MattersService } from '../../kernel/matters.service';
import { presentMatterSummary } from '../../kernel/matters.presenter';
import { createLookupsRepo } from '../../kernel/reads';
import { createActivitiesRepo, type ActivityRow } from './activities.repo';
import { ACTIVITY_TIMERS, mayConfirmFor } from './activities.kind';
import { assess, loadOr404 } from './activities.support';
import type { Schedule } from '../schedule/schedule.service';

type Deps = Pick<AppContext, 'db' | 'clock'>;
type Reminder = z.infer<typeof api.ActivityReminder>;

const REMINDER_NAMES: Record<keyof typeof ACTIVITY_TIMERS, string> = { dayBefore: '提前一天提醒', departure: '出发提醒', escalate: '未出发上报' };
/** States in which an activity's reminders have been scheduled (and none set means its time had passed). */
const SCHEDULED_STATES = ['approved', 'confirmed', 'completed'];

export function createActivityReads({ db, clock }: Deps, { kernel, matters, schedule }: { kernel: Kernel; matters: MattersService; schedule: Schedule }) {
  async function detail(actor: Actor, id: string) {
    const base = await matters.get(actor, id);
    const { m, a } = await loadOr404(db, actor, id);
    const repo = createActivitiesRepo(db);
    const lookups = createLookupsRepo(db);
    const assignments = await repo.assignments(id);
    const proposed = fromJson<string[]>(a.proposed_leader_ids, []);
    const requested = fromJson<string[]>(a.requested_leader_ids, []);
    const live = assignments.filter((r) => r.status !== 'withdrawn').map((r) => r.leader_id);
    const judged = live.length ? live : proposed.length ? proposed : requested;
    const { evaluations, candidates, leaders, settings, facts, input } = await assess(db, schedule, actor, m, a, judged);
    const allowed = new Set(base.allowedActions.map((x) => x.action));
    const name = (uid: string) => leaders.find((l) => l.id === uid)?.name ?? uid;
    const withdrawn = assignments.filter((r) => r.status === 'withdrawn').map((r) => r.leader_id);
    const rankedCandidates: Candidate[] =
      m.status === 'recoordinating' && withdrawn.length
        ? substitutes(facts, Object.fromEntries(withdrawn.map((w) => [w, assignments.find((r) => r.leader_id === w)?.note ?? '不能出席'])), input, live)
        : candidates;
    const times = reminderTimes({ startsAt: a.starts_at, travelMinutes: a.travel_minutes }, settings);
    return {
      ...base,
      activity: {
        category: a.category,
        organiserName: a.organiser_name,
        organiserDepartmentId: a.organiser_department_id,
        organiserDepartmentName: a.organiser_department_id ? await lookups.departmentName(a.organiser_department_id) : null,
        heldInName: a.held_in_name,
        startsAt: a.starts_at,
        endsAt: a.ends_at,
        place: a.place,
        travelMinutes: a.travel_minutes,
        area: a.area,
        requestedLeaders: requested.map((r) => ({ id: r, name: name(r) })),
        exceptions: facts.exceptions,
        description: a.description,
        contact: a.contact,
        proposal: a.proposal,
        proposedLeaders: proposed.map((r) => ({ id: r, name: name(r) })),
        responsibleStaffId: a.responsible_staff_id,
        responsibleStaffName: a.responsible_staff_id ? await lookups.userName(a.responsible_staff_id) : null,
        reminderState: a.reminder_state,
        remindedAt: a.reminded_at,
        departedAt: a.departed_at,
        reminderTimes: { dayBefore: times.dayBefore.toISOString(), departure: times.departure.toISOString(), escalateAt: times.escalateAt.toISOString() },
        reminders: await scheduledReminders(a, m.status),
      },
      assignments: assignments.map((r) => ({
        leaderId: r.leader_id,
        leaderName: r.leader_name,
        post: r.post ?? '',
        status: r.status,
        confirmedAt: r.confirmed_at,
        confirmedByName: r.confirmed_by_name,
        note: r.note,
      })),
      ruleEvaluations: evaluations,
      candidates: allowed.has('suggest') ? rankedCandidates : [],
      confirmableLeaderIds: allowed.has('confirm')
        ? assignments.filter((r) => r.status === 'assigned' && mayConfirmFor(actor, r.leader_id, r.secretary_id)).map((r) => r.leader_id)
        : [],
    };
  }

  /**
   * ACT-7: the reminders as they were scheduled, from the timers — not recomputed from today's
   * settings, which may have changed since. Of each kind the latest timer counts (a changed time
   * or travel cancels and sets them again). The departure reminder and the escalation are not
   * sent once departure is confirmed (their handlers skip), so they show as skipped then.
   */
  async function scheduledReminders(a: ActivityRow, status: string): Promise<Reminder[]> {
    const timers = await timersOfMatter(db, a.matter_id, Object.values(ACTIVITY_TIMERS));
    if (!timers.length && !SCHEDULED_STATES.includes(status)) return [];
    return (Object.keys(ACTIVITY_TIMERS) as (keyof typeof ACTIVITY_TIMERS)[]).map((key) => {
      const kind = ACTIVITY_TIMERS[key];
      const label = REMINDER_NAMES[key];
      const t = timers.filter((x) => x.kind === kind).at(-1);
      if (!t) return { kind, label, dueAt: null, state: 'skipped', firedAt: null };
      const departedFirst =
        key !== 'dayBefore' && !!a.departed_at && (t.state === 'pending' || (t.state === 'fired' && !!t.fired_at && t.fired_at >= a.departed_at));
      if (departedFirst) return { kind, label, dueAt: t.due_at, state: 'skipped', firedAt: null };
      return { kind, label, dueAt: t.due_at, state: t.state, firedAt: t.state === 'fired' ? t.fired_at : null };
    });
  }

  async function list(actor: Actor, q: z.infer<typeof api.ActivityListQuery>) {
    const repo = createActivitiesRepo(db);
    const { rows, total } = await repo.list(actor, {
      status: q.status,
      q: q.q,
      page: q.page,
      pageSize: q.pageSize,
      nowIso: clock.now().toISOString(),
      fromIso: q.from ? new Date(`${q.from}T00:00:00+08:00`).toISOString() : undefined,
      toIso: q.to ? new Date(`${addCalendarDays(q.to, 1)}T00:00:00+08:00`).toISOString() : undefined,
    });
    const assigned = await repo.liveAssignmentsOf(rows.map((r) => r.id));
    // Before approval there are no assignments: show the proposed (拟) or the requested (邀请) leaders.
    const names = await createLookupsRepo(db).userNames(
      rows.flatMap((r) => [...fromJson<string[]>(r.proposed_leader_ids, []), ...fromJson<string[]>(r.requested_leader_ids, [])]),
    );
    const leadersOf = (r: (typeof rows)[number]) => {
      const here = assigned.filter((x) => x.activity_id === r.id);
      if (here.length) return here.map((x) => ({ id: x.leader_id, name: x.name, status: x.status as string }));
      const proposed = fromJson<string[]>(r.proposed_leader_ids, []);
      const ids = proposed.length ? proposed : fromJson<string[]>(r.requested_leader_ids, []);
      return ids.map((uid) => ({ id: uid, name: names.get(uid) ?? uid, status: proposed.length ? 'proposed' : 'requested' }));
    };
    return {
      items: rows.map((r) => ({
        ...presentMatterSummary(r),
        category: r.category,
        organiserName: r.organiser_name,
        heldInName: r.held_in_name,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        place: r.place,
        leaders: leadersOf(r),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** A suggested proposal (the office may edit it before sending). */
  async function suggestion(actor: Actor, id: string) {
    const { m, a } = await loadOr404(db, actor, id);
    const roles = await kernel.policy.rolesOf(db, actor, m);
    if (!roles.includes('office')) throw forbidden('拟办建议仅供办公室使用');
    const { candidates, facts, settings } = await assess(db, schedule, actor, m, a, fromJson<string[]>(a.requested_leader_ids, []));
    return proposeAttendees(candidates, facts, settings);
  }

  return { detail, list, suggestion };
}
