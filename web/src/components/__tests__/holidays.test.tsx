/**
 * X-2 every date picker marks holidays (with the holiday's name) and 调休 working days, from the
 * server's working-day calendar — the administrator's settings included.
 */
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { dayInfo } from '@xietiao/domain/calendar/workdays';
import { calendarDaysKey, dayMark, type DayInfo } from '../../lib/holidays';
import { DayMarkView, holidayCellRender } from '../Pickers';

/** The year as GET /calendar/days answers it, with the administrator's entries replacing days. */
function year(y: number, replaced: DayInfo[] = []): { items: DayInfo[] } {
  const items: DayInfo[] = [];
  for (let d = dayjs(`${y}-01-01`); d.year() === y; d = d.add(1, 'day')) {
    const iso = d.format('YYYY-MM-DD');
    items.push(replaced.find((r) => r.date === iso) ?? (dayInfo(iso) as DayInfo));
  }
  return { items };
}

/** What a picker panel shows in the cell of `date` (antd's own inner div, the mark added). */
function cell(qc: QueryClient, date: string, type: 'date' | 'week' | 'month' = 'date'): string {
  const originNode = <div className="ant-picker-cell-inner">{dayjs(date).date()}</div>;
  const info = { prefixCls: 'ant-picker', originNode, today: dayjs('2026-12-01'), type } as Parameters<typeof holidayCellRender>[1];
  return renderToStaticMarkup(<QueryClientProvider client={qc}>{holidayCellRender(dayjs(date), info) as ReactElement}</QueryClientProvider>);
}

describe('X-2 holiday marks in date pickers', () => {
  it('X-2 a holiday carries its name, a working weekend 调休上班, an ordinary day nothing', () => {
    expect(dayMark(dayInfo('2026-10-01') as DayInfo)).toEqual({ kind: 'holiday', short: '休', name: '国庆节' });
    // 国庆节 on a Saturday is still 国庆节, not a weekend
    expect(dayMark(dayInfo('2026-10-03') as DayInfo)?.name).toBe('国庆节');
    expect(dayMark(dayInfo('2026-10-10') as DayInfo)).toEqual({ kind: 'workday', short: '班', name: '国庆节调休上班' });
    expect(dayMark(dayInfo('2026-10-08') as DayInfo)).toBeNull(); // Thursday, back at work
    expect(dayMark(dayInfo('2026-11-07') as DayInfo)).toBeNull(); // an ordinary Saturday
    expect(dayMark(undefined)).toBeNull();
  });

  it('X-2 the picker cell of 2026-10-01 shows 休 titled 国庆节; 2026-10-10 shows 班 titled 国庆节调休上班', () => {
    const qc = new QueryClient();
    qc.setQueryData(calendarDaysKey(2026), year(2026));
    const holiday = cell(qc, '2026-10-01');
    expect(holiday).toContain('class="ant-picker-cell-inner xt-day is-holiday"');
    expect(holiday).toContain('title="2026-10-01 国庆节"');
    expect(holiday).toMatch(/<span class="xt-day-mark is-holiday" data-mark="holiday" title="国庆节" aria-label="国庆节" role="img"[^>]*>休<\/span>/);
    expect(holiday).toMatch(/^<div[^>]*>1<span/); // the day number stays
    const workday = cell(qc, '2026-10-10');
    expect(workday).toMatch(/title="国庆节调休上班" aria-label="国庆节调休上班" role="img"[^>]*>班</);
    // a week picker's date cells are marked too
    expect(cell(qc, '2026-10-02', 'week')).toContain('aria-label="国庆节"');
  });

  it('X-2 ordinary days, month cells and a year not loaded yet keep antd’s own cell', () => {
    const qc = new QueryClient();
    qc.setQueryData(calendarDaysKey(2026), year(2026));
    const plain = '<div class="ant-picker-cell-inner">8</div>';
    expect(cell(qc, '2026-10-08')).toBe(plain);
    expect(cell(qc, '2026-10-01', 'month')).toBe('<div class="ant-picker-cell-inner">1</div>');
    expect(cell(new QueryClient(), '2026-10-01')).toBe('<div class="ant-picker-cell-inner">1</div>');
  });

  it('X-2 K-8 the administrator’s settings from the server win over the statutory table', () => {
    const qc = new QueryClient();
    qc.setQueryData(
      calendarDaysKey(2026),
      year(2026, [
        { date: '2026-10-08', working: false, label: '休息日（管理员设定）', holidayName: null, source: 'override' },
        { date: '2026-10-01', working: true, label: '工作日（管理员设定）', holidayName: '国庆节', source: 'override' },
        { date: '2026-11-07', working: true, label: '工作日（管理员设定）', holidayName: null, source: 'override' },
      ]),
    );
    expect(cell(qc, '2026-10-08')).toContain('aria-label="休息日（管理员设定）"');
    expect(cell(qc, '2026-10-01')).toBe('<div class="ant-picker-cell-inner">1</div>');
    expect(cell(qc, '2026-11-07')).toMatch(/aria-label="工作日（管理员设定）"[^>]*>班</);
  });

  it('X-2 ACT-8 outside pickers (领导日程) the mark shows the name itself', () => {
    const html = renderToStaticMarkup(<DayMarkView mark={{ kind: 'holiday', short: '休', name: '国庆节' }} full />);
    expect(html).toMatch(/title="国庆节" aria-label="国庆节"[^>]*>国庆节<\/span>/);
  });
});
