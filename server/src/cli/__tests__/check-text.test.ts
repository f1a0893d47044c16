/**
 * IN-2 `xietiao check --text FILE` (check-contract.md, “Reading a whole document”): a .txt, a .docx
 * or standard input, organs from `--organs FILE` or the organisation in the system's database;
 * `--json` prints exactly {document, unread, findings}; exit 0/1/2. In-process through
 * runCheckCommand, and real processes of server/bin/xietiao.mjs.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkText } from '@xietiao/domain/checks/index';
import { CORPUS, READER_ORGANS } from '@xietiao/domain/checks/__tests__/reader-corpus';
import { runCheckCommand, type CheckCommandOptions } from '../check';
import { blocksOf, buildDocx } from '../../modules/checks/__tests__/docx-builder';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/xietiao.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietiao-check-text-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let fileNo = 0;
function file(content: string | Buffer, ext = '.txt'): string {
  const p = path.join(dir, `doc-${++fileNo}${ext}`);
  fs.writeFileSync(p, content);
  return p;
}
const organsFile = file(JSON.stringify(READER_ORGANS), '.json');

async function check(args: string[], opts: CheckCommandOptions = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCheckCommand(
    args,
    (s) => {
      out += s;
    },
    (s) => {
      err += s;
    },
    opts,
  );
  return { code, out, err };
}

function spawn(args: string[], input?: string | Buffer, env?: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, 'check', ...args], { timeout: 55_000, env: env ?? process.env }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
    child.stdin?.end(input);
  });
}

const STACK_LINE = /^\s*at\s/m;
const clean = CORPUS[1]!; // the 请示 with attachments: no finding
const broken = CORPUS.find((c) => c.unread.includes('signatory'))!; // X-03 error
const noType = CORPUS.find((c) => c.unread.includes('type'))!;

describe('IN-2 xietiao check --text (in-process)', () => {
  it('IN-2 a clean 请示 as .txt exits 0 and shows what was read field by field in Chinese, the unread fields and 未发现问题', async () => {
    const r = await check(['--text', file(clean.text), '--organs', organsFile]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    for (const line of [
      '读取结果：',
      '  文种：请示',
      '  版式：通用格式',
      '  发文机关标志：某县人民政府文件',
      '  发文机关：某县人民政府',
      '  发文字号：县政发〔2024〕18号',
      '  签发人：王某',
      '  分隔线：有',
      '  标题：某县人民政府关于追加防汛经费的请示',
      '  主送机关：某市人民政府',
      '  请示事项：追加防汛经费',
      '  附件说明：附件：1.经费测算表 / 2.受灾情况统计',
      '  发文机关署名：某县人民政府',
      '  成文日期：2024年6月3日',
      '  附注：（联系人：张某，电话：12345678）',
      '  附件：1.经费测算表；2.受灾情况统计',
      '  抄送机关：某市财政局',
      '  印发机关和印发日期：某县人民政府办公室　2024年6月3日',
      '未能读出：无',
      '检查结果：',
      '未发现问题。',
    ])
      expect(r.out.split('\n'), line).toContain(line);
  });

  it('IN-2 --json prints exactly {document, unread, findings}: the read document and the engine’s findings', async () => {
    const r = await check(['--text', file(broken.text), '--organs', organsFile, '--json']);
    expect(r.code, r.err).toBe(1);
    const out = JSON.parse(r.out);
    expect(Object.keys(out)).toEqual(['document', 'unread', 'findings']);
    expect(out.document).toEqual(broken.document);
    expect(out.unread).toEqual(['mainTo', 'signatory']);
    expect(out).toEqual(JSON.parse(JSON.stringify(checkText(broken.text, READER_ORGANS).output)));
  });

  it('IN-2 an error finding exits 1; the human output names the unread fields and prints one line per finding (severity, rule, message, path)', async () => {
    const r = await check(['--text', file(broken.text), '--organs', organsFile]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('未能读出：主送机关（mainTo）、签发人（signatory）');
    expect(r.out).toContain('  主送机关：某市人民政府、某市应急管理局（未对应到机关）');
    expect(r.out).toContain('  签发人：（未读出）');
    expect(r.out).toMatch(/^错误\tX-03\t上行文应当标注签发人姓名\t（document\.signatory）$/mu);
  });

  it('IN-2 a .docx reads as its text does', async () => {
    const docx = file(await buildDocx(blocksOf(clean.text, clean.red)), '.docx');
    const [fromDocx, fromTxt] = await Promise.all([
      check(['--text', docx, '--organs', organsFile, '--json']),
      check(['--text', file(clean.text), '--organs', organsFile, '--json']),
    ]);
    expect(fromDocx.code, fromDocx.err).toBe(0);
    expect(JSON.parse(fromDocx.out)).toEqual(JSON.parse(fromTxt.out));
  });

  it('IN-2 `-` reads standard input: text or DOCX bytes', async () => {
    const txt = await check(['--text', '-', '--organs', organsFile, '--json'], { stdin: () => Buffer.from(clean.text) });
    expect(txt.code, txt.err).toBe(0);
    expect(JSON.parse(txt.out).document).toEqual(clean.document);
    const docx = await buildDocx(blocksOf(clean.text));
    const bytes = await check(['--text', '-', '--organs', organsFile, '--json'], { stdin: () => docx });
    expect(JSON.parse(bytes.out).document).toEqual(clean.document);
  });

  it('IN-2 without --organs the organisation in the system is used', async () => {
    const r = await check(['--text', file(clean.text), '--json'], { systemOrgans: async () => READER_ORGANS });
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).document).toEqual(clean.document);
    const none = await check(['--text', file(clean.text)], {
      systemOrgans: async () => {
        throw new Error('no such table: organs');
      },
    });
    expect(none.code).toBe(2);
    expect(none.err).toContain('无法读取系统中的组织机构');
    expect(none.err).toContain('--organs');
    const empty = await check(['--text', file(clean.text)], { systemOrgans: async () => [] });
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('系统中还没有组织机构');
  });

  it('IN-2 exit 2 when the file cannot be read at all: missing, not UTF-8, empty, a PDF or .doc, a damaged DOCX', async () => {
    const gbk = Buffer.from([0xc4, 0xb3, 0xca, 0xd0, 0xc8, 0xcb, 0xc3, 0xf1]); // 某市人民 in GBK
    const cases: [string[], RegExp][] = [
      [['--text', path.join(dir, 'missing.txt')], /无法读取文件/],
      [['--text', file(gbk)], /不是 UTF-8 编码/],
      [['--text', file('  \n\n')], /没有文字/],
      [['--text', file(Buffer.from('%PDF-1.7\n'), '.docx')], /PDF/],
      [['--text', file(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), '.doc')], /\.doc/],
      [['--text', file((await buildDocx(blocksOf(clean.text))).subarray(0, 1500), '.docx')], /已损坏/],
    ];
    for (const [args, message] of cases) {
      const r = await check([...args, '--organs', organsFile]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
    }
  });

  it('IN-2 exit 2 when the organs file is bad, naming the path (organs[1].kind)', async () => {
    const badKind = file(JSON.stringify([READER_ORGANS[0], { ...READER_ORGANS[1], kind: '衙门' }]), '.json');
    const r = await check(['--text', file(clean.text), '--organs', badKind]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('organs[1].kind');
    const notJson = await check(['--text', file(clean.text), '--organs', file('[{', '.json')]);
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain('不是有效的 JSON');
    // a check input file (with its organs) is taken as an organ list too
    const input = file(JSON.stringify({ organs: READER_ORGANS, document: {} }), '.json');
    expect((await check(['--text', file(clean.text), '--organs', input])).code).toBe(0);
  });

  it('IN-2 exit 2 when the 文种 (or the 发文机关) cannot be read: what was read is still shown, and stderr says why it was not checked', async () => {
    const r = await check(['--text', file(noType.text), '--organs', organsFile, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ unread: ['type'], findings: [] });
    expect(r.err).toContain('未能检查：未读出文种');
    const human = await check(['--text', file(noType.text), '--organs', organsFile]);
    expect(human.out).toContain('  文种：（未读出）');
    expect(human.out).not.toContain('检查结果');
  });

  it('IN-2 wrong arguments print the usage and exit 2', async () => {
    for (const args of [
      ['--text'],
      ['--text', 'a.txt', 'b.txt'],
      ['--organs', organsFile],
      ['--text', 'a.txt', '--organs'],
      ['--text', 'a.txt', '--frobnicate'],
    ]) {
      const r = await check(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain('用法');
    }
  });
});

describe.concurrent('IN-2 xietiao check --text (real process)', { timeout: 120_000 }, () => {
  it('IN-2 `xietiao check --text FILE.docx --organs FILE --json` prints the object and exits 1 on an error finding; `-` reads standard input', async () => {
    const docx = file(await buildDocx(blocksOf(broken.text, broken.red)), '.docx');
    const [fromDocx, fromStdin] = await Promise.all([
      spawn(['--text', docx, '--organs', organsFile, '--json']),
      spawn(['--text', '-', '--organs', organsFile, '--json'], broken.text),
    ]);
    expect(fromDocx.code, fromDocx.stderr).toBe(1);
    expect(JSON.parse(fromDocx.stdout)).toEqual(JSON.parse(JSON.stringify(checkText(broken.text, READER_ORGANS).output)));
    expect(fromStdin.code, fromStdin.stderr).toBe(1);
    expect(JSON.parse(fromStdin.stdout)).toEqual(JSON.parse(fromDocx.stdout));
  });

  it('IN-2 a file that cannot be read exits 2 with a Chinese message and no stack trace', async () => {
    const r = await spawn(['--text', file(Buffer.from('%PDF-1.4'), '.docx'), '--organs', organsFile]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('PDF');
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('IN-2 without --organs the command reads the organisation from the database (the demo organisation after seed --demo)', async () => {
    const data = fs.mkdtempSync(path.join(dir, 'data-'));
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: data };
    delete env.DATABASE_URL;
    const missing = await spawn(['--text', file(clean.text)], undefined, env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('不存在');
    expect(fs.existsSync(path.join(data, 'xietiao.db'))).toBe(false); // not created by a check
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, [bin, 'seed', '--demo'], { env, timeout: 100_000 }, (e) => (e ? reject(e) : resolve())),
    );
    const text = clean.text.replaceAll('某县人民政府', '甲县人民政府').replace('县政发〔2024〕18号', '甲政发〔2024〕18号');
    const r = await spawn(['--text', file(text)], undefined, env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('  发文机关：甲县人民政府');
    expect(r.stdout).toContain('  主送机关：某市人民政府');
    expect(r.stdout).toContain('  抄送机关：某市财政局');
    expect(r.stdout).toContain('未能读出：无');
  });
});
