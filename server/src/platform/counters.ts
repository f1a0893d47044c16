import type { Conn } from './db/database';

/**
 * Numbers that must never repeat or skip (发文字号, 收文号, 督办编号): a counter row incremented in
 * the caller's transaction. The UPDATE takes the row lock on PostgreSQL (and SQLite serialises
 * writers), so concurrent registrations queue; a rolled-back registration gives its number back.
 */
export async function nextNumber(tx: Conn, name: string): Promise<number> {
  await tx
    .insertInto('counters')
    .values({ name, value: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await tx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
