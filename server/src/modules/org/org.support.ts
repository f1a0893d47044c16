/**
 * Helpers shared by the organisation use cases: assembling API objects from several tables in a
 * few batched queries, audit diffs, and recognising a unique-key race.
 */
import type { api } from '@xietiao/domain';
import type { z } from 'zod';
import type { Conn } from '../../platform/db/database';
import { badRequest } from '../../platform/errors';
import * as repo from './org.repo';
import { presentDepartment, presentOrgan, presentPerson } from './org.presenter';

type Person = z.infer<typeof api.Person>;
type Department = z.infer<typeof api.Department>;
type Organ = z.infer<typeof api.Organ>;

export async function organsView(db: Conn, rows: repo.OrganRow[]): Promise<Organ[]> {
  const sup = await repo.superiorsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentOrgan(r, sup.get(r.id) ?? []));
}

export async function departmentsView(db: Conn, rows: repo.DepartmentRow[]): Promise<Department[]> {
  const ids = rows.map((r) => r.id);
  const [liaisons, leaders] = await Promise.all([repo.liaisonsOf(db, ids), repo.leadersInChargeOf(db, ids)]);
  return rows.map((d) => {
    const ls = liaisons.filter((l) => l.department_id === d.id).map((l) => ({ id: l.id, name: l.name }));
    const seen = new Set<string>();
    const lead = leaders.filter((l) => l.department_id === d.id && !seen.has(l.id) && seen.add(l.id)).map((l) => ({ id: l.id, name: l.name, post: l.post }));
    return presentDepartment(d, ls, lead);
  });
}

/** People matching `filter`, each with roles and leader profile, in the repository's order. */
export async function peopleView(db: Conn, filter: repo.PeopleFilter): Promise<Person[]> {
  const users = await repo.listUsers(db, filter);
  const ids = users.map((u) => u.id);
  const [roles, leaders] = await Promise.all([repo.rolesOf(db, ids), repo.leadersOf(db, ids)]);
  const charges = await repo.chargesOf(db, [...leaders.keys()]);
  return users.map((u) => presentPerson(u, roles.get(u.id) ?? [], leaders.get(u.id) ?? null, charges.get(u.id) ?? []));
}

export async function personView(db: Conn, id: string): Promise<Person | undefined> {
  const [p] = await peopleView(db, { ids: [id], includeInactive: true });
  return p;
}

/** The fields whose values differ, as `{before, after}` for the audit row. */
export function changes(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of Object.keys(after)) {
    if (after[k] === undefined) continue;
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)) {
      b[k] = before[k] ?? null;
      a[k] = after[k];
    }
  }
  return { before: b, after: a, changed: Object.keys(a) };
}

/** A unique constraint refused the row (SQLite or PostgreSQL). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string } | null;
  return !!e && (e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY');
}

/**
 * Every id in `refs` must be in `known`; otherwise 400 naming the first bad field path.
 * `refs` pairs a field path (e.g. `body.superiorIds[1]`) with the id given there.
 */
export function requireKnown(refs: readonly (readonly [string, string])[], known: ReadonlySet<string>, what: string): void {
  for (const [path, id] of refs) {
    if (!known.has(id)) throw badRequest(`${what}不存在或已停用：${id}`, path);
  }
}

/** The first repeated id → 400 naming it. */
export function requireDistinct(ids: readonly string[], field: string, what: string): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) throw badRequest(`${what}重复：${id}`, `${field}[${i}]`);
    seen.add(id);
  });
}
