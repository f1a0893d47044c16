import { z } from 'zod';
import { Task } from './matters';

export const InboxItem = Task;
export const ReadItem = z.object({
  id: z.string(),
  matterId: z.string(),
  matterTitle: z.string(),
  matterKind: z.string(),
  note: z.string().nullable(),
  fromName: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const Notification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  matterId: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export const InboxCounts = z.object({ todo: z.number().int(), overdue: z.number().int(), toRead: z.number().int(), unreadNotifications: z.number().int() });
export const InboxQuery = z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) });
