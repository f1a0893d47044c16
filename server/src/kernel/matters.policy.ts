/**
 * The kernel's relative roles on a matter: viewer (anyone who may see it — the callers have
 * checked need-to-know), office (any office role), leader, owner (the staff member in charge or
 * the creator). Kinds add their own (`KindDefinition.roles`); what each role
 * may do is the policy in `@xietiao/domain` (`KERNEL_ACTIONS` and the kind's table), enforced by
 * `kernel.policy.require` and returned as `allowedActions`.
 */
import type { Actor } from '../platform/auth/actor';
import { hasRole, isOffice } from '../platform/auth/actor';
import type { MatterRow } from './matters.repo';

/** The relative roles an actor holds on a matter (for the policy and the lifecycle tables). */
export function relativeRoles(actor: Actor, matter?: Pick<MatterRow, 'owner_id' | 'created_by'>): string[] {
  const roles: string[] = matter ? ['viewer'] : [];
  if (isOffice(actor)) roles.push('office');
  if (hasRole(actor, 'leader')) roles.push('leader');
  if (matter && (matter.owner_id === actor.id || matter.created_by === actor.id)) roles.push('owner');
  return roles;
}
