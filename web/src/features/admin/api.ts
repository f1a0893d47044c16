import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { http } from '../../lib/http';
import type { AuditEvent, AuditVerifyResult, Items, LifecycleInfo, Page } from '../../lib/types';

export interface AuditQuery {
  actorId?: string;
  action?: string;
  /** '1': `action` is one code, not a prefix */
  exact?: '1';
  matterId?: string;
  page: number;
  pageSize: number;
}

export function useAudit(q: AuditQuery) {
  return useQuery({ queryKey: ['admin', 'audit', q], queryFn: () => http.get<Page<AuditEvent>>('/audit', { ...q }), placeholderData: keepPreviousData });
}
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => http.post<AuditVerifyResult>('/audit/verify') });
}
export function useLifecycles() {
  return useQuery({ queryKey: ['admin', 'lifecycles'], queryFn: () => http.get<Items<LifecycleInfo>>('/lifecycles'), staleTime: 5 * 60_000 });
}
