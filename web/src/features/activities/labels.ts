import {
  activityLifecycle,
  ACTIVITY_CATEGORIES,
  EXCEPTION_FLAGS,
  EXCEPTION_LABELS,
  HELD_IN_NAME_LABELS,
  type ActivityExceptions,
  type HeldInName,
} from '@xietiao/domain';
import { chinaDate } from '@xietiao/domain/calendar/workdays';
import { formatChineseDate } from '../../lib/format';

export { ACTIVITY_CATEGORIES, EXCEPTION_LABELS, HELD_IN_NAME_LABELS };

export const EXCEPTION_KEYS = EXCEPTION_FLAGS;
export const NO_EXCEPTIONS: ActivityExceptions = {
  superiorLeaderAttends: false,
  unifiedCommemoration: false,
  advancesCentralWork: false,
  outstandingActivity: false,
};

/** Short labels for the radio (举办名义), in the order of HELD_IN_NAME. */
export const HELD_IN_NAME_SHORT: Record<HeldInName, string> = {
  party: '以党委名义',
  government: '以政府名义',
  party_and_government: '以党委、政府名义',
  other: '其他',
};

export const ACTIVITY_STATES = Object.entries(activityLifecycle.states).map(([value, s]) => ({ value, label: s.label }));
export function activityStateLabel(s: string): string {
  return (activityLifecycle.states as Record<string, { label: string }>)[s]?.label ?? s;
}
export const ACTIVITY_STATE_COLORS: Record<string, string> = {
  submitted: 'default',
  awaiting_approval: 'gold',
  approved: 'blue',
  confirmed: 'green',
  recoordinating: 'orange',
  completed: 'cyan',
  declined: 'red',
  cancelled: 'default',
};

export const ASSIGNMENT_LABELS: Record<string, string> = { assigned: '待确认', confirmed: '已确认', withdrawn: '已撤回' };
export const ASSIGNMENT_COLORS: Record<string, string> = { assigned: 'gold', confirmed: 'green', withdrawn: 'default' };

/**
 * The leaders of an activity in the list (ActivitySummary.leaders): 邀请 (asked for by the
 * requester), 拟请 (proposed by the office), then the firm assignments.
 */
export const LEADER_STATUS_LABELS: Record<string, string> = {
  requested: '邀请',
  proposed: '拟请',
  assigned: '待确认',
  confirmed: '已确认',
  withdrawn: '已撤回',
};
export const LEADER_STATUS_COLORS: Record<string, string> = {
  requested: 'default',
  proposed: 'geekblue',
  assigned: 'orange',
  confirmed: 'green',
  withdrawn: 'default',
};

export const REMINDER_LABELS: Record<string, string> = { none: '未提醒', reminded: '已提醒', departed: '已出发' };
export const REMINDER_COLORS: Record<string, string> = { none: 'default', reminded: 'blue', departed: 'green' };
/** ACT-7: a scheduled reminder's state (skipped: never sent — its time had passed, or departure was confirmed first). */
export const REMINDER_STATE_LABELS: Record<string, string> = { pending: '待提醒', fired: '已提醒', cancelled: '已取消', skipped: '已过' };
export const REMINDER_STATE_COLORS: Record<string, string> = { pending: 'blue', fired: 'green', cancelled: 'default', skipped: 'default' };

export const LEVEL_META: Record<string, { alert: 'success' | 'info' | 'warning' | 'error'; label: string; tag: string }> = {
  ok: { alert: 'success', label: '符合', tag: 'green' },
  info: { alert: 'info', label: '提示', tag: 'blue' },
  warning: { alert: 'warning', label: '注意', tag: 'orange' },
  violation: { alert: 'error', label: '不符合', tag: 'red' },
};

export const DECISION_OPTIONS = [
  { value: 'approve', label: '同意' },
  { value: 'approveWithChanges', label: '调整后同意' },
  { value: 'decline', label: '不同意' },
  { value: 'returnForRework', label: '退回' },
] as const;

export const LINE_LABELS: Record<string, string> = { first: '一线', second: '二线' };

const HOUR = 3600_000;
/** HH:mm of an instant in China time. */
export function chinaClock(iso: string): string {
  return new Date(Date.parse(iso) + 8 * HOUR).toISOString().slice(11, 16);
}
/** The China date (YYYY-MM-DD) of an instant. */
export function chinaDay(iso: string): string {
  return chinaDate(new Date(iso));
}

/** 2026年12月3日 10:00–12:00 (or 2026年12月3日 10:00 至 12月4日 12:00 across days). */
export function fmtRange(startsAt: string, endsAt: string): string {
  const d1 = chinaDay(startsAt);
  const d2 = chinaDay(endsAt);
  if (d1 === d2) return `${formatChineseDate(d1)} ${chinaClock(startsAt)}–${chinaClock(endsAt)}`;
  const second = d1.slice(0, 4) === d2.slice(0, 4) ? formatChineseDate(d2).slice(5) : formatChineseDate(d2);
  return `${formatChineseDate(d1)} ${chinaClock(startsAt)} 至 ${second} ${chinaClock(endsAt)}`;
}

/** Add days to an ISO date (YYYY-MM-DD). */
export function addDays(d: string, n: number): string {
  const t = new Date(`${d}T00:00:00Z`).getTime() + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
/** The Monday of the week containing an ISO date. */
export function mondayOf(d: string): string {
  const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
  return addDays(d, wd === 0 ? -6 : 1 - wd);
}
