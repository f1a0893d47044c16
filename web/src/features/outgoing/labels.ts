import { BODY_LEVEL_LABELS, INSTRUCTION_CHANNEL_LABELS, outgoingLifecycle, PUBLICITY, URGENCY_LABELS, URGENCY_LEVELS } from '@xietiao/domain';
import { DOC_TYPES } from '@xietiao/domain/checks/types';

export const DOC_TYPE_OPTIONS = DOC_TYPES.map((t) => ({ value: t, label: t }));
export const URGENCY_OPTIONS = URGENCY_LEVELS.map((u) => ({ value: u, label: URGENCY_LABELS[u] }));
export const PUBLICITY_OPTIONS = PUBLICITY.map((p) => ({ value: p, label: p }));
export const LEVEL_OPTIONS = Object.entries(BODY_LEVEL_LABELS).map(([v, label]) => ({ value: Number(v), label }));
export const CHANNEL_OPTIONS = Object.entries(INSTRUCTION_CHANNEL_LABELS).map(([value, label]) => ({ value, label }));
export const CHANNEL_LABELS: Record<string, string> = INSTRUCTION_CHANNEL_LABELS;
export const OUTGOING_STATE_LABELS: Record<string, string> = Object.fromEntries(Object.entries(outgoingLifecycle.states).map(([s, v]) => [s, v.label]));

/** The draft's fields as a reader names them (findings, the diff). */
export const DRAFT_FIELD_LABELS: Record<string, string> = {
  docType: '文种',
  issuers: '发文机关',
  mainTo: '主送机关',
  copyTo: '抄送机关',
  title: '标题',
  body: '正文',
  attachments: '附件说明',
  note: '附注',
  matters: '请示事项',
  secrecy: '密级',
  secrecyTerm: '保密期限',
  urgency: '紧急程度',
  publicity: '公开属性',
  level: '层次',
  text: '文字',
};

export const SEVERITY_LABELS: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };
export const SEVERITY_COLORS: Record<string, string> = { error: 'red', warning: 'orange', info: 'blue' };
