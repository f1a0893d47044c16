/**
 * Deadline timers of tasks: a reminder at 09:00 on the working day before the deadline, an
 * overdue reminder at 09:00 on the first working day after it, escalated to the person in charge
 * of the matter and the office director.
 */
import { addWorkingDays, chinaDate, chinaTime, formatChineseDate, previousWorkingDay, type CalendarOverrides } from '@xietiao/domain';
import type { Conn } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { scheduleTimer, type TimerHandler } from '../platform/timers';
import { departmentMembers, notify, usersWithRole } from '../modules/inbox/notify';

export const TASK_DUE_SOON = 'task.due_soon';
export const TASK_OVERDUE = 'task.overdue';

export async function scheduleTaskTimers(tx: Conn, clock: Clock, calendar: CalendarOverrides, task: { id: string; matter_id: string; due_date: string | null }) {
  if (!task.due_date) return;
  const now = clock.now();
  const soon = chinaTime(previousWorkingDay(task.due_date, calendar), '09:00');
  if (soon > now) await scheduleTimer(tx, clock, { dueAt: soon, kind: TASK_DUE_SOON, matterId: task.matter_id, taskId: task.id });
  const overdue = chinaTime(addWorkingDays(task.due_date, 1, calendar), '09:00');
  await scheduleTimer(tx, clock, { dueAt: overdue, kind: TASK_OVERDUE, matterId: task.matter_id, taskId: task.id });
}

async function taskAndRecipients(tx: Conn, taskId: string) {
  const task = await tx.selectFrom('tasks').innerJoin('matters', 'matters.id', 'tasks.matter_id')
    .select(['tasks.id', 'tasks.title', 'tasks.status', 'tasks.due_date', 'tasks.assignee_user_id', 'tasks.assignee_department_id',
      'tasks.matter_id', 'matters.title as matter_title', 'matters.owner_id', 'matters.created_by'])
    .where('tasks.id', '=', taskId).executeTakeFirst();
  if (!task || task.status !== 'open') return null;
  const assignees = task.assignee_user_id ? [task.assignee_user_id] : task.assignee_department_id ? await departmentMembers(tx, task.assignee_department_id) : [];
  return { task, assignees };
}

export function taskTimerHandlers(clock: Clock): Record<string, TimerHandler> {
  return {
    [TASK_DUE_SOON]: async (tx, timer) => {
      const found = await taskAndRecipients(tx, timer.task_id ?? '');
      if (!found) return;
      const { task, assignees } = found;
      await notify(tx, clock, {
        userIds: assignees, kind: 'reminder', matterId: task.matter_id, timerId: timer.id,
        title: `催办提醒：「${task.title}」将于${formatChineseDate(task.due_date!)}到期`,
        body: `事项：${task.matter_title}。请在期限内办结并反馈结果。`,
      });
    },
    [TASK_OVERDUE]: async (tx, timer, now) => {
      const found = await taskAndRecipients(tx, timer.task_id ?? '');
      if (!found) return;
      const { task, assignees } = found;
      const title = `已逾期：「${task.title}」的期限为${formatChineseDate(task.due_date!)}，截至${formatChineseDate(chinaDate(now))}仍未办结`;
      await notify(tx, clock, { userIds: assignees, kind: 'overdue', matterId: task.matter_id, timerId: timer.id, title, body: `事项：${task.matter_title}。请尽快办结，或说明原因。` });
      const escalateTo = new Set<string>([task.owner_id ?? task.created_by, ...(await usersWithRole(tx, 'office_director'))]);
      for (const a of assignees) escalateTo.delete(a);
      await notify(tx, clock, { userIds: escalateTo, kind: 'escalation', matterId: task.matter_id, timerId: timer.id, title: `督促：${title}`, body: `事项：${task.matter_title}。该任务已逾期，请督促承办方。` });
    },
  };
}
