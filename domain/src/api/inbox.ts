import { z } from 'zod';
import { Timestamp } from './common';
import { Task } from './matters';

export const InboxItem = Task;
export const ReadItem = z
  .object({
    id: z.string(),
    matterId: z.string(),
    matterTitle: z.string(),
    matterKind: z.string(),
    note: z.string().nullable(),
    fromName: z.string(),
    createdAt: Timestamp,
    readAt: Timestamp.nullable(),
  })
  .meta({ id: 'ReadItem', title: '待阅', description: '分送给调用者阅知的事项' });
export const Notification = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.string(),
    body: z.string().nullable(),
    matterId: z.string().nullable(),
    readAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Notification', title: '通知', description: '发给调用者的一条通知（新任务、催办、期限临近……）' });
export const InboxCounts = z
  .object({ todo: z.number().int(), overdue: z.number().int(), toRead: z.number().int(), unreadNotifications: z.number().int() })
  .meta({ id: 'InboxCounts', title: '待办计数', description: '待办、逾期、待阅和未读通知的数量' });
export const InboxQuery = z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) });
