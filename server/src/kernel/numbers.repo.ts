/** The only SQL for number series and the numbers given out (K-5). */
import type { NumberClass } from '@xietiao/domain';
import type { Actor } from '../platform/auth/actor';
import type { Conn } from '../platform/db/database';
import type { AssignedNumbersTable, NumberSeriesTable } from '../platform/db/schema';
import { whereVisible } from './matters.access';

export type NumberSeriesRow = NumberSeriesTable;
export type AssignedNumberRow = AssignedNumbersTable;

export interface SeriesKey {
  organId: string;
  class: NumberClass;
  year: number;
  code?: string;
}

export function createNumbersRepo(db: Conn) {
  return {
    /**
     * Take the next value of the active series for the key: `UPDATE … SET next_value = next_value + 1
     * … RETURNING`. The row lock (PostgreSQL) or the write lock (SQLite) is held to the end of the
     * caller's transaction, so concurrent registrations queue here; a rollback gives the value back.
     * Without a code the key must name exactly one active series. Undefined when none matches.
     */
    async increment(k: SeriesKey) {
      let q = db
        .updateTable('number_series')
        .set((eb) => ({ next_value: eb('next_value', '+', 1) }))
        .where('organ_id', '=', k.organId)
        .where('class', '=', k.class)
        .where('year', '=', k.year)
        .where('active', '=', 1);
      if (k.code !== undefined) q = q.where('code', '=', k.code);
      else {
        q = q.where((eb) =>
          eb(
            eb
              .selectFrom('number_series as s')
              .select((e) => e.fn.countAll().as('n'))
              .where('s.organ_id', '=', k.organId)
              .where('s.class', '=', k.class)
              .where('s.year', '=', k.year)
              .where('s.active', '=', 1),
            '=',
            1,
          ),
        );
      }
      const r = await q.returning(['id', 'code', 'template', 'year', 'next_value']).executeTakeFirst();
      return r ? { ...r, year: Number(r.year), next_value: Number(r.next_value) } : undefined;
    },

    /** The series of the key's year, active or not (to explain why none could be used). */
    async ofYear(k: SeriesKey) {
      let q = db.selectFrom('number_series').selectAll().where('organ_id', '=', k.organId).where('class', '=', k.class).where('year', '=', k.year);
      if (k.code !== undefined) q = q.where('code', '=', k.code);
      return q.execute();
    },

    /** The active series of the latest year before the key's year (the ones a new year continues). */
    async latestBefore(k: SeriesKey) {
      let q = db
        .selectFrom('number_series')
        .selectAll()
        .where('organ_id', '=', k.organId)
        .where('class', '=', k.class)
        .where('year', '<', k.year)
        .where('active', '=', 1);
      if (k.code !== undefined) q = q.where('code', '=', k.code);
      const rows = await q.orderBy('year', 'desc').orderBy('code').execute();
      return rows.filter((r) => r.year === rows[0].year);
    },

    /** Insert a series; false when one with the same organ, class, code and year exists already. */
    async insertSeries(row: NumberSeriesRow, opts: { ignoreConflict?: boolean } = {}) {
      let q = db.insertInto('number_series').values(row);
      if (opts.ignoreConflict) q = q.onConflict((oc) => oc.columns(['organ_id', 'class', 'code', 'year']).doNothing());
      const res = await q.executeTakeFirst();
      return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    /** Is there such an organ, and is it active (a series belongs to one)? */
    async organIsActive(id: string) {
      const o = await db.selectFrom('organs').select('active').where('id', '=', id).executeTakeFirst();
      return o?.active === 1;
    },

    async seriesById(id: string) {
      return db.selectFrom('number_series').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async findByKey(k: Required<SeriesKey>) {
      return db
        .selectFrom('number_series')
        .select('id')
        .where('organ_id', '=', k.organId)
        .where('class', '=', k.class)
        .where('code', '=', k.code)
        .where('year', '=', k.year)
        .executeTakeFirst();
    },

    /** Series with their organ's name and how many numbers were given and voided. */
    async listSeries(f: { organId?: string; class?: NumberClass; year?: number; id?: string }) {
      let q = db
        .selectFrom('number_series')
        .innerJoin('organs', 'organs.id', 'number_series.organ_id')
        .selectAll('number_series')
        .select((eb) => [
          'organs.name as organ_name',
          eb
            .selectFrom('assigned_numbers')
            .select((e) => e.fn.countAll().as('n'))
            .whereRef('assigned_numbers.series_id', '=', 'number_series.id')
            .as('assigned_count'),
          eb
            .selectFrom('assigned_numbers')
            .select((e) => e.fn.countAll().as('n'))
            .whereRef('assigned_numbers.series_id', '=', 'number_series.id')
            .where('assigned_numbers.voided_at', 'is not', null)
            .as('voided_count'),
        ]);
      if (f.id) q = q.where('number_series.id', '=', f.id);
      if (f.organId) q = q.where('number_series.organ_id', '=', f.organId);
      if (f.class) q = q.where('number_series.class', '=', f.class);
      if (f.year) q = q.where('number_series.year', '=', f.year);
      return q.orderBy('number_series.year', 'desc').orderBy('organs.name').orderBy('number_series.class').orderBy('number_series.code').execute();
    },

    /** Compare-and-set edit of a series' own fields; false when its version moved on. */
    async updateSeries(id: string, version: number, patch: Partial<Pick<NumberSeriesRow, 'code' | 'template' | 'next_value' | 'active'>>, now: string) {
      const res = await db
        .updateTable('number_series')
        .set({ ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), version: version + 1, updated_at: now })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    async assignedCount(seriesId: string) {
      const r = await db
        .selectFrom('assigned_numbers')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('series_id', '=', seriesId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async insertAssigned(row: AssignedNumberRow) {
      await db.insertInto('assigned_numbers').values(row).execute();
    },

    async assignedById(id: string) {
      return db.selectFrom('assigned_numbers').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Void a number on record; false when it does not exist or was voided already. */
    async voidNumber(id: string, by: string | null, reason: string, at: string) {
      const res = await db
        .updateTable('assigned_numbers')
        .set({ voided_at: at, voided_by: by, void_reason: reason })
        .where('id', '=', id)
        .where('voided_at', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /** A page of a series' numbers, newest first, with who gave and who voided them. */
    async listAssigned(seriesId: string, q: { page: number; pageSize: number; voided?: boolean; id?: string }) {
      let base = db.selectFrom('assigned_numbers').where('assigned_numbers.series_id', '=', seriesId);
      if (q.voided !== undefined) base = base.where('assigned_numbers.voided_at', q.voided ? 'is not' : 'is', null);
      if (q.id) base = base.where('assigned_numbers.id', '=', q.id);
      const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const rows = await base
        .leftJoin('users as giver', 'giver.id', 'assigned_numbers.assigned_by')
        .leftJoin('users as voider', 'voider.id', 'assigned_numbers.voided_by')
        .selectAll('assigned_numbers')
        .select(['giver.name as assigned_by_name', 'voider.name as voided_by_name'])
        .orderBy('assigned_numbers.value', 'desc')
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute();
      return { rows, total: Number(total.n) };
    },

    /** Titles of those of the given matters the actor may see (need-to-know: the others stay unnamed). */
    async visibleMatterTitles(actor: Actor, ids: string[]) {
      if (!ids.length) return new Map<string, string>();
      const rows = await db.selectFrom('matters').select(['matters.id', 'matters.title']).where('matters.id', 'in', ids).where(whereVisible(actor)).execute();
      return new Map(rows.map((r) => [r.id, r.title]));
    },
  };
}
