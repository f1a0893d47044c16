import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from '../migrate';
import { boolCol } from '../migrate-helpers';

/**
 * The holiday calendar's local entries (K-8): single overrides and the days of the yearly notices
 * the system administrator entered; the entered years (the notice as typed in); and one version
 * row that every calendar write bumps, so that each server process sees another's change.
 */
export function calendar({ json }: MigrationContext) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('calendar_overrides')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('notice','override')`))
        .addColumn('working', 'integer', boolCol('working', 0))
        /** the holiday's name (notice) or the reason (override) */
        .addColumn('name', 'text')
        /** the notice's year (a notice may reach into the neighbouring December or January); the date's year for an override */
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('calendar_overrides_date_kind', ['date', 'kind'])
        .execute();
      await db.schema.createIndex('calendar_overrides_year').on('calendar_overrides').columns(['year', 'kind']).execute();

      await db.schema
        .createTable('calendar_years')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('reference', 'text')
        /** the notice as entered: {holidays:[{name,from,to}], workdays:[{date,name}]} */
        .addColumn('notice', json, (c) => c.notNull())
        .addColumn('entered_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('calendar_version')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text')
        .execute();
      await db.insertInto('calendar_version').values({ id: 1, version: 0, updated_at: null }).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('calendar_version').execute();
      await db.schema.dropTable('calendar_years').execute();
      await db.schema.dropTable('calendar_overrides').execute();
    },
  };
}
