import { z } from 'zod';
import { api } from '@xietiao/domain';
import type { ZodApp } from '../app';
import type { AppContext } from '../platform/context';
import { actorOf } from '../platform/auth/plugin';
import type { Container } from '../container';

const tags = ['attachments'];

export function registerAttachmentRoutes(app: ZodApp, _ctx: AppContext, { attachments }: Container): void {
  app.get(
    '/api/v1/matters/:id/attachments',
    { schema: { tags, summary: '附件列表', params: api.IdParams, response: { 200: z.object({ items: z.array(api.Attachment) }) } } },
    async (req) => ({ items: await attachments.list(actorOf(req), req.params.id) }),
  );
  app.post(
    '/api/v1/matters/:id/attachments',
    {
      // its body limit (10 MB as base64) is set with the others in app.ts (BODY_LIMITS)
      schema: { tags, summary: '上传附件（base64，不超过10MB）', params: api.IdParams, body: api.AttachmentUpload, response: { 200: api.Attachment } },
    },
    async (req) => attachments.upload(actorOf(req), req.params.id, req.body),
  );
  app.get('/api/v1/attachments/:id', { schema: { tags, summary: '下载附件', params: api.IdParams } }, async (req, reply) => {
    const f = await attachments.download(actorOf(req), req.params.id);
    reply.header('content-type', f.mime);
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`);
    reply.header('cache-control', 'private, no-store');
    return reply.send(f.content);
  });
  app.delete('/api/v1/attachments/:id', { schema: { tags, summary: '删除附件', params: api.IdParams, response: { 200: api.Ok } } }, async (req) => {
    await attachments.remove(actorOf(req), req.params.id);
    return { ok: true as const };
  });
}
