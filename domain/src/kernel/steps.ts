/**
 * Steps with participants (办理步骤) — the engine under 征求意见, 会签, 传阅, 承办/协办 and 审批/签发.
 *
 * A step has participants (people, departments, outside organs), an order (parallel or
 * sequential), a completion rule (all / any / the lead) and a response vocabulary fixed by its
 * type. Everything here is data and pure functions: the step types as a table, the two lifecycle
 * tables (the step; each participant), and `evaluateStep`, which says from the participants'
 * states who is active now, whether the step is complete and with which outcome. The server
 * (server/src/kernel/steps.ts) stores the rows, opens one task per active participant and applies
 * exactly what `evaluateStep` says.
 */
import type { Lifecycle } from './lifecycle';

export const STEP_TYPES = ['consult', 'countersign', 'circulate', 'handle', 'approve'] as const;
export type StepType = (typeof STEP_TYPES)[number];
export const STEP_ORDERS = ['parallel', 'sequential'] as const;
export type StepOrder = (typeof STEP_ORDERS)[number];
export const STEP_COMPLETIONS = ['all', 'any', 'lead'] as const;
export type StepCompletion = (typeof STEP_COMPLETIONS)[number];
export const STEP_STATUSES = ['open', 'completed', 'closed', 'cancelled'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
export const PARTICIPANT_STATES = ['pending', 'active', 'responded', 'skipped', 'removed', 'closed'] as const;
export type ParticipantState = (typeof PARTICIPANT_STATES)[number];
export const PARTY_TYPES = ['user', 'department', 'organ'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];
export const PARTICIPANT_ROLES = ['lead', 'assistant', 'member'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const STEP_ORDER_LABELS: Record<StepOrder, string> = { parallel: '并行', sequential: '依次' };
export const STEP_COMPLETION_LABELS: Record<StepCompletion, string> = { all: '全部办理后完成', any: '任一办理即完成', lead: '主办办结即完成' };
export const PARTY_TYPE_LABELS: Record<PartyType, string> = { user: '人员', department: '部门', organ: '外单位' };
export const PARTICIPANT_ROLE_LABELS: Record<ParticipantRole, string> = { lead: '主办', assistant: '协办', member: '参与' };

/** One word of a step type's response vocabulary. */
export interface StepResponseDef {
  label: string;
  /** the response must carry text (the changes, the reason, the result) */
  needsText: boolean;
  /** what the text is called on the form */
  textLabel?: string;
  /** the outcome this response stands for; the step's outcome is the weightiest counted one */
  outcome: string;
  /** higher weighs more: one 不同意 makes the outcome 存在分歧 */
  weight: number;
  /** a dissent: the step cannot end in consensus, and an open one blocks guarded transitions */
  dissent?: true;
  /** answering this ends the step at once (a decline or a return in an approval chain) */
  ends?: true;
}

export interface StepTypeDef {
  type: StepType;
  label: string;
  /** the task title's verb, per participant role */
  taskLabel: Record<ParticipantRole, string>;
  orders: readonly StepOrder[];
  defaultOrder: StepOrder;
  completions: readonly StepCompletion[];
  defaultCompletion: StepCompletion;
  /** who may take part */
  parties: readonly PartyType[];
  /** the roles participants hold: `member` everywhere except 承办 (one lead, any assistants) */
  roles: readonly ParticipantRole[];
  responses: Record<string, StepResponseDef>;
  /** outcome code → label */
  outcomes: Record<string, string>;
  /** when no response is counted (nobody answered, e.g. all skipped) */
  defaultOutcome: string;
  /** one line for people: when it completes */
  completesWhen: string;
}

const AGREEMENT = {
  agree: { label: '同意', needsText: false, outcome: 'consensus', weight: 0 },
  agree_with_changes: { label: '原则同意（有修改意见）', needsText: true, textLabel: '修改意见', outcome: 'consensus', weight: 0 },
  disagree: { label: '不同意', needsText: true, textLabel: '不同意的理由', outcome: 'disagreement', weight: 1, dissent: true },
} as const satisfies Record<string, StepResponseDef>;
const AGREEMENT_OUTCOMES = { consensus: '意见一致', disagreement: '存在分歧' };
const MEMBER_ONLY = ['member'] as const;

/** 征求意见 and 会签 differ only in their names: parallel or sequential, all answer, consensus unless someone disagrees. */
function agreementStep(type: 'consult' | 'countersign', label: string, completesWhen: string): StepTypeDef {
  return {
    type,
    label,
    taskLabel: { member: label, lead: label, assistant: label },
    orders: ['parallel', 'sequential'],
    defaultOrder: 'parallel',
    completions: ['all'],
    defaultCompletion: 'all',
    parties: ['department', 'user', 'organ'],
    roles: MEMBER_ONLY,
    responses: AGREEMENT,
    outcomes: AGREEMENT_OUTCOMES,
    defaultOutcome: 'consensus',
    completesWhen,
  };
}

/** The step types, as data. */
export const STEP_TYPE_DEFS: Record<StepType, StepTypeDef> = {
  consult: agreementStep('consult', '征求意见', '全部反馈后完成；无人不同意才为意见一致'),
  countersign: agreementStep('countersign', '会签', '全部会签后完成；无人不同意才为意见一致'),
  circulate: {
    type: 'circulate',
    label: '传阅',
    taskLabel: { member: '传阅', lead: '传阅', assistant: '传阅' },
    orders: ['sequential', 'parallel'],
    defaultOrder: 'sequential',
    completions: ['all', 'any'],
    defaultCompletion: 'all',
    parties: ['user', 'department'],
    roles: MEMBER_ONLY,
    responses: {
      read: { label: '已阅', needsText: false, outcome: 'read', weight: 0 },
      read_with_comment: { label: '阅批', needsText: true, textLabel: '批语', outcome: 'read', weight: 0 },
    },
    outcomes: { read: '已阅毕' },
    defaultOutcome: 'read',
    completesWhen: '全部阅毕（或跳过）后完成，也可设为任一人阅即完成',
  },
  handle: {
    type: 'handle',
    label: '承办',
    taskLabel: { lead: '承办', assistant: '协办', member: '承办' },
    orders: ['parallel'],
    defaultOrder: 'parallel',
    completions: ['lead'],
    defaultCompletion: 'lead',
    parties: ['department', 'user', 'organ'],
    roles: ['lead', 'assistant'],
    responses: {
      done: { label: '办结', needsText: true, textLabel: '办理结果', outcome: 'done', weight: 0 },
      refuse: { label: '退回（不予承办）', needsText: true, textLabel: '退回理由', outcome: 'refused', weight: 1 },
    },
    outcomes: { done: '已办结', refused: '主办单位退回' },
    defaultOutcome: 'done',
    completesWhen: '主办单位办结（或退回）即完成；协办单位向主办单位反馈',
  },
  approve: {
    type: 'approve',
    label: '审批',
    taskLabel: { member: '审批', lead: '审批', assistant: '审批' },
    orders: ['sequential'],
    defaultOrder: 'sequential',
    completions: ['all'],
    defaultCompletion: 'all',
    parties: ['user'],
    roles: MEMBER_ONLY,
    responses: {
      approve: { label: '同意', needsText: false, outcome: 'approved', weight: 0 },
      approve_with_changes: { label: '修改后同意', needsText: true, textLabel: '修改意见', outcome: 'approved_with_changes', weight: 1 },
      decline: { label: '不同意', needsText: true, textLabel: '不同意的理由', outcome: 'declined', weight: 2, ends: true },
      return: { label: '退回修改', needsText: true, textLabel: '退回理由', outcome: 'returned', weight: 2, ends: true },
    },
    outcomes: { approved: '已批准', approved_with_changes: '修改后同意', declined: '不同意', returned: '退回修改' },
    defaultOutcome: 'approved',
    completesWhen: '依次签批，最后一位签批后完成；不同意或退回即结束',
  },
};

export function stepTypeDef(type: string): StepTypeDef | undefined {
  return Object.hasOwn(STEP_TYPE_DEFS, type) ? STEP_TYPE_DEFS[type as StepType] : undefined;
}

/** The lifecycle of a step. `open` → `completed` (by the engine) | `closed` (ended early) | `cancelled`. */
export const stepLifecycle = {
  kind: 'step',
  label: '办理步骤',
  initial: 'open',
  states: {
    open: { label: '办理中' },
    completed: { label: '已完成', terminal: true },
    closed: { label: '已结束（未全部办理）', terminal: true },
    cancelled: { label: '已撤销', terminal: true },
  },
  events: {
    complete: { from: ['open'], to: 'completed', by: ['system'], label: '完成' },
    close: { from: ['open'], to: 'closed', by: ['office', 'owner'], label: '提前结束' },
    cancel: { from: ['open'], to: 'cancelled', by: ['office', 'owner'], label: '撤销', needsComment: true },
  },
} as const satisfies Lifecycle<'open' | 'completed' | 'closed' | 'cancelled'>;

/**
 * The lifecycle of one participant. Reassigning keeps the state (the party changes); `closed`
 * is where the engine puts participants who had not answered when the step ended.
 */
export const participantLifecycle = {
  kind: 'step_participant',
  label: '步骤参与者',
  initial: 'pending',
  states: {
    pending: { label: '待轮到' },
    active: { label: '办理中' },
    responded: { label: '已反馈', terminal: true },
    skipped: { label: '已跳过', terminal: true },
    removed: { label: '已移除', terminal: true },
    closed: { label: '未反馈（步骤已结束）', terminal: true },
  },
  events: {
    activate: { from: ['pending'], to: 'active', by: ['system'], label: '轮到办理' },
    respond: { from: ['active'], to: 'responded', by: ['participant'], label: '反馈' },
    skip: { from: ['pending', 'active'], to: 'skipped', by: ['office', 'owner'], label: '跳过', needsComment: true },
    remove: { from: ['pending', 'active'], to: 'removed', by: ['office', 'owner'], label: '移除', needsComment: true },
    close: { from: ['pending', 'active'], to: 'closed', by: ['system'], label: '步骤结束' },
  },
} as const satisfies Lifecycle<ParticipantState>;

/** The step lifecycles, for docs/lifecycles.md and the admin view. */
export const STEP_LIFECYCLES: Record<string, Lifecycle> = {
  step: stepLifecycle as unknown as Lifecycle,
  step_participant: participantLifecycle as unknown as Lifecycle,
};

export const STEP_STATUS_LABELS: Record<StepStatus, string> = Object.fromEntries(Object.entries(stepLifecycle.states).map(([k, v]) => [k, v.label])) as Record<
  StepStatus,
  string
>;
export const PARTICIPANT_STATE_LABELS: Record<ParticipantState, string> = Object.fromEntries(
  Object.entries(participantLifecycle.states).map(([k, v]) => [k, v.label]),
) as Record<ParticipantState, string>;

/** What the engine needs of a step. */
export interface StepShape {
  type: StepType;
  order: StepOrder;
  completion: StepCompletion;
}
/** What the engine needs of a participant. */
export interface ParticipantShape {
  id: string;
  seq: number;
  role: ParticipantRole;
  state: ParticipantState;
  response: string | null;
}

export interface StepEvaluation {
  complete: boolean;
  /** outcome code when complete, else null */
  outcome: string | null;
  /** ids of the participants who should be active now (none once complete), in order */
  active: string[];
}

const LIVE: readonly ParticipantState[] = ['pending', 'active'];
export const isLiveParticipant = (s: ParticipantState) => LIVE.includes(s);

/** Participants in their order (seq, then id: a stable order even for equal seq). */
export function participantsInOrder<P extends Pick<ParticipantShape, 'seq' | 'id'>>(ps: readonly P[]): P[] {
  return [...ps].sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The heart of the engine: from the participants' states, is the step complete, with which
 * outcome, and who is active now. Sequential: the first live participant in order; parallel:
 * every live one. Complete: a response that ends the step; else by the completion rule —
 * all (nobody live, and at least one answered or was skipped), any (someone answered),
 * lead (the lead answered).
 */
export function evaluateStep(step: StepShape, participants: readonly ParticipantShape[]): StepEvaluation {
  const def = STEP_TYPE_DEFS[step.type];
  const ps = participantsInOrder(participants);
  const live = ps.filter((p) => isLiveParticipant(p.state));
  const responded = ps.filter((p) => p.state === 'responded' && p.response !== null);
  const ended = responded.some((p) => def.responses[p.response!]?.ends === true);
  let complete: boolean;
  if (ended) complete = true;
  else if (step.completion === 'any') complete = responded.length > 0;
  else if (step.completion === 'lead') complete = responded.some((p) => p.role === 'lead');
  else complete = live.length === 0 && ps.some((p) => p.state === 'responded' || p.state === 'skipped');
  if (complete) return { complete, outcome: outcomeOf(step, ps), active: [] };
  const active = step.order === 'sequential' ? live.slice(0, 1) : live;
  return { complete, outcome: null, active: active.map((p) => p.id) };
}

/** The outcome of a step from its counted responses (the lead's alone under the `lead` rule). */
export function outcomeOf(step: StepShape, participants: readonly ParticipantShape[]): string {
  const def = STEP_TYPE_DEFS[step.type];
  const counted = participants.filter((p) => p.state === 'responded' && p.response !== null && (step.completion !== 'lead' || p.role === 'lead'));
  let best: StepResponseDef | null = null;
  for (const p of counted) {
    const r = def.responses[p.response!];
    if (r && (!best || r.weight > best.weight)) best = r;
  }
  return best?.outcome ?? def.defaultOutcome;
}

/** True when a response of this step is a dissent (不同意). */
export function isDissent(type: StepType, response: string | null): boolean {
  return response !== null && STEP_TYPE_DEFS[type].responses[response]?.dissent === true;
}

export interface StepProblem {
  message: string;
  field: 'type' | 'order' | 'completion' | 'participants' | 'response' | 'text';
  index?: number;
}

/** Is this a valid step (order, completion rule, parties and roles for its type)? null when it is. */
export function stepProblem(step: StepShape, participants: readonly { partyType: PartyType; role: ParticipantRole }[]): StepProblem | null {
  const def = stepTypeDef(step.type);
  if (!def) return { field: 'type', message: '未知的步骤类型' };
  if (!def.orders.includes(step.order))
    return { field: 'order', message: `${def.label}的办理顺序只能是${def.orders.map((o) => STEP_ORDER_LABELS[o]).join('或')}` };
  if (!def.completions.includes(step.completion)) {
    return { field: 'completion', message: `${def.label}的完成规则只能是${def.completions.map((c) => STEP_COMPLETION_LABELS[c]).join('或')}` };
  }
  if (participants.length === 0) return { field: 'participants', message: '请至少指定一位参与者' };
  for (const [i, p] of participants.entries()) {
    if (!def.parties.includes(p.partyType))
      return { field: 'participants', index: i, message: `${def.label}的参与者只能是${def.parties.map((t) => PARTY_TYPE_LABELS[t]).join('、')}` };
    if (!def.roles.includes(p.role))
      return { field: 'participants', index: i, message: `${def.label}的参与者角色只能是${def.roles.map((r) => PARTICIPANT_ROLE_LABELS[r]).join('、')}` };
  }
  if (def.roles.includes('lead')) {
    const leads = participants.filter((p) => p.role === 'lead').length;
    if (leads !== 1) return { field: 'participants', message: `${def.label}须有且只有一个主办单位（其余为协办）` };
  }
  return null;
}

/** Is this response (with this text) allowed for the step type? null when it is. */
export function responseProblem(type: StepType, response: string, text: string | null | undefined): StepProblem | null {
  const def = STEP_TYPE_DEFS[type];
  const r = Object.hasOwn(def.responses, response) ? def.responses[response] : undefined;
  if (!r)
    return {
      field: 'response',
      message: `${def.label}的反馈应为：${Object.entries(def.responses)
        .map(([k, v]) => `${k}（${v.label}）`)
        .join('、')}`,
    };
  if (r.needsText && !text?.trim()) return { field: 'text', message: `请填写${r.textLabel ?? '说明'}` };
  return null;
}

/**
 * May this participant be skipped or removed? Not the lead (reassign it instead), and not when
 * nobody would be left who answered or still may answer (cancel the step instead).
 */
export function dropProblem(participants: readonly ParticipantShape[], id: string): string | null {
  const p = participants.find((x) => x.id === id);
  if (!p || !isLiveParticipant(p.state)) return '该参与者已办理完毕或已不在步骤中';
  if (p.role === 'lead') return '主办单位不能跳过或移除，请改为转办';
  const rest = participants.filter((x) => x.id !== id && (isLiveParticipant(x.state) || x.state === 'responded'));
  if (rest.length === 0) return '这是最后一位尚未办理的参与者：不能跳过或移除，请撤销该步骤';
  return null;
}

/**
 * Where a new participant may go (0-based index into the order). In a sequential step nobody
 * may be put before a participant who is active or has already acted.
 */
export function insertProblem(step: StepShape, participants: readonly ParticipantShape[], position: number): string | null {
  if (step.order !== 'sequential') return null;
  const ps = participantsInOrder(participants);
  if (ps.slice(position).some((p) => p.state === 'active' || p.state === 'responded')) return '依次办理的步骤只能在尚未轮到的参与者之前或末尾加入';
  return null;
}
