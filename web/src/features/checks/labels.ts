import dayjs from 'dayjs';
import { DOC_TYPES, LAYOUTS, type Finding, type Severity } from '@xietiao/domain/checks/types';
import { LEVEL_LABELS } from '@xietiao/domain/api/org';

export { DOC_TYPES, LAYOUTS, LEVEL_LABELS };

/** The form fields a finding's `path` can point at (document.<key> or document.flags.<key>). */
export const FIELD_LABELS: Record<string, string> = {
  type: '文种',
  layout: '版式',
  issuers: '发文机关',
  title: '标题',
  mainTo: '主送机关',
  copyTo: '抄送机关',
  docNo: '发文字号',
  date: '成文日期',
  signers: '签发记录',
  signatory: '签发人',
  secrecy: '密级',
  secrecyTerm: '保密期限',
  copyNo: '份号',
  urgency: '紧急程度',
  matters: '请示事项',
  body: '正文',
  attachmentNote: '附件说明',
  attachments: '附件',
  note: '附注',
  replyTo: '答复的请示',
  'flags.important': '重要公文',
  'flags.involvesOtherUnits': '涉及其他部门或地区职权',
  'flags.countersignComplete': '已会签',
  'flags.skipLevelReason': '越级理由',
  'flags.leaderAssigned': '上级负责人交办依据',
  'flags.govApprovedRef': '经政府同意的依据',
  'flags.directive': '指令性要求',
  'flags.forwardedFrom': '转报的下级请示',
  'flags.stanceOpinion': '倾向性意见',
  general: '整体',
};

/** Labels of the parts of a list row or object (signers[0].organ, replyTo.issuer…). */
const SUB_LABELS: Record<string, string> = {
  organ: '机关',
  name: '姓名',
  role: '身份',
  opinion: '意见',
  signedAt: '签发日期',
  proxy: '代签',
  lead: '主办',
  issuer: '来文机关',
  docNo: '发文字号',
  type: '文种',
  no: '序号',
  title: '名称',
  person: '姓名',
};

/** Fields whose list entries are organs: a finding on entry i names that organ. */
export const ORGAN_LISTS = new Set(['issuers', 'mainTo', 'copyTo']);

export interface Location {
  /** a key of FIELD_LABELS */
  field: string;
  /** list index, e.g. 1 for document.mainTo[1] */
  index: number | null;
  /** the part of the row or object, e.g. organ for document.signers[0].organ */
  sub: string | null;
}

/** `document.mainTo[1]` → {field:'mainTo', index:1}; `document.flags.skipLevelReason` → {field:'flags.skipLevelReason'}. */
export function locate(path: string): Location {
  const m = /^document\.(\w+)(?:\[(\d+)\])?(?:\.(\w+))?/.exec(path ?? '');
  if (!m) return { field: 'general', index: null, sub: null };
  const [, head, idx, rest] = m;
  if (head === 'flags') {
    const field = `flags.${rest ?? ''}`;
    return FIELD_LABELS[field] ? { field, index: null, sub: null } : { field: 'general', index: null, sub: null };
  }
  if (!FIELD_LABELS[head]) return { field: 'general', index: null, sub: null };
  return { field: head, index: idx === undefined ? null : Number(idx), sub: rest ?? null };
}

/** 「签发记录第1行·机关」, 「主送机关：某市财政局」 — where a path points, in words. */
export function describeLocation(loc: Location, organName?: (index: number) => string | undefined): string {
  let s = FIELD_LABELS[loc.field] ?? loc.field;
  if (loc.index !== null) {
    const organ = ORGAN_LISTS.has(loc.field) ? organName?.(loc.index) : undefined;
    s += organ ? `「${organ}」` : `第${loc.index + 1}${loc.field === 'attachmentNote' || loc.field === 'signers' ? '行' : '项'}`;
  }
  if (loc.sub) s += `·${SUB_LABELS[loc.sub] ?? loc.sub}`;
  return s;
}

export interface SeverityMeta {
  label: string;
  tag: string;
  /** Form.Item validateStatus */
  status: 'error' | 'warning' | undefined;
}
export const SEVERITY: Record<Severity, SeverityMeta> = {
  error: { label: '错误', tag: 'red', status: 'error' },
  warning: { label: '警告', tag: 'orange', status: 'warning' },
  info: { label: '提示', tag: 'blue', status: undefined },
};
export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export function worst(findings: readonly Finding[]): Severity | null {
  for (const s of SEVERITIES) if (findings.some((f) => f.severity === s)) return s;
  return null;
}

export const SECRECY_OPTIONS = [
  { value: 'none', label: '无（非涉密）' },
  { value: '秘密', label: '秘密' },
  { value: '机密', label: '机密' },
  { value: '绝密', label: '绝密' },
];
export const URGENCY_OPTIONS = [
  { value: 'none', label: '无' },
  { value: '特急', label: '特急' },
  { value: '加急', label: '加急' },
];
export const SIGNER_ROLES = ['主要负责人', '分管负责人', '受权'] as const;

/** 成文日期 as printed: 2026年11月27日 (Arabic numerals, no leading zeros). */
export function chineseDate(d = dayjs()): string {
  return `${d.year()}年${d.month() + 1}月${d.date()}日`;
}
