/**
 * Pure text helpers shared by the format (F-xx) and cross-field (X-xx) rules: 发文字号, 中文日期,
 * 标题, 附件说明, 层次序数 and the closing 署名/日期 block of a body. No I/O, never throw.
 *
 * The regexes follow gongwen-rules.md §3 (they are [INFERRED] encodings of GB/T 9704-2012);
 * where a helper is more lenient than the catalogue regex it is only to *recognise* an element
 * so that a rule can say precisely what is wrong with it.
 */
import { DOC_TYPES, type DocType } from './types';

// ---------------------------------------------------------------------------------------------
// 发文字号 (GB/T 9704-2012 7.2.5) and 令号 (10.2)

/** F-01: 代字〔年份〕顺序号号 — full year in 六角括号, no 第, no leading zero. */
export const DOC_NO_RE = /^(?<code>[\u4e00-\u9fa5]{1,20})〔(?<year>\d{4})〕(?<seq>[1-9]\d*)号$/u;
/** F-02: 令号 第×号 */
export const ORDER_NO_RE = /^第[1-9]\d*号$/u;
/** [PRACTICE] 纪要编号 forms: （第×号） or 〔2016〕×号 (GB/T 9704 10.3 lets units decide) */
export const MINUTES_NO_RE = /^(?:（第[1-9]\d*(?:期|号)）|第[1-9]\d*(?:期|号)|〔\d{4}〕[1-9]\d*号)$/u;

const _OPEN_BRACKETS = '〔[【（(［{〈<「『';
const _CLOSE_BRACKETS = '〕]】）)］}〉>」』';

export interface DocNoParts {
  code: string;
  /** the year digits as written, '' when none */
  year: string;
  /** the sequence digits as written, '' when none */
  seq: string;
  open: string;
  close: string;
  /** the text between the year bracket and the digits / after the digits */
  beforeSeq: string;
  afterSeq: string;
}

/**
 * Lenient split of something that looks like a 发文字号: a code, a bracketed year (any bracket),
 * a sequence number. Returns null when it does not look like one at all.
 */
export function parseDocNoLoose(raw: string): DocNoParts | null {
  const s = raw.trim();
  const m =
    /^(?<code>[^\d〔[【（(［{〈<「『]*?)\s*(?<open>[〔[【（(［{〈<「『])\s*(?<year>\d{2,4})\s*(?<close>[〕\]】）)］}〉>」』])(?<beforeSeq>\s*第?\s*)(?<seq>\d+)(?<afterSeq>.*)$/u.exec(
      s,
    );
  if (!m?.groups) return null;
  const g = m.groups;
  return {
    code: g.code ?? '',
    year: g.year ?? '',
    seq: g.seq ?? '',
    open: g.open ?? '',
    close: g.close ?? '',
    beforeSeq: g.beforeSeq ?? '',
    afterSeq: g.afterSeq ?? '',
  };
}

/** The year of a 发文字号 (strict or loose form), or null. */
export function docNoYear(raw: string | null | undefined): number | null {
  if (!raw) return null;
  const p = parseDocNoLoose(raw);
  if (!p || p.year.length !== 4) return null;
  return Number(p.year);
}

/**
 * What is wrong with a 发文字号, in Chinese, one item per problem; [] when it matches F-01.
 */
export function docNoProblems(raw: string): string[] {
  const s = raw;
  if (DOC_NO_RE.test(s)) return [];
  const problems: string[] = [];
  if (/\s/u.test(s)) problems.push('含有空格');
  const p = parseDocNoLoose(s.replace(/\s+/gu, ''));
  if (!p) {
    if (!/\d{4}/u.test(s)) problems.push('缺少年份（应为四位年份，用六角括号“〔〕”括入）');
    else problems.push('年份未用六角括号“〔〕”括入');
    if (!/号$/u.test(s)) problems.push('顺序号后缺少“号”字');
    return problems;
  }
  if (!/^[\u4e00-\u9fa5]{1,20}$/u.test(p.code)) {
    problems.push(p.code === '' ? '缺少发文机关代字' : '发文机关代字应由汉字组成');
  }
  if (p.open !== '〔' || p.close !== '〕') {
    problems.push(`年份用了“${p.open}${p.close}”，应使用六角括号“〔〕”`);
  }
  if (p.year.length !== 4) problems.push('年份应标全称（四位数字）');
  if (p.beforeSeq.includes('第')) problems.push('发文顺序号前不加“第”字');
  if (/^0/u.test(p.seq)) problems.push('发文顺序号不编虚位（如1不编为01）');
  if (p.afterSeq !== '号') {
    problems.push(p.afterSeq === '' ? '顺序号后缺少“号”字' : `顺序号后应只加“号”字，而不是“${p.afterSeq}”`);
  }
  if (problems.length === 0) problems.push('不符合“代字〔年份〕序号号”的格式');
  return problems;
}

/** All 发文字号-like tokens in a text (for citations); brackets of any kind. */
export interface DocNoToken {
  /** the number with its 代字 as read (the words of the sentence before the 代字 removed) */
  text: string;
  index: number;
  /** true when written with 〔〕, a four-digit year and no leading zero */
  wellFormed: boolean;
  /** the 发文机关代字 read before the bracket, '' when there is none (a bare “〔2020〕928号”) */
  code: string;
  /**
   * true when the token cites a document: it carries an organ 代字 and does not stand in a
   * non-citation context — a field of a 办文单 / 收文登记 (“收文编号：…”, “来文字号：…”), a
   * register's own number (收文、办文、督办、批示件、建议、提案、纪要编号…), or an organ's full name
   * in place of a 代字 (“某县人民政府办公室〔2020〕928号”)
   */
  citation: boolean;
}
/**
 * Words a sentence may put right before a 代字 (prepositions, conjunctions of citing), stripped
 * only at the start of the text read before the bracket (and again after a cut, CITE_CUT). 经 is
 * kept before 信 (经信委's 经信发, 市经信发…).
 */
const LEAD_WORDS = /^(?:根据|依据|依照|按照|参照|遵照|对照|执行|落实|贯彻|结合|经(?!信)|按|据|照|和|及|与|或|、|将|把|对|以|在|是|为|见|附|即|的|了)+/u;

/**
 * Words of a sentence that end before a 代字 starts (verbs of citing, “现将”“我局将”…): the 代字
 * is what follows the last of them (less LEAD_WORDS). Multi-character words only: single
 * characters such as 经、和、及、与、以、在、为、的、第 occur inside real 代字 (经信, 发改经体,
 * 农经发) and are stripped only at the start (LEAD_WORDS).
 */
const CITE_CUT =
  /根据|依据|依照|按照|参照|遵照|对照|执行|落实|贯彻|结合|学习|转发|印发|下发|批转|收到|收悉|转来|报来|报送|上报|详见|参见|承办|办理|交办|督办|转办|批办|拟办|登记|编入|(?:现|特|并|已|拟|均|我[省市县区镇乡局委办厅部]|本[省市县区镇乡局委办厅部])(?:将|把|按|对|以)/gu;
/** a register's own numbering, not a 代字 */
const NON_CODE_SUFFIX = /(?:单|件|号|编号|编码|字号|文号|收文|来文|办文|发文|纪要|期|批次|信箱|批示|建议|提案|议案|案|表|簿|卡|文件|材料)$/u;
/** an organ's own name (not an abbreviation) */
const ORGAN_NAME_WORDS = /人民政府|办公室|办公厅|委员会|人民代表大会|常务委员会|人民法院|人民检察院/u;
/**
 * A 办文单 / 登记 field: “来文字号：”“收文编号：”“文号：”… just before the token, after a stop
 * (FIELD_LABEL_AFTER_STOP) or at the start of the text (FIELD_LABEL_AT_START). Tested on the
 * FIELD_LABEL_REACH characters before the token only, never on the whole prefix.
 */
const FIELD_LABEL_AFTER_STOP = /[。；;\n\s][^。；;\n：:\s]{0,10}(?:号|编号|编码)\s*[：:]\s*$/u;
const FIELD_LABEL_AT_START = /^[^。；;\n：:\s]{0,10}(?:号|编号|编码)\s*[：:]\s*$/u;
const FIELD_LABEL_REACH = 40;

function fieldLabelBefore(text: string, index: number): boolean {
  const from = Math.max(0, index - FIELD_LABEL_REACH);
  const window = text.slice(from, index);
  return FIELD_LABEL_AFTER_STOP.test(window) || (from === 0 && FIELD_LABEL_AT_START.test(window));
}

/** The 代字 in the text read before the bracket: lead words off, then what follows the last cut. */
function citationCode(run: string): string {
  let code = run.replace(LEAD_WORDS, '');
  let cut = -1;
  for (const m of code.matchAll(CITE_CUT)) cut = Math.max(cut, (m.index ?? 0) + m[0].length);
  if (cut >= 0) code = code.slice(cut).replace(LEAD_WORDS, '');
  return code;
}

export function findDocNoTokens(text: string): DocNoToken[] {
  const re = /([\u4e00-\u9fa5]{1,20})?([〔[【（(［])(\d{4})([〕\]】）)］])\s*(第?)(\d+)号/gu;
  const out: DocNoToken[] = [];
  for (const m of text.matchAll(re)) {
    const run = m[1] ?? '';
    let code = run;
    let index = m.index ?? 0;
    const cited = citationCode(code);
    index += code.length - cited.length;
    code = cited;
    const bracketed = m[2] === '〔' && m[4] === '〕';
    // without a 代字 only a 〔〕 number is taken (a year in round brackets is ordinary text)
    if (code === '' && !bracketed) continue;
    const tokenText = code + m[0].slice(run.length);
    const citation = code !== '' && !NON_CODE_SUFFIX.test(code) && !ORGAN_NAME_WORDS.test(code) && code.length <= 12 && !fieldLabelBefore(text, index);
    out.push({
      text: tokenText,
      index,
      wellFormed: bracketed && m[5] === '' && !/^0/u.test(m[6] ?? ''),
      code,
      citation,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dates (GB/T 9704-2012 7.3.5.4)

/** F-03: 2024年6月3日 — Arabic digits, full year, no leading zero. */
export const CN_DATE_RE = /^(?<y>\d{4})年(?<m>[1-9]|1[0-2])月(?<d>[1-9]|[12]\d|3[01])日$/u;
const CN_DATE_LOOSE_RE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/u;

export interface YMD {
  y: number;
  m: number;
  d: number;
}

export function isValidYmd({ y, m, d }: YMD): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  return d <= days;
}
function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Strict F-03 parse, with a calendar check; null when not a correct 成文日期. */
export function parseCnDateStrict(s: string): YMD | null {
  const m = CN_DATE_RE.exec(s);
  if (!m?.groups) return null;
  const v = { y: Number(m.groups.y), m: Number(m.groups.m), d: Number(m.groups.d) };
  return isValidYmd(v) ? v : null;
}

/** Lenient parse of a Chinese date (accepts leading zeros and spaces, and 2024-06-03 / 2024.6.3). */
export function parseDateLoose(s: string | null | undefined): YMD | null {
  if (!s) return null;
  const t = s.trim();
  const m = CN_DATE_LOOSE_RE.exec(t) ?? /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/u.exec(t);
  if (!m) return null;
  const v = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidYmd(v) ? v : null;
}

/** What is wrong with a 成文日期 string; [] when it is a correct date per F-03. */
export function cnDateProblems(s: string): string[] {
  if (parseCnDateStrict(s)) return [];
  const t = s;
  const problems: string[] = [];
  if (/[〇零一二三四五六七八九十]/u.test(t)) problems.push('应使用阿拉伯数字，不用汉字数字');
  if (/\s/u.test(t)) problems.push('含有空格');
  if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/u.test(t.trim())) problems.push('应写作“××××年×月×日”，不用“-”“.”“/”分隔');
  const loose = /^(\d+)\s*年\s*(\d+)\s*月\s*(\d+)\s*日$/u.exec(t);
  if (loose) {
    const [, y = '', mo = '', d = ''] = loose;
    if (y.length !== 4) problems.push('年份应标全称（四位数字）');
    if (/^0/u.test(mo) || /^0/u.test(d)) problems.push('月、日不编虚位（如1不编为01）');
    if (y.length === 4 && !isValidYmd({ y: Number(y), m: Number(mo), d: Number(d) })) {
      problems.push('日期不存在');
    }
  }
  if (problems.length === 0) problems.push('应写作“××××年×月×日”');
  return problems;
}

const CN_DIGIT: Readonly<Record<string, number>> = { 〇: 0, '○': 0, 零: 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一…三十一 (月、日 written in Chinese numerals), or null. */
function cnSmallNumber(s: string): number | null {
  if (/^[一二三四五六七八九]$/u.test(s)) return CN_DIGIT[s] ?? null;
  const m = /^([二三])?十([一二三四五六七八九])?$/u.exec(s);
  if (!m) return null;
  return (m[1] ? (CN_DIGIT[m[1]] ?? 0) : 1) * 10 + (m[2] ? (CN_DIGIT[m[2]] ?? 0) : 0);
}

/**
 * A date as printed, in any of the forms published documents use: the current form
 * (2024年6月3日, leniently with leading zeros or spaces, or 2024-06-03), and the Chinese
 * numerals of documents before 2012-07-01 (二〇一一年五月十八日, also with ○ or 零). Null when not
 * a real date.
 */
export function parseDateAny(s: string | null | undefined): YMD | null {
  const loose = parseDateLoose(s);
  if (loose || !s) return loose;
  const m = /^([〇○零Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,4})\s*日$/u.exec(s.trim());
  if (!m) return null;
  const y = Number([...(m[1] ?? '')].map((c) => CN_DIGIT[c] ?? 0).join(''));
  const mo = cnSmallNumber(m[2] ?? '');
  const d = cnSmallNumber(m[3] ?? '');
  if (mo === null || d === null) return null;
  const v = { y, m: mo, d };
  return isValidYmd(v) ? v : null;
}

/**
 * The day the 《党政机关公文处理工作条例》 and GB/T 9704-2012 took effect. A document dated
 * before it was written under the 1996 党的机关 条例, the 2000 《国家行政机关公文处理办法》 and
 * GB/T 9704-1999, whose forms differ (汉字数字的成文日期, 7位份号…).
 */
export const RULES_2012_IN_FORCE: YMD = { y: 2012, m: 7, d: 1 };

/** True when the date (as printed) is a real date before 2012-07-01. */
export function predates2012Rules(date: string | null | undefined): boolean {
  const d = parseDateAny(date);
  return d !== null && compareYmd(d, RULES_2012_IN_FORCE) < 0;
}

export function ymdToString({ y, m, d }: YMD): string {
  return `${y}年${m}月${d}日`;
}
export function compareYmd(a: YMD, b: YMD): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

// ---------------------------------------------------------------------------------------------
// 标题 (条例 Art 9(7); F-20, X-08)

/** Longest first, so that 命令 is preferred over 令. */
export const GENRES_BY_LENGTH: readonly DocType[] = [...DOC_TYPES].sort((a, b) => b.length - a.length);

/** Words that are not a 文种 but are often used as one (gongwen-rules §1.2). */
export const NOT_GENRES = [
  '请示报告',
  '申请报告',
  '汇报',
  '申请',
  '方案',
  '总结',
  '计划',
  '规划',
  '要点',
  '办法',
  '细则',
  '规定',
  '简报',
  '情况',
  '说明',
  '建议',
  '倡议书',
  '公示',
  '通讯',
];

export const TITLE_TRAILING_PUNCT_RE = /[\s。．.，,、；;：:！!？?…—-]+$/u;

export interface TitleParts {
  /** the title as given, trimmed */
  raw: string;
  /** trailing punctuation found after the title (to be removed), '' if none */
  trailingPunct: string;
  /** [PRACTICE] a trailing “（2024年6月3日××会议通过）” after a 决议/决定 title, '' if none */
  meetingNote: string;
  /** the meeting date inside `meetingNote`, if any */
  meetingDate: YMD | null;
  /** the title without trailing punctuation and meeting note */
  core: string;
  /** text before “关于”, '' when the title has no 关于 */
  issuerPart: string;
  /** the 事由 between 关于 and the final 的 (or the whole core minus genre) */
  subject: string;
  /** the 文种 the title ends with, or null */
  genre: DocType | null;
  /** a non-文种 word the title ends with (申请, 汇报…), or null */
  falseGenre: string | null;
}

export function parseTitle(title: string): TitleParts {
  const raw = title.trim();
  let rest = raw;
  let meetingNote = '';
  let meetingDate: YMD | null = null;
  const mn = /[（(](\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^（）()]*?(?:通过|批准|审议通过)[^（）()]*)[）)]$/u.exec(rest);
  if (mn) {
    meetingNote = mn[0];
    rest = rest.slice(0, mn.index).trimEnd();
    const dm = /(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)/u.exec(mn[1] ?? '');
    meetingDate = parseDateLoose(dm?.[1] ?? null);
  }
  const tp = TITLE_TRAILING_PUNCT_RE.exec(rest);
  const trailingPunct = tp ? tp[0] : '';
  const core = tp ? rest.slice(0, tp.index) : rest;
  let genre: DocType | null = null;
  let falseGenre: string | null = null;
  for (const w of ['请示报告', '申请报告']) {
    if (core.endsWith(w)) falseGenre = w;
  }
  if (!falseGenre) {
    for (const g of GENRES_BY_LENGTH) {
      if (core.endsWith(g)) {
        genre = g;
        break;
      }
    }
  }
  if (!genre && !falseGenre) {
    for (const w of NOT_GENRES) {
      if (core.endsWith(w)) {
        falseGenre = w;
        break;
      }
    }
  }
  const k = core.indexOf('关于');
  const issuerPart = k > 0 ? core.slice(0, k) : '';
  let subject = k >= 0 ? core.slice(k + 2) : core;
  const ending = genre ?? falseGenre;
  if (ending && subject.endsWith(ending)) subject = subject.slice(0, subject.length - ending.length);
  if (subject.endsWith('的')) subject = subject.slice(0, -1);
  return { raw, trailingPunct, meetingNote, meetingDate, core, issuerPart, subject, genre, falseGenre };
}

/** 命令 and 令 are one 文种 (条例 Art 8(3)). */
export function sameGenre(a: string, b: string): boolean {
  const norm = (x: string) => (x === '命令' ? '令' : x);
  return norm(a) === norm(b);
}

// ---------------------------------------------------------------------------------------------
// 附件说明 (GB/T 9704-2012 7.3.4; F-10…F-12, X-09)

const NAME_TRAILING_PUNCT = /[。；，、：.,;:！？!?]$/u;
export function endsWithPunct(s: string): boolean {
  return NAME_TRAILING_PUNCT.test(s.trim());
}

/** F-10: single attachment, no number. */
export const ATT_SINGLE_RE = /^附件：(?!\d+[.．])(?<name>[^\s]+?)(?<![。；，、：.,;:])$/u;
/**
 * F-11 / F-12. Lenient on two points, both noted in format.ts: a full-width 下脚点 “．” is taken as
 * “.”, and one space after the point is allowed (the standard's own example reads “附件：1. ×××”).
 */
export const ATT_FIRST_RE = /^附件：1[.．] ?(?<name>\S.*?)(?<![。；，、：.,;:])$/u;
export const ATT_NEXT_RE = /^(?<n>[1-9]\d*)[.．] ?(?<name>\S.*?)(?<![。；，、：.,;:])$/u;

export interface AttachmentItem {
  /** the number written, or null when the note is a single unnumbered item */
  no: number | null;
  name: string;
  /** index of the first attachmentNote line of this item */
  line: number;
}

/**
 * Split the printed 附件说明 lines into items. A line that does not start with a number is taken
 * as the wrapped continuation of the item above (GB/T 9704 7.3.4: 回行时与上一行附件名称对齐).
 */
export function parseAttachmentNote(lines: readonly string[]): AttachmentItem[] {
  const items: AttachmentItem[] = [];
  lines.forEach((rawLine, i) => {
    let line = rawLine.trim();
    if (i === 0) line = line.replace(/^附\s*件\s*[：:]?\s*/u, '');
    const m = /^(\d+)\s*[.．、，,)）]?\s*(.*)$/u.exec(line);
    if (m && (i === 0 ? /^\d+\s*[.．、，,)）]/u.test(line) : true)) {
      items.push({ no: Number(m[1]), name: cleanName(m[2] ?? ''), line: i });
    } else if (i === 0) {
      items.push({ no: null, name: cleanName(line), line: i });
    } else {
      const prev = items[items.length - 1];
      if (prev) prev.name = cleanName(prev.name + line);
      else items.push({ no: null, name: cleanName(line), line: i });
    }
  });
  return items;
}

function cleanName(s: string): string {
  return s.replace(/\s+/gu, '').replace(/[。；，、：.,;:！？!?]+$/u, '');
}

/** Compare two attachment names ignoring spaces, trailing punctuation and 书名号. */
export function sameAttachmentName(a: string, b: string): boolean {
  const n = (x: string) => cleanName(x).replace(/[《》]/gu, '');
  return n(a) === n(b);
}

// ---------------------------------------------------------------------------------------------
// Body lines and 层次序数 (GB/T 9704-2012 7.3.3; F-16…F-19, X-10)

export interface Line {
  text: string /** 0-based line number in the body */;
  index: number;
}

export function bodyLines(body: string): Line[] {
  return body.split(/\r\n|\r|\n/u).map((text, index) => ({ text: text.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ''), index }));
}

const CN_NUM = '一二三四五六七八九十';

export interface HeadingInfo {
  level: 1 | 2 | 3 | 4;
  /** true when written exactly as GB/T 9704 7.3.3 and GB/T 15834 B.3 require */
  wellFormed: boolean;
  /** the numbering mark as written (e.g. “一.”, “(一)”, “1、”) */
  mark: string;
  /** the correct form of the mark */
  expected: string;
}

/**
 * Recognise a heading numbering at the start of a line, leniently (so that wrong forms are still
 * recognised), and say whether it is well-formed. Returns null for ordinary text.
 */
export function headingOf(text: string): HeadingInfo | null {
  let m: RegExpExecArray | null;
  // level 2 / 4: bracketed number, any bracket width, optional punctuation after
  m = new RegExp(`^([（(])\\s*([${CN_NUM}]+)\\s*([）)])([、，,．.：:]?)`, 'u').exec(text);
  if (m) {
    const ok = m[1] === '（' && m[3] === '）' && m[4] === '';
    return { level: 2, wellFormed: ok, mark: m[0], expected: `（${m[2]}）` };
  }
  m = /^([（(])\s*([1-9]\d?)\s*([）)])([、，,．.：:]?)/u.exec(text);
  if (m) {
    const ok = m[1] === '（' && m[3] === '）' && m[4] === '';
    return { level: 4, wellFormed: ok, mark: m[0], expected: `（${m[2]}）` };
  }
  // level 4 without opening bracket: “1)” / “1）”
  m = /^([1-9]\d?)([）)])(?!\d)/u.exec(text);
  if (m) return { level: 4, wellFormed: false, mark: m[0], expected: `（${m[1]}）` };
  // level 1: Chinese numeral followed by punctuation or a space
  m = new RegExp(`^([${CN_NUM}]+)(、|[.．，,：:;；]|[ \\u3000]+)(?![${CN_NUM}])`, 'u').exec(text);
  if (m && isChineseOrdinal(m[1] ?? '')) {
    return { level: 1, wellFormed: m[2] === '、', mark: m[0], expected: `${m[1]}、` };
  }
  // level 3: Arabic number (1–2 digits, so that years are not taken) and a point or wrong mark
  m = /^([1-9]\d?)([.．]|、|[，,：:]|[ \u3000]+)(?!\d)/u.exec(text);
  if (m) {
    const ok = m[2] === '.' || m[2] === '．';
    return { level: 3, wellFormed: ok, mark: m[0], expected: `${m[1]}.` };
  }
  return null;
}

function isChineseOrdinal(s: string): boolean {
  // 一…十, 十一…十九, 二十…九十九 (enough for headings)
  return /^(?:[一二三四五六七八九]|十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?)$/u.test(s);
}

// ---------------------------------------------------------------------------------------------
// Closing block of a body: 署名 line(s) above a 成文日期 line (GB/T 9704 7.3.5)

export interface ClosingBlock {
  /** the 署名 lines, top to bottom */
  names: Line[];
  date: Line;
  ymd: YMD | null;
}

const DATE_LINE_RE = /^(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d〇零一二三四五六七八九十]{1,3}\s*月\s*[\d〇零一二三四五六七八九十]{1,3}\s*日$/u;

/** The closing block when the body ends with a date line preceded by short name lines. */
export function closingBlock(body: string): ClosingBlock | null {
  const lines = bodyLines(body).filter((l) => l.text !== '');
  const last = lines[lines.length - 1];
  if (!last || !DATE_LINE_RE.test(last.text)) return null;
  const names: Line[] = [];
  for (let i = lines.length - 2; i >= 0 && names.length < 10; i--) {
    const l = lines[i];
    if (!l) break;
    if (l.text.length > 40 || /[。；，,;！？!?：:]/u.test(l.text) || headingOf(l.text)) break;
    if (l.text.startsWith('附件') || /^（.*）$/u.test(l.text)) break;
    if (last.index - l.index > names.length + 2) break; // names sit right above the date
    names.unshift(l);
  }
  return { names, date: last, ymd: parseDateLoose(last.text) };
}

/** Name comparison tolerant of spaces (the 署名 of some layouts is letter-spaced). */
export function sameName(a: string, b: string): boolean {
  const n = (x: string) => x.replace(/[\s\u3000]+/gu, '');
  return n(a) === n(b);
}

/** Strip a proxy mark (代, （代）) and spaces from a person's name. */
export function personName(s: string): string {
  return s.replace(/[\s\u3000]+/gu, '').replace(/[（(]?代[）)]?$/u, '');
}
