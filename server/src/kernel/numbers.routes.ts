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
        operationId: 'listNumberSeries',
        summary: '编号规则列表（系统管理员、办公室）',
        description: '按机关、类别和年度列出编号规则，含下一个号（nextText）和已编号、已作废的数量。',
        querystring: api.NumberSeriesQuery,
        response: { 200: z.object({ items: z.array(api.NumberSeries) }), 403: api.ErrorBody.describe('forbidden：只有系统管理员或办公室人员可以查看编号规则') },
      },
    },
    async (req) => ({ items: await series.list(actorOf(req), req.query) }),
  );
  app.post(
    '/api/v1/number-series',
    {
      schema: {
        tags,
        operationId: 'createNumberSeries',
        summary: '新增编号规则（系统管理员）',
        description: '系统管理员新增一个机关某类文书某年度的编号规则；模板有误时为 400（path 为 body.template），代字已被占用时为 409 duplicate。',
        body: api.CreateNumberSeriesBody,
        response: { 200: api.NumberSeries },
      },
    },
    async (req) => series.create(actorOf(req), req.body),
  );
  app.get(
    '/api/v1/number-series/:id',
    {
      schema: {
        tags,
        operationId: 'getNumberSeries',
        summary: '编号规则',
        description: '一个编号规则及其下一个号。',
        params: api.IdParams,
        response: { 200: api.NumberSeries, 403: api.ErrorBody.describe('forbidden：只有系统管理员或办公室人员可以查看编号规则') },
      },
    },
    async (req) => series.get(actorOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/number-series/:id',
    {
      schema: {
        tags,
        operationId: 'updateNumberSeries',
        summary: '修改编号规则（系统管理员）',
        description: '系统管理员修改代字、模板、起始号或是否启用，须提交 version；已给出过编号后不能修改起始号（409 invalid_state）。',
        params: api.IdParams,
        body: api.PatchNumberSeriesBody,
        response: { 200: api.NumberSeries },
      },
    },
    async (req) => series.update(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/number-series/:id/numbers',
    {
      schema: {
        tags,
        operationId: 'listAssignedNumbers',
        summary: '已编号登记（含作废号及作废人、时间、原因）',
        description: '该规则给出的编号，新的在前：给了哪个事项（调用者能看到该事项时才有标题）、谁、何时；voided 筛选作废或未作废的。',
        params: api.IdParams,
        querystring: api.AssignedNumbersQuery,
        response: { 200: api.pageOf(api.AssignedNumber), 403: api.ErrorBody.describe('forbidden：只有系统管理员或办公室人员可以查看编号登记') },
      },
    },
    async (req) => series.numbers(actorOf(req), req.params.id, req.query),
  );
  app.post(
    '/api/v1/numbers/:id/void',
    {
      schema: {
        tags,
        operationId: 'voidNumber',
        summary: '作废编号（办公室、系统管理员；须写明原因）',
        description: '作废一个给错的编号并写明原因；已作废时为 409 invalid_state。作废的号不再使用。',
        params: api.IdParams,
        body: api.VoidNumberBody,
        response: { 200: api.AssignedNumber },
      },
    },
    async (req) => series.void(actorOf(req), req.params.id, req.body),
  );
}
