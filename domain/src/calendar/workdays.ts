/**
 * Working days on the Chinese statutory holiday calendar, with the adjusted working weekends
 * (调休) that the State Council publishes each year. The calendar data comes from `chinese-days`;
 * this module adds deadline arithmetic and lets an administrator's overrides take precedence.
 *
 * Dates here are calendar dates in China (YYYY-MM-DD), never instants: a deadline of
 * "5 working days" is a date, and the time of day is decided where reminders are scheduled.
 */
import * as chineseDaysNs from 'chinese-days';

interface ChineseDays {
  isWorkday(date: string): boolean;
  getDayDetail(date: string): { date: string; work: boolean; name: string };
}
// The package ships CJS (node sees only `default`) and ESM (bundlers see named exports).
const chineseDays: ChineseDays =
  ((chineseDaysNs as unknown as { default?: ChineseDays }).default ?? chineseDaysNs) as ChineseDays;

export type IsoDate = string;

/** Overrides an administrator recorded: date → true (working day) / false (day off). */
export type CalendarOverrides = ReadonlyMap<IsoDate, boolean>;
const NO_OVERRIDES: CalendarOverrides = new Map();

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(date: IsoDate, overrides: CalendarOverrides = NO_OVERRIDES): boolean {
  const o = overrides.get(date);
  if (o !== undefined) return o;
  return chineseDays.isWorkday(date);
}

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  /** 法定节假日 / 调休上班 / 周末 / 工作日 */
  label: string;
  holidayName: string | null;
}

export function dayInfo(date: IsoDate, overrides: CalendarOverrides = NO_OVERRIDES): DayInfo {
  const detail = chineseDays.getDayDetail(date);
  const working = isWorkingDay(date, overrides);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  const parts = detail.name.split(',');
  const holidayName = parts.length >= 2 ? parts[1] : null;
  let label: string;
  if (overrides.has(date)) label = working ? '工作日（管理员设定）' : '休息日（管理员设定）';
  else if (working && weekend) label = '调休上班';
  else if (!working && holidayName) label = '法定节假日';
  else if (!working) label = '周末';
  else label = '工作日';
  return { date, working, label, holidayName };
}

/**
 * The date that is `n` working days after `start` (start itself not counted): the deadline of a
 * task given on `start` with `n` working days to do it. n = 0 gives `start` if it is a working
 * day, else the next working day.
 */
export function addWorkingDays(start: IsoDate, n: number, overrides: CalendarOverrides = NO_OVERRIDES): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  let d = start;
  if (n === 0) {
    while (!isWorkingDay(d, overrides)) d = addCalendarDays(d, 1);
    return d;
  }
  let left = n;
  while (left > 0) {
    d = addCalendarDays(d, 1);
    if (isWorkingDay(d, overrides)) left -= 1;
  }
  return d;
}

/** Working days strictly after `from` up to and including `to` (negative when `to` is earlier). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, overrides: CalendarOverrides = NO_OVERRIDES): number {
  if (from === to) return 0;
  const sign = to > from ? 1 : -1;
  const [a, b] = sign > 0 ? [from, to] : [to, from];
  let count = 0;
  let d = a;
  while (d < b) {
    d = addCalendarDays(d, 1);
    if (isWorkingDay(d, overrides)) count += 1;
  }
  return sign * count;
}

/** The previous working day before `date` (for "one working day before the deadline" reminders). */
export function previousWorkingDay(date: IsoDate, overrides: CalendarOverrides = NO_OVERRIDES): IsoDate {
  let d = addCalendarDays(date, -1);
  while (!isWorkingDay(d, overrides)) d = addCalendarDays(d, -1);
  return d;
}

/** The China-local calendar date of an instant (UTC+8, no daylight saving). */
export function chinaDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The instant of a China-local wall-clock time on a date, e.g. ('2026-10-09', '09:00'). */
export function chinaTime(date: IsoDate, hhmm: string): Date {
  return new Date(`${date}T${hhmm}:00+08:00`);
}
