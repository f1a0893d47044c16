/** The only SQL for matters, their access lists, links and instructions. */
import { api } from '@xietiao/domain';
import type { Conn } from '../platform/db/database';
import { countUpTo } from '../platform/db/paging';
import type { Actor } from '../platform/auth/actor';
import { toJson } from '../platform/json';
import { whereVisible, type Principal } from './matters.access';
import type { MattersTable } from '../platform/db/schema';

export type MatterRow = MattersTable;

export function createMattersRepo(db: Conn) {
  return {
    async insert(row: MatterRow, access: Principal[]) {
      await db
        .insertInto('matters')
        .values({ ...row, data: toJson(row.data) })
        .execute();
      await this.addAccess(row.id, access);
    },

    async addAccess(matterId: string, access: Principal[]) {
      const seen = new Set<string>();
      for (const p of access) {
        const key = `${p.type}:${p.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        await db
          .insertInto('matter_access')
          .values({ matter_id: matterId, principal_type: p.type, principal_id: p.id })
          .onConflict((oc) => oc.columns(['matter_id', 'principal_type', 'principal_id']).doNothing())
          .execute();
      }
    },

    async access(matterId: string) {
      return db.selectFrom('matter_access').selectAll().where('matter_id', '=', matterId).execute();
    },

    /** The matter if the actor may see it; undefined otherwise (callers answer 404 either way). */
    async findVisible(actor: Actor, id: string) {
      return db.selectFrom('matters').selectAll().where('matters.id', '=', id).where(whereVisible(actor)).executeTakeFirst();
    },

    async findById(id: string) {
      return db.selectFrom('matters').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async list(actor: Actor, q: { kind?: string; status?: string; q?: string; mineUserId?: string; page: number; pageSize: number }) {
      // need-to-know row by row (K-11): the page walks the updated_at index and the capped count
      // stops at the cap, each candidate looked up on the access list's key — no hash of every
      // matter the viewer may see, which grows with the history
      let base = db.selectFrom('matters').where(whereVisible(actor, 'matters.id', { perRow: true }));
      if (q.kind) base = base.where('matters.kind', '=', q.kind);
      if (q.status) base = base.where('matters.status', '=', q.status);
      if (q.q) base = base.where('matters.title', 'like', `%${q.q.replace(/[%_]/g, '')}%`);
      if (q.mineUserId) base = base.where((eb) => eb.or([eb('matters.owner_id', '=', q.mineUserId!), eb('matters.created_by', '=', q.mineUserId!)]));
      // every matter is history: count up to the cap (K-11), not the whole table
      const counted = await countUpTo(db, base, api.countCap(q.page, q.pageSize));
      const rows = await base
        .leftJoin('users as owner', 'owner.id', 'matters.owner_id')
        .leftJoin('departments as dept', 'dept.id', 'matters.department_id')
        .selectAll('matters')
        .select(['owner.name as owner_name', 'dept.name as department_name'])
        .orderBy('matters.updated_at', 'desc')
        .orderBy('matters.id', 'desc')
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute();
      return { rows, ...counted };
    },

    /**
     * Compare-and-set: the only way a matter's status changes. Zero rows → someone else moved
     * the matter first (or it is no longer in `from`): the caller answers 409.
     */
    async transition(
      id: string,
      from: string,
      to: string,
      version: number,
      now: string,
      closed: boolean,
      patch?: Partial<Pick<MatterRow, 'title' | 'owner_id' | 'department_id' | 'due_date' | 'priority'>>,
    ) {
      const res = await db
        .updateTable('matters')
        .set({
          ...Object.fromEntries(Object.entries(patch ?? {}).filter(([, v]) => v !== undefined)),
          status: to,
          version: version + 1,
          updated_at: now,
          closed_at: closed ? now : null,
        })
        .where('id', '=', id)
        .where('status', '=', from)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /** Compare-and-set edit of a matter's own fields (and version); false when the version moved on. */
    async update(
      id: string,
      version: number,
      patch: Partial<Pick<MatterRow, 'title' | 'owner_id' | 'department_id' | 'due_date' | 'priority'>> & { data?: Record<string, unknown> },
      now: string,
    ) {
      const { data, ...cols } = patch;
      const res = await db
        .updateTable('matters')
        .set({
          ...Object.fromEntries(Object.entries(cols).filter(([, v]) => v !== undefined)),
          ...(data !== undefined ? { data: toJson(data) } : {}),
          version: version + 1,
          updated_at: now,
        })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /** Bump version and timestamp for changes that do not move the status (tasks, positions…). */
    async touch(id: string, now: string) {
      await db
        .updateTable('matters')
        .set((eb) => ({ updated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .execute();
    },

    /**
     * Take the matter's row lock (PostgreSQL) or the write lock (SQLite) for the rest of the
     * transaction, marking it updated but keeping its version: serialises what is numbered per
     * matter (content versions). False when there is no such matter.
     */
    async lock(id: string, now: string) {
      const res = await db.updateTable('matters').set({ updated_at: now }).where('id', '=', id).executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    async insertInstruction(row: {
      id: string;
      matter_id: string;
      leader_id: string;
      kind: 'instruction' | 'approval' | 'decision';
      decision: 'approve' | 'change' | 'decline' | null;
      text: string;
      created_at: string;
    }) {
      await db.insertInto('instructions').values(row).execute();
    },

    async instructions(matterId: string) {
      return db
        .selectFrom('instructions')
        .innerJoin('users', 'users.id', 'instructions.leader_id')
        .selectAll('instructions')
        .select('users.name as leader_name')
        .where('matter_id', '=', matterId)
        .orderBy('instructions.created_at')
        .orderBy('instructions.id')
        .execute();
    },

    async insertLink(row: { id: string; from_id: string; to_id: string; kind: string; note: string | null; created_by: string; created_at: string }) {
      const res = await db
        .insertInto('matter_links')
        .values(row)
        .onConflict((oc) => oc.columns(['from_id', 'to_id', 'kind']).doNothing())
        .executeTakeFirst();
      return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    /** Links of a matter whose other end the actor may also see. */
    async links(actor: Actor, matterId: string) {
      const out = await db
        .selectFrom('matter_links')
        .innerJoin('matters', 'matters.id', 'matter_links.to_id')
        .select([
          'matter_links.id',
          'matter_links.kind',
          'matter_links.note',
          'matters.id as other_id',
          'matters.title as other_title',
          'matters.kind as other_kind',
        ])
        .where('matter_links.from_id', '=', matterId)
        .where(whereVisible(actor))
        .execute();
      const inc = await db
        .selectFrom('matter_links')
        .innerJoin('matters', 'matters.id', 'matter_links.from_id')
        .select([
          'matter_links.id',
          'matter_links.kind',
          'matter_links.note',
          'matters.id as other_id',
          'matters.title as other_title',
          'matters.kind as other_kind',
        ])
        .where('matter_links.to_id', '=', matterId)
        .where(whereVisible(actor))
        .execute();
      return [...out.map((l) => ({ ...l, direction: 'out' as const })), ...inc.map((l) => ({ ...l, direction: 'in' as const }))];
    },

    async history(matterId: string) {
      return db
        .selectFrom('audit_events')
        .leftJoin('users', 'users.id', 'audit_events.actor_id')
        .select([
          'audit_events.seq',
          'audit_events.at',
          'audit_events.action',
          'audit_events.from_state',
          'audit_events.to_state',
          'audit_events.detail',
          'users.name as actor_name',
        ])
        .where('audit_events.matter_id', '=', matterId)
        .orderBy('audit_events.seq')
        .execute();
    },
  };
}
export type MattersRepo = ReturnType<typeof createMattersRepo>;
