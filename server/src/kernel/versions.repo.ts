/** The only SQL for content versions (K-4). Rows are only ever inserted: there is no update or delete here (the database refuses both). */
import type { Conn } from '../platform/db/database';
import type { ContentVersionsTable } from '../platform/db/schema';
import { toJson } from '../platform/json';

export type ContentVersionRow = ContentVersionsTable;

export function createVersionsRepo(db: Conn) {
  return {
    /** The latest version number of a matter's content (of one kind when given); 0 when none yet. */
    async latestNo(matterId: string, kind?: string): Promise<number> {
      const r = await db
        .selectFrom('content_versions')
        .select((eb) => eb.fn.max('version_no').as('n'))
        .where('matter_id', '=', matterId)
        .$if(kind !== undefined, (q) => q.where('kind', '=', kind!))
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    async insert(row: ContentVersionRow): Promise<void> {
      await db
        .insertInto('content_versions')
        .values({ ...row, content: toJson(row.content) })
        .execute();
    },

    /** Every version of a matter, oldest first, with the author's name (content left out). */
    async list(matterId: string) {
      return db
        .selectFrom('content_versions')
        .innerJoin('users', 'users.id', 'content_versions.author_id')
        .select([
          'content_versions.id',
          'content_versions.matter_id',
          'content_versions.version_no',
          'content_versions.kind',
          'content_versions.author_id',
          'content_versions.created_at',
          'content_versions.reason',
          'users.name as author_name',
        ])
        .where('content_versions.matter_id', '=', matterId)
        .orderBy('content_versions.version_no')
        .execute();
    },

    async byNo(matterId: string, no: number) {
      return db
        .selectFrom('content_versions')
        .innerJoin('users', 'users.id', 'content_versions.author_id')
        .selectAll('content_versions')
        .select('users.name as author_name')
        .where('content_versions.matter_id', '=', matterId)
        .where('content_versions.version_no', '=', no)
        .executeTakeFirst();
    },
  };
}
