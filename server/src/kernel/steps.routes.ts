import { api } from '@xietiao/domain';
import type { ZodApp } from '../app';
import type { AppContext } from '../platform/context';
import { actorOf } from '../platform/auth/plugin';
import type { StepsService } from './steps.service';

const tags = ['steps'];

/** K-3 steps with participants: open on a matter, respond, adjust mid-way, read a matter's steps. */
export function registerStepRoutes(app: ZodApp, _ctx: AppContext, { steps }: { steps: StepsService }): void {
  const one = { 200: api.Step };
  app.get(
    '/api/v1/matters/:id/steps',
    { schema: { tags, summary: '事项的办理步骤（会签、传阅、承办、审批、征求意见）', params: api.IdParams, response: { 200: api.StepList } } },
    async (req) => steps.forMatter(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/matters/:id/steps',
    { schema: { tags, summary: '发起办理步骤（办公室或事项负责人）', params: api.IdParams, body: api.OpenStepBody, response: one } },
    async (req) => steps.open(actorOf(req), req.params.id, req.body),
  );
  app.get('/api/v1/steps/:id', { schema: { tags, summary: '办理步骤详情', params: api.IdParams, response: one } }, async (req) =>
    steps.get(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/steps/:id/respond',
    { schema: { tags, summary: '参与者反馈（外单位由办公室代为反馈）', params: api.IdParams, body: api.StepRespondBody, response: one } },
    async (req) => steps.respond(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/steps/:id/participants',
    { schema: { tags, summary: '增加参与者', params: api.IdParams, body: api.AddParticipantBody, response: one } },
    async (req) => steps.add(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/steps/:id/participants/:participantId/skip',
    { schema: { tags, summary: '跳过参与者（须写明原因，如外出）', params: api.StepParticipantParams, body: api.ParticipantReasonBody, response: one } },
    async (req) => steps.skip(actorOf(req), req.params.id, req.params.participantId, req.body),
  );
  app.post(
    '/api/v1/steps/:id/participants/:participantId/remove',
    { schema: { tags, summary: '移除参与者（须写明原因）', params: api.StepParticipantParams, body: api.ParticipantReasonBody, response: one } },
    async (req) => steps.remove(actorOf(req), req.params.id, req.params.participantId, req.body),
  );
  app.post(
    '/api/v1/steps/:id/participants/:participantId/reassign',
    {
      schema: {
        tags,
        summary: '转办给其他人员、部门或外单位（须写明原因）',
        params: api.StepParticipantParams,
        body: api.ReassignParticipantBody,
        response: one,
      },
    },
    async (req) => steps.reassign(actorOf(req), req.params.id, req.params.participantId, req.body),
  );
  app.post(
    '/api/v1/steps/:id/extend',
    { schema: { tags, summary: '延长期限（须写明原因）', params: api.IdParams, body: api.ExtendStepBody, response: one } },
    async (req) => steps.extend(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/steps/:id/cancel',
    { schema: { tags, summary: '撤销办理步骤（须写明原因）', params: api.IdParams, body: api.CancelStepBody, response: one } },
    async (req) => steps.cancel(actorOf(req), req.params.id, req.body),
  );
}
