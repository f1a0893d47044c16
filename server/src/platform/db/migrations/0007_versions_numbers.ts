import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from '../migrate';
import { boolCol } from '../migrate-helpers';

/**
 * K-4 content versions: a matter's structured content as immutable, numbered versions (the
 * database itself refuses UPDATE and DELETE on them); an attachment may belong to a version.
 * K-5 number series: per organ, class, code and year, with the next value in the row (one
 * `UPDATE … RETURNING` in the registering transaction), and every number given out on record,
 * voided ones with who, when and why.
 */
export function versionsNumbers({ json, dialect }: MigrationContext) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('content_versions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id'))
        .addColumn('version_no', 'integer', (c) => c.notNull().check(sql`version_no >= 1`))
        .addColumn('kind', 'text')
        .addColumn('content', json, (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addUniqueConstraint('content_versions_matter_no', ['matter_id', 'version_no'])
        .execute();
      if (dialect === 'postgres') {
        await sql`CREATE FUNCTION content_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'content_versions are immutable'; END $$`.execute(db);
        await sql`CREATE TRIGGER content_versions_immutable BEFORE UPDATE OR DELETE ON content_versions
          FOR EACH ROW EXECUTE FUNCTION content_versions_immutable()`.execute(db);
      } else {
        await sql`CREATE TRIGGER content_versions_no_update BEFORE UPDATE ON content_versions
          BEGIN SELECT RAISE(ABORT, 'content_versions are immutable'); END`.execute(db);
        await sql`CREATE TRIGGER content_versions_no_delete BEFORE DELETE ON content_versions
          BEGIN SELECT RAISE(ABORT, 'content_versions are immutable'); END`.execute(db);
      }
      await db.schema
        .alterTable('attachments')
        .addColumn('content_version_id', 'text', (c) => c.references('content_versions.id'))
        .execute();
      await db.schema.createIndex('attachments_version').on('attachments').column('content_version_id').execute();

      await db.schema
        .createTable('number_series')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organ_id', 'text', (c) => c.notNull().references('organs.id'))
        .addColumn('class', 'text', (c) => c.notNull().check(sql`class in ('outgoing','incoming','supervision','minutes')`))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('template', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2000 and 2100`))
        .addColumn('next_value', 'bigint', (c) => c.notNull().defaultTo(1).check(sql`next_value >= 1`))
        .addColumn('active', 'integer', boolCol('active', 1))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('number_series_key', ['organ_id', 'class', 'code', 'year'])
        .execute();
      await db.schema
        .createTable('assigned_numbers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('series_id', 'text', (c) => c.notNull().references('number_series.id'))
        .addColumn('value', 'bigint', (c) => c.notNull().check(sql`value >= 1`))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('matter_id', 'text', (c) => c.references('matters.id'))
        .addColumn('assigned_at', 'text', (c) => c.notNull())
        .addColumn('assigned_by', 'text', (c) => c.references('users.id'))
        .addColumn('voided_at', 'text')
        .addColumn('voided_by', 'text', (c) => c.references('users.id'))
        .addColumn('void_reason', 'text')
        .addUniqueConstraint('assigned_numbers_series_value', ['series_id', 'value'])
        .addCheckConstraint(
          'assigned_numbers_void_on_record',
          sql`(voided_at is null and voided_by is null and void_reason is null) or (voided_at is not null and void_reason is not null)`,
        )
        .execute();
      await db.schema.createIndex('assigned_numbers_matter').on('assigned_numbers').column('matter_id').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('assigned_numbers').execute();
      await db.schema.dropTable('number_series').execute();
      await db.schema.dropIndex('attachments_version').execute();
      await db.schema.alterTable('attachments').dropColumn('content_version_id').execute();
      await db.schema.dropTable('content_versions').execute();
      if (dialect === 'postgres') await sql`DROP FUNCTION IF EXISTS content_versions_immutable()`.execute(db);
    },
  };
}
