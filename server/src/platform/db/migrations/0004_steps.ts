import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from '../migrate';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));
const STEP_TYPES = ['consult', 'countersign', 'circulate', 'handle', 'approve'];
const STEP_STATUSES = ['open', 'completed', 'closed', 'cancelled'];
const PARTICIPANT_STATES = ['pending', 'active', 'responded', 'skipped', 'removed', 'closed'];

/**
 * Steps with participants (K-3): `step_groups` (successive rounds of one question, e.g. the
 * rounds of a consultation, with the series' own conclusion), `steps` (one round, tied to the
 * content version it asks about) and `step_participants` (one row per person, department or
 * outside organ, in order, with its response). The consultation tables of 0001 are replaced:
 * a consultation is now a group of `consult` steps (there is no production data to carry over).
 */
export function steps(_ctx: MigrationContext) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      const ts = 'text';
      await db.schema.dropTable('consultation_positions').execute();
      await db.schema.dropTable('consultation_rounds').execute();
      await db.schema.dropTable('consultations').execute();

      await db.schema
        .createTable('step_groups')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id'))
        .addColumn('type', 'text', (c) => c.notNull().check(sql`type in (${list(STEP_TYPES)})`))
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','settled','escalated','closed')`))
        .addColumn('outcome', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('closed_at', ts)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('step_groups_matter').on('step_groups').columns(['matter_id', 'status']).execute();

      await db.schema
        .createTable('steps')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id'))
        .addColumn('group_id', 'text', (c) => c.references('step_groups.id'))
        .addColumn('round_no', 'integer', (c) => c.notNull().defaultTo(1).check(sql`round_no >= 1`))
        .addColumn('type', 'text', (c) => c.notNull().check(sql`type in (${list(STEP_TYPES)})`))
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('question', 'text')
        .addColumn('order_mode', 'text', (c) => c.notNull().check(sql`order_mode in ('parallel','sequential')`))
        .addColumn('completion', 'text', (c) => c.notNull().check(sql`completion in ('all','any','lead')`))
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in (${list(STEP_STATUSES)})`))
        .addColumn('outcome', 'text')
        .addColumn('content_version_no', 'integer')
        .addColumn('due_working_days', 'integer')
        .addColumn('due_date', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('closed_at', ts)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addUniqueConstraint('steps_group_round', ['group_id', 'round_no'])
        .execute();
      await db.schema.createIndex('steps_matter').on('steps').columns(['matter_id', 'status']).execute();

      await db.schema
        .createTable('step_participants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('step_id', 'text', (c) => c.notNull().references('steps.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('party_type', 'text', (c) => c.notNull().check(sql`party_type in ('user','department','organ')`))
        .addColumn('party_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('lead','assistant','member')`))
        .addColumn('state', 'text', (c) => c.notNull().check(sql`state in (${list(PARTICIPANT_STATES)})`))
        .addColumn('response', 'text')
        .addColumn('text', 'text')
        .addColumn('responded_by', 'text', (c) => c.references('users.id'))
        .addColumn('responded_at', ts)
        .addColumn('reason', 'text')
        .addColumn('task_id', 'text', (c) => c.references('tasks.id'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('step_participants_step').on('step_participants').columns(['step_id', 'seq']).execute();
      await db.schema.createIndex('step_participants_party').on('step_participants').columns(['party_type', 'party_id', 'state']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('step_participants').execute();
      await db.schema.dropTable('steps').execute();
      await db.schema.dropTable('step_groups').execute();
      await db.schema
        .createTable('consultations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id'))
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','settled','escalated','closed')`))
        .addColumn('outcome', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .createTable('consultation_rounds')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
        .addColumn('round_no', 'integer', (c) => c.notNull())
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text')
        .addColumn('opened_at', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .addUniqueConstraint('consultation_rounds_no', ['consultation_id', 'round_no'])
        .execute();
      await db.schema
        .createTable('consultation_positions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('round_id', 'text', (c) => c.notNull().references('consultation_rounds.id'))
        .addColumn('party_department_id', 'text', (c) => c.references('departments.id'))
        .addColumn('party_user_id', 'text', (c) => c.references('users.id'))
        .addColumn('position', 'text', (c) => c.notNull().check(sql`position in ('pending','agree','agree_with_changes','disagree')`))
        .addColumn('text', 'text')
        .addColumn('responded_by', 'text', (c) => c.references('users.id'))
        .addColumn('responded_at', 'text')
        .addColumn('task_id', 'text', (c) => c.references('tasks.id'))
        .execute();
    },
  };
}
