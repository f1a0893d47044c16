/**
 * Deadline timers of tasks (X-2): a reminder at 09:00 on the working day before the deadline, an
 * overdue reminder at 09:00 on the first working day after it, escalated to the person in charge
 * of the matter and the office director.
 */
import { addWorkingDays, chinaDate, chinaTime, formatChineseDate, previousWorkingDay, type CalendarOverrides } from '@xietiao/domain';
import type { Conn } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { scheduleTimer, type TimerHandler } from '../platform/timers';
import { departmentMembers, notify, usersWithRole } from '../modules/inbox/notify';
import { newId } from '../platform/ids';
import { createTasksRepo } from './tasks.repo';

export const TASK_DUE_SOON = 'task.due_soon';
export const TASK_OVERDUE = 'task.overdue';
/** A recurring reminder to report progress on an open task (督办: every N working days). */
export const TASK_PROGRESS = 'task.progress';

/** The system's own 催办, on record like a person's (chased_by null). */
async function recordSystemChase(tx: Conn, clock: Clock, taskId: string, matterId: string, note: string) {
  await createTasksRepo(tx).insertChase({ id: newId(), task_id: taskId, matter_id: matterId, chased_by: null, chased_at: clock.now().toISOString(), note });
}

/**
 * Schedule a recurring progress reminder for an open task: first at 09:00 on the working day
 * `everyWorkingDays` from today, then every `everyWorkingDays` working days while the task is open.
 */
export async function scheduleProgressReminders(
  tx: Conn,
  clock: Clock,
  calendar: CalendarOverrides,
  task: { id: string; matter_id: string },
  everyWorkingDays: number,
) {
  const first = chinaTime(addWorkingDays(chinaDate(clock.now()), everyWorkingDays, calendar), '09:00');
  await scheduleTimer(tx, clock, { dueAt: first, kind: TASK_PROGRESS, matterId: task.matter_id, taskId: task.id, payload: { everyWorkingDays } });
}

export async function scheduleTaskTimers(
  tx: Conn,
  clock: Clock,
  calendar: CalendarOverrides,
  task: { id: string; matter_id: string; due_date: string | null },
) {
  if (!task.due_date) return;
  const now = clock.now();
  const soon = chinaTime(previousWorkingDay(task.due_date, calendar), '09:00');
  if (soon > now) await scheduleTimer(tx, clock, { dueAt: soon, kind: TASK_DUE_SOON, matterId: task.matter_id, taskId: task.id });
  const overdue = chinaTime(addWorkingDays(task.due_date, 1, calendar), '09:00');
  await scheduleTimer(tx, clock, { dueAt: overdue, kind: TASK_OVERDUE, matterId: task.matter_id, taskId: task.id });
}

async function taskAndRecipients(tx: Conn, taskId: string) {
  const task = await createTasksRepo(tx).withMatter(taskId);
  if (!task || task.status !== 'open') return null;
  const assignees = task.assignee_user_id
    ? [task.assignee_user_id]
    : task.assignee_department_id
      ? await departmentMembers(tx, task.assignee_department_id)
      : [];
  return { task, assignees };
}

export function taskTimerHandlers(clock: Clock, calendar: () => CalendarOverrides = () => new Map()): Record<string, TimerHandler> {
  return {
    [TASK_DUE_SOON]: async (tx, timer) => {
      const found = await taskAndRecipients(tx, timer.task_id ?? '');
      if (!found) return;
      const { task, assignees } = found;
      await notify(tx, clock, {
        userIds: assignees,
        kind: 'reminder',
        matterId: task.matter_id,
        timerId: timer.id,
        title: `催办提醒：「${task.title}」将于${formatChineseDate(task.due_date!)}到期`,
        body: `事项：${task.matter_title}。请在期限内办结并反馈结果。`,
      });
      await recordSystemChase(tx, clock, task.id, task.matter_id, '到期前提醒');
    },
    [TASK_OVERDUE]: async (tx, timer, now) => {
      const found = await taskAndRecipients(tx, timer.task_id ?? '');
      if (!found) return;
      const { task, assignees } = found;
      const title = `已逾期：「${task.title}」的期限为${formatChineseDate(task.due_date!)}，截至${formatChineseDate(chinaDate(now))}仍未办结`;
      await notify(tx, clock, {
        userIds: assignees,
        kind: 'overdue',
        matterId: task.matter_id,
        timerId: timer.id,
        title,
        body: `事项：${task.matter_title}。请尽快办结，或说明原因。`,
      });
      await recordSystemChase(tx, clock, task.id, task.matter_id, '逾期催办');
      const escalateTo = new Set<string>([task.owner_id ?? task.created_by, ...(await usersWithRole(tx, 'office_director'))]);
      for (const a of assignees) escalateTo.delete(a);
      await notify(tx, clock, {
        userIds: escalateTo,
        kind: 'escalation',
        matterId: task.matter_id,
        timerId: timer.id,
        title: `督促：${title}`,
        body: `事项：${task.matter_title}。该任务已逾期，请督促承办方。`,
      });
    },
    [TASK_PROGRESS]: async (tx, timer) => {
      const found = await taskAndRecipients(tx, timer.task_id ?? '');
      if (!found) return; // done or cancelled: the reminders stop
      const { task, assignees } = found;
      await notify(tx, clock, {
        userIds: assignees,
        kind: 'progress_reminder',
        matterId: task.matter_id,
        timerId: timer.id,
        title: `请报送进展：「${task.title}」`,
        body: `事项：${task.matter_title}。请报送当前落实情况${task.due_date ? `（期限${formatChineseDate(task.due_date)}）` : ''}。`,
      });
      await recordSystemChase(tx, clock, task.id, task.matter_id, '定期督办提醒');
      const every = Number(timer.payloadObj.everyWorkingDays);
      if (Number.isInteger(every) && every > 0) {
        const next = chinaTime(addWorkingDays(chinaDate(new Date(timer.due_at)), every, calendar()), '09:00');
        await scheduleTimer(tx, clock, { dueAt: next, kind: TASK_PROGRESS, matterId: task.matter_id, taskId: task.id, payload: { everyWorkingDays: every } });
      }
    },
  };
}
