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
    {
      schema: {
        tags,
        operationId: 'listAttachments',
        summary: '附件列表',
        description: '事项的全部附件（不含文件内容），canDelete 表示调用者能否删除。',
        params: api.IdParams,
        response: { 200: z.object({ items: z.array(api.Attachment) }) },
      },
    },
    async (req) => ({ items: await attachments.list(actorOf(req), req.params.id) }),
  );
  app.post(
    '/api/v1/matters/:id/attachments',
    {
      // its body limit (10 MB as base64) is set with the others in app.ts (BODY_LIMITS)
      schema: {
        tags,
        operationId: 'uploadAttachment',
        summary: '上传附件（base64，不超过10MB）',
        description: '上传一个附件：文件内容以 base64 放在 JSON 中，文件不超过10MB；可指定所属的内容版本（只能是最新版本，否则为 409 stale_version）。',
        params: api.IdParams,
        body: api.AttachmentUpload,
        response: { 200: api.Attachment },
      },
    },
    async (req) => attachments.upload(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/attachments/:id',
    {
      schema: {
        tags,
        operationId: 'downloadAttachment',
        summary: '下载附件',
        description: '下载附件的文件内容。不在知悉范围内时为 404。',
        produces: Object.keys(api.ATTACHMENT_TYPES),
        params: api.IdParams,
      },
    },
    async (req, reply) => {
      const f = await attachments.download(actorOf(req), req.params.id);
      reply.header('content-type', f.mime);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`);
      reply.header('cache-control', 'private, no-store');
      return reply.send(f.content);
    },
  );
  app.delete(
    '/api/v1/attachments/:id',
    {
      schema: {
        tags,
        operationId: 'deleteAttachment',
        summary: '删除附件',
        description: '上传人或办公室在事项办结前删除附件；属于内容版本的附件不能删除（409 invalid_state）。',
        params: api.IdParams,
        response: { 200: api.Ok },
      },
    },
    async (req) => {
      await attachments.remove(actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
}
