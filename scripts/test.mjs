#!/usr/bin/env node
// npm test [-- <vitest args>]   e.g. `npm test -- domain`, `npm test -- --project server`
// 1. builds web/dist if missing or stale (browser tests serve it),
// 2. runs Vitest with the default + JSON reporters (reports/test-results.json),
// 3. refreshes docs/traceability.md,
// 4. prints "N passed, N failed[, N skipped]" alone on the last line; exits with Vitest's code.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, ensureWebBuilt } from './webbuild.mjs';
import { RESULTS_FILE, readResults, countResults, summaryLine } from './results.mjs';
import { writeTraceability } from './trace.mjs';

const extra = process.argv.slice(2);

if (!ensureWebBuilt()) {
  console.error('[test] continuing without a fresh web build — browser tests will likely fail.');
}

mkdirSync(join(ROOT, 'reports'), { recursive: true });
rmSync(RESULTS_FILE, { force: true }); // never report a stale run

const args = [
  join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${relative(ROOT, RESULTS_FILE)}`,
  ...extra,
];
const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
const forward = (sig) => () => child.kill(sig);
process.on('SIGINT', forward('SIGINT'));
process.on('SIGTERM', forward('SIGTERM'));

child.on('exit', (code, signal) => {
  let exitCode = code ?? (signal ? 1 : 0);
  const json = readResults();
  if (json) {
    try {
      const out = writeTraceability({ results: json, note: extra.length ? `filtered run: \`npm test -- ${extra.join(' ')}\`` : '' });
      console.log(`[test] traceability written to ${relative(ROOT, out)}`);
    } catch (err) {
      console.error(`[test] could not write the traceability doc: ${err.message}`);
    }
  } else {
    console.error(`[test] ${relative(ROOT, RESULTS_FILE)} was not written (Vitest ${signal ? 'killed by ' + signal : 'exit ' + code}).`);
    if (exitCode === 0) exitCode = 1;
  }
  const counts = countResults(json);
  if (counts.failed > 0 && exitCode === 0) exitCode = 1;
  console.log(summaryLine(counts));
  process.exit(exitCode);
});
