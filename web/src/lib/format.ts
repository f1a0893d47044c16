import { formatChineseDate, formatChineseDateTime, chineseWeekday } from '@xietiao/domain/format';
import { chinaDate, isIsoDate, workingDaysBetween } from '@xietiao/domain/calendar/workdays';

export { formatChineseDate, formatChineseDateTime, chineseWeekday };

/** 2026年10月9日 for a date, 2026年10月9日 14:30 for an instant; '—' for nothing. */
export function fmtDate(value: string | null | undefined): string {
  if (!value) return '—';
  return formatChineseDate(value.length > 10 && value.includes('T') ? chinaDate(new Date(value)) : value);
}
export function fmtDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  if (!value.includes('T')) return formatChineseDate(value);
  return formatChineseDateTime(value);
}

export function today(): string {
  return chinaDate(new Date());
}

/** Working days left until a due date (negative when overdue); null when unknown. */
export function workingDaysLeft(due: string | null | undefined): number | null {
  if (!due) return null;
  const d = due.slice(0, 10);
  if (!isIsoDate(d)) return null;
  try {
    return workingDaysBetween(today(), d);
  } catch {
    return null;
  }
}
