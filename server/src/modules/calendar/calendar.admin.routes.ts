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

export function registerCalendarAdminRoutes(app: ZodApp, _ctx: AppContext, { holidays: calendar }: Container): void {
  app.get(
    '/api/v1/calendar/years',
    {
      schema: {
        tags,
        operationId: 'listCalendarYears',
        summary: '各年度节假日数据状态（法定数据 / 管理员录入 / 缺失）',
        description: '各年度是已有法定数据、管理员已录入还是缺少节假日数据；missing 列出今年及以后缺少数据的年度，这些年度的期限按不含节假日计算并给出提示。',
        response: { 200: api.CalendarYears },
      },
    },
    async (req) => {
      actorOf(req);
      return calendar.years();
    },
  );
  app.get(
    '/api/v1/calendar/years/:year',
    {
      schema: {
        tags,
        operationId: 'getCalendarYear',
        summary: '某年度的节假日安排与单日调整',
        description: '某年度的数据状态、管理员录入的年度节假日安排通知和该年度的单日调整。',
        params: api.CalendarYearParams,
        response: { 200: api.CalendarYear },
      },
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
        operationId: 'saveYearNotice',
        summary: '录入年度节假日安排通知（替换该年度已录入的安排，系统管理员）',
        description:
          '系统管理员按国务院办公厅的年度通知录入节假日和调休上班日，替换该年度此前录入的安排；日期有误或重叠时为 400，path 指出字段（如 body.holidays[1].to）。',
        params: api.CalendarYearParams,
        body: api.YearNoticeInput,
        response: { 200: api.CalendarYear },
      },
    },
    async (req) => calendar.saveNotice(actorOf(req), req.params.year, req.body),
  );
  app.delete(
    '/api/v1/calendar/years/:year/notice',
    {
      schema: {
        tags,
        operationId: 'deleteYearNotice',
        summary: '撤销已录入的年度节假日安排（系统管理员）',
        description: '撤销该年度已录入的节假日安排，回到法定数据（没有时为缺少数据）。',
        params: api.CalendarYearParams,
        response: { 200: api.CalendarYear, 404: api.ErrorBody.describe('not_found：该年度没有录入的节假日安排') },
      },
    },
    async (req) => calendar.removeNotice(actorOf(req), req.params.year),
  );
  app.put(
    '/api/v1/calendar/overrides/:date',
    {
      schema: {
        tags,
        operationId: 'setCalendarOverride',
        summary: '单日调整：设为工作日或休息日（系统管理员）',
        description: '把某一天设为工作日或休息日并写明原因；该日已有调整时替换。',
        params: api.CalendarDateParams,
        body: api.CalendarOverrideInput,
        response: { 200: api.CalendarOverride },
      },
    },
    async (req) => calendar.setOverride(actorOf(req), req.params.date, req.body),
  );
  app.delete(
    '/api/v1/calendar/overrides/:date',
    {
      schema: {
        tags,
        operationId: 'deleteCalendarOverride',
        summary: '取消单日调整（系统管理员）',
        description: '取消某一天的单日调整。',
        params: api.CalendarDateParams,
        response: { 200: api.Ok, 404: api.ErrorBody.describe('not_found：该日没有单日调整') },
      },
    },
    async (req) => {
      await calendar.removeOverride(actorOf(req), req.params.date);
      return { ok: true as const };
    },
  );
}
