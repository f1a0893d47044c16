/**
 * The working-day calendar as the server has it: the statutory holidays and 调休 with the
 * administrator's yearly notices and single-day settings applied (K-8), fetched a year at a time
 * from GET /calendar/days — the same query the administrator's 节假日日历 uses, so saving there
 * refreshes every mark. Used by every date picker (components/Pickers.tsx) and the 领导日程.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as A from '@xietiao/domain/api/index';
import { http } from './http';

export type DayInfo = z.infer<typeof A.DayInfo>;
interface DaysOut {
  items: DayInfo[];
}

/** What marks a day: a day off that is not an ordinary weekend (a holiday), or a working weekend (调休上班). */
export interface DayMark {
  kind: 'holiday' | 'workday';
  /** the one character in a picker cell: 休 / 班 */
  short: '休' | '班';
  /** what it is, for the title and aria-label: 国庆节, 国庆节调休上班, 休息日（管理员设定） */
  name: string;
}

/** The years the server is asked about; a picker scrolled to the year 1000 asks nothing. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

export const calendarDaysKey = (year: number) => ['calendar', 'days', year] as const;

function yearQuery(year: number) {
  return {
    queryKey: calendarDaysKey(year),
    queryFn: () => http.get<DaysOut>('/calendar/days', { from: `${year}-01-01`, to: `${year}-12-31` }),
    staleTime: 30 * 60_000,
    enabled: year >= MIN_YEAR && year <= MAX_YEAR,
  };
}

const byDate = new WeakMap<DayInfo[], Map<string, DayInfo>>();
/** The year's days by date (built once per answer). */
function indexed(items: DayInfo[] | undefined): Map<string, DayInfo> | undefined {
  if (!items) return undefined;
  let m = byDate.get(items);
  if (!m) {
    m = new Map(items.map((d) => [d.date, d]));
    byDate.set(items, m);
  }
  return m;
}

function isWeekend(date: string): boolean {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd === 0 || wd === 6;
}

/**
 * The mark of a day, or null for an ordinary working weekday or weekend. A holiday carries its
 * name (国庆节); a working weekend is 调休上班 (国庆节调休上班 when the notice names the holiday); the
 * administrator's single-day settings carry their label.
 */
export function dayMark(d: DayInfo | undefined): DayMark | null {
  if (!d) return null;
  const weekend = isWeekend(d.date);
  if (!d.working) {
    if (d.holidayName) return { kind: 'holiday', short: '休', name: d.holidayName };
    if (weekend) return null;
    return { kind: 'holiday', short: '休', name: d.label === '周末' ? '休息日' : d.label };
  }
  if (!weekend) return null;
  if (d.label === '调休上班') return { kind: 'workday', short: '班', name: d.holidayName ? `${d.holidayName}调休上班` : '调休上班' };
  return { kind: 'workday', short: '班', name: d.label };
}

/** One day's calendar entry (for a picker cell: each cell asks for its own year, the query is shared). */
export function useDayInfo(date: string): DayInfo | undefined {
  const q = useQuery(yearQuery(Number(date.slice(0, 4))));
  return indexed(q.data?.items)?.get(date);
}

export interface WorkCalendar {
  day(date: string): DayInfo | undefined;
  mark(date: string): DayMark | null;
  isPending: boolean;
}

/** The calendar of the years `from`…`to` (YYYY-MM-DD) touch. */
export function useWorkCalendar(from: string, to: string): WorkCalendar {
  const first = Number(from.slice(0, 4));
  const last = Math.max(first, Number(to.slice(0, 4)));
  const years = Array.from({ length: Math.min(last - first, 3) + 1 }, (_, i) => first + i);
  const results = useQueries({ queries: years.map(yearQuery) });
  const maps = results.map((r) => indexed(r.data?.items));
  const isPending = results.some((r) => r.isPending && r.fetchStatus !== 'idle');
  const day = (date: string) => {
    for (const m of maps) {
      const d = m?.get(date);
      if (d) return d;
    }
    return undefined;
  };
  return { day, mark: (date) => dayMark(day(date)), isPending };
}
