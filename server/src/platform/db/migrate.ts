/**
 * Migrations run in-process by Kysely's Migrator at start. One set for both databases: the few
 * type differences come in through the MigrationContext (JSON columns, boolean CHECKs).
 */
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database, Dialect } from './database';
import { foundation } from './migrations/0001_foundation';
import { activities } from './migrations/0002_activities';

export interface MigrationContext {
  dialect: Dialect;
  /** column type of a JSON column */
  json: 'text' | 'jsonb';
}

function migrations(ctx: MigrationContext): Record<string, Migration> {
  return {
    '0001_foundation': foundation(ctx),
    '0002_activities': activities(ctx),
  };
}

export async function migrateToLatest(database: Database): Promise<string[]> {
  const ctx: MigrationContext = {
    dialect: database.dialect,
    json: database.dialect === 'postgres' ? 'jsonb' : 'text',
  };
  const provider: MigrationProvider = { getMigrations: async () => migrations(ctx) };
  // Name the schema: otherwise Kysely takes a migration table in *any* schema as ours (several
  // schemas share one PostgreSQL database in tests, and may in a deployment).
  const migrator = new Migrator({ db: database.db, provider, ...(database.schema ? { migrationTableSchema: database.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
