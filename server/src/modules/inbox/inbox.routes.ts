import { api } from '@xietiao/domain';
import type { ZodApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/auth/plugin';
import type { Container } from '../../container';

const tags = ['inbox'];

export function registerInboxRoutes(app: ZodApp, _ctx: AppContext, { inbox }: Container): void {
  app.get('/api/v1/inbox/counts', { schema: { tags, summary: '待办、逾期、待阅、未读通知数', response: { 200: api.InboxCounts } } }, async (req) =>
    inbox.counts(actorOf(req)),
  );
  app.get('/api/v1/inbox/todo', { schema: { tags, summary: '待办', querystring: api.InboxQuery, response: { 200: api.pageOf(api.Task) } } }, async (req) =>
    inbox.todo(actorOf(req), req.query.page, req.query.pageSize),
  );
  app.get('/api/v1/inbox/done', { schema: { tags, summary: '已办', querystring: api.InboxQuery, response: { 200: api.pageOf(api.Task) } } }, async (req) =>
    inbox.done(actorOf(req), req.query.page, req.query.pageSize),
  );
  app.get(
    '/api/v1/inbox/toread',
    { schema: { tags, summary: '待阅', querystring: api.InboxQuery, response: { 200: api.pageOf(api.ReadItem) } } },
    async (req) => inbox.toRead(actorOf(req), req.query.page, req.query.pageSize),
  );
  app.post('/api/v1/inbox/toread/:id/read', { schema: { tags, summary: '标记已阅', params: api.IdParams, response: { 200: api.Ok } } }, async (req) => {
    await inbox.markRead(actorOf(req), req.params.id);
    return { ok: true as const };
  });
  app.get(
    '/api/v1/notifications',
    { schema: { tags, summary: '通知', querystring: api.InboxQuery, response: { 200: api.pageOf(api.Notification) } } },
    async (req) => inbox.notifications(actorOf(req), req.query.page, req.query.pageSize),
  );
  app.post('/api/v1/notifications/:id/read', { schema: { tags, summary: '通知标记已读', params: api.IdParams, response: { 200: api.Ok } } }, async (req) => {
    await inbox.readNotification(actorOf(req), req.params.id);
    return { ok: true as const };
  });
  app.post('/api/v1/notifications/read-all', { schema: { tags, summary: '全部标记已读', response: { 200: api.Ok } } }, async (req) => {
    await inbox.readAll(actorOf(req));
    return { ok: true as const };
  });
}
