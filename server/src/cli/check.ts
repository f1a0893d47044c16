/**
 * `xietiao check FILE.json [--json]` (or `-` for standard input), per check-contract.md:
 * exit 0 no error finding, 1 at least one, 2 bad input (message names the path, no stack trace).
 *
 * `xietiao check --text FILE [--organs FILE] [--json]` reads a whole document (contract section
 * “Reading a whole document”): FILE is a .txt (UTF-8), a .docx, or `-` for standard input. The
 * organs are those of `--organs FILE`, else the organisation in the system's database. `--json`
 * prints `{document, unread, findings}`; otherwise what was read, field by field, the fields that
 * could not be read, and the findings. Exit 0/1 as above; 2 when the file cannot be read at all,
 * or when neither its 文种 nor its 发文机关 could be read (the engine needs both to check).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  READ_FIELD_LABELS,
  checkJson,
  checkText,
  parseReaderOrgans,
  type Finding,
  type ReadName,
  type ReaderOrgan,
  type TextCheckResult,
} from '@xietiao/domain/checks/index';
import { DocxError, docxToText, sniffFile } from '../modules/checks/docx';

const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;

export interface CheckCommandOptions {
  /** the organs of the organisation in the system (used by `--text` without `--organs`) */
  systemOrgans?: () => Promise<ReaderOrgan[]>;
  /** standard input, as bytes (tests pass their own) */
  stdin?: () => Buffer;
}

const USAGE =
  '用法：xietiao check 文件.json [--json]（文件名为 - 时读取标准输入）\n' +
  '　　　xietiao check --text 文件.txt|文件.docx|- [--organs 机关列表.json] [--json]（读取公文全文并检查）\n';

function findingLine(f: Finding): string {
  return `${SEVERITY_LABEL[f.severity]}\t${f.rule}\t${f.message}\t（${f.path}）\n`;
}

export async function runCheckCommand(
  args: string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
  opts: CheckCommandOptions = {},
): Promise<number> {
  if (args.includes('--text') || args.includes('--organs')) return runTextCheck(args, out, err, opts);
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (files.length !== 1) {
    err(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = files[0] === '-' ? (opts.stdin?.() ?? fs.readFileSync(0)).toString('utf8') : fs.readFileSync(files[0], 'utf8');
  } catch {
    err(`无法读取文件：${files[0]}\n`);
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, '')); // a byte-order mark, as Windows editors save UTF-8
  } catch (e) {
    err(`输入不是有效的 JSON：${(e as Error).message}\n`);
    return 2;
  }
  const r = checkJson(raw);
  if (!r.ok) {
    err(`${r.message.startsWith(r.path) ? r.message : `${r.path}: ${r.message}`}\n`);
    return 2;
  }
  const findings = r.result.findings;
  if (json) out(`${JSON.stringify(r.result, null, 2)}\n`);
  else if (findings.length === 0) out('未发现问题。\n');
  else for (const f of findings) out(findingLine(f));
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// --text

/** `--text FILE --organs FILE --json` → the values; null when the arguments are not of that form. */
function parseTextArgs(args: string[]): { file: string; organs: string | null; json: boolean } | null {
  let file: string | null = null;
  let organs: string | null = null;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--text' || a === '--organs') {
      const v = args[i + 1];
      if (v === undefined || (v.startsWith('--') && v !== '-')) return null;
      if (a === '--text') {
        if (file !== null) return null;
        file = v;
      } else {
        if (organs !== null) return null;
        organs = v;
      }
      i++;
    } else return null;
  }
  return file === null ? null : { file, organs, json };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The document's text from a .txt (UTF-8) or .docx file, or standard input; a Chinese message when it cannot be read. */
async function readText(file: string, opts: CheckCommandOptions): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  let buf: Buffer;
  try {
    buf = file === '-' ? (opts.stdin?.() ?? fs.readFileSync(0)) : fs.readFileSync(file);
  } catch {
    return { ok: false, message: `无法读取文件：${file}` };
  }
  const kind = sniffFile(buf);
  const ext = path.extname(file).toLowerCase();
  if (kind !== 'other' || ext === '.docx') {
    try {
      return { ok: true, text: await docxToText(buf) };
    } catch (e) {
      return { ok: false, message: `${file}：${e instanceof DocxError ? e.message : '无法读取该 DOCX 文件'}` };
    }
  }
  let text: string;
  try {
    text = UTF8.decode(buf);
  } catch {
    return { ok: false, message: `${file}：不是 UTF-8 编码的文本（如为 GBK 编码，请另存为 UTF-8 后再读取）` };
  }
  return { ok: true, text: text.replace(/^\uFEFF/, '') };
}

async function loadOrgans(file: string | null, opts: CheckCommandOptions): Promise<{ ok: true; organs: ReaderOrgan[] } | { ok: false; message: string }> {
  if (file === null) {
    if (!opts.systemOrgans) return { ok: false, message: '未指定机关列表：请用 --organs 文件 指定' };
    try {
      const organs = await opts.systemOrgans();
      if (organs.length === 0) return { ok: false, message: '系统中还没有组织机构（机关）：请先在系统中维护机关，或用 --organs 文件 指定机关列表' };
      return { ok: true, organs };
    } catch (e) {
      return {
        ok: false,
        message: `无法读取系统中的组织机构（${e instanceof Error ? e.message : String(e)}）：请检查数据库配置，或用 --organs 文件 指定机关列表`,
      };
    }
  }
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, message: e instanceof SyntaxError ? `${file}：不是有效的 JSON：${e.message}` : `无法读取文件：${file}` };
  }
  const r = parseReaderOrgans(raw);
  if (!r.ok) return { ok: false, message: `${file}：${r.message.startsWith(r.path) ? r.message : `${r.path}: ${r.message}`}` };
  return { ok: true, organs: r.organs };
}

async function runTextCheck(args: string[], out: (s: string) => void, err: (s: string) => void, opts: CheckCommandOptions): Promise<number> {
  const a = parseTextArgs(args);
  if (!a) {
    err(USAGE);
    return 2;
  }
  const text = await readText(a.file, opts);
  if (!text.ok) {
    err(`${text.message}\n`);
    return 2;
  }
  if (text.text.trim() === '') {
    err(`${a.file}：文件中没有文字\n`);
    return 2;
  }
  const organs = await loadOrgans(a.organs, opts);
  if (!organs.ok) {
    err(`${organs.message}\n`);
    return 2;
  }
  const r = checkText(text.text, organs.organs);
  if (a.json) out(`${JSON.stringify(r.output, null, 2)}\n`);
  else out(describe(r, organs.organs));
  if (!r.checked) {
    const missing = (['type', 'issuers'] as const).filter((f) => r.output.unread.includes(f)).map((f) => READ_FIELD_LABELS[f]);
    err(`未能检查：未读出${missing.join('和') || '文种和发文机关'}，无法按公文检查（请核对全文，或在“公文合规检查”页面补填后检查）\n`);
    return 2;
  }
  return r.output.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Human output: what was read, field by field

function describe(r: TextCheckResult, organs: readonly ReaderOrgan[]): string {
  const { document: d, unread } = r.output;
  const p = r.read.parts;
  const name = new Map(organs.map((o) => [o.id, o.name]));
  const organ = (id: string) => name.get(id) ?? id;
  const un = new Set<string>(unread);
  const lines: string[] = ['读取结果：'];
  const show = (label: string, value: string | null, field?: keyof typeof READ_FIELD_LABELS) => {
    const v = value !== null && value !== '' ? value : field && un.has(field) ? '（未读出）' : '（无）';
    lines.push(`  ${label}：${v}`);
  };
  const names = (list: readonly ReadName[]) =>
    list
      .map((n) =>
        n.organs.length === 0 ? `${n.name}（未对应到机关）` : n.collective ? `${n.name}（${n.organs.map(organ).join('、')}）` : organ(n.organs[0] ?? ''),
      )
      .join('、');
  show('文种', d.type, 'type');
  show('版式', d.layout ? `${d.layout}格式` : null);
  show('份号', d.copyNo, 'copyNo');
  show('密级和保密期限', p.secrecy, 'secrecyTerm');
  show('紧急程度', p.urgency);
  show('发文机关标志', p.mark.join(' / ') || null);
  show('发文机关', d.issuers.map((i, k) => `${organ(i.organ)}${d.issuers.length > 1 && k === 0 ? '（主办）' : ''}`).join('、') || null, 'issuers');
  show('发文字号', d.docNo, 'docNo');
  show('签发人', d.signatory.join('、') || null, 'signatory');
  show('分隔线', p.separator === 'double' ? '双线（信函格式）' : p.separator === 'single' ? '有' : null);
  show('标题', p.title, 'title');
  show('主送机关', names(p.mainTo) || null, 'mainTo');
  if (d.type === '请示') show('请示事项', d.matters.join('；') || null, 'matters');
  if (d.type === '批复') show('答复的请示', d.replyTo ? `${organ(d.replyTo.issuer)}的${d.replyTo.type}（${d.replyTo.docNo}）` : null, 'replyTo');
  const levels = [1, 2, 3, 4]
    .map((lv) => [lv, p.headings.filter((h) => h.level === lv).length] as const)
    .filter(([, n]) => n > 0)
    .map(([lv, n]) => `${['', '一、', '（一）', '1.', '（1）'][lv]}${n}处`);
  show('正文', p.body.length ? `${p.body.length}段${levels.length ? `；层次：${levels.join('，')}` : ''}` : null, 'body');
  show('附件说明', p.attachmentNote.join(' / ') || null, 'attachmentNote');
  show('发文机关署名', names(p.signature) || null);
  show('成文日期', p.date, 'date');
  show('附注', p.note);
  show('附件', d.attachments.map((x) => `${x.no}.${x.title}`).join('；') || null, 'attachments');
  show('抄送机关', names(p.copyTo) || null, 'copyTo');
  show('印发机关和印发日期', p.printedBy || p.printedAt ? [p.printedBy, p.printedAt].filter(Boolean).join('　') : null);
  if (p.unplaced.length) lines.push(`  未归入任何要素的文字：${p.unplaced.length}行（${p.unplaced[0]}${p.unplaced.length > 1 ? '……' : ''}）`);
  lines.push(unread.length ? `未能读出：${unread.map((f) => `${READ_FIELD_LABELS[f]}（${f}）`).join('、')}` : '未能读出：无');
  if (r.checked) {
    lines.push('检查结果：');
    if (r.output.findings.length === 0) lines.push('未发现问题。');
  }
  return `${lines.join('\n')}\n${r.checked ? r.output.findings.map(findingLine).join('') : ''}`;
}
