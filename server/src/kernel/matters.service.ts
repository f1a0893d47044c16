/**
 * The coordination kernel's matter use cases: register, list, read, move through the lifecycle,
 * leaders' instructions, links and sharing. Every change runs in one transaction with its audit
 * row, its timers and its notifications; a status changes only through `fireEvent` (compare-and-set).
 */
import { addWorkingDays, api, chinaDate, allowedEvents, isTerminal, next } from '@xietiao/domain';
import type { z } from 'zod';
import type { AppContext } from '../platform/context';
import type { Actor } from '../platform/auth/actor';
import { requireWorkflowUser } from '../platform/auth/actor';
import { appendAudit } from '../platform/audit';
import { badRequest, forbidden, notFound, ruleViolation, staleVersion, invalidState } from '../platform/errors';
import { newId } from '../platform/ids';
import { cancelTimers } from '../platform/timers';
import type { Conn } from '../platform/db/database';
import { isWorkflowUser, notify } from '../modules/inbox/notify';
import { createMattersRepo, type MatterRow } from './matters.repo';
import { createTasksRepo } from './tasks.repo';
import { closeTasks } from './tasks.close';
import { ACTION_LABELS, may, type MatterAction } from './matters.policy';
import { KERNEL_GUARDS, decidingLeaders, type KindHooks, type KindRegistry } from './matters.kinds';
import { matterData, presentMatterSummary, presentTask } from './matters.presenter';
import { createConsultationsService } from './consultations.service';
import type { Principal } from './matters.access';
import { createAttachmentsService } from '../modules/attachments/attachments.service';
import { runTx } from '../platform/db/tx';

type Deps = Pick<AppContext, 'db' | 'clock' | 'calendar'>;

export function createMattersService(deps: Deps, kinds: KindRegistry) {
  const { db, clock } = deps;
  const consultations = createConsultationsService(deps);

  function kindOf(kind: string): KindHooks {
    const k = kinds[kind];
    if (!k) throw badRequest(`未知的事项类型：${kind}`, 'body.kind');
    return k;
  }

  function requireMay(actor: Actor, action: MatterAction, matter?: MatterRow) {
    requireWorkflowUser(actor);
    if (!may(actor, action, matter)) throw forbidden(`您没有权限${ACTION_LABELS[action]}`);
  }

  async function visibleOr404(conn: Conn, actor: Actor, id: string) {
    const m = await createMattersRepo(conn).findVisible(actor, id);
    if (!m) throw notFound('事项');
    return m;
  }

  /** Workflow participants only: unknown, inactive or administrator accounts are refused. */
  async function checkUsers(conn: Conn, ids: string[], path: string, single = false) {
    for (const [i, id] of ids.entries()) {
      if (!(await isWorkflowUser(conn, id))) throw badRequest(`人员不存在、已停用或为管理员账号：${id}`, single ? path : `${path}[${i}]`);
    }
  }
  async function checkDepartments(conn: Conn, ids: string[], path: string) {
    for (const [i, id] of ids.entries()) {
      const d = await conn.selectFrom('departments').select('id').where('id', '=', id).where('active', '=', 1).executeTakeFirst();
      if (!d) throw badRequest(`部门不存在或已停用：${id}`, `${path}[${i}]`);
    }
  }

  async function create(actor: Actor, input: z.infer<typeof api.CreateMatterBody>) {
    requireMay(actor, 'create');
    if (input.classification && input.classification !== 'none' && input.classification !== '非密') {
      throw badRequest('涉密事项（秘密、机密、绝密）不得在本系统处理（涉密不上网），请按保密规定线下办理', 'body.classification');
    }
    const lc = kindOf(input.kind).lifecycle;
    const now = clock.now().toISOString();
    const id = newId();
    await runTx(db, async (tx) => {
      const ownerId = input.ownerId ?? actor.id;
      await checkUsers(tx, [ownerId], 'body.ownerId', true);
      if (input.departmentId) await checkDepartments(tx, [input.departmentId], 'body.departmentId');
      await checkUsers(tx, input.accessUserIds, 'body.accessUserIds');
      await checkDepartments(tx, input.accessDepartmentIds, 'body.accessDepartmentIds');
      const dueDate = input.dueWorkingDays ? addWorkingDays(chinaDate(clock.now()), input.dueWorkingDays, deps.calendar()) : null;
      const access: Principal[] = [
        { type: 'user', id: actor.id }, { type: 'user', id: ownerId },
        ...input.accessUserIds.map((u) => ({ type: 'user' as const, id: u })),
        ...input.accessDepartmentIds.map((d) => ({ type: 'department' as const, id: d })),
        ...(input.departmentId ? [{ type: 'department' as const, id: input.departmentId }] : []),
        ...(input.restricted ? [] : [{ type: 'role' as const, id: 'office' }]),
      ];
      await createMattersRepo(tx).insert({
        id, kind: input.kind, title: input.title, status: lc.initial, version: 1, classification: 'none',
        restricted: input.restricted ? 1 : 0, priority: input.priority, owner_id: ownerId, department_id: input.departmentId ?? null,
        due_date: dueDate, data: { description: input.description ?? null }, created_by: actor.id, created_at: now, updated_at: now, closed_at: null,
      }, access);
      await appendAudit(tx, clock, { actorId: actor.id, action: 'matter.created', entityType: 'matter', entityId: id, matterId: id, toState: lc.initial, detail: { title: input.title, restricted: input.restricted } });
      if (ownerId !== actor.id) await notify(tx, clock, { userIds: [ownerId], kind: 'assigned', matterId: id, title: `您被指定为事项「${input.title}」的责任人` });
    });
    return get(actor, id);
  }

  async function list(actor: Actor, q: z.infer<typeof api.MatterListQuery>) {
    const { rows, total } = await createMattersRepo(db).list(actor, { ...q, mineUserId: q.mine === '1' ? actor.id : undefined });
    return { items: rows.map(presentMatterSummary), total, page: q.page, pageSize: q.pageSize };
  }

  async function get(actor: Actor, id: string) {
    const repo = createMattersRepo(db);
    const m = await visibleOr404(db, actor, id);
    const hooks = kinds[m.kind];
    const lc = hooks?.lifecycle;
    const roles = hooks ? await hooks.roles(db, actor, m) : [];
    const owner = m.owner_id ? await db.selectFrom('users').select('name').where('id', '=', m.owner_id).executeTakeFirst() : undefined;
    const dept = m.department_id ? await db.selectFrom('departments').select('name').where('id', '=', m.department_id).executeTakeFirst() : undefined;
    const access = await repo.access(id);
    const names = await principalNames(access.map((a) => ({ type: a.principal_type, id: a.principal_id })));
    const data = matterData(m);
    return {
      ...presentMatterSummary({ ...m, owner_name: owner?.name ?? null, department_name: dept?.name ?? null }),
      data,
      description: typeof data.description === 'string' ? data.description : null,
      allowedEvents: lc && !isAdminActor(actor)
        ? allowedEvents(lc, m.status, roles).map((e) => ({ event: e, label: lc.events[e].label, needsComment: lc.events[e].needsComment === true }))
        : [],
      tasks: (await createTasksRepo(db).ofMatter(id)).map((t) => presentTask(t, clock)),
      consultations: await consultations.forMatter(id),
      instructions: (await repo.instructions(id)).map((i) => ({
        id: i.id, leaderId: i.leader_id, leaderName: i.leader_name, kind: i.kind, decision: i.decision, text: i.text, createdAt: i.created_at,
      })),
      links: (await repo.links(actor, id)).map((l) => ({
        id: l.id, kind: l.kind as (typeof api.LINK_KINDS)[number], direction: l.direction, otherId: l.other_id, otherTitle: l.other_title, otherKind: l.other_kind, note: l.note,
      })),
      access: access.map((a) => ({ type: a.principal_type, id: a.principal_id, name: names.get(`${a.principal_type}:${a.principal_id}`) ?? a.principal_id })),
      attachments: await createAttachmentsService(deps).listOf(db, actor, m),
      history: (await repo.history(id)).map((h) => ({
        seq: Number(h.seq), at: h.at, actorName: h.actor_name, action: h.action, fromState: h.from_state, toState: h.to_state, detail: h.detail,
      })),
    };
  }

  function isAdminActor(actor: Actor) {
    return actor.roles.some((r) => r === 'sysadmin' || r === 'secadmin' || r === 'auditor');
  }

  async function principalNames(ps: Principal[]) {
    const out = new Map<string, string>();
    const users = ps.filter((p) => p.type === 'user').map((p) => p.id);
    const depts = ps.filter((p) => p.type === 'department').map((p) => p.id);
    if (users.length) for (const u of await db.selectFrom('users').select(['id', 'name']).where('id', 'in', users).execute()) out.set(`user:${u.id}`, u.name);
    if (depts.length) for (const d of await db.selectFrom('departments').select(['id', 'name']).where('id', 'in', depts).execute()) out.set(`department:${d.id}`, d.name);
    out.set('role:office', '办公室');
    return out;
  }

  async function fireEvent(actor: Actor, id: string, event: string, body: z.infer<typeof api.FireEventBody>) {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const m = await visibleOr404(tx, actor, id);
      await applyTransition(tx, actor, m, event, body.version, body.comment ?? null);
    });
    return get(actor, id);
  }

  /**
   * The one place a matter's status changes, for every kind: role check against the lifecycle
   * table, version check, guards, compare-and-set, audit row, the kind's follow-up, and on a
   * terminal state the closing of open tasks and timers — all in the caller's transaction.
   * `actor` null is the system itself (no role check).
   */
  async function applyTransition(tx: Conn, actor: Actor | null, m: MatterRow, event: string, version: number, rawComment: string | null): Promise<string> {
    const hooks = kindOf(m.kind);
    const lc = hooks.lifecycle;
    if (!Object.hasOwn(lc.events, event)) throw badRequest(`未知的操作：${event}`, 'params.event');
    const t = lc.events[event];
    if (actor) {
      const roles = await hooks.roles(tx, actor, m);
      if (!t.by.some((r) => roles.includes(r))) throw forbidden(`您没有权限执行「${t.label}」`);
    }
    if (m.version !== version) throw staleVersion('该事项已被他人更新，请刷新后查看最新状态');
    const to = next(lc, m.status, event);
    if (!to) throw invalidState(`该事项当前状态为「${lc.states[m.status]?.label ?? m.status}」，不能执行「${t.label}」`);
    const comment = rawComment?.trim() || null;
    if (t.needsComment && !comment) throw badRequest(`「${t.label}」须填写意见或理由`, 'body.comment');
    for (const g of t.guards ?? []) {
      const guard = hooks.guards?.[g] ?? KERNEL_GUARDS[g];
      if (!guard) throw new Error(`guard ${g} of ${m.kind} is not implemented`);
      const failed = await guard(tx, m);
      if (failed) throw ruleViolation(failed);
    }
    const now = clock.now().toISOString();
    if (!(await createMattersRepo(tx).transition(m.id, m.status, to, m.version, now, isTerminal(lc, to)))) {
      throw staleVersion('该事项已被他人更新，请刷新后查看最新状态');
    }
    await appendAudit(tx, clock, { actorId: actor?.id ?? null, action: `matter.${event}`, entityType: 'matter', entityId: m.id, matterId: m.id, fromState: m.status, toState: to, detail: comment ? { comment } : null });
    await hooks.afterTransition?.(tx, { actor, matter: m, event, to, comment, clock, calendar: deps.calendar() });
    if (isTerminal(lc, to)) {
      await closeTasks(tx, { matterId: m.id }, { status: 'cancelled' }, now);
      await cancelTimers(tx, { matterId: m.id });
    }
    return to;
  }

  async function addInstruction(actor: Actor, id: string, body: z.infer<typeof api.CreateInstructionBody>) {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const m = await visibleOr404(tx, actor, id);
      if (!may(actor, 'instruct', m)) throw forbidden('只有领导可以作出批示');
      const instructionId = newId();
      await createMattersRepo(tx).insertInstruction({ id: instructionId, matter_id: id, leader_id: actor.id, kind: body.kind, decision: body.decision ?? null, text: body.text, created_at: clock.now().toISOString() });
      await createMattersRepo(tx).touch(id, clock.now().toISOString());
      await appendAudit(tx, clock, { actorId: actor.id, action: 'matter.instruction_added', entityType: 'instruction', entityId: instructionId, matterId: id, detail: { kind: body.kind, decision: body.decision ?? null, text: body.text } });
      await closeTasks(tx, { matterId: id, kind: 'instruct', assigneeUserId: actor.id }, { status: 'done', by: actor.id, result: body.text }, clock.now().toISOString());
      await notify(tx, clock, { userIds: [m.owner_id ?? m.created_by], kind: 'instruction', matterId: id, title: `${actor.name}对「${m.title}」作出批示`, body: body.text });
    });
    return get(actor, id);
  }

  /**
   * A case the office cannot settle goes to a leader — by default the leader in charge of the
   * matter's department — as a task in their inbox; their instruction closes it (ACT-5, IN-8).
   */
  async function askLeader(actor: Actor, id: string, body: z.infer<typeof api.AskLeaderBody>) {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const m = await visibleOr404(tx, actor, id);
      if (!may(actor, 'askLeader', m)) throw forbidden('您没有权限报请领导批示');
      if (m.closed_at) throw invalidState('该事项已办结或撤销');
      for (const [i, l] of body.leaderIds.entries()) {
        if (!(await tx.selectFrom('leaders').innerJoin('users', 'users.id', 'leaders.user_id').select('users.id').where('users.id', '=', l).where('users.active', '=', 1).executeTakeFirst())) {
          throw badRequest('不是本机关在职领导', `body.leaderIds[${i}]`);
        }
      }
      const leaders = body.leaderIds.length ? [...new Set(body.leaderIds)] : await decidingLeaders(tx, m);
      const now = clock.now().toISOString();
      await createMattersRepo(tx).addAccess(id, leaders.map((l) => ({ type: 'user' as const, id: l })));
      for (const leaderId of leaders) {
        await createTasksRepo(tx).insert({
          id: newId(), matter_id: id, kind: 'instruct', title: `请批示：${m.title}`, assignee_user_id: leaderId, assignee_department_id: null,
          status: 'open', due_date: null, result: null, created_by: actor.id, created_at: now, completed_at: null, completed_by: null, version: 1,
        });
      }
      await createMattersRepo(tx).touch(id, now);
      await appendAudit(tx, clock, { actorId: actor.id, action: 'matter.leader_asked', entityType: 'matter', entityId: id, matterId: id, detail: { leaderIds: leaders, question: body.question } });
      await notify(tx, clock, { userIds: leaders, kind: 'instruction_requested', matterId: id, title: `请批示：${m.title}`, body: body.question });
    });
    return get(actor, id);
  }

  async function addLink(actor: Actor, id: string, body: z.infer<typeof api.CreateLinkBody>) {
    requireWorkflowUser(actor);
    if (body.toId === id) throw badRequest('不能将事项关联到其自身', 'body.toId');
    await runTx(db, async (tx) => {
      const m = await visibleOr404(tx, actor, id);
      if (!may(actor, 'link', m)) throw forbidden('您没有权限关联事项');
      const other = await createMattersRepo(tx).findVisible(actor, body.toId);
      if (!other) throw badRequest('要关联的事项不存在或您无权查看', 'body.toId');
      const linkId = newId();
      const added = await createMattersRepo(tx).insertLink({ id: linkId, from_id: id, to_id: body.toId, kind: body.kind, note: body.note ?? null, created_by: actor.id, created_at: clock.now().toISOString() });
      if (!added) return; // the same link exists already: nothing changed, nothing to audit
      await appendAudit(tx, clock, { actorId: actor.id, action: 'matter.linked', entityType: 'link', entityId: linkId, matterId: id, detail: { to: body.toId, kind: body.kind } });
    });
    return get(actor, id);
  }

  /** Widen the need-to-know list; optionally put the matter in their 待阅. */
  async function share(actor: Actor, id: string, body: z.infer<typeof api.ShareBody>) {
    requireWorkflowUser(actor);
    if (body.userIds.length + body.departmentIds.length === 0) throw badRequest('请选择分送的人员或部门', 'body.userIds');
    await runTx(db, async (tx) => {
      const m = await visibleOr404(tx, actor, id);
      if (!may(actor, 'share', m)) throw forbidden('您没有权限分送该事项');
      await checkUsers(tx, body.userIds, 'body.userIds');
      await checkDepartments(tx, body.departmentIds, 'body.departmentIds');
      await createMattersRepo(tx).addAccess(id, [
        ...body.userIds.map((u) => ({ type: 'user' as const, id: u })), ...body.departmentIds.map((d) => ({ type: 'department' as const, id: d })),
      ]);
      const now = clock.now().toISOString();
      if (body.toRead) {
        for (const u of body.userIds) {
          const unread = await tx.selectFrom('read_items').select('id').where('user_id', '=', u).where('matter_id', '=', id).where('read_at', 'is', null).executeTakeFirst();
          if (unread) continue;
          await tx.insertInto('read_items').values({ id: newId(), user_id: u, matter_id: id, note: body.note ?? null, created_by: actor.id, created_at: now, read_at: null }).execute();
        }
      }
      await notify(tx, clock, { userIds: body.userIds, kind: body.toRead ? 'to_read' : 'shared', matterId: id, title: `${actor.name}${body.toRead ? '请您阅知' : '与您共享了'}：${m.title}`, body: body.note ?? null });
      await appendAudit(tx, clock, { actorId: actor.id, action: 'matter.shared', entityType: 'matter', entityId: id, matterId: id, detail: { userIds: body.userIds, departmentIds: body.departmentIds, toRead: body.toRead } });
    });
    return get(actor, id);
  }

  return { create, list, get, fireEvent, applyTransition, addInstruction, askLeader, addLink, share, visibleOr404 };
}
export type MattersService = ReturnType<typeof createMattersService>;
