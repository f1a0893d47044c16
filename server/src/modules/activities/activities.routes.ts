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
const Proposal = z.object({ leaderIds: z.array(z.string()), opinion: z.string() }).describe('拟办建议：拟出席的领导和意见文字');
const RuleSettingsOut = z
  .object({ settings: z.record(z.string(), z.unknown()), version: z.number().int(), updatedAt: api.Timestamp.nullable() })
  .describe('规则设置及其版本和修改时间');

export function registerActivityRoutes(app: ZodApp, ctx: AppContext, { activities, calendar: schedule }: Container): void {
  app.get(
    '/api/v1/activities',
    {
      schema: {
        tags,
        operationId: 'listActivities',
        summary: '领导公务活动列表',
        description: '调用者知悉范围内的领导公务活动，可按状态、日期范围（from、to）和标题（q）筛选。',
        querystring: api.ActivityListQuery,
        response: { 200: api.pageOf(api.ActivitySummary) },
      },
    },
    async (req) => activities.list(actorOf(req), req.query),
  );
  app.post(
    '/api/v1/activities',
    {
      schema: {
        tags,
        operationId: 'createActivity',
        summary: '登记领导出席申请（ACT-1）',
        description: '登记一项请领导出席的活动，进入办公室的待办；系统按出席规则作出判断并推荐人选。organiserDepartmentId 必填（外单位主办时为 null）。',
        body: api.ActivityRequestBody,
        response: { 200: api.ActivityDetail },
      },
    },
    async (req) => activities.create(actorOf(req), req.body),
  );
  app.get(
    '/api/v1/activities/:id',
    {
      schema: {
        tags,
        operationId: 'getActivity',
        summary: '活动详情：规则判断、推荐人选、审批与确认',
        description:
          '活动信息、规则判断、推荐人选（仅办公室和主要领导可见）、审批和出席确认情况、提醒，以及调用者可执行的操作（allowedActions）和可代为确认的领导。',
        params: api.IdParams,
        response: { 200: api.ActivityDetail },
      },
    },
    async (req) => activities.detail(actorOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/activities/:id',
    {
      schema: {
        tags,
        operationId: 'updateActivity',
        summary: '修改活动信息',
        description: '办公室，或主办方在“已登记”状态时，修改活动信息：只修改请求中给出的字段，须提交 version。',
        params: api.IdParams,
        body: api.ActivityPatchBody,
        response: { 200: api.ActivityDetail },
      },
    },
    async (req) => activities.update(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/activities/:id/suggestion',
    {
      schema: {
        tags,
        operationId: 'getActivitySuggestion',
        summary: '系统建议的拟办意见',
        description: '系统按出席规则和推荐人选生成的拟办意见（拟出席领导和意见文字），供办公室拟办时参考。',
        params: api.IdParams,
        response: { 200: Proposal, 403: api.ErrorBody.describe('forbidden：拟办建议仅供办公室使用') },
      },
    },
    async (req) => activities.suggestion(actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/activities/:id/proposal',
    {
      schema: {
        tags,
        operationId: 'proposeActivity',
        summary: '提出拟办意见并报主要领导审批（ACT-4）',
        description: '办公室提出拟办意见（拟出席领导、意见文字、负责人员），报主要领导审批；活动转为“待主要领导审批”。',
        params: api.IdParams,
        body: api.ProposeBody,
        response: { 200: api.ActivityDetail, 422: api.ErrorBody.describe('rule_violation：尚不具备报批的条件（如没有拟办意见）') },
      },
    },
    async (req) => activities.propose(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/activities/:id/approval',
    {
      schema: {
        tags,
        operationId: 'decideActivity',
        summary: '主要领导审批：同意、调整、不同意或退回',
        description: '主要领导审批：同意、调整出席领导后同意、不同意或退回重新拟办；除同意外须写明批示意见。批准后，与之时间冲突的其他活动转为重新协调。',
        params: api.IdParams,
        body: api.ApprovalBody,
        response: { 200: api.ActivityDetail },
      },
    },
    async (req) => activities.decide(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/activities/:id/confirmations',
    {
      schema: {
        tags,
        operationId: 'confirmActivityAttendance',
        summary: '领导（或秘书）确认出席（ACT-6）',
        description: '出席领导本人、其秘书或办公室确认该领导出席；出席领导均已确认时活动转为“已确认”。',
        params: api.IdParams,
        body: api.ConfirmBody,
        response: { 200: api.ActivityDetail },
      },
    },
    async (req) => activities.confirm(actorOf(req), req.params.id, req.body.leaderId),
  );
  app.post(
    '/api/v1/activities/:id/reminder',
    {
      schema: {
        tags,
        operationId: 'confirmActivityReminder',
        summary: '负责人员确认“已提醒/已出发”（ACT-7）',
        description: '负责人员或办公室记录已提醒领导（reminded）或领导已出发（departed）。',
        params: api.IdParams,
        body: api.ReminderBody,
        response: { 200: api.ActivityDetail },
      },
    },
    async (req) => activities.remind(actorOf(req), req.params.id, req.body.state),
  );
  app.post(
    '/api/v1/activities/:id/reopen',
    {
      schema: {
        tags,
        operationId: 'reopenActivity',
        summary: '重新协调（领导不能出席时）',
        description: '领导不能出席时重新协调：写明原因，撤回该领导（leaderId），活动转为“重新协调中”，由办公室重新拟办。',
        params: api.IdParams,
        body: api.ReopenBody,
        response: { 200: api.ActivityDetail },
      },
    },
    async (req) => activities.reopen(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/schedule',
    {
      schema: {
        tags,
        operationId: 'listScheduleEntries',
        summary: '领导日程（含冲突标记）',
        description: 'from 至 to 期间各位领导的活动和外出、请假，标出时间冲突；可只看一位领导（leaderId），includeProposed=1 时包括尚待审批的拟出席。',
        querystring: api.ScheduleQuery,
        response: { 200: z.object({ items: z.array(api.ScheduleEntry) }) },
      },
    },
    async (req) => ({
      items: await schedule.entries(actorOf(req), req.query.from, req.query.to, {
        leaderId: req.query.leaderId,
        includeProposed: req.query.includeProposed === '1',
      }),
    }),
  );
  app.get(
    '/api/v1/schedule/week',
    {
      schema: {
        tags,
        operationId: 'getWeekSchedule',
        summary: '领导周活动安排表',
        description: '从 start 起一周、每位领导一行的活动安排表（领导周活动安排表）。',
        querystring: api.WeekQuery,
        response: { 200: api.WeekTable },
      },
    },
    async (req) => schedule.week(actorOf(req), req.query.start),
  );
  app.get(
    '/api/v1/schedule/week.xlsx',
    {
      schema: {
        tags,
        operationId: 'exportWeekScheduleXlsx',
        summary: '领导周活动安排表（XLSX）',
        description: '同一张领导周活动安排表，导出为 Excel 文件。',
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        querystring: api.WeekQuery,
      },
    },
    async (req, reply) => {
      const buf = await schedule.weekXlsx(actorOf(req), req.query.start);
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`领导周活动安排表-${req.query.start}.xlsx`)}`);
      return reply.send(buf);
    },
  );
  app.get(
    '/api/v1/schedule/feeds',
    {
      schema: {
        tags,
        operationId: 'getCalendarFeedLinks',
        summary: '我的日历订阅地址（ICS）',
        description: '调用者本人的日历订阅地址（全体领导，以及每位领导），可在 Outlook、手机日历中订阅。地址含个人密钥，只显示本人可以看到的活动，不要分享。',
        response: { 200: api.FeedLinks },
      },
    },
    async (req) => schedule.feedLinks(actorOf(req)),
  );

  /** ICS feeds: a secret URL per user; the feed shows only what that user may see. */
  const FeedParams = z.object({ token: z.string().min(10).max(100) });
  app.get(
    '/api/feeds/:token/leaders.ics',
    {
      schema: {
        tags,
        operationId: 'getLeadersFeed',
        summary: '全体领导活动日历（ICS）',
        description: '不需要登录：地址中的密钥代替会话。返回该地址所属人员可以看到的全体领导的活动；地址无效或账号已停用时为 404。',
        produces: ['text/calendar'],
        params: FeedParams,
      },
    },
    async (req, reply) => {
      reply.header('content-type', 'text/calendar; charset=utf-8');
      return reply.send(await schedule.feed(req.params.token));
    },
  );
  app.get(
    '/api/feeds/:token/leaders/:leaderId.ics',
    {
      schema: {
        tags,
        operationId: 'getLeaderFeed',
        summary: '某位领导的活动日历（ICS）',
        description: '不需要登录：地址中的密钥代替会话。返回该地址所属人员可以看到的、这位领导的活动；地址无效或账号已停用时为 404。',
        produces: ['text/calendar'],
        params: FeedParams.extend({ leaderId: api.Id }),
      },
    },
    async (req, reply) => {
      reply.header('content-type', 'text/calendar; charset=utf-8');
      return reply.send(await schedule.feed(req.params.token, req.params.leaderId));
    },
  );

  app.get(
    '/api/v1/activity-rules',
    {
      schema: {
        tags,
        operationId: 'getActivityRules',
        summary: '领导出席活动规则（可配置）',
        description: '领导出席活动的规则设置（ACT-2：规则即数据）及其版本和修改时间。',
        response: { 200: RuleSettingsOut },
      },
    },
    async (req) => {
      actorOf(req);
      const s = await loadRuleSettings(ctx.db);
      return { settings: s.value as unknown as Record<string, unknown>, version: s.version, updatedAt: s.updatedAt };
    },
  );
  app.put(
    '/api/v1/activity-rules',
    {
      schema: {
        tags,
        operationId: 'updateActivityRules',
        summary: '修改领导出席活动规则（系统管理员）',
        description: '系统管理员修改规则设置，须提交 version；设置不合规时为 400，path 指出字段（如 body.settings.quota.max）。',
        body: api.ActivityRuleSettingsBody,
        response: { 200: RuleSettingsOut },
      },
    },
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
