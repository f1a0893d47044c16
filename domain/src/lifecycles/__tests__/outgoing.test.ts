/** OUT: the 发文 lifecycle table (gongwen-rules.md §4), every state × event. */
import { describe, expect, it } from 'vitest';
import { allowedEvents, next, unreachableStates } from '../../kernel/lifecycle';
import { allowedActions, mayAct } from '../../kernel/policy';
import { outgoingLifecycle as lc, outgoingPolicy, OUTGOING_GUARD_MESSAGES, type OutgoingEvent, type OutgoingState } from '../outgoing';

/** The expected table, written out independently: event → [from states, to, who]. */
const TABLE: Record<OutgoingEvent, [OutgoingState[], OutgoingState, string[]]> = {
  sendToCountersign: [['drafting', 'returned'], 'countersign', ['drafter', 'office']],
  submitForReview: [['drafting', 'returned', 'countersign'], 'review', ['drafter', 'office']],
  submitForPrelimCheck: [['drafting', 'returned', 'countersign'], 'prelim_check', ['drafter', 'office']],
  passPrelimCheck: [['prelim_check'], 'deliberation', ['office']],
  recordDeliberation: [['deliberation'], 'review', ['office']],
  passReview: [['review'], 'signing', ['office']],
  returnForRevision: [['prelim_check', 'review'], 'returned', ['office']],
  returnUnsuitable: [['prelim_check', 'review'], 'returned', ['office']],
  sign: [['signing'], 'recheck', ['signer']],
  returnFromSigning: [['signing'], 'returned', ['signer']],
  sendBackToSigner: [['recheck'], 'signing', ['office']],
  register: [['recheck'], 'registered', ['office']],
  startPrinting: [['registered'], 'printing', ['office']],
  finishPrinting: [['printing'], 'dispatch_check', ['office']],
  issue: [['dispatch_check'], 'issued', ['office']],
  archive: [['issued'], 'archived', ['office']],
  revoke: [['issued', 'archived'], 'revoked', ['office']],
  abolish: [['issued', 'archived'], 'abolished', ['office']],
  cancel: [['drafting', 'returned'], 'cancelled', ['drafter', 'office']],
};
const ROLES = ['office', 'drafter', 'signer', 'system', 'leader', 'viewer'];
const states = Object.keys(lc.states) as OutgoingState[];
const events = Object.keys(lc.events) as OutgoingEvent[];

describe('OUT 发文 lifecycle (gongwen-rules.md §4)', () => {
  it('OUT-1 the table has every state of §4 and every event, each state reachable from 拟稿', () => {
    expect(states).toEqual([
      'drafting',
      'countersign',
      'prelim_check',
      'deliberation',
      'review',
      'returned',
      'signing',
      'recheck',
      'registered',
      'printing',
      'dispatch_check',
      'issued',
      'archived',
      'revoked',
      'abolished',
      'cancelled',
    ]);
    expect(events.sort()).toEqual((Object.keys(TABLE) as OutgoingEvent[]).sort());
    expect(lc.initial).toBe('drafting');
    expect(unreachableStates(lc)).toEqual([]);
    expect(states.filter((s) => lc.states[s].terminal)).toEqual(['revoked', 'abolished', 'cancelled']);
  });

  for (const state of states) {
    for (const event of events) {
      const [from, to, by] = TABLE[event];
      const allowedHere = from.includes(state);
      it(`OUT-1 ${state} × ${event}: ${allowedHere ? `→ ${to} by ${by.join('/')}` : 'refused (not from this state)'}`, () => {
        expect(next(lc, state, event)).toBe(allowedHere ? to : null);
        for (const role of ROLES) {
          const may = allowedEvents(lc, state, [role]).includes(event);
          expect(may, `${role} ${state} ${event}`).toBe(allowedHere && by.includes(role));
        }
      });
    }
  }

  it('OUT-1 every event is owned by a command (its data and effects come with it), returns and decisions need a reason', () => {
    for (const e of events) expect(lc.events[e].command, e).toBeTruthy();
    for (const e of ['returnForRevision', 'returnUnsuitable', 'returnFromSigning', 'sendBackToSigner', 'revoke', 'abolish', 'cancel'] as const)
      expect(lc.events[e].needsComment, e).toBe(true);
  });

  it('OUT-2 R-SIGN-04 the guards: no review with an open disagreement or an incomplete countersign; signing needs an authorised signer', () => {
    expect(lc.events.submitForReview.guards).toEqual(['has-draft', 'no-open-disagreement', 'countersign-complete']);
    expect(lc.events.sendToCountersign.guards).toContain('no-open-disagreement');
    expect(lc.events.sign.guards).toEqual(['signer-authorised', 'countersign-complete', 'all-co-issuers-signed']);
    expect(lc.events.register.guards).toEqual(['no-unsigned-change']);
    for (const e of events) for (const g of lc.events[e].guards ?? []) if (g !== 'no-open-disagreement') expect(OUTGOING_GUARD_MESSAGES[g], g).toBeTruthy();
  });

  it('OUT-1 the policy: the drafter and the office edit the draft while drafting or returned; the office writes the intent; leaders and the office record 交代', () => {
    for (const s of states) {
      const editable = s === 'drafting' || s === 'returned';
      expect(mayAct(lc, outgoingPolicy, 'editDraft', s, ['drafter']), s).toBe(editable);
      expect(mayAct(lc, outgoingPolicy, 'editDraft', s, ['office']), s).toBe(editable);
      expect(mayAct(lc, outgoingPolicy, 'editDraft', s, ['leader', 'viewer', 'briefLeader']), s).toBe(false);
      expect(mayAct(lc, outgoingPolicy, 'writeIntent', s, ['office']), s).toBe(editable);
      expect(mayAct(lc, outgoingPolicy, 'writeIntent', s, ['drafter', 'leader']), s).toBe(false);
      expect(mayAct(lc, outgoingPolicy, 'brief', s, ['briefLeader']), s).toBe(!lc.states[s].terminal);
      expect(mayAct(lc, outgoingPolicy, 'brief', s, ['leader', 'drafter']), s).toBe(false);
      // the generic versions route saves nothing of a 发文: its own commands validate the fields
      expect(mayAct(lc, outgoingPolicy, 'saveVersion', s, ROLES), s).toBe(false);
    }
    expect(allowedActions(lc, outgoingPolicy, 'drafting', ['viewer', 'drafter']).map((a) => a.action)).toContain('editDraft');
  });
});
