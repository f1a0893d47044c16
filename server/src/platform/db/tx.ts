/**
 * One way to run a unit of work: `runTx(conn, fn)`.
 *
 * - Nested calls join the outer transaction (Kysely's `isTransaction`), so use cases compose —
 *   the demo load runs every use case inside one transaction, a command can call another.
 * - Audit rows queued during the work (`appendAudit`) are written at the very end, just before
 *   the commit. The audit chain's head row is therefore always the last lock a transaction
 *   takes: transactions that touch several matters in different orders cannot deadlock on it.
 * - On PostgreSQL a deadlock (40P01) or a serialization failure (40001) re-runs the whole unit
 *   (it has no effect outside the database before the commit); after three tries it is a 409
 *   `concurrent_update`, never a 500. SQLite's "database is locked" (another process held the
 *   write lock past busy_timeout) is the same 409.
 */
import type { Conn } from './database';
import { concurrentUpdate } from '../errors';

type Work<T> = (tx: Conn) => Promise<T>;

/** Per-transaction queue of deferred writes (the audit rows), flushed before the commit. */
const deferred = new WeakMap<Conn, ((tx: Conn) => Promise<void>)[]>();

/** Queue `write` to run at the end of the transaction `tx`; false when `tx` is not a runTx unit. */
export function deferToCommit(tx: Conn, write: (tx: Conn) => Promise<void>): boolean {
  const q = deferred.get(tx);
  if (!q) return false;
  q.push(write);
  return true;
}

const RETRYABLE = new Set(['40P01', '40001']);
export const MAX_TX_ATTEMPTS = 3;

function pgCode(err: unknown): string | undefined {
  const c = (err as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : undefined;
}

/** Is this error a database refusal to serialise concurrent work (retry or answer 409)? */
export function isConcurrencyFailure(err: unknown): boolean {
  const code = pgCode(err);
  if (code && RETRYABLE.has(code)) return true;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

export async function runTx<T>(conn: Conn, fn: Work<T>): Promise<T> {
  if (conn.isTransaction) return fn(conn);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await conn.transaction().execute(async (tx) => {
        const queue: ((tx: Conn) => Promise<void>)[] = [];
        deferred.set(tx, queue);
        const result = await fn(tx);
        // Flushing may queue more (it should not, but a write may append audit of its own).
        while (queue.length) await queue.shift()!(tx);
        deferred.delete(tx);
        return result;
      });
    } catch (err) {
      if (!isConcurrencyFailure(err)) throw err;
      const code = pgCode(err);
      if (attempt >= MAX_TX_ATTEMPTS || !code || !RETRYABLE.has(code)) throw concurrentUpdate();
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }
}
