import type { Kysely } from 'kysely';
import type { MigrationContext } from '../migrate';

/**
 * Kernel v2: a task may belong to a step (the steps engine, 0004); 催办 (chasing an open task) is
 * recorded with who chased, when and what was said.
 */
export function kernelV2(_ctx: MigrationContext) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('tasks').addColumn('step_id', 'text').execute();
      await db.schema.createIndex('tasks_step').on('tasks').columns(['step_id']).execute();
      await db.schema
        .createTable('task_chases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
        .addColumn('matter_id', 'text', (c) => c.notNull().references('matters.id'))
        .addColumn('chased_by', 'text', (c) => c.references('users.id'))
        .addColumn('chased_at', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('task_chases_task').on('task_chases').columns(['task_id', 'chased_at']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('task_chases').execute();
      await db.schema.dropIndex('tasks_step').execute();
      await db.schema.alterTable('tasks').dropColumn('step_id').execute();
    },
  };
}
