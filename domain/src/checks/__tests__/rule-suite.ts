/**
 * Table-driven rule tests: every case runs through the full engine; a breaking case must yield
 * at least one finding of the rule (optionally of a given severity / path / message part), a
 * passing case none. Test names start with the rule ID.
 */
import { expect, it } from 'vitest';
import type { CheckInput, Severity } from '../types';
import { findingsOf } from './fixtures';

export interface Expect {
  severity?: Severity;
  path?: string;
  /** a substring the message must contain */
  says?: string;
  /** exact number of findings of this rule */
  count?: number;
}
export type BreakCase = [name: string, input: CheckInput, expected?: Expect];
export type PassCase = [name: string, input: CheckInput];

export function ruleSuite(rule: string, cases: { breaks: BreakCase[]; passes: PassCase[] }): void {
  for (const [name, input, exp] of cases.breaks) {
    it(`${rule} flags ${name}`, () => {
      const got = findingsOf(input, rule);
      expect(got.length, JSON.stringify(got)).toBeGreaterThan(0);
      if (exp?.count !== undefined) expect(got).toHaveLength(exp.count);
      const match = got.filter(
        (f) =>
          (exp?.severity === undefined || f.severity === exp.severity) &&
          (exp?.path === undefined || f.path === exp.path) &&
          (exp?.says === undefined || f.message.includes(exp.says)),
      );
      expect(match.length, JSON.stringify(got)).toBeGreaterThan(0);
      for (const f of got) {
        expect(f.message).toMatch(/[\u4e00-\u9fa5]/u);
        expect(f.path).toMatch(/^document\./);
      }
    });
  }
  for (const [name, input] of cases.passes) {
    it(`${rule} accepts ${name}`, () => {
      expect(findingsOf(input, rule)).toEqual([]);
    });
  }
}
