import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../lib/http';
import type {
  Consultation,
  CreateConsultationBody,
  CreateInstructionBody,
  CreateLinkBody,
  CreateMatterBody,
  CreateTaskBody,
  MatterDetail,
  MatterSummary,
  NewRoundBody,
  Page,
  RespondBody,
  SettleConsultationBody,
  ShareBody,
  Task,
} from '../../lib/types';

export interface MatterListParams {
  kind?: string;
  status?: string;
  q?: string;
  mine?: boolean;
  page: number;
  pageSize: number;
}

export const matterKeys = {
  all: ['matters'] as const,
  list: (p: MatterListParams) => ['matters', 'list', p] as const,
  detail: (id: string) => ['matters', 'detail', id] as const,
};

export function useMatterList(p: MatterListParams) {
  return useQuery({
    queryKey: matterKeys.list(p),
    queryFn: () =>
      http.get<Page<MatterSummary>>('/matters', { kind: p.kind, status: p.status, q: p.q, mine: p.mine ? '1' : undefined, page: p.page, pageSize: p.pageSize }),
    placeholderData: keepPreviousData,
  });
}
export function searchMatters(q: string) {
  return http.get<Page<MatterSummary>>('/matters', { q: q || undefined, page: 1, pageSize: 20 });
}
export function useMatter(id: string) {
  return useQuery({ queryKey: matterKeys.detail(id), queryFn: () => http.get<MatterDetail>(`/matters/${encodeURIComponent(id)}`) });
}

export function useCreateMatter() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: CreateMatterBody) => http.post<MatterDetail>('/matters', b),
    onSuccess: (m) => {
      qc.setQueryData(matterKeys.detail(m.id), m);
      void qc.invalidateQueries({ queryKey: ['matters', 'list'] });
      void qc.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}

/**
 * Mutations on one matter. Responses that are the whole MatterDetail replace the cache; the
 * others (Task, Consultation) refetch the detail. Lists and the inbox are refreshed either way.
 */
export function useMatterMutations(id: string) {
  const qc = useQueryClient();
  const key = matterKeys.detail(id);
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: key });
    void qc.invalidateQueries({ queryKey: ['matters', 'list'] });
    void qc.invalidateQueries({ queryKey: ['inbox'] });
  };
  const setDetail = (m: MatterDetail) => {
    qc.setQueryData(key, m);
    void qc.invalidateQueries({ queryKey: ['matters', 'list'] });
    void qc.invalidateQueries({ queryKey: ['inbox'] });
  };
  const base = `/matters/${encodeURIComponent(id)}`;
  return {
    refresh,
    fire: useMutation({
      mutationFn: (v: { event: string; version: number; comment?: string | null }) =>
        http.post<MatterDetail>(`${base}/events/${encodeURIComponent(v.event)}`, { version: v.version, comment: v.comment ?? null }),
      onSuccess: setDetail,
    }),
    addTask: useMutation({ mutationFn: (b: CreateTaskBody) => http.post<Task>(`${base}/tasks`, b), onSuccess: refresh }),
    completeTask: useMutation({
      mutationFn: (v: { id: string; version: number; result: string }) => http.post<Task>(`/tasks/${v.id}/complete`, { version: v.version, result: v.result }),
      onSuccess: refresh,
    }),
    chaseTask: useMutation({
      mutationFn: (v: { id: string; note: string | null }) => http.post<Task>(`/tasks/${v.id}/chase`, { note: v.note }),
      onSuccess: refresh,
    }),
    extendTask: useMutation({
      mutationFn: (v: { id: string; dueDate: string; reason: string }) => http.post<Task>(`/tasks/${v.id}/extend`, { dueDate: v.dueDate, reason: v.reason }),
      onSuccess: refresh,
    }),
    startConsultation: useMutation({ mutationFn: (b: CreateConsultationBody) => http.post<Consultation>(`${base}/consultations`, b), onSuccess: refresh }),
    newRound: useMutation({
      mutationFn: ({ id: cid, ...b }: NewRoundBody & { id: string }) => http.post<Consultation>(`/consultations/${cid}/rounds`, b),
      onSuccess: refresh,
    }),
    respond: useMutation({
      mutationFn: ({ id: cid, ...b }: RespondBody & { id: string }) => http.post<Consultation>(`/consultations/${cid}/respond`, b),
      onSuccess: refresh,
    }),
    settle: useMutation({
      mutationFn: ({ id: cid, ...b }: SettleConsultationBody & { id: string }) => http.post<Consultation>(`/consultations/${cid}/settle`, b),
      onSuccess: refresh,
    }),
    instruct: useMutation({ mutationFn: (b: CreateInstructionBody) => http.post<MatterDetail>(`${base}/instructions`, b), onSuccess: setDetail }),
    link: useMutation({ mutationFn: (b: CreateLinkBody) => http.post<MatterDetail>(`${base}/links`, b), onSuccess: setDetail }),
    share: useMutation({ mutationFn: (b: ShareBody) => http.post<MatterDetail>(`${base}/share`, b), onSuccess: setDetail }),
  };
}
export type MatterMutations = ReturnType<typeof useMatterMutations>;
