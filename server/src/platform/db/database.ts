/**
 * One Kysely instance over either embedded SQLite (better-sqlite3, the default: a file under
 * DATA_DIR) or PostgreSQL (pg, chosen by a postgres:// DATABASE_URL). Everything above this
 * file writes the same portable SQL; the few differences (row locking, JSON) are behind `dialect`.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import type { DB } from './schema';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** A Kysely handle that may be the database itself or an open transaction. */
export type Conn = Kysely<DB>;

export interface Database {
  db: Db;
  dialect: Dialect;
  /** PostgreSQL: the schema the tables live in (search_path); undefined on SQLite */
  schema?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… or a SQLite file path or ':memory:' */
  url: string;
  /** PostgreSQL schema to use (tests give each file its own) */
  schema?: string;
  poolSize?: number;
}

// PostgreSQL returns BIGINT/NUMERIC as strings; our counters and sequences fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function openDatabase(opts: DatabaseOptions): Database {
  if (isPostgresUrl(opts.url)) {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', schema: opts.schema ?? 'public', close: () => db.destroy() };
  }
  if (opts.url !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(opts.url)), { recursive: true });
  const file = new SQLite(opts.url);
  setWal(file);
  // better-sqlite3's WAL default (NORMAL) can lose the last commits on power loss.
  file.pragma('synchronous = FULL');
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: file }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * Switch the file to WAL. Changing the journal mode needs the file to itself and SQLite does not
 * wait for it (busy_timeout does not apply), so two processes opening a new database at once
 * see "database is locked": wait and try again, for up to ten seconds.
 */
function setWal(file: SQLite.Database) {
  const until = Date.now() + 10_000;
  for (;;) {
    try {
      if (String(file.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal') return;
      file.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > until) throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
}

/** Resolve the database URL from the environment: DATABASE_URL, else DATA_DIR/xietiao.db. */
export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  const dir = env.DATA_DIR ?? path.resolve(process.cwd(), 'data');
  return path.join(dir, 'xietiao.db');
}

export { sql };
