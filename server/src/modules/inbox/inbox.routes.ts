import { api } from '@xietiao/domain';
import type { ZodApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/auth/plugin';
import type { Container } from '../../container';

const tags = ['inbox'];

export function registerInboxRoutes(app: ZodApp, _ctx: AppContext, { inbox }: Container): void {
  app.get(
    '/api/v1/inbox/counts',
    {
      schema: {
        tags,
        operationId: 'getInboxCounts',
        summary: '待办、逾期、待阅、未读通知数',
        description: '调用者的待办、其中逾期的、待阅和未读通知的数量。',
        response: { 200: api.InboxCounts },
      },
    },
    async (req) => inbox.counts(actorOf(req)),
  );
  app.get(
    '/api/v1/inbox/todo',
    {
      schema: {
        tags,
        operationId: 'listTodo',
        summary: '待办',
        description: '交给调用者本人或其部门、尚未办结的任务，期限近的在前（没有期限的在后）。',
        querystring: api.InboxQuery,
        response: { 200: api.pageOf(api.Task) },
      },
    },
    async (req) => inbox.todo(actorOf(req), req.query.page, req.query.pageSize),
  );
  app.get(
    '/api/v1/inbox/done',
    {
      schema: {
        tags,
        operationId: 'listDone',
        summary: '已办',
        description: '调用者办结的，或交给调用者（或其部门）且已办结的任务，新的在前。',
        querystring: api.InboxQuery,
        response: { 200: api.pageOf(api.Task) },
      },
    },
    async (req) => inbox.done(actorOf(req), req.query.page, req.query.pageSize),
  );
  app.get(
    '/api/v1/inbox/toread',
    {
      schema: {
        tags,
        operationId: 'listToRead',
        summary: '待阅',
        description: '分送给调用者阅知的事项：未阅的在前，然后是已阅的，各自新的在前。',
        querystring: api.InboxQuery,
        response: { 200: api.pageOf(api.ReadItem) },
      },
    },
    async (req) => inbox.toRead(actorOf(req), req.query.page, req.query.pageSize),
  );
  app.post(
    '/api/v1/inbox/toread/:id/read',
    {
      schema: {
        tags,
        operationId: 'markToReadItemRead',
        summary: '标记已阅',
        description: '把一项待阅标记为已阅。',
        params: api.IdParams,
        response: { 200: api.Ok },
      },
    },
    async (req) => {
      await inbox.markRead(actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        operationId: 'listNotifications',
        summary: '通知',
        description: '发给调用者的通知，新的在前。',
        querystring: api.InboxQuery,
        response: { 200: api.pageOf(api.Notification) },
      },
    },
    async (req) => inbox.notifications(actorOf(req), req.query.page, req.query.pageSize),
  );
  app.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags,
        operationId: 'markNotificationRead',
        summary: '通知标记已读',
        description: '把一条通知标记为已读。',
        params: api.IdParams,
        response: { 200: api.Ok },
      },
    },
    async (req) => {
      await inbox.readNotification(actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/v1/notifications/read-all',
    {
      schema: {
        tags,
        operationId: 'markAllNotificationsRead',
        summary: '全部标记已读',
        description: '把调用者的全部通知标记为已读。',
        response: { 200: api.Ok },
      },
    },
    async (req) => {
      await inbox.readAll(actorOf(req));
      return { ok: true as const };
    },
  );
}
