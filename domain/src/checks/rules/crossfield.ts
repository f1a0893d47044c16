/**
 * Cross-field rules X-01…X-18 (gongwen-rules.md §3, “Cross-field rules”): facts that only hold
 * between two or more fields of one document (密级 and 份号, 签发人 and signers, 发文字号 and
 * 成文日期, 标题 and 文种, 附件说明 and attachments, 文种 and 行文方向…).
 *
 * X-19 (“all routing rules R-ROUTE-01…12 and R-JOINT-01…03”) is not a rule of its own: those
 * rules live in rules/route.ts and rules/joint.ts and report under their own IDs.
 *
 * Choices where the digest leaves them open:
 * - X-03: a document that is not yet signed (no signers and no 成文日期) is not required to carry
 *   签发人 yet; once signed, 签发人 must equal the issuers' signers.
 * - X-05: uniqueness in the issuer's register needs the register (the server allocates numbers,
 *   OUT-7); the engine checks what one document shows — its number must not be the number of the
 *   请示 it answers or of a document it cites.
 * - X-06: 决议/纪要 are dated by the meeting, which the contract does not carry; they are checked
 *   only when the title states “（××××年×月×日……会议通过）”, like any 决定 that does.
 * - X-07: the contract has no 印发日期 field; a 印发 line in the body (F-04) is compared.
 * - X-08: a 文种 mismatch is an error; punctuation inside the title and a title naming another
 *   organ are warnings (the digest says “ERROR / WARN”); the rule's severity is its worst case.
 *   Round brackets holding the status of the text or a year (（试行）, （2015—2020年）…) are
 *   standard in titles (STANDARD_TITLE_BRACKET), as are 书名号 around a document's name.
 * - X-10: leaving out “（一）” throughout (“一、” then “1.”) is an accepted layout, not a skip.
 * - X-15 / X-16: the 人大/人大常委会 supervise the same-level government (names.ts `supervises`);
 *   a 报告 or 议案 to them is allowed, a 请示 is not.
 * - X-11: the contract has no seal field; the seal follows the 署名, so a closing 署名 block in the
 *   body must name the issuers (all of them, lead first) — only names of known organs are judged.
 * - X-18: the first-page estimate uses the GB/T 9704 grid (22 lines of 28 characters in 225 mm)
 *   with a conservative 15 mm 发文机关标志 and 20 characters per 2号 title line; it fires only
 *   when even that estimate leaves no line for the body.
 */
import type { CheckContext, Finding, RuleDef } from '../types';
import {
  closingBlock,
  compareYmd,
  docNoYear,
  findDocNoTokens,
  headingOf,
  bodyLines,
  parseAttachmentNote,
  parseDateLoose,
  parseDocNoLoose,
  parseTitle,
  personName,
  sameAttachmentName,
  sameGenre,
  sameName,
  ymdToString,
  type YMD,
} from '../text';
import { supervises } from '../names';
import { PRINT_LINE_LOOSE, splitSecrecyTerm } from './format';
import { addresseeName, addresseeOrgan, finding, lineNo, organName, q, safe } from './format-shared';

// ---------------------------------------------------------------------------------------------

const X01: RuleDef = {
  id: 'X-01',
  severity: 'error',
  title: '涉密公文应标注份号和保密期限；未定密级的公文不标注保密期限',
  source: '《条例》第九条第（一）（二）项',
  check(ctx) {
    const { secrecy, copyNo, secrecyTerm } = ctx.doc;
    const out: Finding[] = [];
    if (secrecy !== 'none') {
      if (copyNo == null || copyNo.trim() === '') {
        out.push(finding(this, 'document.copyNo', `${secrecy}级公文应当标注份号（6位阿拉伯数字，如000001）`));
      }
      if (secrecyTerm == null || secrecyTerm.trim() === '') {
        out.push(finding(this, 'document.secrecyTerm', `${secrecy}级公文应当同时标注保密期限，如“${secrecy}★1年”`));
      }
    } else if (secrecyTerm != null && secrecyTerm.trim() !== '') {
      out.push(finding(this, 'document.secrecyTerm', `公文未标注密级，却标有保密期限${q(secrecyTerm)}：请补标密级，或删去保密期限`));
    }
    return out;
  },
};

/** Maximum terms in years, unless 另有规定 (保守国家秘密法; digest §8 item 6: verify). */
const MAX_TERM_YEARS = { 绝密: 30, 机密: 20, 秘密: 10 } as const;

const X02: RuleDef = {
  id: 'X-02',
  severity: 'warning',
  title: '保密期限除另有规定外，绝密级不超过30年、机密级不超过20年、秘密级不超过10年',
  source: '《中华人民共和国保守国家秘密法》（保密期限）；《条例》第九条第（二）项',
  check(ctx) {
    const { secrecy, secrecyTerm } = ctx.doc;
    if (secrecy === 'none' || secrecyTerm == null) return [];
    const { term } = splitSecrecyTerm(secrecyTerm);
    const max = MAX_TERM_YEARS[secrecy];
    if (term === '长期') {
      return [finding(this, 'document.secrecyTerm', `保密期限为“长期”：除另有规定外，${secrecy}级不超过${max}年。如确属另有规定，请记录依据后继续`)];
    }
    const m = /^([1-9]\d*)(年|个月)$/u.exec(term);
    if (!m) return [];
    const years = m[2] === '年' ? Number(m[1]) : Number(m[1]) / 12;
    if (years <= max) return [];
    return [
      finding(this, 'document.secrecyTerm', `保密期限“${term}”超过${secrecy}级的一般上限${max}年：除另有规定外应缩短期限；如确属另有规定，请记录依据后继续`),
    ];
  },
};

const X03: RuleDef = {
  id: 'X-03',
  severity: 'error',
  title: '上行文应标注签发人，签发人应为实际签发公文的负责人',
  source: '《条例》第九条第（六）项、第二十二条；GB/T 9704-2012 7.2.6',
  check(ctx) {
    if (ctx.direction !== '上行') return [];
    const { signers, signatory, date } = ctx.doc;
    const issuerIds = new Set(ctx.issuers.map((o) => o.id));
    const issuerSigners = signers.filter((s) => issuerIds.has(s.organ));
    const printed = signatory.map((s) => s.trim()).filter((s) => s !== '');
    if (printed.length === 0) {
      if (signers.length === 0 && (date == null || date.trim() === '')) return []; // not yet signed
      const who = issuerSigners.map((s) => s.name).join('、');
      return [finding(this, 'document.signatory', `上行文应当标注签发人姓名${who ? `（本文由${who}签发）` : ''}`)];
    }
    if (signers.length === 0) return []; // signatures not recorded here: nothing to compare with
    const out: Finding[] = [];
    const signedNames = issuerSigners.map((s) => personName(s.name));
    printed.forEach((n, i) => {
      if (!signedNames.includes(personName(n))) {
        out.push(
          finding(
            this,
            `document.signatory[${i}]`,
            `签发人“${n}”不在本文的签发记录中：签发人应为实际签发的负责人${signedNames.length ? `（${signedNames.join('、')}）` : ''}`,
          ),
        );
      }
    });
    const printedNames = printed.map(personName);
    const missing = issuerSigners.filter((s) => !printedNames.includes(personName(s.name)));
    for (const s of missing) {
      out.push(finding(this, 'document.signatory', `${organName(ctx, s.organ)}的签发人${s.name}签发了本文，但版头签发人中没有其姓名，请补上`));
    }
    return out;
  },
};

const X04: RuleDef = {
  id: 'X-04',
  severity: 'warning', // cross-year issuance happens
  title: '发文字号中的年份一般与成文日期的年份一致',
  source: 'GB/T 9704-2012 7.2.5、7.3.5.4',
  check(ctx) {
    const { docNo, date } = ctx.doc;
    const y = docNoYear(docNo);
    const d = parseDateLoose(date);
    if (y === null || d === null || y === d.y) return [];
    return [
      finding(
        this,
        'document.docNo',
        `发文字号${q(docNo ?? '')}的年份${y}与成文日期${q(date ?? '')}的年份${d.y}不一致：请核对发文字号或成文日期（跨年印发的请记录原因）`,
      ),
    ];
  },
};

function docNoKey(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const p = parseDocNoLoose(raw.replace(/\s+/gu, ''));
  if (!p || p.code === '' || p.year.length !== 4) return null;
  return `${p.code}|${p.year}|${Number(p.seq)}`;
}

const X05: RuleDef = {
  id: 'X-05',
  severity: 'error',
  title: '发文字号不得重号：不得与所答复的来文或所引用公文的发文字号相同',
  source: 'GB/T 9704-2012 7.2.5；《条例》第二十五条（登记）',
  check(ctx) {
    const key = docNoKey(ctx.doc.docNo);
    if (!key) return [];
    const out: Finding[] = [];
    const own = ctx.doc.docNo ?? '';
    if (docNoKey(ctx.doc.replyTo?.docNo) === key) {
      out.push(finding(this, 'document.docNo', `本文发文字号${q(own)}与所答复来文的发文字号相同：同一代字、年份下序号不得重复，请重新编号`));
    }
    for (const tok of findDocNoTokens(ctx.doc.body)) {
      if (docNoKey(tok.text) === key) {
        out.push(finding(this, 'document.docNo', `本文发文字号${q(own)}已被正文引用的另一份公文使用：同一代字、年份下序号不得重复，请重新编号`));
        break;
      }
    }
    return out;
  },
};

function isoToYmd(s: string | null): YMD | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/u.exec(s.trim());
  if (!m) return null;
  const v = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return parseDateLoose(`${v.y}-${v.m}-${v.d}`);
}

const X06: RuleDef = {
  id: 'X-06',
  severity: 'error',
  title: '成文日期为负责人签发日期；联合行文为最后签发机关负责人的签发日期；会议通过的为会议通过日期',
  source: '《条例》第九条第（十二）项',
  check(ctx) {
    const { date, type } = ctx.doc;
    const d = parseDateLoose(date);
    if (!d) return [];
    const t = parseTitle(ctx.doc.title ?? '');
    if (t.meetingDate) {
      if (compareYmd(d, t.meetingDate) === 0) return [];
      return [
        finding(
          this,
          'document.date',
          `成文日期${q(date ?? '')}与标题所注会议通过日期${ymdToString(t.meetingDate)}不一致：会议通过的公文，成文日期为会议通过日期`,
        ),
      ];
    }
    if (type === '决议' || type === '纪要') return []; // dated by the meeting, not carried by the input
    const issuerIds = new Set(ctx.issuers.map((o) => o.id));
    const dates = ctx.doc.signers
      .filter((s) => issuerIds.has(s.organ))
      .map((s) => isoToYmd(s.signedAt))
      .filter((x): x is YMD => x !== null);
    if (dates.length === 0) return [];
    const last = dates.reduce((a, b) => (compareYmd(a, b) >= 0 ? a : b));
    if (compareYmd(d, last) === 0) return [];
    const joint = ctx.issuers.length > 1;
    return [
      finding(
        this,
        'document.date',
        `成文日期${q(date ?? '')}与${joint ? '最后签发机关负责人的签发日期' : '负责人签发日期'}${ymdToString(last)}不一致：成文日期应署${joint ? '最后签发的日期' : '签发日期'}，请改为“${ymdToString(last)}”`,
      ),
    ];
  },
};

const X07: RuleDef = {
  id: 'X-07',
  severity: 'warning',
  title: '印发日期不早于成文日期',
  source: '《条例》第九条第（十二）（十七）项；GB/T 9704-2012 7.4.3',
  check(ctx) {
    const d = parseDateLoose(ctx.doc.date);
    if (!d) return [];
    const out: Finding[] = [];
    for (const l of bodyLines(ctx.doc.body)) {
      const m = PRINT_LINE_LOOSE.exec(l.text);
      const p = parseDateLoose((m?.groups?.date ?? '').replace(/\s+/gu, ''));
      if (!p || compareYmd(p, d) >= 0) continue;
      out.push(
        finding(
          this,
          'document.body',
          `正文${lineNo(l.index)}的印发日期${ymdToString(p)}早于成文日期${ymdToString(d)}：公文应在签发（成文）之后印发，请核对日期`,
        ),
      );
    }
    return out;
  },
};

// X-08 标题与文种
/**
 * What a title may put in round brackets (GB/T 9704 7.3.1 and published practice): the status of
 * the text issued (试行, 暂行, 草案, 修订, 征求意见稿…), a year or a year range (2024年,
 * 2015—2020年, 2024年度, 2024年修订, 2021年版) and a batch (第一批).
 */
export const STANDARD_TITLE_BRACKET =
  /^(?:试行|暂行|草案|修订|修订稿|修订版|修订草案|修正|修正案|修正草案|征求意见稿|送审稿|讨论稿|试行稿|\d{4}年?(?:[—–－\-~～至到]\d{4}年?)?(?:年度|年版|年本|版|本|修订|修正|试行|暂行)?|第[一二三四五六七八九十百\d]+(?:批|次|期|版))$/u;

const OPEN_ROUND = '（(';
const CLOSE_ROUND = '）)';

/** marks allowed inside a title: 书名号, 顿号, quotation marks, 间隔号, 连接号 between numbers, standard brackets */
export function titlePunctuation(core: string): string[] {
  let depth = 0;
  const bad = new Set<string>();
  for (let i = 0; i < core.length; i++) {
    const c = core[i] ?? '';
    if (c === '《' || c === '〈') {
      depth++;
      continue;
    }
    if (c === '》' || c === '〉') {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth > 0) continue; // anything inside 书名号 belongs to the cited name
    if (OPEN_ROUND.includes(c)) {
      const close = [...CLOSE_ROUND].map((x) => core.indexOf(x, i + 1)).filter((k) => k > i);
      const end = close.length ? Math.min(...close) : -1;
      if (end > i && c === '（' && core[end] === '）' && STANDARD_TITLE_BRACKET.test(core.slice(i + 1, end))) {
        i = end; // a standard bracket: （试行）, （2015—2020年）…
        continue;
      }
    }
    if ('、“”‘’·'.includes(c)) continue;
    if ('—－-~～.．'.includes(c) && /\d/u.test(core[i - 1] ?? '') && /\d/u.test(core[i + 1] ?? '')) continue;
    if (/[\p{P}\p{S}]/u.test(c) && !/[\p{Script=Han}]/u.test(c)) bad.add(c);
  }
  return [...bad];
}

const X08: RuleDef = {
  id: 'X-08',
  severity: 'error', // worst case: a 文种 mismatch; punctuation and organ name give warnings
  title: '标题的文种与所选文种一致；标题中除书名号、顿号等外一般不用标点；标题中的发文机关为本机关',
  source: '《条例》第八条、第九条第（七）项；惯例',
  check(ctx) {
    const title = ctx.doc.title ?? '';
    if (title.trim() === '') return [];
    const t = parseTitle(title);
    const out: Finding[] = [];
    if (t.genre && !sameGenre(t.genre, ctx.doc.type)) {
      out.push(finding(this, 'document.title', `标题以“${t.genre}”结尾，而所选文种是“${ctx.doc.type}”：请统一标题和文种`));
    }
    const marks = titlePunctuation(t.core);
    if (marks.length) {
      out.push(
        finding(
          this,
          'document.title',
          `标题中使用了标点“${marks.join('')}”：标题除书名号（法规规章或所印发、转发的文件名称）、并列词语间的顿号、标明“试行”“暂行”“草案”“修订”“征求意见稿”或年份（年度、起止年份）的括号外，一般不用标点符号`,
          'warning',
        ),
      );
    }
    if (t.issuerPart !== '') {
      const issuerIds = new Set(ctx.issuers.map((o) => o.id));
      const other = [...ctx.organs.values()].find((o) => !issuerIds.has(o.id) && sameName(o.name, t.issuerPart));
      if (other) {
        out.push(
          finding(
            this,
            'document.title',
            `标题中的发文机关“${other.name}”不是本文的发文机关（${ctx.issuers.map((o) => o.name).join('、')}）：请核对标题或发文机关`,
            'warning',
          ),
        );
      }
    }
    return out;
  },
};

const X09: RuleDef = {
  id: 'X-09',
  severity: 'error',
  title: '附件说明与附件一致：数量、顺序号和名称相同',
  source: 'GB/T 9704-2012 7.3.4、7.3.7；《条例》第九条第（十）项',
  check(ctx) {
    const { attachmentNote, attachments } = ctx.doc;
    const items = parseAttachmentNote(attachmentNote);
    const out: Finding[] = [];
    if (items.length === 0 && attachments.length === 0) return [];
    if (items.length === 0) {
      return [finding(this, 'document.attachmentNote', `公文有${attachments.length}个附件，但没有附件说明：应在正文下注明附件顺序号和名称`)];
    }
    if (attachments.length === 0) {
      return [finding(this, 'document.attachments', `附件说明列有${items.length}个附件，但公文没有附件：请附上附件或删去附件说明`)];
    }
    attachments.forEach((a, i) => {
      if (a.no !== i + 1) {
        out.push(finding(this, `document.attachments[${i}]`, `附件顺序号应从1起连续编排，第${i + 1}个附件的顺序号为${a.no}`));
      }
    });
    if (items.length !== attachments.length) {
      out.push(finding(this, 'document.attachmentNote', `附件说明列有${items.length}个附件，实际有${attachments.length}个附件：附件说明应与附件逐一对应`));
    }
    const n = Math.min(items.length, attachments.length);
    for (let i = 0; i < n; i++) {
      const it = items[i];
      const a = attachments[i];
      if (!it || !a) continue;
      const path = `document.attachmentNote[${it.line}]`;
      if (it.no !== null && it.no !== a.no) {
        out.push(finding(this, path, `附件说明第${i + 1}项的序号${it.no}与附件顺序号${a.no}不一致`));
      }
      if (!sameAttachmentName(it.name, a.title)) {
        out.push(finding(this, path, `附件说明第${i + 1}项的名称${q(it.name)}与附件标题${q(a.title)}不一致：两者表述应当一致`));
      }
    }
    return out;
  },
};

/**
 * X-10 accepted layouts (GB/T 9704-2012 7.3.3 “文中结构层次序数依次可以用‘一、’‘（一）’‘1.’‘（1）’标注”):
 * the levels are used in that order, a text may start at any level (a short list “1.”“2.”), and
 * it may leave out the second level “（一）” altogether — “一、” then “1.” (then “（1）”), the
 * common two-level layout — provided it leaves it out throughout. Any other skip (“（1）” under
 * “一、”, “（1）” under “（一）”), or “1.” under one “一、” while another uses “（一）”, is flagged.
 */
const X10: RuleDef = {
  id: 'X-10',
  severity: 'warning',
  title: '正文结构层次依次为“一、”“（一）”“1.”“（1）”，不得越级使用；全文不用第二层“（一）”时，“一、”下直接用“1.”是常用的两层写法，不算越级',
  source: 'GB/T 9704-2012 7.3.3；惯例',
  check(ctx) {
    const out: Finding[] = [];
    let depth = 0;
    const names = ['', '“一、”', '“（一）”', '“1.”', '“（1）”'];
    const lines = bodyLines(ctx.doc.body);
    const heads = lines.map((l) => ({ l, h: headingOf(l.text) }));
    const usesSecond = heads.some((x) => x.h?.level === 2);
    for (const { l, h } of heads) {
      if (!h) continue;
      const skipsSecondOnly = depth === 1 && h.level === 3;
      if (depth >= 1 && h.level > depth + 1 && !(skipsSecondOnly && !usesSecond)) {
        const also = skipsSecondOnly ? '（全文其他地方用了“（一）”层，层次应统一）' : '';
        out.push(
          finding(
            this,
            'document.body',
            `正文${lineNo(l.index)}的层次${names[h.level]}直接出现在${names[depth]}之下，跳过了${names[depth + 1]}层${also}：结构层次应依次使用，不越级`,
          ),
        );
      }
      depth = h.level;
    }
    return out;
  },
};

const X11: RuleDef = {
  id: 'X-11',
  severity: 'error',
  title: '发文机关署名（及所盖印章）与发文机关相符；联合行文署全部发文机关，主办机关在前',
  source: '《条例》第九条第（十一）（十三）项；GB/T 9704-2012 7.3.5.1',
  check(ctx) {
    const d = ctx.doc;
    if (d.type === '纪要' || d.layout === '纪要' || d.layout === '命令' || d.type === '命令' || d.type === '令') return [];
    const block = closingBlock(d.body);
    if (!block || block.names.length === 0) return [];
    const known = [...ctx.organs.values()];
    const issuerIds = ctx.issuers.map((o) => o.id);
    const out: Finding[] = [];
    const signed: string[] = [];
    for (const l of block.names) {
      const organ = known.find((o) => sameName(o.name, l.text));
      if (!organ) continue; // a 规范化简称 or a signer's title: not judged
      if (!issuerIds.includes(organ.id)) {
        out.push(
          finding(
            this,
            'document.body',
            `正文${lineNo(l.index)}的署名“${l.text}”不是本文的发文机关（${ctx.issuers.map((o) => o.name).join('、')}）：署名和印章应与发文机关相符`,
          ),
        );
      } else signed.push(organ.id);
    }
    if (signed.length === 0) return out;
    const missing = ctx.issuers.filter((o) => !signed.includes(o.id));
    if (missing.length) {
      out.push(finding(this, 'document.body', `联合行文应署全部发文机关名称并分别加盖印章，署名中缺少：${missing.map((o) => o.name).join('、')}`));
    }
    const order = issuerIds.filter((id) => signed.includes(id));
    if (missing.length === 0 && order.join('|') !== signed.join('|')) {
      out.push(finding(this, 'document.body', `署名应按发文机关顺序排列，主办机关（${ctx.lead.name}）在前`));
    }
    return out;
  },
};

const X12: RuleDef = {
  id: 'X-12',
  severity: 'info',
  title: '公告、通告、公报一般不标主送机关；纪要一般使用纪要格式、不署名不盖章',
  source: 'GB/T 9704-2012 10.3；惯例',
  check(ctx) {
    const d = ctx.doc;
    const out: Finding[] = [];
    if ((d.type === '公告' || d.type === '通告' || d.type === '公报') && d.mainTo.length > 0) {
      out.push(finding(this, 'document.mainTo', `${d.type}是公布性公文，一般不标注主送机关，可考虑删去主送`));
    }
    if (d.type === '纪要') {
      if (d.layout !== null && d.layout !== '纪要') {
        out.push(finding(this, 'document.layout', `纪要一般使用纪要格式（GB/T 9704-2012 10.3），当前为“${d.layout}”格式`));
      }
      const block = closingBlock(d.body);
      if (block && block.names.length > 0) {
        out.push(finding(this, 'document.body', '纪要一般不加盖印章：纪要格式的发文机关和成文日期在纪要标志下方，正文后无需署名盖章'));
      }
    }
    return out;
  },
};

const X13: RuleDef = {
  id: 'X-13',
  severity: 'warning',
  title: '请示在附注中注明联系人和联系电话',
  source: '惯例（原《国家行政机关公文处理办法》）',
  check(ctx) {
    if (ctx.doc.type !== '请示') return [];
    const note = ctx.doc.note ?? '';
    const person = /联系人/u.test(note);
    const phone = /电话|手机/u.test(note);
    if (person && phone) return [];
    const lacks = [person ? '' : '联系人', phone ? '' : '联系电话'].filter(Boolean).join('和');
    return [finding(this, 'document.note', `请示应在附注中注明${lacks}，如“（联系人：张某，电话：12345678）”`)];
  },
};

const X14: RuleDef = {
  id: 'X-14',
  severity: 'error',
  title: '批复应注明所答复的请示，并主送该请示的发文机关',
  source: '《条例》第八条第（十二）项',
  check(ctx) {
    const d = ctx.doc;
    if (d.type !== '批复') return [];
    const r = d.replyTo;
    if (!r) {
      return [finding(this, 'document.replyTo', '批复应注明所答复的请示（来文机关和发文字号）：批复只用于答复下级机关的请示')];
    }
    const out: Finding[] = [];
    if (r.type !== '请示') {
      out.push(finding(this, 'document.replyTo.type', `批复只答复请示，所答复的来文是“${r.type}”：答复报告无需批复，答复函应使用“函”`));
    }
    if (!r.issuer || !ctx.organs.has(r.issuer)) {
      out.push(finding(this, 'document.replyTo.issuer', `所答复请示的发文机关${q(r.issuer ?? '')}不在机关列表中，请核对`));
    } else if (!d.mainTo.some((a) => addresseeOrgan(a) === r.issuer)) {
      out.push(finding(this, 'document.mainTo', `批复应主送来文机关“${organName(ctx, r.issuer)}”，当前主送中没有该机关`));
    }
    if (!r.docNo || r.docNo.trim() === '') {
      out.push(finding(this, 'document.replyTo.docNo', '应注明所答复请示的发文字号'));
    }
    return out;
  },
};

const X15: RuleDef = {
  id: 'X-15',
  severity: 'error',
  title: '议案由人民政府向同级人民代表大会或其常务委员会提请审议',
  source: '《条例》第八条第（十三）项',
  check(ctx) {
    const d = ctx.doc;
    if (d.type !== '议案') return [];
    const out: Finding[] = [];
    d.issuers.forEach((iss, i) => {
      const o = ctx.organs.get(iss.organ);
      if (o && o.kind !== '政府') {
        out.push(finding(this, `document.issuers[${i}]`, `议案只能由人民政府提出，“${o.name}”不是人民政府：其他机关可通过人民政府提请，或改用其他文种`));
      }
    });
    const level = ctx.lead.level;
    if (d.mainTo.length === 0) {
      out.push(finding(this, 'document.mainTo', '议案应主送同级人民代表大会或人民代表大会常务委员会'));
    }
    d.mainTo.forEach((a, i) => {
      const o = ctx.organs.get(addresseeOrgan(a));
      if (typeof a !== 'string') {
        out.push(finding(this, `document.mainTo[${i}]`, '议案应主送同级人民代表大会或其常务委员会（机关），不主送个人'));
        return;
      }
      if (!o) return;
      if (o.kind !== '人大' && o.kind !== '人大常委会') {
        out.push(finding(this, `document.mainTo[${i}]`, `议案应主送同级人民代表大会或其常务委员会，“${o.name}”不是人大机关`));
      } else if (o.level !== level) {
        out.push(finding(this, `document.mainTo[${i}]`, `议案应主送同级人大机关，“${o.name}”与发文机关“${ctx.lead.name}”不是同一级`));
      } else if (ctx.lead.kind === '政府' && !supervises(o, ctx.lead)) {
        out.push(finding(this, `document.mainTo[${i}]`, `议案应主送本级人民代表大会或其常务委员会，“${o.name}”不是“${ctx.lead.name}”所在地方的人大机关`));
      }
    });
    return out;
  },
};

const X16: RuleDef = {
  id: 'X-16',
  severity: 'error',
  title: '请示、报告只用于向上级机关行文；人民政府向本级人大及其常委会报告工作用“报告”（监督关系，不是领导关系），不用“请示”',
  source: '《条例》第八条第（十）（十一）项',
  check(ctx) {
    const d = ctx.doc;
    if (d.type !== '请示' && d.type !== '报告') return [];
    if (d.mainTo.length === 0) {
      return [finding(this, 'document.mainTo', `${d.type}应主送上级机关，当前没有主送机关`)];
    }
    if (ctx.direction === '上行') return [];
    // 人大/人大常委会 supervise (监督) the same-level government: not a 上级机关 in the sense of
    // 隶属, but a 报告 to it is the legal route (宪法、监督法: 听取和审议专项工作报告).
    const toSupervisor = d.mainTo.map((a) => ctx.organs.get(addresseeOrgan(a))).filter((o) => o !== undefined && supervises(o, ctx.lead));
    if (toSupervisor.length > 0 && toSupervisor.length === d.mainTo.length) {
      if (d.type === '报告') return [];
      return [
        finding(
          this,
          'document.type',
          `${toSupervisor.map((o) => o?.name).join('、')}对${ctx.lead.name}是监督关系，不是上级领导机关，请示只用于向上级机关行文：向人大常委会报告工作用“报告”，提请审议事项用“议案”`,
        ),
      ];
    }
    const alt =
      ctx.direction === '下行'
        ? '向下级机关行文可用“通知”“意见”“批复”等'
        : d.type === '请示'
          ? '向不相隶属或平级机关请求批准应使用“函”'
          : '向不相隶属或平级机关告知情况可使用“函”';
    return [finding(this, 'document.type', `${d.type}只用于向上级机关行文，本文为${ctx.direction}文：${alt}`)];
  },
};

const X17: RuleDef = {
  id: 'X-17',
  severity: 'warning',
  title: '函用于不相隶属机关之间，不用于上下级之间',
  source: '《条例》第八条第（十四）项',
  check(ctx) {
    if (ctx.doc.type !== '函') return [];
    const out: Finding[] = [];
    ctx.doc.mainTo.forEach((a, i) => {
      const rel = ctx.relation(ctx.lead.id, addresseeOrgan(a));
      if (rel !== 'superior' && rel !== 'subordinate') return;
      const name = addresseeName(ctx, a);
      const alt = rel === 'superior' ? '向上级请求批准用“请示”，汇报工作用“报告”' : '向下级行文用“通知”“批复”等';
      out.push(finding(this, `document.mainTo[${i}]`, `“${name}”是发文机关的${rel === 'superior' ? '上级' : '下级'}机关，函用于不相隶属机关之间：${alt}`));
    });
    return out;
  },
};

// X-18 正文首页显示 — an estimate of the first page in the GB/T 9704 grid
const LINE_MM = 225 / 22; // one 行 of the 版心
const BODY_CHARS = 28; // characters per line, 3号
const TITLE_CHARS = 20; // characters per line, 2号 (156 mm / 7.76 mm)
const MARK_MM = 15; // conservative height of one row of 发文机关标志

export interface FirstPageEstimate {
  /** mm used above the first body line */
  usedMm: number;
  titleLines: number;
  mainToLines: number;
  /** whole body lines left on page 1 */
  bodyLinesLeft: number;
}

export function estimateFirstPage(ctx: CheckContext): FirstPageEstimate | null {
  const d = ctx.doc;
  const layout = d.layout ?? (d.type === '纪要' ? '纪要' : d.type === '命令' || d.type === '令' ? '命令' : '通用');
  if (layout === '命令') return null; // 令号 then 正文: no title or 主送 above the body
  const mainToText = d.mainTo.length ? `${d.mainTo.map((a) => addresseeName(ctx, a)).join('，')}：` : '';
  const mainToLines = Math.ceil(mainToText.length / BODY_CHARS);
  const titleLen = (d.title ?? '').trim().length;
  let titleLines = Math.ceil(titleLen / TITLE_CHARS);
  let used: number;
  if (layout === '信函') {
    // mark 30 mm from the page top (-7 mm against the 版心), double rule 4 mm below, then the
    // 份号/密级/紧急程度 lines on the left and the 发文字号 on the right
    const headLines = Math.max(1, [d.copyNo, d.secrecy !== 'none' ? d.secrecy : null, d.urgency !== 'none' ? d.urgency : null].filter(Boolean).length);
    used = -7 + MARK_MM + 4 + headLines * LINE_MM + 2 * LINE_MM;
  } else if (layout === '纪要') {
    // 纪要标志 35 mm down, 编号 two lines below, then the issuer / date line; the mark is the title
    used = 35 + MARK_MM + 3 * LINE_MM + LINE_MM;
    titleLines = 0;
  } else {
    const sigLines = ctx.direction === '上行' ? Math.max(1, Math.ceil(d.signatory.length / 2)) : 1;
    used = 35 + MARK_MM + (2 + sigLines) * LINE_MM + 4 + 2 * LINE_MM;
  }
  used += titleLines * LINE_MM;
  if (mainToLines > 0) used += (titleLines > 0 ? LINE_MM : 0) + mainToLines * LINE_MM;
  const bodyLinesLeft = Math.floor((225 - used) / LINE_MM + 1e-9);
  return { usedMm: used, titleLines, mainToLines, bodyLinesLeft };
}

const X18: RuleDef = {
  id: 'X-18',
  severity: 'error',
  title: '公文首页必须显示正文：版头、标题和主送机关之后至少留出一行正文',
  source: 'GB/T 9704-2012 7.3.3、7.4.2',
  check(ctx) {
    const e = estimateFirstPage(ctx);
    if (!e || e.bodyLinesLeft >= 1) return [];
    const path = ctx.doc.mainTo.length ? 'document.mainTo' : 'document.title';
    const fix = e.mainToLines > 0 ? `主送机关约占${e.mainToLines}行，可将主送机关移至版记（抄送机关上一行，标“主送”），或精简标题、版头` : '请精简标题或版头';
    return [finding(this, path, `按版面估算，首页排完版头、标题${e.mainToLines ? '和主送机关' : ''}后已无位置排正文，而公文首页必须显示正文：${fix}`)];
  },
};

/** the rules as written (tests check that these never throw, without the `safe` net) */
export const rawCrossFieldRules: readonly RuleDef[] = [X01, X02, X03, X04, X05, X06, X07, X08, X09, X10, X11, X12, X13, X14, X15, X16, X17, X18];

export const crossFieldRules: RuleDef[] = rawCrossFieldRules.map(safe);
