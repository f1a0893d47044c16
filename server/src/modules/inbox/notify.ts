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
    await tx.insertInto('notifications').values({
      id: newId(), user_id: userId, kind: n.kind, title: n.title, body: n.body ?? null, matter_id: n.matterId ?? null,
      timer_id: n.timerId ?? null, read_at: null, created_at: now,
    }).execute();
  }
}

/** Active users of a department (for notifying a department). */
export async function departmentMembers(tx: Conn, departmentId: string): Promise<string[]> {
  const rows = await tx.selectFrom('users').select('id').where('department_id', '=', departmentId).where('active', '=', 1).execute();
  return rows.map((r) => r.id);
}

/** Active users holding a role. */
export async function usersWithRole(tx: Conn, role: string): Promise<string[]> {
  const rows = await tx.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('users.id').where('user_roles.role', '=', role).where('users.active', '=', 1).execute();
  return rows.map((r) => r.id);
}
