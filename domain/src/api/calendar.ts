/**
 * The working-day calendar (X-2, K-8): day information, deadlines with their missing-year
 * warning, and the system administrator's entries — single overrides and the State Council's
 * yearly notice (节假日安排通知) for a year the statutory data does not cover yet.
 */
import { z } from 'zod';
import { Day, IsoDate, NonEmpty, Timestamp } from './common';

export const DAY_SOURCES = ['override', 'notice', 'statutory', 'missing'] as const;
export const DAY_SOURCE_LABELS: Record<(typeof DAY_SOURCES)[number], string> = {
  override: '管理员单日调整',
  notice: '管理员录入的年度通知',
  statutory: '法定数据',
  missing: '缺少节假日数据',
};
export const DayInfo = z
  .object({
    date: Day,
    working: z.boolean(),
    label: z.string(),
    holidayName: z.string().nullable(),
    source: z.enum(DAY_SOURCES),
  })
  .meta({ id: 'DayInfo', title: '日历日', description: '一天是否工作日（含调休上班、法定节假日、周末）及数据来源' });
export type DayInfo = z.infer<typeof DayInfo>;

export const Deadline = z
  .object({
    date: Day,
    /** set when the deadline falls in or passes through a year whose holidays are not entered */
    warning: z.string().nullable(),
  })
  .meta({ id: 'Deadline', title: '期限', description: '按工作日计算出的期限；期限落在或跨过缺少节假日数据的年度时 warning 给出提示' });

export const YEAR_STATUSES = ['statutory', 'entered', 'missing'] as const;
export const YEAR_STATUS_LABELS: Record<(typeof YEAR_STATUSES)[number], string> = {
  statutory: '已有法定数据',
  entered: '管理员已录入',
  missing: '缺少节假日数据',
};

export const CalendarYearParams = z.object({
  year: z.coerce.number({ error: '年份应为数字' }).int('年份应为整数').min(2000, '年份不能早于2000年').max(2100, '年份不能晚于2100年'),
});
export const CalendarDateParams = z.object({ date: IsoDate });

export const NoticeHoliday = z.object({ name: NonEmpty(20), from: IsoDate, to: IsoDate });
export const NoticeWorkday = z.object({ date: IsoDate, name: z.string().trim().max(20, '不能超过20个字符').nullish() });
/**
 * 国务院办公厅关于某年部分节假日安排的通知: the holiday periods and the adjusted working days
 * (调休上班). Saving it replaces everything earlier saved for that year's notice.
 */
export const YearNoticeInput = z.object({
  /** the notice's title or number, e.g. 国办发明电〔2026〕7号 */
  reference: z.string().trim().max(100, '不能超过100个字符').nullish(),
  holidays: z.array(NoticeHoliday).min(1, '至少填写一个节假日').max(20, '节假日最多20项'),
  workdays: z.array(NoticeWorkday).max(30, '调休上班日最多30天'),
});
export type YearNoticeInput = z.infer<typeof YearNoticeInput>;

export const CalendarOverrideInput = z.object({
  /** true: a working day; false: a day off */
  working: z.boolean({ error: '请选择工作日或休息日' }),
  reason: NonEmpty(100),
});

export const CalendarOverride = z
  .object({
    date: Day,
    working: z.boolean(),
    reason: z.string().nullable(),
    createdAt: Timestamp,
    createdByName: z.string().nullable(),
  })
  .meta({ id: 'CalendarOverride', title: '单日调整', description: '系统管理员把某一天设为工作日或休息日' });

export const CalendarYearSummary = z
  .object({
    year: z.number().int(),
    status: z.enum(YEAR_STATUSES),
    statutory: z.boolean(),
    enteredAt: Timestamp.nullable(),
    enteredByName: z.string().nullable(),
  })
  .meta({ id: 'CalendarYearSummary', title: '年度节假日数据状态' });
export const CalendarYears = z
  .object({
    items: z.array(CalendarYearSummary),
    /** this year and the next ones that have neither statutory data nor an entered notice */
    missing: z.array(z.number().int()),
  })
  .meta({ id: 'CalendarYears', title: '各年度节假日数据状态' });

export const CalendarYear = CalendarYearSummary.extend({
  reference: z.string().nullable(),
  /** the yearly notice as the administrator entered it (null: not entered) */
  notice: z
    .object({
      holidays: z.array(z.object({ name: z.string(), from: Day, to: Day })),
      workdays: z.array(z.object({ date: Day, name: z.string().nullable() })),
    })
    .nullable(),
  overrides: z.array(CalendarOverride),
}).meta({ id: 'CalendarYear', title: '年度节假日安排', description: '某年度的数据状态、管理员录入的年度通知和单日调整' });
export type CalendarYear = z.infer<typeof CalendarYear>;
