/**
 * Chinese labels of the audit trail: every action code the server writes, the states
 * its rows move between and the kinds of thing they are about. One table for the server, the web
 * (办理记录 and 审计日志) and the tests; `labels.test.ts` scans the server's source and fails when a
 * code has no label here.
 *
 * Codes built from a lifecycle (`matter.<event>`, written by `kernel.transition`) take the event's
 * label from the lifecycle table, so a new event is labelled where it is defined.
 */
import type { Lifecycle } from '../kernel/lifecycle';
import { STEP_LIFECYCLES } from '../kernel/steps';
import { LIFECYCLES } from '../lifecycles/index';
import { YEAR_STATUS_LABELS } from '../api/calendar';

/** Action codes written as literals (or by a template over a fixed set, e.g. `activity.${reminderState}`). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  // 事项 (kernel)
  'matter.created': '登记事项',
  'matter.updated': '修改事项',
  'matter.shared': '扩大知悉范围',
  'matter.linked': '关联事项',
  'matter.instruction_added': '作出批示',
  'matter.leader_asked': '报请领导批示',
  // 任务
  'task.created': '交办任务',
  'task.completed': '办结任务',
  'task.chased': '催办',
  'task.extended': '延长期限',
  'task.reassigned': '转办任务',
  // 办理步骤、征求意见
  'step.opened': '发起办理步骤',
  'step.responded': '办理步骤反馈',
  'step.completed': '办理步骤完成',
  'step.cancelled': '撤销办理步骤',
  'step.participant_added': '增加步骤参与者',
  'step.participant_skipped': '跳过步骤参与者',
  'step.participant_removed': '移除步骤参与者',
  'step.participant_reassigned': '步骤参与者转办',
  'step.extended': '步骤延期',
  'consultation.started': '发起征求意见',
  'consultation.round_opened': '再次征求意见',
  'consultation.responded': '反馈意见',
  'consultation.settled': '形成协商结论',
  'consultation.escalated': '分歧报领导定夺',
  // 内容版本、附件、编号
  'content.version_saved': '保存新版本',
  'attachment.added': '添加附件',
  'attachment.removed': '删除附件',
  'number.assigned': '取号',
  'number.voided': '作废编号',
  'number_series.created': '新增编号规则',
  'number_series.updated': '修改编号规则',
  // 发文
  'outgoing.created': '新建发文',
  'outgoing.instruction_recorded': '记录领导交代',
  // 领导公务活动
  'activity.requested': '登记出席申请',
  'activity.updated': '修改活动信息',
  'activity.proposal_recorded': '记录拟办意见',
  'activity.leaders_changed': '调整出席领导',
  'activity.confirmed': '确认出席',
  'activity.reminded': '确认已提醒',
  'activity.departed': '确认已出发',
  'settings.activity_rules_changed': '修改领导活动规则',
  // 工作日历
  'calendar.notice.saved': '录入年度节假日安排',
  'calendar.notice.removed': '撤回年度节假日安排',
  'calendar.override.set': '调整工作日/休息日',
  'calendar.override.removed': '取消日历调整',
  // 账号与登录
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.login_failed': '登录失败',
  'auth.login_throttled': '登录被限制（失败过多，须等待或账号已锁定）',
  'auth.password_changed': '修改密码',
  'auth.account_locked': '账号因多次登录失败被锁定',
  'auth.account_unlocked': '解除账号锁定',
  // 组织机构
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
  // 系统
  'system.initialised': '系统初始化',
  'system.demo_seeded': '载入演示数据',
};

/** What an audit row is about (`entityType`). */
export const ENTITY_LABELS: Record<string, string> = {
  matter: '事项',
  task: '任务',
  step: '办理步骤',
  consultation: '征求意见',
  instruction: '批示',
  link: '事项关联',
  attachment: '附件',
  content_version: '内容版本',
  number: '编号',
  number_series: '编号规则',
  user: '用户',
  leader: '领导',
  organ: '机关',
  department: '部门',
  absence: '请假外出',
  calendar_day: '工作日历（单日）',
  calendar_year: '工作日历（年度）',
  settings: '系统设置',
  system: '系统',
};

/**
 * States of things that have no lifecycle table (tasks, accounts, calendar days …). Matter kinds,
 * steps and step participants take theirs from their lifecycle tables.
 */
export const ENTITY_STATE_LABELS: Record<string, Record<string, string>> = {
  task: { open: '办理中', done: '已办结', cancelled: '已撤销' },
  user: { active: '已启用', inactive: '已停用' },
  organ: { active: '正常', inactive: '已停用' },
  department: { active: '正常', inactive: '已撤销' },
  calendar_day: { working: '工作日', off: '休息日' },
  calendar_year: { ...YEAR_STATUS_LABELS },
};

/** Every lifecycle with states: the matter kinds, then the step engine's. */
function lifecycleTables(): [string, Lifecycle][] {
  return [...Object.entries(LIFECYCLES), ...Object.entries(STEP_LIFECYCLES)];
}

function lifecycleFor(kind: string | null | undefined): Lifecycle | undefined {
  if (!kind) return undefined;
  return (Object.hasOwn(LIFECYCLES, kind) ? LIFECYCLES[kind] : undefined) ?? (Object.hasOwn(STEP_LIFECYCLES, kind) ? STEP_LIFECYCLES[kind] : undefined);
}

function eventLabel(lc: Lifecycle | undefined, event: string): string | undefined {
  return lc && Object.hasOwn(lc.events, event) ? lc.events[event].label : undefined;
}

/**
 * The Chinese name of an action code. `matter.<event>` (a status change) takes the event's label
 * from the matter kind's lifecycle (`matterKind` when known, else the first lifecycle that has the
 * event); `<kind>.<event>` likewise. An unknown code is returned as it is (the label test keeps
 * the server's codes known).
 */
export function auditActionLabel(code: string, matterKind?: string | null): string {
  if (Object.hasOwn(AUDIT_ACTION_LABELS, code)) return AUDIT_ACTION_LABELS[code];
  const dot = code.indexOf('.');
  if (dot < 0) return code;
  const prefix = code.slice(0, dot);
  const event = code.slice(dot + 1);
  if (prefix === 'matter') {
    const own = eventLabel(lifecycleFor(matterKind), event);
    if (own) return own;
    for (const [, lc] of Object.entries(LIFECYCLES)) {
      const l = eventLabel(lc, event);
      if (l) return l;
    }
    return code;
  }
  return eventLabel(lifecycleFor(prefix), event) ?? code;
}

/** Whether the code has a label (not just echoed back). */
export function hasAuditActionLabel(code: string): boolean {
  return auditActionLabel(code) !== code;
}

/**
 * Which state table a row's `fromState`/`toState` belong to: a participant's for
 * `step.participant_*`, the entity's own (task, step, account, calendar…), else the matter kind's.
 */
export function auditStateKind(e: { action: string; entityType?: string | null; matterKind?: string | null }): string | undefined {
  if (e.action.startsWith('step.participant_')) return 'step_participant';
  const byEntity = e.entityType === 'consultation' ? 'step' : e.entityType;
  if (byEntity && byEntity !== 'matter' && (lifecycleFor(byEntity) || Object.hasOwn(ENTITY_STATE_LABELS, byEntity))) return byEntity;
  if (!e.entityType) {
    // 办理记录 rows carry no entity type: the action's area says it
    const area = e.action.slice(0, e.action.indexOf('.'));
    if (area === 'task') return 'task';
    if (area === 'step' || area === 'consultation') return 'step';
  }
  return e.matterKind ?? undefined;
}

/**
 * The Chinese name of a state of `kind` (a matter kind, `step`, `step_participant`, `task`,
 * `user`, `calendar_day`…). With no or an unknown kind, the first table that knows the state.
 */
export function stateLabel(kind: string | null | undefined, state: string | null | undefined): string {
  if (!state) return '—';
  const lc = lifecycleFor(kind);
  if (lc && Object.hasOwn(lc.states, state)) return lc.states[state].label;
  const own = kind && Object.hasOwn(ENTITY_STATE_LABELS, kind) ? ENTITY_STATE_LABELS[kind] : undefined;
  if (own && Object.hasOwn(own, state)) return own[state];
  for (const [, t] of lifecycleTables()) if (Object.hasOwn(t.states, state)) return t.states[state].label;
  for (const t of Object.values(ENTITY_STATE_LABELS)) if (Object.hasOwn(t, state)) return t[state];
  return state;
}

/** The areas of action codes (the part before the first dot), for filtering the trail. */
export const AUDIT_AREA_LABELS: Record<string, string> = {
  matter: '事项',
  task: '任务',
  step: '办理步骤',
  consultation: '征求意见',
  content: '内容版本',
  attachment: '附件',
  number: '编号',
  number_series: '编号规则',
  activity: '领导公务活动',
  outgoing: '发文',
  settings: '系统设置',
  calendar: '工作日历',
  auth: '登录与账号',
  org: '组织机构',
  system: '系统',
};

export interface AuditActionGroup {
  /** the area's prefix, e.g. `matter.` */
  prefix: string;
  label: string;
  actions: { code: string; label: string }[];
}

/**
 * Every action code by area, with its label: the table's codes and each lifecycle's status changes
 * (`matter.<event>`, named with the kinds that have the event) — the audit viewer's filter.
 */
export function auditActionGroups(): AuditActionGroup[] {
  const byCode = new Map<string, string>(Object.entries(AUDIT_ACTION_LABELS));
  const events = new Map<string, { label: string; kinds: string[] }[]>();
  for (const lc of Object.values(LIFECYCLES)) {
    for (const [event, t] of Object.entries(lc.events)) {
      const code = `matter.${event}`;
      const list = events.get(code) ?? [];
      const same = list.find((l) => l.label === t.label);
      if (same) same.kinds.push(lc.label);
      else list.push({ label: t.label, kinds: [lc.label] });
      events.set(code, list);
    }
  }
  for (const [code, list] of events) byCode.set(code, list.map((l) => `${l.label}（${l.kinds.join('、')}）`).join(' / '));
  return Object.entries(AUDIT_AREA_LABELS).map(([area, label]) => ({
    prefix: `${area}.`,
    label,
    actions: [...byCode].filter(([code]) => code.startsWith(`${area}.`)).map(([code, l]) => ({ code, label: l })),
  }));
}

/** Whether `kind`'s own table (not a fallback) names the state. */
export function hasStateLabel(kind: string, state: string): boolean {
  const lc = lifecycleFor(kind);
  if (lc) return Object.hasOwn(lc.states, state);
  return Object.hasOwn(ENTITY_STATE_LABELS, kind) && Object.hasOwn(ENTITY_STATE_LABELS[kind], state);
}

/** The Chinese name of a matter kind (from its lifecycle), or of an entity type. */
export function kindLabel(kind: string | null | undefined): string {
  if (!kind) return '—';
  return lifecycleFor(kind)?.label ?? ENTITY_LABELS[kind] ?? kind;
}
