/** The API shapes of matters and their parts (domain/src/api/matters.ts). */
import { chinaDate, deadlineWarning, lifecycleOf, taskActions, type CalendarOverrides, type TaskFacts, type TaskViewer } from '@xietiao/domain';
import type { Clock } from '../platform/clock';
import { fromJson } from '../platform/json';
import type { MatterRow } from './matters.repo';
import type { TaskView } from './tasks.repo';

const bool = (v: number) => v === 1;

export function presentMatterSummary(m: MatterRow & { owner_name?: string | null; department_name?: string | null }) {
  const lc = lifecycleOf(m.kind);
  return {
    id: m.id,
    kind: m.kind,
    kindLabel: lc?.label ?? m.kind,
    title: m.title,
    status: m.status,
    statusLabel: lc?.states[m.status]?.label ?? m.status,
    priority: m.priority as 'normal' | 'urgent' | 'very_urgent',
    ownerId: m.owner_id,
    ownerName: m.owner_name ?? null,
    departmentId: m.department_id,
    departmentName: m.department_name ?? null,
    dueDate: m.due_date,
    restricted: bool(m.restricted),
    version: m.version,
    createdAt: m.created_at,
    updatedAt: m.updated_at,
  };
}

/** A 催办 of a task: who chased (null: the system's reminder), when, what was said. */
export interface ChaseView {
  chased_at: string;
  chased_by_name: string | null;
  note: string | null;
}

/** `calendar`: the live calendar (ctx.calendar()), for the missing-holidays warning of an open task's deadline (K-8). */
/**
 * A task as the API shows it. With a viewer (and whether they may assign tasks on its matter) it
 * carries `allowedActions`, the same answer the tasks service enforces.
 */
export function presentTask(t: TaskView, clock: Clock, chases: ChaseView[] = [], calendar?: CalendarOverrides, viewer?: TaskViewer) {
  const today = chinaDate(clock.now());
  const dueDateWarning = t.status === 'open' && t.due_date ? deadlineWarning(t.due_date, calendar, chinaDate(new Date(t.created_at))) : null;
  return {
    id: t.id,
    matterId: t.matter_id,
    matterTitle: t.matter_title,
    kind: t.kind,
    title: t.title,
    assigneeUserId: t.assignee_user_id,
    assigneeUserName: t.assignee_user_name,
    assigneeDepartmentId: t.assignee_department_id,
    assigneeDepartmentName: t.assignee_department_name,
    status: t.status,
    dueDate: t.due_date,
    overdue: t.status === 'open' && !!t.due_date && t.due_date < today,
    result: t.result,
    createdAt: t.created_at,
    completedAt: t.completed_at,
    version: t.version,
    dueDateWarning,
    chases: chases.map((c) => ({ at: c.chased_at, byName: c.chased_by_name, note: c.note })),
    ...(viewer ? { allowedActions: taskActions(taskFacts(t), viewer) } : {}),
  };
}

export function taskFacts(t: Pick<TaskView, 'status' | 'kind' | 'step_id' | 'assignee_user_id' | 'assignee_department_id'>): TaskFacts {
  return { status: t.status, kind: t.kind, stepId: t.step_id, assigneeUserId: t.assignee_user_id, assigneeDepartmentId: t.assignee_department_id };
}

export function matterData(m: MatterRow): Record<string, unknown> {
  return fromJson<Record<string, unknown>>(m.data, {});
}
