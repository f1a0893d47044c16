import type { Lifecycle } from '../kernel/lifecycle';
import { coordinationLifecycle } from './coordination';
import { activityLifecycle } from '../activities/lifecycle';

/** Every matter kind's lifecycle, by kind. Modules add theirs here. */
export const LIFECYCLES: Record<string, Lifecycle> = {
  coordination: coordinationLifecycle as unknown as Lifecycle,
  activity: activityLifecycle as unknown as Lifecycle,
};

export function lifecycleOf(kind: string): Lifecycle | undefined {
  return LIFECYCLES[kind];
}

export { coordinationLifecycle, GUARD_MESSAGES } from './coordination';
