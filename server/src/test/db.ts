/**
 * Test databases: SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it).
 * Each call makes its own SQLite file or PostgreSQL schema, so test files run in parallel.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type Dialect } from '../platform/db/database';
import { migrateToLatest } from '../platform/db/migrate';
import { newToken } from '../platform/ids';

export function testDialects(): Dialect[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase {
  database: Database;
  /** a URL (and schema) another process can open to reach the same database */
  url: string;
  schema?: string;
  cleanup(): Promise<void>;
}

export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietiao-test-'));
    const url = path.join(dir, 'test.db');
    const database = openDatabase({ url });
    await migrateToLatest(database);
    return {
      database,
      url,
      cleanup: async () => {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `t_${newToken(9)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const database = openDatabase({ url, schema, poolSize: 5 });
  await migrateToLatest(database);
  return {
    database,
    url,
    schema,
    cleanup: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}
