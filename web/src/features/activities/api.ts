import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as A from '@xietiao/domain/api/index';
import { http } from '../../lib/http';
import type { Items, MatterDetail, Page } from '../../lib/types';
import { matterKeys } from '../matters/api';

export type ActivitySummary = z.infer<typeof A.ActivitySummary>;
export type ActivityDetail = z.infer<typeof A.ActivityDetail>;
export type ScheduleEntry = z.infer<typeof A.ScheduleEntry>;
export type WeekTable = z.infer<typeof A.WeekTable>;
export type FeedLinks = z.infer<typeof A.FeedLinks>;
export type Candidate = z.infer<typeof A.Candidate>;
export type Assignment = z.infer<typeof A.Assignment>;
export type ActivityRequestBody = z.input<typeof A.ActivityRequestBody>;
export type ActivityPatchBody = z.input<typeof A.ActivityPatchBody>;
export type ProposeBody = z.input<typeof A.ProposeBody>;
export type ApprovalBody = z.input<typeof A.ApprovalBody>;
export type ReopenBody = z.input<typeof A.ReopenBody>;
export interface Suggestion {
  leaderIds: string[];
  opinion: string;
}
export interface RuleSettingsOut {
  settings: Record<string, unknown>;
  version: number;
  updatedAt: string | null;
}

export interface ActivityListParams {
  status?: string;
  from?: string;
  to?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export const activityKeys = {
  all: ['activities'] as const,
  list: (p: ActivityListParams) => ['activities', 'list', p] as const,
  detail: (id: string) => ['activities', 'detail', id] as const,
  suggestion: (id: string, version: number) => ['activities', 'suggestion', id, version] as const,
  schedule: (from: string, to: string, leaderId?: string) => ['activities', 'schedule', from, to, leaderId ?? ''] as const,
  week: (start: string) => ['activities', 'week', start] as const,
  feeds: ['activities', 'feeds'] as const,
  rules: ['activities', 'rules'] as const,
};

export function useActivityList(p: ActivityListParams) {
  return useQuery({
    queryKey: activityKeys.list(p),
    queryFn: () => http.get<Page<ActivitySummary>>('/activities', { ...p }),
    placeholderData: keepPreviousData,
  });
}
export function useActivity(id: string) {
  return useQuery({ queryKey: activityKeys.detail(id), queryFn: () => http.get<ActivityDetail>(`/activities/${encodeURIComponent(id)}`) });
}
export function useSuggestion(id: string, version: number, enabled: boolean) {
  return useQuery({
    queryKey: activityKeys.suggestion(id, version),
    queryFn: () => http.get<Suggestion>(`/activities/${encodeURIComponent(id)}/suggestion`),
    enabled,
    staleTime: Infinity,
  });
}
export function useSchedule(from: string, to: string, leaderId?: string) {
  return useQuery({
    queryKey: activityKeys.schedule(from, to, leaderId),
    queryFn: () => http.get<Items<ScheduleEntry>>('/schedule', { from, to, leaderId }),
    placeholderData: keepPreviousData,
  });
}
export function useWeekTable(start: string) {
  return useQuery({ queryKey: activityKeys.week(start), queryFn: () => http.get<WeekTable>('/schedule/week', { start }), placeholderData: keepPreviousData });
}
export function useFeeds(enabled: boolean) {
  return useQuery({ queryKey: activityKeys.feeds, queryFn: () => http.get<FeedLinks>('/schedule/feeds'), enabled, staleTime: 5 * 60_000 });
}
export function useActivityRules() {
  return useQuery({ queryKey: activityKeys.rules, queryFn: () => http.get<RuleSettingsOut>('/activity-rules') });
}
export function useSaveActivityRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { version: number; settings: Record<string, unknown> }) => http.put<RuleSettingsOut>('/activity-rules', b),
    onSuccess: (r) => {
      qc.setQueryData(activityKeys.rules, r);
      void qc.invalidateQueries({ queryKey: ['activities', 'detail'] });
    },
  });
}

export function useCreateActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: ActivityRequestBody) => http.post<ActivityDetail>('/activities', b),
    onSuccess: (a) => {
      qc.setQueryData(activityKeys.detail(a.id), a);
      void qc.invalidateQueries({ queryKey: ['activities', 'list'] });
      void qc.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}

/**
 * Mutations on one activity. Responses that are the whole ActivityDetail replace the cache; the
 * generic matter ones (events, consultations, instructions) refetch the activity detail.
 */
export function useActivityMutations(id: string) {
  const qc = useQueryClient();
  const key = activityKeys.detail(id);
  const base = `/activities/${encodeURIComponent(id)}`;
  const others = () => {
    void qc.invalidateQueries({ queryKey: ['activities', 'list'] });
    void qc.invalidateQueries({ queryKey: ['activities', 'schedule'] });
    void qc.invalidateQueries({ queryKey: ['activities', 'week'] });
    void qc.invalidateQueries({ queryKey: ['inbox'] });
    void qc.invalidateQueries({ queryKey: matterKeys.detail(id) });
  };
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: key });
    others();
  };
  const setDetail = (a: ActivityDetail) => {
    qc.setQueryData(key, a);
    others();
  };
  return {
    refresh,
    edit: useMutation({ mutationFn: (b: ActivityPatchBody) => http.patch<ActivityDetail>(base, b), onSuccess: setDetail }),
    propose: useMutation({ mutationFn: (b: ProposeBody) => http.post<ActivityDetail>(`${base}/proposal`, b), onSuccess: setDetail }),
    approve: useMutation({ mutationFn: (b: ApprovalBody) => http.post<ActivityDetail>(`${base}/approval`, b), onSuccess: setDetail }),
    confirm: useMutation({ mutationFn: (leaderId: string) => http.post<ActivityDetail>(`${base}/confirmations`, { leaderId }), onSuccess: setDetail }),
    remind: useMutation({ mutationFn: (state: 'reminded' | 'departed') => http.post<ActivityDetail>(`${base}/reminder`, { state }), onSuccess: setDetail }),
    reopen: useMutation({ mutationFn: (b: ReopenBody) => http.post<ActivityDetail>(`${base}/reopen`, b), onSuccess: setDetail }),
    fire: useMutation({
      mutationFn: (v: { event: string; version: number; comment?: string | null }) =>
        http.post<MatterDetail>(`/matters/${encodeURIComponent(id)}/events/${encodeURIComponent(v.event)}`, { version: v.version, comment: v.comment ?? null }),
      onSuccess: refresh,
    }),
  };
}
export type ActivityMutations = ReturnType<typeof useActivityMutations>;
