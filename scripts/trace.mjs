#!/usr/bin/env node
// npm run trace — writes docs/traceability.md: every requirement ID of the spec, the tests whose
// own title starts with that ID, and their status, from reports/test-results.json.
//
// IDs come from ../shared/spec/requirements.md (or docs/requirements-ids.txt when the spec is
// not checked out beside the repo). Titles come from docs/requirements-ids.txt when it has the ID.
// A test title may start with several IDs: "OUT-7 X-3 numbering is audited" counts for both.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative, dirname, isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './webbuild.mjs';
import { RESULTS_FILE, readResults, countResults, summaryLine } from './results.mjs';

const SPEC = process.env.XIETIAO_REQUIREMENTS ?? join(ROOT, '..', 'shared', 'spec', 'requirements.md');
const IDS_FILE = join(ROOT, 'docs', 'requirements-ids.txt');
const OUT_FILE = join(ROOT, 'docs', 'traceability.md');
const MAX_LISTED = 8;
const ID_RE = /(?:ORG|ACT|OUT|IN|MTG|X)-\d+(?![\w-])/;
const LEADING_IDS_RE = new RegExp(`^\\s*((?:${ID_RE.source})(?:\\s*[,/&+、，]\\s*|\\s+)?)+`);

function shortFromSpec(text) {
  // First clause of the requirement's first line.
  let s = text.replace(/\*\*/g, '').trim();
  const cut = s.search(/[:：;；]|\.\s|\.$| — /);
  if (cut > 15) s = s.slice(0, cut);
  return s.length > 90 ? s.slice(0, 87) + '…' : s;
}

/** [{ id, title }] in spec order. */
export function loadRequirements() {
  const titles = new Map();
  const txtOrder = [];
  if (existsSync(IDS_FILE)) {
    for (const line of readFileSync(IDS_FILE, 'utf8').split('\n')) {
      const m = line.match(new RegExp(`^(${ID_RE.source})\\t(.+)$`));
      if (m) {
        titles.set(m[1], m[2].trim());
        txtOrder.push(m[1]);
      }
    }
  }
  if (existsSync(SPEC)) {
    const reqs = [];
    for (const line of readFileSync(SPEC, 'utf8').split('\n')) {
      const m = line.match(new RegExp(`^\\s*[-*]\\s+(${ID_RE.source})\\s+(.*)$`));
      if (m && !reqs.some((r) => r.id === m[1])) reqs.push({ id: m[1], title: titles.get(m[1]) ?? shortFromSpec(m[2]) });
    }
    if (reqs.length) return { source: relative(ROOT, SPEC), reqs };
  }
  if (!txtOrder.length) throw new Error(`neither ${SPEC} nor ${IDS_FILE} lists any requirement ID`);
  return { source: relative(ROOT, IDS_FILE), reqs: txtOrder.map((id) => ({ id, title: titles.get(id) })) };
}

/** IDs a test title starts with ("X-1 …", "OUT-7, X-3 …"); [] when none. */
export function leadingIds(title) {
  const m = String(title).match(LEADING_IDS_RE);
  return m ? [...new Set(m[0].match(new RegExp(ID_RE.source, 'g')))] : [];
}

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function buildTraceability(results, { note = '' } = {}) {
  const { source, reqs } = loadRequirements();
  const known = new Set(reqs.map((r) => r.id));
  const byId = new Map(reqs.map((r) => [r.id, []]));
  const unknown = [];
  let linked = 0;
  for (const file of results?.testResults ?? []) {
    const rel = isAbsolute(file.name) ? relative(ROOT, file.name) : file.name;
    // A file that failed outside any test (import error, beforeAll) leaves its tests "skipped":
    // they count as failed here, or a broken file would look like "no tests".
    const fileBroken = file.status === 'failed' && !(file.assertionResults ?? []).some((a) => a.status === 'failed');
    for (const a of file.assertionResults ?? []) {
      const ids = leadingIds(a.title);
      if (ids.length) linked++;
      const notRun = fileBroken && a.status !== 'passed';
      for (const id of ids) {
        const entry = { file: rel, title: notRun ? `${a.title} (not run: the file failed)` : a.title, status: notRun ? 'failed' : a.status };
        if (known.has(id)) byId.get(id).push(entry);
        else unknown.push({ id, ...entry });
      }
    }
  }
  const icon = { passed: '✅', failed: '❌', skipped: '⏭', pending: '⏭', todo: '📝', disabled: '⏭' };
  const rows = [];
  const tally = { ok: 0, failed: 0, none: 0 };
  for (const { id, title } of reqs) {
    const tests = byId.get(id);
    const failed = tests.filter((t) => t.status === 'failed').length;
    const passed = tests.filter((t) => t.status === 'passed').length;
    let status;
    if (failed) {
      status = `❌ ${failed} of ${passed + failed} failed`;
      tally.failed++;
    } else if (passed) {
      status = `✅ ${passed} passed`;
      tally.ok++;
    } else {
      status = '—';
      tally.none++;
    }
    // Failures first, so they are never hidden behind "+N more".
    const sorted = [...tests].sort((a, b) => (a.status === 'failed' ? 0 : 1) - (b.status === 'failed' ? 0 : 1));
    const listed = sorted.slice(0, MAX_LISTED).map((t) => `${icon[t.status] ?? t.status} \`${cell(t.file)}\` — ${cell(t.title)}`);
    if (sorted.length > MAX_LISTED) listed.push(`+${sorted.length - MAX_LISTED} more`);
    rows.push(`| ${id} | ${cell(title)} | ${listed.join('<br>') || '—'} | ${status} |`);
  }
  const total = reqs.length;
  const stamp = results?.startTime ? new Date(results.startTime).toISOString() : new Date().toISOString();
  const lines = [
    '# Traceability — requirements ↔ tests',
    '',
    `Generated by \`npm run trace\` (also at the end of \`npm test\`) from \`reports/test-results.json\` of the run at ${stamp}` +
      ` and the requirement list in \`${source}\`. Do not edit by hand.` +
      (note ? ` **Note: ${note}** — untouched tiers show as "—".` : ''),
    '',
    `**${total} requirements: ${tally.ok} ✅ all tests passed · ${tally.failed} ❌ some tests failed · ${tally.none} — no tests.**` +
      ` ${linked} of ${results?.numTotalTests ?? 0} tests in the run are linked to a requirement` +
      ` (overall: ${summaryLine(countResults(results))}).`,
    '',
    "A test is linked when its own title (not the describe chain) starts with the ID, e.g. `it('X-1 office staff sees the inbox', …)`.",
    '',
    '| ID | Requirement | Tests | Status |',
    '|----|-------------|-------|--------|',
    ...rows,
  ];
  if (unknown.length) {
    lines.push('', '## Tests naming an unknown requirement ID', '');
    for (const u of unknown) lines.push(`- ${u.id}: \`${u.file}\` — ${cell(u.title)} (${u.status})`);
  }
  return lines.join('\n') + '\n';
}

export function writeTraceability({ results = readResults(), note = '', out = OUT_FILE } = {}) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, buildTraceability(results, { note }));
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2] ? resolve(process.argv[2]) : RESULTS_FILE;
  const results = readResults(file);
  if (!results) console.error(`[trace] ${relative(ROOT, file)} is missing or unreadable — every requirement will show "—". Run \`npm test\` first.`);
  const out = writeTraceability({ results });
  console.log(`[trace] wrote ${relative(ROOT, out)}`);
}
