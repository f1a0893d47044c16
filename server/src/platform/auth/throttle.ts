/**
 * Login throttling (等保: 限制非法登录次数), kept in the database so that every server process shares it.
 *
 * Two counters, both rows of `login_attempts`:
 * - the (user name, address) pair `pair:<name>|<ip>`: 5 attempts go through, then each further
 *   attempt waits a delay that doubles (30 s, 1, 2, 4, 8, at most 15 minutes). One address
 *   guessing one account slows down; nobody else does — not the same user elsewhere, not other
 *   users behind the same proxy.
 * - the account `user:<name>`: 20 attempts within an hour, from whatever addresses, lock the
 *   account for 30 minutes (the user and the security administrators are told; the security
 *   administrator may unlock it at once).
 *
 * `take` counts and checks in ONE statement (insert … on conflict do update … where not locked
 * returning count), before the password is verified: the row lock (PostgreSQL) or the one writer
 * (SQLite) orders concurrent attempts, so of any number fired at once at most the limit get a
 * slot. The attempt that reaches a limit sets the lock itself, before its password is checked; a
 * successful login then clears both counters, so only failures accumulate.
 */
import { sql } from 'kysely';
import type { Conn } from '../db/database';
import type { Clock } from '../clock';

export interface ThrottleRule {
  /** attempts that go through before the first lock */
  limit: number;
  /** the count starts again once the first attempt is this old (and no lock holds) */
  windowMs: number;
  /** how long the n-th attempt (n ≥ limit) locks the key */
  lockMs(n: number): number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** The (user, address) pair: after 5 attempts a delay that doubles, 30 s up to 15 minutes. */
export const PAIR_RULE: ThrottleRule = {
  limit: 5,
  windowMs: 60 * MINUTE,
  lockMs: (n) => Math.min(30 * SECOND * 2 ** (n - 5), 15 * MINUTE),
};
/** The account, across addresses: 20 attempts within an hour lock it for 30 minutes. */
export const ACCOUNT_RULE: ThrottleRule = {
  limit: 20,
  windowMs: 60 * MINUTE,
  lockMs: () => 30 * MINUTE,
};

/** Lower-cased, as the keys are: `Office` and `office` are one account to the throttle. */
const norm = (username: string) => username.trim().toLowerCase();
export const accountKey = (username: string) => `user:${norm(username)}`;
/** User names of accounts are [a-z0-9_.-], so `|` ends the name. */
export const pairKey = (username: string, ip: string) => `pair:${norm(username)}|${ip}`;

export type Take = { ok: true; n: number; locked: boolean; until: string | null } | { ok: false; until: string };

/**
 * One attempt against `key`: counted, and allowed unless the key is locked — atomically. `n` is
 * the attempt's number in the window; `locked` says this attempt reached the limit and locked the
 * key (`until`).
 */
export async function take(db: Conn, clock: Clock, key: string, rule: ThrottleRule): Promise<Take> {
  const now = clock.now();
  const nowIso = now.toISOString();
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
  const expired = sql<boolean>`login_attempts.window_start <= ${new Date(now.getTime() - rule.windowMs).toISOString()}`;
  const next = sql<number>`(case when ${expired} then 1 else login_attempts.count + 1 end)`;
  // The lock the new count sets: one branch per step of the rule until its delay stops growing.
  const steps: ReturnType<typeof sql>[] = [];
  let n = rule.limit;
  for (; n < rule.limit + 32 && rule.lockMs(n + 1) !== rule.lockMs(n); n++) steps.push(sql`when ${next} = ${n} then ${at(rule.lockMs(n))}`);
  const lock = sql<string | null>`case ${sql.join(steps, sql` `)} when ${next} >= ${n} then ${at(rule.lockMs(n))} else null end`;
  const row = await db
    .insertInto('login_attempts')
    .values({ key, window_start: nowIso, count: 1, locked_until: rule.limit <= 1 ? at(rule.lockMs(1)) : null })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({
          count: next,
          window_start: sql<string>`case when ${expired} then ${nowIso} else login_attempts.window_start end`,
          locked_until: lock,
        })
        .where(sql<boolean>`login_attempts.locked_until is null or login_attempts.locked_until <= ${nowIso}`),
    )
    .returning(['count', 'locked_until'])
    .executeTakeFirst();
  if (row) return { ok: true, n: Number(row.count), locked: Number(row.count) >= rule.limit, until: row.locked_until };
  const held = await db.selectFrom('login_attempts').select('locked_until').where('key', '=', key).executeTakeFirst();
  return { ok: false, until: held?.locked_until ?? at(rule.lockMs(rule.limit)) };
}

/** Until when `key` is locked, or null: a plain read, to refuse early (take() is what decides). */
export async function lockedUntil(db: Conn, clock: Clock, key: string): Promise<string | null> {
  const row = await db.selectFrom('login_attempts').select('locked_until').where('key', '=', key).executeTakeFirst();
  return row?.locked_until && row.locked_until > clock.now().toISOString() ? row.locked_until : null;
}

/** After a successful login: the pair and the account start again. */
export async function clearFailures(db: Conn, keys: string[]): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', 'in', keys).execute();
}

/**
 * The security administrator's unlock: the account's counter and every pair of that user name.
 * Returns whether a lock was in force.
 */
export async function unlockAccount(db: Conn, clock: Clock, username: string): Promise<boolean> {
  const account = accountKey(username);
  const pairs = pairKey(username, '');
  const now = clock.now().toISOString();
  const held = await db
    .selectFrom('login_attempts')
    .select('key')
    .where((eb) => eb.or([eb('key', '=', account), eb(sql`substr(key, 1, ${sql.lit(pairs.length)})`, '=', pairs)]))
    .where('locked_until', '>', now)
    .execute();
  await db
    .deleteFrom('login_attempts')
    .where((eb) => eb.or([eb('key', '=', account), eb(sql`substr(key, 1, ${sql.lit(pairs.length)})`, '=', pairs)]))
    .execute();
  return held.length > 0;
}
