/**
 * The kernel's write API — the only code that writes the kernel's tables (`matters`,
 * `matter_access`, `tasks`, `instructions`, `matter_links`, `timers`, `audit_events`).
 * Modules call these functions inside their use case's transaction (`runTx`); an architecture
 * test (`kernel/__tests__/architecture.test.ts`) fails when any other file writes those tables.
 *
 * Each function does everything that must always go with its write, in one place:
 * - `matters.register`: the row, its need-to-know list, the audit row;
 * - `matters.edit`: compare-and-set on the version, an audit row naming every changed field;
 * - `tasks.open`: the assignee checked, the deadline in working days, its reminder and overdue
 *   timers, access for the assignee, the audit row and the assignee's notification;
 * - `tasks.close` / `tasks.complete`: the tasks and their timers together;
 * - `instructions.record`, `access.grant`, `links.add`: the row and its audit row.
 * Status changes are not here: they go through `transition` (kernel/transition.ts).
 */
import { addWorkingDays, chinaDate, type CalendarOverrides } from '@xietiao/domain';
import type { AppContext } from '../platform/context';
import type { Conn } from '../platform/db/database';
import { appendAudit } from '../platform/audit';
import { badRequest, invalidState, staleVersion } from '../platform/errors';
import { newId } from '../platform/ids';
import { cancelTimers, scheduleTimer, type ScheduleTimer } from '../platform/timers';
import { departmentMembers, isWorkflowUser, notify } from '../modules/inbox/notify';
import { createMattersRepo, type MatterRow } from './matters.repo';
import { createTasksRepo, type TaskFilter, type TaskOutcome, type TaskRow } from './tasks.repo';
import { scheduleProgressReminders, scheduleTaskTimers } from './matters.timers';
import { createLookupsRepo } from './lookups';
import type { Principal } from './matters.access';
import type { KindRegistry } from './matters.kinds';
import { createTransitions } from './transition';
import { createContentVersions } from './versions';
import { createNumbering } from './numbers';

export type KernelDeps = Pick<AppContext, 'clock' | 'calendar'>;

export type Assignee = { userId: string; departmentId?: undefined } | { departmentId: string; userId?: undefined };

export interface OpenTask {
  matterId: string;
  kind: string;
  title: string;
  assignee: Assignee;
  /** deadline: a number of working days from today, or a date */
  dueWorkingDays?: number | null;
  dueDate?: string | null;
  /** who opened it; null for the system (the matter's creator is recorded) */
  by: string | null;
  /** the step this task belongs to (steps engine) */
  stepId?: string | null;
  /** notification to the assignee; default "新待办：<title>" with the deadline */
  notice?: { kind?: string; title?: string; body?: string | null } | false;
  /** path for a bad assignee in the error (e.g. body.assigneeUserId) */
  path?: string;
  /** 督办: remind the assignee to report progress every N working days while the task is open */
  progressEveryWorkingDays?: number | null;
}

export interface RegisterMatter {
  id?: string;
  kind: string;
  title: string;
  status: string;
  by: string;
  ownerId?: string | null;
  departmentId?: string | null;
  dueDate?: string | null;
  priority?: MatterRow['priority'];
  restricted?: boolean;
  data?: Record<string, unknown>;
  access: Principal[];
  /** extra facts for the audit row */
  auditAction?: string;
  auditDetail?: Record<string, unknown>;
}

export type MatterPatch = Partial<Pick<MatterRow, 'title' | 'owner_id' | 'department_id' | 'due_date' | 'priority'>> & { data?: Record<string, unknown> };

/** The kernel's writes (everything but status changes). */
export function createKernelWrites(deps: KernelDeps) {
  const { clock } = deps;
  const now = () => clock.now().toISOString();
  const calendar = (): CalendarOverrides => deps.calendar();

  const matters = {
    /** Register a matter with its need-to-know list; returns its id. */
    async register(tx: Conn, r: RegisterMatter): Promise<string> {
      const id = r.id ?? newId();
      const at = now();
      await createMattersRepo(tx).insert(
        {
          id,
          kind: r.kind,
          title: r.title,
          status: r.status,
          version: 1,
          classification: 'none',
          restricted: r.restricted ? 1 : 0,
          priority: r.priority ?? 'normal',
          owner_id: r.ownerId ?? null,
          department_id: r.departmentId ?? null,
          due_date: r.dueDate ?? null,
          data: r.data ?? {},
          created_by: r.by,
          created_at: at,
          updated_at: at,
          closed_at: null,
        },
        r.access,
      );
      await appendAudit(tx, clock, {
        actorId: r.by,
        action: r.auditAction ?? 'matter.created',
        entityType: 'matter',
        entityId: id,
        matterId: id,
        toState: r.status,
        detail: { title: r.title, ...(r.auditDetail ?? {}) },
      });
      return id;
    },

    /**
     * Change a matter's own fields: compare-and-set on `version` (409 stale_version when someone
     * else was first), one audit row with each changed field before and after. `extra` carries
     * a module's own changed fields into the same audit row. Returns the new version.
     */
    async edit(
      tx: Conn,
      by: string | null,
      m: MatterRow,
      version: number,
      patch: MatterPatch,
      opts: { action?: string; extra?: { before: Record<string, unknown>; after: Record<string, unknown> } } = {},
    ): Promise<number> {
      const before: Record<string, unknown> = { ...(opts.extra?.before ?? {}) };
      const after: Record<string, unknown> = { ...(opts.extra?.after ?? {}) };
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined) continue;
        const old =
          k === 'data' ? JSON.parse(typeof m.data === 'string' ? m.data : JSON.stringify(m.data ?? {})) : (m as unknown as Record<string, unknown>)[k];
        if (JSON.stringify(old) === JSON.stringify(v)) continue;
        before[k] = old;
        after[k] = v;
      }
      if (!(await createMattersRepo(tx).update(m.id, version, patch, now()))) throw staleVersion('该事项已被他人更新，请刷新后查看最新内容');
      if (Object.keys(after).length) {
        await appendAudit(tx, clock, {
          actorId: by,
          action: opts.action ?? 'matter.updated',
          entityType: 'matter',
          entityId: m.id,
          matterId: m.id,
          detail: { before, after },
        });
      }
      return version + 1;
    },

    /** A change that does not move the status (a task, a position): bump version and time. */
    async touch(tx: Conn, matterId: string): Promise<void> {
      await createMattersRepo(tx).touch(matterId, now());
    },

    /** Compare-and-set the version only (a module's own row changed under the matter's version). */
    async bump(tx: Conn, matterId: string, version: number): Promise<number> {
      if (!(await createMattersRepo(tx).update(matterId, version, {}, now()))) throw staleVersion('该事项已被他人更新，请刷新后重试');
      return version + 1;
    },
  };

  const access = {
    /** Widen a matter's need-to-know list (idempotent). */
    async grant(tx: Conn, matterId: string, principals: Principal[]): Promise<void> {
      await createMattersRepo(tx).addAccess(matterId, principals);
    },
  };

  const tasks = {
    /** Open a task with everything that goes with it; returns the task row. */
    async open(tx: Conn, t: OpenTask): Promise<TaskRow> {
      const m = await createMattersRepo(tx).findById(t.matterId);
      if (!m) throw new Error(`tasks.open: no matter ${t.matterId}`);
      if (m.closed_at) throw invalidState('该事项已办结或撤销，不能再交办任务');
      const userId = t.assignee.userId ?? null;
      const departmentId = userId ? null : (t.assignee.departmentId ?? null);
      if (userId && !(await isWorkflowUser(tx, userId))) throw badRequest('承办人不存在、已停用或为管理员账号', t.path ?? 'body.assigneeUserId');
      if (departmentId && !(await createLookupsRepo(tx).activeDepartment(departmentId))) {
        throw badRequest('承办部门不存在或已停用', t.path ?? 'body.assigneeDepartmentId');
      }
      const at = now();
      const due = t.dueDate ?? (t.dueWorkingDays ? addWorkingDays(chinaDate(clock.now()), t.dueWorkingDays, calendar()) : null);
      const row: TaskRow = {
        id: newId(),
        matter_id: t.matterId,
        kind: t.kind,
        title: t.title,
        assignee_user_id: userId,
        assignee_department_id: departmentId,
        status: 'open',
        due_date: due,
        result: null,
        created_by: t.by ?? m.created_by,
        created_at: at,
        completed_at: null,
        completed_by: null,
        version: 1,
        step_id: t.stepId ?? null,
      };
      await createTasksRepo(tx).insert(row);
      await scheduleTaskTimers(tx, clock, calendar(), row);
      if (t.progressEveryWorkingDays) await scheduleProgressReminders(tx, clock, calendar(), row, t.progressEveryWorkingDays);
      await access.grant(tx, t.matterId, [userId ? { type: 'user', id: userId } : { type: 'department', id: departmentId! }]);
      await appendAudit(tx, clock, {
        actorId: t.by,
        action: 'task.created',
        entityType: 'task',
        entityId: row.id,
        matterId: t.matterId,
        detail: { kind: t.kind, title: t.title, assigneeUserId: userId, assigneeDepartmentId: departmentId, dueDate: due },
      });
      if (t.notice !== false) {
        const recipients = userId ? [userId] : await departmentMembers(tx, departmentId!);
        await notify(tx, clock, {
          userIds: recipients.filter((u) => u !== t.by),
          kind: t.notice?.kind ?? 'task',
          matterId: t.matterId,
          title: t.notice?.title ?? `新待办：${t.title}`,
          body: t.notice?.body !== undefined ? t.notice.body : due ? `期限：${due}` : null,
        });
      }
      return row;
    },

    /** Close the open tasks matching `where` (done with a result, or cancelled) and their timers. */
    async close(tx: Conn, where: TaskFilter, outcome: TaskOutcome): Promise<string[]> {
      if (!where.matterId && !where.taskId && !where.stepId) throw new Error('tasks.close needs a matter, a step or a task');
      const ids = await createTasksRepo(tx).closeOpen(where, outcome, now());
      for (const taskId of ids) await cancelTimers(tx, { taskId });
      return ids;
    },

    /** A person completes their own task: compare-and-set on its version, timers cancelled, audited. */
    async complete(tx: Conn, by: string, task: Pick<TaskRow, 'id' | 'matter_id'>, version: number, result: string): Promise<void> {
      if (!(await createTasksRepo(tx).complete(task.id, version, by, result, now()))) throw staleVersion('该任务已被他人更新，请刷新后重试');
      await cancelTimers(tx, { taskId: task.id });
      await appendAudit(tx, clock, {
        actorId: by,
        action: 'task.completed',
        entityType: 'task',
        entityId: task.id,
        matterId: task.matter_id,
        fromState: 'open',
        toState: 'done',
        detail: { result },
      });
    },

    /**
     * Extend an open task's deadline (with the reason on record): the date moves, the old timers
     * go and new ones are set for the new date.
     */
    async extend(tx: Conn, by: string, taskId: string, dueDate: string, reason: string): Promise<void> {
      const t = await createTasksRepo(tx).byId(taskId);
      if (!t || t.status !== 'open') throw invalidState('该任务已办结或已撤销，不能延期');
      await createTasksRepo(tx).setDueDate(taskId, dueDate);
      await cancelTimers(tx, { taskId });
      await scheduleTaskTimers(tx, clock, calendar(), { id: taskId, matter_id: t.matter_id, due_date: dueDate });
      await appendAudit(tx, clock, {
        actorId: by,
        action: 'task.extended',
        entityType: 'task',
        entityId: taskId,
        matterId: t.matter_id,
        detail: { from: t.due_date, to: dueDate, reason },
      });
    },

    /** Hand an open task to someone else (reason on record): new assignee, access, notification. */
    async reassign(tx: Conn, by: string, taskId: string, to: Assignee, reason: string): Promise<void> {
      const t = await createTasksRepo(tx).byId(taskId);
      if (!t || t.status !== 'open') throw invalidState('该任务已办结或已撤销，不能转办');
      const userId = to.userId ?? null;
      const departmentId = userId ? null : (to.departmentId ?? null);
      if (userId && !(await isWorkflowUser(tx, userId))) throw badRequest('承办人不存在、已停用或为管理员账号', 'body.userId');
      await createTasksRepo(tx).setAssignee(taskId, userId, departmentId);
      await access.grant(tx, t.matter_id, [userId ? { type: 'user', id: userId } : { type: 'department', id: departmentId! }]);
      await appendAudit(tx, clock, {
        actorId: by,
        action: 'task.reassigned',
        entityType: 'task',
        entityId: taskId,
        matterId: t.matter_id,
        detail: { fromUserId: t.assignee_user_id, fromDepartmentId: t.assignee_department_id, toUserId: userId, toDepartmentId: departmentId, reason },
      });
      const recipients = userId ? [userId] : await departmentMembers(tx, departmentId!);
      await notify(tx, clock, { userIds: recipients, kind: 'task', matterId: t.matter_id, title: `转来待办：${t.title}`, body: reason });
    },
  };

  const instructions = {
    /** A leader's instruction, approval or decision on a matter, on record. */
    async record(
      tx: Conn,
      r: {
        matterId: string;
        leaderId: string;
        kind: 'instruction' | 'approval' | 'decision';
        decision?: 'approve' | 'change' | 'decline' | null;
        text: string;
      },
    ): Promise<string> {
      const id = newId();
      await createMattersRepo(tx).insertInstruction({
        id,
        matter_id: r.matterId,
        leader_id: r.leaderId,
        kind: r.kind,
        decision: r.decision ?? null,
        text: r.text,
        created_at: now(),
      });
      await appendAudit(tx, clock, {
        actorId: r.leaderId,
        action: 'matter.instruction_added',
        entityType: 'instruction',
        entityId: id,
        matterId: r.matterId,
        detail: { kind: r.kind, decision: r.decision ?? null, text: r.text },
      });
      return id;
    },
  };

  const links = {
    /** Link two matters; false when the same link exists already (nothing written). */
    async add(tx: Conn, by: string, l: { fromId: string; toId: string; kind: string; note?: string | null }): Promise<boolean> {
      const id = newId();
      const added = await createMattersRepo(tx).insertLink({
        id,
        from_id: l.fromId,
        to_id: l.toId,
        kind: l.kind,
        note: l.note ?? null,
        created_by: by,
        created_at: now(),
      });
      if (added)
        await appendAudit(tx, clock, {
          actorId: by,
          action: 'matter.linked',
          entityType: 'link',
          entityId: id,
          matterId: l.fromId,
          detail: { to: l.toId, kind: l.kind },
        });
      return added;
    },
  };

  const timers = {
    schedule: (tx: Conn, t: ScheduleTimer) => scheduleTimer(tx, clock, t),
    cancel: (tx: Conn, where: Parameters<typeof cancelTimers>[1]) => cancelTimers(tx, where),
  };

  const audit = {
    append: (tx: Conn, e: Parameters<typeof appendAudit>[2]) => appendAudit(tx, clock, e),
  };

  return { matters, access, tasks, instructions, links, timers, audit };
}
export type KernelWrites = ReturnType<typeof createKernelWrites>;

/**
 * The whole kernel API for the given matter kinds: the writes above, `transition` (the one way a
 * status changes) and `policy` (what an actor may do on a matter now). Built once, in the
 * composition root (server/src/container.ts).
 */
export function createKernel(deps: KernelDeps, kinds: KindRegistry) {
  const writes = createKernelWrites(deps);
  const t = createTransitions(deps, kinds, () => writes);
  return {
    ...writes,
    transition: t.transition,
    kindOf: t.kindOf,
    policy: { allowed: t.allowed, require: t.require, rolesOf: t.rolesOf },
    /** K-4 content versions: save (in the caller's transaction), list, get, diff */
    versions: createContentVersions(deps),
    /** K-5 number series: next (in the registering transaction), void */
    numbers: createNumbering(deps),
  };
}
export type Kernel = ReturnType<typeof createKernel>;
