import { describe, expect, it } from 'vitest';
import { allowedEvents, isTerminal, next, unreachableStates } from '../../kernel/lifecycle';
import { ACTIVITY_GUARD_MESSAGES, activityLifecycle as lc, type ActivityEvent, type ActivityRole, type ActivityState } from '../lifecycle';

const states = Object.keys(lc.states) as ActivityState[];
const events = Object.keys(lc.events) as ActivityEvent[];
const roles: ActivityRole[] = ['office', 'principal', 'attendee', 'organiser', 'responsible', 'system'];

/** The expected `next` table: state → event → target (absent = does not apply). */
const NEXT: Record<ActivityState, Partial<Record<ActivityEvent, ActivityState>>> = {
  submitted: { propose: 'awaiting_approval', cancel: 'cancelled' },
  awaiting_approval: { approve: 'approved', approveWithChanges: 'approved', decline: 'declined', returnForRework: 'submitted', cancel: 'cancelled' },
  approved: { confirmAll: 'confirmed', reopen: 'recoordinating', cancel: 'cancelled' },
  confirmed: { reopen: 'recoordinating', complete: 'completed', cancel: 'cancelled' },
  recoordinating: { propose: 'awaiting_approval', cancel: 'cancelled' },
  completed: {},
  declined: {},
  cancelled: {},
};

/** The expected `allowedEvents` per state and role. */
const ALLOWED: Record<ActivityState, Partial<Record<ActivityRole, ActivityEvent[]>>> = {
  submitted: { office: ['propose', 'cancel'], organiser: ['cancel'] },
  awaiting_approval: { principal: ['approve', 'approveWithChanges', 'decline', 'returnForRework'], office: ['cancel'], organiser: ['cancel'] },
  // confirmAll is the system's: the last confirmation (the `confirm` command) fires it.
  approved: { office: ['reopen', 'cancel'], system: ['confirmAll', 'reopen'], organiser: ['cancel'] },
  confirmed: { office: ['reopen', 'complete', 'cancel'], system: ['reopen'], organiser: ['cancel'] },
  recoordinating: { office: ['propose', 'cancel'], organiser: ['cancel'] },
  completed: {},
  declined: {},
  cancelled: {},
};

describe('ACT-2 activity lifecycle (办公室拟办 → 主要领导审批 → 执行)', () => {
  it('is the 领导公务活动 kind with Chinese labels', () => {
    expect(lc.kind).toBe('activity');
    expect(lc.label).toBe('领导公务活动');
    expect(lc.initial).toBe('submitted');
    expect(Object.fromEntries(states.map((s) => [s, lc.states[s].label]))).toEqual({
      submitted: '已登记（待拟办）',
      awaiting_approval: '待主要领导审批',
      approved: '已批准（待确认）',
      confirmed: '已确认',
      recoordinating: '重新协调中',
      completed: '已办结',
      declined: '未同意',
      cancelled: '已撤销',
    });
  });

  const pairs = states.flatMap((s) => events.map((e) => [s, e] as const));
  it.each(pairs)('ACT-2 next(%s, %s) is as the table says', (s, e) => {
    expect(next(lc, s, e)).toBe(NEXT[s][e] ?? null);
  });

  const stateRoles = states.flatMap((s) => roles.map((r) => [s, r] as const));
  it.each(stateRoles)('ACT-2 allowedEvents(%s, [%s])', (s, r) => {
    expect(allowedEvents(lc, s, [r])).toEqual(ALLOWED[s][r] ?? []);
  });

  it('no unreachable state; terminal states have no way out; every open state can end', () => {
    expect(unreachableStates(lc)).toEqual([]);
    expect(states.filter((s) => isTerminal(lc, s))).toEqual(['completed', 'declined', 'cancelled']);
    for (const s of states.filter((x) => isTerminal(lc, x))) expect(events.filter((e) => next(lc, s, e))).toEqual([]);
    for (const s of states.filter((x) => !isTerminal(lc, x))) expect(next(lc, s, 'cancel')).toBe('cancelled');
  });

  it('events that need a reason, and the guards have Chinese messages', () => {
    expect(events.filter((e) => lc.events[e].needsComment)).toEqual(['approveWithChanges', 'decline', 'returnForRework', 'reopen', 'cancel']);
    const guards = new Set(events.flatMap((e) => lc.events[e].guards ?? []));
    expect([...guards].sort()).toEqual(['all-confirmed', 'has-proposal']);
    for (const g of guards) expect(ACTIVITY_GUARD_MESSAGES[g]).toMatch(/[\u4e00-\u9fff]/);
    for (const e of events) expect(lc.events[e].label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('ACT-6 the happy path and the re-coordination path (a leader becomes unavailable)', () => {
    const walk = (evs: ActivityEvent[]) => evs.reduce<ActivityState | null>((s, e) => (s ? next(lc, s, e) : null), lc.initial);
    expect(walk(['propose', 'approve', 'confirmAll', 'complete'])).toBe('completed');
    expect(walk(['propose', 'returnForRework', 'propose', 'approveWithChanges', 'confirmAll', 'reopen', 'propose', 'approve', 'confirmAll', 'complete'])).toBe(
      'completed',
    );
    expect(walk(['propose', 'decline'])).toBe('declined');
    expect(walk(['propose', 'approve', 'complete'])).toBeNull(); // not before confirmation
  });
});
