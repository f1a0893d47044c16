/**
 * The 发文 matter kind (issue #11): its lifecycle and policy (domain/src/lifecycles/outgoing.ts),
 * the actor's relative roles on it, and its guards. Every event of the table is owned by a
 * command; this slice (OUT-1 and the draft) adds none yet — the matter stays 拟稿中 while the
 * office records the leaders' 交代, writes the 统一意图 and the draft is edited.
 */
import { outgoingLifecycle, outgoingPolicy, OUTGOING_GUARD_MESSAGES, type Lifecycle } from '@xietiao/domain';
import type { Actor } from '../../platform/auth/actor';
import { hasRole } from '../../platform/auth/actor';
import type { Conn } from '../../platform/db/database';
import { fromJson } from '../../platform/json';
import type { MatterRow } from '../../kernel/reads';
import type { KindDefinition } from '../../kernel/matters.kinds';
import { createContentVersions } from '../../kernel/versions';
import { systemClock } from '../../platform/clock';
import { createOutgoingRepo } from './outgoing.repo';

/** Content version kinds of a 发文. */
export const INTENT_KIND = 'outgoing.intent';
export const DRAFT_KIND = 'outgoing.draft';

/**
 * Who holds which relative role on a 发文: `drafter` — the person in charge or the creator, and
 * the drafting department's drafters and liaisons; `briefLeader` — a leader the document comes
 * from. (`signer` comes with the sign-off slice.)
 */
export async function outgoingRoles(conn: Conn, actor: Actor, m: MatterRow): Promise<string[]> {
  const roles: string[] = [];
  const inDept = !!m.department_id && actor.departmentId === m.department_id && hasRole(actor, 'drafter', 'liaison');
  if (m.owner_id === actor.id || m.created_by === actor.id || inDept) roles.push('drafter');
  const o = await createOutgoingRepo(conn).get(m.id);
  if (o && fromJson<string[]>(o.leader_ids, []).includes(actor.id)) roles.push('briefLeader');
  return roles;
}

export const outgoingKind: KindDefinition = {
  lifecycle: outgoingLifecycle as unknown as Lifecycle,
  policy: outgoingPolicy,
  roles: outgoingRoles,
  guards: {
    'has-draft': async (conn, m) =>
      (await createContentVersions({ clock: systemClock }).latestNo(conn, m.id, DRAFT_KIND)) > 0 ? null : OUTGOING_GUARD_MESSAGES['has-draft'],
  },
  commands: {},
};
