/**
 * The 领导公务活动 matter kind: relative roles, guards, the commands that own its events, and
 * what follows each event — tasks in the right inbox, assignments, the approval instruction,
 * clash handling (ACT-6), withdrawals, notifications to leaders, secretaries and the organiser,
 * and the reminder timers of ACT-7. These effects run inside the transition, so whichever path
 * fires an event (a command, the system), they always happen together.
 */
import {
  activityLifecycle,
  activityPolicy,
  ACTIVITY_GUARD_MESSAGES,
  chinaDate,
  findConflicts,
  previousWorkingDay,
  formatChineseDateTime,
  reminderTimes,
  type Lifecycle,
} from '@xietiao/domain';
import type { Actor } from '../../platform/auth/actor';
import { isOffice } from '../../platform/auth/actor';
import type { Conn } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import { newId } from '../../platform/ids';
import { fromJson } from '../../platform/json';
import { cancelTimers, scheduleTimer, type TimerHandler } from '../../platform/timers';
import { notify, usersWithRole } from '../inbox/notify';
import { createLookupsRepo, findMatter, type MatterRow } from '../../kernel/reads';
import { principalLeaders, type KindDefinition, type TransitionContext } from '../../kernel/matters.kinds';
import { createActivitiesRepo } from './activities.repo';
import { loadRuleSettings } from './activities.settings';

export const ACTIVITY_TIMERS = { dayBefore: 'activity.day_before', departure: 'activity.departure', escalate: 'activity.escalate' } as const;
const HOUR = 3600_000;

/** Payloads of the commands that own activity events. */
export interface DecidePayload {
  decision: 'approve' | 'approveWithChanges' | 'decline' | 'returnForRework';
  instruction: string;
  leaderIds?: string[];
}
export interface ReopenPayload {
  leaderId: string | null;
  reason: string;
}

const DECISION_KIND = { approve: 'approve', approveWithChanges: 'change', decline: 'decline', returnForRework: 'change' } as const;

/** The office's department: where requests land (the department of the office director). */
export function officeDepartmentId(conn: Conn): Promise<string | null> {
  return createLookupsRepo(conn).officeDepartmentId();
}

/** Leaders assigned (not withdrawn) and their secretaries. */
export async function leadersAndSecretaries(conn: Conn, activityId: string) {
  const rows = await createActivitiesRepo(conn).assignments(activityId);
  const live = rows.filter((r) => r.status !== 'withdrawn');
  return { leaders: live.map((r) => r.leader_id), secretaries: live.map((r) => r.secretary_id).filter((s): s is string => !!s), rows: live };
}

/** Schedule (again) the day-before, departure and escalation reminders of an approved activity. */
export async function scheduleReminders(tx: Conn, clock: Clock, matterId: string) {
  await cancelTimers(tx, { matterId, kinds: Object.values(ACTIVITY_TIMERS) });
  const a = await createActivitiesRepo(tx).get(matterId);
  if (!a) return;
  const settings = await loadRuleSettings(tx);
  const t = reminderTimes({ startsAt: a.starts_at, travelMinutes: a.travel_minutes }, settings.value);
  const now = clock.now();
  if (t.dayBefore > now) await scheduleTimer(tx, clock, { dueAt: t.dayBefore, kind: ACTIVITY_TIMERS.dayBefore, matterId });
  if (t.departure > now) await scheduleTimer(tx, clock, { dueAt: t.departure, kind: ACTIVITY_TIMERS.departure, matterId });
  if (t.escalateAt > now) await scheduleTimer(tx, clock, { dueAt: t.escalateAt, kind: ACTIVITY_TIMERS.escalate, matterId });
}

/** Close the matter's open tasks of one kind as done (the step they asked for has been taken). */
const finish = (t: TransitionContext, tx: Conn, kind: string, result: string | null) =>
  t.kernel.tasks.close(tx, { matterId: t.matter.id, kind }, { status: 'done', by: t.actor?.id ?? null, result });

/**
 * When the office's and the leaders' steps on an activity (拟办, 审批, 确认出席) are due: the
 * working day before it, or the day itself when that is already past, and never before today.
 */
export function dueBeforeActivity(startsAt: string, t: Pick<TransitionContext, 'clock' | 'calendar'>): string {
  const day = chinaDate(new Date(startsAt));
  const today = chinaDate(t.clock.now());
  const before = previousWorkingDay(day, t.calendar);
  return before >= today ? before : day >= today ? day : today;
}

/** A task for the office's department (拟办, 重新协调), due before the activity. */
async function officeTask(tx: Conn, t: TransitionContext, title: string) {
  const dept = await officeDepartmentId(tx);
  const a = await createActivitiesRepo(tx).get(t.matter.id);
  if (dept)
    await t.kernel.tasks.open(tx, {
      matterId: t.matter.id,
      kind: 'propose',
      title,
      assignee: { departmentId: dept },
      dueDate: a ? dueBeforeActivity(a.starts_at, t) : null,
      by: t.actor?.id ?? null,
      notice: false,
    });
}

/** The principal leader's decision, on record as an instruction, closing the approval tasks. */
async function recordDecision(tx: Conn, t: TransitionContext<DecidePayload>) {
  await finish(t, tx, 'approve', t.payload.instruction);
  if (t.actor)
    await t.kernel.instructions.record(tx, {
      matterId: t.matter.id,
      leaderId: t.actor.id,
      kind: 'approval',
      decision: DECISION_KIND[t.payload.decision],
      text: t.payload.instruction,
    });
}

/**
 * ACT-6: the principal leader has just committed leaders to this activity. Any other approved
 * activity of the same leader that now clashes (travel included) gives way: that leader is
 * withdrawn from it and it re-opens for coordination, with the reason on record.
 */
async function yieldClashes(tx: Conn, t: TransitionContext) {
  const repo = createActivitiesRepo(tx);
  const id = t.matter.id;
  const a = (await repo.get(id))!;
  const leaders = (await repo.assignments(id)).filter((r) => r.status !== 'withdrawn');
  const busy = await repo.busyActivities(
    new Date(Date.parse(a.starts_at) - 12 * HOUR).toISOString(),
    new Date(Date.parse(a.ends_at) + 12 * HOUR).toISOString(),
    { excludeActivityId: id },
  );
  const reopened = new Set<string>();
  for (const l of leaders) {
    const clashes = findConflicts({ id, startsAt: a.starts_at, endsAt: a.ends_at, travelMinutes: a.travel_minutes }, l.leader_id, busy).filter(
      (b) => b.kind === 'activity' && b.firm && !reopened.has(b.refId),
    );
    for (const c of clashes) {
      const other = (await findMatter(tx, c.refId))!;
      if (!['approved', 'confirmed'].includes(other.status)) continue;
      const reason = `${l.leader_name}经${t.actor?.name ?? '主要领导'}审批改为出席「${t.matter.title}」，时间冲突，需重新协调出席领导`;
      await t.fire(tx, null, other, 'reopen', {
        version: other.version,
        comment: reason,
        command: 'reopen',
        payload: { leaderId: l.leader_id, reason } satisfies ReopenPayload,
      });
      reopened.add(c.refId);
    }
  }
}

async function approved(tx: Conn, t: TransitionContext<DecidePayload>) {
  const { matter: m, clock, kernel } = t;
  const repo = createActivitiesRepo(tx);
  if (t.payload.decision === 'approveWithChanges') {
    const leaderIds = [...new Set(t.payload.leaderIds ?? [])];
    await repo.update(m.id, { proposed_leader_ids: leaderIds });
    await kernel.audit.append(tx, {
      actorId: t.actor?.id ?? null,
      action: 'activity.leaders_changed',
      entityType: 'matter',
      entityId: m.id,
      matterId: m.id,
      detail: { leaderIds },
    });
  }
  await recordDecision(tx, t);
  const a = (await repo.get(m.id))!;
  const now = clock.now().toISOString();
  await repo.setAssignments(m.id, fromJson<string[]>(a.proposed_leader_ids, []), now, newId, '审批时调整');
  const { leaders, secretaries, rows } = await leadersAndSecretaries(tx, m.id);
  await kernel.access.grant(
    tx,
    m.id,
    [...leaders, ...secretaries, ...(a.responsible_staff_id ? [a.responsible_staff_id] : [])].map((id) => ({ type: 'user' as const, id })),
  );
  const when = `${formatChineseDateTime(a.starts_at)}，${a.place}`;
  for (const r of rows.filter((r) => r.status === 'assigned')) {
    await kernel.tasks.open(tx, {
      matterId: m.id,
      kind: 'confirm',
      title: `请确认出席：${m.title}（${when}）`,
      assignee: { userId: r.leader_id },
      dueDate: dueBeforeActivity(a.starts_at, t),
      by: t.actor?.id ?? null,
      notice: false,
    });
  }
  await notify(tx, clock, {
    userIds: [...leaders, ...secretaries],
    kind: 'activity_assigned',
    matterId: m.id,
    title: `请出席：${m.title}`,
    body: `${when}。请确认。`,
  });
  const names = rows.map((r) => `${r.post ?? ''}${r.leader_name}`).join('、');
  const plain = t.payload.decision === 'approve';
  await notify(tx, clock, {
    userIds: [m.created_by],
    kind: plain ? 'activity_approved' : 'activity_changed',
    matterId: m.id,
    title: plain ? `已同意：${m.title}，出席领导：${names}` : `已调整出席领导：${m.title}，出席领导：${names}`,
    body: t.comment,
  });
  if (a.responsible_staff_id)
    await notify(tx, clock, {
      userIds: [a.responsible_staff_id],
      kind: 'activity_responsible',
      matterId: m.id,
      title: `由您负责提醒领导按时出席：${m.title}`,
      body: when,
    });
  await scheduleReminders(tx, clock, m.id);
  await yieldClashes(tx, t);
}

export const activityKind: KindDefinition = {
  lifecycle: activityLifecycle as unknown as Lifecycle,
  policy: activityPolicy,

  async roles(conn: Conn, actor: Actor, m: MatterRow) {
    const roles: string[] = [];
    if (m.created_by === actor.id) roles.push('organiser');
    if (actor.roles.includes('leader')) {
      const l = await createLookupsRepo(conn).leader(actor.id);
      if (l?.principal === 1 && l.line === 'first') roles.push('principal');
    }
    const { leaders, secretaries } = await leadersAndSecretaries(conn, m.id);
    if (leaders.includes(actor.id) || secretaries.includes(actor.id)) roles.push('attendee');
    const a = await createActivitiesRepo(conn).get(m.id);
    if (a?.responsible_staff_id === actor.id) roles.push('responsible');
    return roles;
  },

  guards: {
    'has-proposal': async (conn, m) => {
      const a = await createActivitiesRepo(conn).get(m.id);
      return a && fromJson<string[]>(a.proposed_leader_ids, []).length > 0 && a.proposal ? null : ACTIVITY_GUARD_MESSAGES['has-proposal'];
    },
    'all-confirmed': async (conn, m) => ((await createActivitiesRepo(conn).unconfirmedCount(m.id)) > 0 ? ACTIVITY_GUARD_MESSAGES['all-confirmed'] : null),
  },

  commands: {
    propose: { label: '提出拟办意见', route: 'POST /api/v1/activities/:id/proposal' },
    decide: { label: '主要领导审批', route: 'POST /api/v1/activities/:id/approval' },
    confirm: { label: '确认出席', route: 'POST /api/v1/activities/:id/confirmations' },
    reopen: { label: '重新协调', route: 'POST /api/v1/activities/:id/reopen' },
  },

  onEvent: {
    /** The proposal is recorded by the command; the principal leaders get the approval task. */
    async propose(tx, t) {
      const { matter: m, clock, kernel } = t;
      const a = (await createActivitiesRepo(tx).get(m.id))!;
      await finish(t, tx, 'propose', '已提出拟办意见');
      const principals = await principalLeaders(tx);
      for (const p of principals)
        await kernel.tasks.open(tx, {
          matterId: m.id,
          kind: 'approve',
          title: `请审批：${m.title}`,
          assignee: { userId: p },
          dueDate: dueBeforeActivity(a.starts_at, t),
          by: t.actor?.id ?? null,
          notice: false,
        });
      await notify(tx, clock, { userIds: principals, kind: 'approval_requested', matterId: m.id, title: `请审批领导出席安排：${m.title}`, body: a.proposal });
    },
    approve: approved,
    approveWithChanges: approved,
    async decline(tx, t: TransitionContext<DecidePayload>) {
      await recordDecision(tx, t);
      await notify(tx, t.clock, {
        userIds: [t.matter.created_by],
        kind: 'activity_declined',
        matterId: t.matter.id,
        title: `未同意领导出席：${t.matter.title}`,
        body: t.comment,
      });
    },
    async returnForRework(tx, t: TransitionContext<DecidePayload>) {
      await recordDecision(tx, t);
      await officeTask(tx, t, `重新拟办：${t.matter.title}`);
    },
    async confirmAll(tx, t) {
      const a = (await createActivitiesRepo(tx).get(t.matter.id))!;
      await finish(t, tx, 'confirm', '已确认');
      await notify(tx, t.clock, {
        userIds: [t.matter.created_by],
        kind: 'activity_confirmed',
        matterId: t.matter.id,
        title: `出席领导均已确认：${t.matter.title}`,
        body: `${formatChineseDateTime(a.starts_at)}，${a.place}`,
      });
    },
    /** The leader who cannot go is withdrawn, with the reason, in the same transition. */
    async reopen(tx, t: TransitionContext<ReopenPayload>) {
      if (t.payload?.leaderId) await createActivitiesRepo(tx).withdraw(t.matter.id, t.payload.leaderId, t.payload.reason);
    },
  },

  onEnter: {
    async recoordinating(tx, t) {
      const { matter: m, clock, kernel } = t;
      const a = (await createActivitiesRepo(tx).get(m.id))!;
      await cancelTimers(tx, { matterId: m.id, kinds: Object.values(ACTIVITY_TIMERS) });
      await kernel.tasks.close(tx, { matterId: m.id, kind: 'confirm' }, { status: 'cancelled' });
      await officeTask(tx, t, `重新协调出席领导：${m.title}`);
      const office = await usersWithRole(tx, 'office_director');
      await notify(tx, clock, {
        userIds: [...office, m.created_by, ...(a.responsible_staff_id ? [a.responsible_staff_id] : [])],
        kind: 'activity_reopened',
        matterId: m.id,
        title: `需重新协调：${m.title}`,
        body: t.comment,
      });
    },
    async cancelled(tx, t) {
      const { leaders, secretaries } = await leadersAndSecretaries(tx, t.matter.id);
      await notify(tx, t.clock, {
        userIds: [...leaders, ...secretaries, t.matter.created_by].filter((u) => u !== t.actor?.id),
        kind: 'activity_cancelled',
        matterId: t.matter.id,
        title: `活动已撤销：${t.matter.title}`,
        body: t.comment,
      });
    },
  },
};

/** Is the actor the office, or the leader, or the leader's secretary? (who may confirm for a leader) */
export function mayConfirmFor(actor: Actor, leaderId: string, secretaryId: string | null): boolean {
  return actor.id === leaderId || secretaryId === actor.id || isOffice(actor);
}

async function liveActivity(tx: Conn, matterId: string | null) {
  if (!matterId) return null;
  const m = await findMatter(tx, matterId);
  if (!m || !['approved', 'confirmed'].includes(m.status)) return null;
  const a = await createActivitiesRepo(tx).get(matterId);
  return a ? { m, a } : null;
}

export function activityTimerHandlers(clock: Clock): Record<string, TimerHandler> {
  return {
    [ACTIVITY_TIMERS.dayBefore]: async (tx, timer) => {
      const live = await liveActivity(tx, timer.matter_id);
      if (!live) return;
      const { secretaries, rows } = await leadersAndSecretaries(tx, live.m.id);
      const names = rows.map((r) => r.leader_name).join('、');
      await notify(tx, clock, {
        userIds: [live.a.responsible_staff_id, ...secretaries].filter((u): u is string => !!u),
        kind: 'activity_day_before',
        matterId: live.m.id,
        timerId: timer.id,
        title: `明日活动提醒：${live.m.title}`,
        body: `${formatChineseDateTime(live.a.starts_at)}，${live.a.place}；出席领导：${names}；路程约${live.a.travel_minutes}分钟。`,
      });
    },
    [ACTIVITY_TIMERS.departure]: async (tx, timer) => {
      const live = await liveActivity(tx, timer.matter_id);
      if (!live || live.a.reminder_state === 'departed') return;
      const { secretaries } = await leadersAndSecretaries(tx, live.m.id);
      await notify(tx, clock, {
        userIds: [live.a.responsible_staff_id, ...secretaries].filter((u): u is string => !!u),
        kind: 'activity_departure',
        matterId: live.m.id,
        timerId: timer.id,
        title: `请提醒领导出发：${live.m.title}`,
        body: `活动${formatChineseDateTime(live.a.starts_at)}开始，路程约${live.a.travel_minutes}分钟，请现在提醒领导出发，并在系统中确认“已提醒/已出发”。`,
      });
    },
    [ACTIVITY_TIMERS.escalate]: async (tx, timer) => {
      const live = await liveActivity(tx, timer.matter_id);
      if (!live || live.a.reminder_state === 'departed') return;
      const directors = await usersWithRole(tx, 'office_director');
      await notify(tx, clock, {
        userIds: directors,
        kind: 'activity_escalation',
        matterId: live.m.id,
        timerId: timer.id,
        title: `未确认出发：${live.m.title}`,
        body: `应于${formatChineseDateTime(new Date(Date.parse(live.a.starts_at) - live.a.travel_minutes * 60_000).toISOString())}前出发，负责人员尚未确认“已出发”，请即核实。`,
      });
    },
  };
}
