/** Tasks (待办) for a person or a department, with deadlines in working days and their timers. */
import { addWorkingDays, api, chinaDate } from '@xietiao/domain';
import type { z } from 'zod';
import type { AppContext } from '../platform/context';
import type { Actor } from '../platform/auth/actor';
import { requireWorkflowUser } from '../platform/auth/actor';
import { appendAudit } from '../platform/audit';
import { badRequest, forbidden, notFound, staleVersion, invalidState } from '../platform/errors';
import { newId } from '../platform/ids';
import { cancelTimers } from '../platform/timers';
import { departmentMembers, isWorkflowUser, notify } from '../modules/inbox/notify';
import { createMattersRepo } from './matters.repo';
import { createTasksRepo } from './tasks.repo';
import { may } from './matters.policy';
import { presentTask } from './matters.presenter';
import { scheduleTaskTimers } from './matters.timers';
import { runTx } from '../platform/db/tx';

/** Task kinds a person assigns and completes directly; the others belong to a workflow step. */
const GENERIC_TASK_KINDS = api.TASK_KINDS;
const WORKFLOW_TASK_STEPS: Record<string, string> = {
  consult: '反馈意见', decide: '定夺', instruct: '作出批示', propose: '提出拟办意见', approve: '审批', confirm: '确认出席',
};

export function createTasksService(deps: Pick<AppContext, 'db' | 'clock' | 'calendar'>) {
  const { db, clock } = deps;

  async function add(actor: Actor, matterId: string, body: z.infer<typeof api.CreateTaskBody>) {
    requireWorkflowUser(actor);
    const id = newId();
    await runTx(db, async (tx) => {
      const m = await createMattersRepo(tx).findVisible(actor, matterId);
      if (!m) throw notFound('事项');
      if (!may(actor, 'addTask', m)) throw forbidden('您没有权限交办任务');
      if (m.closed_at) throw invalidState('该事项已办结或撤销，不能再交办任务');
      if (body.assigneeUserId && !(await isWorkflowUser(tx, body.assigneeUserId))) {
        throw badRequest('承办人不存在、已停用或为管理员账号', 'body.assigneeUserId');
      }
      if (body.assigneeDepartmentId && !(await tx.selectFrom('departments').select('id').where('id', '=', body.assigneeDepartmentId).where('active', '=', 1).executeTakeFirst())) {
        throw badRequest('承办部门不存在或已停用', 'body.assigneeDepartmentId');
      }
      const now = clock.now().toISOString();
      const task = {
        id, matter_id: matterId, kind: body.kind, title: body.title, assignee_user_id: body.assigneeUserId ?? null,
        assignee_department_id: body.assigneeUserId ? null : body.assigneeDepartmentId ?? null, status: 'open' as const,
        due_date: body.dueWorkingDays ? addWorkingDays(chinaDate(clock.now()), body.dueWorkingDays, deps.calendar()) : null,
        result: null, created_by: actor.id, created_at: now, completed_at: null, completed_by: null, version: 1,
      };
      await createTasksRepo(tx).insert(task);
      await scheduleTaskTimers(tx, clock, deps.calendar(), task);
      await createMattersRepo(tx).addAccess(matterId, [task.assignee_user_id ? { type: 'user', id: task.assignee_user_id } : { type: 'department', id: task.assignee_department_id! }]);
      await createMattersRepo(tx).touch(matterId, now);
      await appendAudit(tx, clock, { actorId: actor.id, action: 'task.created', entityType: 'task', entityId: id, matterId, detail: { title: body.title, assigneeUserId: task.assignee_user_id, assigneeDepartmentId: task.assignee_department_id, dueDate: task.due_date } });
      const recipients = task.assignee_user_id ? [task.assignee_user_id] : await departmentMembers(tx, task.assignee_department_id!);
      await notify(tx, clock, { userIds: recipients, kind: 'task', matterId, title: `新待办：${body.title}`, body: task.due_date ? `期限：${task.due_date}` : null });
    });
    return presentTask((await createTasksRepo(db).byId(id))!, clock);
  }

  async function complete(actor: Actor, taskId: string, body: z.infer<typeof api.CompleteTaskBody>) {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const t = await createTasksRepo(tx).byId(taskId);
      const m = t ? await createMattersRepo(tx).findVisible(actor, t.matter_id) : undefined;
      if (!t || !m) throw notFound('任务');
      const isAssignee = t.assignee_user_id === actor.id || (!t.assignee_user_id && t.assignee_department_id === actor.departmentId);
      // Workflow tasks (征求意见, 定夺, 拟办, 审批, 确认, 批示) are done by their own step, never by a bare "complete".
      if (!(GENERIC_TASK_KINDS as readonly string[]).includes(t.kind)) throw badRequest(`该任务须通过“${WORKFLOW_TASK_STEPS[t.kind] ?? '相应的办理步骤'}”办理`, 'params.id');
      if (!isAssignee) throw forbidden('只有承办人（或承办部门人员）可以办结该任务');
      if (t.status !== 'open') throw invalidState('该任务已办结或已撤销');
      const now = clock.now().toISOString();
      if (!(await createTasksRepo(tx).complete(taskId, body.version, actor.id, body.result, now))) throw staleVersion('该任务已被他人更新，请刷新后重试');
      await cancelTimers(tx, { taskId });
      await createMattersRepo(tx).touch(t.matter_id, now);
      await appendAudit(tx, clock, { actorId: actor.id, action: 'task.completed', entityType: 'task', entityId: taskId, matterId: t.matter_id, fromState: 'open', toState: 'done', detail: { result: body.result } });
      await notify(tx, clock, { userIds: [m.owner_id ?? m.created_by].filter((u) => u !== actor.id), kind: 'task_done', matterId: t.matter_id, title: `${actor.name}已办结：${t.title}`, body: body.result });
    });
    return presentTask((await createTasksRepo(db).byId(taskId))!, clock);
  }

  return { add, complete };
}
