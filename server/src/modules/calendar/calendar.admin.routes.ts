/**
 * The administrator's part of the holiday calendar (K-8, docs/api.md “Calendar”): the years and
 * their status, single overrides, the yearly notice. Reading needs a login; writing is for the
 * system administrator (the service refuses everyone else with 403).
 */
import { api } from '@xietiao/domain';
import type { ZodApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/auth/plugin';
import type { Container } from '../../container';

const tags = ['calendar'];
const errors = { 400: api.ErrorBody, 401: api.ErrorBody, 403: api.ErrorBody, 404: api.ErrorBody, 409: api.ErrorBody };

export function registerCalendarAdminRoutes(app: ZodApp, _ctx: AppContext, { holidays: calendar }: Container): void {
  app.get(
    '/api/v1/calendar/years',
    {
      schema: { tags, summary: '各年度节假日数据状态（法定数据 / 管理员录入 / 缺失）', response: { 200: api.CalendarYears, ...errors } },
    },
    async (req) => {
      actorOf(req);
      return calendar.years();
    },
  );
  app.get(
    '/api/v1/calendar/years/:year',
    {
      schema: { tags, summary: '某年度的节假日安排与单日调整', params: api.CalendarYearParams, response: { 200: api.CalendarYear, ...errors } },
    },
    async (req) => {
      actorOf(req);
      return calendar.year(req.params.year);
    },
  );
  app.put(
    '/api/v1/calendar/years/:year/notice',
    {
      schema: {
        tags,
        summary: '录入年度节假日安排通知（替换该年度已录入的安排，系统管理员）',
        params: api.CalendarYearParams,
        body: api.YearNoticeInput,
        response: { 200: api.CalendarYear, ...errors },
      },
    },
    async (req) => calendar.saveNotice(actorOf(req), req.params.year, req.body),
  );
  app.delete(
    '/api/v1/calendar/years/:year/notice',
    {
      schema: { tags, summary: '撤销已录入的年度节假日安排（系统管理员）', params: api.CalendarYearParams, response: { 200: api.CalendarYear, ...errors } },
    },
    async (req) => calendar.removeNotice(actorOf(req), req.params.year),
  );
  app.put(
    '/api/v1/calendar/overrides/:date',
    {
      schema: {
        tags,
        summary: '单日调整：设为工作日或休息日（系统管理员）',
        params: api.CalendarDateParams,
        body: api.CalendarOverrideInput,
        response: { 200: api.CalendarOverride, ...errors },
      },
    },
    async (req) => calendar.setOverride(actorOf(req), req.params.date, req.body),
  );
  app.delete(
    '/api/v1/calendar/overrides/:date',
    {
      schema: { tags, summary: '取消单日调整（系统管理员）', params: api.CalendarDateParams, response: { 200: api.Ok, ...errors } },
    },
    async (req) => {
      await calendar.removeOverride(actorOf(req), req.params.date);
      return { ok: true as const };
    },
  );
}
