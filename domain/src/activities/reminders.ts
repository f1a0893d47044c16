/**
 * ACT-7 reminders for the staff member responsible for an activity: the day before, before
 * departure (allowing travel time and a margin), and an escalation when departure is not confirmed.
 */
import { addCalendarDays, chinaDate, chinaTime } from '../calendar/workdays';
import type { ActivityFacts, ActivityRuleSettings } from './types';

export interface ReminderTimes {
  /** the calendar day before departure, at `dayBeforeAt` China time */
  dayBefore: Date;
  /** when the leader must leave: start − travel − margin */
  departure: Date;
  /** when an unconfirmed departure is escalated: departure + escalateAfterMinutes */
  escalateAt: Date;
}

/**
 * The reminder instants of an activity. The day-before reminder is on the China calendar day
 * before the departure day (normally the day before the activity; for an activity just after
 * midnight whose departure falls on the previous evening, the day before that), so it always
 * precedes departure.
 */
export function reminderTimes(activity: Pick<ActivityFacts, 'startsAt' | 'travelMinutes'>, settings: Pick<ActivityRuleSettings, 'reminders'>): ReminderTimes {
  const r = settings.reminders;
  const start = Date.parse(activity.startsAt);
  if (Number.isNaN(start)) throw new RangeError(`invalid startsAt: ${activity.startsAt}`);
  const departure = new Date(start - (Math.max(0, activity.travelMinutes) + Math.max(0, r.marginMinutes)) * 60_000);
  const dayBefore = chinaTime(addCalendarDays(chinaDate(departure), -1), r.dayBeforeAt);
  const escalateAt = new Date(departure.getTime() + r.escalateAfterMinutes * 60_000);
  return { dayBefore, departure, escalateAt };
}
