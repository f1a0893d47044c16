/**
 * The only SQL of the inbox module: notifications, 待阅 (read_items), and the people a notice goes
 * to (a department's members, the holders of a role). Everything else reaches these through
 * `notify.ts` (writes) or the inbox service (reads).
 */
import type { Actor } from '../../platform/auth/actor';
import type { Conn } from '../../platform/db/database';
import type { NotificationsTable, ReadItemsTable } from '../../platform/db/schema';
import { whereVisible } from '../../kernel/matters.access';
import { countUpTo, rowsUpTo } from '../../platform/db/paging';

/** Administrators sit in the office but take no part in workflows. */
const ADMIN = ['sysadmin', 'secadmin', 'auditor'];

export function createInboxRepo(db: Conn) {
  const toReadOf = (actor: Actor, unread: boolean) =>
    db
      .selectFrom('read_items')
      .where('read_items.user_id', '=', actor.id)
      .where('read_items.read_at', unread ? 'is' : 'is not', null)
      .where(whereVisible(actor, 'read_items.matter_id', { perRow: true }));
  const unreadNotifications = (userId: string) =>
    db
      .selectFrom('notifications')
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('n'));

  return {
    // ── writes ───────────────────────────────────────────────────────────────
    async insertNotification(row: NotificationsTable) {
      await db.insertInto('notifications').values(row).execute();
    },
    async hasUnreadToRead(userId: string, matterId: string) {
      return !!(await db
        .selectFrom('read_items')
        .select('id')
        .where('user_id', '=', userId)
        .where('matter_id', '=', matterId)
        .where('read_at', 'is', null)
        .executeTakeFirst());
    },
    async insertToRead(row: ReadItemsTable) {
      await db.insertInto('read_items').values(row).execute();
    },
    /** Mark one of the user's 待阅 read; false when it was already read or is not theirs. */
    async markToRead(userId: string, id: string, at: string) {
      const res = await db
        .updateTable('read_items')
        .set({ read_at: at })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) > 0;
    },
    async toReadExists(userId: string, id: string) {
      return !!(await db.selectFrom('read_items').select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst());
    },
    async notificationExists(userId: string, id: string) {
      return !!(await db.selectFrom('notifications').select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst());
    },
    async markNotificationRead(userId: string, id: string, at: string) {
      await db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).where('user_id', '=', userId).where('read_at', 'is', null).execute();
    },
    async markAllNotificationsRead(userId: string, at: string) {
      await db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null).execute();
    },

    // ── reads ────────────────────────────────────────────────────────────────
    /** How many of the actor's 待阅 are unread (open work), on matters they may still see. */
    async unreadToReadCount(actor: Actor) {
      const c = await toReadOf(actor, true)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(c.n ?? 0);
    },
    /** How many read 待阅 there are, reading at most `limit` (for a page past the end). */
    readToReadUpTo(actor: Actor, limit: number) {
      return rowsUpTo(db, toReadOf(actor, false), limit);
    },
    /** A slice of the unread or of the read 待阅, newest first. */
    toReadSlice(actor: Actor, unread: boolean, offset: number, limit: number) {
      return toReadOf(actor, unread)
        .innerJoin('matters', 'matters.id', 'read_items.matter_id')
        .innerJoin('users', 'users.id', 'read_items.created_by')
        .selectAll('read_items')
        .select(['matters.title as matter_title', 'matters.kind as matter_kind', 'users.name as from_name'])
        .orderBy('read_items.created_at', 'desc')
        .orderBy('read_items.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
    },
    /** The badge figures that are the inbox's own: unread 待阅 and unread notifications. */
    async unreadCounts(actor: Actor) {
      const toRead = toReadOf(actor, true).select((eb) => eb.fn.countAll<number>().as('n'));
      const c = await db.selectNoFrom([toRead.as('toRead'), unreadNotifications(actor.id).as('unread')]).executeTakeFirstOrThrow();
      return { toRead: Number(c.toRead ?? 0), unread: Number(c.unread ?? 0) };
    },
    /** A page of the user's notifications, newest first; the count (history) stops at `cap`. */
    async notificationsPage(userId: string, offset: number, limit: number, cap: number) {
      const base = db.selectFrom('notifications').where('user_id', '=', userId);
      const counted = await countUpTo(db, base, cap);
      const rows = await base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
      return { rows, ...counted };
    },

    // ── people ───────────────────────────────────────────────────────────────
    /** Active workflow users of a department. */
    async departmentMembers(departmentId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('users')
        .select('id')
        .where('department_id', '=', departmentId)
        .where('active', '=', 1)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb.selectFrom('user_roles').select('user_roles.user_id').whereRef('user_roles.user_id', '=', 'users.id').where('user_roles.role', 'in', ADMIN),
            ),
          ),
        )
        .execute();
      return rows.map((r) => r.id);
    },
    /** An active user who may take part in workflows (not an administrator). */
    async isWorkflowUser(userId: string): Promise<boolean> {
      const u = await db.selectFrom('users').select('id').where('id', '=', userId).where('active', '=', 1).executeTakeFirst();
      if (!u) return false;
      const admin = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).where('role', 'in', ADMIN).executeTakeFirst();
      return !admin;
    },
    /** Active users holding a role. */
    async usersWithRole(role: string): Promise<string[]> {
      const rows = await db
        .selectFrom('user_roles')
        .innerJoin('users', 'users.id', 'user_roles.user_id')
        .select('users.id')
        .where('user_roles.role', '=', role)
        .where('users.active', '=', 1)
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
