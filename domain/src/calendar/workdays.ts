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
const chineseDays: ChineseDays = ((chineseDaysNs as unknown as { default?: ChineseDays }).default ?? chineseDaysNs) as ChineseDays;

export type IsoDate = string;

/**
 * An administrator's entry in the calendar: a day of the State Council's yearly notice as the
 * administrator typed it in (`notice`: holidays and 调休 working days of a year the package does
 * not cover yet), or a single local adjustment (`override`, with its reason), which wins.
 */
export interface CalendarEntry {
  date: IsoDate;
  working: boolean;
  kind: 'notice' | 'override';
  /** the holiday's name (notice) or the reason (override) */
  name: string | null;
}

/**
 * Overrides an administrator recorded: date → true (working day) / false (day off). A plain Map
 * is enough for arithmetic; the server's calendar also says which years' notices the
 * administrator entered and what each entry is (for labels and missing-year warnings).
 */
export type CalendarOverrides = ReadonlyMap<IsoDate, boolean> & {
  /** years whose yearly notice (holidays and 调休) the administrator entered */
  readonly enteredYears?: ReadonlySet<number>;
  readonly dayEntries?: ReadonlyMap<IsoDate, CalendarEntry>;
};
const NO_OVERRIDES: CalendarOverrides = new Map();

/** The calendar of a set of entries: a single override wins over the notice on the same date. */
export function buildCalendar(entries: Iterable<CalendarEntry>, enteredYears: Iterable<number> = []): CalendarOverrides {
  const byDate = new Map<IsoDate, CalendarEntry>();
  for (const e of entries) {
    const had = byDate.get(e.date);
    if (!had || (had.kind === 'notice' && e.kind === 'override')) byDate.set(e.date, e);
  }
  const map = new Map<IsoDate, boolean>();
  for (const [d, e] of byDate) map.set(d, e.working);
  return Object.assign(map, { enteredYears: new Set(enteredYears) as ReadonlySet<number>, dayEntries: byDate as ReadonlyMap<IsoDate, CalendarEntry> });
}

const statutoryMemo = new Map<number, boolean>();
/**
 * Does the statutory data (the `chinese-days` package) cover `year`? A covered year has at least
 * one holiday on a weekday (元旦 or 春节 always is); a year past the package's last notice has
 * none, and every weekday of it would count as a working day.
 */
export function hasStatutoryData(year: number): boolean {
  let known = statutoryMemo.get(year);
  if (known === undefined) {
    const holiday = (d: IsoDate) => {
      const x = chineseDays.getDayDetail(d);
      return !x.work && x.name.includes(',');
    };
    // 国庆节 (1–7 October) always has weekdays off; failing that, look for 元旦 or 春节.
    const y = String(year).padStart(4, '0');
    known = false;
    for (let day = 1; day <= 7 && !known; day += 1) known = holiday(`${y}-10-0${day}`);
    for (let d = `${y}-01-01`; !known && d < `${y}-03-01`; d = addCalendarDays(d, 1)) known = holiday(d);
    statutoryMemo.set(year, known);
  }
  return known;
}

/** The years the statutory data covers: one unbroken run (2004 up to the package's last notice). */
export function statutoryYears(): number[] {
  const years: number[] = [];
  let y = 2000;
  while (y <= 2100 && !hasStatutoryData(y)) y += 1;
  for (; y <= 2100 && hasStatutoryData(y); y += 1) years.push(y);
  return years;
}

export type YearStatus = 'statutory' | 'entered' | 'missing';
/** entered (the administrator saved the year's notice) / statutory (the package has it) / missing. */
export function yearStatus(year: number, overrides: CalendarOverrides = NO_OVERRIDES): YearStatus {
  if (overrides.enteredYears?.has(year)) return 'entered';
  return hasStatutoryData(year) ? 'statutory' : 'missing';
}

/** The years from `from`'s to `to`'s (inclusive) with neither statutory data nor an entered notice. */
export function missingYears(from: IsoDate, to: IsoDate, overrides: CalendarOverrides = NO_OVERRIDES): number[] {
  const [a, b] = from <= to ? [from, to] : [to, from];
  const out: number[] = [];
  for (let y = Number(a.slice(0, 4)); y <= Number(b.slice(0, 4)); y += 1) if (yearStatus(y, overrides) === 'missing') out.push(y);
  return out;
}

/**
 * The warning a deadline carries when it falls in, or was counted through, a year whose holidays
 * nobody knows yet (counted from `from`, e.g. the day the task was given; default: the date
 * itself): its working days were counted as ordinary weekdays. Null when the calendar is known.
 */
export function deadlineWarning(date: IsoDate, overrides: CalendarOverrides = NO_OVERRIDES, from?: IsoDate): string | null {
  const years = missingYears(from ?? date, date, overrides);
  if (!years.length) return null;
  return `${years.join('、')}年的法定节假日尚未录入，期限按普通工作日计算，请核对`;
}

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

/**
 * Where a day's working/off status comes from: a single administrator override, the yearly
 * notice the administrator entered, the statutory data, or nothing (a missing year: weekdays
 * count as working days).
 */
export type DaySource = 'override' | 'notice' | 'statutory' | 'missing';

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  /** 法定节假日 / 调休上班 / 周末 / 工作日 */
  label: string;
  holidayName: string | null;
  source: DaySource;
}

export function dayInfo(date: IsoDate, overrides: CalendarOverrides = NO_OVERRIDES): DayInfo {
  const detail = chineseDays.getDayDetail(date);
  const working = isWorkingDay(date, overrides);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  const parts = detail.name.split(',');
  const entry = overrides.dayEntries?.get(date);
  const year = Number(date.slice(0, 4));
  if (overrides.has(date) && entry?.kind === 'notice') {
    const label = working ? (weekend ? '调休上班' : '工作日') : '法定节假日';
    return { date, working, label, holidayName: entry.name ?? null, source: 'notice' };
  }
  const holidayName = parts.length >= 2 ? parts[1] : null;
  const source: DaySource = overrides.has(date) ? 'override' : hasStatutoryData(year) ? 'statutory' : overrides.enteredYears?.has(year) ? 'notice' : 'missing';
  let label: string;
  if (overrides.has(date)) label = working ? '工作日（管理员设定）' : '休息日（管理员设定）';
  else if (working && weekend) label = '调休上班';
  else if (!working && holidayName) label = '法定节假日';
  else if (!working) label = '周末';
  else label = '工作日';
  return { date, working, label, holidayName, source };
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
