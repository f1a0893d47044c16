/** The API shapes of matters and their parts (domain/src/api/matters.ts). */
import { chinaDate, lifecycleOf } from '@xietiao/domain';
import type { Clock } from '../platform/clock';
import { fromJson } from '../platform/json';
import type { MatterRow } from './matters.repo';
import type { TaskView } from './tasks.repo';

const bool = (v: number) => v === 1;

export function presentMatterSummary(m: MatterRow & { owner_name?: string | null; department_name?: string | null }) {
  const lc = lifecycleOf(m.kind);
  return {
    id: m.id, kind: m.kind, kindLabel: lc?.label ?? m.kind, title: m.title, status: m.status,
    statusLabel: lc?.states[m.status]?.label ?? m.status, priority: m.priority as 'normal' | 'urgent' | 'very_urgent',
    ownerId: m.owner_id, ownerName: m.owner_name ?? null, departmentId: m.department_id, departmentName: m.department_name ?? null,
    dueDate: m.due_date, restricted: bool(m.restricted), version: m.version, createdAt: m.created_at, updatedAt: m.updated_at,
  };
}

export function presentTask(t: TaskView, clock: Clock) {
  const today = chinaDate(clock.now());
  return {
    id: t.id, matterId: t.matter_id, matterTitle: t.matter_title, kind: t.kind, title: t.title,
    assigneeUserId: t.assignee_user_id, assigneeUserName: t.assignee_user_name,
    assigneeDepartmentId: t.assignee_department_id, assigneeDepartmentName: t.assignee_department_name,
    status: t.status, dueDate: t.due_date, overdue: t.status === 'open' && !!t.due_date && t.due_date < today,
    result: t.result, createdAt: t.created_at, completedAt: t.completed_at, version: t.version,
  };
}

export function matterData(m: MatterRow): Record<string, unknown> {
  return fromJson<Record<string, unknown>>(m.data, {});
}
