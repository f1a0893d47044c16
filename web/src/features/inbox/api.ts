import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../../lib/http';
import type { InboxCounts, Notification, Page, ReadItem, Task } from '../../lib/types';

export const inboxKeys = {
  all: ['inbox'] as const,
  counts: ['inbox', 'counts'] as const,
  list: (box: 'todo' | 'done' | 'toread', page: number, pageSize: number) => ['inbox', box, page, pageSize] as const,
  notifications: (page: number) => ['inbox', 'notifications', page] as const,
};

export function useInboxCounts(enabled = true) {
  return useQuery({
    queryKey: inboxKeys.counts,
    queryFn: () => http.get<InboxCounts>('/inbox/counts'),
    refetchInterval: 30_000,
    refetchIntervalInBackground: false,
    staleTime: 10_000,
    enabled,
  });
}

export function useTaskBox(box: 'todo' | 'done', page: number, pageSize: number) {
  return useQuery({
    queryKey: inboxKeys.list(box, page, pageSize),
    queryFn: () => http.get<Page<Task>>(`/inbox/${box}`, { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}
export function useToRead(page: number, pageSize: number) {
  return useQuery({
    queryKey: inboxKeys.list('toread', page, pageSize),
    queryFn: () => http.get<Page<ReadItem>>('/inbox/toread', { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}
export function useNotifications(page: number, enabled = true) {
  return useQuery({
    queryKey: inboxKeys.notifications(page),
    queryFn: () => http.get<Page<Notification>>('/notifications', { page, pageSize: 10 }),
    enabled,
  });
}

function useInboxMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: inboxKeys.all }) });
}
export const useMarkRead = () => useInboxMutation((id: string) => http.post(`/inbox/toread/${id}/read`));
export const useMarkNotificationRead = () => useInboxMutation((id: string) => http.post(`/notifications/${id}/read`));
export const useMarkAllNotificationsRead = () => useInboxMutation(() => http.post('/notifications/read-all'));
