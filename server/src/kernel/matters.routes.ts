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
    { schema: { tags, summary: '事项列表（仅限知悉范围内）', querystring: api.MatterListQuery, response: { 200: api.pageOf(api.MatterSummary) } } },
    async (req) => matters.list(actorOf(req), req.query),
  );
  app.post('/api/v1/matters', { schema: { tags, summary: '登记协调事项', body: api.CreateMatterBody, response: { 200: api.MatterDetail } } }, async (req) =>
    matters.create(actorOf(req), req.body),
  );
  app.get('/api/v1/matters/:id', { schema: { tags, summary: '事项详情', params: api.IdParams, response: { 200: api.MatterDetail } } }, async (req) =>
    matters.get(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/matters/:id/events/:event',
    { schema: { tags, summary: '流转（按流程表）', params: EventParams, body: api.FireEventBody, response: { 200: api.MatterDetail } } },
    async (req) => matters.fireEvent(actorOf(req), req.params.id, req.params.event, req.body),
  );
  app.post(
    '/api/v1/matters/:id/instructions',
    { schema: { tags, summary: '领导批示', params: api.IdParams, body: api.CreateInstructionBody, response: { 200: api.MatterDetail } } },
    async (req) => matters.addInstruction(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/matters/:id/leader-requests',
    { schema: { tags, summary: '报请领导批示（拿不准的问题报分管领导）', params: api.IdParams, body: api.AskLeaderBody, response: { 200: api.MatterDetail } } },
    async (req) => matters.askLeader(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/matters/:id/links',
    { schema: { tags, summary: '关联事项', params: api.IdParams, body: api.CreateLinkBody, response: { 200: api.MatterDetail } } },
    async (req) => matters.addLink(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/matters/:id/share',
    { schema: { tags, summary: '分送阅知（扩大知悉范围）', params: api.IdParams, body: api.ShareBody, response: { 200: api.MatterDetail } } },
    async (req) => matters.share(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/matters/:id/tasks',
    { schema: { tags, summary: '交办任务', params: api.IdParams, body: api.CreateTaskBody, response: { 200: api.Task } } },
    async (req) => tasks.add(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/tasks/:id/complete',
    { schema: { tags, summary: '办结任务', params: api.IdParams, body: api.CompleteTaskBody, response: { 200: api.Task } } },
    async (req) => tasks.complete(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/tasks/:id/chase',
    { schema: { tags, summary: '催办（提醒承办人，留有记录）', params: api.IdParams, body: api.ChaseTaskBody, response: { 200: api.Task } } },
    async (req) => tasks.chase(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/tasks/:id/extend',
    { schema: { tags, summary: '延长期限（须写明理由）', params: api.IdParams, body: api.ExtendTaskBody, response: { 200: api.Task } } },
    async (req) => tasks.extend(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/matters/:id/consultations',
    { schema: { tags, summary: '发起征求意见', params: api.IdParams, body: api.CreateConsultationBody, response: { 200: api.Consultation } } },
    async (req) => consultations.start(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/consultations/:id/rounds',
    { schema: { tags, summary: '新一轮协商', params: api.IdParams, body: api.NewRoundBody, response: { 200: api.Consultation } } },
    async (req) => consultations.newRound(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/consultations/:id/respond',
    { schema: { tags, summary: '反馈意见', params: api.IdParams, body: api.RespondBody, response: { 200: api.Consultation } } },
    async (req) => consultations.respond(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/consultations/:id/settle',
    { schema: { tags, summary: '确定协商结果或报领导定夺', params: api.IdParams, body: api.SettleConsultationBody, response: { 200: api.Consultation } } },
    async (req) => consultations.settle(actorOf(req), req.params.id, req.body),
  );

  const LifecycleOut = z.object({
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
  });
  app.get('/api/v1/lifecycles', { schema: { tags, summary: '流程定义', response: { 200: LifecycleOut } } }, async (req) => {
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
  });
}
