import type { Lifecycle } from '../kernel/lifecycle';

/**
 * 协调事项: the general coordination matter — a matter the office registers, coordinates with the
 * parties, takes to a leader when it cannot settle it, has carried out and closes. The areas
 * (activities, documents, meetings) have lifecycles of their own on the same engine.
 *
 * Roles here are relative: `office` (any office role), `leader`, `owner` (the staff member in charge).
 */
export type CoordinationState = 'registered' | 'coordinating' | 'awaiting_decision' | 'executing' | 'completed' | 'cancelled';
export type CoordinationEvent = 'startCoordination' | 'submitForDecision' | 'decide' | 'returnToOffice' | 'startExecution' | 'reopen' | 'complete' | 'cancel';

export const coordinationLifecycle: Lifecycle<CoordinationState, CoordinationEvent> = {
  kind: 'coordination',
  label: '协调事项',
  initial: 'registered',
  states: {
    registered: { label: '已登记' },
    coordinating: { label: '协调中' },
    awaiting_decision: { label: '待领导定夺' },
    executing: { label: '落实中' },
    completed: { label: '已办结', terminal: true },
    cancelled: { label: '已撤销', terminal: true },
  },
  events: {
    startCoordination: { from: ['registered'], to: 'coordinating', by: ['office', 'owner'], label: '开始协调' },
    submitForDecision: { from: ['registered', 'coordinating'], to: 'awaiting_decision', by: ['office', 'owner'], label: '报领导定夺' },
    decide: { from: ['awaiting_decision'], to: 'executing', by: ['leader'], label: '定夺', needsComment: true },
    returnToOffice: { from: ['awaiting_decision'], to: 'coordinating', by: ['leader'], label: '退回继续协调', needsComment: true },
    startExecution: { from: ['registered', 'coordinating'], to: 'executing', by: ['office', 'owner'], guards: ['no-open-disagreement'], label: '交办落实' },
    reopen: { from: ['executing'], to: 'coordinating', by: ['office', 'owner'], label: '重新协调', needsComment: true },
    complete: { from: ['executing'], to: 'completed', by: ['office', 'owner'], guards: ['no-open-tasks'], label: '办结' },
    cancel: { from: ['registered', 'coordinating', 'awaiting_decision'], to: 'cancelled', by: ['office', 'owner'], label: '撤销', needsComment: true },
  },
};

/** Chinese messages for the guards the service evaluates. */
export const GUARD_MESSAGES: Record<string, string> = {
  'no-open-disagreement': '仍有未解决的分歧：请先完成协商或报领导定夺',
  'no-open-tasks': '仍有未办结的任务：请先办结或撤销这些任务',
};
