import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from '../migrate';

/** Leader activities (ACT), their assignments and rule settings; attachments of any matter. */
export function activities({ json, dialect }: MigrationContext) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('activities')
        .addColumn('matter_id', 'text', (c) => c.primaryKey().references('matters.id'))
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('held_in_name', 'text', (c) => c.notNull().check(sql`held_in_name in ('party','government','other')`))
        .addColumn('organiser_name', 'text', (c) => c.notNull())
        .addColumn('organiser_department_id', 'text', (c) => c.references('departments.id'))
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .addColumn('place', 'text', (c) => c.notNull())
        .addColumn('travel_minutes', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('area', 'text')
        .addColumn('requested_leader_ids', json, (c) => c.notNull())
        .addColumn('exceptions', json, (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('contact', 'text')
        .addColumn('proposal', 'text')
        .addColumn('proposed_leader_ids', json, (c) => c.notNull())
        .addColumn('responsible_staff_id', 'text', (c) => c.references('users.id'))
        .addColumn('reminder_state', 'text', (c) => c.notNull().defaultTo('none').check(sql`reminder_state in ('none','reminded','departed')`))
        .addColumn('reminded_at', 'text')
        .addColumn('departed_at', 'text')
        .addCheckConstraint('activities_order', sql`ends_at > starts_at`)
        .execute();
      await db.schema.createIndex('activities_time').on('activities').columns(['starts_at', 'ends_at']).execute();

      await db.schema
        .createTable('activity_assignments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.matter_id'))
        .addColumn('leader_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('assigned','confirmed','withdrawn')`))
        .addColumn('assigned_at', 'text', (c) => c.notNull())
        .addColumn('confirmed_at', 'text')
        .addColumn('confirmed_by', 'text', (c) => c.references('users.id'))
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('activity_assignments_leader').on('activity_assignments').columns(['leader_id', 'status']).execute();
      await db.schema.createIndex('activity_assignments_activity').on('activity_assignments').column('activity_id').execute();

      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', json, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('updated_by', 'text', (c) => c.references('users.id'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('attachments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id'))
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('attachments_matter').on('attachments').column('matter_id').execute();
    },
  };
}
