import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from '../migrate';

/**
 * Open work independent of history (K-11). The inbox reads only open tasks, unread 待阅 and the
 * newest rows of a list, so each gets an index that holds just those (partial, `WHERE status =
 * 'open'` …) or that is ordered as the list is read: a count or a page then touches the open
 * work or one page, never the closed history. The queries name the partial indexes' conditions
 * with literal values (`status = 'open'`), which both planners need to choose them.
 */
export function openWork(_ctx: MigrationContext) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      // 待办 and its counts: a person's and a department's open tasks, in the order of the list.
      await db.schema
        .createIndex('tasks_open_user')
        .on('tasks')
        .columns(['assignee_user_id', 'due_date', 'created_at', 'matter_id', 'id'])
        .where(sql.ref('status'), '=', 'open')
        .execute();
      await db.schema
        .createIndex('tasks_open_department')
        .on('tasks')
        .columns(['assignee_department_id', 'due_date', 'created_at', 'matter_id', 'id'])
        .where(sql.ref('status'), '=', 'open')
        .where(sql.ref('assignee_user_id'), 'is', null)
        .execute();
      // 已办: newest first, by who completed the task and by whom it was addressed to.
      await db.schema
        .createIndex('tasks_done_by')
        .on('tasks')
        .columns(['completed_by', 'completed_at', 'id', 'matter_id', 'assignee_user_id', 'assignee_department_id'])
        .where(sql.ref('status'), '=', 'done')
        .execute();
      await db.schema
        .createIndex('tasks_done_user')
        .on('tasks')
        .columns(['assignee_user_id', 'completed_at', 'id', 'matter_id'])
        .where(sql.ref('status'), '=', 'done')
        .execute();
      await db.schema
        .createIndex('tasks_done_department')
        .on('tasks')
        .columns(['assignee_department_id', 'completed_at', 'id', 'matter_id'])
        .where(sql.ref('status'), '=', 'done')
        .where(sql.ref('assignee_user_id'), 'is', null)
        .execute();
      // 待阅: unread first, then the read ones, newest first.
      await db.schema
        .createIndex('read_items_unread')
        .on('read_items')
        .columns(['user_id', 'created_at', 'id', 'matter_id'])
        .where(sql.ref('read_at'), 'is', null)
        .execute();
      await db.schema.createIndex('read_items_user_created').on('read_items').columns(['user_id', 'created_at', 'id', 'read_at', 'matter_id']).execute();
      // notifications, newest first
      await db.schema.createIndex('notifications_user_created').on('notifications').columns(['user_id', 'created_at', 'id']).execute();
      // matter lists, most recently updated first, with and without the kind and status filters
      await db.schema.createIndex('matters_recent').on('matters').columns(['updated_at', 'id']).execute();
      await db.schema.createIndex('matters_kind_recent').on('matters').columns(['kind', 'updated_at', 'id']).execute();
      await db.schema.createIndex('matters_status_recent').on('matters').columns(['status', 'updated_at', 'id']).execute();
      await db.schema.createIndex('matters_kind_status_recent').on('matters').columns(['kind', 'status', 'updated_at', 'id']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const name of [
        'matters_kind_status_recent',
        'matters_status_recent',
        'matters_kind_recent',
        'matters_recent',
        'notifications_user_created',
        'read_items_user_created',
        'read_items_unread',
        'tasks_done_department',
        'tasks_done_user',
        'tasks_done_by',
        'tasks_open_department',
        'tasks_open_user',
      ]) {
        await db.schema.dropIndex(name).execute();
      }
    },
  };
}
