/**
 * The 公文合规检查 engine (check-contract.md): runs every rule of the registry on a validated
 * input and returns the findings sorted by severity (error, warning, info), then rule ID.
 * Pure: no I/O. A rule that throws is skipped (it must not take the whole check down).
 */
import { buildContext } from './context';
import { parseCheckInput } from './input';
import { RULES } from './rules/index';
import type { CheckInput, Finding, RuleDef, Severity } from './types';

export { RULES };

export interface CheckResult {
  findings: Finding[];
}

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Rule metadata without the check functions, e.g. for docs/rules.md. */
export interface RuleMeta {
  id: string;
  severity: Severity;
  title: string;
  source: string;
}
export const RULE_METADATA: readonly RuleMeta[] = RULES.map(({ id, severity, title, source }) => ({
  id,
  severity,
  title,
  source,
}));

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts (stable) by severity then rule ID, and drops identical findings. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const unique: Finding[] = [];
  for (const f of findings) {
    const key = JSON.stringify([f.rule, f.severity, f.message, f.path]);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(f);
  }
  return unique.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compareIds(a.rule, b.rule));
}

export function checkDocument(input: CheckInput, rules: readonly RuleDef[] = RULES): CheckResult {
  const ctx = buildContext(input);
  const all: Finding[] = [];
  for (const rule of rules) {
    let found: Finding[];
    try {
      found = rule.check(ctx);
    } catch {
      continue; // a faulty rule reports nothing rather than crashing the check
    }
    if (Array.isArray(found)) all.push(...found);
  }
  return { findings: sortFindings(all) };
}

export type CheckJsonResult = { ok: true; result: CheckResult } | { ok: false; path: string; message: string };

/** Validates raw (already `JSON.parse`d) input, then checks it. Never throws. */
export function checkJson(raw: unknown): CheckJsonResult {
  const parsed = parseCheckInput(raw);
  if (!parsed.ok) return parsed;
  return { ok: true, result: checkDocument(parsed.input) };
}
