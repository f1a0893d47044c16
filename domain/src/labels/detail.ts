/**
 * An audit row's `detail` (JSON written by the server) as a readable field list (X-3): Chinese
 * field names, coded values by their labels, times in China time, ids by the names the caller
 * resolved (else marked as an id), and before/after side by side. The raw JSON stays available to
 * the auditor; this is what people read.
 */
import { formatChineseDate, formatChineseDateTime } from '../format';
import { INSTRUCTION_CHANNEL_LABELS, URGENCY_LABELS } from '../outgoing/draft';
import { ROLE_LABELS } from '../kernel/roles';
import { PARTICIPANT_ROLE_LABELS, PARTY_TYPE_LABELS, STEP_COMPLETION_LABELS, STEP_ORDER_LABELS, STEP_TYPE_DEFS } from '../kernel/steps';
import { NUMBER_CLASS_LABELS } from '../kernel/numbering';
import { HELD_IN_NAME_LABELS, EXCEPTION_LABELS } from '../activities/types';
import { LINK_LABELS, POSITION_LABELS, PRIORITY_LABELS, TASK_KIND_LABELS } from '../api/matters';
import { ABSENCE_LABELS, LEVEL_LABELS } from '../api/org';
import { activityLifecycle } from '../activities/lifecycle';

/**
 * Field names used in `detail` (camelCase, and the snake_case column names some rows carry, e.g.
 * a matter's `owner_id` or an activity's `starts_at`). `labels.test.ts` scans the server for the
 * keys it writes.
 */
export const DETAIL_FIELD_LABELS: Record<string, string> = {
  // before/after of an edit
  before: '修改前',
  after: '修改后',
  changed: '同时修改',
  // 事项
  title: '标题',
  description: '说明',
  restricted: '限定知悉范围',
  priority: '紧急程度',
  ownerId: '责任人',
  departmentId: '部门',
  departmentName: '部门名称',
  dueDate: '期限',
  data: '事项内容',
  comment: '意见',
  decision: '审批意见',
  userIds: '人员',
  departmentIds: '部门',
  toRead: '推送待阅',
  leaderIds: '领导',
  leaderId: '领导',
  question: '请示内容',
  // 任务
  kind: '类型',
  result: '办理结果',
  note: '附言',
  assigneeUserId: '承办人',
  assigneeDepartmentId: '承办部门',
  fromUserId: '原承办人',
  fromDepartmentId: '原承办部门',
  toUserId: '新承办人',
  toDepartmentId: '新承办部门',
  from: '原值',
  to: '新值',
  reason: '原因',
  // 办理步骤、征求意见
  type: '步骤类型',
  subject: '事由',
  order: '办理顺序',
  completion: '完成条件',
  dueWorkingDays: '办理期限',
  contentVersionNo: '内容版本',
  participants: '参与者',
  participantId: '参与者记录',
  party: '参与方',
  partyName: '参与方',
  role: '角色',
  response: '反馈',
  text: '内容',
  outcome: '结论',
  position: '意见',
  roundNo: '轮次',
  previousRoundId: '上一轮',
  openDisagreements: '未解决的分歧',
  // 内容版本、附件、编号
  versionNo: '版本号',
  changedFields: '修改的字段',
  moreChanged: '另有修改字段',
  filename: '文件名',
  size: '大小',
  seriesId: '编号规则',
  organId: '机关',
  class: '编号类别',
  code: '代字',
  template: '编号格式',
  year: '年度',
  nextValue: '下一个号',
  value: '号',
  active: '启用',
  continuedFrom: '沿用年度',
  // 发文
  docType: '文种',
  urgency: '紧急程度',
  draftingDepartmentId: '起草部门',
  givenOn: '交代日期',
  channel: '交代方式',
  onBehalf: '由办公室代记',
  // 领导公务活动
  category: '活动类别',
  heldInName: '举办名义',
  organiserName: '主办单位',
  organiserDepartmentId: '主办部门',
  startsAt: '开始时间',
  endsAt: '结束时间',
  place: '地点',
  travelMinutes: '路程时间',
  area: '分管领域',
  requestedLeaderIds: '邀请出席领导',
  proposedLeaderIds: '拟请出席领导',
  exceptions: '灵活掌握情形',
  superiorLeaderAttends: EXCEPTION_LABELS.superiorLeaderAttends,
  superiorLeaderRankOrder: '上级领导相当职级',
  unifiedCommemoration: EXCEPTION_LABELS.unifiedCommemoration,
  advancesCentralWork: EXCEPTION_LABELS.advancesCentralWork,
  outstandingActivity: EXCEPTION_LABELS.outstandingActivity,
  contact: '联系人',
  responsibleStaffId: '责任人',
  // 领导活动规则
  quota: '数量控制',
  enabled: '启用',
  period: '统计周期',
  max: '数量上限',
  warnRatio: '预警比例',
  onlyLeaderInCharge: '只请分管领导出席',
  publicOccasions: '公开场合',
  categories: '活动类别',
  maxFirstLine: '一线领导人数上限',
  preferSecondLine: '优先安排二线领导',
  reminders: '提醒',
  dayBeforeAt: '前一日提醒时间',
  marginMinutes: '提前出发余量',
  escalateAfterMinutes: '未确认升级提醒',
  // 组织机构
  username: '用户名',
  name: '名称',
  shortName: '简称',
  phone: '电话',
  roles: '角色',
  functions: '职能',
  sort: '排序',
  level: '层级',
  parentId: '上级机关',
  superiorIds: '业务指导机关',
  docCode: '机关代字',
  post: '职务',
  rank: '职级',
  rankOrder: '职级序号',
  precedence: '排序',
  line: '一线/二线',
  principal: '主要领导',
  secretaryId: '秘书',
  charges: '分管',
  userId: '人员',
  // 工作日历
  working: '日期类型',
  reference: '通知文号',
  holidays: '节假日',
  workdays: '调休上班日',
  date: '日期',
  // 登录
  ip: '登录地址',
  failures: '连续失败次数',
  until: '锁定至',
  wasLocked: '解除前处于锁定',
  // 系统
  id: '编号',
  organs: '机关数',
  departments: '部门数',
  people: '人员数',
  leaders: '领导数',
  absences: '请假外出记录数',
};

/** Field names that mean something else in one action's row. */
export const DETAIL_FIELD_LABELS_BY_ACTION: Record<string, Record<string, string>> = {
  'task.extended': { from: '原期限', to: '新期限' },
  'step.extended': { to: '新期限', participants: '延期的参与者' },
  'step.participant_reassigned': { from: '原办理人', to: '转给' },
  'matter.linked': { to: '关联到', kind: '关联关系' },
  'task.created': { kind: '任务类型' },
  'matter.instruction_added': { kind: '批示类型', decision: '审批意见' },
  'content.version_saved': { kind: '内容类型' },
  'org.absence.created': { kind: '请假外出类型' },
  'org.absence.deleted': { kind: '请假外出类型' },
  'org.person.created': { name: '姓名' },
  'org.person.updated': { name: '姓名', title: '职务' },
  'org.organ.created': { kind: '机关类型' },
  'org.organ.updated': { kind: '机关类型' },
  'step.participant_added': { position: '插入位置' },
  'consultation.responded': { position: '意见' },
  'number.assigned': { text: '编号', value: '序号' },
  'number.voided': { text: '编号', value: '序号' },
  'calendar.override.set': { reason: '说明' },
  'calendar.override.removed': { reason: '说明' },
};

/** Fields that only link rows together: kept in the raw data and the auditor's list, left out of 办理记录. */
export const INTERNAL_DETAIL_FIELDS: readonly string[] = ['participantId', 'previousRoundId', 'seriesId'];

const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The Chinese name of a detail field (snake_case column names too); unknown keys as they are. */
export function detailFieldLabel(key: string, action?: string): string {
  const own = action ? DETAIL_FIELD_LABELS_BY_ACTION[action] : undefined;
  for (const k of [key, camel(key)]) {
    if (own && Object.hasOwn(own, k)) return own[k];
    if (Object.hasOwn(DETAIL_FIELD_LABELS, k)) return DETAIL_FIELD_LABELS[k];
  }
  return key;
}

const STEP_TYPE_LABELS: Record<string, string> = Object.fromEntries(Object.values(STEP_TYPE_DEFS).map((d) => [d.type, d.label]));
const STEP_RESPONSE_LABELS: Record<string, string> = Object.assign(
  {},
  ...Object.values(STEP_TYPE_DEFS).map((d) => Object.fromEntries(Object.entries(d.responses).map(([k, r]) => [k, r.label]))),
);
const STEP_OUTCOME_LABELS: Record<string, string> = Object.assign({}, ...Object.values(STEP_TYPE_DEFS).map((d) => d.outcomes));
/** Every kind of task: the direct ones, the steps', the lifecycle commands'. */
export const TASK_KIND_NAMES: Record<string, string> = {
  ...TASK_KIND_LABELS,
  ...STEP_TYPE_LABELS,
  propose: '拟办',
  decide: '审批',
  confirm: '确认出席',
  instruct: '批示',
};
const INSTRUCTION_KIND_LABELS: Record<string, string> = { instruction: '批示', approval: '审批', decision: '定夺' };
const DECISION_LABELS: Record<string, string> = {
  approve: '同意',
  change: '修改后同意',
  decline: '不同意',
  ...Object.fromEntries(Object.entries(activityLifecycle.events).map(([k, e]) => [k, e.label])),
};
const PERIOD_LABELS: Record<string, string> = { month: '每月', quarter: '每季度', year: '每年' };
const LINE_LABELS: Record<string, string> = { first: '一线', second: '二线' };

/** Coded values by field (the `kind` field depends on the action: see kindValues). */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  priority: PRIORITY_LABELS,
  position: POSITION_LABELS,
  response: STEP_RESPONSE_LABELS,
  outcome: STEP_OUTCOME_LABELS,
  type: { ...STEP_TYPE_LABELS, ...PARTY_TYPE_LABELS },
  order: STEP_ORDER_LABELS,
  completion: STEP_COMPLETION_LABELS,
  role: { ...PARTICIPANT_ROLE_LABELS, ...ROLE_LABELS },
  roles: ROLE_LABELS,
  class: NUMBER_CLASS_LABELS,
  heldInName: HELD_IN_NAME_LABELS,
  channel: INSTRUCTION_CHANNEL_LABELS,
  urgency: URGENCY_LABELS,
  decision: DECISION_LABELS,
  period: PERIOD_LABELS,
  line: LINE_LABELS,
  reason: { unknown_user: '用户名不存在', inactive: '账号已停用', wrong_password: '密码错误', throttled: '失败过多，须等待', locked: '账号已锁定' },
};

function kindValues(action: string | undefined): Record<string, string> {
  if (action?.startsWith('task.')) return TASK_KIND_NAMES;
  if (action === 'matter.linked') return LINK_LABELS;
  if (action?.startsWith('org.absence.')) return ABSENCE_LABELS;
  if (action === 'matter.instruction_added') return INSTRUCTION_KIND_LABELS;
  return { ...TASK_KIND_NAMES, ...LINK_LABELS, ...ABSENCE_LABELS, ...INSTRUCTION_KIND_LABELS };
}

/** Ids the server makes (UUIDv7) and those of the same shape. */
const ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isId(v: unknown): v is string {
  return typeof v === 'string' && ID_RE.test(v);
}

/** Every id in a detail (deep): what a presenter resolves to names. */
export function detailIds(detail: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (isId(v)) out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(typeof detail === 'string' ? parseDetail(detail) : detail);
  return [...out];
}

/** A detail's JSON text (or object) as an object; null when it is empty or not an object. */
export function parseDetail(detail: string | Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!detail) return null;
  if (typeof detail !== 'string') return detail;
  try {
    const d = JSON.parse(detail) as unknown;
    return d && typeof d === 'object' && !Array.isArray(d) ? (d as Record<string, unknown>) : { text: String(d) };
  } catch {
    return { text: detail };
  }
}

export interface DetailContext {
  /** the row's action code: some fields mean something else in one action */
  action?: string;
  /** names of the ids in the detail (people, departments, organs) */
  names?: Record<string, string>;
}

/** An id as its name, or marked as an id the viewer cannot resolve. */
function idText(id: string, ctx: DetailContext): string {
  const n = ctx.names?.[id];
  return n ?? `（编号尾号${id.slice(-6)}）`;
}

function plain(v: unknown, ctx: DetailContext, key?: string): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') {
    if (key === 'working') return v ? '工作日' : '休息日';
    if (key === 'active' || key === 'enabled') return v ? '启用' : '停用';
    return v ? '是' : '否';
  }
  if (typeof v === 'number') {
    switch (key) {
      case 'warnRatio':
        return `${Math.round(v * 100)}%`;
      case 'travelMinutes':
      case 'marginMinutes':
      case 'escalateAfterMinutes':
        return `${v}分钟`;
      case 'dueWorkingDays':
        return `${v}个工作日`;
      case 'roundNo':
        return `第${v}轮`;
      case 'versionNo':
      case 'contentVersionNo':
        return `第${v}版`;
      case 'position':
        return `第${v + 1}位`;
      case 'year':
      case 'continuedFrom':
        return `${v}年`;
      case 'moreChanged':
        return `${v}项`;
      case 'size':
        return v < 1024 ? `${v}字节` : v < 1024 * 1024 ? `${(v / 1024).toFixed(1)}KB` : `${(v / 1024 / 1024).toFixed(1)}MB`;
      case 'level':
        return LEVEL_LABELS[v] ?? String(v);
      default:
        return String(v);
    }
  }
  if (typeof v === 'string') {
    if (isId(v)) return idText(v, ctx);
    const labels = key === 'kind' ? kindValues(ctx.action) : key ? VALUE_LABELS[key] : undefined;
    if (labels && Object.hasOwn(labels, v)) return labels[v];
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) && !Number.isNaN(Date.parse(v))) return formatChineseDateTime(v);
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatChineseDate(v);
    return v;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return '（无）';
    return v.map((x) => (x && typeof x === 'object' && !Array.isArray(x) ? item(x as Record<string, unknown>, ctx) : plain(x, ctx, key))).join('、');
  }
  return item(v as Record<string, unknown>, ctx);
}

/** One object inside a value (a participant, a 分管 line, a holiday …) as a short phrase. */
function item(o: Record<string, unknown>, ctx: DetailContext): string {
  if (typeof o.type === 'string' && Object.hasOwn(PARTY_TYPE_LABELS, o.type) && typeof o.id === 'string') {
    const role = typeof o.role === 'string' ? (PARTICIPANT_ROLE_LABELS as Record<string, string>)[o.role] : undefined;
    return `${(PARTY_TYPE_LABELS as Record<string, string>)[o.type]}${idText(o.id, ctx)}${role ? `（${role}）` : ''}`;
  }
  if (typeof o.partyName === 'string') return `${o.partyName}${typeof o.text === 'string' && o.text ? `：${o.text}` : ''}`;
  if (typeof o.area === 'string') {
    const dept = typeof o.departmentName === 'string' ? o.departmentName : typeof o.departmentId === 'string' ? idText(o.departmentId, ctx) : null;
    return dept ? `${o.area}（${dept}）` : o.area;
  }
  if (typeof o.name === 'string' && typeof o.from === 'string' && typeof o.to === 'string') {
    return `${o.name} ${plain(o.from, ctx)}至${plain(o.to, ctx)}`;
  }
  if (typeof o.date === 'string' && Object.keys(o).every((k) => k === 'date' || k === 'name')) {
    return `${plain(o.date, ctx)}${typeof o.name === 'string' && o.name ? `（${o.name}）` : ''}`;
  }
  return Object.entries(o)
    .map(([k, v]) => `${detailFieldLabel(k, ctx.action)}：${plain(v, ctx, k)}`)
    .join('，');
}

/** A value shown in the field list: its label if coded, its name if an id, a Chinese date if a time. */
export function formatDetailValue(key: string, value: unknown, ctx: DetailContext = {}): string {
  return plain(value, ctx, camel(key));
}

export interface DetailField {
  /** the path of keys, e.g. ['quota', 'max'] */
  path: string[];
  /** Chinese, e.g. 数量控制 · 数量上限 */
  label: string;
  /** `value`: a fact of the row; `changed` / `added` / `removed`: an edit's before and after */
  change: 'value' | 'changed' | 'unchanged' | 'added' | 'removed';
  value?: string;
  before?: string;
  after?: string;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Leaves of nested objects by path; lists and empty objects are leaves. */
function leaves(o: Record<string, unknown>, path: string[] = []): [string[], unknown][] {
  const out: [string[], unknown][] = [];
  for (const [k, v] of Object.entries(o)) {
    if (isPlainObject(v) && Object.keys(v).length > 0 && !('id' in v && 'type' in v)) out.push(...leaves(v, [...path, k]));
    else out.push([[...path, k], v]);
  }
  return out;
}

function pathLabel(path: string[], action?: string): string {
  return path.map((k) => detailFieldLabel(k, action)).join(' · ');
}

/**
 * The detail as a field list: each fact as `label: value`; an edit's `before`/`after` as one row
 * per changed field (nested settings by path). Unchanged fields of a full before/after pair are
 * kept as `unchanged` (the viewer may hide them). `internal: false` leaves out fields that only
 * link rows (participant ids …); `omitEmpty` leaves out facts with no value (an edit's emptied
 * field is always kept).
 */
export function auditDetailFields(
  detail: string | Record<string, unknown> | null | undefined,
  ctx: DetailContext & { internal?: boolean; omitEmpty?: boolean } = {},
): DetailField[] {
  const o = parseDetail(detail);
  if (!o) return [];
  const rows: DetailField[] = [];
  const skip = (path: string[]) => ctx.internal === false && INTERNAL_DETAIL_FIELDS.includes(path[path.length - 1]);
  const empty = (v: unknown) => ctx.omitEmpty === true && (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0));
  const hasEdit = 'before' in o || 'after' in o;
  if (hasEdit) {
    const before = isPlainObject(o.before) ? leaves(o.before) : [];
    const after = isPlainObject(o.after) ? leaves(o.after) : [];
    const b = new Map(before.map(([p, v]) => [p.join('.'), { p, v }]));
    const a = new Map(after.map(([p, v]) => [p.join('.'), { p, v }]));
    const keys = [...new Set([...b.keys(), ...a.keys()])];
    for (const k of keys) {
      const was = b.get(k);
      const now = a.get(k);
      const path = (now ?? was)!.p;
      if (skip(path)) continue;
      const key = path[path.length - 1];
      const label = pathLabel(path, ctx.action);
      if (was && now) {
        const same = JSON.stringify(was.v) === JSON.stringify(now.v);
        rows.push({ path, label, change: same ? 'unchanged' : 'changed', before: plain(was.v, ctx, key), after: plain(now.v, ctx, key) });
      } else if (now)
        rows.push({
          path,
          label,
          change: isPlainObject(o.before) ? 'changed' : 'added',
          before: isPlainObject(o.before) ? '（无）' : undefined,
          after: plain(now.v, ctx, key),
        });
      else if (was)
        rows.push({
          path,
          label,
          change: isPlainObject(o.after) ? 'changed' : 'removed',
          before: plain(was.v, ctx, key),
          after: isPlainObject(o.after) ? '（无）' : undefined,
        });
    }
  }
  for (const [k, v] of Object.entries(o)) {
    if (hasEdit && (k === 'before' || k === 'after')) continue;
    if (isPlainObject(v) && Object.keys(v).length > 0 && !('id' in v && 'type' in v)) {
      for (const [p, lv] of leaves(v, [k])) {
        if (!skip(p) && !empty(lv)) rows.push({ path: p, label: pathLabel(p, ctx.action), change: 'value', value: plain(lv, ctx, p[p.length - 1]) });
      }
    } else if (!skip([k]) && !empty(v)) rows.push({ path: [k], label: detailFieldLabel(k, ctx.action), change: 'value', value: plain(v, ctx, k) });
  }
  return rows;
}

/** One line for a list or a timeline: 标题：…；期限：2026年3月1日 → 2026年3月5日. Unchanged fields are left out. */
export function describeAuditDetail(
  detail: string | Record<string, unknown> | null | undefined,
  ctx: DetailContext & { internal?: boolean } = {},
): string | null {
  const parts = auditDetailFields(detail, ctx)
    .filter((f) => f.change !== 'unchanged')
    .map((f) => {
      if (f.change === 'value') return `${f.label}：${f.value}`;
      if (f.change === 'added') return `${f.label}：${f.after}`;
      if (f.change === 'removed') return `${f.label}：${f.before}（已删除）`;
      return `${f.label}：${f.before} → ${f.after}`;
    });
  return parts.length ? parts.join('；') : null;
}
