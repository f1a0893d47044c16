/** Steps with participants (办理步骤): the API contract. The vocabulary is in kernel/steps.ts. */
import { z } from 'zod';
import { Day, Id, IsoDate, NonEmpty, Timestamp, Version } from './common';
import { PARTICIPANT_ROLES, PARTICIPANT_STATES, PARTY_TYPES, STEP_COMPLETIONS, STEP_ORDERS, STEP_STATUSES, STEP_TYPES } from '../kernel/steps';

const DueWorkingDays = z.number().int('期限应为整数个工作日').min(1, '期限至少1个工作日').max(60, '期限不超过60个工作日');
const Reason = NonEmpty(1000);

export const StepPartyInput = z.object({
  type: z.enum(PARTY_TYPES, { message: '参与者类型应为 user（人员）、department（部门）或 organ（外单位）' }),
  id: Id,
  role: z.enum(PARTICIPANT_ROLES, { message: '参与者角色应为 lead（主办）、assistant（协办）或 member（参与）' }).optional(),
});
export type StepPartyInput = z.infer<typeof StepPartyInput>;

export const OpenStepBody = z.object({
  type: z.enum(STEP_TYPES, { message: '步骤类型应为 consult（征求意见）、countersign（会签）、circulate（传阅）、handle（承办）或 approve（审批）' }),
  subject: NonEmpty(200),
  question: z.string().trim().max(2000, '不能超过2000个字符').nullable().optional(),
  order: z.enum(STEP_ORDERS, { message: '办理顺序应为 parallel（并行）或 sequential（依次）' }).optional(),
  completion: z.enum(STEP_COMPLETIONS, { message: '完成规则应为 all（全部）、any（任一）或 lead（主办）' }).optional(),
  participants: z.array(StepPartyInput).min(1, '请至少指定一位参与者').max(50, '参与者不超过50个'),
  dueWorkingDays: DueWorkingDays.nullable().optional(),
  /** the content version (content_versions.version_no) the step asks about */
  contentVersionNo: z.number().int('内容版本号应为整数').min(1, '内容版本号应为正整数').max(1_000_000, '内容版本号过大').nullable().optional(),
});
export type OpenStepBody = z.infer<typeof OpenStepBody>;

export const StepRespondBody = z.object({
  /** the step version the responder saw: a step that moved on since is refused (409) */
  version: Version.optional(),
  /** whose response (needed when the office answers for an outside organ) */
  participantId: Id.optional(),
  response: z.string().trim().min(1, '请选择反馈意见').max(40, '反馈意见无效'),
  text: z.string().trim().max(5000, '不能超过5000个字符').nullable().optional(),
});
export type StepRespondBody = z.infer<typeof StepRespondBody>;

export const AddParticipantBody = z.object({
  version: Version,
  party: StepPartyInput,
  /** 0-based place in the order; default: at the end */
  position: z.number().int().min(0, '位置不能为负').max(50, '位置超出范围').optional(),
});
export const ParticipantReasonBody = z.object({ version: Version, reason: Reason });
export const ReassignParticipantBody = z.object({ version: Version, party: StepPartyInput.omit({ role: true }), reason: Reason });
export const ExtendStepBody = z
  .object({
    version: Version,
    /** one participant's deadline; default: every open task of the step */
    participantId: Id.optional(),
    dueDate: IsoDate.optional(),
    workingDays: DueWorkingDays.optional(),
    reason: Reason,
  })
  .refine((v) => !!v.dueDate !== (v.workingDays !== undefined), { message: '请填写新的期限（日期）或延长的工作日数（二选一）', path: ['dueDate'] });
export const CancelStepBody = z.object({ version: Version, reason: Reason });
export const StepParticipantParams = z.object({ id: Id, participantId: Id });

export const StepParticipant = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    partyType: z.enum(PARTY_TYPES),
    partyId: z.string(),
    partyName: z.string(),
    role: z.enum(PARTICIPANT_ROLES),
    roleLabel: z.string(),
    state: z.enum(PARTICIPANT_STATES),
    stateLabel: z.string(),
    response: z.string().nullable(),
    responseLabel: z.string().nullable(),
    text: z.string().nullable(),
    respondedBy: z.string().nullable(),
    respondedByName: z.string().nullable(),
    respondedAt: Timestamp.nullable(),
    reason: z.string().nullable(),
    taskId: z.string().nullable(),
    dueDate: Day.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'StepParticipant', title: '步骤参与者', description: '办理步骤的一个参与者（人员、部门或外单位）及其状态和反馈' });
export type StepParticipant = z.infer<typeof StepParticipant>;

export const Step = z
  .object({
    id: z.string(),
    matterId: z.string(),
    type: z.enum(STEP_TYPES),
    typeLabel: z.string(),
    subject: z.string(),
    question: z.string().nullable(),
    order: z.enum(STEP_ORDERS),
    completion: z.enum(STEP_COMPLETIONS),
    status: z.enum(STEP_STATUSES),
    statusLabel: z.string(),
    outcome: z.string().nullable(),
    outcomeLabel: z.string().nullable(),
    contentVersionNo: z.number().int().nullable(),
    dueWorkingDays: z.number().int().nullable(),
    dueDate: Day.nullable(),
    groupId: z.string().nullable(),
    roundNo: z.number().int(),
    createdBy: z.string(),
    createdByName: z.string().nullable(),
    createdAt: Timestamp,
    closedAt: Timestamp.nullable(),
    version: z.number().int(),
    participants: z.array(StepParticipant),
    /** the response vocabulary of this step's type */
    responses: z.array(z.object({ response: z.string(), label: z.string(), needsText: z.boolean(), textLabel: z.string().nullable() })),
  })
  .meta({ id: 'Step', title: '办理步骤', description: '事项的一个办理步骤（会签、传阅、承办、审批、征求意见）及其参与者' });
export type Step = z.infer<typeof Step>;
export const StepList = z.object({ items: z.array(Step) }).meta({ id: 'StepList', title: '办理步骤列表' });
