/**
 * Notifications land in each person's inbox. Written in the caller's transaction; a notification
 * made by a timer carries the timer id, and (timer_id, user_id) is unique, so a timer can never
 * notify the same person twice even if it were run twice. The module's public write API; its SQL
 * is in `inbox.repo.ts`.
 */
import type { Conn } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import { newId } from '../../platform/ids';
import { createInboxRepo } from './inbox.repo';

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
  const repo = createInboxRepo(tx);
  for (const userId of new Set(n.userIds)) {
    await repo.insertNotification({
      id: newId(),
      user_id: userId,
      kind: n.kind,
      title: n.title,
      body: n.body ?? null,
      matter_id: n.matterId ?? null,
      timer_id: n.timerId ?? null,
      read_at: null,
      created_at: now,
    });
  }
}

/** Put a matter in people's 待阅 (once: an unread item is not added again). */
export async function addToRead(tx: Conn, clock: Clock, r: { userIds: Iterable<string>; matterId: string; note: string | null; by: string }): Promise<void> {
  const now = clock.now().toISOString();
  const repo = createInboxRepo(tx);
  for (const u of new Set(r.userIds)) {
    if (await repo.hasUnreadToRead(u, r.matterId)) continue;
    await repo.insertToRead({ id: newId(), user_id: u, matter_id: r.matterId, note: r.note, created_by: r.by, created_at: now, read_at: null });
  }
}

/** Active workflow users of a department (administrators sit in the office but take no part). */
export function departmentMembers(tx: Conn, departmentId: string): Promise<string[]> {
  return createInboxRepo(tx).departmentMembers(departmentId);
}

/** An active user who may take part in workflows (not an administrator); for validating targets. */
export function isWorkflowUser(tx: Conn, userId: string): Promise<boolean> {
  return createInboxRepo(tx).isWorkflowUser(userId);
}

/** Active users holding a role. */
export function usersWithRole(tx: Conn, role: string): Promise<string[]> {
  return createInboxRepo(tx).usersWithRole(role);
}
