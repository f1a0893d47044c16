/** Every matter kind the kernel handles, with its hooks. Modules add theirs here. */
import type { KindRegistry } from './kernel/matters.kinds';
import { coordinationKind } from './kernel/matters.kinds';
import { activityKind } from './modules/activities/activities.kind';
import { outgoingKind } from './modules/outgoing/outgoing.kind';

export const matterKinds: KindRegistry = {
  coordination: coordinationKind,
  activity: activityKind,
  outgoing: outgoingKind,
};
