import { z } from 'zod';
import { api } from '@xietiao/domain';
import type { ZodApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/auth/plugin';
import { requireRole } from '../../platform/auth/actor';
import { badRequest } from '../../platform/errors';
import { ActivityRuleSettingsSchema } from '@xietiao/domain';
import type { Container } from '../../container';
import { loadRuleSettings, saveRuleSettings } from './activities.settings';

const tags = ['activities'];
const Proposal = z.object({ leaderIds: z.array(z.string()), opinion: z.string() });
const RuleSettingsOut = z.object({ settings: z.record(z.string(), z.unknown()), version: z.number().int(), updatedAt: z.string().nullable() });

export function registerActivityRoutes(app: ZodApp, ctx: AppContext, { activities, calendar: schedule }: Container): void {
  app.get(
    '/api/v1/activities',
    { schema: { tags, summary: '领导公务活动列表', querystring: api.ActivityListQuery, response: { 200: api.pageOf(api.ActivitySummary) } } },
    async (req) => activities.list(actorOf(req), req.query),
  );
  app.post(
    '/api/v1/activities',
    { schema: { tags, summary: '登记领导出席申请（ACT-1）', body: api.ActivityRequestBody, response: { 200: api.ActivityDetail } } },
    async (req) => activities.create(actorOf(req), req.body),
  );
  app.get(
    '/api/v1/activities/:id',
    { schema: { tags, summary: '活动详情：规则判断、推荐人选、审批与确认', params: api.IdParams, response: { 200: api.ActivityDetail } } },
    async (req) => activities.detail(actorOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/activities/:id',
    { schema: { tags, summary: '修改活动信息', params: api.IdParams, body: api.ActivityPatchBody, response: { 200: api.ActivityDetail } } },
    async (req) => activities.update(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/activities/:id/suggestion',
    { schema: { tags, summary: '系统建议的拟办意见', params: api.IdParams, response: { 200: Proposal } } },
    async (req) => activities.suggestion(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/activities/:id/proposal',
    { schema: { tags, summary: '提出拟办意见并报主要领导审批（ACT-4）', params: api.IdParams, body: api.ProposeBody, response: { 200: api.ActivityDetail } } },
    async (req) => activities.propose(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/activities/:id/approval',
    {
      schema: { tags, summary: '主要领导审批：同意、调整、不同意或退回', params: api.IdParams, body: api.ApprovalBody, response: { 200: api.ActivityDetail } },
    },
    async (req) => activities.decide(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/activities/:id/confirmations',
    { schema: { tags, summary: '领导（或秘书）确认出席（ACT-6）', params: api.IdParams, body: api.ConfirmBody, response: { 200: api.ActivityDetail } } },
    async (req) => activities.confirm(actorOf(req), req.params.id, req.body.leaderId),
  );
  app.post(
    '/api/v1/activities/:id/reminder',
    { schema: { tags, summary: '负责人员确认“已提醒/已出发”（ACT-7）', params: api.IdParams, body: api.ReminderBody, response: { 200: api.ActivityDetail } } },
    async (req) => activities.remind(actorOf(req), req.params.id, req.body.state),
  );
  app.post(
    '/api/v1/activities/:id/reopen',
    { schema: { tags, summary: '重新协调（领导不能出席时）', params: api.IdParams, body: api.ReopenBody, response: { 200: api.ActivityDetail } } },
    async (req) => activities.reopen(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/schedule',
    { schema: { tags, summary: '领导日程（含冲突标记）', querystring: api.ScheduleQuery, response: { 200: z.object({ items: z.array(api.ScheduleEntry) }) } } },
    async (req) => ({
      items: await schedule.entries(actorOf(req), req.query.from, req.query.to, {
        leaderId: req.query.leaderId,
        includeProposed: req.query.includeProposed === '1',
      }),
    }),
  );
  app.get(
    '/api/v1/schedule/week',
    { schema: { tags, summary: '领导周活动安排表', querystring: api.WeekQuery, response: { 200: api.WeekTable } } },
    async (req) => schedule.week(actorOf(req), req.query.start),
  );
  app.get('/api/v1/schedule/week.xlsx', { schema: { tags, summary: '领导周活动安排表（XLSX）', querystring: api.WeekQuery } }, async (req, reply) => {
    const buf = await schedule.weekXlsx(actorOf(req), req.query.start);
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`领导周活动安排表-${req.query.start}.xlsx`)}`);
    return reply.send(buf);
  });
  app.get('/api/v1/schedule/feeds', { schema: { tags, summary: '我的日历订阅地址（ICS）', response: { 200: api.FeedLinks } } }, async (req) =>
    schedule.feedLinks(actorOf(req)),
  );

  /** ICS feeds: a secret URL per user; the feed shows only what that user may see. */
  const FeedParams = z.object({ token: z.string().min(10).max(100) });
  app.get('/api/feeds/:token/leaders.ics', { schema: { tags, summary: '全体领导活动日历（ICS）', params: FeedParams } }, async (req, reply) => {
    reply.header('content-type', 'text/calendar; charset=utf-8');
    return reply.send(await schedule.feed(req.params.token));
  });
  app.get(
    '/api/feeds/:token/leaders/:leaderId.ics',
    { schema: { tags, summary: '某位领导的活动日历（ICS）', params: FeedParams.extend({ leaderId: api.Id }) } },
    async (req, reply) => {
      reply.header('content-type', 'text/calendar; charset=utf-8');
      return reply.send(await schedule.feed(req.params.token, req.params.leaderId));
    },
  );

  app.get('/api/v1/activity-rules', { schema: { tags, summary: '领导出席活动规则（可配置）', response: { 200: RuleSettingsOut } } }, async (req) => {
    actorOf(req);
    const s = await loadRuleSettings(ctx.db);
    return { settings: s.value as unknown as Record<string, unknown>, version: s.version, updatedAt: s.updatedAt };
  });
  app.put(
    '/api/v1/activity-rules',
    { schema: { tags, summary: '修改领导出席活动规则（系统管理员）', body: api.ActivityRuleSettingsBody, response: { 200: RuleSettingsOut } } },
    async (req) => {
      const actor = actorOf(req);
      requireRole(actor, ['sysadmin'], '只有系统管理员可以修改活动规则');
      const parsed = ActivityRuleSettingsSchema.safeParse(req.body.settings);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw badRequest(`规则设置有误：${issue.message}`, ['body', 'settings', ...issue.path].join('.'));
      }
      await saveRuleSettings(ctx, actor.id, req.body.version, parsed.data);
      const s = await loadRuleSettings(ctx.db);
      return { settings: s.value as unknown as Record<string, unknown>, version: s.version, updatedAt: s.updatedAt };
    },
  );
}
