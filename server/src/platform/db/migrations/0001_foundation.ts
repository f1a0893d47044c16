import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from '../migrate';
import { boolCol } from '../migrate-helpers';

/** Foundation tables: organisation, accounts, the coordination kernel, inbox, audit, counters. */
export function foundation({ json }: MigrationContext) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      const ts = 'text';
      await db.schema
        .createTable('organs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('short_name', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('level', 'integer', (c) => c.notNull().check(sql`level between 1 and 6`))
        .addColumn('parent_id', 'text', (c) => c.references('organs.id'))
        .addColumn('is_self', 'integer', boolCol('is_self', 0))
        .addColumn('doc_code', 'text')
        .addColumn('active', 'integer', boolCol('active', 1))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('organ_superiors')
        .addColumn('organ_id', 'text', (c) => c.notNull().references('organs.id'))
        .addColumn('superior_id', 'text', (c) => c.notNull().references('organs.id'))
        .addPrimaryKeyConstraint('organ_superiors_pk', ['organ_id', 'superior_id'])
        .addCheckConstraint('organ_superiors_not_self', sql`organ_id <> superior_id`)
        .execute();

      await db.schema
        .createTable('departments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organ_id', 'text', (c) => c.notNull().references('organs.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('short_name', 'text')
        .addColumn('functions', json, (c) => c.notNull())
        .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('active', 'integer', boolCol('active', 1))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .addUniqueConstraint('departments_name_unique', ['organ_id', 'name'])
        .execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('organ_id', 'text', (c) => c.notNull().references('organs.id'))
        .addColumn('department_id', 'text', (c) => c.references('departments.id'))
        .addColumn('title', 'text')
        .addColumn('phone', 'text')
        .addColumn('active', 'integer', boolCol('active', 1))
        .addColumn('must_change_password', 'integer', boolCol('must_change_password', 0))
        .addColumn('feed_token', 'text', (c) => c.notNull().unique())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('user_roles')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
        .execute();

      await db.schema
        .createTable('leaders')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
        .addColumn('post', 'text', (c) => c.notNull())
        .addColumn('rank', 'text', (c) => c.notNull())
        .addColumn('rank_order', 'integer', (c) => c.notNull())
        .addColumn('precedence', 'integer', (c) => c.notNull())
        .addColumn('line', 'text', (c) => c.notNull().check(sql`line in ('first','second')`))
        .addColumn('principal', 'integer', boolCol('principal', 0))
        .addColumn('secretary_id', 'text', (c) => c.references('users.id'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('leader_charges')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('leader_id', 'text', (c) => c.notNull().references('leaders.user_id'))
        .addColumn('area', 'text', (c) => c.notNull())
        .addColumn('department_id', 'text', (c) => c.references('departments.id'))
        .execute();

      await db.schema
        .createTable('absences')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('leave','trip','business','blocked')`))
        .addColumn('starts_at', ts, (c) => c.notNull())
        .addColumn('ends_at', ts, (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addCheckConstraint('absences_order', sql`ends_at > starts_at`)
        .execute();
      await db.schema.createIndex('absences_user_time').on('absences').columns(['user_id', 'starts_at']).execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('expires_at', ts, (c) => c.notNull())
        .addColumn('last_seen_at', ts, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('login_attempts')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('window_start', ts, (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('locked_until', ts)
        .execute();

      await db.schema
        .createTable('matters')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('classification', 'text', (c) => c.notNull().defaultTo('none').check(sql`classification in ('none')`))
        .addColumn('restricted', 'integer', boolCol('restricted', 0))
        .addColumn('priority', 'text', (c) => c.notNull().defaultTo('normal').check(sql`priority in ('normal','urgent','very_urgent')`))
        .addColumn('owner_id', 'text', (c) => c.references('users.id'))
        .addColumn('department_id', 'text', (c) => c.references('departments.id'))
        .addColumn('due_date', 'text')
        .addColumn('data', json, (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .addColumn('closed_at', ts)
        .execute();
      await db.schema.createIndex('matters_kind_status').on('matters').columns(['kind', 'status']).execute();
      await db.schema.createIndex('matters_updated').on('matters').column('updated_at').execute();
      await db.schema
        .createTable('matter_access')
        .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id'))
        .addColumn('principal_type', 'text', (c) => c.notNull().check(sql`principal_type in ('user','department','role')`))
        .addColumn('principal_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('matter_access_pk', ['matter_id', 'principal_type', 'principal_id'])
        .execute();
      await db.schema.createIndex('matter_access_principal').on('matter_access').columns(['principal_type', 'principal_id']).execute();
      await db.schema
        .createTable('matter_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('from_id', 'text', (c) => c.notNull().references('matters.id'))
        .addColumn('to_id', 'text', (c) => c.notNull().references('matters.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addUniqueConstraint('matter_links_unique', ['from_id', 'to_id', 'kind'])
        .addCheckConstraint('matter_links_not_self', sql`from_id <> to_id`)
        .execute();

      await db.schema
        .createTable('tasks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('assignee_user_id', 'text', (c) => c.references('users.id'))
        .addColumn('assignee_department_id', 'text', (c) => c.references('departments.id'))
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','done','cancelled')`))
        .addColumn('due_date', 'text')
        .addColumn('result', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('completed_at', ts)
        .addColumn('completed_by', 'text', (c) => c.references('users.id'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addCheckConstraint('tasks_assignee', sql`assignee_user_id is not null or assignee_department_id is not null`)
        .execute();
      await db.schema.createIndex('tasks_user_status').on('tasks').columns(['assignee_user_id', 'status']).execute();
      await db.schema.createIndex('tasks_dept_status').on('tasks').columns(['assignee_department_id', 'status']).execute();
      await db.schema.createIndex('tasks_matter').on('tasks').column('matter_id').execute();

      await db.schema
        .createTable('consultations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id'))
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','settled','escalated','closed')`))
        .addColumn('outcome', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('closed_at', ts)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .createTable('consultation_rounds')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
        .addColumn('round_no', 'integer', (c) => c.notNull())
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text')
        .addColumn('opened_at', ts, (c) => c.notNull())
        .addColumn('closed_at', ts)
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
        .addColumn('responded_at', ts)
        .addColumn('task_id', 'text', (c) => c.references('tasks.id'))
        .execute();

      await db.schema
        .createTable('instructions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id'))
        .addColumn('leader_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('instruction','approval','decision')`))
        .addColumn('decision', 'text', (c) => c.check(sql`decision in ('approve','change','decline')`))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('timers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('due_at', ts, (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('matter_id', 'text', (c) => c.references('matters.id'))
        .addColumn('task_id', 'text', (c) => c.references('tasks.id'))
        .addColumn('payload', json, (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('pending','fired','cancelled')`))
        .addColumn('lease_until', ts)
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('fired_at', ts)
        .addColumn('fired_by', 'text')
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('timers_due').on('timers').columns(['state', 'due_at']).execute();

      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text')
        .addColumn('matter_id', 'text', (c) => c.references('matters.id'))
        .addColumn('timer_id', 'text', (c) => c.references('timers.id'))
        .addColumn('read_at', ts)
        .addColumn('created_at', ts, (c) => c.notNull())
        .addUniqueConstraint('notifications_timer_user', ['timer_id', 'user_id'])
        .execute();
      await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'read_at']).execute();

      await db.schema
        .createTable('read_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id'))
        .addColumn('note', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('read_at', ts)
        .execute();
      await db.schema.createIndex('read_items_user').on('read_items').columns(['user_id', 'read_at']).execute();

      await db.schema
        .createTable('audit_events')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('at', ts, (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text')
        .addColumn('matter_id', 'text')
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text')
        .addColumn('detail', 'text')
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_events_matter').on('audit_events').columns(['matter_id', 'seq']).execute();
      await db.schema
        .createTable('audit_head')
        .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db
        .insertInto('audit_head')
        .values({ id: 1, seq: 0, hash: '0'.repeat(64) })
        .execute();

      await db.schema
        .createTable('counters')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'bigint', (c) => c.notNull())
        .execute();
    },
  };
}
