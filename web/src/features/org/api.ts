import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../lib/http';
import type {
  Absence,
  AbsenceInput,
  Department,
  DepartmentInput,
  Items,
  LeaderInput,
  Organ,
  OrganInput,
  OrganRelation,
  Person,
  PersonInput,
  PersonPatch,
} from '../../lib/types';

export interface PeopleQuery {
  q?: string;
  departmentId?: string;
  role?: string;
  includeInactive?: boolean;
}

export const orgKeys = {
  organs: ['org', 'organs'] as const,
  departments: ['org', 'departments'] as const,
  people: (q: PeopleQuery = {}) => ['org', 'people', q] as const,
  leaders: ['org', 'leaders'] as const,
  absences: (q: Record<string, string | undefined> = {}) => ['org', 'absences', q] as const,
};

export function useOrgans() {
  return useQuery({ queryKey: orgKeys.organs, queryFn: () => http.get<Items<Organ>>('/organs'), staleTime: 60_000 });
}
export function useDepartments() {
  return useQuery({ queryKey: orgKeys.departments, queryFn: () => http.get<Items<Department>>('/departments'), staleTime: 60_000 });
}
export function usePeople(q: PeopleQuery = {}) {
  return useQuery({
    queryKey: orgKeys.people(q),
    queryFn: () =>
      http.get<Items<Person>>('/people', { q: q.q, departmentId: q.departmentId, role: q.role, includeInactive: q.includeInactive ? '1' : undefined }),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}
export function useLeaders() {
  return useQuery({ queryKey: orgKeys.leaders, queryFn: () => http.get<Items<Person>>('/leaders'), staleTime: 60_000 });
}
export function useAbsences(q: { userId?: string; from?: string; to?: string } = {}) {
  return useQuery({ queryKey: orgKeys.absences(q), queryFn: () => http.get<Items<Absence>>('/absences', q) });
}
export function fetchRelation(a: string, b: string) {
  return http.get<OrganRelation>(`/organs/${encodeURIComponent(a)}/relation/${encodeURIComponent(b)}`);
}

/**
 * Every org mutation refreshes the whole 组织机构 cache: the lists are small. Also after a
 * failure: a 409 means the record changed, and the page must show the current one.
 */
function useOrgMutation<V, R = unknown>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: ['org'] }) });
}

export const useCreateOrgan = () => useOrgMutation((b: OrganInput) => http.post<Organ>('/organs', b));
export const usePatchOrgan = () =>
  useOrgMutation(({ id, ...b }: Partial<OrganInput> & { id: string; version: number }) => http.patch<Organ>(`/organs/${id}`, b));
export const useDeactivateOrgan = () =>
  useOrgMutation((o: { id: string; version: number }) => http.post<Organ>(`/organs/${o.id}/deactivate`, { version: o.version }));

export const useCreateDepartment = () => useOrgMutation((b: DepartmentInput) => http.post<Department>('/departments', b));
export const usePatchDepartment = () =>
  useOrgMutation(({ id, ...b }: Partial<DepartmentInput> & { id: string; version: number }) => http.patch<Department>(`/departments/${id}`, b));
export const useDeactivateDepartment = () =>
  useOrgMutation((d: { id: string; version: number }) => http.post<Department>(`/departments/${d.id}/deactivate`, { version: d.version }));

export const useCreatePerson = () => useOrgMutation((b: PersonInput) => http.post<Person>('/people', b));
export const usePatchPerson = () => useOrgMutation(({ id, ...b }: PersonPatch & { id: string }) => http.patch<Person>(`/people/${id}`, b));
export const useSetPersonActive = () =>
  useOrgMutation((p: { id: string; version: number; active: boolean }) =>
    http.post<Person>(`/people/${p.id}/${p.active ? 'activate' : 'deactivate'}`, { version: p.version }),
  );
export const useSetRoles = () =>
  useOrgMutation((p: { id: string; version: number; roles: string[] }) => http.put<Person>(`/people/${p.id}/roles`, { roles: p.roles, version: p.version }));
export const useResetPassword = () =>
  useOrgMutation((p: { id: string; password: string }) => http.post<{ ok: true }>(`/people/${p.id}/password`, { password: p.password }));
/** 解除登录锁定 (secadmin): the account's lock after repeated failed logins, and every address's delay. */
export const useUnlockLogin = () => useOrgMutation((id: string) => http.post<{ ok: true; wasLocked: boolean }>(`/people/${id}/unlock`));
export const useSetLeader = () => useOrgMutation(({ id, ...b }: LeaderInput & { id: string }) => http.put<Person>(`/people/${id}/leader`, b));
export const useRemoveLeader = () => useOrgMutation((id: string) => http.del<Person>(`/people/${id}/leader`));

export const useCreateAbsence = () => useOrgMutation((b: AbsenceInput) => http.post<Absence>('/absences', b));
export const useDeleteAbsence = () => useOrgMutation((id: string) => http.del<{ ok: true }>(`/absences/${id}`));
