/** The only SQL for tasks. */
import { sql } from 'kysely';
import { api } from '@xietiao/domain';
import type { Conn } from '../platform/db/database';
import { cappedTotal } from '../platform/db/paging';
import type { Actor } from '../platform/auth/actor';
import type { TasksTable } from '../platform/db/schema';
import { whereVisible } from './matters.access';

export type TaskRow = TasksTable;
export interface TaskFilter {
  matterId?: string;
  taskId?: string;
  stepId?: string;
  kind?: string;
  assigneeUserId?: string;
  assigneeDepartmentId?: string;
}
export type TaskOutcome = { status: 'done'; by: string | null; result: string | null } | { status: 'cancelled' };

function taskSelect(db: Conn) {
  return db
    .selectFrom('tasks')
    .innerJoin('matters', 'matters.id', 'tasks.matter_id')
    .leftJoin('users as au', 'au.id', 'tasks.assignee_user_id')
    .leftJoin('departments as ad', 'ad.id', 'tasks.assignee_department_id')
    .selectAll('tasks')
    .select(['matters.title as matter_title', 'au.name as assignee_user_name', 'ad.name as assignee_department_name']);
}
export type TaskView = Awaited<ReturnType<ReturnType<typeof taskSelect>['execute']>>[number];

export function createTasksRepo(db: Conn) {
  /** Tasks addressed to the actor or to the actor's department. */
  const _mine = (actor: Actor) => (eb: any) =>
    eb.or([
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
    /** A task with its matter's title and people, for a reminder about it. */
    withMatter(id: string) {
      return db
        .selectFrom('tasks')
        .innerJoin('matters', 'matters.id', 'tasks.matter_id')
        .select([
          'tasks.id',
          'tasks.title',
          'tasks.status',
          'tasks.due_date',
          'tasks.assignee_user_id',
          'tasks.assignee_department_id',
          'tasks.matter_id',
          'matters.title as matter_title',
          'matters.owner_id',
          'matters.created_by',
        ])
        .where('tasks.id', '=', id)
        .executeTakeFirst();
    },
    async openCount(matterId: string) {
      const r = await db
        .selectFrom('tasks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('matter_id', '=', matterId)
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** Compare-and-set completion; false when someone else completed or changed it first. */
    async complete(id: string, version: number, by: string, result: string, now: string) {
      const res = await db
        .updateTable('tasks')
        .set({ status: 'done', result, completed_at: now, completed_by: by, version: version + 1 })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async setDueDate(id: string, dueDate: string) {
      await db
        .updateTable('tasks')
        .set((eb) => ({ due_date: dueDate, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('status', '=', 'open')
        .execute();
    },
    async setAssignee(id: string, userId: string | null, departmentId: string | null) {
      await db
        .updateTable('tasks')
        .set((eb) => ({ assignee_user_id: userId, assignee_department_id: departmentId, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('status', '=', 'open')
        .execute();
    },
    async insertChase(row: { id: string; task_id: string; matter_id: string; chased_by: string | null; chased_at: string; note: string | null }) {
      await db.insertInto('task_chases').values(row).execute();
    },
    async chases(taskIds: string[]) {
      if (!taskIds.length) return [];
      return db
        .selectFrom('task_chases')
        .leftJoin('users', 'users.id', 'task_chases.chased_by')
        .selectAll('task_chases')
        .select('users.name as chased_by_name')
        .where('task_id', 'in', taskIds)
        .orderBy('chased_at')
        .orderBy('task_chases.id')
        .execute();
    },
    /** Close the open tasks matching `where` — done with a result, or cancelled; returns their ids. */
    async closeOpen(where: TaskFilter, outcome: TaskOutcome, now: string): Promise<string[]> {
      let q = db
        .updateTable('tasks')
        .set((eb) =>
          outcome.status === 'done'
            ? { status: 'done' as const, result: outcome.result, completed_at: now, completed_by: outcome.by, version: eb('version', '+', 1) }
            : { status: 'cancelled' as const, completed_at: now, version: eb('version', '+', 1) },
        )
        .where('status', '=', 'open');
      if (where.matterId) q = q.where('matter_id', '=', where.matterId);
      if (where.taskId) q = q.where('id', '=', where.taskId);
      if (where.stepId) q = q.where('step_id', '=', where.stepId);
      if (where.assigneeDepartmentId) q = q.where('assignee_department_id', '=', where.assigneeDepartmentId);
      if (where.kind) q = q.where('kind', '=', where.kind);
      // "the open approve tasks of this matter" means the module's own tasks, not a step's
      // participants (a step closes its tasks itself); a matter closing closes all of them.
      if (where.kind && !where.stepId && !where.taskId) q = q.where('step_id', 'is', null);
      if (where.assigneeUserId) q = q.where('assignee_user_id', '=', where.assigneeUserId);
      return (await q.returning('id').execute()).map((r) => r.id);
    },
    /** 待办: open tasks for the actor, on matters the actor may see, overdue and soonest first. */
    async todo(actor: Actor, page: number, pageSize: number) {
      const open = openTasksOf(db, actor);
      const total = await db
        .selectFrom(open.as('o'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const ids = await db
        .selectFrom(open.as('o'))
        .select('o.id')
        .orderBy(sql`case when o.due_date is null then 1 else 0 end`)
        .orderBy('o.due_date')
        .orderBy('o.created_at')
        .orderBy('o.id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return {
        rows: await tasksInOrder(
          db,
          ids.map((r) => r.id),
        ),
        total: Number(total.n),
      };
    },
    /** The counts of 待办 and of its overdue tasks (due before `today`), in one pass over the open tasks. */
    async openCounts(actor: Actor, today: string) {
      return countOpen(db, actor, today);
    },
    async overdueCount(actor: Actor, today: string) {
      return (await countOpen(db, actor, today)).overdue;
    },
    /** 已办: tasks the actor completed, or that were addressed to them and are finished; newest first. */
    async done(actor: Actor, page: number, pageSize: number) {
      const { parts } = doneTasksOf(db, actor);
      // 已办 is history: counted up to the cap (K-11) as the union of its parts, each read to at
      // most cap + 1 rows — exact below the cap (every part is whole), capped above it.
      const cap = api.countCap(page, pageSize);
      const capped = parts.map((p, i) => db.selectFrom(p.limit(cap + 1).as(`c${i}`)).select(`c${i}.id`));
      const n = await db
        .selectFrom(capped.reduce((a, b) => a.union(b)).as('u'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const counted = cappedTotal(Number(n.n), cap);
      // The newest `page * pageSize` of each part hold the page of their union: each part reads
      // one index from its newest end, so a page costs the same however long the history.
      const newest = parts.map((p, i) =>
        db
          .selectFrom(
            p
              .orderBy('tasks.completed_at', 'desc')
              .orderBy('tasks.id', 'desc')
              .limit(page * pageSize)
              .as(`p${i}`),
          )
          .selectAll(),
      );
      const ids = await db
        .selectFrom(newest.reduce((a, b) => a.union(b)).as('d'))
        .select('d.id')
        .orderBy('d.completed_at', 'desc')
        .orderBy('d.id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return {
        rows: await tasksInOrder(
          db,
          ids.map((r) => r.id),
        ),
        ...counted,
      };
    },
  };
}
export type TasksRepo = ReturnType<typeof createTasksRepo>;

const OPEN = sql.lit('open' as const);
const DONE = sql.lit('done' as const);

/**
 * The actor's open tasks on matters they may see, as two disjoint ranges of the open-work
 * indexes (0005_open_work): addressed to the person; addressed to their department and to no one
 * in it. The status is a literal so that both planners may use the partial indexes.
 */
function openTasksOf(db: Conn, actor: Actor) {
  const visible = whereVisible(actor, 'tasks.matter_id', { perRow: true });
  const part = () => db.selectFrom('tasks').select(['tasks.id', 'tasks.due_date', 'tasks.created_at']).where('tasks.status', '=', OPEN).where(visible);
  const byUser = part().where('tasks.assignee_user_id', '=', actor.id);
  if (!actor.departmentId) return byUser;
  return byUser.unionAll(part().where('tasks.assignee_department_id', '=', actor.departmentId).where('tasks.assignee_user_id', 'is', null));
}

/** The counts of 待办 and of its overdue tasks (due before `today`), in one pass over the open tasks. */
async function countOpen(db: Conn, actor: Actor, today: string) {
  const r = await db
    .selectFrom(openTasksOf(db, actor).as('o'))
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.coalesce(eb.fn.sum<number>(eb.case().when('o.due_date', '<', today).then(1).else(0).end()), eb.lit(0)).as('overdue'),
    ])
    .executeTakeFirstOrThrow();
  return { todo: Number(r.n), overdue: Number(r.overdue) };
}

/**
 * 已办 as parts that may overlap (a page and the count union them): completed by the actor;
 * addressed to them; to their department and no one in it. Each part is one index range.
 */
function doneTasksOf(db: Conn, actor: Actor) {
  const visible = whereVisible(actor, 'tasks.matter_id', { perRow: true });
  const from = () => db.selectFrom('tasks').where('tasks.status', '=', DONE).where(visible);
  const byMe = () => from().where('tasks.completed_by', '=', actor.id);
  const toMe = () => from().where('tasks.assignee_user_id', '=', actor.id);
  const toDept = actor.departmentId
    ? () => from().where('tasks.assignee_department_id', '=', actor.departmentId!).where('tasks.assignee_user_id', 'is', null)
    : null;
  const cols = ['tasks.id', 'tasks.completed_at'] as const;
  return {
    parts: [byMe(), toMe(), ...(toDept ? [toDept()] : [])].map((q) => q.select(cols)),
  };
}

/** The tasks with these ids, with their matter's title and assignee names, in the order given. */
async function tasksInOrder(db: Conn, ids: string[]): Promise<TaskView[]> {
  if (!ids.length) return [];
  const rows = await taskSelect(db).where('tasks.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
