import { z } from 'zod';
import { Day, Id, IsoDate, NonEmpty, Timestamp, Version } from './common';
import { DIRECT_TASK_KINDS, TASK_ACTIONS } from '../kernel/tasks';

export const PRIORITIES = ['normal', 'urgent', 'very_urgent'] as const;
export const PRIORITY_LABELS: Record<(typeof PRIORITIES)[number], string> = { normal: '普通', urgent: '加急', very_urgent: '特急' };
export const POSITIONS = ['pending', 'agree', 'agree_with_changes', 'disagree'] as const;
export const POSITION_LABELS: Record<(typeof POSITIONS)[number], string> = {
  pending: '待反馈',
  agree: '同意',
  agree_with_changes: '原则同意（有修改意见）',
  disagree: '不同意',
};
export const LINK_KINDS = ['related', 'reply_to', 'follow_up', 'topic_of', 'resubmission_of', 'basis'] as const;
export const LINK_LABELS: Record<(typeof LINK_KINDS)[number], string> = {
  related: '相关',
  reply_to: '答复',
  follow_up: '落实',
  topic_of: '议题',
  resubmission_of: '重新报送',
  basis: '依据',
};
export const CLASSIFIED = ['秘密', '机密', '绝密'] as const;

export const MatterSummary = z
  .object({
    id: z.string(),
    kind: z.string(),
    kindLabel: z.string(),
    title: z.string(),
    status: z.string(),
    statusLabel: z.string(),
    priority: z.enum(PRIORITIES),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    departmentId: z.string().nullable(),
    departmentName: z.string().nullable(),
    dueDate: Day.nullable(),
    restricted: z.boolean(),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'MatterSummary', title: '事项摘要', description: '列表中的一个事项（任何类型：协调事项、领导公务活动……）' });
export type MatterSummary = z.infer<typeof MatterSummary>;

export const Task = z
  .object({
    id: z.string(),
    matterId: z.string(),
    matterTitle: z.string(),
    kind: z.string(),
    title: z.string(),
    assigneeUserId: z.string().nullable(),
    assigneeUserName: z.string().nullable(),
    assigneeDepartmentId: z.string().nullable(),
    assigneeDepartmentName: z.string().nullable(),
    status: z.enum(['open', 'done', 'cancelled']),
    dueDate: Day.nullable(),
    overdue: z.boolean(),
    result: z.string().nullable(),
    createdAt: Timestamp,
    completedAt: Timestamp.nullable(),
    version: z.number().int(),
    /** K-8: the open task's deadline falls in (or runs through) a year whose holidays are not entered */
    dueDateWarning: z.string().nullable().optional(),
    /** 催办 on record: who chased (null = the system's reminder), when, what was said */
    chases: z.array(z.object({ at: Timestamp, byName: z.string().nullable(), note: z.string().nullable() })).default([]),
    /** what the viewer may do with this task (办结/催办/延期), from `taskActions`; given where the matter is known */
    allowedActions: z.array(z.enum(TASK_ACTIONS)).optional(),
  })
  .meta({ id: 'Task', title: '任务', description: '交给一个人或一个部门办理的任务（待办中的一项），含期限、催办记录和可执行的操作' });
export type Task = z.infer<typeof Task>;

export const Position = z
  .object({
    id: z.string(),
    partyDepartmentId: z.string().nullable(),
    partyUserId: z.string().nullable(),
    partyName: z.string(),
    position: z.enum(POSITIONS),
    text: z.string().nullable(),
    respondedBy: z.string().nullable(),
    respondedAt: Timestamp.nullable(),
  })
  .meta({ id: 'ConsultationPosition', title: '征求意见对象的意见', description: '一个部门或人员在一轮征求意见中的意见' });
export const Round = z
  .object({
    id: z.string(),
    roundNo: z.number().int(),
    question: z.string(),
    dueDate: Day.nullable(),
    openedAt: Timestamp,
    closedAt: Timestamp.nullable(),
    positions: z.array(Position),
  })
  .meta({ id: 'ConsultationRound', title: '一轮征求意见' });
export const Consultation = z
  .object({
    id: z.string(),
    subject: z.string(),
    status: z.enum(['open', 'settled', 'escalated', 'closed']),
    outcome: z.string().nullable(),
    consensus: z.boolean(),
    openDisagreements: z.array(z.object({ partyName: z.string(), text: z.string().nullable() })),
    rounds: z.array(Round),
    createdAt: Timestamp,
    version: z.number().int(),
  })
  .meta({ id: 'Consultation', title: '征求意见', description: '就一个问题征求部门、人员意见（可多轮），直至形成结论或报领导定夺' });
export type Consultation = z.infer<typeof Consultation>;
export const Instruction = z
  .object({
    id: z.string(),
    leaderId: z.string(),
    leaderName: z.string(),
    kind: z.enum(['instruction', 'approval', 'decision']),
    decision: z.enum(['approve', 'change', 'decline']).nullable(),
    text: z.string(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Instruction', title: '领导批示' });
export const Link = z
  .object({
    id: z.string(),
    kind: z.enum(LINK_KINDS),
    direction: z.enum(['out', 'in']),
    otherId: z.string(),
    otherTitle: z.string(),
    otherKind: z.string(),
    note: z.string().nullable(),
  })
  .meta({ id: 'MatterLink', title: '关联事项' });
export const HistoryEntry = z
  .object({
    seq: z.number(),
    at: Timestamp,
    actorName: z.string().nullable(),
    action: z.string(),
    fromState: z.string().nullable(),
    toState: z.string().nullable(),
    detail: z.string().nullable(),
  })
  .meta({ id: 'HistoryEntry', title: '办理记录', description: '事项的一条办理记录（来自审计日志）' });
export const AllowedEvent = z.object({ event: z.string(), label: z.string(), needsComment: z.boolean() }).meta({ id: 'AllowedEvent', title: '可执行的流转' });
/**
 * What the actor may do on the matter now (kernel policy): lifecycle events (`type: 'event'`; an
 * event owned by a command names it) and other actions (`type: 'action'`: edit, confirm, addTask…).
 * The web draws its buttons from this list only.
 */
export const AllowedAction = z
  .object({
    action: z.string(),
    label: z.string(),
    type: z.enum(['event', 'action']),
    command: z.string().optional(),
    needsComment: z.boolean(),
  })
  .meta({ id: 'AllowedAction', title: '可执行的操作', description: '调用者现在可以对事项执行的操作；界面只据此显示按钮，服务器也只接受这些操作' });

export const MatterDetail = MatterSummary.extend({
  data: z.record(z.string(), z.unknown()),
  description: z.string().nullable(),
  allowedEvents: z.array(AllowedEvent),
  allowedActions: z.array(AllowedAction),
  tasks: z.array(Task),
  consultations: z.array(Consultation),
  instructions: z.array(Instruction),
  links: z.array(Link),
  access: z.array(z.object({ type: z.enum(['user', 'department', 'role']), id: z.string(), name: z.string() })),
  history: z.array(HistoryEntry),
  attachments: z.array(z.lazy(() => Attachment)),
}).meta({
  id: 'Matter',
  title: '事项详情',
  description: '一个事项及其任务、征求意见、领导批示、关联事项、知悉范围、办理记录、附件和调用者可执行的操作',
});
export type MatterDetail = z.infer<typeof MatterDetail>;

export const MatterListQuery = z.object({
  kind: z.string().max(40).optional(),
  status: z.string().max(40).optional(),
  q: z.string().max(100).optional(),
  mine: z.enum(['0', '1']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const CreateMatterBody = z
  .object({
    kind: z.literal('coordination', { message: '事项类型应为 coordination（协调事项）' }),
    title: NonEmpty(200),
    description: z.string().trim().max(5000).nullable().optional(),
    priority: z.enum(PRIORITIES, { message: '紧急程度应为 normal/urgent/very_urgent' }).default('normal'),
    departmentId: Id.nullable().optional(),
    ownerId: Id.nullable().optional(),
    dueWorkingDays: z.number().int().min(1, '期限至少1个工作日').max(250).nullable().optional(),
    restricted: z.boolean().default(false),
    accessUserIds: z.array(Id).max(100).default([]),
    accessDepartmentIds: z.array(Id).max(100).default([]),
    classification: z.string().max(20).optional(),
  })
  .meta({
    id: 'CreateMatterRequest',
    title: '登记协调事项',
    description: 'dueWorkingDays 为办理期限（工作日，按法定节假日和调休计算）；restricted 为 true 时只有知悉范围内的人员和部门可见。',
    examples: [
      {
        kind: 'coordination',
        title: '协调解决城南片区学校周边交通拥堵问题',
        description: '请市教育局、市公安局交警支队研究提出方案。',
        priority: 'urgent',
        dueWorkingDays: 10,
        restricted: false,
      },
    ],
  });
export const FireEventBody = z.object({ version: Version, comment: z.string().trim().max(2000).nullable().optional() });
/** Task kinds a person may assign directly (承办, 报送材料, 审核); workflow tasks are made by their steps. */
export const TASK_KINDS = DIRECT_TASK_KINDS;
export const TASK_KIND_LABELS: Record<(typeof TASK_KINDS)[number], string> = { handle: '承办', report: '报送材料', review: '审核' };
export const CreateTaskBody = z
  .object({
    title: NonEmpty(200),
    kind: z.enum(TASK_KINDS, { message: '任务类型应为 handle（承办）、report（报送材料）或 review（审核）' }).default('handle'),
    assigneeUserId: Id.nullable().optional(),
    assigneeDepartmentId: Id.nullable().optional(),
    dueWorkingDays: z.number().int().min(1, '期限至少1个工作日').max(250).nullable().optional(),
    /** 督办: remind the assignee to report progress every N working days while the task is open */
    progressEveryWorkingDays: z.number().int().min(1, '至少每1个工作日').max(60, '最多每60个工作日').nullable().optional(),
  })
  .refine((v) => v.assigneeUserId || v.assigneeDepartmentId, { message: '请指定承办人或承办部门', path: ['assigneeUserId'] })
  .refine((v) => !(v.assigneeUserId && v.assigneeDepartmentId), { message: '承办人和承办部门只能指定其一', path: ['assigneeDepartmentId'] });
export const CompleteTaskBody = z.object({ version: Version, result: NonEmpty(2000) });
/** 催办: chase an open task (the assignee is notified; the chase is recorded). */
export const ChaseTaskBody = z.object({ note: z.string().trim().max(500).nullable().optional() });
/** Extend an open task's deadline, with the reason on record. */
export const ExtendTaskBody = z.object({
  dueDate: IsoDate,
  reason: NonEmpty(500),
});
export const CreateConsultationBody = z
  .object({
    subject: NonEmpty(200),
    question: NonEmpty(2000),
    departmentIds: z.array(Id).max(50).default([]),
    userIds: z.array(Id).max(50).default([]),
    dueWorkingDays: z.number().int().min(1).max(60).nullable().optional(),
  })
  .refine((v) => v.departmentIds.length + v.userIds.length > 0, { message: '请至少选择一个征求意见的部门或人员', path: ['departmentIds'] });
export const NewRoundBody = z.object({ version: Version, question: NonEmpty(2000), dueWorkingDays: z.number().int().min(1).max(60).nullable().optional() });
export const RespondBody = z
  .object({
    position: z.enum(['agree', 'agree_with_changes', 'disagree'], { message: '意见应为 同意/原则同意/不同意' }),
    text: z.string().trim().max(5000).nullable().optional(),
  })
  .refine((v) => v.position === 'agree' || (v.text && v.text.length > 0), { message: '有修改意见或不同意时须写明理由', path: ['text'] });
export const SettleConsultationBody = z.object({ version: Version, outcome: NonEmpty(2000), escalate: z.boolean().default(false) });
export const CreateInstructionBody = z.object({
  kind: z.enum(['instruction', 'approval', 'decision']).default('instruction'),
  decision: z.enum(['approve', 'change', 'decline']).nullable().optional(),
  text: NonEmpty(5000),
});
export const CreateLinkBody = z.object({
  toId: Id,
  kind: z.enum(LINK_KINDS, { message: '关联类型不在允许范围内' }),
  note: z.string().trim().max(500).nullable().optional(),
});
export const ShareBody = z.object({
  userIds: z.array(Id).max(100).default([]),
  departmentIds: z.array(Id).max(100).default([]),
  toRead: z.boolean().default(false),
  note: z.string().max(500).nullable().optional(),
});
/** Take a hard case to a leader (by default the leader in charge of the matter's department) for an instruction. */
export const AskLeaderBody = z.object({ leaderIds: z.array(Id).max(10).default([]), question: NonEmpty(2000) });

/** Attachments of a matter (附件): content travels base64 in JSON; 10 MB at most. */
export const ATTACHMENT_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/ofd': 'OFD',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/wps-office.docx': 'WPS',
  'image/jpeg': '图片',
  'image/png': '图片',
  'text/plain': '文本',
};
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const AttachmentUpload = z
  .object({
    filename: NonEmpty(200).refine((v) => !/[\\/:*?"<>|\u0000-\u001f]/.test(v), '文件名不能包含 \\ / : * ? " < > | 等字符'),
    mime: z.string().refine((v) => v in ATTACHMENT_TYPES, '不支持的文件类型：请上传 PDF、OFD、Word、Excel、图片或文本文件'),
    contentBase64: z
      .string()
      .min(1, '文件内容为空')
      .max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4, '文件不能超过10MB')
      .refine((v) => /^[A-Za-z0-9+/]*={0,2}$/.test(v), '文件内容应为 base64 编码'),
    /** K-4: the content version (its number) the file belongs to, e.g. a draft's annex; the latest version only */
    contentVersionNo: z.number().int().min(1, '版本号从1开始').max(1_000_000, '版本号过大').optional(),
  })
  .meta({
    id: 'AttachmentUpload',
    title: '上传附件',
    description: '文件内容以 base64 放在 contentBase64 中，文件不超过 10MB；mime 限于 PDF、OFD、Word、Excel、WPS、JPEG/PNG 图片和纯文本。',
    examples: [{ filename: '会议纪要.txt', mime: 'text/plain', contentBase64: '5Lya6K6u57qq6KaB' }],
  });
export const Attachment = z
  .object({
    id: z.string(),
    filename: z.string(),
    mime: z.string(),
    size: z.number().int(),
    createdAt: Timestamp,
    createdByName: z.string(),
    canDelete: z.boolean(),
    /** K-4: the content version it belongs to (null: the matter's own) */
    contentVersionNo: z.number().int().nullable().optional(),
  })
  .meta({ id: 'Attachment', title: '附件', description: '事项的一个附件（不含文件内容，内容用 GET /api/v1/attachments/{id} 下载）' });
