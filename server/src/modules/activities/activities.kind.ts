/**
 * The 领导公务活动 matter kind: relative roles, guards and what follows each transition —
 * tasks in the right inbox, assignments, notifications to leaders, secretaries and the organiser,
 * and the reminder timers of ACT-7.
 */
import { activityLifecycle, ACTIVITY_GUARD_MESSAGES, formatChineseDateTime, reminderTimes, type Lifecycle } from '@xietiao/domain';
import type { Actor } from '../../platform/auth/actor';
import { isOffice } from '../../platform/auth/actor';
import type { Conn } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import { newId } from '../../platform/ids';
import { fromJson } from '../../platform/json';
import { cancelTimers, scheduleTimer, type TimerHandler } from '../../platform/timers';
import { notify, usersWithRole } from '../inbox/notify';
import { createMattersRepo, type MatterRow } from '../../kernel/matters.repo';
import { createTasksRepo } from '../../kernel/tasks.repo';
import { closeTasks } from '../../kernel/tasks.close';
import { principalLeaders, type KindHooks } from '../../kernel/matters.kinds';
import { createActivitiesRepo } from './activities.repo';
import { loadRuleSettings } from './activities.settings';

export const ACTIVITY_TIMERS = { dayBefore: 'activity.day_before', departure: 'activity.departure', escalate: 'activity.escalate' } as const;

/** The office's department: where requests land (the department of the office director). */
export async function officeDepartmentId(conn: Conn): Promise<string | null> {
  const row = await conn.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('users.department_id').where('user_roles.role', '=', 'office_director').where('users.active', '=', 1).where('users.department_id', 'is not', null).executeTakeFirst();
  return row?.department_id ?? null;
}

/** Leaders assigned (not withdrawn) and their secretaries. */
async function leadersAndSecretaries(conn: Conn, activityId: string) {
  const rows = await createActivitiesRepo(conn).assignments(activityId);
  const live = rows.filter((r) => r.status !== 'withdrawn');
  return { leaders: live.map((r) => r.leader_id), secretaries: live.map((r) => r.secretary_id).filter((s): s is string => !!s), rows: live };
}

/** Close the matter's open tasks of one kind as done (the step they asked for has been taken). */
const finish = (tx: Conn, matterId: string, kind: string, by: string | null, result: string | null, now: string) =>
  closeTasks(tx, { matterId, kind }, { status: 'done', by, result }, now);

async function addTask(tx: Conn, m: MatterRow, kind: string, title: string, to: { user?: string; department?: string | null }, by: string, now: string) {
  if (!to.user && !to.department) return;
  await createTasksRepo(tx).insert({
    id: newId(), matter_id: m.id, kind, title, assignee_user_id: to.user ?? null, assignee_department_id: to.user ? null : to.department ?? null,
    status: 'open', due_date: null, result: null, created_by: by, created_at: now, completed_at: null, completed_by: null, version: 1,
  });
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

export const activityKind: KindHooks = {
  lifecycle: activityLifecycle as unknown as Lifecycle,

  async roles(conn: Conn, actor: Actor, m: MatterRow) {
    const roles: string[] = [];
    if (isOffice(actor)) roles.push('office');
    if (m.created_by === actor.id) roles.push('organiser');
    if (actor.roles.includes('leader')) {
      const l = await conn.selectFrom('leaders').select(['principal', 'line']).where('user_id', '=', actor.id).executeTakeFirst();
      if (l?.principal === 1 && l.line === 'first') roles.push('principal');
    }
    const { leaders, secretaries } = await leadersAndSecretaries(conn, m.id);
    if (leaders.includes(actor.id) || secretaries.includes(actor.id)) roles.push('leader');
    return roles;
  },

  guards: {
    'has-proposal': async (conn, m) => {
      const a = await createActivitiesRepo(conn).get(m.id);
      return a && fromJson<string[]>(a.proposed_leader_ids, []).length > 0 && a.proposal ? null : ACTIVITY_GUARD_MESSAGES['has-proposal'];
    },
    'all-confirmed': async (conn, m) => ((await createActivitiesRepo(conn).unconfirmedCount(m.id)) > 0 ? ACTIVITY_GUARD_MESSAGES['all-confirmed'] : null),
  },

  async afterTransition(tx, { actor, matter: m, event, to, comment, clock }) {
    const now = clock.now().toISOString();
    const by = actor?.id ?? m.created_by;
    const repo = createActivitiesRepo(tx);
    const matters = createMattersRepo(tx);
    const a = (await repo.get(m.id))!;
    const when = `${formatChineseDateTime(a.starts_at)}，${a.place}`;
    const organiser = [m.created_by];

    if (event === 'propose') {
      await finish(tx, m.id, 'propose', by, '已提出拟办意见', now);
      const principals = await principalLeaders(tx);
      await matters.addAccess(m.id, principals.map((id) => ({ type: 'user', id })));
      for (const p of principals) await addTask(tx, m, 'approve', `请审批：${m.title}`, { user: p }, by, now);
      await notify(tx, clock, { userIds: principals, kind: 'approval_requested', matterId: m.id, title: `请审批领导出席安排：${m.title}`, body: a.proposal });
    }

    if (event === 'approve' || event === 'approveWithChanges') {
      await finish(tx, m.id, 'approve', by, comment ?? '同意', now);
      const leaderIds = fromJson<string[]>(a.proposed_leader_ids, []);
      await repo.setAssignments(m.id, leaderIds, now, newId, '审批时调整');
      const { leaders, secretaries, rows } = await leadersAndSecretaries(tx, m.id);
      await matters.addAccess(m.id, [...leaders, ...secretaries, ...(a.responsible_staff_id ? [a.responsible_staff_id] : [])].map((id) => ({ type: 'user' as const, id })));
      for (const r of rows.filter((r) => r.status === 'assigned')) {
        await addTask(tx, m, 'confirm', `请确认出席：${m.title}（${when}）`, { user: r.leader_id }, by, now);
      }
      await notify(tx, clock, { userIds: [...leaders, ...secretaries], kind: 'activity_assigned', matterId: m.id, title: `请出席：${m.title}`, body: `${when}。请确认。` });
      const names = rows.map((r) => `${r.post ?? ''}${r.leader_name}`).join('、');
      await notify(tx, clock, {
        userIds: organiser, kind: event === 'approve' ? 'activity_approved' : 'activity_changed', matterId: m.id,
        title: event === 'approve' ? `已同意：${m.title}，出席领导：${names}` : `已调整出席领导：${m.title}，出席领导：${names}`,
        body: comment,
      });
      if (a.responsible_staff_id) await notify(tx, clock, { userIds: [a.responsible_staff_id], kind: 'activity_responsible', matterId: m.id, title: `由您负责提醒领导按时出席：${m.title}`, body: when });
      await scheduleReminders(tx, clock, m.id);
    }

    if (event === 'decline') {
      await finish(tx, m.id, 'approve', by, comment, now);
      await notify(tx, clock, { userIds: organiser, kind: 'activity_declined', matterId: m.id, title: `未同意领导出席：${m.title}`, body: comment });
    }

    if (event === 'returnForRework') {
      await finish(tx, m.id, 'approve', by, comment, now);
      await addTask(tx, m, 'propose', `重新拟办：${m.title}`, { department: await officeDepartmentId(tx) }, by, now);
    }

    if (event === 'confirmAll') {
      await finish(tx, m.id, 'confirm', by, '已确认', now);
      await notify(tx, clock, { userIds: organiser, kind: 'activity_confirmed', matterId: m.id, title: `出席领导均已确认：${m.title}`, body: when });
    }

    if (to === 'recoordinating') {
      await cancelTimers(tx, { matterId: m.id, kinds: Object.values(ACTIVITY_TIMERS) });
      await closeTasks(tx, { matterId: m.id, kind: 'confirm' }, { status: 'cancelled' }, now);
      await addTask(tx, m, 'propose', `重新协调出席领导：${m.title}`, { department: await officeDepartmentId(tx) }, by, now);
      const office = await usersWithRole(tx, 'office_director');
      await notify(tx, clock, { userIds: [...office, ...organiser, ...(a.responsible_staff_id ? [a.responsible_staff_id] : [])], kind: 'activity_reopened', matterId: m.id, title: `需重新协调：${m.title}`, body: comment });
    }

    if (to === 'cancelled') {
      const { leaders, secretaries } = await leadersAndSecretaries(tx, m.id);
      await notify(tx, clock, { userIds: [...leaders, ...secretaries, ...organiser].filter((u) => u !== actor?.id), kind: 'activity_cancelled', matterId: m.id, title: `活动已撤销：${m.title}`, body: comment });
    }
  },
};

async function liveActivity(tx: Conn, matterId: string | null) {
  if (!matterId) return null;
  const m = await tx.selectFrom('matters').selectAll().where('id', '=', matterId).executeTakeFirst();
  if (!m || !['approved', 'confirmed'].includes(m.status)) return null;
  const a = await createActivitiesRepo(tx).get(matterId);
  return a ? { m, a } : null;
}

export function activityTimerHandlers(clock: Clock): Record<string, TimerHandler> {
  return {
    [ACTIVITY_TIMERS.dayBefore]: async (tx, timer) => {
      const live = await liveActivity(tx, timer.matter_id);
      if (!live) return;
      const { leaders, secretaries } = await leadersAndSecretaries(tx, live.m.id);
      const names = (await createActivitiesRepo(tx).assignments(live.m.id)).filter((r) => r.status !== 'withdrawn').map((r) => r.leader_name).join('、');
      await notify(tx, clock, {
        userIds: [live.a.responsible_staff_id, ...secretaries].filter((u): u is string => !!u), kind: 'activity_day_before', matterId: live.m.id, timerId: timer.id,
        title: `明日活动提醒：${live.m.title}`, body: `${formatChineseDateTime(live.a.starts_at)}，${live.a.place}；出席领导：${names}；路程约${live.a.travel_minutes}分钟。`,
      });
      void leaders;
    },
    [ACTIVITY_TIMERS.departure]: async (tx, timer) => {
      const live = await liveActivity(tx, timer.matter_id);
      if (!live || live.a.reminder_state === 'departed') return;
      const { secretaries } = await leadersAndSecretaries(tx, live.m.id);
      await notify(tx, clock, {
        userIds: [live.a.responsible_staff_id, ...secretaries].filter((u): u is string => !!u), kind: 'activity_departure', matterId: live.m.id, timerId: timer.id,
        title: `请提醒领导出发：${live.m.title}`, body: `活动${formatChineseDateTime(live.a.starts_at)}开始，路程约${live.a.travel_minutes}分钟，请现在提醒领导出发，并在系统中确认“已提醒/已出发”。`,
      });
    },
    [ACTIVITY_TIMERS.escalate]: async (tx, timer) => {
      const live = await liveActivity(tx, timer.matter_id);
      if (!live || live.a.reminder_state === 'departed') return;
      const directors = await usersWithRole(tx, 'office_director');
      await notify(tx, clock, {
        userIds: directors, kind: 'activity_escalation', matterId: live.m.id, timerId: timer.id,
        title: `未确认出发：${live.m.title}`, body: `应于${formatChineseDateTime(new Date(Date.parse(live.a.starts_at) - live.a.travel_minutes * 60_000).toISOString())}前出发，负责人员尚未确认“已出发”，请即核实。`,
      });
    },
  };
}
