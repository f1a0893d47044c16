/**
 * `docs/rules.md`, generated from the rule registry (RULE_METADATA). Pure: returns the Markdown;
 * `__tests__/docs.test.ts` writes the file (UPDATE_DOCS=1) or fails when it is stale.
 */
import { RULE_METADATA, type RuleMeta } from './engine';
import { renderReadingSection } from './reader-docs';
import type { Severity } from './types';

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '提示' };

/** The rule families, in the order docs/rules.md lists them. */
export const RULE_FAMILIES: readonly { prefix: string; title: string; blurb: string }[] = [
  {
    prefix: 'F-',
    title: 'F — 格式（GB/T 9704-2012 and the 条例’s format elements）',
    blurb: 'How single fields are written: 发文字号, dates, 密级, 附件说明, 附注, heading numerals, the title’s 文种.',
  },
  {
    prefix: 'X-',
    title: 'X — 字段之间（cross-field）',
    blurb: 'Fields that must agree with each other: 密级 and 份号, 签发人 and signers, dates, attachments, 文种 and direction.',
  },
  {
    prefix: 'R-ROUTE-',
    title: 'R-ROUTE — 行文规则（addressing, 《条例》第十三至十六条）',
    blurb: 'Who may write to whom, derived from the organ graph: 越级, one 主送 for a 请示, no 下级 on 抄送, 一文一事, directives to lower governments.',
  },
  {
    prefix: 'R-JOINT-',
    title: 'R-JOINT — 联合行文（joint issuance, 《条例》第十七条）',
    blurb: 'Co-issuers at the same level, one 主办机关 first, one 发文字号.',
  },
  { prefix: 'R-ORG-', title: 'R-ORG — 内设机构行文（《条例》第十七条）', blurb: 'Internal units other than the 办公厅（室） do not write outwards.' },
  { prefix: 'R-SIGN-', title: 'R-SIGN — 签发（signatures, 《条例》第二十二条）', blurb: 'Who signs, and what a signature record must carry.' },
];

/**
 * Rules whose severity `gongwen-rules.md` leaves open (no severity given, “ERROR or WARN”, or a
 * heuristic), with the choice made. The severity itself is read from the registry, so this
 * list only says why; the docs test fails if an ID here is not a rule.
 */
export const SEVERITY_CHOICES: readonly { id: string; why: string }[] = [
  { id: 'F-01', why: 'The §3 format catalog gives no severities. A malformed 发文字号 is an error: its form is fixed by GB/T 9704 7.2.5.' },
  { id: 'F-02', why: 'The 令号 form is practice, not the standard: warning.' },
  {
    id: 'F-03',
    why: 'GB/T 9704 7.3.5.4 fixes the form: error. A document dated before 2012-07-01 (when the 条例 and GB/T 9704-2012 took effect) is only noted (info); a date that does not exist stays an error.',
  },
  {
    id: 'F-08',
    why: 'GB/T 9704 7.2.1 says 份号 “一般” uses 6 digits: warning; a 7-digit 份号 (GB/T 9704-1999) on a document dated before 2012-07-01 is info.',
  },
  { id: 'F-16', why: 'F-16…F-19 read heading numerals out of the plain-text body, a heuristic: warning.' },
  { id: 'F-21', why: '先引标题后引发文字号 comes from the superseded 2000 办法 (practice): warning.' },
  { id: 'F-22', why: 'A wording heuristic; for a 报告 the blocking check is R-ROUTE-06b: warning.' },
  {
    id: 'R-ROUTE-06b',
    why: 'The digest says “ERROR (or WARN if your heuristics are noisy)”: the narrow formulas (妥否/当否…请批示, 请予批准, 请审批) and a listed 请示事项 are errors; requests found by meaning over a wider vocabulary (请/恳请/望/希/请求… + 批准/支持/解决/拨付/安排/帮助/协调…) are warnings, quoting the sentence.',
  },
  { id: 'R-JOINT-03', why: 'No severity given for the joint-issuance form (one 主办机关 first, one 发文字号): error, as it follows Art 9(5) and GB 7.2.4.' },
  {
    id: 'R-SIGN-02',
    why: 'No severity given: a missing name or date, or a dissenting opinion, is an error; a missing opinion is only a warning, because 圈阅或者签名的视为同意.',
  },
  { id: 'R-SIGN-03', why: 'No severity given: error, since Art 22 says 联合发文由所有联署机关的负责人会签.' },
  { id: 'R-SIGN-04', why: 'No severity given: error when 会签 is required and not complete (whether 审核 passed is not part of the input).' },
  {
    id: 'X-05',
    why: 'The digest’s register-wide uniqueness needs the register; the engine checks what one document shows (its number must differ from the 来文 it answers and from documents cited in the body), as an error.',
  },
  {
    id: 'R-ROUTE-10',
    why: 'A department’s directive to lower 党委/政府 without its government’s approval stated in the body is an error (Art 16(二) “文中须注明”); an 办公厅（室） whose authorisation is neither recorded nor stated in the body is a warning, as the digest says.',
  },
  { id: 'X-08', why: 'The digest says “ERROR / WARN”: a 文种 mismatch is an error; punctuation in the title or another organ’s name in it is a warning.' },
];

/**
 * What counts and what is accepted, rule by rule, where published documents showed that a rule
 * needs saying precisely (issue #10). Rendered into docs/rules.md under “What counts”.
 */
export const RULE_NOTES: readonly { id: string; lines: readonly string[] }[] = [
  {
    id: 'R-ROUTE-10',
    lines: [
      'An 办公厅（室） writing to lower 党委/政府 needs its own 党委/政府’s authorisation (Art 16(二)). It counts when `flags.govApprovedRef` records it **or** the body states it: “经县人民政府同意，现将……印发给你们”, “已经县政府研究同意”, “经县委、县政府同意”, “经县人民政府第12次常务会议研究同意”, “根据县委授权”. Neither → warning.',
      'A department’s (单位’s, 议事协调机构’s) directive text to lower 党委/政府 is allowed when the body states the approval of its own government (the 党委 or 政府 it belongs to, or a same-level 党委/政府 among its leading organs); the statement is the “文中须注明” of Art 16(二), and counts with or without `flags.govApprovedRef`. `flags.govApprovedRef` without such a statement → error (the text must say so); neither → error.',
      'The approving organ named in the statement must be the issuer’s own 党委/政府. Names are resolved against the organ graph: the full name (某县人民政府, 中共某县委员会), the region forms (某县政府, 某县委, 中共某县委), the forms without the place that documents use for their own government (县人民政府, 县政府, 县委, 镇党委, 市委市政府), and meetings or leaders after the name (常务会议, 常委会, 主要领导). “经市人民政府同意” on a county office’s text, “未经/须经/应当经……同意”, “……同意后方可实施”, a condition such as “报经县政府同意后，由各乡镇组织实施” (but “经县政府同意后，现将……印发” is a statement) and statements inside quotation marks or 书名号 do not count. Only quotation marks closed within their paragraph quote: a stray “ or 《 quotes nothing.',
    ],
  },
  {
    id: 'X-08',
    lines: [
      'Accepted in a title besides the 文种 ending: 书名号 around the name of a law, regulation or the document issued or forwarded (“关于印发《某市防汛应急预案（试行）》的通知”), 顿号 between parallel items, quotation marks, 间隔号, a dash between numbers (2024—2026年), and round full-width brackets holding the status of the text or a year: （试行）（暂行）（草案）（修订）（修订稿）（修订草案）（修正）（征求意见稿）（送审稿）（讨论稿）, （2024年）（2015—2020年）（2021-2025年）（2024年度）（2024年修订）（2021年版）, and a batch （第一批）.',
      'Any other punctuation (a colon, a comma, other brackets) is a warning; a 文种 that differs from the chosen type is an error.',
    ],
  },
  {
    id: 'R-ROUTE-06b',
    lines: [
      'Error: a precise formula in a 报告 — 妥否（当否、是否可行、可否）请批示（批复、审批、指示）, 请予批准（批复、审批）, 请批准, 请审批 — or a 请示事项 in `matters`. “报请批准”“提请审批” describe a procedure and do not count.',
      'Warning, with the sentence quoted: a request in other words — a request verb (请, 恳请, 敬请, 特请, 烦请, 拟请, 请求, 恳求, 申请, 恳望, 希望, 盼望, 期望, 望, 希) followed in the same clause, within 16 characters, by what is asked for (批准, 批复, 审批, 核准, 审定, 同意, 支持, 解决, 拨付, 拨款, 核拨, 下拨, 安排, 帮助, 协调, 补助, 追加, 倾斜, 帮扶, 列入, 纳入, 指示, 批示): “请贵局帮助解决28万元资金为谢”, “恳请予以支持”, “请求拨付”, “望批准”.',
      'Not counted: 请示/邀请/聘请/提请/报请; an addressee that is the issuer’s own or lower units (“请各单位认真贯彻”, “希望全县干部……”); a clause that reports what was done (“已发函请市交通运输局协调解决”, “申请的资金已拨付”); a means (“希望通过整改解决……”); what has happened or may (“有望纳入省级规划”“申请到上级补助资金”“积极申请中央预算内资金支持，已获批复”); text inside quotation marks or 书名号 (a cited 《关于请求……的请示》); “请予审议”“请县人大常委会予以审议”“请审阅” (a 报告 to the 人大常委会 closes with them).',
    ],
  },
  {
    id: 'X-16',
    lines: [
      'A 请示 or 报告 goes to a 上级机关 (隶属, from the organ graph). A government’s 报告 to its own 人民代表大会 or 人大常委会 (监督关系, see “Describing organs”) is allowed. A 请示 to it is an error: the 人大常委会 is not a leading organ; matters for its decision go as a 议案 (X-15), work as a 报告. A 函 to it is not a 上下级 letter (X-17 does not fire); other types follow their own rules.',
    ],
  },
  {
    id: 'X-15',
    lines: [
      'A 议案 goes from a 人民政府 to the 人大 or 人大常委会 of the same level **and region** (某县人民政府 → 某县人民代表大会常务委员会, not 另一县人民代表大会常务委员会).',
    ],
  },
  {
    id: 'F-21',
    lines: [
      'Only citations of a document are checked: a number with an organ 代字 (国发〔2023〕5号, 县政办发〔2024〕3号). Not checked: a bare “〔2020〕928号” without a 代字 (a 办文单 or register number), a field of a 办文单 or 收文登记 (“来文字号：……”, “收文编号：……”), a register’s own number (……收文、办文、督办、批示件、建议、提案、纪要〔年〕号), and an organ’s full name in place of a 代字 (“某县人民政府办公室〔2020〕928号”).',
    ],
  },
  {
    id: 'X-10',
    lines: [
      'Accepted heading layouts (GB/T 9704-2012 7.3.3: 层次序数“依次可以用”“一、”“（一）”“1.”“（1）”): the four levels in that order, starting at any level (a short list of “1.”“2.” only); and the common two-level layout that leaves out “（一）” throughout the text: “一、” then “1.” (then “（1）”).',
      'Flagged (warning): any other skip — “（1）” under “一、”, “（1）” under “（一）” — and “1.” directly under “一、” in a text that uses “（一）” elsewhere (the levels must be consistent).',
    ],
  },
  {
    id: 'F-03',
    lines: [
      'The current form (2024年6月3日: Arabic numerals, full year, no leading zero) applies to documents dated from 2012-07-01, when the 条例 and GB/T 9704-2012 took effect: otherwise error. A document dated earlier (二〇一一年五月十八日, 2011年05月18日) gets an info finding only; a date that does not exist is an error whatever the year. F-08 treats a 7-digit 份号 (GB/T 9704-1999) on such a document the same way (info).',
    ],
  },
];

/** How to describe the 人大 / 人大常委会 with the contract’s organ fields (no new field needed). */
export const ORGAN_NOTES: readonly string[] = [
  '## Describing organs: 人大 and 人大常委会 (监督, not 领导)',
  '',
  'A 人民代表大会 and its 常务委员会 supervise (监督) the 人民政府 of the same level and region, and also the 监察委员会, 人民法院 and 人民检察院; they do not lead them. The contract’s organ fields express this without a new field:',
  '',
  '- give the 人大常委会 `kind: "人大常委会"` (the 人大 itself `kind: "人大"`), the `level` of its region, and a name that carries the region as the government’s name does: “某县人民代表大会常务委员会” next to “某县人民政府” (“某县人大常委会” is read too);',
  '- do **not** list it in the government’s `superiors`, nor the government in its `superiors`: `superiors` means 领导, and would make a government’s 报告 a 上行文 under the 领导 rules (越级, 双重领导, 签发人…). `superiors` of a 人大常委会 may stay empty; its `parent` may be the 人大;',
  '- the engine pairs a 人大/人大常委会 with the organs it supervises by kind, the same `level`, and the same region read from the names (人民政府 → region before “人民政府”; 人民代表大会常务委员会/人大常委会 → region before it). When a name gives no place (“县人大常委会”), the level alone decides.',
  '',
  'Example: `{"id": "county-pc", "name": "某县人民代表大会常务委员会", "kind": "人大常委会", "level": 4, "superiors": [], "parent": null}` next to `{"id": "county-gov", "name": "某县人民政府", "kind": "政府", "level": 4, "superiors": ["city-gov"], "parent": null}`. Then a 报告 or 议案 from county-gov to county-pc is allowed (X-16, X-15), a 请示 is not (X-16), and a 议案 to another county’s 人大常委会 is flagged (X-15).',
  '',
];

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function familyOf(id: string): string {
  return RULE_FAMILIES.find((f) => id.startsWith(f.prefix))?.prefix ?? 'other';
}

function byId(a: RuleMeta, b: RuleMeta): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function table(rules: readonly RuleMeta[]): string[] {
  const lines = ['| ID | 严重程度 | 检查内容 | 依据 |', '|---|---|---|---|'];
  for (const r of [...rules].sort(byId)) {
    lines.push(`| \`${r.id}\` | ${SEVERITY_LABELS[r.severity]} | ${cell(r.title)} | ${cell(r.source)} |`);
  }
  return lines;
}

/** The whole docs/rules.md as it must be. */
export function renderRulesDoc(rules: readonly RuleMeta[] = RULE_METADATA): string {
  const count = (s: Severity) => rules.filter((r) => r.severity === s).length;
  const parts: string[] = [
    '# 公文合规检查 — rules',
    '',
    'Generated from the rule registry (`RULE_METADATA` in `domain/src/checks/`) by',
    '`domain/src/checks/__tests__/docs.test.ts`; the test fails when this file is stale (run it with',
    '`UPDATE_DOCS=1` to rewrite it). Input and output are fixed by `check-contract.md`; the rule IDs',
    'and their sources are those of the rules digest `gongwen-rules.md`.',
    '',
    '## What the engine checks',
    '',
    'One pure engine checks a document described as JSON — its 文种, issuers, 主送 and 抄送 with',
    'their place in the organ hierarchy, 发文字号, dates, 签发 records, 密级, attachments and body',
    'text — against the 《党政机关公文处理工作条例》 (2012), GB/T 9704-2012 《党政机关公文格式》 and',
    'a few long-standing practices. The direction of a document (上行/下行/平行) is never typed in:',
    'it is derived from the organ graph. The same engine runs in the product (核稿, 收文初审), on the',
    'command line (`npx xietiao check FILE.json [--json]`) and over HTTP',
    '(`POST /api/v1/checks/document`). It reports findings `{rule, severity, message, path}`, sorted',
    'by severity, then rule ID; `path` names the field concerned, e.g. `document.mainTo[1]`.',
    '',
    `${rules.length} rules: ${count('error')} 错误, ${count('warning')} 警告, ${count('info')} 提示.`,
    '',
    '## Severities',
    '',
    '| severity | 标注 | meaning |',
    '|---|---|---|',
    '| `error` | 错误 | Blocks the step (签发, 登记, 初审通过…); the command exits with status 1. |',
    '| `warning` | 警告 | The step may go on only with a recorded reason (the 条例’s “一般/原则上/必要时”). |',
    '| `info` | 提示 | A hint; nothing is required. |',
    '',
    'The severity in the tables is the rule’s highest. Where a rule has a milder case (for example',
    'R-ROUTE-02: several 主送 on a 请示 is an error, on another 上行文 a warning), its description',
    'says so, and the finding carries the milder severity.',
    '',
    '### Choices where the digest leaves the severity open',
    '',
    'These choices are part of the contract: they stay stable, and a change is a change to this file.',
    '',
    '| ID | 严重程度 | why |',
    '|---|---|---|',
  ];
  const sev = new Map(rules.map((r) => [r.id, r.severity]));
  for (const c of SEVERITY_CHOICES) {
    const s = sev.get(c.id);
    parts.push(`| \`${c.id}\` | ${s ? SEVERITY_LABELS[s] : '—'} | ${cell(c.why)} |`);
  }
  parts.push('');
  for (const f of RULE_FAMILIES) {
    const inFamily = rules.filter((r) => familyOf(r.id) === f.prefix);
    if (inFamily.length === 0) continue;
    parts.push(`## ${f.title}`, '', f.blurb, '', ...table(inFamily), '');
  }
  const others = rules.filter((r) => familyOf(r.id) === 'other');
  if (others.length > 0) parts.push('## Other rules', '', ...table(others), '');
  parts.push(
    '## What counts: notes from published documents',
    '',
    'Where documents that governments have actually published showed a rule needs saying precisely, what it accepts and what it flags:',
    '',
  );
  for (const n of RULE_NOTES) {
    parts.push(`### \`${n.id}\``, '', ...n.lines.map((l) => `- ${l}`), '');
  }
  parts.push(...ORGAN_NOTES);
  parts.push(...renderReadingSection());
  return parts.join('\n');
}
