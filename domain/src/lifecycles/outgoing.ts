import type { Lifecycle } from '../kernel/lifecycle';
import type { KindPolicy } from '../kernel/policy';

/**
 * 发文 (outgoing document), gongwen-rules.md §4, from the drafting brief to the archive (条例
 * Arts 18–27, 33): 拟稿 → 会签 (when it involves other units, Art 19(6)) → 初核 and 审议 (only
 * when the organ must deliberate) → 审核 (Art 20) → 签发 (Art 22) → 复核 (Art 25(1)) → 登记
 * (number, distribution, copies) → 印制 → 核发 → 已印发 → 归档; an issued document may be
 * 撤销 (void from the start) or 废止 (void from a date) (Art 33).
 *
 * Roles are relative to the matter: `office` (any office role), `drafter` (the creator or the
 * person in charge, and the drafting department's liaisons and drafters), `signer` (the leader
 * the document goes to for signature), `system`.
 *
 * The table is complete; every event is owned by the command that will carry its data and
 * effects (review checklist, signatures, the number…). Commands come with their slice; until
 * then an event is listed, but nothing fires it.
 */
export type OutgoingState =
  | 'drafting'
  | 'countersign'
  | 'prelim_check'
  | 'deliberation'
  | 'review'
  | 'returned'
  | 'signing'
  | 'recheck'
  | 'registered'
  | 'printing'
  | 'dispatch_check'
  | 'issued'
  | 'archived'
  | 'revoked'
  | 'abolished'
  | 'cancelled';
export type OutgoingEvent =
  | 'sendToCountersign'
  | 'submitForReview'
  | 'submitForPrelimCheck'
  | 'passPrelimCheck'
  | 'recordDeliberation'
  | 'passReview'
  | 'returnForRevision'
  | 'returnUnsuitable'
  | 'sign'
  | 'returnFromSigning'
  | 'sendBackToSigner'
  | 'register'
  | 'startPrinting'
  | 'finishPrinting'
  | 'issue'
  | 'archive'
  | 'revoke'
  | 'abolish'
  | 'cancel';
export type OutgoingRole = 'office' | 'drafter' | 'signer' | 'system';

export const outgoingLifecycle: Lifecycle<OutgoingState, OutgoingEvent, OutgoingRole> = {
  kind: 'outgoing',
  label: '发文',
  initial: 'drafting',
  states: {
    drafting: { label: '拟稿中' },
    countersign: { label: '会签中' },
    prelim_check: { label: '初核中' },
    deliberation: { label: '待审议' },
    review: { label: '审核中' },
    returned: { label: '已退回起草单位' },
    signing: { label: '待签发' },
    recheck: { label: '复核中' },
    registered: { label: '已登记' },
    printing: { label: '印制中' },
    dispatch_check: { label: '核发中' },
    issued: { label: '已印发' },
    archived: { label: '已归档' },
    revoked: { label: '已撤销', terminal: true },
    abolished: { label: '已废止', terminal: true },
    cancelled: { label: '已停办', terminal: true },
  },
  events: {
    sendToCountersign: {
      from: ['drafting', 'returned'],
      to: 'countersign',
      by: ['drafter', 'office'],
      guards: ['has-draft', 'no-open-disagreement'],
      label: '送会签',
      command: 'countersign',
    },
    submitForReview: {
      from: ['drafting', 'returned', 'countersign'],
      to: 'review',
      by: ['drafter', 'office'],
      guards: ['has-draft', 'no-open-disagreement', 'countersign-complete'],
      label: '送审核',
      command: 'submit',
    },
    submitForPrelimCheck: {
      from: ['drafting', 'returned', 'countersign'],
      to: 'prelim_check',
      by: ['drafter', 'office'],
      guards: ['has-draft', 'no-open-disagreement', 'countersign-complete'],
      label: '送初核（需审议）',
      command: 'submit',
    },
    passPrelimCheck: { from: ['prelim_check'], to: 'deliberation', by: ['office'], label: '初核通过，提请审议', command: 'review' },
    recordDeliberation: { from: ['deliberation'], to: 'review', by: ['office'], label: '登记审议结果', needsComment: true, command: 'review' },
    passReview: { from: ['review'], to: 'signing', by: ['office'], guards: ['checklist-complete'], label: '审核通过，送签发', command: 'review' },
    returnForRevision: {
      from: ['prelim_check', 'review'],
      to: 'returned',
      by: ['office'],
      label: '退回修改',
      needsComment: true,
      command: 'review',
    },
    returnUnsuitable: { from: ['prelim_check', 'review'], to: 'returned', by: ['office'], label: '退回（不宜发文）', needsComment: true, command: 'review' },
    sign: {
      from: ['signing'],
      to: 'recheck',
      by: ['signer'],
      guards: ['signer-authorised', 'countersign-complete', 'all-co-issuers-signed'],
      label: '签发',
      command: 'sign',
    },
    returnFromSigning: { from: ['signing'], to: 'returned', by: ['signer'], label: '退回修改', needsComment: true, command: 'sign' },
    sendBackToSigner: { from: ['recheck'], to: 'signing', by: ['office'], label: '实质性修改，报原签批人复审', needsComment: true, command: 'recheck' },
    register: { from: ['recheck'], to: 'registered', by: ['office'], guards: ['no-unsigned-change'], label: '复核无误，登记编号', command: 'register' },
    startPrinting: { from: ['registered'], to: 'printing', by: ['office'], label: '印制', command: 'print' },
    finishPrinting: { from: ['printing'], to: 'dispatch_check', by: ['office'], label: '印制完毕，核发检查', command: 'print' },
    issue: { from: ['dispatch_check'], to: 'issued', by: ['office'], label: '核发', command: 'dispatch' },
    archive: { from: ['issued'], to: 'archived', by: ['office'], label: '归档', command: 'archive' },
    revoke: { from: ['issued', 'archived'], to: 'revoked', by: ['office'], label: '撤销（自始无效）', needsComment: true, command: 'revoke' },
    abolish: { from: ['issued', 'archived'], to: 'abolished', by: ['office'], label: '废止（自废止之日起失效）', needsComment: true, command: 'revoke' },
    cancel: { from: ['drafting', 'returned'], to: 'cancelled', by: ['drafter', 'office'], label: '停办（不再发文）', needsComment: true, command: 'cancel' },
  },
};

/** The 发文's actions besides its lifecycle events. */
export const outgoingPolicy: KindPolicy = {
  actions: {
    brief: {
      label: '记录领导交代',
      rules: [{ by: ['briefLeader', 'office'], in: 'open' }],
      refusal: '只有交代此文的领导或办公室（代领导记录）可以记录交代',
    },
    writeIntent: {
      label: '拟定统一意图',
      rules: [{ by: ['office'], in: ['drafting', 'returned'] }],
      refusal: '只有办公室可以拟定统一意图',
    },
    editDraft: {
      label: '修改文稿',
      rules: [{ by: ['drafter', 'office'], in: ['drafting', 'returned'] }],
      refusal: '只有拟稿人或办公室可以修改文稿',
    },
    // the generic versions route saves nothing of a 发文: the draft and the intent go through
    // their own commands, which validate the fields
    saveVersion: { label: '保存新版本', rules: [], refusal: '发文的文稿和统一意图须在发文页面保存' },
  },
};

/** Chinese messages for the guards the service evaluates. */
export const OUTGOING_GUARD_MESSAGES: Record<string, string> = {
  'has-draft': '尚无文稿：请先保存文稿',
  'countersign-complete': '会签尚未完成：须有关部门会签后才能继续',
  'checklist-complete': '审核清单尚未逐项核完',
  'signer-authorised': '签发人无权签发此文：上行文和重要公文须由主要负责人签发（或记录“代”）',
  'all-co-issuers-signed': '联合发文须由所有联署机关的负责人会签',
  'no-unsigned-change': '签发后有实质性修改，须报原签批人复审',
};
