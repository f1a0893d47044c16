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

// ---------------------------------------------------------------------------------------------
// Random documents for property tests (fast-check)

import fc from 'fast-check';
import { DOC_TYPES, LAYOUTS } from '../types';
import { baseDoc, O } from './fixtures';

const TOKENS = [
  '〔',
  '〕',
  '[',
  ']',
  '（',
  '）',
  '(',
  ')',
  '《',
  '》',
  '：',
  ':',
  '，',
  '。',
  '、',
  '；',
  '.',
  '．',
  '—',
  '-',
  ' ',
  '\n',
  '\n',
  '1',
  '2',
  '0',
  '05',
  '2024',
  '24',
  '年',
  '月',
  '日',
  '号',
  '第',
  '附件',
  '附件：',
  '抄送',
  '抄送：',
  '抄报',
  '印发',
  '★',
  '秘密',
  '长期',
  '个月',
  '一、',
  '（一）',
  '1.',
  '（1）',
  '(1)',
  '1、',
  '某县人民政府',
  '某市人民政府',
  '关于',
  '的',
  '请示',
  '通知',
  '报告',
  '函',
  '令',
  '妥否，请批示',
  '特急',
  '【',
  '】',
  '县政发〔2024〕18号',
  '国发[2023]5号',
  '联系人',
  '电话',
];
export const arbText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 25 }).map((a) => a.join(''));
const arbNullableText = fc.option(arbText, { nil: null });
const ORGAN_IDS = Object.values(O);

export const arbInput = fc
  .record({
    type: fc.constantFrom(...DOC_TYPES),
    layout: fc.option(fc.constantFrom(...LAYOUTS), { nil: null }),
    title: arbText,
    docNo: arbNullableText,
    date: arbNullableText,
    body: arbText,
    note: arbNullableText,
    attachmentNote: fc.array(arbText, { maxLength: 4 }),
    attachments: fc.array(fc.record({ no: fc.integer({ min: -1, max: 5 }), title: arbText }), { maxLength: 4 }),
    secrecy: fc.constantFrom('none', '秘密', '机密', '绝密' as const),
    secrecyTerm: arbNullableText,
    copyNo: arbNullableText,
    urgency: fc.constantFrom('none', '特急', '加急' as const),
    signatory: fc.array(arbText, { maxLength: 3 }),
    signedAt: fc.option(fc.constantFrom('2024-06-03', '2024-6-5', 'x', ''), { nil: null }),
    mainTo: fc.subarray(ORGAN_IDS, { maxLength: 6 }),
    replyTo: fc.option(fc.record({ type: arbText, issuer: fc.constantFrom(...ORGAN_IDS), docNo: arbText }), { nil: null }),
    lead: fc.constantFrom(...ORGAN_IDS),
  })
  .map((r) =>
    baseDoc({
      type: r.type,
      layout: r.layout,
      title: r.title,
      docNo: r.docNo,
      date: r.date,
      body: r.body,
      note: r.note,
      attachmentNote: r.attachmentNote,
      attachments: r.attachments,
      secrecy: r.secrecy,
      secrecyTerm: r.secrecyTerm,
      copyNo: r.copyNo,
      urgency: r.urgency,
      signatory: r.signatory,
      mainTo: r.mainTo,
      replyTo: r.replyTo,
      issuers: [{ organ: r.lead, lead: true }],
      signers: [{ organ: r.lead, name: '王某', role: '主要负责人', proxy: false, opinion: '同意', signedAt: r.signedAt }],
    }),
  );

/** Asserts that the rules, without the `safe` net, never throw and return well-formed findings. */
export function assertWellBehaved(rules: readonly RuleDef[], runs = 300): void {
  fc.assert(
    fc.property(arbInput, (input) => {
      const ctx = buildContext(input);
      for (const r of rules) {
        const found = r.check(ctx);
        expect(Array.isArray(found)).toBe(true);
        for (const f of found) {
          expect(f.rule).toBe(r.id);
          expect(['error', 'warning', 'info']).toContain(f.severity);
          expect(f.path).toMatch(/^document\./u);
          expect(f.message).toMatch(/[\u4e00-\u9fa5]/u);
        }
      }
    }),
    { numRuns: runs },
  );
}
