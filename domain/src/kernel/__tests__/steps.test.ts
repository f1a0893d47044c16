import { describe, expect, it } from 'vitest';
import {
  STEP_COMPLETIONS,
  STEP_LIFECYCLES,
  STEP_ORDERS,
  STEP_TYPES,
  STEP_TYPE_DEFS,
  dropProblem,
  evaluateStep,
  insertProblem,
  isDissent,
  participantLifecycle,
  responseProblem,
  stepLifecycle,
  stepProblem,
  type ParticipantRole,
  type ParticipantShape,
  type StepCompletion,
  type StepOrder,
  type StepShape,
  type StepType,
} from '../steps';
import { next, unreachableStates } from '../lifecycle';

/** Three participants: a lead and two assistants for 承办, three members otherwise. */
function people(type: StepType): ParticipantShape[] {
  const roles: ParticipantRole[] = STEP_TYPE_DEFS[type].roles.includes('lead') ? ['lead', 'assistant', 'assistant'] : ['member', 'member', 'member'];
  return roles.map((role, i) => ({ id: `p${i + 1}`, seq: i + 1, role, state: 'pending', response: null }));
}

/** The first response of the type's vocabulary that needs no dissent and does not end the step. */
function plainResponse(type: StepType): string {
  return Object.entries(STEP_TYPE_DEFS[type].responses).find(([, r]) => r.weight === 0)![0];
}

/** Apply the engine's verdict: the active ones become active, the rest stay as they are. */
function settle(step: StepShape, ps: ParticipantShape[]): ParticipantShape[] {
  const ev = evaluateStep(step, ps);
  return ps.map((p) => (ev.active.includes(p.id) && p.state === 'pending' ? { ...p, state: 'active' } : p));
}
function answer(ps: ParticipantShape[], id: string, response: string): ParticipantShape[] {
  return ps.map((p) => (p.id === id ? { ...p, state: 'responded', response } : p));
}
const ids = (ev: { active: string[] }) => ev.active;

const COMBOS = STEP_TYPES.flatMap((type) => STEP_ORDERS.flatMap((order) => STEP_COMPLETIONS.map((completion) => ({ type, order, completion }))));
const allowed = ({ type, order, completion }: { type: StepType; order: StepOrder; completion: StepCompletion }) =>
  STEP_TYPE_DEFS[type].orders.includes(order) && STEP_TYPE_DEFS[type].completions.includes(completion);

describe('K-3 step engine (pure)', () => {
  it('K-3 every type declares orders, completion rules, a response vocabulary with texts, outcomes and Chinese labels', () => {
    expect(Object.keys(STEP_TYPE_DEFS).sort()).toEqual([...STEP_TYPES].sort());
    for (const def of Object.values(STEP_TYPE_DEFS)) {
      expect(def.label).toMatch(/[\u4e00-\u9fa5]/);
      expect(def.orders).toContain(def.defaultOrder);
      expect(def.completions).toContain(def.defaultCompletion);
      expect(Object.keys(def.responses).length).toBeGreaterThanOrEqual(2);
      for (const r of Object.values(def.responses)) {
        expect(r.label).toMatch(/[\u4e00-\u9fa5]/);
        expect(def.outcomes[r.outcome], `${def.type}: outcome ${r.outcome} has a label`).toMatch(/[\u4e00-\u9fa5]/);
        if (r.needsText) expect(r.textLabel).toMatch(/[\u4e00-\u9fa5]/);
      }
    }
    // The vocabulary the issue names.
    expect(Object.keys(STEP_TYPE_DEFS.consult.responses)).toEqual(['agree', 'agree_with_changes', 'disagree']);
    expect(Object.keys(STEP_TYPE_DEFS.countersign.responses)).toEqual(['agree', 'agree_with_changes', 'disagree']);
    expect(Object.keys(STEP_TYPE_DEFS.circulate.responses)).toEqual(['read', 'read_with_comment']);
    expect(Object.keys(STEP_TYPE_DEFS.handle.responses)).toEqual(['done', 'refuse']);
    expect(Object.keys(STEP_TYPE_DEFS.approve.responses)).toEqual(['approve', 'approve_with_changes', 'decline', 'return']);
    expect(responseProblem('consult', 'disagree', '')?.field).toBe('text');
    expect(responseProblem('consult', 'disagree', '理由')).toBeNull();
    expect(responseProblem('consult', 'agree', null)).toBeNull();
    expect(responseProblem('circulate', 'read_with_comment', ' ')?.field).toBe('text');
    expect(responseProblem('handle', 'done', null)?.message).toContain('办理结果');
    expect(responseProblem('handle', 'refuse', null)?.message).toContain('退回理由');
    expect(responseProblem('approve', 'agree', null)?.field).toBe('response');
    expect(responseProblem('approve', 'constructor', null)?.field).toBe('response');
  });

  it.each(COMBOS)('K-3 $type × $order × $completion: refused unless the type allows it', (c) => {
    const ps = people(c.type).map((p) => ({ partyType: STEP_TYPE_DEFS[c.type].parties[0], role: p.role }));
    const problem = stepProblem(c, ps);
    if (allowed(c)) expect(problem).toBeNull();
    else {
      expect(problem?.field).toBe(STEP_TYPE_DEFS[c.type].orders.includes(c.order) ? 'completion' : 'order');
      expect(problem?.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it.each(COMBOS.filter(allowed))('K-3 $type × $order × $completion: who is active, when it completes, its outcome', (step) => {
    const plain = plainResponse(step.type);
    let ps = settle(step, people(step.type));
    // At the start: everyone in parallel, the first in order when sequential.
    expect(ids(evaluateStep(step, ps))).toEqual(step.order === 'parallel' ? ['p1', 'p2', 'p3'] : ['p1']);
    expect(ps.filter((p) => p.state === 'active').map((p) => p.id)).toEqual(step.order === 'parallel' ? ['p1', 'p2', 'p3'] : ['p1']);
    // Answer in an order that puts the lead last (p3, p2, p1) in parallel, in turn when sequential.
    const turn = step.order === 'parallel' ? ['p3', 'p2', 'p1'] : ['p1', 'p2', 'p3'];
    for (const [i, id] of turn.entries()) {
      ps = settle(step, answer(ps, id, plain));
      const ev = evaluateStep(step, ps);
      const expectComplete = step.completion === 'all' ? i === 2 : step.completion === 'any' ? true : id === 'p1';
      expect(ev.complete, `after ${id}`).toBe(expectComplete);
      if (ev.complete) {
        expect(ev.outcome).toBe(STEP_TYPE_DEFS[step.type].responses[plain].outcome);
        expect(ev.active).toEqual([]);
        break;
      }
      expect(ev.outcome).toBeNull();
      if (step.order === 'sequential') expect(ev.active).toEqual([turn[i + 1]]);
      else expect(ev.active).toEqual(['p1', 'p2', 'p3'].filter((x) => !turn.slice(0, i + 1).includes(x)));
    }
  });

  it.each(COMBOS.filter(allowed))('K-3 $type × $order × $completion: a skipped participant passes the turn on and never blocks completion', (step) => {
    const plain = plainResponse(step.type);
    // Skip the second participant (never the lead).
    let ps = settle(
      step,
      people(step.type).map((p) => (p.id === 'p2' ? { ...p, state: 'skipped' as const } : p)),
    );
    expect(ids(evaluateStep(step, ps))).toEqual(step.order === 'parallel' ? ['p1', 'p3'] : ['p1']);
    ps = settle(step, answer(ps, 'p1', plain));
    const ev = evaluateStep(step, ps);
    if (step.completion === 'all') {
      expect(ev.complete).toBe(false);
      expect(ev.active).toEqual(['p3']);
      expect(evaluateStep(step, answer(ps, 'p3', plain)).complete).toBe(true);
    } else expect(ev.complete).toBe(true);
  });

  it('K-3 agreement steps: consensus only when all answered and none disagrees; one 不同意 makes it a disagreement', () => {
    for (const type of ['consult', 'countersign'] as const) {
      for (const order of STEP_TYPE_DEFS[type].orders) {
        const step = { type, order, completion: 'all' as const };
        let ps = settle(step, people(type));
        ps = settle(step, answer(ps, 'p1', 'agree'));
        ps = settle(step, answer(ps, 'p2', 'disagree'));
        expect(evaluateStep(step, ps).complete).toBe(false);
        ps = settle(step, answer(ps, 'p3', 'agree_with_changes'));
        expect(evaluateStep(step, ps)).toEqual({ complete: true, outcome: 'disagreement', active: [] });
        const agreed = answer(answer(answer(people(type), 'p1', 'agree'), 'p2', 'agree_with_changes'), 'p3', 'agree');
        expect(evaluateStep(step, agreed).outcome).toBe('consensus');
      }
    }
    expect(isDissent('consult', 'disagree')).toBe(true);
    expect(isDissent('consult', 'agree_with_changes')).toBe(false);
    expect(isDissent('approve', 'decline')).toBe(false);
  });

  it('K-3 approval chain: each signs in turn; a decline or a return ends it at once; changes show in the outcome', () => {
    const step = { type: 'approve' as const, order: 'sequential' as const, completion: 'all' as const };
    let ps = settle(step, people('approve'));
    ps = settle(step, answer(ps, 'p1', 'approve_with_changes'));
    expect(evaluateStep(step, ps).active).toEqual(['p2']);
    const declined = evaluateStep(step, answer(ps, 'p2', 'decline'));
    expect(declined).toEqual({ complete: true, outcome: 'declined', active: [] });
    expect(evaluateStep(step, answer(ps, 'p2', 'return')).outcome).toBe('returned');
    ps = settle(step, answer(ps, 'p2', 'approve'));
    expect(evaluateStep(step, answer(ps, 'p3', 'approve')).outcome).toBe('approved_with_changes');
  });

  it("K-3 承办: the lead's 办结 completes it (assistants report, they do not decide); the lead's 退回 is the outcome", () => {
    const step = { type: 'handle' as const, order: 'parallel' as const, completion: 'lead' as const };
    let ps = settle(step, people('handle'));
    ps = answer(ps, 'p2', 'refuse');
    expect(evaluateStep(step, ps).complete).toBe(false);
    expect(evaluateStep(step, answer(ps, 'p1', 'done')).outcome).toBe('done');
    expect(evaluateStep(step, answer(ps, 'p1', 'refuse')).outcome).toBe('refused');
    expect(stepProblem(step, [{ partyType: 'department', role: 'assistant' }])?.message).toContain('主办');
    expect(
      stepProblem(step, [
        { partyType: 'department', role: 'lead' },
        { partyType: 'department', role: 'lead' },
      ])?.message,
    ).toContain('主办');
    expect(stepProblem({ type: 'consult', order: 'parallel', completion: 'all' }, [{ partyType: 'department', role: 'lead' }])?.field).toBe('participants');
    expect(stepProblem({ type: 'approve', order: 'sequential', completion: 'all' }, [{ partyType: 'department', role: 'member' }])?.index).toBe(0);
  });

  it('K-3 sequential order is the order of seq, not of the list, and equal seqs fall back to the id', () => {
    const step = { type: 'circulate' as const, order: 'sequential' as const, completion: 'all' as const };
    const ps: ParticipantShape[] = [
      { id: 'b', seq: 2, role: 'member', state: 'pending', response: null },
      { id: 'c', seq: 1, role: 'member', state: 'pending', response: null },
      { id: 'a', seq: 2, role: 'member', state: 'pending', response: null },
    ];
    expect(evaluateStep(step, ps).active).toEqual(['c']);
    expect(evaluateStep(step, answer(ps, 'c', 'read')).active).toEqual(['a']);
  });

  it('K-3 skip and remove keep someone who answered or may answer; nobody is put before the one whose turn it is', () => {
    const step = { type: 'circulate' as const, order: 'sequential' as const, completion: 'all' as const };
    let ps = settle(step, people('circulate'));
    expect(dropProblem(ps, 'p1')).toBeNull();
    ps = ps.map((p) => (p.id !== 'p3' ? { ...p, state: 'skipped' as const } : p));
    expect(dropProblem(ps, 'p3')).toContain('最后一位');
    expect(dropProblem(ps, 'p1')).toContain('已办理完毕');
    expect(dropProblem(settle({ type: 'handle', order: 'parallel', completion: 'lead' }, people('handle')), 'p1')).toContain('主办');
    const running = settle(step, answer(settle(step, people('circulate')), 'p1', 'read'));
    expect(insertProblem(step, running, 0)).not.toBeNull();
    expect(insertProblem(step, running, 1)).not.toBeNull(); // p2 is active
    expect(insertProblem(step, running, 2)).toBeNull();
    expect(insertProblem(step, running, 3)).toBeNull();
    expect(insertProblem({ ...step, order: 'parallel' }, running, 0)).toBeNull();
  });

  it('K-3 the step and participant lifecycles are tables: every state reachable, terminal states final', () => {
    for (const lc of Object.values(STEP_LIFECYCLES)) expect(unreachableStates(lc)).toEqual([]);
    expect(next(stepLifecycle, 'open', 'complete')).toBe('completed');
    expect(next(stepLifecycle, 'completed', 'cancel')).toBeNull();
    expect(next(participantLifecycle, 'pending', 'respond')).toBeNull();
    expect(next(participantLifecycle, 'active', 'respond')).toBe('responded');
    expect(next(participantLifecycle, 'responded', 'respond')).toBeNull();
    expect(next(participantLifecycle, 'pending', 'skip')).toBe('skipped');
  });
});
