/**
 * Wording read out of a body by meaning rather than by set phrases:
 * - requests (R-ROUTE-06b): a request verb (请, 恳请, 望, 希, 请求, 申请…) followed, within the same
 *   clause, by what is asked for (批准, 支持, 解决, 拨付, 安排, 帮助, 协调…), with guards against
 *   the instructions a report quotes or describes (“请各单位认真贯彻”, “已发函请……”, text inside
 *   quotation marks or 书名号);
 * - statements of approval or authorisation (R-ROUTE-10): “经县人民政府同意”“已经县政府研究同意”
 *   “根据市委授权”, with the approving organs resolved against the organ graph (names.ts).
 *
 * Pure, no I/O, never throws.
 */
import { leadingOrgans } from './names';
import type { CheckOrgan } from './types';

// ---------------------------------------------------------------------------------------------
// Shared

const BOOK_OPEN = new Set(['《', '〈']);
const BOOK_CLOSE = new Set(['》', '〉']);
const QUOTE_OPEN = new Set(['“', '「', '『']);
const QUOTE_CLOSE = new Set(['”', '」', '』']);

/**
 * Whether each index of `text` is inside quotation marks or 书名号 (the marks themselves
 * included). A quote is a mark closed within its paragraph: the depth is reset at every line
 * break, and an opening mark that never closes in its paragraph (“为推进“放管服改革，经……同意”)
 * quotes nothing — a stray mark must not hide the rest of the document. Linear in `text`.
 */
function quotedMask(text: string): boolean[] {
  const depth = new Int32Array(text.length + 1); // +1 at an opening, -1 after its closing mark
  let books: number[] = [];
  let quotes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '\n' || c === '\r') {
      books = [];
      quotes = [];
    } else if (BOOK_OPEN.has(c)) books.push(i);
    else if (QUOTE_OPEN.has(c)) quotes.push(i);
    else if (BOOK_CLOSE.has(c) || QUOTE_CLOSE.has(c)) {
      const open = (BOOK_CLOSE.has(c) ? books : quotes).pop();
      if (open !== undefined) {
        depth[open] = (depth[open] ?? 0) + 1;
        depth[i + 1] = (depth[i + 1] ?? 0) - 1;
      }
    }
  }
  const mask: boolean[] = new Array<boolean>(text.length).fill(false);
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    d += depth[i] ?? 0;
    mask[i] = d > 0;
  }
  return mask;
}

/** How far `sentenceAt` and the look-back before a request verb read (each way). */
export const SENTENCE_REACH = 200;

/**
 * The sentence of `text` around index `at` (between 。！？；, line breaks), trimmed; at most
 * SENTENCE_REACH characters each way from `at` … `end` (a body without punctuation is not read
 * whole for each hit).
 */
export function sentenceAt(text: string, at: number, end = at): string {
  const { a, b } = sentenceBounds(text, at, end);
  return text.slice(a, b).trim();
}

const SENTENCE_STOP = /[。！？!?；;\n]/u;

/** [start, end) of the sentence around `at` … `end`, and whether the reach cut it short. */
function sentenceBounds(text: string, at: number, end: number): { a: number; b: number; cutStart: boolean; cutEnd: boolean } {
  const lo = Math.max(0, at - SENTENCE_REACH);
  const hi = Math.min(text.length, end + SENTENCE_REACH);
  let a = at;
  while (a > lo && !SENTENCE_STOP.test(text[a - 1] ?? '')) a--;
  let b = end;
  while (b < hi && !SENTENCE_STOP.test(text[b] ?? '')) b++;
  const cutStart = a > 0 && !SENTENCE_STOP.test(text[a - 1] ?? '');
  const cutEnd = b < text.length && !SENTENCE_STOP.test(text[b] ?? '');
  if (b < text.length && /[。！？!?；;]/u.test(text[b] ?? '')) b++;
  return { a, b, cutStart, cutEnd };
}

const CLAUSE_STOPS: ReadonlySet<string> = new Set(['，', ',', '。', '；', ';', '！', '？', '!', '?', '\n']);

/**
 * The clause of `text` that ends at `at`: back to the nearest of `stops` (not included), at most
 * SENTENCE_REACH characters. A bounded backward scan, where an end-anchored pattern over the
 * whole prefix would be retried from every position before `at` (quadratic over a long body).
 */
export function clauseBefore(text: string, at: number, stops: ReadonlySet<string> = CLAUSE_STOPS): string {
  const lo = Math.max(0, at - SENTENCE_REACH);
  let a = at;
  while (a > lo && !stops.has(text[a - 1] ?? '')) a--;
  return text.slice(a, at);
}

// ---------------------------------------------------------------------------------------------
// Requests

/**
 * The precise request formulas of the digest (§3 F-22): errors in a 报告. “报请批准”“提请审批”
 * describe a procedure and are not requests.
 */
export const REQUEST_WORDING = /(妥否|当否|是否可行|可否)[，,]?\s*请(批示|批复|审批|指示)|请予(批准|批复|审批)|(?<![报提呈申])请(批准|审批)/gu;

const PRECISE = new RegExp(REQUEST_WORDING.source, 'u');

export function requestPhrases(body: string): string[] {
  return [...body.matchAll(REQUEST_WORDING)].map((m) => m[0]);
}

/** Verbs that ask (longest first). 请 alone excludes 请示, 邀请, 聘请, 提请, 报请, 呈请, 申请(handled), 宴请… */
export const REQUEST_VERBS = ['恳请', '敬请', '特请', '烦请', '拟请', '请求', '恳求', '申请', '恳望', '希望', '盼望', '期望', '望', '希', '请'] as const;
/**
 * What a request asks for. 审议/审阅 are absent on purpose (“请予审议” closes a 报告 to the 人大常委会),
 * and so are 予以/给予, which only carry the object (“恳请予以支持”).
 */
export const REQUEST_OBJECTS = [
  '批准',
  '批复',
  '审批',
  '核准',
  '审定',
  '同意',
  '支持',
  '解决',
  '拨付',
  '拨款',
  '核拨',
  '下拨',
  '安排',
  '帮助',
  '协调',
  '补助',
  '追加',
  '倾斜',
  '帮扶',
  '列入',
  '纳入',
  '指示',
  '批示',
] as const;

/**
 * 望 after 有/众/厚/无/瞻/仰/遥/张/凝/热… is not a request (有望纳入, 众望所归, 厚望, 无望, 瞻望,
 * 仰望, 遥望, 张望, 凝望, 热望); neither is 有希望. 申请到/申请下来 report what was obtained.
 */
const VERB_RE =
  /(?:恳请|敬请|特请|烦请|拟请|请求|恳求|(?<![已曾的])申请(?!的|书|表|人|单位|材料|到|下来)|恳望|(?<!有)希望(?!工程|小学|田野)|盼望|期望|(?<![展失观声渴守眺企希盼期看愿威名探绝指有众厚无瞻仰遥张凝热])望(?![着见远城江])|希(?![望腊冀])|(?<![邀聘提报呈申宴吁恳敬特烦拟回转])请(?![示假教来到柬客愿求辞战缨命]))/gu;
const OBJECT_RE = new RegExp(`(?:${REQUEST_OBJECTS.join('|')})`, 'u');
/** the addressee after the verb is not the superior but the issuer's own or lower units */
const NOT_UPWARD = /^(?:各|其|全县|全市|全区|全省|全镇|全乡|全体|我们|我|本|大家|广大|你们|你|群众|干部|同志们)/u;
/** the clause before the verb says this was done (a report of past instructions or requests) */
const PAST_BEFORE = /(?:已经|已|曾|先后|多次|此前|分别|均已|及时|随即|当即|于\d{1,2}月|\d{1,2}月\d{1,2}日)[^，,。；;\n]*$/u;
/** the clause before the verb describes the issuer's own effort (“我县积极申请……”) */
const EFFORT_BEFORE = /(?:积极|努力|主动|全力|多方)地?(?:向[^，,。；;！？!?\n]{1,12})?$/u;
/**
 * a later clause of the sentence opens by saying the request was granted (“……，已获批复”“……，
 * 并已批准”); “确保已批准的项目……” is not that
 */
const GRANTED_AFTER = /[，,]\s*(?:并|现|目前|均)?已(?:获|经?(?:批复|批准|下达))/u;
/** the previous clause ends with sending a text (“我局已发函，请……”) */
const SENT_BEFORE = /(?:发函|致函|去函|函告|行文|发文|下发|印发|通知|要求|强调|指出|提出|部署)[^，,。；;\n]{0,12}[，,：:]\s*$/u;

export interface RequestHit {
  /** the words matched (verb … object) */
  phrase: string;
  /** the whole sentence, for the message */
  sentence: string;
  index: number;
}

/**
 * Requests worded in other ways than the set formulas: a request verb and, within the same clause
 * (at most 14 characters further), something asked for. Sentences with a precise formula are
 * left to `requestPhrases`; one hit per sentence.
 */
export function requestSentences(body: string): RequestHit[] {
  const out: RequestHit[] = [];
  const quoted = quotedMask(body);
  const seen = new Set<string>();
  let reportedTo = -1; // end of the last sentence reported (a long unpunctuated run is one sentence)
  for (const m of body.matchAll(VERB_RE)) {
    const at = m.index ?? 0;
    if (quoted[at] || at < reportedTo) continue;
    const from = at + m[0].length;
    const clause = /^[^。；;！？!?\n，,]{0,16}/u.exec(body.slice(from, from + 16))?.[0] ?? '';
    const obj = OBJECT_RE.exec(clause);
    if (!obj) continue;
    const gap = clause.slice(0, obj.index);
    if (NOT_UPWARD.test(gap.replace(/^(?:予以|给予)/u, ''))) continue;
    if (/已|了|均|都已/u.test(gap)) continue; // “申请的资金已拨付” reports a result
    if (/通过|借助|依托|借此|以此/u.test(gap)) continue; // “希望通过整改解决……” states a means
    const before = clauseBefore(body, at);
    if (PAST_BEFORE.test(before) || EFFORT_BEFORE.test(before) || SENT_BEFORE.test(body.slice(Math.max(0, at - 24), at))) continue;
    const end = from + obj.index + obj[0].length;
    const { a, b, cutStart, cutEnd } = sentenceBounds(body, at, end);
    if (GRANTED_AFTER.test(body.slice(end, b))) continue; // “……，已获批复”: the request was granted
    const sentence = `${cutStart ? '……' : ''}${body.slice(a, b).trim()}${cutEnd ? '……' : ''}`;
    if (seen.has(sentence)) continue;
    if (PRECISE.test(sentence)) continue;
    seen.add(sentence);
    reportedTo = b;
    // a sentence longer than the reach is still one sentence: skip to its end (each character
    // is passed over once in all, so the whole body stays linear)
    if (cutEnd) while (reportedTo < body.length && !SENTENCE_STOP.test(body[reportedTo] ?? '')) reportedTo++;
    out.push({ phrase: body.slice(at, end), sentence, index: at });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Statements of approval or authorisation

/**
 * “经/已经/业经 X (研究)同意|批准|审议通过”; X is read as organ names by `leadingOrgans`. “……同意后，
 * 由各乡镇组织实施” states a condition, not an approval given (unless the sentence goes on “现/特……”).
 */
const APPROVAL_RE =
  /(?<![未须需应当要得没若如凡待不拟将])(?:已经|业经|经过|报经|均经|经)\s*(?<who>[^。；;，,：:！？!?\n]{1,40}?)(?:研究|审议|审定|会议研究|同意并)?(?<verb>同意|批准|审议通过|通过)(?!后(?:方可|才|再|报|实施|执行|[，,](?![现特兹今])))/gu;
/** “根据/按照/受 X 授权|委托” */
const MANDATE_RE = /(?:根据|按照|依据|受)\s*(?<who>[^。；;，,：:！？!?\n]{1,30}?)(?:的)?(?<verb>授权|委托)/gu;
/** what may follow the organ names in an approval: a meeting, a study, its leaders */
const AFTER_ORGANS =
  /^(?:$|第|\d|常务会议|常委会|常委会议|全体会议|全委会|全会|会议|专题会议|办公会议|党组|研究|审议|审定|领导|主要领导|主要负责同志|负责同志|同志|批准|同意)/u;
/** words that make an unresolved approver look like an organ name (for the message) */
const ORGAN_LIKE = /政府|党委|委员会|[省市县区州镇乡]委|人大|常委会|办公[厅室]|[局厅部办]$|国务院|中央/u;
/** words before the organ names that do not change who approves (经请示县政府同意) */
const BEFORE_ORGANS = /^(?:请示|报请|呈报|报|提请|提交)/u;

export interface ApprovalStatement {
  /** the statement as written (经县人民政府同意) */
  text: string;
  /** the organ names read, as written */
  named: string[];
  /** the organs they may stand for */
  organs: CheckOrgan[];
  index: number;
}

/**
 * Statements in the body that an organ approved or authorised the document, with the organs
 * named resolved against the graph; a statement whose approver is not a known organ name is
 * returned with `organs: []` (and the words read in `named`).
 */
export function approvalStatements(organs: ReadonlyMap<string, CheckOrgan>, body: string): ApprovalStatement[] {
  const out: ApprovalStatement[] = [];
  const quoted = quotedMask(body);
  for (const re of [APPROVAL_RE, MANDATE_RE]) {
    for (const m of body.matchAll(re)) {
      const at = m.index ?? 0;
      if (quoted[at]) continue;
      const who = (m.groups?.who ?? '').replace(BEFORE_ORGANS, '');
      const read = leadingOrgans(organs, who);
      const ok = read.mentions.length > 0 && AFTER_ORGANS.test(read.rest);
      if (!ok && !ORGAN_LIKE.test(who)) continue; // “经过努力……通过验收”: not an approval
      out.push({
        text: m[0],
        named: ok ? read.mentions.map((x) => x.text) : [who],
        organs: ok ? read.mentions.flatMap((x) => x.organs) : [],
        index: at,
      });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
