/** 发文 (OUT-1 and the draft): the matter, leaders' 交代, the 统一意图 and the structured draft. */
import { z } from 'zod';
import { DOC_TYPES } from '../checks/types';
import { BODY_LEVELS, INSTRUCTION_CHANNELS, PUBLICITY, SECRECY_LEVELS, URGENCY_LEVELS } from '../outgoing/draft';
import { Id, IsoDate, NonEmpty, Paging, Timestamp, Version } from './common';
import { AllowedAction } from './matters';
import { ContentVersionSummary } from './kernel';

/** 涉密不上网 (gongwen-rules.md §1.6.3): this system is not an accredited classified system. */
export const CLASSIFIED_REFUSED = '涉密公文（秘密、机密、绝密）不得在本系统处理（涉密不上网），请按保密规定线下办理';

const Optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不能超过${max}个字`)
    .nullable()
    .transform((v) => (v === '' ? null : v));
const Organs = (what: string, min: number) =>
  z
    .array(Id)
    .min(min, min ? `至少选择一个${what}` : '')
    .max(50, `${what}不能超过50个`)
    .refine((a) => new Set(a).size === a.length, `${what}不能重复`);

export const OutgoingCreateBody = z
  .object({
    title: NonEmpty(200).meta({ description: '拟发公文的事由（标题可在拟稿时修改）' }),
    draftingDepartmentId: Id.meta({ description: '起草部门' }),
    leaderIds: z
      .array(Id)
      .min(1, '至少选择一位交代此文的领导')
      .max(20, '领导不能超过20位')
      .refine((a) => new Set(a).size === a.length, '领导不能重复')
      .meta({ description: '交代此文的领导（一位或几位）' }),
    docType: z.enum(DOC_TYPES, '请选择拟用文种'),
    secrecy: z.enum(SECRECY_LEVELS, '请选择密级').refine((s) => s === 'none', CLASSIFIED_REFUSED),
    urgency: z.enum(URGENCY_LEVELS, '请选择紧急程度'),
  })
  .meta({ id: 'OutgoingCreateBody', title: '新建发文', description: '新建一件发文：事由、起草部门、交代的领导、拟用文种、密级和紧急程度' });

export const OutgoingInstructionBody = z
  .object({
    version: Version,
    leaderId: Id.meta({ description: '交代的领导' }),
    text: NonEmpty(4000, { multiline: true }).meta({ description: '交代的内容' }),
    givenOn: IsoDate.meta({ description: '交代的日期（不能晚于今天）' }),
    channel: z.enum(INSTRUCTION_CHANNELS, '请选择交代方式').meta({ description: 'written 书面批示、in_person 当面交代、phone 电话交代' }),
  })
  .meta({
    id: 'OutgoingInstructionBody',
    title: '记录领导交代',
    description: '领导本人记录自己的交代；办公室可代领导记录（如电话交代），记录中注明代记',
  });

export const OutgoingIntentBody = z
  .object({
    baseVersionNo: z.number().int().min(0).meta({ description: '开始编辑时统一意图的版本号（尚无则为 0）；其后已有人保存时为 409' }),
    text: NonEmpty(8000, { multiline: true }).meta({ description: '统一意图全文' }),
    sourceIds: z
      .array(Id)
      .min(1, '至少注明一条所依据的领导交代')
      .max(50)
      .refine((a) => new Set(a).size === a.length, '依据不能重复')
      .meta({ description: '所依据的领导交代' }),
    reason: NonEmpty(200).default('修改统一意图'),
  })
  .meta({ id: 'OutgoingIntentBody', title: '保存统一意图', description: '办公室根据领导交代拟定的统一意图，每次保存为一个新版本' });

export const DraftParagraph = z
  .object({
    level: z
      .number('段落层次应为 0（正文）至 4（四级标题）')
      .int('段落层次应为整数')
      .min(0, '段落层次应为 0（正文）至 4（四级标题）')
      .max(BODY_LEVELS.length - 1, '段落层次应为 0（正文）至 4（四级标题）'),
    text: z.string().trim().min(1, '段落不能为空').max(5000, '一段不能超过5000个字'),
  })
  .meta({ id: 'DraftParagraph', title: '正文段落', description: '正文的一段：level 0 为正文段落，1–4 为一至四级标题（一、（一）1.（1））' });

export const OutgoingDraft = z
  .object({
    docType: z.enum(DOC_TYPES, '请选择文种'),
    issuers: Organs('发文机关', 1).meta({ description: '发文机关，主办机关在前' }),
    mainTo: Organs('主送机关', 0),
    copyTo: Organs('抄送机关', 0),
    title: NonEmpty(200),
    body: z.array(DraftParagraph).min(1, '正文至少一段').max(2000, '正文不能超过2000段'),
    attachments: z.array(NonEmpty(200)).max(50, '附件不能超过50件').meta({ description: '附件说明：附件名称，按顺序' }),
    note: Optional(500).meta({ description: '附注' }),
    matters: z.array(NonEmpty(200)).max(10, '请示事项不能超过10项').default([]).meta({ description: '请示事项（请示时填写，一文一事）' }),
    secrecy: z.enum(SECRECY_LEVELS, '请选择密级'),
    secrecyTerm: Optional(50).meta({ description: '保密期限（涉密时）' }),
    urgency: z.enum(URGENCY_LEVELS, '请选择紧急程度'),
    publicity: z.enum(PUBLICITY, '请选择公开属性'),
  })
  .superRefine((d, ctx) => {
    if (d.secrecy !== 'none') ctx.addIssue({ code: 'custom', path: ['secrecy'], message: CLASSIFIED_REFUSED });
    else if (d.secrecyTerm) ctx.addIssue({ code: 'custom', path: ['secrecyTerm'], message: '非密公文不标注保密期限' });
  })
  .meta({
    id: 'OutgoingDraft',
    title: '文稿',
    description: '发文的结构化文稿：文种、发文机关、主送、抄送、标题、正文（含标题层次）、附件说明、附注、密级、紧急程度、公开属性',
  });
export type OutgoingDraftInput = z.infer<typeof OutgoingDraft>;

export const OutgoingDraftBody = z
  .object({
    baseVersionNo: z.number().int().min(0).meta({ description: '开始编辑时文稿的版本号（尚无则为 0）；其后已有人保存时为 409 stale_version' }),
    draft: OutgoingDraft,
    reason: NonEmpty(200).default('修改文稿'),
  })
  .meta({ id: 'OutgoingDraftBody', title: '保存文稿', description: '保存文稿的新版本（每次保存一个版本）' });

export const OutgoingCheckBody = z.object({ draft: OutgoingDraft }).meta({ id: 'OutgoingCheckBody', title: '检查文稿（不保存）' });

export const OutgoingFinding = z
  .object({ rule: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(), path: z.string(), field: z.string().nullable() })
  .meta({ id: 'OutgoingFinding', title: '检查结果', description: '规则引擎的一条检查结果；field 为对应的文稿字段（如 mainTo、title），无法对应时为 null' });
export const OutgoingCheckResult = z.object({ findings: z.array(OutgoingFinding) }).meta({ id: 'OutgoingCheckResult', title: '文稿检查结果' });

export const OutgoingInstruction = z
  .object({
    id: z.string(),
    leaderId: z.string(),
    leaderName: z.string(),
    text: z.string(),
    givenOn: z.string(),
    channel: z.enum(INSTRUCTION_CHANNELS),
    recordedById: z.string(),
    recordedByName: z.string(),
    onBehalf: z.boolean().meta({ description: '由办公室代领导记录' }),
    createdAt: Timestamp,
  })
  .meta({ id: 'OutgoingInstruction', title: '领导交代' });

export const OutgoingIntent = z
  .object({
    versionNo: z.number().int(),
    text: z.string(),
    sourceIds: z.array(z.string()),
    authorName: z.string(),
    createdAt: Timestamp,
  })
  .meta({ id: 'OutgoingIntent', title: '统一意图', description: '统一意图的当前版本及其依据的领导交代' });

export const OutgoingDraftVersion = z
  .object({ versionNo: z.number().int(), draft: OutgoingDraft, authorName: z.string(), createdAt: Timestamp })
  .meta({ id: 'OutgoingDraftVersion', title: '文稿（当前版本）' });

const Ref = z.object({ id: z.string(), name: z.string() });

export const OutgoingSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.string(),
    statusLabel: z.string(),
    docType: z.enum(DOC_TYPES),
    secrecy: z.enum(SECRECY_LEVELS),
    urgency: z.enum(URGENCY_LEVELS),
    draftingDepartment: Ref,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'OutgoingSummary', title: '发文摘要' });

export const OutgoingDetail = OutgoingSummary.extend({
  version: z.number().int(),
  leaders: z.array(Ref),
  createdByName: z.string(),
  allowedActions: z.array(AllowedAction),
  instructions: z.array(OutgoingInstruction),
  intent: OutgoingIntent.nullable(),
  intentVersions: z.array(ContentVersionSummary),
  draft: OutgoingDraftVersion.nullable(),
  draftVersions: z.array(ContentVersionSummary),
  findings: z.array(OutgoingFinding).meta({ description: '规则引擎对当前文稿的检查结果（尚无文稿时为空）' }),
}).meta({ id: 'OutgoingDetail', title: '发文详情', description: '发文事项、领导交代、统一意图、当前文稿及检查结果、版本列表和调用者可执行的操作' });

export const OutgoingListQuery = Paging.extend({
  q: z.string().trim().max(100).optional(),
});
