import { z } from 'zod';
import { addCalendarDays, addWorkingDays, api, dayInfo, deadlineWarning } from '@xietiao/domain';
import type { ZodApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/auth/plugin';
import { badRequest } from '../../platform/errors';

const tags = ['calendar'];

/** The statutory working-day calendar with 调休, the administrator's entries applied (K-8). */
export function registerCalendarRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/api/v1/calendar/days',
    {
      schema: {
        tags,
        operationId: 'listCalendarDays',
        summary: '工作日历（法定节假日与调休）',
        description: '逐日列出 from 至 to（最多400天）是否工作日，及其依据：法定数据、管理员录入的年度通知、单日调整，或缺少数据。',
        querystring: z.object({ from: api.IsoDate, to: api.IsoDate }),
        response: { 200: z.object({ items: z.array(api.DayInfo) }) },
      },
    },
    async (req) => {
      actorOf(req);
      const { from, to } = req.query;
      if (to < from) throw badRequest('结束日期不能早于开始日期', 'query.to');
      if (addCalendarDays(from, 400) < to) throw badRequest('一次最多查询400天', 'query.to');
      const items = [];
      const calendar = ctx.calendar();
      for (let d = from; d <= to; d = addCalendarDays(d, 1)) items.push(dayInfo(d, calendar));
      return { items };
    },
  );
  app.get(
    '/api/v1/calendar/deadline',
    {
      schema: {
        tags,
        operationId: 'computeDeadline',
        summary: '按工作日计算期限',
        description: '从 start 起数 workingDays 个工作日（按法定节假日和调休）得出期限；期限落在或跨过缺少节假日数据的年度时给出 warning。',
        querystring: z.object({ start: api.IsoDate, workingDays: z.coerce.number().int().min(0).max(250) }),
        response: { 200: api.Deadline },
      },
    },
    async (req) => {
      actorOf(req);
      const calendar = ctx.calendar();
      const date = addWorkingDays(req.query.start, req.query.workingDays, calendar);
      return { date, warning: deadlineWarning(date, calendar, req.query.start) };
    },
  );
}
