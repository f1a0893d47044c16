/**
 * What a person may do with one task, for the server (which enforces it) and the web (which shows
 * only these buttons): 办结 by its assignee (a person, or anyone in the assigned department) when
 * it is a directly assigned task (承办, 报送材料, 审核 — workflow tasks close with their step);
 * 催办 and 延期 by whoever may assign tasks on its matter (the matter policy's `addTask`).
 */
export const TASK_ACTIONS = ['complete', 'chase', 'extend'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];
export const TASK_ACTION_LABELS: Record<TaskAction, string> = { complete: '办结', chase: '催办', extend: '延期' };

/** Task kinds a person assigns and completes directly; the others belong to a workflow step. */
export const DIRECT_TASK_KINDS = ['handle', 'report', 'review'] as const;

export interface TaskFacts {
  status: string;
  kind: string;
  /** the task belongs to a workflow step (会签, 传阅, 审批 …) */
  stepId: string | null;
  assigneeUserId: string | null;
  assigneeDepartmentId: string | null;
}

export interface TaskViewer {
  id: string;
  departmentId: string | null;
  /** the matter's policy lets this viewer assign tasks on it (`addTask`) */
  mayAssign: boolean;
}

export function isTaskAssignee(t: TaskFacts, v: Pick<TaskViewer, 'id' | 'departmentId'>): boolean {
  return t.assigneeUserId === v.id || (!t.assigneeUserId && !!t.assigneeDepartmentId && t.assigneeDepartmentId === v.departmentId);
}

export function isDirectTask(t: Pick<TaskFacts, 'kind' | 'stepId'>): boolean {
  return !t.stepId && (DIRECT_TASK_KINDS as readonly string[]).includes(t.kind);
}

export function taskActions(t: TaskFacts, v: TaskViewer): TaskAction[] {
  if (t.status !== 'open') return [];
  const out: TaskAction[] = [];
  if (isDirectTask(t) && isTaskAssignee(t, v)) out.push('complete');
  if (v.mayAssign) out.push('chase', 'extend');
  return out;
}
