import { z } from 'zod';
import { api } from '@xietiao/domain';
import type { ZodApp } from '../app';
import type { AppContext } from '../platform/context';
import { actorOf } from '../platform/auth/plugin';
import type { VersionsService } from './versions.service';

const tags = ['versions'];

/** K-4 content versions of a matter: list, one version, the diff of two, and (owner or office) save. */
export function registerVersionRoutes(app: ZodApp, _ctx: AppContext, { versions }: { versions: VersionsService }): void {
  app.get(
    '/api/v1/matters/:id/versions',
    { schema: { tags, summary: '内容版本列表', params: api.IdParams, response: { 200: z.object({ items: z.array(api.ContentVersionSummary) }) } } },
    async (req) => ({ items: await versions.list(actorOf(req), req.params.id) }),
  );
  app.get(
    '/api/v1/matters/:id/versions/diff',
    { schema: { tags, summary: '比较两个内容版本（逐字段）', params: api.IdParams, querystring: api.VersionDiffQuery, response: { 200: api.VersionDiff } } },
    async (req) => versions.diff(actorOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/v1/matters/:id/versions/:no',
    { schema: { tags, summary: '某一内容版本', params: api.VersionParams, response: { 200: api.ContentVersion } } },
    async (req) => versions.get(actorOf(req), req.params.id, req.params.no),
  );
  app.post(
    '/api/v1/matters/:id/versions',
    {
      schema: {
        tags,
        summary: '保存新的内容版本（事项承办人或办公室）',
        params: api.IdParams,
        body: api.SaveVersionBody,
        response: { 200: api.ContentVersion },
      },
    },
    async (req) => versions.save(actorOf(req), req.params.id, req.body),
  );
}
