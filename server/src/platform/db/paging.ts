/**
 * Counting a history list without reading its history: count at most `cap + 1` rows of the
 * query (a `LIMIT` inside the count), so the cost is bounded by the cap, not by the table.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Conn } from './database';
import type { DB } from './schema';

export interface CappedTotal {
  total: number;
  /** the list has more rows than `total` */
  totalCapped: boolean;
}

export async function countUpTo(conn: Conn, q: SelectQueryBuilder<DB, any, object>, cap: number): Promise<CappedTotal> {
  return cappedTotal(await rowsUpTo(conn, q, cap + 1), cap);
}

/** A count of at most cap + 1 rows as the page tells it: exact, or the cap and "more". */
export function cappedTotal(n: number, cap: number): CappedTotal {
  return n > cap ? { total: cap, totalCapped: true } : { total: n, totalCapped: false };
}

/** How many rows the query has, reading at most `limit` of them. */
export async function rowsUpTo(conn: Conn, q: SelectQueryBuilder<DB, any, object>, limit: number): Promise<number> {
  const r = await conn
    .selectFrom(q.select(sql<number>`1`.as('one')).limit(limit).as('capped'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
