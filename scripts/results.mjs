// Reading reports/test-results.json (Vitest's JSON reporter, Jest-compatible shape).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './webbuild.mjs';

export const RESULTS_FILE = join(ROOT, 'reports', 'test-results.json');

export function readResults(file = RESULTS_FILE) {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** { passed, failed, skipped } — a test file that failed before any test ran counts as one failure. */
export function countResults(json) {
  if (!json) return { passed: 0, failed: 1, skipped: 0, missing: true };
  const passed = json.numPassedTests ?? 0;
  let failed = json.numFailedTests ?? 0;
  for (const file of json.testResults ?? []) {
    const anyFailed = (file.assertionResults ?? []).some((a) => a.status === 'failed');
    if (file.status === 'failed' && !anyFailed) failed += 1; // import error, hook failure, …
  }
  const skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  return { passed, failed, skipped, missing: false };
}

export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : '');
}
