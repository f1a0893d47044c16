import { z } from 'zod';
import { Day, Id, IsoDate, IsoDateTime, NonEmpty, Timestamp, Version } from './common';
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
})
  .refine(endAfterStart, { message: '结束时间必须晚于开始时间', path: ['endsAt'] })
  .meta({
    id: 'CreateActivityRequest',
    title: '领导出席申请',
    description:
      '主办单位请领导出席活动的申请（ACT-1）。organiserDepartmentId 必填：本机关的主办部门，外单位主办时为 null；travelMinutes 为单程路程时间（分钟）。',
    examples: [
      {
        category: '会议',
        title: '全市安全生产工作会议',
        organiserName: '市应急管理局',
        organiserDepartmentId: null,
        heldInName: 'government',
        startsAt: '2026-12-03T09:00:00+08:00',
        endsAt: '2026-12-03T11:00:00+08:00',
        place: '市政府第一会议室',
        travelMinutes: 15,
        requestedLeaderIds: [],
        exceptions: { superiorLeaderAttends: false, unifiedCommemoration: false, advancesCentralWork: false, outstandingActivity: false },
        contact: '张伟 13800000000',
      },
    ],
  });
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

const RuleEvaluation = z
  .object({
    rule: z.string(),
    name: z.string(),
    level: z.enum(['ok', 'info', 'warning', 'violation']),
    message: z.string(),
    leaderIds: z.array(z.string()),
  })
  .meta({ id: 'RuleEvaluation', title: '规则判断', description: '一条领导出席活动规则对本活动的判断' });
const Busy = z
  .object({
    leaderId: z.string(),
    kind: z.string(),
    refId: z.string(),
    title: z.string(),
    startsAt: Timestamp,
    endsAt: Timestamp,
    travelMinutes: z.number(),
    firm: z.boolean(),
  })
  .meta({ id: 'LeaderBusy', title: '领导已有安排', description: '与本活动时间冲突的活动或外出' });
export const Candidate = z
  .object({
    leaderId: z.string(),
    name: z.string(),
    post: z.string(),
    score: z.number(),
    available: z.boolean(),
    reasons: z.array(z.string()),
    conflicts: z.array(Busy),
    recentLoad: z.number(),
  })
  .meta({ id: 'Candidate', title: '推荐人选', description: '系统推荐的出席领导及理由、冲突和近期活动量' });
export const Assignment = z
  .object({
    leaderId: z.string(),
    leaderName: z.string(),
    post: z.string(),
    status: z.enum(['assigned', 'confirmed', 'withdrawn']),
    confirmedAt: Timestamp.nullable(),
    confirmedByName: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'ActivityAssignment', title: '出席领导', description: '批准出席的领导及其确认情况' });

export const REMINDER_STATES = ['pending', 'fired', 'cancelled', 'skipped'] as const;
/**
 * One ACT-7 reminder as scheduled: its timer kind, its name, the time it was set for (null when
 * that time had already passed at approval, so none was set), and its state — pending, fired
 * (`firedAt`), cancelled, or skipped (never sent: past when scheduled, or departure confirmed first).
 */
export const ActivityReminder = z
  .object({
    kind: z.string(),
    label: z.string(),
    dueAt: Timestamp.nullable(),
    state: z.enum(REMINDER_STATES),
    firedAt: Timestamp.nullable(),
  })
  .meta({ id: 'ActivityReminder', title: '活动提醒' });

export const ActivitySummary = MatterSummary.extend({
  category: z.string(),
  organiserName: z.string(),
  heldInName: z.string(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  place: z.string(),
  leaders: z.array(z.object({ id: z.string(), name: z.string(), status: z.string() })),
}).meta({ id: 'ActivitySummary', title: '领导公务活动摘要', description: '列表中的一项领导公务活动' });
export const ActivityDetail = MatterDetail.extend({
  activity: z.object({
    category: z.string(),
    organiserName: z.string(),
    organiserDepartmentId: z.string().nullable(),
    organiserDepartmentName: z.string().nullable(),
    heldInName: z.string(),
    startsAt: Timestamp,
    endsAt: Timestamp,
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
    remindedAt: Timestamp.nullable(),
    departedAt: Timestamp.nullable(),
    /** computed from today's rule settings: the forecast before approval (what is set is `reminders`) */
    reminderTimes: z.object({ dayBefore: Timestamp, departure: Timestamp, escalateAt: Timestamp }),
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
}).meta({
  id: 'Activity',
  title: '领导公务活动详情',
  description: '一项领导公务活动（事项类型 activity）：事项的全部内容，加上活动信息、规则判断、推荐人选（仅办公室和主要领导可见）、出席领导及其确认、提醒',
});
export type ActivityDetail = z.infer<typeof ActivityDetail>;

export const ScheduleEntry = z
  .object({
    id: z.string(),
    leaderId: z.string(),
    leaderName: z.string(),
    kind: z.enum(['activity', 'absence']),
    refId: z.string(),
    title: z.string(),
    startsAt: Timestamp,
    endsAt: Timestamp,
    place: z.string().nullable(),
    status: z.string(),
    statusLabel: z.string(),
    conflict: z.boolean(),
    conflictWith: z.array(z.string()),
  })
  .meta({ id: 'ScheduleEntry', title: '日程', description: '领导日程中的一项：活动或外出、请假；conflict 标出时间冲突' });
export type ScheduleEntry = z.infer<typeof ScheduleEntry>;
export const ScheduleQuery = z.object({ from: IsoDate, to: IsoDate, leaderId: Id.optional(), includeProposed: z.enum(['0', '1']).optional() });
export const WeekQuery = z.object({ start: IsoDate });
export const WeekTable = z
  .object({
    start: Day,
    end: Day,
    title: z.string(),
    days: z.array(z.object({ date: Day, weekday: z.string(), label: z.string(), working: z.boolean(), holidayName: z.string().nullable() })),
    rows: z.array(
      z.object({
        leaderId: z.string(),
        name: z.string(),
        post: z.string(),
        line: z.string(),
        cells: z.array(z.object({ date: Day, entries: z.array(ScheduleEntry) })),
      }),
    ),
    conflicts: z.number(),
  })
  .meta({ id: 'WeekTable', title: '领导周活动安排表', description: '一周七天、每位领导一行的活动安排表' });
export const ActivityRuleSettingsBody = z.object({
  version: z.number().int().min(0).max(2_147_483_647, '版本号无效，请刷新后重试'),
  settings: z.record(z.string(), z.unknown()),
});
export const FeedLinks = z
  .object({ week: z.string(), leaders: z.array(z.object({ leaderId: z.string(), name: z.string(), url: z.string() })) })
  .meta({ id: 'FeedLinks', title: '日历订阅地址', description: '调用者本人的 ICS 订阅地址（相对路径，含个人密钥，不要分享）' });
