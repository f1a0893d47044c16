import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES, RULE_METADATA } from '../index';
import { RULE_FAMILIES, SEVERITY_CHOICES, SEVERITY_LABELS, renderRulesDoc } from '../docs';

const here = path.dirname(fileURLToPath(import.meta.url));
const docPath = path.resolve(here, '../../../../docs/rules.md');

const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(2, '0')}`);

/**
 * Every rule ID of the issue scope, as gongwen-rules.md spells it (R-ROUTE-06 is split there
 * into 06a 请示一文一事 and 06b 报告不得夹带请示事项).
 */
const SCOPE_IDS = [
  ...range('F-', 1, 22),
  ...range('X-', 1, 18),
  ...range('R-ROUTE-', 1, 5),
  'R-ROUTE-06a',
  'R-ROUTE-06b',
  ...range('R-ROUTE-', 7, 12),
  ...range('R-JOINT-', 1, 3),
  'R-ORG-01',
  ...range('R-SIGN-', 1, 3),
];

describe('rule registry and docs/rules.md', () => {
  it('rule scope: every rule ID named in the issue (F-01…F-22, X-01…X-18, R-ROUTE-01…12, R-JOINT-01…03, R-ORG-01, R-SIGN-01…03) is in RULES', () => {
    const ids = new Set(RULES.map((r) => r.id));
    expect(SCOPE_IDS.filter((id) => !ids.has(id))).toEqual([]);
    expect(SCOPE_IDS).toHaveLength(22 + 18 + 13 + 3 + 1 + 3);
  });

  it('rule registry: IDs are unique and every rule has a severity, a title and a source', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULE_METADATA) {
      expect(['error', 'warning', 'info'], r.id).toContain(r.severity);
      expect(r.title.trim(), r.id).not.toBe('');
      expect(r.source.trim(), r.id).not.toBe('');
    }
  });

  it('docs/rules.md: every rule falls into one of the documented families and every recorded severity choice names a rule', () => {
    for (const r of RULE_METADATA)
      expect(
        RULE_FAMILIES.some((f) => r.id.startsWith(f.prefix)),
        r.id,
      ).toBe(true);
    const ids = new Set(RULE_METADATA.map((r) => r.id));
    for (const c of SEVERITY_CHOICES) expect(ids.has(c.id), c.id).toBe(true);
  });

  it('docs/rules.md: each rule appears once, in its family table, with its severity label and source', () => {
    const doc = renderRulesDoc();
    for (const r of RULE_METADATA) {
      const rows = doc
        .split('\n')
        .filter((l) => l.startsWith(`| \`${r.id}\` | ${SEVERITY_LABELS[r.severity]} | `) && l.includes(r.source.replace(/\|/g, '\\|')));
      expect(rows, r.id).toHaveLength(1);
    }
    expect(doc).toContain('Blocks the step');
    expect(doc).toContain('recorded reason');
  });

  it('docs/rules.md is the fresh rendering of the rule registry', () => {
    const want = renderRulesDoc();
    if (process.env.UPDATE_DOCS === '1' || !fs.existsSync(docPath)) fs.writeFileSync(docPath, want);
    expect(fs.readFileSync(docPath, 'utf8'), 'docs/rules.md is stale: run UPDATE_DOCS=1 npx vitest run domain/src/checks/__tests__/docs.test.ts').toBe(want);
  });
});
