/** The only SQL for attachments (a kernel table: files of a matter, optionally of a content version). */
import type { Conn } from '../platform/db/database';
import type { AttachmentsTable } from '../platform/db/schema';

export function createAttachmentsRepo(db: Conn) {
  return {
    async ofMatter(matterId: string, contentVersionId?: string) {
      let q = db
        .selectFrom('attachments')
        .innerJoin('users', 'users.id', 'attachments.created_by')
        .leftJoin('content_versions', 'content_versions.id', 'attachments.content_version_id')
        .select([
          'attachments.id',
          'attachments.filename',
          'attachments.mime',
          'attachments.size',
          'attachments.created_at',
          'attachments.created_by',
          'users.name',
          'content_versions.version_no',
        ])
        .where('attachments.matter_id', '=', matterId);
      if (contentVersionId) q = q.where('attachments.content_version_id', '=', contentVersionId);
      return q.orderBy('attachments.created_at').orderBy('attachments.id').execute();
    },
    async insert(row: AttachmentsTable) {
      await db.insertInto('attachments').values(row).execute();
    },
    async get(id: string) {
      return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** false when it was already gone */
    async delete(id: string) {
      return Number((await db.deleteFrom('attachments').where('id', '=', id).executeTakeFirst()).numDeletedRows) === 1;
    },
  };
}
