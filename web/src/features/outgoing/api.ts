import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as A from '@xietiao/domain/api/index';
import { http } from '../../lib/http';
import type { Page } from '../../lib/types';

export type OutgoingSummary = z.infer<typeof A.OutgoingSummary>;
export type OutgoingDetail = z.infer<typeof A.OutgoingDetail>;
export type OutgoingDraft = z.infer<typeof A.OutgoingDraft>;
export type OutgoingFinding = z.infer<typeof A.OutgoingFinding>;
export type OutgoingCreateBody = z.input<typeof A.OutgoingCreateBody>;
export type OutgoingInstructionBody = z.input<typeof A.OutgoingInstructionBody>;
export type OutgoingIntentBody = z.input<typeof A.OutgoingIntentBody>;
export type OutgoingDraftBody = z.input<typeof A.OutgoingDraftBody>;
export type VersionDiff = z.infer<typeof A.VersionDiff>;

export const outgoingKeys = {
  all: ['outgoing'] as const,
  list: (p: { q?: string; page: number; pageSize: number }) => ['outgoing', 'list', p] as const,
  detail: (id: string) => ['outgoing', 'detail', id] as const,
  check: (id: string, draft: unknown) => ['outgoing', 'check', id, draft] as const,
  diff: (id: string, from: number, to: number) => ['outgoing', 'diff', id, from, to] as const,
};

const path = (id: string) => `/outgoing/${encodeURIComponent(id)}`;

export function useOutgoingList(p: { q?: string; page: number; pageSize: number }) {
  return useQuery({ queryKey: outgoingKeys.list(p), queryFn: () => http.get<Page<OutgoingSummary>>('/outgoing', { ...p }), placeholderData: keepPreviousData });
}
export function useOutgoing(id: string) {
  return useQuery({ queryKey: outgoingKeys.detail(id), queryFn: () => http.get<OutgoingDetail>(path(id)) });
}

function useCommand<B>(id: string, suffix: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => http.post<OutgoingDetail>(`${path(id)}/${suffix}`, body),
    onSuccess: (d) => {
      qc.setQueryData(outgoingKeys.detail(id), d);
      qc.invalidateQueries({ queryKey: ['outgoing', 'list'] });
    },
  });
}
export function useCreateOutgoing() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OutgoingCreateBody) => http.post<OutgoingDetail>('/outgoing', body),
    onSuccess: (d) => {
      qc.setQueryData(outgoingKeys.detail(d.id), d);
      qc.invalidateQueries({ queryKey: ['outgoing', 'list'] });
    },
  });
}
export const useRecordInstruction = (id: string) => useCommand<OutgoingInstructionBody>(id, 'instructions');
export const useSaveIntent = (id: string) => useCommand<OutgoingIntentBody>(id, 'intent');
export const useSaveDraft = (id: string) => useCommand<OutgoingDraftBody>(id, 'draft');

/** The checker on the draft as typed (nothing saved); `draft` null = nothing to check yet. */
export function useDraftCheck(id: string, draft: OutgoingDraft | null, enabled: boolean) {
  return useQuery({
    queryKey: outgoingKeys.check(id, draft),
    queryFn: ({ signal }) => http.post<{ findings: OutgoingFinding[] }>(`${path(id)}/draft/check`, { draft }, { signal }),
    enabled: enabled && draft !== null,
    placeholderData: keepPreviousData,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export function useVersionDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: outgoingKeys.diff(id, from ?? 0, to ?? 0),
    queryFn: () => http.get<VersionDiff>(`/matters/${encodeURIComponent(id)}/versions/diff`, { from: from ?? 0, to: to ?? 0 }),
    enabled: from !== null && to !== null && from !== to,
  });
}
