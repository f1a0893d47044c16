/**
 * The only SQL of the audit module: a filtered, newest-first page of the audit trail, and the
 * names of the people, departments and organs its rows name by id (the auditor reads names).
 */
import { sql } from 'kysely';
import type { Conn } from '../../platform/db/database';
import { countUpTo } from '../../platform/db/paging';
import { createLookupsRepo } from '../../kernel/reads';

export interface AuditFilter {
  actorId?: string;
  /** A prefix of the action code (`activity.` for all of an area's events), or with `exact` the code. */
  action?: string;
  exact?: '0' | '1';
  matterId?: string;
}

export function createAuditRepo(db: Conn) {
  return {
    /** A page of the trail, newest first; the count stops at `cap` (the trail only grows). */
    async page(f: AuditFilter, offset: number, limit: number, cap: number) {
      let base = db.selectFrom('audit_events');
      if (f.actorId) base = base.where('audit_events.actor_id', '=', f.actorId);
      // A prefix compared as text, not LIKE: action codes contain `_`, which LIKE takes as a wildcard.
      if (f.action)
        base =
          f.exact === '1'
            ? base.where('audit_events.action', '=', f.action)
            : base.where(sql<string>`substr(audit_events.action, 1, ${f.action.length})`, '=', f.action);
      if (f.matterId) base = base.where('audit_events.matter_id', '=', f.matterId);
      const counted = await countUpTo(db, base, cap);
      const rows = await base
        .leftJoin('users', 'users.id', 'audit_events.actor_id')
        .leftJoin('matters', 'matters.id', 'audit_events.matter_id')
        .selectAll('audit_events')
        .select(['users.name as actor_name', 'matters.kind as matter_kind'])
        .orderBy('audit_events.seq', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      return { rows, ...counted };
    },

    /** id → name of the users, departments and organs among `ids` (a matter's title is not given: need-to-know). */
    async names(ids: string[]): Promise<Map<string, string>> {
      const out = new Map<string, string>();
      if (ids.length === 0) return out;
      // people and departments through the kernel's lookups; organs are the audit's own question
      const lookups = createLookupsRepo(db);
      const [users, departments, organs] = await Promise.all([
        lookups.userNames(ids),
        lookups.departmentNames(ids),
        db.selectFrom('organs').select(['id', 'name']).where('id', 'in', ids).execute(),
      ]);
      for (const r of organs) out.set(r.id, r.name);
      for (const m of [departments, users]) for (const [id, name] of m) out.set(id, name);
      return out;
    },
  };
}
