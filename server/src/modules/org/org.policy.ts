/** The organisation's policy (domain/src/org/policy.ts), enforced: 403 with the rule's refusal. */
import { canOrg, ORG_POLICY, type OrgAction } from '@xietiao/domain';
import type { Actor } from '../../platform/auth/actor';
import { forbidden } from '../../platform/errors';

export { ORG_POLICY, type OrgAction };

/** May `actor` do `action` (on something concerning `subjectUserId`)? */
export const can = (actor: Actor, action: OrgAction, subjectUserId?: string): boolean => canOrg(actor, action, subjectUserId);

/** As `can`, or 403 with the rule's Chinese refusal. */
export function authorize(actor: Actor, action: OrgAction, subjectUserId?: string): void {
  if (!can(actor, action, subjectUserId)) throw forbidden(ORG_POLICY[action].refusal);
}
