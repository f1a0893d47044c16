/**
 * Tasks (待办) a person assigns directly — 承办, 报送材料, 审核 — and what anyone does with an
 * open task: complete it (the assignee), chase it (催办, on record), extend its deadline (with a
 * reason). Workflow tasks (征求意见, 定夺, 拟办, 审批, 确认…) are opened and closed by their own steps.
 */
import { type api, chinaDate, isDirectTask, isTaskAssignee, taskActions } from '@xietiao/domain';
import type { z } from 'zod';
import type { AppContext } from '../platform/context';
import type { Actor } from '../platform/auth/actor';
import { requireWorkflowUser } from '../platform/auth/actor';
import { badRequest, forbidden, invalidState, notFound } from '../platform/errors';
import { runTx } from '../platform/db/tx';
import type { Conn } from '../platform/db/database';
import { newId } from '../platform/ids';
import { departmentMembers, notify } from '../modules/inbox/notify';
import { createMattersRepo } from './matters.repo';
import { createTasksRepo } from './tasks.repo';
import { presentTask, taskFacts } from './matters.presenter';
import type { Kernel } from './kernel';

const WORKFLOW_TASK_STEPS: Record<string, string> = {
  consult: '反馈意见',
  decide: '定夺',
  instruct: '作出批示',
  propose: '提出拟办意见',
  approve: '审批',
  confirm: '确认出席',
};

export function createTasksService(deps: Pick<AppContext, 'db' | 'clock' | 'calendar'>, { kernel }: { kernel: Kernel }) {
  const { db, clock } = deps;

  /** The task as its actor now sees it, with what they may still do with it. */
  async function present(actor: Actor, id: string) {
    const repo = createTasksRepo(db);
    const t = (await repo.byId(id))!;
    const m = (await createMattersRepo(db).findVisible(actor, t.matter_id))!;
    const mayAssign = (await kernel.policy.allowed(db, actor, m)).some((a) => a.action === 'addTask');
    return presentTask(t, clock, await repo.chases([id]), deps.calendar(), { id: actor.id, departmentId: actor.departmentId, mayAssign });
  }

  async function add(actor: Actor, matterId: string, body: z.infer<typeof api.CreateTaskBody>) {
    requireWorkflowUser(actor);
    const id = await runTx(db, async (tx) => {
      const m = await createMattersRepo(tx).findVisible(actor, matterId);
      if (!m) throw notFound('事项');
      await kernel.policy.require(tx, actor, m, 'addTask');
      const assignee = body.assigneeUserId ? { userId: body.assigneeUserId } : { departmentId: body.assigneeDepartmentId! };
      const task = await kernel.tasks.open(tx, {
        matterId,
        kind: body.kind,
        title: body.title,
        assignee,
        dueWorkingDays: body.dueWorkingDays ?? null,
        by: actor.id,
        progressEveryWorkingDays: body.progressEveryWorkingDays ?? null,
        path: body.assigneeUserId ? 'body.assigneeUserId' : 'body.assigneeDepartmentId',
      });
      await kernel.matters.touch(tx, matterId);
      return task.id;
    });
    return present(actor, id);
  }

  /** The open task and its matter, if the actor may see the matter. */
  async function openTaskOr404(tx: Conn, actor: Actor, taskId: string) {
    const t = await createTasksRepo(tx).byId(taskId);
    const m = t ? await createMattersRepo(tx).findVisible(actor, t.matter_id) : undefined;
    if (!t || !m) throw notFound('任务');
    return { t, m };
  }

  async function complete(actor: Actor, taskId: string, body: z.infer<typeof api.CompleteTaskBody>) {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const { t, m } = await openTaskOr404(tx, actor, taskId);
      // The same answer the task's `allowedActions` gives; the checks below only pick the message.
      const facts = taskFacts(t);
      if (!taskActions(facts, { id: actor.id, departmentId: actor.departmentId, mayAssign: false }).includes('complete')) {
        // Workflow tasks (征求意见, 定夺, 拟办, 审批, 确认, 批示) are done by their own step, never by a bare "complete".
        if (t.step_id) throw badRequest('该任务属于办理步骤（会签、传阅、承办、审批等），请在办理步骤中反馈', 'params.id');
        if (!isDirectTask(facts)) throw badRequest(`该任务须通过“${WORKFLOW_TASK_STEPS[t.kind] ?? '相应的办理步骤'}”办理`, 'params.id');
        if (!isTaskAssignee(facts, actor)) throw forbidden('只有承办人（或承办部门人员）可以办结该任务');
        throw invalidState('该任务已办结或已撤销');
      }
      await kernel.tasks.complete(tx, actor.id, t, body.version, body.result);
      await kernel.matters.touch(tx, t.matter_id);
      await notify(tx, clock, {
        userIds: [m.owner_id ?? m.created_by].filter((u) => u !== actor.id),
        kind: 'task_done',
        matterId: t.matter_id,
        title: `${actor.name}已办结：${t.title}`,
        body: body.result,
      });
    });
    return present(actor, taskId);
  }

  /** Who may chase or extend a task: whoever may assign tasks on its matter (office, owner, leader). */
  async function requireManager(tx: Conn, actor: Actor, taskId: string) {
    const { t, m } = await openTaskOr404(tx, actor, taskId);
    await kernel.policy.require(tx, actor, m, 'addTask');
    if (t.status !== 'open') throw invalidState('该任务已办结或已撤销');
    return { t, m };
  }

  /** 催办: the assignee is reminded now, and the chase is recorded with who and when. */
  async function chase(actor: Actor, taskId: string, body: z.infer<typeof api.ChaseTaskBody>) {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const { t } = await requireManager(tx, actor, taskId);
      await createTasksRepo(tx).insertChase({
        id: newId(),
        task_id: t.id,
        matter_id: t.matter_id,
        chased_by: actor.id,
        chased_at: clock.now().toISOString(),
        note: body.note ?? null,
      });
      await kernel.audit.append(tx, {
        actorId: actor.id,
        action: 'task.chased',
        entityType: 'task',
        entityId: t.id,
        matterId: t.matter_id,
        detail: { note: body.note ?? null },
      });
      const recipients = t.assignee_user_id ? [t.assignee_user_id] : await departmentMembers(tx, t.assignee_department_id!);
      await notify(tx, clock, {
        userIds: recipients,
        kind: 'chase',
        matterId: t.matter_id,
        title: `${actor.name}催办：${t.title}${t.due_date ? `（期限${t.due_date}）` : ''}`,
        body: body.note ?? `事项：${t.matter_title}。请抓紧办理并反馈。`,
      });
    });
    return present(actor, taskId);
  }

  /** Extend the deadline: the reason is on record; reminders follow the new date. */
  async function extend(actor: Actor, taskId: string, body: z.infer<typeof api.ExtendTaskBody>) {
    requireWorkflowUser(actor);
    if (body.dueDate < chinaDate(clock.now())) throw badRequest('新的期限不能早于今天', 'body.dueDate');
    await runTx(db, async (tx) => {
      const { t } = await requireManager(tx, actor, taskId);
      if (t.due_date && body.dueDate <= t.due_date) throw badRequest(`延期后的期限应晚于原期限（${t.due_date}）`, 'body.dueDate');
      await kernel.tasks.extend(tx, actor.id, t.id, body.dueDate, body.reason);
      await kernel.matters.touch(tx, t.matter_id);
      const recipients = t.assignee_user_id ? [t.assignee_user_id] : await departmentMembers(tx, t.assignee_department_id!);
      await notify(tx, clock, {
        userIds: recipients,
        kind: 'task_extended',
        matterId: t.matter_id,
        title: `期限延至${body.dueDate}：${t.title}`,
        body: body.reason,
      });
    });
    return present(actor, taskId);
  }

  return { add, complete, chase, extend };
}
export type TasksService = ReturnType<typeof createTasksService>;
