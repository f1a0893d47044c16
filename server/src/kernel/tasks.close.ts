/**
 * Closing tasks the workflow itself finishes (a decision made, a position given, a round
 * superseded, a matter closed): the tasks and their deadline timers together, in the caller's
 * transaction. Every module closes tasks through here.
 */
import type { Conn } from '../platform/db/database';
import { cancelTimers } from '../platform/timers';
import { createTasksRepo, type TaskFilter, type TaskOutcome } from './tasks.repo';

export async function closeTasks(tx: Conn, where: TaskFilter, outcome: TaskOutcome, now: string): Promise<void> {
  if (!where.matterId && !where.taskId) throw new Error('closeTasks needs a matter or a task');
  const ids = await createTasksRepo(tx).closeOpen(where, outcome, now);
  for (const taskId of ids) await cancelTimers(tx, { taskId });
}
