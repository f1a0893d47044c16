/**
 * Keyed, versioned settings (one JSON value per key). A write is a compare-and-set on the version,
 * so two administrators saving at once cannot overwrite each other unseen.
 */
import type { Conn } from './db/database';
import type { JsonCol } from './db/schema';

export interface SettingRow {
  value: unknown;
  version: number;
  updatedAt: string;
}

export async function readSetting(conn: Conn, key: string): Promise<SettingRow | null> {
  const row = await conn.selectFrom('settings').select(['value', 'version', 'updated_at']).where('key', '=', key).executeTakeFirst();
  return row ? { value: row.value, version: row.version, updatedAt: row.updated_at } : null;
}

/**
 * Store `value` as the version after `expected` (0: the key has no row yet). False when someone
 * else wrote it first (the caller reports a stale version).
 */
export async function writeSetting(conn: Conn, key: string, expected: number, value: JsonCol, by: string, at: string): Promise<boolean> {
  if (expected === 0) {
    const res = await conn
      .insertInto('settings')
      .values({ key, value, version: 1, updated_by: by, updated_at: at })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const res = await conn
    .updateTable('settings')
    .set({ value, version: expected + 1, updated_by: by, updated_at: at })
    .where('key', '=', key)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
