/**
 * Who may do what with a matter, as one readable table. Lifecycle events carry their own `by`
 * (relative roles); this table covers the rest. Relative roles: office (any office role),
 * leader, owner (the staff member in charge or the creator), party (a consulted department or
 * person), assignee (holds an open task).
 */
import type { Actor } from '../platform/auth/actor';
import { hasRole, isOffice } from '../platform/auth/actor';
import type { MatterRow } from './matters.repo';

export type MatterAction = 'create' | 'addTask' | 'consult' | 'settle' | 'instruct' | 'askLeader' | 'link' | 'share';

export const MATTER_POLICY: Record<MatterAction, readonly string[]> = {
  create: ['office', 'leader'],
  addTask: ['office', 'owner', 'leader'],
  consult: ['office', 'owner'],
  settle: ['office', 'owner'],
  instruct: ['leader'],
  askLeader: ['office', 'owner'],
  link: ['office', 'owner'],
  share: ['office', 'owner', 'leader'],
};

export const ACTION_LABELS: Record<MatterAction, string> = {
  create: '登记事项',
  addTask: '交办任务',
  consult: '征求意见',
  settle: '确定协商结果',
  instruct: '作出批示',
  askLeader: '报请领导批示',
  link: '关联事项',
  share: '分送阅知',
};

/** The relative roles an actor holds on a matter (for the policy and the lifecycle tables). */
export function relativeRoles(actor: Actor, matter?: Pick<MatterRow, 'owner_id' | 'created_by'>): string[] {
  const roles: string[] = [];
  if (isOffice(actor)) roles.push('office');
  if (hasRole(actor, 'leader')) roles.push('leader');
  if (matter && (matter.owner_id === actor.id || matter.created_by === actor.id)) roles.push('owner');
  return roles;
}

export function may(actor: Actor, action: MatterAction, matter?: Pick<MatterRow, 'owner_id' | 'created_by'>): boolean {
  const held = relativeRoles(actor, matter);
  return MATTER_POLICY[action].some((r) => held.includes(r));
}
