/**
 * K-2 architecture rules, checked on the source itself (an equivalent of dependency-cruiser
 * rules, without the tool): the kernel is the one writer of its tables, no module reaches into
 * another module's repository, routes hold no SQL, and SQL lives in repositories.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const SRC = path.resolve(here, '../..');

function sourceFiles(dir = SRC): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === '__tests__' || e.name === 'node_modules') continue;
      out.push(...sourceFiles(p));
    } else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}
const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');
/** Product code: not tests, not the test harness, not migrations (they create the tables). */
const FILES = sourceFiles().filter((f) => !/^(test\/|platform\/db\/migrations\/)/.test(rel(f)));
const text = new Map(FILES.map((f) => [rel(f), fs.readFileSync(f, 'utf8')]));

const KERNEL_TABLES = [
  'matters',
  'matter_access',
  'tasks',
  'task_chases',
  'instructions',
  'matter_links',
  'timers',
  'audit_events',
  'audit_head',
  'counters',
  'steps',
  'step_participants',
  'content_versions',
  'number_series',
  'assigned_numbers',
];
/** The kernel and the two platform parts it is built on. */
const KERNEL_WRITERS = (f: string) => f.startsWith('kernel/') || ['platform/audit.ts', 'platform/timers.ts', 'platform/counters.ts'].includes(f);
const WRITE = new RegExp(`\\b(insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\\(\\s*['"\`](${KERNEL_TABLES.join('|')})['"\`]`, 'g');
const RAW_WRITE = new RegExp(`\\b(insert\\s+into|update|delete\\s+from)\\s+"?(${KERNEL_TABLES.join('|')})"?\\s`, 'gi');
const SQL = /\b(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\bsql`/;

function imports(source: string): string[] {
  return [...source.matchAll(/from\s+['"](\.[^'"]+)['"]/g)].map((m) => m[1]);
}
function resolveImport(from: string, spec: string): string {
  return rel(path.resolve(SRC, path.dirname(from), spec)).replace(/\.ts$/, '');
}
const moduleOf = (f: string) => (f.startsWith('modules/') ? f.split('/')[1] : f.startsWith('kernel/') ? 'kernel' : null);

/** Places where SQL is the file's job: repositories, read APIs, query fragments, the platform, seeds, the CLI. */
const SQL_HOME = (f: string) =>
  /\.repo\.ts$/.test(f) ||
  f === 'kernel/lookups.ts' ||
  f === 'kernel/matters.access.ts' ||
  f.startsWith('platform/') ||
  f.startsWith('seed/') ||
  f.startsWith('cli/') ||
  f === 'main.ts';

describe('K-2 architecture rules', () => {
  it('K-2 only the kernel writes the kernel tables', () => {
    const offenders: string[] = [];
    for (const [f, src] of text) {
      if (KERNEL_WRITERS(f)) continue;
      for (const m of [...src.matchAll(WRITE), ...src.matchAll(RAW_WRITE)]) offenders.push(`${f}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });

  it("K-2 no module imports another module's repository (the kernel's included: modules use kernel/reads)", () => {
    const offenders: string[] = [];
    for (const [f, src] of text) {
      const mine = moduleOf(f);
      for (const spec of imports(src)) {
        const target = resolveImport(f, spec);
        if (!/\.repo$/.test(target)) continue;
        const theirs = moduleOf(target);
        if (theirs && theirs !== mine) offenders.push(`${f} → ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('K-2 routes hold no SQL: they validate, call a service and present', () => {
    const offenders = [...text].filter(([f, src]) => f.endsWith('.routes.ts') && SQL.test(src)).map(([f]) => f);
    expect(offenders).toEqual([]);
  });

  it('K-2 SQL lives in repositories: no service, kind, route or helper runs a query of its own', () => {
    const withSql = [...text].filter(([f, src]) => !SQL_HOME(f) && SQL.test(src)).map(([f]) => f);
    expect(withSql).toEqual([]);
  });

  it('K-13 no service constructs another: services are built once, in container.ts', () => {
    const offenders: string[] = [];
    for (const [f, src] of text) {
      if (f === 'container.ts') continue;
      for (const m of src.matchAll(/\bcreate([A-Z]\w*)Service\(/g)) {
        if (new RegExp(`export function create${m[1]}Service\\(`).test(src)) continue;
        offenders.push(`${f}: ${m[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('K-13 the code is formatted and passes the linter (biome ci, as `npm run lint`)', () => {
    const root = path.resolve(SRC, '../..');
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules/@biomejs/biome/bin/biome'), 'ci', '.', '--max-diagnostics=20', '--colors=off'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status, `${r.stdout}\n${r.stderr}`.slice(-6000)).toBe(0);
  }, 120_000);
});
