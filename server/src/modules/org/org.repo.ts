/**
 * The only SQL for the organisation tables: organs, organ_superiors, departments, users,
 * user_roles, leaders, leader_charges, absences. Every function takes the connection it runs on
 * (the database or an open transaction), so services decide the transaction boundaries.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Role } from '@xietiao/domain';
import { sql, type Conn } from '../../platform/db/database';
import type { AbsencesTable, DepartmentsTable, LeadersTable, OrgansTable, UsersTable } from '../../platform/db/schema';

export type OrganRow = Selectable<OrgansTable>;
export type DepartmentRow = Selectable<DepartmentsTable>;
export type UserRow = Omit<Selectable<UsersTable>, 'password_hash' | 'feed_token'>;
export type LeaderRow = Selectable<LeadersTable>;
export type ChargeRow = { leader_id: string; area: string; department_id: string | null; department_name: string | null };
export type AbsenceRow = Selectable<AbsencesTable> & { user_name: string };

const USER_COLUMNS = [
  'users.id',
  'users.username',
  'users.name',
  'users.organ_id',
  'users.department_id',
  'users.title',
  'users.phone',
  'users.active',
  'users.must_change_password',
  'users.version',
  'users.created_at',
  'users.updated_at',
] as const;

/** `%text%` for LIKE, with LIKE's own wildcards escaped (ESCAPE '\'). */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ── organs ──────────────────────────────────────────────────────────────────

export async function listOrgans(db: Conn, opts: { includeInactive?: boolean } = {}): Promise<OrganRow[]> {
  let q = db.selectFrom('organs').selectAll();
  if (!opts.includeInactive) q = q.where('active', '=', 1);
  return q.orderBy('level').orderBy('is_self', 'desc').orderBy('name').orderBy('id').execute();
}

export function findOrgan(db: Conn, id: string): Promise<OrganRow | undefined> {
  return db.selectFrom('organs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findSelfOrgan(db: Conn): Promise<OrganRow | undefined> {
  return db.selectFrom('organs').selectAll().where('is_self', '=', 1).where('active', '=', 1).orderBy('created_at').executeTakeFirst();
}

/** organ id → its superior ids (all organs when `organIds` is omitted). */
export async function superiorsOf(db: Conn, organIds?: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (organIds && organIds.length === 0) return out;
  let q = db.selectFrom('organ_superiors').select(['organ_id', 'superior_id']);
  if (organIds) q = q.where('organ_id', 'in', organIds);
  for (const r of await q.orderBy('organ_id').orderBy('superior_id').execute()) {
    const list = out.get(r.organ_id) ?? [];
    list.push(r.superior_id);
    out.set(r.organ_id, list);
  }
  return out;
}

export async function activeOrganIds(db: Conn, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('organs').select('id').where('id', 'in', ids).where('active', '=', 1).execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertOrgan(db: Conn, row: Insertable<OrgansTable>, superiorIds: readonly string[]): Promise<void> {
  await db.insertInto('organs').values(row).execute();
  await replaceSuperiors(db, row.id, superiorIds);
}

export async function replaceSuperiors(db: Conn, organId: string, superiorIds: readonly string[]): Promise<void> {
  await db.deleteFrom('organ_superiors').where('organ_id', '=', organId).execute();
  if (superiorIds.length > 0) {
    await db
      .insertInto('organ_superiors')
      .values(superiorIds.map((s) => ({ organ_id: organId, superior_id: s })))
      .execute();
  }
}

/** Compare-and-set update; returns the number of rows changed (0 = stale version or gone). */
export async function updateOrgan(db: Conn, id: string, version: number, set: Updateable<OrgansTable>): Promise<number> {
  const r = await db
    .updateTable('organs')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Active organs that have `id` as parent or superior. */
export async function activeDependants(db: Conn, id: string): Promise<OrganRow[]> {
  return db
    .selectFrom('organs')
    .selectAll()
    .where('active', '=', 1)
    .where('id', '<>', id)
    .where((eb) => eb.or([eb('parent_id', '=', id), eb('id', 'in', eb.selectFrom('organ_superiors').select('organ_id').where('superior_id', '=', id))]))
    .orderBy('name')
    .execute();
}

// ── departments ─────────────────────────────────────────────────────────────

export async function listDepartments(db: Conn, opts: { includeInactive?: boolean; organId?: string } = {}): Promise<DepartmentRow[]> {
  let q = db.selectFrom('departments').selectAll();
  if (!opts.includeInactive) q = q.where('active', '=', 1);
  if (opts.organId) q = q.where('organ_id', '=', opts.organId);
  return q.orderBy('sort').orderBy('name').orderBy('id').execute();
}

export function findDepartment(db: Conn, id: string): Promise<DepartmentRow | undefined> {
  return db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDepartmentByName(db: Conn, organId: string, name: string): Promise<DepartmentRow | undefined> {
  return db.selectFrom('departments').selectAll().where('organ_id', '=', organId).where('name', '=', name).executeTakeFirst();
}

export async function activeDepartmentIds(db: Conn, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('departments').select('id').where('id', 'in', ids).where('active', '=', 1).execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertDepartment(db: Conn, row: Insertable<DepartmentsTable>): Promise<void> {
  await db.insertInto('departments').values(row).execute();
}

export async function updateDepartment(db: Conn, id: string, version: number, set: Updateable<DepartmentsTable>): Promise<number> {
  const r = await db
    .updateTable('departments')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Active liaisons of the given departments. */
export async function liaisonsOf(db: Conn, departmentIds: readonly string[]) {
  if (departmentIds.length === 0) return [];
  return db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.department_id', 'users.id', 'users.name'])
    .where('user_roles.role', '=', 'liaison')
    .where('users.active', '=', 1)
    .where('users.department_id', 'in', departmentIds)
    .orderBy('users.name')
    .execute();
}

/** Active leaders in charge (分管) of the given departments. */
export async function leadersInChargeOf(db: Conn, departmentIds: readonly string[]) {
  if (departmentIds.length === 0) return [];
  return db
    .selectFrom('leader_charges')
    .innerJoin('leaders', 'leaders.user_id', 'leader_charges.leader_id')
    .innerJoin('users', 'users.id', 'leaders.user_id')
    .select(['leader_charges.department_id', 'users.id', 'users.name', 'leaders.post', 'leaders.precedence'])
    .where('users.active', '=', 1)
    .where('leader_charges.department_id', 'in', departmentIds)
    .orderBy('leaders.precedence')
    .execute();
}

// ── people ──────────────────────────────────────────────────────────────────

export interface PeopleFilter {
  q?: string;
  departmentId?: string;
  role?: Role;
  includeInactive?: boolean;
  ids?: readonly string[];
}

export async function listUsers(db: Conn, f: PeopleFilter = {}): Promise<(UserRow & { department_name: string | null })[]> {
  if (f.ids && f.ids.length === 0) return [];
  let q = db
    .selectFrom('users')
    .leftJoin('departments', 'departments.id', 'users.department_id')
    .select([...USER_COLUMNS, 'departments.name as department_name']);
  if (!f.includeInactive) q = q.where('users.active', '=', 1);
  if (f.ids) q = q.where('users.id', 'in', f.ids);
  if (f.departmentId) q = q.where('users.department_id', '=', f.departmentId);
  if (f.role) {
    const role = f.role;
    q = q.where('users.id', 'in', (eb) => eb.selectFrom('user_roles').select('user_id').where('role', '=', role));
  }
  if (f.q) {
    const p = likePattern(f.q);
    q = q.where(
      sql<boolean>`(lower(users.name) like ${p} escape '\\' or lower(users.username) like ${p} escape '\\' or lower(coalesce(users.title, '')) like ${p} escape '\\')`,
    );
  }
  return q.orderBy('departments.sort').orderBy('users.name').orderBy('users.id').execute();
}

export async function findUser(db: Conn, id: string): Promise<(UserRow & { department_name: string | null }) | undefined> {
  const [u] = await listUsers(db, { ids: [id], includeInactive: true });
  return u;
}

export async function usernameTaken(db: Conn, username: string): Promise<boolean> {
  const r = await db.selectFrom('users').select('id').where(sql<string>`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
  return !!r;
}

export async function activeUserIds(db: Conn, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('users').select('id').where('id', 'in', ids).where('active', '=', 1).execute();
  return new Set(rows.map((r) => r.id));
}

export async function countUsers(db: Conn): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertUser(db: Conn, row: Insertable<UsersTable>, roles: readonly Role[]): Promise<void> {
  await db.insertInto('users').values(row).execute();
  await replaceRoles(db, row.id, roles);
}

export async function updateUser(db: Conn, id: string, version: number, set: Updateable<UsersTable>): Promise<number> {
  const r = await db
    .updateTable('users')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Bump a person's version without a compare (a change to a part of the person that has no version of its own). */
export async function touchUser(db: Conn, id: string, at: string): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .execute();
}

/**
 * Take the person's row lock for the rest of the transaction (a no-op update): on PostgreSQL this
 * serialises concurrent writers of that person's absences; SQLite has one writer anyway.
 */
export async function lockUser(db: Conn, id: string): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setPassword(db: Conn, id: string, hash: string, at: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: hash, must_change_password: 1, updated_at: at }).where('id', '=', id).execute();
}

export async function rolesOf(db: Conn, userIds: readonly string[]): Promise<Map<string, Role[]>> {
  const out = new Map<string, Role[]>();
  if (userIds.length === 0) return out;
  const rows = await db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', userIds).orderBy('role').execute();
  for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.role as Role]);
  return out;
}

export async function replaceRoles(db: Conn, userId: string, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  const unique = [...new Set(roles)];
  if (unique.length > 0)
    await db
      .insertInto('user_roles')
      .values(unique.map((role) => ({ user_id: userId, role })))
      .execute();
}

// ── leaders ─────────────────────────────────────────────────────────────────

export async function leadersOf(db: Conn, userIds: readonly string[]): Promise<Map<string, LeaderRow>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('leaders').selectAll().where('user_id', 'in', userIds).execute();
  return new Map(rows.map((r) => [r.user_id, r]));
}

export async function chargesOf(db: Conn, leaderIds: readonly string[]): Promise<Map<string, ChargeRow[]>> {
  const out = new Map<string, ChargeRow[]>();
  if (leaderIds.length === 0) return out;
  const rows = await db
    .selectFrom('leader_charges')
    .leftJoin('departments', 'departments.id', 'leader_charges.department_id')
    .select(['leader_charges.leader_id', 'leader_charges.area', 'leader_charges.department_id', 'departments.name as department_name'])
    .where('leader_charges.leader_id', 'in', leaderIds)
    .orderBy('leader_charges.id')
    .execute();
  for (const r of rows) out.set(r.leader_id, [...(out.get(r.leader_id) ?? []), r]);
  return out;
}

/** Ids of active people holding the leader role and a leader profile, in listing order. */
export async function leaderIdsInOrder(db: Conn, opts: { line?: 'first' | 'second' } = {}): Promise<string[]> {
  let q = db
    .selectFrom('leaders')
    .innerJoin('users', 'users.id', 'leaders.user_id')
    .select('leaders.user_id')
    .where('users.active', '=', 1)
    .where('users.id', 'in', (eb) => eb.selectFrom('user_roles').select('user_id').where('role', '=', 'leader'));
  if (opts.line) q = q.where('leaders.line', '=', opts.line);
  const rows = await q
    .orderBy(sql`case when leaders.line = 'first' then 0 else 1 end`)
    .orderBy('leaders.principal', 'desc')
    .orderBy('leaders.precedence')
    .orderBy('leaders.rank_order')
    .orderBy('users.name')
    .execute();
  return rows.map((r) => r.user_id);
}

/** Another active principal leader than `exceptUserId`, if any. */
export function otherPrincipal(db: Conn, exceptUserId: string) {
  return db
    .selectFrom('leaders')
    .innerJoin('users', 'users.id', 'leaders.user_id')
    .select(['users.id', 'users.name', 'leaders.post'])
    .where('leaders.principal', '=', 1)
    .where('leaders.line', '=', 'first')
    .where('users.active', '=', 1)
    .where('users.id', '<>', exceptUserId)
    .executeTakeFirst();
}

export async function upsertLeader(db: Conn, row: Omit<LeaderRow, 'version'>): Promise<void> {
  const { post, rank, rank_order, precedence, line, principal, secretary_id, updated_at } = row;
  await db
    .insertInto('leaders')
    .values({ ...row, version: 1 })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet((eb) => ({
        post,
        rank,
        rank_order,
        precedence,
        line,
        principal,
        secretary_id,
        updated_at,
        version: eb('leaders.version', '+', 1),
      })),
    )
    .execute();
}

export async function replaceCharges(db: Conn, leaderId: string, charges: { id: string; area: string; department_id: string | null }[]): Promise<void> {
  await db.deleteFrom('leader_charges').where('leader_id', '=', leaderId).execute();
  if (charges.length > 0)
    await db
      .insertInto('leader_charges')
      .values(charges.map((c) => ({ ...c, leader_id: leaderId })))
      .execute();
}

export async function deleteLeader(db: Conn, userId: string): Promise<void> {
  await db.deleteFrom('leader_charges').where('leader_id', '=', userId).execute();
  await db.deleteFrom('leaders').where('user_id', '=', userId).execute();
}

// ── absences ────────────────────────────────────────────────────────────────

export interface AbsenceFilter {
  userId?: string;
  /** overlapping [from, to): ISO UTC instants */
  from?: string;
  to?: string;
}

function absenceQuery(db: Conn) {
  return db.selectFrom('absences').innerJoin('users', 'users.id', 'absences.user_id').selectAll('absences').select('users.name as user_name');
}

export async function listAbsences(db: Conn, f: AbsenceFilter): Promise<AbsenceRow[]> {
  let q = absenceQuery(db);
  if (f.userId) q = q.where('absences.user_id', '=', f.userId);
  if (f.to) q = q.where('absences.starts_at', '<', f.to);
  if (f.from) q = q.where('absences.ends_at', '>', f.from);
  return q.orderBy('absences.starts_at').orderBy('absences.id').limit(5000).execute();
}

export function findAbsence(db: Conn, id: string): Promise<AbsenceRow | undefined> {
  return absenceQuery(db).where('absences.id', '=', id).executeTakeFirst();
}

/** The first absence of `userId` that overlaps [startsAt, endsAt). */
export function overlappingAbsence(db: Conn, userId: string, startsAt: string, endsAt: string): Promise<AbsenceRow | undefined> {
  return absenceQuery(db)
    .where('absences.user_id', '=', userId)
    .where('absences.starts_at', '<', endsAt)
    .where('absences.ends_at', '>', startsAt)
    .orderBy('absences.starts_at')
    .executeTakeFirst();
}

export async function insertAbsence(db: Conn, row: Insertable<AbsencesTable>): Promise<void> {
  await db.insertInto('absences').values(row).execute();
}

export async function deleteAbsence(db: Conn, id: string): Promise<void> {
  await db.deleteFrom('absences').where('id', '=', id).execute();
}
