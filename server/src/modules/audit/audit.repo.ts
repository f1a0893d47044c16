/** The only SQL of the audit module: a filtered, newest-first page of the audit trail. */
import type { Conn } from '../../platform/db/database';
import { countUpTo } from '../../platform/db/paging';

export interface AuditFilter {
  actorId?: string;
  /** A prefix of the action code (`activity.` for all of an area's events). */
  action?: string;
  matterId?: string;
}

export function createAuditRepo(db: Conn) {
  return {
    /** A page of the trail, newest first; the count stops at `cap` (the trail only grows). */
    async page(f: AuditFilter, offset: number, limit: number, cap: number) {
      let base = db.selectFrom('audit_events');
      if (f.actorId) base = base.where('audit_events.actor_id', '=', f.actorId);
      if (f.action) base = base.where('audit_events.action', 'like', `${f.action.replace(/[%_]/g, '')}%`);
      if (f.matterId) base = base.where('audit_events.matter_id', '=', f.matterId);
      const counted = await countUpTo(db, base, cap);
      const rows = await base
        .leftJoin('users', 'users.id', 'audit_events.actor_id')
        .selectAll('audit_events')
        .select('users.name as actor_name')
        .orderBy('audit_events.seq', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      return { rows, ...counted };
    },
  };
}
