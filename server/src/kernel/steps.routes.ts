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
    {
      schema: {
        tags,
        operationId: 'listMatterSteps',
        summary: '事项的办理步骤（会签、传阅、承办、审批、征求意见）',
        description: '事项的全部办理步骤（含征求意见的各轮），从旧到新。',
        params: api.IdParams,
        response: { 200: api.StepList },
      },
    },
    async (req) => steps.forMatter(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/matters/:id/steps',
    {
      schema: {
        tags,
        operationId: 'openStep',
        summary: '发起办理步骤（办公室或事项负责人）',
        description: '在事项上发起一个办理步骤并指定参与者；办理顺序和完成规则默认按步骤类型。每个轮到的参与者的待办中出现一项任务。',
        params: api.IdParams,
        body: api.OpenStepBody,
        response: one,
      },
    },
    async (req) => steps.open(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/steps/:id',
    {
      schema: {
        tags,
        operationId: 'getStep',
        summary: '办理步骤详情',
        description: '一个办理步骤、其参与者及可选的反馈意见。',
        params: api.IdParams,
        response: one,
      },
    },
    async (req) => steps.get(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/steps/:id/respond',
    {
      schema: {
        tags,
        operationId: 'respondToStep',
        summary: '参与者反馈（外单位由办公室代为反馈）',
        description:
          '参与者反馈意见（取值见步骤的 responses）；外单位由办公室或事项负责人代为反馈（须给出 participantId）。不是参与者时为 403，未轮到、已反馈或步骤已结束时为 409。',
        params: api.IdParams,
        body: api.StepRespondBody,
        response: one,
      },
    },
    async (req) => steps.respond(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/steps/:id/participants',
    {
      schema: {
        tags,
        operationId: 'addStepParticipant',
        summary: '增加参与者',
        description: '办公室或事项负责人在步骤中增加参与者，可指定位置；不能插在当前轮到的参与者之前（422），已在步骤中时为 409 duplicate。',
        params: api.IdParams,
        body: api.AddParticipantBody,
        response: { ...one, 422: api.ErrorBody.describe('rule_violation：不能插在当前轮到的参与者之前（path 为 body.position）') },
      },
    },
    async (req) => steps.add(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/steps/:id/participants/:participantId/skip',
    {
      schema: {
        tags,
        operationId: 'skipStepParticipant',
        summary: '跳过参与者（须写明原因，如外出）',
        description: '跳过一位参与者（如外出）并写明原因，轮到下一位；不能跳过主办或最后一位还能反馈的参与者（422）。',
        params: api.StepParticipantParams,
        body: api.ParticipantReasonBody,
        response: { ...one, 422: api.ErrorBody.describe('rule_violation：该参与者不能跳过（如主办，或最后一位还能反馈的参与者）') },
      },
    },
    async (req) => steps.skip(actorOf(req), req.params.id, req.params.participantId, req.body),
  );
  app.post(
    '/api/v1/steps/:id/participants/:participantId/remove',
    {
      schema: {
        tags,
        operationId: 'removeStepParticipant',
        summary: '移除参与者（须写明原因）',
        description: '移除一位参与者并写明原因，其任务随之撤销；不能移除主办或最后一位还能反馈的参与者（422）。',
        params: api.StepParticipantParams,
        body: api.ParticipantReasonBody,
        response: { ...one, 422: api.ErrorBody.describe('rule_violation：该参与者不能移除（如主办，或最后一位还能反馈的参与者）') },
      },
    },
    async (req) => steps.remove(actorOf(req), req.params.id, req.params.participantId, req.body),
  );
  app.post(
    '/api/v1/steps/:id/participants/:participantId/reassign',
    {
      schema: {
        tags,
        operationId: 'reassignStepParticipant',
        summary: '转办给其他人员、部门或外单位（须写明原因）',
        description: '把一位参与者转办给其他人员、部门或外单位并写明原因，其任务转给新的参与者。',
        params: api.StepParticipantParams,
        body: api.ReassignParticipantBody,
        response: one,
      },
    },
    async (req) => steps.reassign(actorOf(req), req.params.id, req.params.participantId, req.body),
  );
  app.post(
    '/api/v1/steps/:id/extend',
    {
      schema: {
        tags,
        operationId: 'extendStep',
        summary: '延长期限（须写明原因）',
        description: '延长一位参与者（participantId）或全部未办结任务的期限，新期限（dueDate）或延长的工作日数（workingDays）二选一；新期限须晚于原期限。',
        params: api.IdParams,
        body: api.ExtendStepBody,
        response: one,
      },
    },
    async (req) => steps.extend(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/steps/:id/cancel',
    {
      schema: {
        tags,
        operationId: 'cancelStep',
        summary: '撤销办理步骤（须写明原因）',
        description: '撤销一个办理步骤并写明原因，其未办结的任务随之撤销；征求意见的一轮不能单独撤销（422）。',
        params: api.IdParams,
        body: api.CancelStepBody,
        response: { ...one, 422: api.ErrorBody.describe('rule_violation：征求意见的一轮须通过其再次征求或形成结论的接口结束') },
      },
    },
    async (req) => steps.cancel(actorOf(req), req.params.id, req.body),
  );
}
