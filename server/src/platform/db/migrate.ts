/**
 * Migrations run in-process by Kysely's Migrator at start. One set for both databases: the few
 * type differences come in through the MigrationContext (JSON columns, boolean CHECKs).
 */
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database, Dialect } from './database';
import { foundation } from './migrations/0001_foundation';
import { activities } from './migrations/0002_activities';
import { kernelV2 } from './migrations/0003_kernel_v2';
import { steps } from './migrations/0004_steps';
import { openWork } from './migrations/0005_open_work';
import { calendar } from './migrations/0006_calendar';
import { versionsNumbers } from './migrations/0007_versions_numbers';
import { heldInName } from './migrations/0008_held_in_name';
import { outgoing } from './migrations/0009_outgoing';

export interface MigrationContext {
  dialect: Dialect;
  /** column type of a JSON column */
  json: 'text' | 'jsonb';
}

/** Every migration by name, in order (exported for the tests that migrate step by step). */
export function migrations(ctx: MigrationContext): Record<string, Migration> {
  return {
    '0001_foundation': foundation(ctx),
    '0002_activities': activities(ctx),
    '0003_kernel_v2': kernelV2(ctx),
    '0004_steps': steps(ctx),
    '0005_open_work': openWork(ctx),
    '0006_calendar': calendar(ctx),
    '0007_versions_numbers': versionsNumbers(ctx),
    '0008_held_in_name': heldInName(ctx),
    '0009_outgoing': outgoing(ctx),
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
