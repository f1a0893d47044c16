import type { Lifecycle } from '../kernel/lifecycle';
import { coordinationLifecycle } from './coordination';
import { activityLifecycle } from '../activities/lifecycle';
import { outgoingLifecycle } from './outgoing';

/** Every matter kind's lifecycle, by kind. Modules add theirs here. */
export const LIFECYCLES: Record<string, Lifecycle> = {
  coordination: coordinationLifecycle as unknown as Lifecycle,
  activity: activityLifecycle as unknown as Lifecycle,
  outgoing: outgoingLifecycle as unknown as Lifecycle,
};

export function lifecycleOf(kind: string): Lifecycle | undefined {
  return LIFECYCLES[kind];
}

export { coordinationLifecycle, GUARD_MESSAGES } from './coordination';
export { outgoingLifecycle, outgoingPolicy, OUTGOING_GUARD_MESSAGES, type OutgoingState, type OutgoingEvent } from './outgoing';
