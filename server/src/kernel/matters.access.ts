/**
 * Need-to-know, enforced in the queries themselves: a matter is visible to an actor only
 * when one of the actor's principals is on its access list. Every list, search, export and
 * feed builds on `visibleMatterIds`/`whereVisible`, so no path can forget the check.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { Actor } from '../platform/auth/actor';
import { isAdministrator, isOffice } from '../platform/auth/actor';
import type { DB } from '../platform/db/schema';

export interface Principal {
  type: 'user' | 'department' | 'role';
  id: string;
}

/** The principals an actor acts as: themself, their department, their roles, and 'office'. */
export function principalsOf(actor: Actor): Principal[] {
  // Administrators (三员) never act in workflows, so they see no matter at all.
  if (isAdministrator(actor)) return [];
  const p: Principal[] = [{ type: 'user', id: actor.id }];
  if (actor.departmentId) p.push({ type: 'department', id: actor.departmentId });
  for (const r of actor.roles) p.push({ type: 'role', id: r });
  if (isOffice(actor)) p.push({ type: 'role', id: 'office' });
  return p;
}

/**
 * A WHERE predicate on `matters` (aliased as in the query) that keeps only visible rows.
 * `perRow`: look the row's access list up row by row (a correlated EXISTS that PostgreSQL keeps
 * as such: `LIMIT 1 OFFSET 0` stops it turning the EXISTS into a join, which it may run as a hash
 * of every visible matter). For queries over few rows — open work, one page of a list — whose
 * cost must not grow with the history; the answer is the same either way.
 */
export function whereVisible(
  actor: Actor,
  matterIdRef: 'matters.id' | 'tasks.matter_id' | 'read_items.matter_id' = 'matters.id',
  opts: { perRow?: boolean } = {},
) {
  const principals = principalsOf(actor);
  const users = principals.filter((p) => p.type === 'user').map((p) => p.id);
  const depts = principals.filter((p) => p.type === 'department').map((p) => p.id);
  const roles = principals.filter((p) => p.type === 'role').map((p) => p.id);
  if (principals.length === 0) return (eb: ExpressionBuilder<DB, any>) => eb(eb.val(1), '=', 0);
  return (eb: ExpressionBuilder<DB, any>) =>
    eb.exists(
      eb
        .selectFrom('matter_access as ma')
        .select(sql`1`.as('one'))
        .whereRef('ma.matter_id', '=', sql.ref(matterIdRef) as any)
        .where((w) =>
          w.or([
            ...(users.length ? [w.and([w('ma.principal_type', '=', 'user'), w('ma.principal_id', 'in', users)])] : []),
            ...(depts.length ? [w.and([w('ma.principal_type', '=', 'department'), w('ma.principal_id', 'in', depts)])] : []),
            ...(roles.length ? [w.and([w('ma.principal_type', '=', 'role'), w('ma.principal_id', 'in', roles)])] : []),
          ]),
        )
        .$if(!!opts.perRow, (q) => q.limit(1).offset(0)),
    );
}
