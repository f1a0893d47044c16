/** Every timer kind's handler, by kind. Modules add theirs here. */
import type { AppContext } from './platform/context';
import type { TimerHandler } from './platform/timers';
import { taskTimerHandlers } from './kernel/matters.timers';
import { activityTimerHandlers } from './modules/activities/activities.kind';

export function timerHandlers(ctx: Pick<AppContext, 'clock'> & Partial<Pick<AppContext, 'calendar'>>): Record<string, TimerHandler> {
  return { ...taskTimerHandlers(ctx.clock, ctx.calendar), ...activityTimerHandlers(ctx.clock) };
}
