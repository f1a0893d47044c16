/**
 * Table helpers for the format (F-xx) and cross-field (X-xx) rule tests: each rule gets a list
 * of documents that break it and a list that pass it; every test name starts with the rule ID.
 */
import { expect, it } from 'vitest';
import { buildContext } from '../context';
import { crossFieldRules } from '../rules/crossfield';
import { formatRules } from '../rules/format';
import type { CheckInput, Finding, RuleDef, Severity } from '../types';

export const OWN_RULES: RuleDef[] = [...formatRules, ...crossFieldRules];

export function rule(id: string): RuleDef {
  const r = OWN_RULES.find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}

/** Findings of one rule on one input. */
export function run(id: string, input: CheckInput): Finding[] {
  return rule(id).check(buildContext(input));
}

/** Findings of all format and cross-field rules on one input. */
export function runAll(input: CheckInput): Finding[] {
  const ctx = buildContext(input);
  return OWN_RULES.flatMap((r) => r.check(ctx));
}

export interface BadCase {
  /** what is wrong, completes “<ID> flags …” */
  name: string;
  input: CheckInput;
  /** the path of at least one finding */
  path?: string;
  /** a pattern at least one message must match */
  message?: RegExp;
  /** the severity of at least one finding (defaults to the rule's) */
  severity?: Severity;
}

export interface GoodCase {
  /** what makes it pass, completes “<ID> passes …” */
  name: string;
  input: CheckInput;
}

/** Registers the table tests of one rule. */
export function ruleTable(id: string, bad: BadCase[], good: GoodCase[]): void {
  for (const c of bad) {
    it(`${id} flags ${c.name}`, () => {
      const found = run(id, c.input);
      expect(found.length, JSON.stringify(found)).toBeGreaterThan(0);
      for (const f of found) {
        expect(f.rule).toBe(id);
        expect(f.message).toMatch(/[\u4e00-\u9fa5]/u);
        expect(f.path).toMatch(/^document\./u);
      }
      const sev = c.severity ?? rule(id).severity;
      expect(found.map((f) => f.severity)).toContain(sev);
      if (c.path) expect(found.map((f) => f.path)).toContain(c.path);
      if (c.message) expect(found.map((f) => f.message).join('\n')).toMatch(c.message);
    });
  }
  for (const c of good) {
    it(`${id} passes ${c.name}`, () => {
      expect(run(id, c.input)).toEqual([]);
    });
  }
}
