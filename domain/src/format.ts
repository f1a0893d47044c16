/** Dates and numbers as Chinese offices write them. */
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** 2026-10-09 → 2026年10月9日 (成文日期 style: Arabic numerals, no leading zeros). */
export function formatChineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

export function chineseWeekday(isoDate: string): string {
  return WEEKDAYS[new Date(`${isoDate.slice(0, 10)}T00:00:00Z`).getUTCDay()];
}

/** An instant shown in China time: 2026年10月9日 14:30 */
export function formatChineseDateTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return `${formatChineseDate(d.slice(0, 10))} ${d.slice(11, 16)}`;
}
