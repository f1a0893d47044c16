import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildContext } from '../context';
import { checkDocument, checkJson, RULE_METADATA, RULES, sortFindings } from '../engine';
import * as api from '../index';
import { parseCheckInput } from '../input';
import type { CheckInput, Finding, RuleDef } from '../types';
import { DOC_TYPES } from '../types';
import { baseDoc, baseNotice, O, ORGANS, rawBase, signer } from './fixtures';

const MY_RULES = [
  'R-ROUTE-00',
  'R-ROUTE-01',
  'R-ROUTE-02',
  'R-ROUTE-03',
  'R-ROUTE-04',
  'R-ROUTE-05',
  'R-ROUTE-06a',
  'R-ROUTE-06b',
  'R-ROUTE-07',
  'R-ROUTE-08',
  'R-ROUTE-09',
  'R-ROUTE-10',
  'R-ROUTE-11',
  'R-ROUTE-12',
  'R-JOINT-01',
  'R-JOINT-02',
  'R-JOINT-03',
  'R-ORG-01',
  'R-SIGN-01',
  'R-SIGN-02',
  'R-SIGN-03',
  'R-SIGN-04',
];
const RANK = { error: 0, warning: 1, info: 2 } as const;

function assertSorted(fs: readonly Finding[]) {
  for (let i = 1; i < fs.length; i++) {
    const a = fs[i - 1]!;
    const b = fs[i]!;
    expect(RANK[a.severity] < RANK[b.severity] || (RANK[a.severity] === RANK[b.severity] && a.rule <= b.rule)).toBe(true);
  }
}

describe('ENGINE checkDocument', () => {
  it('ENGINE finds nothing wrong in the clean 请示 and 通知', () => {
    expect(checkDocument(baseDoc())).toEqual({ findings: [] });
    expect(checkDocument(baseNotice())).toEqual({ findings: [] });
  });

  it('ENGINE sorts findings by severity, then rule ID', () => {
    const input = baseDoc({
      mainTo: [O.cityGov, O.cityFinance],
      copyTo: [O.townGov],
      matters: [],
      body: '',
      signers: [signer(O.countyGov, '赵某', { role: '分管负责人', opinion: null })],
    });
    const fs = checkDocument(input).findings;
    expect(fs.map((f) => f.severity)).toEqual([...fs.map((f) => f.severity)].sort((a, b) => RANK[a] - RANK[b]));
    assertSorted(fs);
    expect(new Set(fs.map((f) => f.severity))).toEqual(new Set(['error', 'warning', 'info']));
  });

  it('ENGINE deduplicates identical findings and keeps distinct ones', () => {
    const f = (rule: string, severity: Finding['severity'], path = 'document.body'): Finding => ({ rule, severity, message: '消息', path });
    expect(sortFindings([f('X-02', 'info'), f('A-01', 'error'), f('X-02', 'info'), f('B-01', 'warning'), f('A-01', 'error', 'document.title')])).toEqual([
      f('A-01', 'error'),
      f('A-01', 'error', 'document.title'),
      f('B-01', 'warning'),
      f('X-02', 'info'),
    ]);
  });

  it('ENGINE skips a rule that throws and still runs the others', () => {
    const boom: RuleDef = {
      id: 'T-BOOM',
      severity: 'error',
      title: '抛错',
      source: '测试',
      check: () => {
        throw new Error('boom');
      },
    };
    const twice: RuleDef = {
      id: 'T-OK',
      severity: 'warning',
      title: '重复',
      source: '测试',
      check: () => [
        { rule: 'T-OK', severity: 'warning', message: '同一条', path: 'document.body' },
        { rule: 'T-OK', severity: 'warning', message: '同一条', path: 'document.body' },
      ],
    };
    expect(checkDocument(baseDoc(), [boom, twice]).findings).toEqual([{ rule: 'T-OK', severity: 'warning', message: '同一条', path: 'document.body' }]);
  });
});

describe('ENGINE checkJson', () => {
  it('ENGINE checkJson returns the findings of valid raw input', () => {
    const raw = rawBase() as any;
    raw.document.matters = ['甲', '乙'];
    const r = checkJson(raw);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.result.findings.map((f) => f.rule)).toContain('R-ROUTE-06a');
  });
  it('ENGINE checkJson reports bad input with its path instead of findings', () => {
    const raw = rawBase() as any;
    raw.document.mainTo = ['city-gov', 'x'];
    expect(checkJson(raw)).toEqual({ ok: false, path: 'document.mainTo[1]', message: expect.stringContaining('未知机关 "x"') });
    expect(checkJson('not json object')).toMatchObject({ ok: false, path: '$' });
  });
  it('ENGINE re-exports the public surface from index.ts', () => {
    expect(api.checkDocument).toBe(checkDocument);
    expect(api.checkJson).toBe(checkJson);
    expect(api.parseCheckInput).toBe(parseCheckInput);
    expect(api.RELATION_LABELS.peer).toBe('平级');
  });
});

describe('ENGINE rule registry', () => {
  it('ENGINE registers every routing, joint, org and signature rule once', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of MY_RULES) expect(ids).toContain(id);
  });
  it('ENGINE exposes metadata (no functions) with a Chinese title and a source for every rule', () => {
    expect(RULE_METADATA).toHaveLength(RULES.length);
    for (const m of RULE_METADATA) {
      expect(Object.keys(m).sort()).toEqual(['id', 'severity', 'source', 'title']);
      expect(['error', 'warning', 'info']).toContain(m.severity);
      expect(m.title).toMatch(/[\u4e00-\u9fa5]/u);
      expect(m.source.length).toBeGreaterThan(0);
    }
  });
  it('ENGINE every finding of my rules uses its own rule ID and a severity no stronger than the rule’s', () => {
    const inputs = [
      baseDoc({ mainTo: [O.cityGov, O.cityFinance], copyTo: [O.townGov], matters: [] }),
      baseNotice({
        issuers: [
          { organ: O.cityTransport, lead: true },
          { organ: O.countyGov, lead: true },
        ],
        flags: { directive: true, important: true },
      }),
    ];
    const byId = new Map(RULES.map((r) => [r.id, r]));
    for (const input of inputs) {
      const ctx = buildContext(input);
      for (const id of MY_RULES) {
        const rule = byId.get(id)!;
        for (const f of rule.check(ctx)) {
          expect(f.rule).toBe(id);
          expect(RANK[f.severity]).toBeGreaterThanOrEqual(RANK[rule.severity]);
        }
      }
    }
  });
});

// ---------------------------------------------------------------- property tests

const ids = ORGANS.map((o) => o.id);
const idArb = fc.constantFrom(...ids);
const addresseeArb = fc.oneof(idArb, fc.record({ person: fc.string({ minLength: 1, maxLength: 4 }), organ: idArb }));
const textArb = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', '妥否，请批示。请予批准。', '现将某镇请示转报，请审批。', '各县要于6月底前完成。经市人民政府同意，', '为……特此报告。'),
);
const optText = fc.option(textArb, { nil: null });
const signerArb = fc.record({
  organ: idArb,
  name: fc.string({ maxLength: 4 }),
  role: fc.constantFrom('主要负责人', '分管负责人', '受权') as fc.Arbitrary<'主要负责人' | '分管负责人' | '受权'>,
  proxy: fc.boolean(),
  opinion: fc.option(fc.constantFrom('同意', '圈阅', '不同意', ''), { nil: null }),
  signedAt: fc.option(fc.constantFrom('2024-06-03', '2024-13-01', '2024-6-3', '2024年6月3日', 'x'), { nil: null }),
});
const docArb = fc.record({
  type: fc.constantFrom(...DOC_TYPES),
  issuers: fc.array(fc.record({ organ: idArb, lead: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  title: textArb,
  mainTo: fc.array(addresseeArb, { maxLength: 3 }),
  copyTo: fc.array(addresseeArb, { maxLength: 3 }),
  docNo: optText,
  signers: fc.array(signerArb, { maxLength: 3 }),
  signatory: fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
  matters: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  body: textArb,
  flags: fc.record({
    important: fc.boolean(),
    involvesOtherUnits: fc.boolean(),
    countersignComplete: fc.boolean(),
    skipLevelReason: optText,
    leaderAssigned: optText,
    govApprovedRef: optText,
    directive: fc.boolean(),
    forwardedFrom: optText,
    stanceOpinion: optText,
  }),
});

describe('ENGINE properties', () => {
  it('ENGINE property: for any input of the contract’s shape every rule returns well-formed findings and never throws', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        const input: CheckInput = baseDoc(d);
        const ctx = buildContext(input);
        for (const rule of RULES) {
          const fs = rule.check(ctx); // throws → property fails
          expect(Array.isArray(fs)).toBe(true);
        }
        const { findings } = checkDocument(input);
        assertSorted(findings);
        for (const f of findings) {
          expect(f.message.length).toBeGreaterThan(0);
          expect(f.path).toMatch(/^document\./);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('ENGINE property: random organ graphs (cycles, self-references) validated by parseCheckInput never crash the check', () => {
    const graphArb = fc
      .array(
        fc.record({
          kind: fc.constantFrom('党委', '政府', '部门', '内设机构', '办公厅室', '议事协调机构'),
          level: fc.integer({ min: 1, max: 5 }),
          superiors: fc.array(fc.nat(5), { maxLength: 3 }),
          parent: fc.option(fc.nat(5), { nil: null }),
        }),
        { minLength: 6, maxLength: 6 },
      )
      .map((xs) =>
        xs.map((x, i) => ({
          id: `g${i}`,
          name: `机关${i}`,
          kind: x.kind,
          level: x.level,
          superiors: x.superiors.map((s) => `g${s}`),
          parent: x.parent === null ? null : `g${x.parent}`,
        })),
      );
    const refArb = fc.nat(5).map((n) => `g${n}`);
    fc.assert(
      fc.property(
        graphArb,
        fc.array(refArb, { minLength: 1, maxLength: 3 }),
        fc.array(refArb, { maxLength: 3 }),
        fc.array(refArb, { maxLength: 2 }),
        fc.constantFrom(...DOC_TYPES),
        fc.boolean(),
        (organs, issuers, mainTo, copyTo, type, important) => {
          const raw = {
            organs,
            document: {
              type,
              issuers: issuers.map((organ, i) => ({ organ, lead: i === 0 })),
              title: '标题',
              mainTo,
              copyTo,
              body: '正文',
              signers: issuers.map((organ) => ({ organ, name: '某某', role: '分管负责人' })),
              flags: { important, involvesOtherUnits: important },
            },
          };
          const r = checkJson(raw);
          expect(r.ok).toBe(true);
          if (r.ok) assertSorted(r.result.findings);
        },
      ),
      { numRuns: 300 },
    );
  });
});
