/**
 * API contracts of the kernel's content versions (K-4) and number series (K-5).
 */
import { z } from 'zod';
import { Id, NonEmpty, Paging, Timestamp, Version } from './common';
import { Attachment } from './matters';
import { NUMBER_CLASSES, codeProblems, parseTemplate, templateProblems } from '../kernel/numbering';

// ---------------------------------------------------------------------------------------------
// Content versions

/** A content version is JSON; 1 MB at most once serialised. */
export const MAX_CONTENT_BYTES = 1_000_000;

/** NUL and unpaired surrogates: neither PostgreSQL text nor jsonb can store them. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
function storable(v: unknown): boolean {
  let ok = true;
  JSON.stringify(v, (k, x) => {
    if (UNSTORABLE.test(k) || (typeof x === 'string' && UNSTORABLE.test(x))) ok = false;
    return x;
  });
  return ok;
}
/** Free text (a reason): trimmed, not empty, storable. */
const Text = (max: number, empty = '不能为空') =>
  z
    .string()
    .trim()
    .min(1, empty)
    .max(max, `不能超过${max}个字符`)
    .refine((v) => !UNSTORABLE.test(v), '不能包含空字符或无效的字符');

export const VersionContent = z
  .record(z.string().min(1, '字段名不能为空').max(100, '字段名不能超过100个字符'), z.unknown())
  .refine((v) => JSON.stringify(v).length <= MAX_CONTENT_BYTES, '内容过大（不能超过1MB）')
  .refine(storable, '内容不能包含空字符或无效的字符');

export const SaveVersionBody = z.object({
  content: VersionContent,
  /** why this version (拟稿、根据核稿意见修改、按领导批示修改…) */
  reason: Text(500),
  /** the content's schema, e.g. `outgoing.draft`, `minutes` */
  kind: Text(40).optional(),
  /** the version the edit started from (0 = none yet); refused with 409 stale_version when it is not the latest */
  baseVersionNo: z.number().int().min(0).max(1_000_000, '版本号过大').optional(),
});
export type SaveVersionBody = z.infer<typeof SaveVersionBody>;

export const VersionParams = z.object({ id: Id, no: z.coerce.number().int().min(1, '版本号从1开始').max(1_000_000, '版本号过大') });
export const VersionDiffQuery = z.object({
  /** the older version; 0 = nothing (every field added); default: the one before `to` */
  from: z.coerce.number().int().min(0).max(1_000_000, '版本号过大').optional(),
  /** the newer version; default: the latest */
  to: z.coerce.number().int().min(1, '版本号从1开始').max(1_000_000, '版本号过大').optional(),
});

export const ContentVersionSummary = z
  .object({
    id: z.string(),
    matterId: z.string(),
    no: z.number().int(),
    kind: z.string().nullable(),
    authorId: z.string(),
    authorName: z.string(),
    createdAt: Timestamp,
    reason: z.string(),
  })
  .meta({ id: 'ContentVersionSummary', title: '内容版本摘要', description: '事项内容的一个版本（不含内容本身）：版本号、作者、时间、修改原因' });
export type ContentVersionSummary = z.infer<typeof ContentVersionSummary>;
export const ContentVersion = ContentVersionSummary.extend({
  content: z.record(z.string(), z.unknown()),
  attachments: z.array(Attachment),
}).meta({ id: 'ContentVersion', title: '内容版本', description: '事项内容的一个版本（内容为 JSON 对象）及属于该版本的附件；版本一经保存不能修改' });
export type ContentVersion = z.infer<typeof ContentVersion>;

export const DiffPart = z.object({ op: z.enum(['same', 'added', 'removed']), value: z.unknown() });
export const FieldChange = z
  .object({
    field: z.string(),
    path: z.array(z.union([z.string(), z.number()])),
    kind: z.enum(['added', 'removed', 'changed']),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    parts: z.array(DiffPart).optional(),
  })
  .meta({ id: 'FieldChange', title: '字段变化' });
export const VersionDiff = z
  .object({
    matterId: z.string(),
    from: z.number().int(),
    to: z.number().int(),
    changes: z.array(FieldChange),
  })
  .meta({ id: 'VersionDiff', title: '版本比较', description: '两个内容版本之间逐字段的变化' });
export type VersionDiff = z.infer<typeof VersionDiff>;

// ---------------------------------------------------------------------------------------------
// Number series

export const NumberClass = z.enum(NUMBER_CLASSES, { message: '编号类别应为发文（outgoing）、收文（incoming）、督办（supervision）或纪要（minutes）' });
export const SeriesYear = z.number().int('年份应为整数').min(2000, '年份应在2000至2100之间').max(2100, '年份应在2000至2100之间');
const Template = NonEmpty(100).superRefine((v, ctx) => {
  const p = parseTemplate(v);
  if (!p.ok) for (const message of p.problems) ctx.addIssue({ code: 'custom', message });
});
const Code = NonEmpty(20).superRefine((v, ctx) => {
  for (const message of codeProblems(v)) ctx.addIssue({ code: 'custom', message });
});
const NextValue = z.number().int().min(1, '起始号至少为1').max(999_999_999, '起始号过大');

export const CreateNumberSeriesBody = z
  .object({
    organId: Id,
    class: NumberClass,
    code: Code,
    template: Template,
    year: SeriesYear,
    /** the first number to give (a register carried over from paper starts further on); default 1 */
    nextValue: NextValue.default(1),
    active: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    for (const message of codeProblems(v.code, v.class)) ctx.addIssue({ code: 'custom', path: ['code'], message });
    for (const message of templateProblems(v.template, { numberClass: v.class, code: v.code, year: v.year }))
      ctx.addIssue({ code: 'custom', path: ['template'], message });
  });
export type CreateNumberSeriesBody = z.input<typeof CreateNumberSeriesBody>;

/** Organ, class and year of a series do not change; the start value only while nothing is assigned. */
export const PatchNumberSeriesBody = z.object({
  code: Code.optional(),
  template: Template.optional(),
  nextValue: NextValue.optional(),
  active: z.boolean().optional(),
  version: Version,
});
export type PatchNumberSeriesBody = z.input<typeof PatchNumberSeriesBody>;

export const NumberSeriesQuery = z.object({
  organId: Id.optional(),
  class: NumberClass.optional(),
  year: z.coerce.number().int().min(2000, '年份应在2000至2100之间').max(2100, '年份应在2000至2100之间').optional(),
});

export const NumberSeries = z
  .object({
    id: z.string(),
    organId: z.string(),
    organName: z.string(),
    class: NumberClass,
    classLabel: z.string(),
    code: z.string(),
    template: z.string(),
    year: z.number().int(),
    nextValue: z.number().int(),
    /** the next number as it will be written */
    nextText: z.string(),
    active: z.boolean(),
    version: z.number().int(),
    assignedCount: z.number().int(),
    voidedCount: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'NumberSeries', title: '编号规则', description: '一个机关某类文书某年度的编号规则及下一个号' });
export type NumberSeries = z.infer<typeof NumberSeries>;

export const AssignedNumbersQuery = Paging.extend({ voided: z.enum(['0', '1']).optional() });
export const AssignedNumber = z
  .object({
    id: z.string(),
    seriesId: z.string(),
    value: z.number().int(),
    text: z.string(),
    /** the matter it was given to; its title only when the viewer may see the matter */
    matterId: z.string().nullable(),
    matterTitle: z.string().nullable(),
    assignedAt: Timestamp,
    assignedById: z.string().nullable(),
    assignedByName: z.string().nullable(),
    voidedAt: Timestamp.nullable(),
    voidedByName: z.string().nullable(),
    voidReason: z.string().nullable(),
  })
  .meta({ id: 'AssignedNumber', title: '已编号登记', description: '给出的一个编号：给了哪个事项、谁、何时；作废的另有作废人、时间和原因' });
export type AssignedNumber = z.infer<typeof AssignedNumber>;

export const VoidNumberBody = z.object({
  reason: Text(500, '请填写作废原因'),
});
