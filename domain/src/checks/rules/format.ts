/**
 * Format rules F-01…F-22 (gongwen-rules.md §3, “Validation catalog”): the form of single
 * elements — 发文字号, 令号, 成文日期, 密级和保密期限, 紧急程度, 份号, 附件说明, 附注, 标题,
 * 层次序数, citations.
 *
 * Severity choices where the digest leaves them open (one line each; see also the report):
 * - A structured field that breaks a [TEXT] clause of GB/T 9704-2012 or the 条例 → error
 *   (F-01, F-03, F-05, F-06, F-07, F-10…F-13, F-20).
 * - A clause worded “一般” (F-08 份号: “一般用6位”) or a [PRACTICE] form (F-02 令号,
 *   F-21 先引标题后引字号) → warning.
 * - Rules whose element is not a field of the contract (印发 line F-04, 页码 F-09, 主送 line F-14,
 *   抄送 line F-15, headings F-16…F-19) look for that element in `document.body` (drafts are
 *   often pasted whole); a text heuristic never blocks → warning.
 * - F-22 (请示 wording in a 报告) is the text heuristic behind R-ROUTE-06b → warning.
 * - F-03 / F-08 on a document dated before 2012-07-01 (the 条例 and GB/T 9704-2012 were not yet in
 *   force) → info. F-21 checks citations only (a number with an organ 代字, text.ts
 *   `findDocNoTokens().citation`), not a 办文单's or register's own numbers.
 *
 * Leniencies against the catalogue regexes (noted where used): a full-width 下脚点 “．” counts as
 * “.” in 附件说明 and headings; one space is allowed after “1.” in 附件说明 (the standard's own
 * example reads “附件：1. ×××”); “（第×号）” / “〔年〕×号” are accepted as 纪要编号.
 */
import type { CheckContext, Finding, RuleDef } from '../types';
import {
  ATT_FIRST_RE,
  ATT_NEXT_RE,
  ATT_SINGLE_RE,
  MINUTES_NO_RE,
  ORDER_NO_RE,
  bodyLines,
  cnDateProblems,
  docNoProblems,
  findDocNoTokens,
  headingOf,
  parseAttachmentNote,
  parseDateAny,
  parseTitle,
  predates2012Rules,
  ymdToString,
  type HeadingInfo,
} from '../text';
import { addresseeName, finding, lineNo, q, safe } from './format-shared';

// ---------------------------------------------------------------------------------------------

function isOrderDoc(ctx: CheckContext): boolean {
  const d = ctx.doc;
  return d.type === '命令' || d.type === '令' || d.layout === '命令';
}

const F01: RuleDef = {
  id: 'F-01',
  severity: 'error',
  title: '发文字号由发文机关代字、年份（四位，六角括号〔〕括入）和不加“第”、不编虚位的顺序号加“号”组成',
  source: 'GB/T 9704-2012 7.2.5；《条例》第九条第（五）项',
  check(ctx) {
    const { docNo } = ctx.doc;
    if (docNo == null || docNo.trim() === '' || isOrderDoc(ctx)) return [];
    // [PRACTICE] 纪要编号 may be “（第×号）” or “〔2016〕×号” (GB/T 9704 10.3 lets units decide).
    if ((ctx.doc.type === '纪要' || ctx.doc.layout === '纪要') && MINUTES_NO_RE.test(docNo)) return [];
    const problems = docNoProblems(docNo);
    if (problems.length === 0) return [];
    return [finding(this, 'document.docNo', `发文字号${q(docNo)}不规范：${problems.join('；')}。应写作“代字〔年份〕序号号”，如“县政发〔2024〕18号”`)];
  },
};

const F02: RuleDef = {
  id: 'F-02',
  severity: 'warning', // [PRACTICE] 令号 form
  title: '命令（令）的令号写作“第×号”，不加年份、不编虚位',
  source: 'GB/T 9704-2012 10.2；惯例',
  check(ctx) {
    const { docNo } = ctx.doc;
    if (docNo == null || docNo.trim() === '' || !isOrderDoc(ctx)) return [];
    if (ORDER_NO_RE.test(docNo)) return [];
    const why: string[] = [];
    if (/[〔[【（(]\s*\d{2,4}\s*[〕\]】）)]/u.test(docNo)) why.push('令号不含年份');
    if (/第\s*0/u.test(docNo)) why.push('不编虚位（如1不编为01）');
    if (/^[^第]+第/u.test(docNo)) why.push('版头只印“第×号”，机关名称在发文机关标志中');
    if (/\s/u.test(docNo)) why.push('不含空格');
    if (!/号$/u.test(docNo)) why.push('以“号”字结尾');
    return [finding(this, 'document.docNo', `令号${q(docNo)}不规范${why.length ? `（${why.join('；')}）` : ''}，应写作“第×号”，如“第733号”`)];
  },
};

/**
 * F-03 applies GB/T 9704-2012 7.3.5.4, in force from 2012-07-01 with the 条例. A document dated
 * before that day was written under GB/T 9704-1999 and the old 办法 (成文日期 in Chinese numerals
 * for many organs): its form is only noted (info), not an error. A date that does not exist is an
 * error whenever it was written.
 */
const F03: RuleDef = {
  id: 'F-03',
  severity: 'error',
  title: '成文日期用阿拉伯数字将年、月、日标全，年份标全称，月、日不编虚位，且为真实日期（2012年7月1日前成文的公文不适用现行写法，仅提示）',
  source: 'GB/T 9704-2012 7.3.5.4',
  check(ctx) {
    const { date } = ctx.doc;
    if (date == null || date.trim() === '') return [];
    const problems = cnDateProblems(date);
    if (problems.length === 0) return [];
    const ymd = parseDateAny(date);
    if (ymd && predates2012Rules(date)) {
      return [
        finding(
          this,
          'document.date',
          `成文日期${q(date)}早于《党政机关公文处理工作条例》和GB/T 9704-2012施行之日（2012年7月1日），当时的写法不按现行标准判断（按现行标准写作“${ymdToString(ymd)}”）`,
          'info',
        ),
      ];
    }
    return [finding(this, 'document.date', `成文日期${q(date)}不规范：${problems.join('；')}。应写作“2024年6月3日”的形式`)];
  },
};

// F-04 印发机关和印发日期 line (版记). The contract has no field for it: when the body carries
// a 版记 (a pasted draft), its 印发 line is checked.
/** any line that ends with a date followed by 印发 */
export const PRINT_LINE_LOOSE =
  /^(?<org>.*?)(?<sep>\s*)(?<date>(?:\d+|[〇零一二三四五六七八九十]+)\s*年\s*[\d〇零一二三四五六七八九十]+\s*月\s*[\d〇零一二三四五六七八九十]+\s*日)\s*印\s*发$/u;

const F04: RuleDef = {
  id: 'F-04',
  severity: 'warning', // heuristic on the body text
  title: '版记的印发机关和印发日期写作“印发机关 ××××年×月×日印发”，日期用阿拉伯数字标全、不编虚位',
  source: 'GB/T 9704-2012 7.4.3',
  check(ctx) {
    const out: Finding[] = [];
    for (const l of bodyLines(ctx.doc.body)) {
      const m = PRINT_LINE_LOOSE.exec(l.text);
      if (!m?.groups) continue;
      const why: string[] = [];
      const org = (m.groups.org ?? '').trim();
      if (org === '') why.push('缺少印发机关');
      else if ((m.groups.sep ?? '') === '') why.push('印发机关与印发日期之间应留空');
      why.push(...cnDateProblems(m.groups.date ?? '').map((p) => `印发日期${p}`));
      if (/印\s+发$/u.test(l.text)) why.push('“印发”二字之间不加空格');
      if (why.length === 0) continue;
      out.push(
        finding(this, 'document.body', `正文${lineNo(l.index)}的印发行${q(l.text)}不规范：${why.join('；')}。应写作“某县人民政府办公室 2024年6月3日印发”`),
      );
    }
    return out;
  },
};

// F-05 密级和保密期限
const SECRECY_TERM_RE = /^(?:[1-9]\d*年|[1-9]\d*个月|长期)$/u;

/** Split a secrecyTerm that may carry the level (秘密★1年) into level and term. */
export function splitSecrecyTerm(raw: string): { level: string | null; sep: string; term: string } {
  const m = /^(绝密|机密|秘密)\s*([★☆*＊·\s]*)\s*(.*)$/u.exec(raw.trim());
  if (m) return { level: m[1] ?? null, sep: m[2] ?? '', term: (m[3] ?? '').trim() };
  return { level: null, sep: '', term: raw.trim() };
}

const F05: RuleDef = {
  id: 'F-05',
  severity: 'error',
  title: '保密期限写作“×年”“×个月”或“长期”，数字用阿拉伯数字，与密级之间用“★”隔开',
  source: '《条例》第九条第（二）项；GB/T 9704-2012 7.2.2',
  check(ctx) {
    const { secrecy, secrecyTerm } = ctx.doc;
    if (secrecyTerm == null || secrecyTerm.trim() === '') return [];
    const { level, sep, term } = splitSecrecyTerm(secrecyTerm);
    const why: string[] = [];
    if (level !== null) {
      if (secrecy !== 'none' && level !== secrecy) why.push(`期限前的密级“${level}”与文件密级“${secrecy}”不一致`);
      if (sep.trim() !== '★') why.push('密级与保密期限之间应使用“★”');
    }
    if (!SECRECY_TERM_RE.test(term)) {
      if (/[〇零一二三四五六七八九十百两]/u.test(term)) why.push('保密期限中的数字应使用阿拉伯数字');
      else if (term === '') why.push('缺少期限');
      else why.push(`期限“${term}”应写作“×年”“×个月”或“长期”`);
    }
    if (why.length === 0) return [];
    return [finding(this, 'document.secrecyTerm', `保密期限${q(secrecyTerm)}不规范：${why.join('；')}。应写作如“秘密★1年”或“10年”`)];
  },
};

// F-06 / F-07 紧急程度. The contract's enum already admits only 特急/加急; the value checks guard
// documents that reach the engine from storage (e.g. an incoming telegram registered by hand).
const URGENCY_MARK_IN_TITLE =
  /^[【[（(〔<《「]?\s*(特急|加急|急件|紧急|特提|平急)\s*[】\]）)〕>》」]?\s*[：:\s]|^[【[（(〔]\s*(特急|加急|急件|紧急|特提|平急)\s*[】\]）)〕]|[【[（(〔]\s*(特急|加急|急件|紧急|特提|平急)\s*[】\]）)〕]$/u;

function titleUrgencyMark(title: string): string | null {
  const m = URGENCY_MARK_IN_TITLE.exec(title.trim());
  return m ? (m[1] ?? m[2] ?? m[3] ?? null) : null;
}

const F06: RuleDef = {
  id: 'F-06',
  severity: 'error',
  title: '公文的紧急程度只标注“特急”或“加急”，标在版头，不写入标题',
  source: '《条例》第九条第（三）项；GB/T 9704-2012 7.2.3',
  check(ctx) {
    const out: Finding[] = [];
    const u = String(ctx.doc.urgency ?? 'none');
    if (!['none', '特急', '加急', '特提', '平急'].includes(u)) {
      out.push(finding(this, 'document.urgency', `紧急程度“${u}”不是规定的标注，公文只标注“特急”或“加急”（不急的公文不标注）`));
    }
    const mark = titleUrgencyMark(ctx.doc.title);
    if (mark && mark !== '特提' && mark !== '平急') {
      const fix = mark === '特急' || mark === '加急' ? `紧急程度“${mark}”` : '紧急程度（“特急”或“加急”）';
      out.push(finding(this, 'document.title', `标题中写有“${mark}”：${fix}应在版头左上角标注（紧急程度字段），请从标题中删去`));
    }
    return out;
  },
};

const F07: RuleDef = {
  id: 'F-07',
  severity: 'error',
  title: '“特提”“平急”只用于电报，公文不得标注',
  source: '《条例》第九条第（三）项',
  check(ctx) {
    const out: Finding[] = [];
    const u = String(ctx.doc.urgency ?? 'none');
    if (u === '特提' || u === '平急') {
      out.push(finding(this, 'document.urgency', `紧急程度“${u}”只用于电报，公文应标注“特急”或“加急”，或不标注`));
    }
    const mark = titleUrgencyMark(ctx.doc.title);
    if (mark === '特提' || mark === '平急') {
      out.push(finding(this, 'document.title', `标题中写有“${mark}”：该等级只用于电报，公文的紧急程度只标“特急”或“加急”且在版头标注，请从标题中删去`));
    }
    return out;
  },
};

const F08: RuleDef = {
  id: 'F-08',
  severity: 'warning', // GB 7.2.1: “一般用6位3号阿拉伯数字”
  title: '份号一般用6位阿拉伯数字（如000001）；2012年7月1日前成文的公文用7位份号的，仅提示',
  source: 'GB/T 9704-2012 7.2.1',
  check(ctx) {
    const { copyNo } = ctx.doc;
    if (copyNo == null || copyNo.trim() === '') return [];
    if (/^\d{6}$/u.test(copyNo) && !/^0+$/u.test(copyNo)) return [];
    let why: string;
    if (/^0+$/u.test(copyNo)) why = '份号是印制份数的顺序号，从000001起编';
    else if (!/^\d+$/u.test(copyNo)) why = '应只含阿拉伯数字';
    else if (copyNo.length === 7) {
      if (predates2012Rules(ctx.doc.date)) {
        return [
          finding(this, 'document.copyNo', `份号${q(copyNo)}为7位：本文成文于2012年7月1日之前，当时的GB/T 9704-1999规定份号用7位，不按现行6位判断`, 'info'),
        ];
      }
      why = '7位份号是已废止的GB/T 9704-1999的写法，现行标准为6位';
    } else if (copyNo.length < 6) why = `应补足6位，如“${copyNo.padStart(6, '0')}”`;
    else why = '位数过多，应为6位';
    return [finding(this, 'document.copyNo', `份号${q(copyNo)}不规范：${why}`)];
  },
};

// F-09 页码 (outside the 版心). Not a field: flag page-number lines pasted into the body.
const PAGE_LIKE_RE =
  /^(?:[-—–－─~～]{1,2}\s*\d+\s*[-—–－─~～]{1,2}|第\s*\d+\s*页(?:\s*[，,、]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页|\d+\s*\/\s*\d+|[Pp](?:age|\.)?\s*\d+)$/u;
const PAGE_OK_RE = /^— [1-9]\d* —$/u;

const F09: RuleDef = {
  id: 'F-09',
  severity: 'warning', // heuristic on the body text
  title: '页码写作“— 1 —”（一字线、半角数字），不写“第×页”“-1-”',
  source: 'GB/T 9704-2012 7.5',
  check(ctx) {
    const out: Finding[] = [];
    for (const l of bodyLines(ctx.doc.body)) {
      if (!PAGE_LIKE_RE.test(l.text) || PAGE_OK_RE.test(l.text)) continue;
      out.push(
        finding(
          this,
          'document.body',
          `正文${lineNo(l.index)}${q(l.text)}像是页码，格式不规范：页码应写作“— 1 —”（两侧各一条一字线，数字不编虚位），通常由排版自动生成，请从正文中删去`,
        ),
      );
    }
    return out;
  },
};

// F-10 … F-12 附件说明
function attPath(i: number): string {
  return `document.attachmentNote[${i}]`;
}
function trailingPunctMsg(line: string): string | null {
  return /[。；，、：.,;:！？!?]$/u.test(line.trim()) ? '附件名称后不加标点符号' : null;
}

/** several attachments: more than one numbered item in the 附件说明, or more than one attachment
 * (a single name wrapped over two lines is still one attachment) */
function multiAttachments(ctx: CheckContext): boolean {
  return parseAttachmentNote(ctx.doc.attachmentNote).length > 1 || ctx.doc.attachments.length > 1;
}

/** Problems of the “附件：” head of the first 附件说明 line. */
function headProblems(t: string): string[] {
  if (!/^附件/u.test(t)) return ['应以“附件”二字开头'];
  if (/^附件:/u.test(t)) return ['“附件”后应使用全角冒号“：”'];
  if (!/^附件：/u.test(t)) return ['“附件”后应紧跟全角冒号“：”'];
  return [];
}

const F10: RuleDef = {
  id: 'F-10',
  severity: 'error',
  title: '只有一个附件时，附件说明写作“附件：附件名称”，不编序号，全角冒号，名称后不加标点',
  source: 'GB/T 9704-2012 7.3.4',
  check(ctx) {
    const lines = ctx.doc.attachmentNote;
    if (lines.length === 0 || multiAttachments(ctx)) return [];
    const line = lines[0] ?? '';
    if (ATT_SINGLE_RE.test(line)) return [];
    const t = line.trim();
    const why = headProblems(t);
    if (/^附件[：:]?\s*\d+\s*[.．、，,)）]/u.test(t)) why.push('只有一个附件时不编序号');
    if (/^附件[：:].*\s/u.test(t)) why.push('附件说明中不加空格');
    const p = trailingPunctMsg(line);
    if (p) why.push(p);
    if (why.length === 0) why.push('应写作“附件：附件名称”');
    return [finding(this, attPath(0), `附件说明${q(line)}不规范：${why.join('；')}`)];
  },
};

const F11: RuleDef = {
  id: 'F-11',
  severity: 'error',
  title: '有多个附件时，附件说明首行写作“附件：1.附件名称”，序号后用下脚点，名称后不加标点',
  source: 'GB/T 9704-2012 7.3.4',
  check(ctx) {
    const lines = ctx.doc.attachmentNote;
    if (lines.length === 0 || !multiAttachments(ctx)) return [];
    const line = lines[0] ?? '';
    if (ATT_FIRST_RE.test(line)) return [];
    const t = line.trim();
    const why = headProblems(t);
    const num = /^附件[：:]?\s*(\d+)\s*([.．、，,)）]?)/u.exec(t);
    if (!num) why.push('多个附件应编序号，首项为“1.”');
    else {
      if (num[1] !== '1') why.push(`首项序号应为“1”，不是“${num[1]}”`);
      if (num[2] !== '.' && num[2] !== '．') why.push(`序号后应使用下脚点“.”，不用“${num[2] || '空格'}”`);
    }
    const p = trailingPunctMsg(line);
    if (p) why.push(p);
    if (why.length === 0) why.push('应写作“附件：1.附件名称”');
    return [finding(this, attPath(0), `附件说明首行${q(line)}不规范：${why.join('；')}`)];
  },
};

const F12: RuleDef = {
  id: 'F-12',
  severity: 'error',
  title: '附件说明第二项起写作“2.附件名称”，序号连续，序号后用下脚点，名称后不加标点',
  source: 'GB/T 9704-2012 7.3.4',
  check(ctx) {
    const lines = ctx.doc.attachmentNote;
    const out: Finding[] = [];
    let expected = 2;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i] ?? '';
      const t = line.trim();
      // a line without a leading number is the wrapped rest of the name above (7.3.4)
      const num = /^(\d+)\s*([.．、，,)）]?)/u.exec(t);
      if (!num) {
        const p = trailingPunctMsg(line);
        if (p) out.push(finding(this, attPath(i), `附件说明${q(line)}：${p}`));
        continue;
      }
      const why: string[] = [];
      if (Number(num[1]) !== expected) why.push(`序号应为“${expected}”，不是“${num[1]}”`);
      if (num[2] !== '.' && num[2] !== '．') why.push(`序号后应使用下脚点“.”，不用“${num[2] || '空格'}”`);
      const p = trailingPunctMsg(line);
      if (p) why.push(p);
      if (why.length === 0 && !ATT_NEXT_RE.test(line)) why.push('序号后应紧接附件名称');
      expected = Number(num[1]) + 1;
      if (why.length) out.push(finding(this, attPath(i), `附件说明${q(line)}不规范：${why.join('；')}`));
    }
    return out;
  },
};

const F13: RuleDef = {
  id: 'F-13',
  severity: 'error',
  title: '附注加全角圆括号“（）”编排',
  source: 'GB/T 9704-2012 7.3.6',
  check(ctx) {
    const { note } = ctx.doc;
    if (note == null || note.trim() === '') return [];
    const t = note.trim();
    if (/^（.+）$/u.test(t) && balancedOuter(t)) return [];
    let why: string;
    if (/^\(.*\)$/u.test(t) || /^[（(].*[）)]$/u.test(t)) why = '应使用全角圆括号“（）”，不用半角括号';
    else if (/^（.+）/u.test(t)) why = '括号外还有文字，附注应整体括入一对圆括号';
    else why = '附注应整体加圆括号，如“（联系人：张某，电话：12345678）”';
    return [finding(this, 'document.note', `附注${q(t)}不规范：${why}`)];
  },
};

/** true when the first “（” closes at the very end (not “（甲）（乙）”). */
function balancedOuter(t: string): boolean {
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '（') depth++;
    else if (c === '）') {
      depth--;
      if (depth === 0 && i !== t.length - 1) return false;
    }
  }
  return depth === 0;
}

// F-14 主送 line: the rendered line comes from document.mainTo; a 主送 line typed at the top of the
// body is checked.
const F14: RuleDef = {
  id: 'F-14',
  severity: 'warning', // heuristic on the body text
  title: '主送机关最后一个机关名称后标全角冒号“：”',
  source: 'GB/T 9704-2012 7.3.2',
  check(ctx) {
    const first = bodyLines(ctx.doc.body).find((l) => l.text !== '');
    if (!first) return [];
    const t = first.text;
    if (t.length > 300 || /[。；！？;!?]/u.test(t) || headingOf(t)) return [];
    if (/:$/u.test(t) && !/：$/u.test(t)) {
      return [finding(this, 'document.body', `正文首行（主送机关）${q(t)}末尾使用了半角冒号，应改为全角冒号“：”`)];
    }
    if (/[：:]$/u.test(t)) return [];
    // a first line that is only the names of the main addressees, without the colon
    const names = ctx.doc.mainTo.map((a) => addresseeName(ctx, a));
    const stripped = t.replace(/[，,、\s]+$/u, '');
    const looksLikeAddressees =
      names.length > 0 && stripped !== '' && stripped.split(/[，,、]/u).every((part) => part.trim() !== '' && names.some((n) => n === part.trim()));
    if (looksLikeAddressees) {
      return [finding(this, 'document.body', `正文首行（主送机关）${q(t)}末尾缺少全角冒号，应写作“${stripped}：”`)];
    }
    return [];
  },
};

// F-15 抄送 line (版记)
const F15: RuleDef = {
  id: 'F-15',
  severity: 'warning', // heuristic on the body text
  title: '版记的抄送行写作“抄送：机关，机关。”：全角冒号，最后一个抄送机关后标句号',
  source: 'GB/T 9704-2012 7.4.2',
  check(ctx) {
    const out: Finding[] = [];
    for (const l of bodyLines(ctx.doc.body)) {
      // a 抄送 line has a colon; “抄送有关部门备案。” is a sentence
      const m = /^(抄\s*送|抄\s*报)\s*([：:])\s*(.*)$/u.exec(l.text);
      if (!m) continue;
      if (/^抄送：\S.*。$/u.test(l.text)) continue;
      const why: string[] = [];
      if (/报/u.test(m[1] ?? '')) why.push('现行标准不用“抄报”，上级、同级、下级机关一律用“抄送”');
      else if (/\s/u.test(m[1] ?? '')) why.push('“抄送”二字之间不加空格');
      if (m[2] !== '：') why.push('应使用全角冒号“：”');
      const rest = (m[3] ?? '').trim();
      if (rest === '') why.push('缺少抄送机关名称');
      else if (!/。$/u.test(rest)) why.push('最后一个抄送机关名称后应标句号“。”');
      if (why.length === 0) why.push('应写作“抄送：××，××。”');
      out.push(finding(this, 'document.body', `正文${lineNo(l.index)}的抄送行${q(l.text)}不规范：${why.join('；')}`));
    }
    return out;
  },
};

// F-16 … F-19 层次序数
const LEVEL_TEXT: Record<HeadingInfo['level'], string> = {
  1: '第一层用“一、”（汉字数字加顿号）',
  2: '第二层用“（一）”（全角括号，括号后不加标点）',
  3: '第三层用“1.”（阿拉伯数字加下脚点，不用顿号）',
  4: '第四层用“（1）”（全角括号，括号后不加标点）',
};

function headingRule(id: string, level: HeadingInfo['level'], title: string): RuleDef {
  return {
    id,
    severity: 'warning', // heuristic on the body text
    title,
    source: 'GB/T 9704-2012 7.3.3；GB/T 15834-2011 附录B.3',
    check(ctx) {
      const out: Finding[] = [];
      for (const l of bodyLines(ctx.doc.body)) {
        const h = headingOf(l.text);
        if (!h || h.level !== level || h.wellFormed) continue;
        out.push(
          finding(this, 'document.body', `正文${lineNo(l.index)}的层次序数“${h.mark.trim() || h.mark}”不规范：${LEVEL_TEXT[level]}，应写作“${h.expected}”`),
        );
      }
      return out;
    },
  };
}

const F16 = headingRule('F-16', 1, '正文第一层标题序数写作“一、”');
const F17 = headingRule('F-17', 2, '正文第二层标题序数写作“（一）”，全角括号，括号后不加标点');
const F18 = headingRule('F-18', 3, '正文第三层标题序数写作“1.”，用下脚点，不用顿号');
const F19 = headingRule('F-19', 4, '正文第四层标题序数写作“（1）”，全角括号，括号后不加标点');

// F-20 标题
const F20: RuleDef = {
  id: 'F-20',
  severity: 'error',
  title: '标题以法定文种结尾，末尾不加标点',
  source: '《条例》第八条、第九条第（七）项；GB/T 15834-2011',
  check(ctx) {
    const title = ctx.doc.title ?? '';
    if (title.trim() === '') {
      return [finding(this, 'document.title', '缺少标题：标题由发文机关名称、事由和文种组成')];
    }
    const t = parseTitle(title);
    const out: Finding[] = [];
    if (t.trailingPunct.trim() !== '') {
      out.push(finding(this, 'document.title', `标题末尾不加标点，请删去“${t.trailingPunct.trim()}”`));
    }
    if (t.falseGenre) {
      const hint =
        t.falseGenre.includes('请示') || t.falseGenre.includes('申请')
          ? '请求批准用“请示”（上行）或“函”（不相隶属机关）；汇报工作用“报告”'
          : '此类材料应以法定文种（如“通知”“报告”）行文，作为附件印发';
      out.push(finding(this, 'document.title', `标题以“${t.falseGenre}”结尾，“${t.falseGenre}”不是法定文种：${hint}`));
    } else if (!t.genre) {
      out.push(finding(this, 'document.title', `标题${q(title)}未以法定文种结尾：标题应由发文机关名称、事由和文种组成，如“……关于……的${ctx.doc.type}”`));
    }
    return out;
  },
};

// F-21 citations
/** “《标题》（” right before the number, or “《标题》（代字〔年〕号、” before a second number */
const TITLE_THEN_BRACKET = /》\s*[（(](?:[^（）()《》]*?[、，,；;和及]\s*)?$/u;
/** how far before a number “《标题》（” is looked for (a bracket listing several numbers fits) */
const F21_REACH = 200;
const F21: RuleDef = {
  id: 'F-21',
  severity: 'warning', // [PRACTICE] 先引标题后引发文字号
  title:
    '引用公文先引标题，后引发文字号：《标题》（代字〔年份〕序号号）；只检查带发文机关代字的引用，不检查办文单、收文登记等处的编号和不带代字的“〔年份〕序号号”',
  source: '惯例（原《国家行政机关公文处理办法》）',
  check(ctx) {
    const body = ctx.doc.body;
    const out: Finding[] = [];
    for (const tok of findDocNoTokens(body)) {
      if (!tok.citation) continue; // a bare 〔年〕号, a 办文单 / 登记 field, a register's own number
      // only the text just before the number: an end-anchored pattern over the whole prefix is
      // retried from every 》 before it (quadratic over a long body)
      const before = body.slice(Math.max(0, tok.index - F21_REACH), tok.index);
      const afterTitle = TITLE_THEN_BRACKET.test(before);
      if (!afterTitle) {
        out.push(
          finding(this, 'document.body', `正文引用${q(tok.text)}时未先引标题：应写作“《公文标题》（${tok.wellFormed ? tok.text : '代字〔年份〕序号号'}）”`),
        );
      } else if (!tok.wellFormed) {
        out.push(finding(this, 'document.body', `正文引用的发文字号${q(tok.text)}不规范：年份用六角括号“〔〕”，序号不加“第”、不编虚位`));
      }
    }
    return out;
  },
};

// F-22 请示 wording in a non-请示 document going up (条例 Art 15(4): “报告等非请示性公文”).
// A 报告 is left to R-ROUTE-06b (rules/route.ts, error), which runs the same heuristic on it, so
// that one problem gives one finding; F-22 covers the other 上行文 (意见, 函…).
/** “报请批准”“提请审批” describe a procedure and are not requests (same as R-ROUTE-06b). */
export const REQUEST_WORDING_RE = /(?:妥否|当否|是否可行|可否)[，,]?\s*请(?:批示|批复|审批|指示)|请予(?:批准|批复|审批)|(?<![报提呈申])请(?:批准|审批)/u;

const F22: RuleDef = {
  id: 'F-22',
  severity: 'warning', // text heuristic
  title: '报告等非请示性上行文中不得夹带请示事项（“妥否，请批示”“请予批准”等请示用语）；报告由R-ROUTE-06b检查',
  source: '《条例》第十五条第（四）项',
  check(ctx) {
    const t = ctx.doc.type;
    if (t === '请示' || t === '报告' || ctx.direction !== '上行') return [];
    const m = REQUEST_WORDING_RE.exec(ctx.doc.body);
    if (!m) return [];
    return [finding(this, 'document.body', `${t}中出现请示用语“${m[0]}”：非请示性公文不得夹带请示事项。需要上级批准的事项应另行以请示报送，或删去该用语`)];
  },
};

/** the rules as written (tests check that these never throw, without the `safe` net) */
export const rawFormatRules: readonly RuleDef[] = [
  F01,
  F02,
  F03,
  F04,
  F05,
  F06,
  F07,
  F08,
  F09,
  F10,
  F11,
  F12,
  F13,
  F14,
  F15,
  F16,
  F17,
  F18,
  F19,
  F20,
  F21,
  F22,
];

export const formatRules: RuleDef[] = rawFormatRules.map(safe);
