import { api } from '@xietiao/domain';
import type { ZodApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/auth/plugin';
import type { Container } from '../../container';

const tags = ['outgoing'];

/** 发文 (issue #11): OUT-1 drafting brief and the draft. Versions are read and compared on the kernel's routes (/matters/:id/versions…). */
export function registerOutgoingRoutes(app: ZodApp, _ctx: AppContext, { outgoing }: Container): void {
  app.get(
    '/api/v1/outgoing',
    {
      schema: {
        tags,
        operationId: 'listOutgoing',
        summary: '发文列表',
        description: '调用者知悉范围内的发文，新建的在前，可按标题（q）查找。',
        querystring: api.OutgoingListQuery,
        response: { 200: api.pageOf(api.OutgoingSummary) },
      },
    },
    async (req) => outgoing.list(actorOf(req), req.query),
  );
  app.post(
    '/api/v1/outgoing',
    {
      schema: {
        tags,
        operationId: 'createOutgoing',
        summary: '新建发文（OUT-1）',
        description:
          '办公室，或部门联络员、拟稿人为本部门，新建一件发文：事由、起草部门、交代的领导（一位或几位）、拟用文种、密级和紧急程度。涉密公文不在本系统办理（400）。发文进入“拟稿中”。',
        body: api.OutgoingCreateBody,
        response: { 200: api.OutgoingDetail },
      },
    },
    async (req) => outgoing.create(actorOf(req), req.body),
  );
  app.get(
    '/api/v1/outgoing/:id',
    {
      schema: {
        tags,
        operationId: 'getOutgoing',
        summary: '发文详情：交代、统一意图、文稿及检查结果、版本',
        description:
          '发文事项、领导交代、统一意图（及其依据）、当前文稿和规则引擎对它的检查结果、统一意图和文稿的版本列表，以及调用者可执行的操作。不在知悉范围内时为 404。',
        params: api.IdParams,
        response: { 200: api.OutgoingDetail },
      },
    },
    async (req) => outgoing.detail(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/outgoing/:id/instructions',
    {
      schema: {
        tags,
        operationId: 'recordOutgoingInstruction',
        summary: '记录领导交代（OUT-1）',
        description:
          '交代此文的领导记录本人的交代，或办公室代领导记录（如电话交代，记录中注明由办公室代记）：交代人、日期、方式和内容。须提交事项的 version（已被他人更新时 409）。',
        params: api.IdParams,
        body: api.OutgoingInstructionBody,
        response: { 200: api.OutgoingDetail },
      },
    },
    async (req) => outgoing.instruct(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/outgoing/:id/intent',
    {
      schema: {
        tags,
        operationId: 'saveOutgoingIntent',
        summary: '保存统一意图（OUT-1）',
        description: '办公室根据领导交代拟定统一意图并注明依据的交代；每次保存为一个新版本。baseVersionNo 不是统一意图的最新版本时 409 stale_version。',
        params: api.IdParams,
        body: api.OutgoingIntentBody,
        response: { 200: api.OutgoingDetail },
      },
    },
    async (req) => outgoing.saveIntent(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/outgoing/:id/draft',
    {
      schema: {
        tags,
        operationId: 'saveOutgoingDraft',
        summary: '保存文稿（新版本）',
        description:
          '拟稿人或办公室保存文稿的结构化字段，每次保存为一个新版本，并返回规则引擎对新文稿的检查结果。baseVersionNo 不是文稿的最新版本时 409 stale_version；机关不是本系统中的机关时 400，path 指出字段。',
        params: api.IdParams,
        body: api.OutgoingDraftBody,
        response: { 200: api.OutgoingDetail },
      },
    },
    async (req) => outgoing.saveDraft(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/outgoing/:id/draft/check',
    {
      schema: {
        tags,
        operationId: 'checkOutgoingDraft',
        summary: '检查文稿（不保存）',
        description: '用规则引擎检查正在编辑的文稿，不保存：编辑时随改随查。拟稿人或办公室在文稿可修改时使用。',
        params: api.IdParams,
        body: api.OutgoingCheckBody,
        response: { 200: api.OutgoingCheckResult },
      },
    },
    async (req) => outgoing.check(actorOf(req), req.params.id, req.body),
  );
}
