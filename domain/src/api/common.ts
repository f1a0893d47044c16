import { z } from 'zod';
import { isIsoDate } from '../calendar/workdays';

/** The one error shape of the API. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({
        description: '稳定的错误代码，客户端据此处理（不要依据 message 文字），如 validation_failed、unauthorized、forbidden、not_found、stale_version',
      }),
      message: z.string().meta({ description: '给用户看的中文说明，说明出了什么问题、该怎么办' }),
      path: z.string().optional().meta({ description: '出错的字段（如 body.title、query.to、params.id）；与具体字段无关的错误没有此项' }),
    }),
  })
  .meta({
    id: 'ErrorBody',
    title: '错误',
    description: '所有错误响应的统一格式。HTTP 状态码给出类别，error.code 给出具体原因。',
    examples: [{ error: { code: 'validation_failed', message: '请求体字段 title：不能为空', path: 'body.title' } }],
  });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Id = z.string().min(1, '不能为空').max(64, '过长');
export const IdParams = z.object({ id: Id });
/** A calendar date; a well-formed date that does not exist (2026-02-30) is told as such. */
export const IsoDate = z
  .string()
  .superRefine((v, ctx) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) ctx.addIssue({ code: 'custom', message: '日期格式应为 YYYY-MM-DD' });
    else if (!isIsoDate(v)) ctx.addIssue({ code: 'custom', message: `日期不存在：${v}` });
  })
  .meta({ format: 'date', description: '日期 YYYY-MM-DD（须是实际存在的日期）' });
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;
/** An instant with an explicit offset (Z or ±hh:mm) on a real calendar date; local times are ambiguous. */
export const IsoDateTime = z
  .string()
  .superRefine((v, ctx) => {
    const m = ISO_INSTANT.exec(v);
    if (!m) ctx.addIssue({ code: 'custom', message: '时间格式应为带时区的 ISO-8601，如 2026-10-09T09:00:00+08:00' });
    else if (!isIsoDate(m[1]) || Number.isNaN(Date.parse(v))) ctx.addIssue({ code: 'custom', message: `日期不存在：${m[1]}` });
  })
  .meta({ format: 'date-time', description: '带时区的 ISO-8601 时间，如 2026-10-09T09:00:00+08:00（不带时区的本地时间有歧义，不接受）' });
/**
 * Response fields, for the OpenAPI description only (no check of their own: the server writes
 * them): an instant as `Date.toISOString()` writes it (2026-11-27T01:00:00.000Z), and a day.
 */
export const Timestamp = z.string().meta({ format: 'date-time' });
export const Day = z.string().meta({ format: 'date' });
/**
 * A required text of at most `max` characters, trimmed. Short texts (up to 200: titles, names,
 * places) are one line; longer ones (reasons, results, opinions) may have line breaks. Other
 * control characters are refused in every field by the server (`findControlCharacter`).
 */
export const NonEmpty = (max = 200, o: { multiline?: boolean } = {}) => {
  const s = z.string().trim().min(1, '不能为空').max(max, `不能超过${max}个字`);
  return (o.multiline ?? max > 200) ? s : s.refine((v) => !/[\r\n]/.test(v), '不能换行（应为一行文字）');
};
/** A record's version (optimistic locking); bounded by the database's integer column (PostgreSQL int4). */
export const Version = z.number().int().min(1).max(2_147_483_647, '版本号无效，请刷新后重试');

export const Paging = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
/**
 * A page of a list. Lists whose rows are history (已办, every matter, read 待阅, notifications,
 * the audit log, a title search) count exactly only up to `countCap(page, pageSize)` rows: beyond it
 * `total` is that cap and `totalCapped` is true ("200+"), so that a page costs the same however long
 * the history. People refine a list (by state, date, words) rather than page through hundreds.
 */
export function pageOf<T extends z.ZodType>(item: T) {
  const page = z.object({
    items: z.array(item),
    total: z.number().int().meta({ description: '总条数；totalCapped 为 true 时为计数上限' }),
    /** true: there are more than `total` items (the count stopped at its cap) */
    totalCapped: z.boolean().optional().meta({ description: 'true：实际条数多于 total（计数到上限即停止，显示为“200+”）' }),
    page: z.number().int().meta({ description: '页码，从 1 开始' }),
    pageSize: z.number().int().meta({ description: '每页条数' }),
  });
  // A page of a named item is named too (`TaskPage`), for the OpenAPI description.
  const item_ = z.globalRegistry.get(item);
  return item_?.id ? page.meta({ id: `${item_.id}Page`, title: `${item_.title ?? item_.id}（分页）`, description: '分页列表的一页' }) : page;
}
/** History lists count at least this far exactly. */
export const HISTORY_COUNT_CAP = 200;
/** How far a history list counts for this page: the cap, and always five pages past the current one. */
export function countCap(page: number, pageSize: number): number {
  return Math.max(HISTORY_COUNT_CAP, (page + 5) * pageSize);
}
export const Ok = z.object({ ok: z.literal(true) }).meta({ id: 'Ok', title: '操作成功', description: '操作已完成，没有其他返回内容' });
