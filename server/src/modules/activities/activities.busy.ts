/** The activities module's contribution to the one schedule (modules/schedule): leaders at activities. */
import type { BusySource } from '../schedule/schedule.service';
import { createActivitiesRepo } from './activities.repo';

export const activityBusySource: BusySource = (conn, r) =>
  createActivitiesRepo(conn).busyActivities(r.from, r.to, { excludeActivityId: r.excludeMatterId, leaderId: r.leaderId, history: r.history });
