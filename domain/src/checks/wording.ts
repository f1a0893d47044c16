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

/** Depth of quotation marks and 书名号 at each index of `text` (> 0 = inside quoted text). */
function quotedMask(text: string): boolean[] {
  const mask: boolean[] = new Array<boolean>(text.length).fill(false);
  let book = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '《' || c === '〈') book++;
    if (c === '“' || c === '「' || c === '『') quote++;
    mask[i] = book > 0 || quote > 0;
    if (c === '》' || c === '〉') book = Math.max(0, book - 1);
    if (c === '”' || c === '」' || c === '』') quote = Math.max(0, quote - 1);
  }
  return mask;
}

/** The sentence of `text` around index `at` (between 。！？；, line breaks), trimmed. */
export function sentenceAt(text: string, at: number, end = at): string {
  const stops = /[。！？!?；;\n]/u;
  let a = at;
  while (a > 0 && !stops.test(text[a - 1] ?? '')) a--;
  let b = end;
  while (b < text.length && !stops.test(text[b] ?? '')) b++;
  if (b < text.length && /[。！？!?；;]/u.test(text[b] ?? '')) b++;
  return text.slice(a, b).trim();
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

const VERB_RE =
  /(?:恳请|敬请|特请|烦请|拟请|请求|恳求|(?<![已曾的])申请(?!的|书|表|人|单位|材料)|恳望|希望(?!工程|小学|田野)|盼望|期望|(?<![展失观声渴守眺企希盼期看愿威名探绝指])望(?![着见远城江])|希(?![望腊冀])|(?<![邀聘提报呈申宴吁恳敬特烦拟回转])请(?![示假教来到柬客愿求辞战缨命]))/gu;
const OBJECT_RE = new RegExp(`(?:${REQUEST_OBJECTS.join('|')})`, 'u');
/** the addressee after the verb is not the superior but the issuer's own or lower units */
const NOT_UPWARD = /^(?:各|其|全县|全市|全区|全省|全镇|全乡|全体|我们|我|本|大家|广大|你们|你|群众|干部|同志们)/u;
/** the clause before the verb says this was done (a report of past instructions or requests) */
const PAST_BEFORE = /(?:已经|已|曾|先后|多次|此前|分别|均已|及时|随即|当即|于\d{1,2}月|\d{1,2}月\d{1,2}日)[^，,。；;\n]*$/u;
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
  for (const m of body.matchAll(VERB_RE)) {
    const at = m.index ?? 0;
    if (quoted[at]) continue;
    const after = body.slice(at + m[0].length);
    const clause = /^[^。；;！？!?\n，,]{0,16}/u.exec(after)?.[0] ?? '';
    const obj = OBJECT_RE.exec(clause);
    if (!obj) continue;
    const gap = clause.slice(0, obj.index);
    if (NOT_UPWARD.test(gap.replace(/^(?:予以|给予)/u, ''))) continue;
    if (/已|了|均|都已/u.test(gap)) continue; // “申请的资金已拨付” reports a result
    if (/通过|借助|依托|借此|以此/u.test(gap)) continue; // “希望通过整改解决……” states a means
    const before = body.slice(0, at);
    const clauseBefore = /[^，,。；;！？!?\n]*$/u.exec(before)?.[0] ?? '';
    if (PAST_BEFORE.test(clauseBefore) || SENT_BEFORE.test(before.slice(-24))) continue;
    const end = at + m[0].length + obj.index + obj[0].length;
    const sentence = sentenceAt(body, at, end);
    if (seen.has(sentence)) continue;
    if (PRECISE.test(sentence)) continue;
    seen.add(sentence);
    out.push({ phrase: body.slice(at, end), sentence, index: at });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Statements of approval or authorisation

/** “经/已经/业经 X (研究)同意|批准|审议通过”; X is read as organ names by `leadingOrgans`. */
const APPROVAL_RE =
  /(?<![未须需应当要得没若如凡待不拟将])(?:已经|业经|经过|报经|均经|经)\s*(?<who>[^。；;，,：:！？!?\n]{1,40}?)(?:研究|审议|审定|会议研究|同意并)?(?<verb>同意|批准|审议通过|通过)(?!后(?:方可|才|再|报|实施|执行))/gu;
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
