import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allowedEvents, next, toMermaid, unreachableStates, type Lifecycle } from '../lifecycle';
import { LIFECYCLES } from '../../lifecycles/index';
import { STEP_LIFECYCLES } from '../steps';
import { coordinationLifecycle as lc } from '../../lifecycles/coordination';

const here = path.dirname(fileURLToPath(import.meta.url));
const docPath = path.resolve(here, '../../../../docs/lifecycles.md');

/** The whole docs/lifecycles.md as it must be: one Mermaid diagram and one table per lifecycle. */
export function renderLifecyclesDoc(all: Record<string, Lifecycle>): string {
  const parts = [
    '# Lifecycles',
    '',
    'Generated from the lifecycle tables in `domain/src/lifecycles/` by `domain/src/kernel/__tests__/lifecycle.test.ts`;',
    'the test fails when this file is stale (run the test with `UPDATE_DOCS=1` to rewrite it).',
    'An event with a **command** is owned by it: only that command (its own route and payload) fires it;',
    'the generic `POST /matters/:id/events/:event` refuses it with 422 `owned_event`.',
    '',
  ];
  for (const l of Object.values(all)) {
    parts.push(
      `## ${l.label}（\`${l.kind}\`）`,
      '',
      '```mermaid',
      toMermaid(l),
      '```',
      '',
      '| event | label | from | to | by | guards | command |',
      '|---|---|---|---|---|---|---|',
    );
    for (const [e, t] of Object.entries(l.events)) {
      parts.push(
        `| \`${e}\` | ${t.label} | ${t.from.join(', ')} | ${t.to} | ${t.by.join(', ')} | ${(t.guards ?? []).join(', ') || '—'} | ${t.command ? `\`${t.command}\`` : '—'} |`,
      );
    }
    parts.push('');
  }
  return parts.join('\n');
}

describe('lifecycle engine', () => {
  const states = Object.keys(lc.states) as (keyof typeof lc.states)[];
  const events = Object.keys(lc.events) as (keyof typeof lc.events)[];

  it('X-1 next() answers every (state, event) pair exactly as the table says', () => {
    for (const s of states) {
      for (const e of events) {
        const t = lc.events[e];
        expect(next(lc, s, e), `${s} + ${e}`).toBe(t.from.includes(s) ? t.to : null);
      }
    }
  });

  it('X-1 allowedEvents() gives each role only its own events', () => {
    expect(allowedEvents(lc, 'registered', ['office'])).toEqual(['startCoordination', 'submitForDecision', 'startExecution', 'cancel']);
    expect(allowedEvents(lc, 'registered', ['leader'])).toEqual([]);
    expect(allowedEvents(lc, 'awaiting_decision', ['leader'])).toEqual(['decide', 'returnToOffice']);
    expect(allowedEvents(lc, 'awaiting_decision', ['office'])).toEqual(['cancel']);
    expect(allowedEvents(lc, 'completed', ['office', 'leader', 'owner'])).toEqual([]);
    expect(allowedEvents(lc, 'executing', [])).toEqual([]);
  });

  it('every lifecycle reaches all its states and has terminal states with no way out', () => {
    for (const l of Object.values(LIFECYCLES)) {
      expect(unreachableStates(l)).toEqual([]);
      for (const [s, info] of Object.entries(l.states)) {
        if (info.terminal) expect(allowedEvents(l, s, ['office', 'leader', 'owner', 'sysadmin'])).toEqual([]);
      }
    }
  });

  it('docs/lifecycles.md is the fresh Mermaid rendering of every lifecycle table', () => {
    const want = renderLifecyclesDoc({ ...LIFECYCLES, ...STEP_LIFECYCLES });
    if (process.env.UPDATE_DOCS === '1' || !fs.existsSync(docPath)) fs.writeFileSync(docPath, want);
    expect(fs.readFileSync(docPath, 'utf8'), 'docs/lifecycles.md is stale: run UPDATE_DOCS=1 npx vitest run domain/src/kernel').toBe(want);
  });
});
