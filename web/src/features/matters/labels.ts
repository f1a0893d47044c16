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

/** Audit/history actions as words (unknown codes are shown as they are). */
export const ACTION_LABELS: Record<string, string> = {
  create: '登记',
  'matter.create': '登记事项',
  'matter.event': '流转',
  'task.create': '交办任务',
  'task.complete': '办结任务',
  'consultation.create': '发起征求意见',
  'consultation.round': '发起新一轮征求意见',
  'consultation.respond': '反馈意见',
  'consultation.settle': '形成协商结论',
  'instruction.create': '领导批示',
  'link.create': '关联事项',
  share: '扩大知悉范围',
  'matter.share': '扩大知悉范围',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.password': '修改密码',
  'auth.login_failed': '登录失败',
};
export function actionLabel(a: string): string {
  const [base, event] = a.split(':');
  if (ACTION_LABELS[a]) return ACTION_LABELS[a];
  const ev = (coordinationLifecycle.events as Record<string, { label: string }>)[event ?? base];
  if (ev) return ev.label;
  return ACTION_LABELS[base] ?? a;
}
