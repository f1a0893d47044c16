/**
 * The line patterns of a whole document in the GB/T 9704-2012 layout, as plain text: 版头
 * elements (份号, 密级, 紧急程度, 发文字号, 签发人, separator lines), dates in Arabic or Chinese
 * numerals, 附件说明 and 附件 labels, 附注, and the 版记 lines (抄送, 印发). Lenient on purpose:
 * the reader recognises an element by its place and pattern and keeps it as printed, so that the
 * rules can say what is wrong with it. Pure, never throw.
 */
import { type YMD, isValidYmd } from './text';

/** Lines of a text: trimmed (full-width spaces too), blank lines and 页码 lines (“— 2 —”) dropped. */
export function textLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/u, '')
    .split(/\r\n|\r|\n|\u2028|\u2029|\f|\v/u)
    .map((l) => l.replace(/^\s+|\s+$/gu, ''))
    .filter((l) => l !== '' && !PAGE_NO_RE.test(l));
}

/** 页码 as printed: “— 2 —”, “-2-” (outside the 版心; not part of any element). */
export const PAGE_NO_RE = /^[—–\-－]\s*[0-9０-９]{1,3}\s*[—–\-－]$/u;

/** A rule line drawn with characters (the 版头 separator, the 版记 lines, the 信函 double line). */
export function separatorKind(line: string): 'single' | 'double' | null {
  const t = line.replace(/\s+/gu, '');
  if (t.length < 3 || !/^[─━—–\-_=＝═＿~～]+$/u.test(t)) return null;
  return /^[=＝═]+$/u.test(t) ? 'double' : 'single';
}

const DIGIT = '[0-9０-９]';
const CN_DIGIT = '[〇零○ＯO一二三四五六七八九]';
const CN_SMALL = '[一二三四五六七八九十]';
/** 2024年3月5日 / 二〇二四年三月五日 (spaces allowed, kept as printed) */
export const DATE_SRC = `(?:${DIGIT}{4}|${CN_DIGIT}{4})\\s*年\\s*(?:${DIGIT}{1,2}|${CN_SMALL}{1,3})\\s*月\\s*(?:${DIGIT}{1,2}|${CN_SMALL}{1,3})\\s*日`;
export const DATE_LINE_RE = new RegExp(`^${DATE_SRC}$`, 'u');
/** a name and a date on one line (a 署名 beside its date; the 纪要 line under the 纪要标志) */
export const NAME_DATE_RE = new RegExp(`^(?<name>.+?)\\s+(?<date>${DATE_SRC})$`, 'u');
/** 版记: 印发机关 and 印发日期 */
export const PRINT_LINE_RE = new RegExp(`^(?<org>.*?)\\s*(?<date>${DATE_SRC})\\s*印\\s*发$`, 'u');
/** 版记 of older documents: （共印50份） */
export const PRINT_COUNT_RE = /^[（(]共印\s*[0-9０-９]+\s*份[）)]$/u;
/** 版记: 抄送 (抄报 in old documents), 分送 (纪要), 主送 moved to the 版记 */
export const DISTRIBUTION_RE = /^(?<label>抄\s*送|抄\s*报|分\s*送|主\s*送)\s*[：:]\s*(?<rest>.*)$/u;

/** 份号: a run of digits in the 版头 (GB/T 9704 7.2.1: six, kept as printed) */
export const COPY_NO_RE = /^[0-9０-９]{3,8}$/u;
/** 密级 and 保密期限: 机密, 机密★1年, 秘密★6个月, 绝密★长期 */
export const SECRECY_RE = new RegExp(`^(?<level>绝密|机密|秘密)(?:\\s*(?<sep>[★☆*＊])?\\s*(?<term>长期|(?:${DIGIT}+|${CN_SMALL}+)\\s*(?:年|个月)))?$`, 'u');
export const URGENCY_RE = /^(?:特急|加急)$/u;
/** 发文字号: 代字〔年份〕序号号, any bracket (so that F-01 can say what is wrong) */
export const DOC_NO_RE = new RegExp(`^[\\u4e00-\\u9fa5]{1,20}\\s*[〔[【（(［]\\s*${DIGIT}{2,4}\\s*[〕\\]】）)］]\\s*第?\\s*${DIGIT}+\\s*号$`, 'u');
/** 令号: 第12号 */
export const ORDER_NO_RE = new RegExp(`^第\\s*${DIGIT}+\\s*号$`, 'u');
/** 纪要编号: （第5期）, 第5期, 〔2024〕5号 */
export const MINUTES_NO_RE = new RegExp(`^(?:[（(]?第\\s*${DIGIT}+\\s*[期号][）)]?|[〔[]${DIGIT}{4}[〕\\]]\\s*${DIGIT}+\\s*号)$`, 'u');
/** 签发人：王某 李某 (after a 发文字号 on the same line, or alone) */
export const SIGNATORY_RE = /^(?<before>.*?)\s*签\s*发\s*人\s*[：:]\s*(?<names>.*)$/u;

/** the first line of the 附件说明: 附件：1.××× / 附件：××× */
export const ATTACHMENT_NOTE_RE = /^附\s*件\s*[：:]/u;
/** a numbered 附件说明 line: 2.××× */
export const NUMBERED_ITEM_RE = new RegExp(`^${DIGIT}+\\s*[.．、]`, 'u');
/** the label on an attachment's first page: 附件 / 附件1 / 附件 2 */
export const ATTACHMENT_LABEL_RE = new RegExp(`^附\\s*件\\s*(?<no>${DIGIT}+)?$`, 'u');
/** 附注: one pair of round brackets around the whole line */
export const NOTE_RE = /^[（(].*[）)]$/u;

/** A signature by title and name (命令, 签名章): 省长　张某, 县长 王某某 */
export const PERSON_SIGNATURE_RE =
  /^(?:[\u4e00-\u9fa5]{0,12}?)(?:书记|省长|市长|州长|县长|区长|镇长|乡长|主席|主任|部长|厅长|局长|委员长|总理|院长|代省长|代市长|代县长)\s*[\u4e00-\u9fa5]{2,4}(?:[（(]?代[）)]?)?$/u;

/** Sentence punctuation: a line with it is text, not a name or a title. */
export const SENTENCE_PUNCT_RE = /[。；;！!？?]/u;

const FULL_DIGITS = '０１２３４５６７８９';
function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/gu, (c) => String(FULL_DIGITS.indexOf(c)));
}

const CN_VALUE: Record<string, number> = { 〇: 0, 零: 0, '○': 0, Ｏ: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31; null when not a number of that form */
function smallChinese(s: string): number | null {
  if (/^\d+$/u.test(s)) return Number(s);
  const m = /^(?<tens>[一二三四五六七八九]?)(?<ten>十)?(?<ones>[一二三四五六七八九]?)$/u.exec(s);
  if (!m?.groups || s === '') return null;
  const { tens = '', ten, ones = '' } = m.groups;
  if (!ten) return tens === '' && ones !== '' ? (CN_VALUE[ones] ?? null) : tens !== '' && ones === '' ? (CN_VALUE[tens] ?? null) : null;
  return (tens === '' ? 1 : (CN_VALUE[tens] ?? 0)) * 10 + (ones === '' ? 0 : (CN_VALUE[ones] ?? 0));
}

/** The calendar date of a printed date (Arabic or Chinese numerals), or null. */
export function parsePrintedDate(s: string | null | undefined): YMD | null {
  if (!s) return null;
  const m = /^(?<y>\S{4})\s*年\s*(?<m>\S{1,3})\s*月\s*(?<d>\S{1,3})\s*日$/u.exec(toAsciiDigits(s.trim()));
  if (!m?.groups) return null;
  const yRaw = m.groups.y ?? '';
  const y = /^\d{4}$/u.test(yRaw) ? Number(yRaw) : [...yRaw].every((c) => c in CN_VALUE) ? Number([...yRaw].map((c) => CN_VALUE[c]).join('')) : NaN;
  const mo = smallChinese(m.groups.m ?? '');
  const d = smallChinese(m.groups.d ?? '');
  if (!Number.isFinite(y) || mo === null || d === null) return null;
  const v = { y, m: mo, d };
  return isValidYmd(v) ? v : null;
}

/** YYYY-MM-DD of a printed date, or null. */
export function isoOfPrintedDate(s: string | null | undefined): string | null {
  const v = parsePrintedDate(s);
  return v ? `${v.y}-${String(v.m).padStart(2, '0')}-${String(v.d).padStart(2, '0')}` : null;
}
