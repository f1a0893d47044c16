/**
 * Notifications land in each person's inbox. Written in the caller's transaction; a notification
 * made by a timer carries the timer id, and (timer_id, user_id) is unique, so a timer can never
 * notify the same person twice even if it were run twice.
 */
import type { Conn } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import { newId } from '../../platform/ids';

export interface NotifyInput {
  userIds: Iterable<string>;
  kind: string;
  title: string;
  body?: string | null;
  matterId?: string | null;
  timerId?: string | null;
}

export async function notify(tx: Conn, clock: Clock, n: NotifyInput): Promise<void> {
  const now = clock.now().toISOString();
  for (const userId of new Set(n.userIds)) {
    await tx
      .insertInto('notifications')
      .values({
        id: newId(),
        user_id: userId,
        kind: n.kind,
        title: n.title,
        body: n.body ?? null,
        matter_id: n.matterId ?? null,
        timer_id: n.timerId ?? null,
        read_at: null,
        created_at: now,
      })
      .execute();
  }
}

/** Put a matter in people's 待阅 (once: an unread item is not added again). */
export async function addToRead(tx: Conn, clock: Clock, r: { userIds: Iterable<string>; matterId: string; note: string | null; by: string }): Promise<void> {
  const now = clock.now().toISOString();
  for (const u of new Set(r.userIds)) {
    const unread = await tx
      .selectFrom('read_items')
      .select('id')
      .where('user_id', '=', u)
      .where('matter_id', '=', r.matterId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    if (unread) continue;
    await tx
      .insertInto('read_items')
      .values({ id: newId(), user_id: u, matter_id: r.matterId, note: r.note, created_by: r.by, created_at: now, read_at: null })
      .execute();
  }
}

const ADMIN = ['sysadmin', 'secadmin', 'auditor'];

/** Active workflow users of a department (administrators sit in the office but take no part). */
export async function departmentMembers(tx: Conn, departmentId: string): Promise<string[]> {
  const rows = await tx
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
}

/** An active user who may take part in workflows (not an administrator); for validating targets. */
export async function isWorkflowUser(tx: Conn, userId: string): Promise<boolean> {
  const u = await tx.selectFrom('users').select('id').where('id', '=', userId).where('active', '=', 1).executeTakeFirst();
  if (!u) return false;
  const admin = await tx.selectFrom('user_roles').select('role').where('user_id', '=', userId).where('role', 'in', ADMIN).executeTakeFirst();
  return !admin;
}

/** Active users holding a role. */
export async function usersWithRole(tx: Conn, role: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('users.id')
    .where('user_roles.role', '=', role)
    .where('users.active', '=', 1)
    .execute();
  return rows.map((r) => r.id);
}
