/**
 * Leader activities (ACT-1…ACT-7): intake, the rules and the recommendation, the office's
 * proposal, the principal leader's approval, confirmations, reminders and re-coordination.
 * Built on the coordination kernel: an activity is a matter of kind 'activity' and every status
 * change goes through the kernel's applyTransition.
 */
import {
  addCalendarDays, api, chinaDate, evaluateRules, findConflicts, inNameQuotaPeriod, proposeAttendees, recommendLeaders, reminderTimes, substitutes,
  type ActivityFacts, type ActivityCategory, type ActivityExceptions, type Candidate, type LeaderFacts,
} from '@xietiao/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import { isOffice, requireWorkflowUser } from '../../platform/auth/actor';
import type { Conn } from '../../platform/db/database';
import { appendAudit } from '../../platform/audit';
import { badRequest, forbidden, notFound, staleVersion, invalidState } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { fromJson } from '../../platform/json';
import { departmentMembers, isWorkflowUser, notify } from '../inbox/notify';
import { createMattersRepo } from '../../kernel/matters.repo';
import { createMattersService } from '../../kernel/matters.service';
import { createTasksRepo } from '../../kernel/tasks.repo';
import { closeTasks } from '../../kernel/tasks.close';
import { presentMatterSummary } from '../../kernel/matters.presenter';
import type { KindRegistry } from '../../kernel/matters.kinds';
import { whereVisible } from '../../kernel/matters.access';
import { createActivitiesRepo, type ActivityRow } from './activities.repo';
import { officeDepartmentId, scheduleReminders } from './activities.kind';
import { loadRuleSettings } from './activities.settings';
import { runTx } from '../../platform/db/tx';

type Deps = Pick<AppContext, 'db' | 'clock' | 'calendar'>;
const HOUR = 3600_000;
const DECISION_EVENT = { approve: 'approve', approveWithChanges: 'approveWithChanges', decline: 'decline', returnForRework: 'returnForRework' } as const;
const DECISION_KIND = { approve: 'approve', approveWithChanges: 'change', decline: 'decline', returnForRework: 'change' } as const;

export function factsOf(m: { id: string; title: string }, a: ActivityRow): ActivityFacts {
  return {
    id: m.id, title: m.title, category: a.category as ActivityCategory, heldInName: a.held_in_name, organiserDepartmentId: a.organiser_department_id,
    area: a.area, startsAt: a.starts_at, endsAt: a.ends_at, travelMinutes: a.travel_minutes,
    requestedLeaderIds: fromJson<string[]>(a.requested_leader_ids, []), exceptions: fromJson<ActivityExceptions>(a.exceptions, {
      superiorLeaderAttends: false, unifiedCommemoration: false, advancesCentralWork: false, outstandingActivity: false,
    }),
  } as ActivityFacts;
}

export function createActivitiesService(deps: Deps, kinds: KindRegistry) {
  const { db, clock } = deps;
  const matters = createMattersService(deps, kinds);

  async function requireLeaders(conn: Conn, ids: string[], path: string) {
    for (const [i, id] of ids.entries()) {
      const l = await conn.selectFrom('leaders').innerJoin('users', 'users.id', 'leaders.user_id').select('users.id').where('users.id', '=', id).where('users.active', '=', 1).executeTakeFirst();
      if (!l) throw badRequest(`不是本机关在职领导：${id}`, `${path}[${i}]`);
    }
  }
  async function requireDepartment(conn: Conn, id: string | null | undefined, path: string) {
    if (!id) return;
    const d = await conn.selectFrom('departments').select('id').where('id', '=', id).where('active', '=', 1).executeTakeFirst();
    if (!d) throw badRequest('部门不存在或已停用', path);
  }
  function requireFuture(startsAt: string, path: string) {
    if (Date.parse(startsAt) <= clock.now().getTime()) throw badRequest('活动开始时间已过，不能登记过去的活动', path);
  }

  /** ACT-1: one entry point for every request that a leader attend. */
  async function create(actor: Actor, body: z.infer<typeof api.ActivityRequestBody>) {
    requireWorkflowUser(actor);
    requireFuture(body.startsAt, 'body.startsAt');
    if (Date.parse(body.endsAt) - Date.parse(body.startsAt) > 7 * 24 * HOUR) throw badRequest('单次活动不超过7天，请核对结束时间', 'body.endsAt');
    const id = newId();
    await runTx(db, async (tx) => {
      await requireDepartment(tx, body.organiserDepartmentId, 'body.organiserDepartmentId');
      await requireLeaders(tx, body.requestedLeaderIds, 'body.requestedLeaderIds');
      const now = clock.now().toISOString();
      const officeDept = await officeDepartmentId(tx);
      const organiserDept = body.organiserDepartmentId ?? actor.departmentId;
      await createMattersRepo(tx).insert({
        id, kind: 'activity', title: body.title, status: 'submitted', version: 1, classification: 'none', restricted: 0, priority: 'normal',
        owner_id: null, department_id: organiserDept ?? null, due_date: chinaDate(new Date(body.startsAt)), data: {}, created_by: actor.id,
        created_at: now, updated_at: now, closed_at: null,
      }, [
        { type: 'user', id: actor.id }, { type: 'role', id: 'office' },
        ...(organiserDept ? [{ type: 'department' as const, id: organiserDept }] : []),
      ]);
      await createActivitiesRepo(tx).insert({
        matter_id: id, category: body.category, held_in_name: body.heldInName, organiser_name: body.organiserName,
        organiser_department_id: body.organiserDepartmentId ?? null, starts_at: new Date(body.startsAt).toISOString(), ends_at: new Date(body.endsAt).toISOString(),
        place: body.place, travel_minutes: body.travelMinutes, area: body.area ?? null, requested_leader_ids: body.requestedLeaderIds,
        exceptions: body.exceptions, description: body.description ?? null, contact: body.contact ?? null, proposal: null, proposed_leader_ids: [],
        responsible_staff_id: null, reminder_state: 'none', reminded_at: null, departed_at: null,
      });
      if (officeDept) {
        await createTasksRepo(tx).insert({
          id: newId(), matter_id: id, kind: 'propose', title: `拟办领导出席：${body.title}`, assignee_user_id: null, assignee_department_id: officeDept,
          status: 'open', due_date: null, result: null, created_by: actor.id, created_at: now, completed_at: null, completed_by: null, version: 1,
        });
        const staff = await departmentMembers(tx, officeDept);
        await notify(tx, clock, { userIds: staff.filter((u) => u !== actor.id), kind: 'activity_request', matterId: id, title: `新的领导出席申请：${body.title}`, body: `${body.organiserName}；${body.place}` });
      }
      await appendAudit(tx, clock, { actorId: actor.id, action: 'activity.requested', entityType: 'matter', entityId: id, matterId: id, toState: 'submitted', detail: { category: body.category, startsAt: body.startsAt, place: body.place } });
    });
    return detail(actor, id);
  }

  async function loadOr404(conn: Conn, actor: Actor, id: string) {
    const m = await createMattersRepo(conn).findVisible(actor, id);
    const a = m && m.kind === 'activity' ? await createActivitiesRepo(conn).get(id) : undefined;
    if (!m || !a) throw notFound('活动');
    return { m, a };
  }

  /** The rules' verdicts and ranked candidates for an activity, from the live calendar. */
  async function assess(conn: Conn, m: { id: string; title: string }, a: ActivityRow, leaderIds: string[]) {
    const facts = factsOf(m, a);
    const settings = (await loadRuleSettings(conn)).value;
    const leaders: LeaderFacts[] = await createActivitiesRepo(conn).leaderFacts();
    const period = inNameQuotaPeriod(a.starts_at, settings.quota.period);
    const repo = createActivitiesRepo(conn);
    const from = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();
    const inNameCountInPeriod = await repo.countInName(from(period.from), from(addCalendarDays(period.to, 1)), m.id);
    const windowFrom = new Date(Date.parse(a.starts_at) - 12 * HOUR).toISOString();
    const windowTo = new Date(Date.parse(a.ends_at) + 12 * HOUR).toISOString();
    const busy = await repo.busy(windowFrom, windowTo, m.id);
    const loadFrom = new Date(Date.parse(a.starts_at) - 28 * 24 * HOUR).toISOString();
    const recentLoad = await repo.recentLoad(loadFrom, a.starts_at);
    const input = { leaders, busy, recentLoad, settings, inNameCountInPeriod };
    return {
      facts, settings, leaders, input,
      evaluations: evaluateRules(facts, leaderIds, { leaders, inNameCountInPeriod, settings }),
      candidates: recommendLeaders(facts, input),
    };
  }

  async function detail(actor: Actor, id: string) {
    const base = await matters.get(actor, id);
    const { m, a } = await loadOr404(db, actor, id);
    const repo = createActivitiesRepo(db);
    const assignments = await repo.assignments(id);
    const proposed = fromJson<string[]>(a.proposed_leader_ids, []);
    const requested = fromJson<string[]>(a.requested_leader_ids, []);
    const live = assignments.filter((r) => r.status !== 'withdrawn').map((r) => r.leader_id);
    const judged = live.length ? live : proposed.length ? proposed : requested;
    const { evaluations, candidates, leaders, settings, facts, input } = await assess(db, m, a, judged);
    const roles = await kinds.activity.roles(db, actor, m);
    const office = roles.includes('office');
    const principal = roles.includes('principal');
    const name = (uid: string) => leaders.find((l) => l.id === uid)?.name ?? uid;
    const staff = a.responsible_staff_id ? await db.selectFrom('users').select('name').where('id', '=', a.responsible_staff_id).executeTakeFirst() : undefined;
    const dept = a.organiser_department_id ? await db.selectFrom('departments').select('name').where('id', '=', a.organiser_department_id).executeTakeFirst() : undefined;
    const secretaryOf = new Map(assignments.map((r) => [r.leader_id, r.secretary_id]));
    const confirmFor = assignments.filter((r) => r.status === 'assigned' && (r.leader_id === actor.id || secretaryOf.get(r.leader_id) === actor.id || office) && ['approved'].includes(m.status)).map((r) => r.leader_id);
    const withdrawn = assignments.filter((r) => r.status === 'withdrawn').map((r) => r.leader_id);
    const rankedCandidates: Candidate[] = m.status === 'recoordinating' && withdrawn.length
      ? substitutes(facts, Object.fromEntries(withdrawn.map((w) => [w, assignments.find((r) => r.leader_id === w)?.note ?? '不能出席'])), input, live)
      : candidates;
    const times = reminderTimes({ startsAt: a.starts_at, travelMinutes: a.travel_minutes }, settings);
    return {
      ...base,
      activity: {
        category: a.category, organiserName: a.organiser_name, organiserDepartmentId: a.organiser_department_id, organiserDepartmentName: dept?.name ?? null,
        heldInName: a.held_in_name, startsAt: a.starts_at, endsAt: a.ends_at, place: a.place, travelMinutes: a.travel_minutes, area: a.area,
        requestedLeaders: requested.map((r) => ({ id: r, name: name(r) })), exceptions: facts.exceptions, description: a.description, contact: a.contact,
        proposal: a.proposal, proposedLeaders: proposed.map((r) => ({ id: r, name: name(r) })),
        responsibleStaffId: a.responsible_staff_id, responsibleStaffName: staff?.name ?? null,
        reminderState: a.reminder_state, remindedAt: a.reminded_at, departedAt: a.departed_at,
        reminderTimes: { dayBefore: times.dayBefore.toISOString(), departure: times.departure.toISOString(), escalateAt: times.escalateAt.toISOString() },
      },
      assignments: assignments.map((r) => ({
        leaderId: r.leader_id, leaderName: r.leader_name, post: r.post ?? '', status: r.status, confirmedAt: r.confirmed_at, confirmedByName: r.confirmed_by_name, note: r.note,
      })),
      ruleEvaluations: evaluations,
      candidates: office || principal ? rankedCandidates : [],
      can: {
        edit: (office && !m.closed_at) || (roles.includes('organiser') && m.status === 'submitted'),
        propose: office && ['submitted', 'recoordinating'].includes(m.status),
        approve: principal && m.status === 'awaiting_approval',
        confirmFor,
        remind: (office || a.responsible_staff_id === actor.id) && ['approved', 'confirmed'].includes(m.status),
        reopen: office && ['approved', 'confirmed'].includes(m.status),
      },
    };
  }

  /** The office (or the organiser before it is handled) corrects the request. */
  async function update(actor: Actor, id: string, body: z.infer<typeof api.ActivityPatchBody>) {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const { m, a } = await loadOr404(tx, actor, id);
      const roles = await kinds.activity.roles(tx, actor, m);
      if (!(roles.includes('office') && !m.closed_at) && !(roles.includes('organiser') && m.status === 'submitted')) throw forbidden('您不能修改该活动（已进入审批的活动由办公室修改）');
      if (m.version !== body.version) throw staleVersion('该活动已被他人更新，请刷新后查看最新内容');
      if (body.startsAt) requireFuture(body.startsAt, 'body.startsAt');
      const startsAt = body.startsAt ? new Date(body.startsAt).toISOString() : a.starts_at;
      const endsAt = body.endsAt ? new Date(body.endsAt).toISOString() : a.ends_at;
      if (endsAt <= startsAt) throw badRequest('结束时间必须晚于开始时间', 'body.endsAt');
      if (Date.parse(endsAt) - Date.parse(startsAt) > 7 * 24 * HOUR) throw badRequest('单次活动不超过7天，请核对结束时间', 'body.endsAt');
      if (body.requestedLeaderIds) await requireLeaders(tx, body.requestedLeaderIds, 'body.requestedLeaderIds');
      await requireDepartment(tx, body.organiserDepartmentId, 'body.organiserDepartmentId');
      const now = clock.now().toISOString();
      const res = await tx.updateTable('matters').set({ version: m.version + 1, updated_at: now, ...(body.title ? { title: body.title } : {}) })
        .where('id', '=', id).where('version', '=', body.version).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw staleVersion('该活动已被他人更新，请刷新后查看最新内容');
      const patch: Partial<ActivityRow> = {
        ...(body.category ? { category: body.category } : {}), ...(body.heldInName ? { held_in_name: body.heldInName } : {}),
        ...(body.organiserName ? { organiser_name: body.organiserName } : {}), ...(body.organiserDepartmentId !== undefined ? { organiser_department_id: body.organiserDepartmentId } : {}),
        starts_at: startsAt, ends_at: endsAt, ...(body.place ? { place: body.place } : {}),
        ...(body.travelMinutes !== undefined ? { travel_minutes: body.travelMinutes } : {}), ...(body.area !== undefined ? { area: body.area } : {}),
        ...(body.requestedLeaderIds ? { requested_leader_ids: body.requestedLeaderIds } : {}), ...(body.exceptions ? { exceptions: body.exceptions } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}), ...(body.contact !== undefined ? { contact: body.contact } : {}),
      };
      await createActivitiesRepo(tx).update(id, patch);
      if (body.organiserDepartmentId && body.organiserDepartmentId !== a.organiser_department_id) {
        // The new organiser department follows its request.
        await tx.updateTable('matters').set({ department_id: body.organiserDepartmentId }).where('id', '=', id).execute();
        await createMattersRepo(tx).addAccess(id, [{ type: 'department', id: body.organiserDepartmentId }]);
      }
      const JSON_COLS = ['requested_leader_ids', 'exceptions', 'proposed_leader_ids'];
      const stored = (k: string) => { const v = (a as Record<string, unknown>)[k]; return JSON_COLS.includes(k) ? fromJson(v, null) : v; };
      const changed = Object.fromEntries(Object.entries(patch).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(stored(k))));
      const before = Object.fromEntries(Object.keys(changed).map((k) => [k, stored(k)]));
      await appendAudit(tx, clock, { actorId: actor.id, action: 'activity.updated', entityType: 'matter', entityId: id, matterId: id, detail: { before: { ...before, ...(body.title ? { title: m.title } : {}) }, after: { ...changed, ...(body.title ? { title: body.title } : {}) } } });
      if (['approved', 'confirmed'].includes(m.status) && (startsAt !== a.starts_at || body.travelMinutes !== undefined)) await scheduleReminders(tx, clock, id);
    });
    return detail(actor, id);
  }

  /** ACT-4: the office's proposal (拟办意见) goes to the principal leader. */
  async function propose(actor: Actor, id: string, body: z.infer<typeof api.ProposeBody>) {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const { m } = await loadOr404(tx, actor, id);
      if (!isOffice(actor)) throw forbidden('拟办意见由办公室提出');
      await requireLeaders(tx, body.leaderIds, 'body.leaderIds');
      if (!(await isWorkflowUser(tx, body.responsibleStaffId))) throw badRequest('负责人员不存在、已停用或为管理员账号', 'body.responsibleStaffId');
      await createActivitiesRepo(tx).update(id, { proposal: body.proposal, proposed_leader_ids: [...new Set(body.leaderIds)], responsible_staff_id: body.responsibleStaffId });
      await createMattersRepo(tx).addAccess(id, [{ type: 'user', id: body.responsibleStaffId }]);
      await tx.updateTable('matters').set({ owner_id: body.responsibleStaffId }).where('id', '=', id).execute();
      await matters.applyTransition(tx, actor, m, 'propose', body.version, body.proposal);
      await appendAudit(tx, clock, { actorId: actor.id, action: 'activity.proposal_recorded', entityType: 'matter', entityId: id, matterId: id, detail: { leaderIds: [...new Set(body.leaderIds)], responsibleStaffId: body.responsibleStaffId } });
    });
    return detail(actor, id);
  }

  /** ACT-4: the principal leader approves, changes or declines, with an instruction. */
  async function decide(actor: Actor, id: string, body: z.infer<typeof api.ApprovalBody>) {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const { m } = await loadOr404(tx, actor, id);
      if (body.decision === 'approveWithChanges') {
        await requireLeaders(tx, body.leaderIds ?? [], 'body.leaderIds');
        await createActivitiesRepo(tx).update(id, { proposed_leader_ids: [...new Set(body.leaderIds)] });
      }
      const text = body.instruction?.trim() || '同意';
      await matters.applyTransition(tx, actor, m, DECISION_EVENT[body.decision], body.version, body.decision === 'approve' ? body.instruction ?? null : text);
      await createMattersRepo(tx).insertInstruction({ id: newId(), matter_id: id, leader_id: actor.id, kind: 'approval', decision: DECISION_KIND[body.decision], text, created_at: clock.now().toISOString() });
      if (body.decision === 'approveWithChanges') {
        await appendAudit(tx, clock, { actorId: actor.id, action: 'activity.leaders_changed', entityType: 'matter', entityId: id, matterId: id, detail: { leaderIds: [...new Set(body.leaderIds)] } });
      }
      if (body.decision === 'approve' || body.decision === 'approveWithChanges') await yieldClashes(tx, actor, id, m.title);
    });
    return detail(actor, id);
  }

  /**
   * ACT-6: the principal leader has just committed leaders to this activity. Any other approved
   * activity of the same leader that now clashes (travel included) gives way: that leader is
   * withdrawn from it and it re-opens for coordination, with the reason on record.
   */
  async function yieldClashes(tx: Conn, actor: Actor, id: string, title: string) {
    const repo = createActivitiesRepo(tx);
    const a = (await repo.get(id))!;
    const leaders = (await repo.assignments(id)).filter((r) => r.status !== 'withdrawn');
    const from = new Date(Date.parse(a.starts_at) - 12 * HOUR).toISOString();
    const to = new Date(Date.parse(a.ends_at) + 12 * HOUR).toISOString();
    const busy = await repo.busy(from, to, id);
    const reopened = new Set<string>();
    for (const l of leaders) {
      const clashes = findConflicts({ id, startsAt: a.starts_at, endsAt: a.ends_at, travelMinutes: a.travel_minutes }, l.leader_id, busy)
        .filter((b) => b.kind === 'activity' && b.firm && !reopened.has(b.refId));
      for (const c of clashes) {
        const other = (await createMattersRepo(tx).findById(c.refId))!;
        if (!['approved', 'confirmed'].includes(other.status)) continue;
        await reopenInTx(tx, null, other, l.leader_id, `${l.leader_name}经${actor.name}审批改为出席「${title}」，时间冲突，需重新协调出席领导`);
        reopened.add(c.refId);
      }
    }
  }

  /** ACT-6: a leader (or their secretary, or the office) confirms attendance. */
  async function confirm(actor: Actor, id: string, leaderId: string) {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const { m } = await loadOr404(tx, actor, id);
      if (m.status !== 'approved') throw invalidState('该活动当前不在待确认状态');
      const leader = await tx.selectFrom('leaders').select(['secretary_id']).where('user_id', '=', leaderId).executeTakeFirst();
      if (!leader) throw badRequest('不是本机关领导', 'body.leaderId');
      if (actor.id !== leaderId && leader.secretary_id !== actor.id && !isOffice(actor)) throw forbidden('只有该领导本人、其秘书或办公室可以确认');
      const now = clock.now().toISOString();
      if (!(await createActivitiesRepo(tx).confirm(id, leaderId, actor.id, now))) throw invalidState('该领导已确认或不在出席名单中');
      await closeTasks(tx, { matterId: id, kind: 'confirm', assigneeUserId: leaderId }, { status: 'done', by: actor.id, result: '已确认出席' }, now);
      const bumped = await tx.updateTable('matters').set({ version: m.version + 1, updated_at: now }).where('id', '=', id).where('version', '=', m.version).executeTakeFirst();
      if (Number(bumped.numUpdatedRows) !== 1) throw staleVersion('该活动已被他人更新，请刷新后重试');
      await appendAudit(tx, clock, { actorId: actor.id, action: 'activity.confirmed', entityType: 'matter', entityId: id, matterId: id, detail: { leaderId } });
      if ((await createActivitiesRepo(tx).unconfirmedCount(id)) === 0) {
        const fresh = (await createMattersRepo(tx).findById(id))!;
        await matters.applyTransition(tx, null, fresh, 'confirmAll', fresh.version, null);
      }
    });
    return detail(actor, id);
  }

  /** ACT-7: the responsible staff member confirms 已提醒 / 已出发. */
  async function remind(actor: Actor, id: string, state: 'reminded' | 'departed') {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const { m, a } = await loadOr404(tx, actor, id);
      if (!isOffice(actor) && a.responsible_staff_id !== actor.id) throw forbidden('只有负责人员或办公室可以确认提醒情况');
      if (!['approved', 'confirmed'].includes(m.status)) throw invalidState('该活动当前状态不需要提醒');
      if (a.reminder_state === 'departed' || (a.reminder_state === state)) throw invalidState(state === 'departed' ? '已确认出发' : '已确认提醒');
      const now = clock.now().toISOString();
      // Compare-and-set on the reminder state: two confirmations at once, one wins.
      const values = state === 'reminded'
        ? { reminder_state: 'reminded' as const, reminded_at: now }
        : { reminder_state: 'departed' as const, departed_at: now, reminded_at: a.reminded_at ?? now };
      const cas = await tx.updateTable('activities').set(values).where('matter_id', '=', id).where('reminder_state', '=', a.reminder_state).executeTakeFirst();
      if (Number(cas.numUpdatedRows) !== 1) throw staleVersion('提醒情况已被他人更新，请刷新后查看');
      await createMattersRepo(tx).touch(id, now);
      await appendAudit(tx, clock, { actorId: actor.id, action: `activity.${state}`, entityType: 'matter', entityId: id, matterId: id });
    });
    return detail(actor, id);
  }

  /** ACT-6: re-open an approved activity (a leader cannot go); `actor` null is the system. */
  async function reopenInTx(tx: Conn, actor: Actor | null, m: { id: string; version: number } & Parameters<typeof matters.applyTransition>[2], leaderId: string | null, reason: string) {
    if (leaderId) await createActivitiesRepo(tx).withdraw(m.id, leaderId, reason);
    await matters.applyTransition(tx, actor, m, 'reopen', m.version, reason);
  }
  async function reopen(actor: Actor, id: string, body: z.infer<typeof api.ReopenBody>) {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const { m } = await loadOr404(tx, actor, id);
      if (body.leaderId) {
        const live = (await createActivitiesRepo(tx).assignments(id)).filter((r) => r.status !== 'withdrawn').map((r) => r.leader_id);
        if (!live.includes(body.leaderId)) throw badRequest('该领导不在出席名单中', 'body.leaderId');
      }
      if (m.version !== body.version) throw staleVersion('该活动已被他人更新，请刷新后查看最新状态');
      await reopenInTx(tx, actor, m, body.leaderId ?? null, body.reason);
    });
    return detail(actor, id);
  }

  /** A new absence of a leader re-opens the approved activities it clashes with (ACT-6). */
  async function onAbsenceCreated(tx: Conn, e: { userId: string; kind: string; startsAt: string; endsAt: string; actor: Actor }) {
    const hit = await createActivitiesRepo(tx).firmActivitiesOfLeader(e.userId, e.startsAt, e.endsAt);
    if (!hit.length) return;
    const who = await tx.selectFrom('users').select('name').where('id', '=', e.userId).executeTakeFirstOrThrow();
    const label: Record<string, string> = { leave: '请假', trip: '出差', business: '公务外出', blocked: '有其他重要任务' };
    for (const h of hit) {
      const m = (await createMattersRepo(tx).findById(h.id))!;
      await reopenInTx(tx, null, m, e.userId, `${who.name}该时段${label[e.kind] ?? '不能出席'}（${e.actor.name}登记），需重新协调出席领导`);
    }
  }

  async function list(actor: Actor, q: z.infer<typeof api.ActivityListQuery>) {
    let base = db.selectFrom('matters').innerJoin('activities', 'activities.matter_id', 'matters.id').where('matters.kind', '=', 'activity').where(whereVisible(actor));
    if (q.status) base = base.where('matters.status', '=', q.status);
    if (q.from) base = base.where('activities.starts_at', '>=', new Date(`${q.from}T00:00:00+08:00`).toISOString());
    if (q.to) base = base.where('activities.starts_at', '<', new Date(`${addCalendarDays(q.to, 1)}T00:00:00+08:00`).toISOString());
    if (q.q) base = base.where((eb) => eb.or([eb('matters.title', 'like', `%${q.q!.replace(/[%_]/g, '')}%`), eb('activities.organiser_name', 'like', `%${q.q!.replace(/[%_]/g, '')}%`), eb('activities.place', 'like', `%${q.q!.replace(/[%_]/g, '')}%`)]));
    const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await base.leftJoin('users as owner', 'owner.id', 'matters.owner_id').leftJoin('departments as dept', 'dept.id', 'matters.department_id')
      .selectAll('matters').select(['owner.name as owner_name', 'dept.name as department_name', 'activities.category', 'activities.organiser_name', 'activities.held_in_name', 'activities.starts_at', 'activities.ends_at', 'activities.place', 'activities.proposed_leader_ids', 'activities.requested_leader_ids'])
      // Coming activities first, soonest first; then past ones, latest first.
      .orderBy(sql`case when activities.ends_at >= ${clock.now().toISOString()} then 0 else 1 end`)
      .orderBy(sql`case when activities.ends_at >= ${clock.now().toISOString()} then activities.starts_at end`)
      .orderBy('activities.starts_at', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
    const ids = rows.map((r) => r.id);
    const assigned = ids.length
      ? await db.selectFrom('activity_assignments').innerJoin('users', 'users.id', 'activity_assignments.leader_id').select(['activity_id', 'leader_id', 'users.name', 'status'])
        .where('activity_id', 'in', ids).where('status', '!=', 'withdrawn').execute()
      : [];
    // Before approval there are no assignments: show the proposed (拟) or the requested (邀请) leaders.
    const wanted = [...new Set(rows.flatMap((r) => [...fromJson<string[]>(r.proposed_leader_ids, []), ...fromJson<string[]>(r.requested_leader_ids, [])]))];
    const names = new Map(wanted.length ? (await db.selectFrom('users').select(['id', 'name']).where('id', 'in', wanted).execute()).map((u) => [u.id, u.name]) : []);
    const leadersOf = (r: (typeof rows)[number]) => {
      const live = assigned.filter((x) => x.activity_id === r.id);
      if (live.length) return live.map((x) => ({ id: x.leader_id, name: x.name, status: x.status as string }));
      const proposed = fromJson<string[]>(r.proposed_leader_ids, []);
      const ids = proposed.length ? proposed : fromJson<string[]>(r.requested_leader_ids, []);
      return ids.map((id) => ({ id, name: names.get(id) ?? id, status: proposed.length ? 'proposed' : 'requested' }));
    };
    return {
      items: rows.map((r) => ({
        ...presentMatterSummary(r), category: r.category, organiserName: r.organiser_name, heldInName: r.held_in_name, startsAt: r.starts_at, endsAt: r.ends_at, place: r.place,
        leaders: leadersOf(r),
      })),
      total, page: q.page, pageSize: q.pageSize,
    };
  }

  /** A suggested proposal (the office may edit it before sending). */
  async function suggestion(actor: Actor, id: string) {
    const { m, a } = await loadOr404(db, actor, id);
    if (!isOffice(actor)) throw forbidden('拟办建议仅供办公室使用');
    const { candidates, facts, settings } = await assess(db, m, a, fromJson<string[]>(a.requested_leader_ids, []));
    return proposeAttendees(candidates, facts, settings);
  }

  return { create, detail, update, propose, decide, confirm, remind, reopen, onAbsenceCreated, list, suggestion };
}
export type ActivitiesService = ReturnType<typeof createActivitiesService>;
