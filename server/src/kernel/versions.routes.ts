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
    {
      schema: {
        tags,
        operationId: 'listContentVersions',
        summary: '内容版本列表',
        description: '事项内容的全部版本，从旧到新，不含内容本身。',
        params: api.IdParams,
        response: { 200: z.object({ items: z.array(api.ContentVersionSummary) }) },
      },
    },
    async (req) => ({ items: await versions.list(actorOf(req), req.params.id) }),
  );
  app.get(
    '/api/v1/matters/:id/versions/diff',
    {
      schema: {
        tags,
        operationId: 'diffContentVersions',
        summary: '比较两个内容版本（逐字段）',
        description: '两个版本之间逐字段的变化：to 默认为最新版本，from 默认为 to 的前一个版本，from=0 表示与空内容比较；版本不存在时为 404。',
        params: api.IdParams,
        querystring: api.VersionDiffQuery,
        response: { 200: api.VersionDiff },
      },
    },
    async (req) => versions.diff(actorOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/v1/matters/:id/versions/:no',
    {
      schema: {
        tags,
        operationId: 'getContentVersion',
        summary: '某一内容版本',
        description: '某一版本的完整内容及属于该版本的附件。',
        params: api.VersionParams,
        response: { 200: api.ContentVersion },
      },
    },
    async (req) => versions.get(actorOf(req), req.params.id, req.params.no),
  );
  app.post(
    '/api/v1/matters/:id/versions',
    {
      schema: {
        tags,
        operationId: 'saveContentVersion',
        summary: '保存新的内容版本（事项承办人或办公室）',
        description:
          '保存事项内容的新版本并写明原因。baseVersionNo（开始编辑时的版本）不是最新版本时为 409 stale_version，事项已办结时为 409 invalid_state。版本保存后不能修改或删除。',
        params: api.IdParams,
        body: api.SaveVersionBody,
        response: { 200: api.ContentVersion },
      },
    },
    async (req) => versions.save(actorOf(req), req.params.id, req.body),
  );
}
