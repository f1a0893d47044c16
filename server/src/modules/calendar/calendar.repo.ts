/**
 * The only SQL for the calendar tables (K-8): calendar_overrides (single overrides and the days of
 * entered notices), calendar_years (the entered notices) and calendar_version (one row, bumped by
 * every write so that other processes reload). Every function takes the connection it runs on.
 */
import type { Insertable, Selectable } from 'kysely';
import type { Conn } from '../../platform/db/database';
import type { CalendarOverridesTable, CalendarYearsTable } from '../../platform/db/schema';

export type OverrideRow = Selectable<CalendarOverridesTable>;
export type YearRow = Selectable<CalendarYearsTable>;

export async function readVersion(db: Conn): Promise<number> {
  const row = await db.selectFrom('calendar_version').select('version').where('id', '=', 1).executeTakeFirst();
  return Number(row?.version ?? 0);
}

/** Bump the version in the writing transaction: readers elsewhere see the change once it commits. */
export async function bumpVersion(tx: Conn, now: string): Promise<void> {
  await tx
    .updateTable('calendar_version')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', 1)
    .execute();
}

export function allEntries(db: Conn): Promise<Pick<OverrideRow, 'date' | 'kind' | 'working' | 'name'>[]> {
  return db.selectFrom('calendar_overrides').select(['date', 'kind', 'working', 'name']).execute();
}

export async function enteredYears(db: Conn): Promise<number[]> {
  return (await db.selectFrom('calendar_years').select('year').execute()).map((r) => Number(r.year));
}

export function listYears(db: Conn): Promise<(Pick<YearRow, 'year' | 'entered_at'> & { entered_by_name: string | null })[]> {
  return db
    .selectFrom('calendar_years')
    .leftJoin('users', 'users.id', 'calendar_years.entered_by')
    .select(['calendar_years.year', 'calendar_years.entered_at', 'users.name as entered_by_name'])
    .orderBy('calendar_years.year')
    .execute();
}

export function findYear(db: Conn, year: number): Promise<(YearRow & { entered_by_name: string | null }) | undefined> {
  return db
    .selectFrom('calendar_years')
    .leftJoin('users', 'users.id', 'calendar_years.entered_by')
    .selectAll('calendar_years')
    .select('users.name as entered_by_name')
    .where('calendar_years.year', '=', year)
    .executeTakeFirst();
}

export async function upsertYear(tx: Conn, row: Insertable<CalendarYearsTable>): Promise<void> {
  await tx
    .insertInto('calendar_years')
    .values(row)
    .onConflict((oc) => oc.column('year').doUpdateSet({ reference: row.reference, notice: row.notice, entered_by: row.entered_by, entered_at: row.entered_at }))
    .execute();
}

export async function deleteYear(tx: Conn, year: number): Promise<number> {
  const r = await tx.deleteFrom('calendar_years').where('year', '=', year).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The single overrides on the dates of `year`, with who made them. */
export function overridesOfYear(db: Conn, year: number): Promise<(OverrideRow & { created_by_name: string | null })[]> {
  return db
    .selectFrom('calendar_overrides')
    .leftJoin('users', 'users.id', 'calendar_overrides.created_by')
    .selectAll('calendar_overrides')
    .select('users.name as created_by_name')
    .where('calendar_overrides.kind', '=', 'override')
    .where('calendar_overrides.year', '=', year)
    .orderBy('calendar_overrides.date')
    .execute();
}

export function findOverride(db: Conn, date: string): Promise<(OverrideRow & { created_by_name: string | null }) | undefined> {
  return db
    .selectFrom('calendar_overrides')
    .leftJoin('users', 'users.id', 'calendar_overrides.created_by')
    .selectAll('calendar_overrides')
    .select('users.name as created_by_name')
    .where('calendar_overrides.kind', '=', 'override')
    .where('calendar_overrides.date', '=', date)
    .executeTakeFirst();
}

export async function upsertOverride(tx: Conn, row: Insertable<CalendarOverridesTable>): Promise<void> {
  await tx
    .insertInto('calendar_overrides')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['date', 'kind']).doUpdateSet({ working: row.working, name: row.name, created_by: row.created_by, created_at: row.created_at }),
    )
    .execute();
}

export async function deleteOverride(tx: Conn, date: string): Promise<number> {
  const r = await tx.deleteFrom('calendar_overrides').where('kind', '=', 'override').where('date', '=', date).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Notice days of other years on these dates (a notice may reach into a neighbouring year). */
export function noticeClashes(db: Conn, year: number, dates: string[]): Promise<Pick<OverrideRow, 'date' | 'year'>[]> {
  if (!dates.length) return Promise.resolve([]);
  return db
    .selectFrom('calendar_overrides')
    .select(['date', 'year'])
    .where('kind', '=', 'notice')
    .where('year', '<>', year)
    .where('date', 'in', dates)
    .orderBy('date')
    .execute();
}

export async function replaceNoticeDays(tx: Conn, year: number, rows: Insertable<CalendarOverridesTable>[]): Promise<void> {
  await tx.deleteFrom('calendar_overrides').where('kind', '=', 'notice').where('year', '=', year).execute();
  if (rows.length) await tx.insertInto('calendar_overrides').values(rows).execute();
}
