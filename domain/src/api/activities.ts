import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, NonEmpty, Version } from './common';
import { MatterDetail, MatterSummary } from './matters';
import { ACTIVITY_CATEGORIES, HELD_IN_NAME } from '../activities/types';

const Exceptions = z.object({
  superiorLeaderAttends: z.boolean().default(false),
  /** the visiting superior leader's rank on this organ's scale (a leader's rankOrder); null: this organ's own rank */
  superiorLeaderRankOrder: z
    .number({ error: '来访上级领导的级别应为本机关领导的职级序号' })
    .int('来访上级领导的级别应为本机关领导的职级序号')
    .min(1, '来访上级领导的级别应为本机关领导的职级序号')
    .max(99, '来访上级领导的级别应为本机关领导的职级序号')
    .nullable()
    .optional(),
  unifiedCommemoration: z.boolean().default(false),
  advancesCentralWork: z.boolean().default(false),
  outstandingActivity: z.boolean().default(false),
});

const ActivityFields = z.object({
  category: z.enum(ACTIVITY_CATEGORIES, { message: '活动类别不在允许范围内' }),
  title: NonEmpty(200),
  organiserName: NonEmpty(100),
  /**
   * Chosen explicitly: it decides the leader in charge (分管), so there is no default (the filer's
   * own department would make the office the organiser of whatever it enters). null: no
   * department of this organ (an outside organiser); then the 工作领域 decides.
   */
  organiserDepartmentId: z
    .string({ error: (iss) => (iss.input === undefined ? '请选择主办部门（外单位主办、无本机关部门的选“无”）' : '主办部门应为部门编号') })
    .min(1, '请选择主办部门')
    .max(64, '过长')
    .nullable(),
  heldInName: z.enum(HELD_IN_NAME, { message: '举办名义应为 party（党委）、government（政府）、party_and_government（党委、政府）或 other' }),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  place: NonEmpty(200),
  travelMinutes: z.number().int().min(0, '路程时间不能为负').max(720, '路程时间不超过12小时'),
  area: z.string().trim().max(50).nullable().optional(),
  requestedLeaderIds: z.array(Id).max(20),
  exceptions: Exceptions,
  description: z.string().trim().max(5000).nullable().optional(),
  contact: z.string().trim().max(100).nullable().optional(),
});
const endAfterStart = (v: { startsAt?: string; endsAt?: string }) => !v.startsAt || !v.endsAt || Date.parse(v.endsAt) > Date.parse(v.startsAt);

/** ACT-1: an attendance request (出席申请). */
export const ActivityRequestBody = ActivityFields.extend({
  requestedLeaderIds: ActivityFields.shape.requestedLeaderIds.default([]),
  exceptions: Exceptions.default({ superiorLeaderAttends: false, unifiedCommemoration: false, advancesCentralWork: false, outstandingActivity: false }),
}).refine(endAfterStart, { message: '结束时间必须晚于开始时间', path: ['endsAt'] });
export const ActivityPatchBody = ActivityFields.partial()
  .extend({ version: Version })
  .refine(endAfterStart, { message: '结束时间必须晚于开始时间', path: ['endsAt'] });

export const ProposeBody = z.object({
  version: Version,
  leaderIds: z.array(Id).min(1, '请至少拟定一位出席领导').max(20),
  proposal: NonEmpty(2000),
  responsibleStaffId: Id,
});
export const APPROVAL_DECISIONS = ['approve', 'approveWithChanges', 'decline', 'returnForRework'] as const;
export const ApprovalBody = z
  .object({
    version: Version,
    decision: z.enum(APPROVAL_DECISIONS, { message: '审批意见应为 approve/approveWithChanges/decline/returnForRework' }),
    leaderIds: z.array(Id).max(20).optional(),
    instruction: z.string().trim().max(2000).nullable().optional(),
  })
  .refine((v) => v.decision !== 'approveWithChanges' || (v.leaderIds && v.leaderIds.length > 0), { message: '调整出席领导时请选择领导', path: ['leaderIds'] })
  .refine((v) => v.decision === 'approve' || (v.instruction && v.instruction.length > 0), {
    message: '调整、不同意或退回时须写明批示意见',
    path: ['instruction'],
  });
export const ConfirmBody = z.object({ leaderId: Id });
export const ReminderBody = z.object({ state: z.enum(['reminded', 'departed'], { message: '应为 reminded（已提醒）或 departed（已出发）' }) });
export const ReopenBody = z.object({ version: Version, reason: NonEmpty(1000), leaderId: Id.nullable().optional() });
export const ActivityListQuery = z.object({
  status: z.string().max(40).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

const RuleEvaluation = z.object({
  rule: z.string(),
  name: z.string(),
  level: z.enum(['ok', 'info', 'warning', 'violation']),
  message: z.string(),
  leaderIds: z.array(z.string()),
});
const Busy = z.object({
  leaderId: z.string(),
  kind: z.string(),
  refId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  travelMinutes: z.number(),
  firm: z.boolean(),
});
export const Candidate = z.object({
  leaderId: z.string(),
  name: z.string(),
  post: z.string(),
  score: z.number(),
  available: z.boolean(),
  reasons: z.array(z.string()),
  conflicts: z.array(Busy),
  recentLoad: z.number(),
});
export const Assignment = z.object({
  leaderId: z.string(),
  leaderName: z.string(),
  post: z.string(),
  status: z.enum(['assigned', 'confirmed', 'withdrawn']),
  confirmedAt: z.string().nullable(),
  confirmedByName: z.string().nullable(),
  note: z.string().nullable(),
});

export const REMINDER_STATES = ['pending', 'fired', 'cancelled', 'skipped'] as const;
/**
 * One ACT-7 reminder as scheduled: its timer kind, its name, the time it was set for (null when
 * that time had already passed at approval, so none was set), and its state — pending, fired
 * (`firedAt`), cancelled, or skipped (never sent: past when scheduled, or departure confirmed first).
 */
export const ActivityReminder = z.object({
  kind: z.string(),
  label: z.string(),
  dueAt: z.string().nullable(),
  state: z.enum(REMINDER_STATES),
  firedAt: z.string().nullable(),
});

export const ActivitySummary = MatterSummary.extend({
  category: z.string(),
  organiserName: z.string(),
  heldInName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  leaders: z.array(z.object({ id: z.string(), name: z.string(), status: z.string() })),
});
export const ActivityDetail = MatterDetail.extend({
  activity: z.object({
    category: z.string(),
    organiserName: z.string(),
    organiserDepartmentId: z.string().nullable(),
    organiserDepartmentName: z.string().nullable(),
    heldInName: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    place: z.string(),
    travelMinutes: z.number(),
    area: z.string().nullable(),
    requestedLeaders: z.array(z.object({ id: z.string(), name: z.string() })),
    exceptions: Exceptions,
    description: z.string().nullable(),
    contact: z.string().nullable(),
    proposal: z.string().nullable(),
    proposedLeaders: z.array(z.object({ id: z.string(), name: z.string() })),
    responsibleStaffId: z.string().nullable(),
    responsibleStaffName: z.string().nullable(),
    reminderState: z.enum(['none', 'reminded', 'departed']),
    remindedAt: z.string().nullable(),
    departedAt: z.string().nullable(),
    /** computed from today's rule settings: the forecast before approval (what is set is `reminders`) */
    reminderTimes: z.object({ dayBefore: z.string(), departure: z.string(), escalateAt: z.string() }),
    /** ACT-7: the reminders actually scheduled (the timers) and what became of them; empty before approval */
    reminders: z.array(ActivityReminder).optional(),
  }),
  assignments: z.array(Assignment),
  ruleEvaluations: z.array(RuleEvaluation),
  /** only for the office and the principal leader */
  candidates: z.array(Candidate),
  /** what the current user may do beyond lifecycle events */
  /** the leaders whose attendance this actor may confirm now (the `confirm` action's targets) */
  confirmableLeaderIds: z.array(z.string()),
});
export type ActivityDetail = z.infer<typeof ActivityDetail>;

export const ScheduleEntry = z.object({
  id: z.string(),
  leaderId: z.string(),
  leaderName: z.string(),
  kind: z.enum(['activity', 'absence']),
  refId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  conflict: z.boolean(),
  conflictWith: z.array(z.string()),
});
export type ScheduleEntry = z.infer<typeof ScheduleEntry>;
export const ScheduleQuery = z.object({ from: IsoDate, to: IsoDate, leaderId: Id.optional(), includeProposed: z.enum(['0', '1']).optional() });
export const WeekQuery = z.object({ start: IsoDate });
export const WeekTable = z.object({
  start: z.string(),
  end: z.string(),
  title: z.string(),
  days: z.array(z.object({ date: z.string(), weekday: z.string(), label: z.string(), working: z.boolean(), holidayName: z.string().nullable() })),
  rows: z.array(
    z.object({
      leaderId: z.string(),
      name: z.string(),
      post: z.string(),
      line: z.string(),
      cells: z.array(z.object({ date: z.string(), entries: z.array(ScheduleEntry) })),
    }),
  ),
  conflicts: z.number(),
});
export const ActivityRuleSettingsBody = z.object({
  version: z.number().int().min(0).max(2_147_483_647, '版本号无效，请刷新后重试'),
  settings: z.record(z.string(), z.unknown()),
});
export const FeedLinks = z.object({ week: z.string(), leaders: z.array(z.object({ leaderId: z.string(), name: z.string(), url: z.string() })) });
