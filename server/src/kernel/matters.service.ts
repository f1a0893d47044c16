/**
 * The generic matter use cases: register a coordination matter, list, read (with the actor's
 * `allowedActions`), fire a generic lifecycle event, leaders' instructions, leader requests,
 * links and sharing. Every write goes through the kernel API in one `runTx` unit.
 */
import { addWorkingDays, type api, chinaDate, mayRegister } from '@xietiao/domain';
import type { z } from 'zod';
import type { AppContext } from '../platform/context';
import type { Actor } from '../platform/auth/actor';
import { requireWorkflowUser } from '../platform/auth/actor';
import { badRequest, forbidden, notFound } from '../platform/errors';
import type { Conn } from '../platform/db/database';
import { runTx } from '../platform/db/tx';
import { addToRead, isWorkflowUser, notify } from '../modules/inbox/notify';
import { createMattersRepo, type MatterRow } from './matters.repo';
import { createTasksRepo } from './tasks.repo';
import { createLookupsRepo } from './lookups';
import { decidingLeaders } from './matters.kinds';
import { matterData, presentMatterSummary, presentTask } from './matters.presenter';
import type { ConsultationsService } from './consultations.service';
import type { Principal } from './matters.access';
import type { AttachmentsService } from './attachments.service';
import type { Kernel } from './kernel';

type Deps = Pick<AppContext, 'db' | 'clock' | 'calendar'>;
export interface MattersServiceParts {
  kernel: Kernel;
  consultations: ConsultationsService;
  attachments: AttachmentsService;
}

export function createMattersService(deps: Deps, { kernel, consultations, attachments }: MattersServiceParts) {
  const { db, clock } = deps;

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
      if (!(await createLookupsRepo(conn).activeDepartment(id))) throw badRequest(`部门不存在或已停用：${id}`, `${path}[${i}]`);
    }
  }

  /** 登记协调事项: the office or a leader registers a matter. */
  async function create(actor: Actor, input: z.infer<typeof api.CreateMatterBody>) {
    requireWorkflowUser(actor);
    if (!mayRegister('coordination', actor.roles)) throw forbidden('只有办公室或领导可以登记协调事项');
    if (input.classification && input.classification !== 'none' && input.classification !== '非密') {
      throw badRequest('涉密事项（秘密、机密、绝密）不得在本系统处理（涉密不上网），请按保密规定线下办理', 'body.classification');
    }
    const lc = kernel.kindOf(input.kind).lifecycle;
    const id = await runTx(db, async (tx) => {
      const ownerId = input.ownerId ?? actor.id;
      await checkUsers(tx, [ownerId], 'body.ownerId', true);
      if (input.departmentId) await checkDepartments(tx, [input.departmentId], 'body.departmentId');
      await checkUsers(tx, input.accessUserIds, 'body.accessUserIds');
      await checkDepartments(tx, input.accessDepartmentIds, 'body.accessDepartmentIds');
      const access: Principal[] = [
        { type: 'user', id: actor.id },
        { type: 'user', id: ownerId },
        ...input.accessUserIds.map((u) => ({ type: 'user' as const, id: u })),
        ...input.accessDepartmentIds.map((d) => ({ type: 'department' as const, id: d })),
        ...(input.departmentId ? [{ type: 'department' as const, id: input.departmentId }] : []),
        ...(input.restricted ? [] : [{ type: 'role' as const, id: 'office' }]),
      ];
      const matterId = await kernel.matters.register(tx, {
        kind: input.kind,
        title: input.title,
        status: lc.initial,
        by: actor.id,
        ownerId,
        departmentId: input.departmentId ?? null,
        dueDate: input.dueWorkingDays ? addWorkingDays(chinaDate(clock.now()), input.dueWorkingDays, deps.calendar()) : null,
        priority: input.priority,
        restricted: input.restricted,
        data: { description: input.description ?? null },
        access,
        auditDetail: { restricted: input.restricted },
      });
      if (ownerId !== actor.id) await notify(tx, clock, { userIds: [ownerId], kind: 'assigned', matterId, title: `您被指定为事项「${input.title}」的责任人` });
      return matterId;
    });
    return get(actor, id);
  }

  async function list(actor: Actor, q: z.infer<typeof api.MatterListQuery>) {
    const { rows, total, totalCapped } = await createMattersRepo(db).list(actor, { ...q, mineUserId: q.mine === '1' ? actor.id : undefined });
    return { items: rows.map(presentMatterSummary), total, totalCapped, page: q.page, pageSize: q.pageSize };
  }

  async function get(actor: Actor, id: string) {
    const repo = createMattersRepo(db);
    const lookups = createLookupsRepo(db);
    const m = await visibleOr404(db, actor, id);
    const access = await repo.access(id);
    const users = await lookups.userNames([
      ...access.filter((a) => a.principal_type === 'user').map((a) => a.principal_id),
      ...(m.owner_id ? [m.owner_id] : []),
    ]);
    const depts = await lookups.departmentNames([
      ...access.filter((a) => a.principal_type === 'department').map((a) => a.principal_id),
      ...(m.department_id ? [m.department_id] : []),
    ]);
    const nameOf = (type: string, pid: string) =>
      (type === 'user' ? users.get(pid) : type === 'department' ? depts.get(pid) : pid === 'office' ? '办公室' : undefined) ?? pid;
    const data = matterData(m);
    const allowedActions = await kernel.policy.allowed(db, actor, m);
    const taskRows = await createTasksRepo(db).ofMatter(id);
    const chases = await createTasksRepo(db).chases(taskRows.map((t) => t.id));
    return {
      ...presentMatterSummary({
        ...m,
        owner_name: m.owner_id ? (users.get(m.owner_id) ?? null) : null,
        department_name: m.department_id ? (depts.get(m.department_id) ?? null) : null,
      }),
      data,
      description: typeof data.description === 'string' ? data.description : null,
      allowedActions,
      // The generic lifecycle buttons: events this actor may fire that no command owns.
      allowedEvents: allowedActions
        .filter((a) => a.type === 'event' && !a.command)
        .map((a) => ({ event: a.action, label: a.label, needsComment: a.needsComment })),
      tasks: taskRows.map((t) =>
        presentTask(
          t,
          clock,
          chases.filter((c) => c.task_id === t.id),
          deps.calendar(),
          { id: actor.id, departmentId: actor.departmentId, mayAssign: allowedActions.some((a) => a.action === 'addTask') },
        ),
      ),
      consultations: await consultations.forMatter(id),
      instructions: (await repo.instructions(id)).map((i) => ({
        id: i.id,
        leaderId: i.leader_id,
        leaderName: i.leader_name,
        kind: i.kind,
        decision: i.decision,
        text: i.text,
        createdAt: i.created_at,
      })),
      links: (await repo.links(actor, id)).map((l) => ({
        id: l.id,
        kind: l.kind as (typeof api.LINK_KINDS)[number],
        direction: l.direction,
        otherId: l.other_id,
        otherTitle: l.other_title,
        otherKind: l.other_kind,
        note: l.note,
      })),
      access: access.map((a) => ({ type: a.principal_type, id: a.principal_id, name: nameOf(a.principal_type, a.principal_id) })),
      attachments: await attachments.listOf(db, actor, m),
      history: (await repo.history(id)).map((h) => ({
        seq: Number(h.seq),
        at: h.at,
        actorName: h.actor_name,
        action: h.action,
        fromState: h.from_state,
        toState: h.to_state,
        detail: h.detail,
      })),
    };
  }

  /** The generic events route: fires events no command owns (owned ones are refused with 422). */
  async function fireEvent(actor: Actor, id: string, event: string, body: z.infer<typeof api.FireEventBody>) {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const m = await visibleOr404(tx, actor, id);
      await kernel.transition(tx, actor, m, event, { version: body.version, comment: body.comment ?? null });
    });
    return get(actor, id);
  }

  async function addInstruction(actor: Actor, id: string, body: z.infer<typeof api.CreateInstructionBody>) {
    await runTx(db, async (tx) => {
      const m = await visibleOr404(tx, actor, id);
      await kernel.policy.require(tx, actor, m, 'instruct');
      await kernel.instructions.record(tx, { matterId: id, leaderId: actor.id, kind: body.kind, decision: body.decision ?? null, text: body.text });
      await kernel.matters.touch(tx, id);
      await kernel.tasks.close(tx, { matterId: id, kind: 'instruct', assigneeUserId: actor.id }, { status: 'done', by: actor.id, result: body.text });
      await notify(tx, clock, {
        userIds: [m.owner_id ?? m.created_by],
        kind: 'instruction',
        matterId: id,
        title: `${actor.name}对「${m.title}」作出批示`,
        body: body.text,
      });
    });
    return get(actor, id);
  }

  /**
   * A case the office cannot settle goes to a leader — by default the leader in charge of the
   * matter's department — as a task in their inbox; their instruction closes it (ACT-5, IN-8).
   */
  async function askLeader(actor: Actor, id: string, body: z.infer<typeof api.AskLeaderBody>) {
    await runTx(db, async (tx) => {
      const m = await visibleOr404(tx, actor, id);
      await kernel.policy.require(tx, actor, m, 'askLeader');
      for (const [i, l] of body.leaderIds.entries()) {
        if (!(await createLookupsRepo(tx).activeLeader(l))) throw badRequest('不是本机关在职领导', `body.leaderIds[${i}]`);
      }
      const leaders = body.leaderIds.length ? [...new Set(body.leaderIds)] : await decidingLeaders(tx, m);
      for (const leaderId of leaders) {
        await kernel.tasks.open(tx, {
          matterId: id,
          kind: 'instruct',
          title: `请批示：${m.title}`,
          assignee: { userId: leaderId },
          by: actor.id,
          notice: false,
        });
      }
      await kernel.matters.touch(tx, id);
      await kernel.audit.append(tx, {
        actorId: actor.id,
        action: 'matter.leader_asked',
        entityType: 'matter',
        entityId: id,
        matterId: id,
        detail: { leaderIds: leaders, question: body.question },
      });
      await notify(tx, clock, { userIds: leaders, kind: 'instruction_requested', matterId: id, title: `请批示：${m.title}`, body: body.question });
    });
    return get(actor, id);
  }

  async function addLink(actor: Actor, id: string, body: z.infer<typeof api.CreateLinkBody>) {
    requireWorkflowUser(actor);
    if (body.toId === id) throw badRequest('不能将事项关联到其自身', 'body.toId');
    await runTx(db, async (tx) => {
      const m = await visibleOr404(tx, actor, id);
      await kernel.policy.require(tx, actor, m, 'link');
      const other = await createMattersRepo(tx).findVisible(actor, body.toId);
      if (!other) throw badRequest('要关联的事项不存在或您无权查看', 'body.toId');
      await kernel.links.add(tx, actor.id, { fromId: id, toId: body.toId, kind: body.kind, note: body.note ?? null });
    });
    return get(actor, id);
  }

  /** Widen the need-to-know list; optionally put the matter in their 待阅. */
  async function share(actor: Actor, id: string, body: z.infer<typeof api.ShareBody>) {
    requireWorkflowUser(actor);
    if (body.userIds.length + body.departmentIds.length === 0) throw badRequest('请选择分送的人员或部门', 'body.userIds');
    await runTx(db, async (tx) => {
      const m = await visibleOr404(tx, actor, id);
      await kernel.policy.require(tx, actor, m, 'share');
      await checkUsers(tx, body.userIds, 'body.userIds');
      await checkDepartments(tx, body.departmentIds, 'body.departmentIds');
      await kernel.access.grant(tx, id, [
        ...body.userIds.map((u) => ({ type: 'user' as const, id: u })),
        ...body.departmentIds.map((d) => ({ type: 'department' as const, id: d })),
      ]);
      if (body.toRead) await addToRead(tx, clock, { userIds: body.userIds, matterId: id, note: body.note ?? null, by: actor.id });
      await notify(tx, clock, {
        userIds: body.userIds,
        kind: body.toRead ? 'to_read' : 'shared',
        matterId: id,
        title: `${actor.name}${body.toRead ? '请您阅知' : '与您共享了'}：${m.title}`,
        body: body.note ?? null,
      });
      await kernel.audit.append(tx, {
        actorId: actor.id,
        action: 'matter.shared',
        entityType: 'matter',
        entityId: id,
        matterId: id,
        detail: { userIds: body.userIds, departmentIds: body.departmentIds, toRead: body.toRead },
      });
    });
    return get(actor, id);
  }

  return { create, list, get, fireEvent, addInstruction, askLeader, addLink, share, visibleOr404 };
}
export type MattersService = ReturnType<typeof createMattersService>;
export type { MatterRow };
