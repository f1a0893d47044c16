/**
 * Login throttling, kept in the database so that every server process shares it: after 5 failed
 * attempts within 15 minutes for one username (or 20 from one address), further attempts are
 * refused for 15 minutes.
 */
import type { Conn } from '../db/database';
import type { Clock } from '../clock';

const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;
export const LIMITS = { user: 5, ip: 20 };

export async function lockedUntil(db: Conn, clock: Clock, keys: string[]): Promise<string | null> {
  const now = clock.now().toISOString();
  const rows = await db.selectFrom('login_attempts').select(['locked_until']).where('key', 'in', keys).execute();
  const locks = rows
    .map((r) => r.locked_until)
    .filter((l): l is string => !!l && l > now)
    .sort();
  return locks.at(-1) ?? null;
}

export async function recordFailure(db: Conn, clock: Clock, key: string, limit: number): Promise<void> {
  const now = clock.now();
  const row = await db.selectFrom('login_attempts').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row || now.getTime() - Date.parse(row.window_start) > WINDOW_MS) {
    await db
      .insertInto('login_attempts')
      .values({ key, window_start: now.toISOString(), count: 1, locked_until: null })
      .onConflict((oc) => oc.column('key').doUpdateSet({ window_start: now.toISOString(), count: 1, locked_until: null }))
      .execute();
    return;
  }
  const count = row.count + 1;
  await db
    .updateTable('login_attempts')
    .set({
      count,
      locked_until: count >= limit ? new Date(now.getTime() + LOCK_MS).toISOString() : row.locked_until,
    })
    .where('key', '=', key)
    .execute();
}

export async function clearFailures(db: Conn, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}
