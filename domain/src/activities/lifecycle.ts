import type { Lifecycle } from '../kernel/lifecycle';

/**
 * 领导公务活动 (ACT-2 process, ACT-4, ACT-6): registered with the office → the office proposes
 * attendees (拟办) → the principal leader approves, changes or declines (审批) → the assigned
 * leaders confirm → carried out. When an assigned leader becomes unavailable the matter re-opens
 * for coordination (重新协调) and goes through a new approval; history is kept by the service.
 *
 * Roles are relative to the matter: `office` (office staff), `principal` (the principal leader who
 * approves), `attendee` (an assigned leader or their secretary), `organiser` (the requester),
 * `responsible` (the staff member who gets the leader there on time), `system` (automatic
 * transitions, e.g. the last confirmation or a new absence).
 *
 * Events owned by a command need the command's data and run its effects: `propose` (the
 * proposal and its leaders), `decide` (the decision, the changed leaders, the instruction, clash
 * handling), `reopen` (the leader withdrawn and the reason), `confirm` (the last confirmation
 * moves the activity to confirmed).
 */
import type { KindPolicy } from '../kernel/policy';
export type ActivityState = 'submitted' | 'awaiting_approval' | 'approved' | 'confirmed' | 'recoordinating' | 'completed' | 'declined' | 'cancelled';
export type ActivityEvent = 'propose' | 'approve' | 'approveWithChanges' | 'decline' | 'returnForRework' | 'confirmAll' | 'reopen' | 'complete' | 'cancel';
export type ActivityRole = 'office' | 'principal' | 'attendee' | 'organiser' | 'responsible' | 'system';

const OPEN: ActivityState[] = ['submitted', 'awaiting_approval', 'approved', 'confirmed', 'recoordinating'];

export const activityLifecycle: Lifecycle<ActivityState, ActivityEvent, ActivityRole> = {
  kind: 'activity',
  label: '领导公务活动',
  initial: 'submitted',
  states: {
    submitted: { label: '已登记（待拟办）' },
    awaiting_approval: { label: '待主要领导审批' },
    approved: { label: '已批准（待确认）' },
    confirmed: { label: '已确认' },
    recoordinating: { label: '重新协调中' },
    completed: { label: '已办结', terminal: true },
    declined: { label: '未同意', terminal: true },
    cancelled: { label: '已撤销', terminal: true },
  },
  events: {
    propose: {
      from: ['submitted', 'recoordinating'],
      to: 'awaiting_approval',
      by: ['office'],
      guards: ['has-proposal'],
      label: '提出拟办意见，报主要领导审批',
      command: 'propose',
    },
    approve: { from: ['awaiting_approval'], to: 'approved', by: ['principal'], label: '同意', command: 'decide' },
    approveWithChanges: { from: ['awaiting_approval'], to: 'approved', by: ['principal'], label: '调整后同意', needsComment: true, command: 'decide' },
    decline: { from: ['awaiting_approval'], to: 'declined', by: ['principal'], label: '不同意', needsComment: true, command: 'decide' },
    returnForRework: { from: ['awaiting_approval'], to: 'submitted', by: ['principal'], label: '退回重新拟办', needsComment: true, command: 'decide' },
    confirmAll: { from: ['approved'], to: 'confirmed', by: ['system'], guards: ['all-confirmed'], label: '出席领导均已确认', command: 'confirm' },
    reopen: { from: ['approved', 'confirmed'], to: 'recoordinating', by: ['office', 'system'], label: '重新协调', needsComment: true, command: 'reopen' },
    complete: { from: ['confirmed'], to: 'completed', by: ['office'], label: '办结' },
    cancel: { from: OPEN, to: 'cancelled', by: ['office', 'organiser'], label: '撤销', needsComment: true },
  },
};

/** The activity's actions besides its lifecycle events (see kernel/policy.ts). */
export const activityPolicy: KindPolicy = {
  actions: {
    edit: {
      label: '修改',
      rules: [
        { by: ['office'], in: 'open' },
        { by: ['organiser'], in: ['submitted'] },
      ],
    },
    confirm: { label: '确认出席', rules: [{ by: ['attendee', 'office'], in: ['approved'] }] },
    remind: { label: '确认提醒情况', rules: [{ by: ['office', 'responsible'], in: ['approved', 'confirmed'] }] },
    suggest: { label: '查看推荐人选', rules: [{ by: ['office', 'principal'], in: 'any' }] },
  },
};

/** Chinese messages for the guards the service evaluates. */
export const ACTIVITY_GUARD_MESSAGES: Record<string, string> = {
  'has-proposal': '尚未拟定出席领导：请先提出拟办意见（至少一位拟出席领导）',
  'all-confirmed': '仍有出席领导（或其秘书）未确认',
};
