/** The only SQL for 发文: the document's own facts and the leaders' 交代. */
import type { Actor } from '../../platform/auth/actor';
import type { Conn } from '../../platform/db/database';
import { whereVisible } from '../../kernel/matters.access';
import type { OutgoingDocumentsTable, OutgoingInstructionsTable } from '../../platform/db/schema';
import { toJson } from '../../platform/json';

export type OutgoingRow = OutgoingDocumentsTable;
export type OutgoingInstructionRow = OutgoingInstructionsTable;

export function createOutgoingRepo(db: Conn) {
  return {
    async insert(row: Omit<OutgoingRow, 'leader_ids'> & { leader_ids: string[] }) {
      await db
        .insertInto('outgoing_documents')
        .values({ ...row, leader_ids: toJson(row.leader_ids) })
        .execute();
    },

    async get(matterId: string) {
      return db.selectFrom('outgoing_documents').selectAll().where('matter_id', '=', matterId).executeTakeFirst();
    },

    async insertInstruction(row: OutgoingInstructionRow) {
      await db.insertInto('outgoing_instructions').values(row).execute();
    },

    /** The 交代 of a 发文, oldest first, with the leader's and the recorder's names. */
    async instructions(matterId: string) {
      return db
        .selectFrom('outgoing_instructions as i')
        .innerJoin('users as l', 'l.id', 'i.leader_id')
        .innerJoin('users as r', 'r.id', 'i.recorded_by')
        .selectAll('i')
        .select(['l.name as leader_name', 'r.name as recorder_name'])
        .where('i.matter_id', '=', matterId)
        .orderBy('i.given_on')
        .orderBy('i.created_at')
        .execute();
    },

    async instructionIds(matterId: string): Promise<string[]> {
      const rows = await db.selectFrom('outgoing_instructions').select('id').where('matter_id', '=', matterId).execute();
      return rows.map((r) => r.id);
    },

    /** The 发文 the actor may see, newest first. */
    async list(actor: Actor, f: { q?: string; page: number; pageSize: number }) {
      let base = db
        .selectFrom('matters')
        .innerJoin('outgoing_documents as o', 'o.matter_id', 'matters.id')
        .where('matters.kind', '=', 'outgoing')
        .where(whereVisible(actor));
      if (f.q) base = base.where('matters.title', 'like', `%${f.q.replace(/[%_]/g, '')}%`);
      const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const rows = await base
        .leftJoin('departments as dept', 'dept.id', 'matters.department_id')
        .selectAll('matters')
        .select(['dept.name as department_name', 'o.doc_type', 'o.secrecy', 'o.urgency'])
        .orderBy('matters.created_at', 'desc')
        .orderBy('matters.id', 'desc')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute();
      return { rows, total };
    },
  };
}
