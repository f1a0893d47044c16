/**
 * check-contract.md through `xietiao check`: in-process via runCheckCommand (stdout/stderr
 * captured), plus real spawns of server/bin/xietiao.mjs for the process-level contract
 * (exit status, --json on stdout, stdin via '-', no stack trace on stderr).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DOC_TYPES, SEVERITY_ORDER, checkJson } from '@xietiao/domain/checks/index';
import { ORGANS, O, rawBase } from '@xietiao/domain/checks/__tests__/fixtures';
import { runCheckCommand } from '../check';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/xietiao.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietiao-check-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let fileNo = 0;
function file(content: string | object): string {
  const p = path.join(dir, `doc-${++fileNo}.json`);
  fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

async function check(args: string[]): Promise<{ code: number; out: string; err: string }> {
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
  );
  return { code, out, err };
}

interface Spawned {
  code: number;
  stdout: string;
  stderr: string;
}
function spawn(args: string[], input?: string): Promise<Spawned> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, 'check', ...args], { timeout: 55_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
    if (input !== undefined) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

/** A line of a stack trace (“    at fn (file:1:2)”). */
const STACK_LINE = /^\s*at\s/m;

/** A 请示 with two 主送, two 请示事项, no 签发人 and no 附注: errors and a warning. */
function brokenRequest(): Record<string, unknown> {
  const raw = rawBase() as { document: Record<string, unknown> };
  raw.document.mainTo = [O.cityGov, O.otherCityGov];
  raw.document.matters = ['追加防汛经费', '购置抢险车辆'];
  raw.document.signatory = [];
  raw.document.note = null;
  return raw;
}

type Finding = { rule: string; severity: 'error' | 'warning' | 'info'; message: string; path: string };

function expectSorted(findings: Finding[]) {
  for (let i = 1; i < findings.length; i++) {
    const a = findings[i - 1];
    const b = findings[i];
    const order = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
    expect(order, `${a.rule} before ${b.rule}`).toBeLessThanOrEqual(0);
  }
}

describe('xietiao check (in-process)', () => {
  it('check-contract: a clean 请示 exits 0 and says 未发现问题', async () => {
    const r = await check([file(rawBase())]);
    expect(r).toEqual({ code: 0, out: '未发现问题。\n', err: '' });
  });

  it('check-contract: a broken 请示 exits 1 and prints one line per finding: severity, rule, message, path', async () => {
    const raw = brokenRequest();
    const r = await check([file(raw)]);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const want = checkJson(raw);
    if (!want.ok) throw new Error(want.message);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(want.result.findings.length);
    const label = { error: '错误', warning: '警告', info: '提示' } as const;
    want.result.findings.forEach((f, i) => {
      expect(lines[i]).toBe(`${label[f.severity]}\t${f.rule}\t${f.message}\t（${f.path}）`);
    });
    const rules = want.result.findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['R-ROUTE-02', 'R-ROUTE-06a', 'X-03', 'X-13']));
    expect(r.out).toMatch(/^错误\tR-ROUTE-02\t请示原则上只主送一个上级机关.*\t（document\.mainTo）$/m);
    expect(r.out).toMatch(/^警告\tX-13\t.*\t（document\.note）$/m);
  });

  it('check-contract: only warnings and hints exit 0', async () => {
    const raw = rawBase() as { document: Record<string, unknown> };
    raw.document.note = null; // X-13 is a warning
    const r = await check([file(raw)]);
    expect(r.out).toMatch(/^警告\tX-13\t/m);
    expect(r.out).not.toMatch(/^错误/m);
    expect(r.code).toBe(0);
  });

  it('check-contract: --json prints exactly {"findings":[...]}, sorted by severity then rule', async () => {
    const raw = brokenRequest();
    const r = await check([file(raw), '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const parsed = JSON.parse(r.out) as { findings: Finding[] };
    expect(Object.keys(parsed)).toEqual(['findings']);
    for (const f of parsed.findings) expect(Object.keys(f).sort()).toEqual(['message', 'path', 'rule', 'severity']);
    expectSorted(parsed.findings);
    expect(parsed.findings.map((f) => f.severity)).toEqual(expect.arrayContaining(['error', 'warning']));
    const want = checkJson(raw);
    expect(want.ok && want.result).toEqual(parsed);
    // the flag may come first too
    expect((await check(['--json', file(raw)])).out).toBe(r.out);
  });

  it('check-contract: --json on a clean document prints {"findings": []} and exits 0', async () => {
    const r = await check(['--json', file(rawBase())]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ findings: [] });
  });

  it('check-contract: invalid JSON exits 2 with a message and no stack trace', async () => {
    const r = await check([file('{"organs": [,]')]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('JSON');
    expect(r.err).not.toMatch(STACK_LINE);
  });

  it('check-contract: a file saved with a UTF-8 byte-order mark (Windows editors) is read as JSON', async () => {
    const r = await check([file(`\uFEFF${JSON.stringify(rawBase())}`)]);
    expect(r).toEqual({ code: 0, out: '未发现问题。\n', err: '' });
  });

  it('check-contract: an unknown organ exits 2 and names the path, e.g. document.mainTo[1]: unknown organ "x"', async () => {
    const raw = rawBase() as { document: Record<string, unknown> };
    raw.document.mainTo = [O.cityGov, 'x'];
    const r = await check([file(raw)]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^document\.mainTo\[1\]: .*"x"/);
    expect(r.err).not.toMatch(STACK_LINE);
  });

  it.each([
    [
      'a wrong type',
      (d: Record<string, unknown>) => {
        d.title = 42;
      },
      'document.title',
    ],
    [
      'an unknown 文种',
      (d: Record<string, unknown>) => {
        d.type = '申请';
      },
      'document.type',
    ],
    [
      'a missing required field',
      (d: Record<string, unknown>) => {
        delete d.body;
      },
      'document.body',
    ],
    [
      'an unknown signer organ',
      (d: Record<string, unknown>) => {
        (d.signers as { organ: string }[])[0].organ = 'nowhere';
      },
      'document.signers[0].organ',
    ],
  ])('check-contract: %s exits 2 and names the path', async (_what, mutate, want) => {
    const raw = rawBase() as { document: Record<string, unknown> };
    mutate(raw.document);
    const r = await check([file(raw)]);
    expect(r.code).toBe(2);
    expect(r.err.startsWith(`${want}: `), r.err).toBe(true);
    expect(r.err).not.toMatch(STACK_LINE);
  });

  it('check-contract: input that is not an object (no document) exits 2', async () => {
    expect((await check([file('[]')])).code).toBe(2);
    const noDoc = await check([file({ organs: ORGANS })]);
    expect(noDoc.code).toBe(2);
    expect(noDoc.err).toMatch(/^document: /);
  });

  it('check-contract: a missing file exits 2 naming the file; no file or two files print usage and exit 2', async () => {
    const missing = path.join(dir, 'no-such.json');
    const r = await check([missing]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(missing);
    expect(r.err).not.toMatch(STACK_LINE);
    expect((await check([])).code).toBe(2);
    expect((await check(['--json'])).err).toContain('用法');
    expect((await check([file(rawBase()), file(rawBase())])).code).toBe(2);
  });
});

// Each spawn starts tsx on the server sources (a few seconds); run them side by side.
describe.concurrent('xietiao check (real process)', { timeout: 60_000 }, () => {
  it('check-contract: `node server/bin/xietiao.mjs check FILE --json` prints the findings object and exits 1 on an error finding', async () => {
    const raw = brokenRequest();
    const r = await spawn([file(raw), '--json']);
    expect(r.code, r.stderr).toBe(1);
    const want = checkJson(raw);
    expect(want.ok && want.result).toEqual(JSON.parse(r.stdout));
    expect(Object.keys(JSON.parse(r.stdout) as object)).toEqual(['findings']);
  });

  it('check-contract: a malformed file exits 2 with the path on stderr and no stack trace', async () => {
    const raw = rawBase() as { document: Record<string, unknown> };
    raw.document.mainTo = [O.cityGov, 'x'];
    const [bad, notJson] = await Promise.all([spawn([file(raw)]), spawn([file('{ not json')])]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('document.mainTo[1]');
    expect(bad.stderr).not.toMatch(STACK_LINE);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).not.toMatch(STACK_LINE);
  });

  it('check-contract: `-` reads the document from standard input', async () => {
    const r = await spawn(['-'], JSON.stringify(rawBase()));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('未发现问题。\n');
  });
});

// ---------------------------------------------------------------------------------------------
// Property: any malformed input is bad input (exit 2) and the message names the offending path.

type Json = unknown;
type Kind = 'string' | 'enum' | 'int' | 'boolean' | 'array' | 'object' | 'addressee';
interface Field {
  path: (string | number)[];
  kind: Kind;
  required: boolean;
}

const f = (kind: Kind, required: boolean, ...p: (string | number)[]): Field => ({ path: p, kind, required });
const organIds = new Set(ORGANS.map((o) => o.id));

const FIELDS: Field[] = [
  f('object', true, 'document'),
  f('array', true, 'organs'),
  f('enum', true, 'document', 'type'),
  f('enum', false, 'document', 'layout'),
  f('array', true, 'document', 'issuers'),
  f('string', true, 'document', 'issuers', 0, 'organ'),
  f('boolean', false, 'document', 'issuers', 0, 'lead'),
  f('string', true, 'document', 'title'),
  f('array', true, 'document', 'mainTo'),
  f('addressee', true, 'document', 'mainTo', 0),
  f('array', false, 'document', 'copyTo'),
  f('addressee', true, 'document', 'copyTo', 0),
  f('string', false, 'document', 'docNo'),
  f('string', false, 'document', 'date'),
  f('array', false, 'document', 'signers'),
  f('string', true, 'document', 'signers', 0, 'organ'),
  f('string', true, 'document', 'signers', 0, 'name'),
  f('enum', true, 'document', 'signers', 0, 'role'),
  f('boolean', false, 'document', 'signers', 0, 'proxy'),
  f('string', false, 'document', 'signers', 0, 'opinion'),
  f('string', false, 'document', 'signers', 0, 'signedAt'),
  f('array', false, 'document', 'signatory'),
  f('string', true, 'document', 'signatory', 0),
  f('enum', false, 'document', 'secrecy'),
  f('string', false, 'document', 'secrecyTerm'),
  f('enum', false, 'document', 'urgency'),
  f('array', false, 'document', 'matters'),
  f('string', true, 'document', 'matters', 0),
  f('string', true, 'document', 'body'),
  f('array', false, 'document', 'attachmentNote'),
  f('string', true, 'document', 'attachmentNote', 1),
  f('array', false, 'document', 'attachments'),
  f('int', true, 'document', 'attachments', 1, 'no'),
  f('string', true, 'document', 'attachments', 0, 'title'),
  f('string', false, 'document', 'note'),
  f('object', false, 'document', 'flags'),
  f('boolean', false, 'document', 'flags', 'important'),
  f('boolean', false, 'document', 'flags', 'directive'),
  f('string', false, 'document', 'flags', 'skipLevelReason'),
  ...ORGANS.flatMap((o, i) => [
    f('string', true, 'organs', i, 'id'),
    f('string', true, 'organs', i, 'name'),
    f('enum', true, 'organs', i, 'kind'),
    f('int', true, 'organs', i, 'level'),
    f('array', false, 'organs', i, 'superiors'),
    ...o.superiors.map((_, j) => f('string', true, 'organs', i, 'superiors', j)),
    f('string', false, 'organs', i, 'parent'),
  ]),
];

/** Every place that names an organ id. */
const REFS: (string | number)[][] = [
  ['document', 'issuers', 0, 'organ'],
  ['document', 'mainTo', 0],
  ['document', 'copyTo', 0],
  ['document', 'signers', 0, 'organ'],
  ...ORGANS.flatMap((o, i) => [...o.superiors.map((_, j) => ['organs', i, 'superiors', j]), ...(o.parent ? [['organs', i, 'parent']] : [])]),
];

function fmt(p: readonly (string | number)[]): string {
  return p.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function parentOf(root: Json, p: readonly (string | number)[]): Record<string | number, Json> | null {
  let cur = root;
  for (const k of p.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object') return null;
    cur = (cur as Record<string | number, Json>)[k];
  }
  return cur !== null && typeof cur === 'object' ? (cur as Record<string | number, Json>) : null;
}

/** A mutation applies itself to the document and returns the path it broke, or null if it could not apply. */
type Mutation = (root: Json) => string | null;

function wrongValues(kind: Kind, required: boolean): fc.Arbitrary<Json> {
  const pool: Json[] = [];
  if (kind !== 'string' && kind !== 'enum') pool.push('文本');
  if (kind !== 'int') pool.push(42);
  if (kind === 'int') pool.push(2.5, '2');
  if (kind !== 'boolean') pool.push(true);
  if (kind !== 'array') pool.push([1, 2]);
  if (kind !== 'object' && kind !== 'addressee') pool.push({ a: 1 });
  if (required) pool.push(null);
  const arbs: fc.Arbitrary<Json>[] = [fc.constantFrom(...pool)];
  if (kind === 'enum')
    arbs.push(
      fc
        .string({ minLength: 1, maxLength: 6 })
        .filter(
          (s) =>
            !(DOC_TYPES as readonly string[]).includes(s) &&
            ![
              '通用',
              '信函',
              '命令',
              '纪要',
              '主要负责人',
              '分管负责人',
              '受权',
              'none',
              '秘密',
              '机密',
              '绝密',
              '特急',
              '加急',
              '政府',
              '党委',
              '部门',
            ].includes(s),
        ),
    );
  return fc.oneof(...arbs);
}

const setAt =
  (p: (string | number)[], v: Json): Mutation =>
  (root) => {
    const parent = parentOf(root, p);
    if (!parent) return null;
    const key = p[p.length - 1];
    if (Array.isArray(parent) ? typeof key !== 'number' || key >= parent.length : !(key in parent)) return null;
    parent[key] = v;
    return fmt(p);
  };

const deleteAt =
  (p: (string | number)[]): Mutation =>
  (root) => {
    const parent = parentOf(root, p);
    if (!parent || Array.isArray(parent) || !(p[p.length - 1] in parent)) return null;
    delete parent[p[p.length - 1]];
    return fmt(p);
  };

const unknownId = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !organIds.has(s));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // a required field deleted
  fc.constantFrom(...FIELDS.filter((x) => x.required && typeof x.path[x.path.length - 1] === 'string')).map((x) => deleteAt(x.path)),
  // a wrong type (or a value outside the enum)
  fc.constantFrom(...FIELDS).chain((x) => wrongValues(x.kind, x.required).map((v) => setAt(x.path, v))),
  // an unknown organ id where an organ is named
  fc.tuple(fc.constantFrom(...REFS), unknownId).map(([p, id]) => setAt(p, id)),
  // an unknown organ added to 主送 or 抄送, or inside a person addressee
  fc.tuple(fc.constantFrom('mainTo', 'copyTo'), unknownId, fc.boolean()).map(
    ([key, id, person]): Mutation =>
      (root) => {
        const doc = (root as { document?: Record<string, Json> }).document;
        const list = doc?.[key];
        if (!Array.isArray(list)) return null;
        list.push(person ? { person: '李某', organ: id } : id);
        return `document.${key}[${list.length - 1}]${person ? '.organ' : ''}`;
      },
  ),
  // an unknown 文种
  fc
    .string({ minLength: 1, maxLength: 4 })
    .filter((s) => !(DOC_TYPES as readonly string[]).includes(s))
    .map((t) => setAt(['document', 'type'], t)),
);

describe('xietiao check (property)', () => {
  it('check-contract: any malformed document (deleted required field, wrong type, unknown organ, unknown 文种) exits 2 and stderr names a broken path', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const raw = rawBase();
        const broken = mutations.map((m) => m(raw)).filter((p): p is string => p !== null);
        fc.pre(broken.length > 0);
        const r = await check([file(raw)]);
        expect(r.code, r.err).toBe(2);
        expect(r.out).toBe('');
        expect(r.err).not.toMatch(STACK_LINE);
        const named = /^(\S+): /.exec(r.err)?.[1];
        expect(broken, r.err).toContain(named);
      }),
      { numRuns: 300 },
    );
  });
});
