import { sql, type Kysely } from 'kysely';
import type { MigrationContext } from '../migrate';

/**
 * 发文 (issue #11, OUT-1): the document's own facts beside its matter, and the leaders' 交代 with
 * who gave them, when, how (书面、当面、电话) and who recorded them. The 统一意图 and the draft are
 * kernel content versions (`content_versions`, kinds `outgoing.intent` and `outgoing.draft`).
 */
export function outgoing({ json }: MigrationContext) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('outgoing_documents')
        .addColumn('matter_id', 'text', (c) => c.primaryKey().references('matters.id'))
        .addColumn('doc_type', 'text', (c) => c.notNull())
        .addColumn('secrecy', 'text', (c) => c.notNull().check(sql`secrecy in ('none','秘密','机密','绝密')`))
        .addColumn('urgency', 'text', (c) => c.notNull().check(sql`urgency in ('none','加急','特急')`))
        .addColumn('leader_ids', json, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('outgoing_instructions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('matter_id', 'text', (c) => c.notNull().references('outgoing_documents.matter_id'))
        .addColumn('leader_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('given_on', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('written','in_person','phone')`))
        .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('outgoing_instructions_matter').on('outgoing_instructions').columns(['matter_id', 'created_at']).execute();
    },
  };
}
