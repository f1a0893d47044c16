/**
 * Sessions stored in the database. The cookie holds a random token; the table keeps only its
 * sha256, so a leaked table does not leak sessions. 12 hours idle timeout, sliding.
 */
import { createHash } from 'node:crypto';
import type { Conn } from '../db/database';
import type { Clock } from '../clock';
import { newToken } from '../ids';

export const SESSION_COOKIE = 'xt_session';
const IDLE_MS = 12 * 3600_000;
const TOUCH_MS = 60_000;

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Conn, clock: Clock, userId: string) {
  const token = newToken();
  const csrfToken = newToken(24);
  const now = clock.now();
  await db
    .insertInto('sessions')
    .values({
      id: tokenId(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + IDLE_MS).toISOString(),
      last_seen_at: now.toISOString(),
    })
    .execute();
  return { token, csrfToken };
}

export async function findSession(db: Conn, clock: Clock, token: string) {
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', tokenId(token)).executeTakeFirst();
  if (!row) return null;
  const now = clock.now();
  if (row.expires_at <= now.toISOString()) {
    await db.deleteFrom('sessions').where('id', '=', row.id).execute();
    return null;
  }
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_MS) {
    await db
      .updateTable('sessions')
      .set({
        last_seen_at: now.toISOString(),
        expires_at: new Date(now.getTime() + IDLE_MS).toISOString(),
      })
      .where('id', '=', row.id)
      .execute();
  }
  return row;
}

export async function deleteSession(db: Conn, token: string) {
  await db.deleteFrom('sessions').where('id', '=', tokenId(token)).execute();
}

export async function deleteUserSessions(db: Conn, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
