import { z } from 'zod';
import { api } from '@xietiao/domain';
import type { ZodApp } from '../app';
import type { AppContext } from '../platform/context';
import { actorOf } from '../platform/auth/plugin';
import type { NumberSeriesService } from './numbers.service';

const tags = ['numbers'];

/** K-5 number series (编号规则) and the register of numbers given out. */
export function registerNumberRoutes(app: ZodApp, _ctx: AppContext, { numberSeries: series }: { numberSeries: NumberSeriesService }): void {
  app.get(
    '/api/v1/number-series',
    {
      schema: {
        tags,
        summary: '编号规则列表（系统管理员、办公室）',
        querystring: api.NumberSeriesQuery,
        response: { 200: z.object({ items: z.array(api.NumberSeries) }) },
      },
    },
    async (req) => ({ items: await series.list(actorOf(req), req.query) }),
  );
  app.post(
    '/api/v1/number-series',
    { schema: { tags, summary: '新增编号规则（系统管理员）', body: api.CreateNumberSeriesBody, response: { 200: api.NumberSeries } } },
    async (req) => series.create(actorOf(req), req.body),
  );
  app.get('/api/v1/number-series/:id', { schema: { tags, summary: '编号规则', params: api.IdParams, response: { 200: api.NumberSeries } } }, async (req) =>
    series.get(actorOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/number-series/:id',
    { schema: { tags, summary: '修改编号规则（系统管理员）', params: api.IdParams, body: api.PatchNumberSeriesBody, response: { 200: api.NumberSeries } } },
    async (req) => series.update(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/number-series/:id/numbers',
    {
      schema: {
        tags,
        summary: '已编号登记（含作废号及作废人、时间、原因）',
        params: api.IdParams,
        querystring: api.AssignedNumbersQuery,
        response: { 200: api.pageOf(api.AssignedNumber) },
      },
    },
    async (req) => series.numbers(actorOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/v1/numbers/:id/void',
    {
      schema: {
        tags,
        summary: '作废编号（办公室、系统管理员；须写明原因）',
        params: api.IdParams,
        body: api.VoidNumberBody,
        response: { 200: api.AssignedNumber },
      },
    },
    async (req) => series.void(actorOf(req), req.params.id, req.body),
  );
}
