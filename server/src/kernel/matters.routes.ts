import { z } from 'zod';
import { api, LIFECYCLES, toMermaid } from '@xietiao/domain';
import type { ZodApp } from '../app';
import type { AppContext } from '../platform/context';
import { actorOf } from '../platform/auth/plugin';
import type { Container } from '../container';

const tags = ['matters'];
const EventParams = z.object({ id: api.Id, event: z.string().min(1).max(40) });

export function registerMatterRoutes(app: ZodApp, _ctx: AppContext, { matters, tasks, consultations }: Container): void {
  app.get(
    '/api/v1/matters',
    {
      schema: {
        tags,
        operationId: 'listMatters',
        summary: '事项列表（仅限知悉范围内）',
        description: '调用者知悉范围内的事项（各种类型），可按类型、状态、标题（q）筛选，mine=1 只看本人负责的；最近更新的在前。',
        querystring: api.MatterListQuery,
        response: { 200: api.pageOf(api.MatterSummary) },
      },
    },
    async (req) => matters.list(actorOf(req), req.query),
  );
  app.post(
    '/api/v1/matters',
    {
      schema: {
        tags,
        operationId: 'createMatter',
        summary: '登记协调事项',
        description: '办公室或领导登记一项协调事项，可指定负责部门、负责人、期限（工作日）和知悉范围；返回登记后的事项详情。',
        body: api.CreateMatterBody,
        response: { 200: api.MatterDetail },
      },
    },
    async (req) => matters.create(actorOf(req), req.body),
  );
  app.get(
    '/api/v1/matters/:id',
    {
      schema: {
        tags,
        operationId: 'getMatter',
        summary: '事项详情',
        description: '事项及其任务、征求意见、批示、关联事项、办理记录、附件，以及调用者现在可执行的操作（allowedActions）。不在知悉范围内时为 404。',
        params: api.IdParams,
        response: { 200: api.MatterDetail },
      },
    },
    async (req) => matters.get(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/matters/:id/events/:event',
    {
      schema: {
        tags,
        operationId: 'fireMatterEvent',
        summary: '流转（按流程表）',
        description:
          '按流程表执行一次通用流转（event 为流程定义中的事件），须提交 version，流程要求时须填写意见（comment）。由专门接口办理的流转在此被拒绝（422 owned_event，message 指出该用的接口）。',
        params: EventParams,
        body: api.FireEventBody,
        response: {
          200: api.MatterDetail,
          422: api.ErrorBody.describe('owned_event：该流转须通过专门的接口办理；rule_violation：流程规则不允许（如仍有未解决的分歧、未办结的任务）'),
        },
      },
    },
    async (req) => matters.fireEvent(actorOf(req), req.params.id, req.params.event, req.body),
  );
  app.post(
    '/api/v1/matters/:id/instructions',
    {
      schema: {
        tags,
        operationId: 'addInstruction',
        summary: '领导批示',
        description: '领导对事项作出批示（或审批、决定）；报请批示形成的任务随之办结。',
        params: api.IdParams,
        body: api.CreateInstructionBody,
        response: { 200: api.MatterDetail },
      },
    },
    async (req) => matters.addInstruction(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/matters/:id/leader-requests',
    {
      schema: {
        tags,
        operationId: 'askLeader',
        summary: '报请领导批示（拿不准的问题报分管领导）',
        description: '把拿不准的问题报请领导批示：默认报负责部门的分管领导，也可指定领导（leaderIds）；领导的待办中出现一项任务，其批示办结该任务。',
        params: api.IdParams,
        body: api.AskLeaderBody,
        response: { 200: api.MatterDetail },
      },
    },
    async (req) => matters.askLeader(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/matters/:id/links',
    {
      schema: {
        tags,
        operationId: 'addMatterLink',
        summary: '关联事项',
        description: '把本事项与另一事项关联（相关、答复、落实、议题、重新报送、依据），两边的事项详情都显示该关联。',
        params: api.IdParams,
        body: api.CreateLinkBody,
        response: { 200: api.MatterDetail },
      },
    },
    async (req) => matters.addLink(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/matters/:id/share',
    {
      schema: {
        tags,
        operationId: 'shareMatter',
        summary: '分送阅知（扩大知悉范围）',
        description: '把事项分送给人员或部门，扩大知悉范围；toRead 为 true 时同时进入对方的待阅。',
        params: api.IdParams,
        body: api.ShareBody,
        response: { 200: api.MatterDetail },
      },
    },
    async (req) => matters.share(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/matters/:id/tasks',
    {
      schema: {
        tags,
        operationId: 'createTask',
        summary: '交办任务',
        description: '把事项交给一个人员或一个部门办理（承办、报送材料、审核），期限按工作日计；progressEveryWorkingDays 设定督办提醒的间隔。',
        params: api.IdParams,
        body: api.CreateTaskBody,
        response: { 200: api.Task },
      },
    },
    async (req) => tasks.add(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/tasks/:id/complete',
    {
      schema: {
        tags,
        operationId: 'completeTask',
        summary: '办结任务',
        description: '承办人（或承办部门人员）写明办理结果，办结任务；须提交 version。办理步骤产生的任务须通过 /api/v1/steps/{id}/respond 反馈（400）。',
        params: api.IdParams,
        body: api.CompleteTaskBody,
        response: { 200: api.Task },
      },
    },
    async (req) => tasks.complete(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/tasks/:id/chase',
    {
      schema: {
        tags,
        operationId: 'chaseTask',
        summary: '催办（提醒承办人，留有记录）',
        description: '催办未办结的任务：通知承办人，并记入任务的催办记录（chases）。',
        params: api.IdParams,
        body: api.ChaseTaskBody,
        response: { 200: api.Task },
      },
    },
    async (req) => tasks.chase(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/tasks/:id/extend',
    {
      schema: {
        tags,
        operationId: 'extendTask',
        summary: '延长期限（须写明理由）',
        description: '把未办结任务的期限延至 dueDate 并写明理由；提醒按新期限重新安排。',
        params: api.IdParams,
        body: api.ExtendTaskBody,
        response: { 200: api.Task },
      },
    },
    async (req) => tasks.extend(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/matters/:id/consultations',
    {
      schema: {
        tags,
        operationId: 'startConsultation',
        summary: '发起征求意见',
        description: '就事项的一个问题征求部门或人员的意见，对方的待办中各出现一项任务。',
        params: api.IdParams,
        body: api.CreateConsultationBody,
        response: { 200: api.Consultation },
      },
    },
    async (req) => consultations.start(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/consultations/:id/rounds',
    {
      schema: {
        tags,
        operationId: 'startConsultationRound',
        summary: '新一轮协商',
        description: '对有分歧的征求意见再发起一轮协商，须提交 version；上一轮的意见保留。',
        params: api.IdParams,
        body: api.NewRoundBody,
        response: { 200: api.Consultation },
      },
    },
    async (req) => consultations.newRound(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/consultations/:id/respond',
    {
      schema: {
        tags,
        operationId: 'respondToConsultation',
        summary: '反馈意见',
        description: '征求意见的对象反馈：同意、原则同意（有修改意见）或不同意；后两者须写明理由。意见一经反馈不能修改。',
        params: api.IdParams,
        body: api.RespondBody,
        response: { 200: api.Consultation },
      },
    },
    async (req) => consultations.respond(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/consultations/:id/settle',
    {
      schema: {
        tags,
        operationId: 'settleConsultation',
        summary: '确定协商结果或报领导定夺',
        description: '写明协商结果，结束征求意见；escalate 为 true 时报领导定夺。须提交 version。',
        params: api.IdParams,
        body: api.SettleConsultationBody,
        response: { 200: api.Consultation },
      },
    },
    async (req) => consultations.settle(actorOf(req), req.params.id, req.body),
  );

  const LifecycleOut = z
    .object({
      items: z.array(
        z.object({
          kind: z.string(),
          label: z.string(),
          initial: z.string(),
          mermaid: z.string(),
          states: z.array(z.object({ state: z.string(), label: z.string(), terminal: z.boolean() })),
          events: z.array(
            z.object({ event: z.string(), label: z.string(), from: z.array(z.string()), to: z.string(), by: z.array(z.string()), guards: z.array(z.string()) }),
          ),
        }),
      ),
    })
    .describe('各类事项的流程定义');
  app.get(
    '/api/v1/lifecycles',
    {
      schema: {
        tags,
        operationId: 'listLifecycles',
        summary: '流程定义',
        description: '各类事项的流程定义：状态、事件（从哪些状态到哪个状态、由谁执行、有哪些条件），附 Mermaid 状态图。',
        response: { 200: LifecycleOut },
      },
    },
    async (req) => {
      actorOf(req);
      return {
        items: Object.values(LIFECYCLES).map((lc) => ({
          kind: lc.kind,
          label: lc.label,
          initial: lc.initial,
          mermaid: toMermaid(lc),
          states: Object.entries(lc.states).map(([state, s]) => ({ state, label: s.label, terminal: s.terminal === true })),
          events: Object.entries(lc.events).map(([event, t]) => ({
            event,
            label: t.label,
            from: [...t.from],
            to: t.to,
            by: [...t.by],
            guards: [...(t.guards ?? [])],
          })),
        })),
      };
    },
  );
}
