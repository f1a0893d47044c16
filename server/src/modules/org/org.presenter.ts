/** The API shapes of the organisation module (domain/src/api/org.ts), built from repository rows. */
import type { Role, api } from '@xietiao/domain';
import type { z } from 'zod';
import { fromJson } from '../../platform/json';
import type { AbsenceRow, ChargeRow, DepartmentRow, LeaderRow, OrganRow, UserRow } from './org.repo';

type Organ = z.infer<typeof api.Organ>;
type Department = z.infer<typeof api.Department>;
type Person = z.infer<typeof api.Person>;
type Absence = z.infer<typeof api.Absence>;

export function presentOrgan(o: OrganRow, superiorIds: readonly string[]): Organ {
  return {
    id: o.id,
    name: o.name,
    shortName: o.short_name,
    kind: o.kind,
    level: o.level,
    parentId: o.parent_id,
    superiorIds: [...superiorIds],
    isSelf: o.is_self === 1,
    docCode: o.doc_code,
    active: o.active === 1,
    version: o.version,
  };
}

export function departmentFunctions(d: Pick<DepartmentRow, 'functions'>): string[] {
  const f = fromJson<unknown>(d.functions, []);
  return Array.isArray(f) ? f.map(String) : [];
}

export function presentDepartment(d: DepartmentRow, liaisons: Department['liaisons'], leaders: Department['leaders']): Department {
  return {
    id: d.id,
    organId: d.organ_id,
    name: d.name,
    shortName: d.short_name,
    functions: departmentFunctions(d),
    sort: d.sort,
    active: d.active === 1,
    version: d.version,
    liaisons,
    leaders,
  };
}

export function presentPerson(
  u: UserRow & { department_name: string | null },
  roles: readonly Role[],
  leader: LeaderRow | null,
  charges: readonly ChargeRow[],
): Person {
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    title: u.title,
    phone: u.phone,
    organId: u.organ_id,
    departmentId: u.department_id,
    departmentName: u.department_name,
    roles: [...roles],
    active: u.active === 1,
    version: u.version,
    leader: leader
      ? {
          post: leader.post,
          rank: leader.rank,
          rankOrder: leader.rank_order,
          precedence: leader.precedence,
          line: leader.line,
          principal: leader.principal === 1,
          secretaryId: leader.secretary_id,
          charges: charges.map((c) => ({ area: c.area, departmentId: c.department_id, departmentName: c.department_name })),
        }
      : null,
  };
}

/** The note (the reason for a leave…) is shown only to those who may manage that person's absences. */
export function presentAbsence(a: AbsenceRow, showNote: boolean): Absence {
  return {
    id: a.id,
    userId: a.user_id,
    userName: a.user_name,
    kind: a.kind,
    startsAt: a.starts_at,
    endsAt: a.ends_at,
    note: showNote ? a.note : null,
  };
}
