import { z } from 'zod';
import { checkJson } from '@xietiao/domain/checks/index';
import type { ZodApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/auth/plugin';
import { badRequest } from '../../platform/errors';

const Finding = z.object({ rule: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(), path: z.string() });

/** 公文合规检查 over HTTP, per the fixed contract (check-contract.md). */
export function registerCheckRoutes(app: ZodApp, _ctx: AppContext): void {
  app.post(
    '/api/v1/checks/document',
    {
      schema: {
        tags: ['checks'],
        operationId: 'checkDocument',
        summary: '公文合规检查（文种、行文规则、格式、签发）',
        description: '输入与输出见 check-contract.md：200 返回 findings；输入不符合格式时 400，path 指出出错字段。',
        body: z.looseObject({}),
        response: {
          200: z.object({ findings: z.array(Finding) }).describe('检查结果：每条 finding 给出规则、严重程度、说明和出处（path）；没有问题时为空列表'),
        },
      },
    },
    async (req) => {
      actorOf(req);
      const r = checkJson(req.body);
      if (!r.ok) throw badRequest(r.message.startsWith(r.path) ? r.message : `${r.path}: ${r.message}`, r.path);
      return r.result;
    },
  );
}
