import { coordinationLifecycle } from '@xietiao/domain/lifecycles/coordination';
import { LINK_LABELS, POSITION_LABELS, PRIORITY_LABELS } from '@xietiao/domain/api/matters';

export { LINK_LABELS, POSITION_LABELS, PRIORITY_LABELS };

/** Chinese names of matter kinds (more arrive as modules are built). */
export const KIND_LABELS: Record<string, string> = {
  coordination: '协调事项',
  activity: '领导活动',
  outgoing: '发文',
  incoming: '收文',
  meeting: '会议',
  supervision: '督办',
};

export const COORDINATION_STATES = Object.entries(coordinationLifecycle.states).map(([value, s]) => ({ value, label: s.label }));
export function stateLabel(state: string | null | undefined): string {
  if (!state) return '—';
  return (coordinationLifecycle.states as Record<string, { label: string }>)[state]?.label ?? state;
}

export const PRIORITY_COLORS: Record<string, string> = { normal: 'default', urgent: 'orange', very_urgent: 'red' };
export const POSITION_COLORS: Record<string, string> = { pending: 'default', agree: 'green', agree_with_changes: 'gold', disagree: 'red' };
export const INSTRUCTION_KIND_LABELS: Record<string, string> = { instruction: '批示', approval: '审批', decision: '定夺' };
export const DECISION_LABELS: Record<string, string> = { approve: '同意', change: '修改后同意', decline: '不同意' };
export const DECISION_COLORS: Record<string, string> = { approve: 'green', change: 'gold', decline: 'red' };
export const ACCESS_TYPE_LABELS: Record<string, string> = { user: '人员', department: '部门', role: '角色' };
