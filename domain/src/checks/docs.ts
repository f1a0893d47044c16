/**
 * `docs/rules.md`, generated from the rule registry (RULE_METADATA). Pure: returns the Markdown;
 * `__tests__/docs.test.ts` writes the file (UPDATE_DOCS=1) or fails when it is stale.
 */
import { RULE_METADATA, type RuleMeta } from './engine';
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
  { id: 'F-08', why: 'GB/T 9704 7.2.1 says 份号 “一般” uses 6 digits: warning.' },
  { id: 'F-16', why: 'F-16…F-19 read heading numerals out of the plain-text body, a heuristic: warning.' },
  { id: 'F-21', why: '先引标题后引发文字号 comes from the superseded 2000 办法 (practice): warning.' },
  { id: 'F-22', why: 'A wording heuristic; for a 报告 the blocking check is R-ROUTE-06b: warning.' },
  {
    id: 'R-ROUTE-06b',
    why: 'The digest says “ERROR (or WARN if your heuristics are noisy)”: error, since the wording list is narrow (妥否/当否…请批示, 请予批准, 请审批).',
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
  { id: 'X-08', why: 'The digest says “ERROR / WARN”: a 文种 mismatch is an error; punctuation in the title or another organ’s name in it is a warning.' },
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
  return parts.join('\n');
}
