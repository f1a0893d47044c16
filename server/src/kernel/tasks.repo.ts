/** The only SQL for tasks. */
import { sql } from 'kysely';
import type { Conn } from '../platform/db/database';
import type { Actor } from '../platform/auth/actor';
import type { TasksTable } from '../platform/db/schema';
import { whereVisible } from './matters.access';

export type TaskRow = TasksTable;
export interface TaskFilter { matterId?: string; taskId?: string; kind?: string; assigneeUserId?: string }
export type TaskOutcome = { status: 'done'; by: string | null; result: string | null } | { status: 'cancelled' };

function taskSelect(db: Conn) {
  return db.selectFrom('tasks')
    .innerJoin('matters', 'matters.id', 'tasks.matter_id')
    .leftJoin('users as au', 'au.id', 'tasks.assignee_user_id')
    .leftJoin('departments as ad', 'ad.id', 'tasks.assignee_department_id')
    .selectAll('tasks')
    .select(['matters.title as matter_title', 'au.name as assignee_user_name', 'ad.name as assignee_department_name']);
}
export type TaskView = Awaited<ReturnType<ReturnType<typeof taskSelect>['execute']>>[number];

export function createTasksRepo(db: Conn) {
  /** Tasks addressed to the actor or to the actor's department. */
  const mine = (actor: Actor) => (eb: any) => eb.or([
    eb('tasks.assignee_user_id', '=', actor.id),
    ...(actor.departmentId ? [eb.and([eb('tasks.assignee_department_id', '=', actor.departmentId), eb('tasks.assignee_user_id', 'is', null)])] : []),
  ]);

  return {
    async insert(row: TaskRow) {
      await db.insertInto('tasks').values(row).execute();
    },
    async byId(id: string) {
      return taskSelect(db).where('tasks.id', '=', id).executeTakeFirst();
    },
    async ofMatter(matterId: string) {
      return taskSelect(db).where('tasks.matter_id', '=', matterId).orderBy('tasks.created_at').orderBy('tasks.id').execute();
    },
    async openCount(matterId: string) {
      const r = await db.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).where('matter_id', '=', matterId).where('status', '=', 'open').executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** Compare-and-set completion; false when someone else completed or changed it first. */
    async complete(id: string, version: number, by: string, result: string, now: string) {
      const res = await db.updateTable('tasks')
        .set({ status: 'done', result, completed_at: now, completed_by: by, version: version + 1 })
        .where('id', '=', id).where('status', '=', 'open').where('version', '=', version).executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    /** Close the open tasks matching `where` — done with a result, or cancelled; returns their ids. */
    async closeOpen(where: TaskFilter, outcome: TaskOutcome, now: string): Promise<string[]> {
      let q = db.updateTable('tasks')
        .set((eb) => (outcome.status === 'done'
          ? { status: 'done' as const, result: outcome.result, completed_at: now, completed_by: outcome.by, version: eb('version', '+', 1) }
          : { status: 'cancelled' as const, completed_at: now, version: eb('version', '+', 1) }))
        .where('status', '=', 'open');
      if (where.matterId) q = q.where('matter_id', '=', where.matterId);
      if (where.taskId) q = q.where('id', '=', where.taskId);
      if (where.kind) q = q.where('kind', '=', where.kind);
      if (where.assigneeUserId) q = q.where('assignee_user_id', '=', where.assigneeUserId);
      return (await q.returning('id').execute()).map((r) => r.id);
    },
    /** 待办: open tasks for the actor, on matters the actor may see, overdue and soonest first. */
    async todo(actor: Actor, page: number, pageSize: number) {
      const base = db.selectFrom('tasks').where(mine(actor)).where('tasks.status', '=', 'open').where(whereVisible(actor, 'tasks.matter_id'));
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await taskSelect(db).where(mine(actor)).where('tasks.status', '=', 'open').where(whereVisible(actor, 'tasks.matter_id'))
        .orderBy(sql`case when tasks.due_date is null then 1 else 0 end`).orderBy('tasks.due_date').orderBy('tasks.created_at')
        .limit(pageSize).offset((page - 1) * pageSize).execute();
      return { rows, total: Number(total.n) };
    },
    async overdueCount(actor: Actor, today: string) {
      const r = await db.selectFrom('tasks').where(mine(actor)).where('tasks.status', '=', 'open').where('tasks.due_date', '<', today)
        .where(whereVisible(actor, 'tasks.matter_id')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** 已办: tasks the actor completed, or that were addressed to them and are finished. */
    async done(actor: Actor, page: number, pageSize: number) {
      const filter = (eb: any) => eb.and([eb('tasks.status', '=', 'done'), eb.or([eb('tasks.completed_by', '=', actor.id), mine(actor)(eb)])]);
      const total = await db.selectFrom('tasks').where(filter).where(whereVisible(actor, 'tasks.matter_id')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await taskSelect(db).where(filter).where(whereVisible(actor, 'tasks.matter_id'))
        .orderBy('tasks.completed_at', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
      return { rows, total: Number(total.n) };
    },
  };
}
export type TasksRepo = ReturnType<typeof createTasksRepo>;
