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
  'matter.created': '登记事项',
  'matter.shared': '扩大知悉范围',
  'matter.linked': '关联事项',
  'matter.instruction_added': '作出批示',
  'task.created': '交办任务',
  'task.completed': '办结任务',
  'task.cancelled': '撤销任务',
  'task.chased': '催办',
  'task.extended': '延长期限',
  'task.reassigned': '转办任务',
  'matter.updated': '修改事项',
  'matter.leader_asked': '报请领导批示',
  'attachment.added': '添加附件',
  'attachment.removed': '删除附件',
  'content.version_saved': '保存新版本',
  'number.assigned': '编号',
  'number.voided': '作废编号',
  'number_series.created': '新增编号规则',
  'number_series.updated': '修改编号规则',
  'calendar.notice.saved': '录入年度节假日安排',
  'calendar.notice.removed': '撤回年度节假日安排',
  'calendar.override.set': '调整工作日/休息日',
  'calendar.override.removed': '取消日历调整',
  'settings.activity_rules_changed': '修改领导活动规则',
  'consultation.started': '发起征求意见',
  'consultation.round_opened': '再次征求意见',
  'consultation.responded': '反馈意见',
  'consultation.settled': '形成协商结论',
  'consultation.escalated': '分歧报领导定夺',
  'step.opened': '发起办理步骤',
  'step.responded': '办理步骤反馈',
  'step.completed': '办理步骤完成',
  'step.cancelled': '撤销办理步骤',
  'step.participant_added': '增加步骤参与者',
  'step.participant_skipped': '跳过步骤参与者',
  'step.participant_removed': '移除步骤参与者',
  'step.participant_reassigned': '步骤参与者转办',
  'step.extended': '步骤延期',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.login_failed': '登录失败',
  'auth.password_changed': '修改密码',
  'org.organ.created': '新增机关',
  'org.organ.updated': '修改机关',
  'org.organ.deactivated': '停用机关',
  'org.department.created': '新增部门',
  'org.department.updated': '修改部门',
  'org.department.deactivated': '撤销部门',
  'org.person.created': '新增人员',
  'org.person.updated': '修改人员',
  'org.person.activated': '启用账号',
  'org.person.deactivated': '停用账号',
  'org.person.roles_changed': '变更角色',
  'org.person.password_reset': '重置密码',
  'org.leader.created': '设置领导信息',
  'org.leader.updated': '修改领导信息',
  'org.leader.removed': '取消领导信息',
  'org.absence.created': '登记请假外出',
  'org.absence.deleted': '删除请假外出',
  'system.initialised': '系统初始化',
  'system.demo_seeded': '载入演示数据',
  'audit.verified': '校验审计链',
};
export function actionLabel(a: string): string {
  if (ACTION_LABELS[a]) return ACTION_LABELS[a];
  const m = /^matter\.(\w+)$/.exec(a);
  const ev = m && (coordinationLifecycle.events as Record<string, { label: string }>)[m[1]];
  return ev ? ev.label : a;
}

const DETAIL_FIELDS: [string, string][] = [
  ['comment', '意见'],
  ['title', '事项'],
  ['subject', '事由'],
  ['question', '征求内容'],
  ['outcome', '结论'],
  ['result', '办理结果'],
  ['text', '内容'],
  ['note', '附言'],
  ['name', '名称'],
  ['username', '用户名'],
  ['reason', '原因'],
];

/** A history/audit `detail` (JSON text) as a short Chinese sentence; ids are left out. */
export function describeDetail(detail: string | null | undefined): string | null {
  if (!detail) return null;
  let d: unknown;
  try {
    d = JSON.parse(detail);
  } catch {
    return detail;
  }
  if (typeof d !== 'object' || d === null || Array.isArray(d)) return typeof d === 'string' ? d : null;
  const o = d as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof o.party === 'string') {
    const pos = typeof o.position === 'string' ? ((POSITION_LABELS as Record<string, string>)[o.position] ?? o.position) : '';
    parts.push(`${o.party}${pos ? `：${pos}` : ''}`);
  }
  if (typeof o.kind === 'string' && (LINK_LABELS as Record<string, string>)[o.kind]) parts.push(`关系：${(LINK_LABELS as Record<string, string>)[o.kind]}`);
  if (Array.isArray(o.roles)) parts.push(`角色：${o.roles.join('、')}`);
  for (const [k, label] of DETAIL_FIELDS) {
    const v = o[k];
    if (typeof v === 'string' && v.trim()) parts.push(k === 'text' && o.party ? v : `${label}：${v}`);
  }
  if (o.restricted === true) parts.push('限定知悉范围');
  if (o.toRead === true) parts.push('推送待阅');
  return parts.length ? parts.join('；') : null;
}
