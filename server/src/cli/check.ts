/**
 * `xietiao check FILE.json [--json]` (or `-` for standard input), per check-contract.md:
 * exit 0 no error finding, 1 at least one, 2 bad input (message names the path, no stack trace).
 */
import fs from 'node:fs';
import { checkJson } from '@xietiao/domain/checks/index';

const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;

function readStdin(): string {
  return fs.readFileSync(0, 'utf8');
}

export async function runCheckCommand(
  args: string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (files.length !== 1) {
    err('用法：xietiao check 文件.json [--json]（文件名为 - 时读取标准输入）\n');
    return 2;
  }
  let text: string;
  try {
    text = files[0] === '-' ? readStdin() : fs.readFileSync(files[0], 'utf8');
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
  else for (const f of findings) out(`${SEVERITY_LABEL[f.severity]}\t${f.rule}\t${f.message}\t（${f.path}）\n`);
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
