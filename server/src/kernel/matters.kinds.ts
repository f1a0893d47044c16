/**
 * What the kernel needs to know about each matter kind: its lifecycle table and policy (domain),
 * how an actor's relative roles on a matter are found, its guards, the commands that own some of
 * its events, and what follows each event or the entering of a state. The kernel applies every
 * transition the same way for every kind (kernel/transition.ts): policy, compare-and-set, guards,
 * audit, then these effects — all in one transaction.
 */
import type { CalendarOverrides, KindPolicy, Lifecycle } from '@xietiao/domain';
import { coordinationLifecycle, GUARD_MESSAGES } from '@xietiao/domain';
import type { Actor } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import type { Conn } from '../platform/db/database';
import { notify } from '../modules/inbox/notify';
import type { MatterRow } from './matters.repo';
import { createTasksRepo } from './tasks.repo';
import { createLookupsRepo } from './lookups';
import { hasOpenDisagreement } from './consultations.service';
import type { KernelWrites } from './kernel';

export interface TransitionContext<P = unknown> {
  /** null when the system itself moves the matter (e.g. a leader became unavailable) */
  actor: Actor | null;
  /** the matter as it was before the transition */
  matter: MatterRow;
  event: string;
  from: string;
  to: string;
  comment: string | null;
  /** the owning command's validated input (undefined for generic events) */
  payload: P;
  kernel: KernelWrites;
  /** fire another transition in the same transaction (e.g. a clashing activity re-opens) */
  fire: (
    tx: Conn,
    actor: Actor | null,
    m: MatterRow,
    event: string,
    o: { version: number; comment?: string | null; command?: string; payload?: unknown },
  ) => Promise<string>;
  clock: Clock;
  calendar: CalendarOverrides;
}
export type Effect = (tx: Conn, t: TransitionContext<any>) => Promise<void>;
export type Guard = (conn: Conn, matter: MatterRow) => Promise<string | null>;

export interface KindDefinition {
  lifecycle: Lifecycle;
  /** actions besides the lifecycle events; the kernel's defaults apply otherwise */
  policy?: KindPolicy;
  /** the actor's kind-specific relative roles (principal, organiser…); the kernel adds office, leader, owner */
  roles(conn: Conn, actor: Actor, matter: MatterRow): Promise<string[]>;
  /** guard name → a Chinese message when it fails, null when it passes */
  guards?: Record<string, Guard>;
  /** commands that own events: name → what the user calls it and where (for the refusal message) */
  commands?: Record<string, { label: string; route: string }>;
  /** what follows an event, inside the transition's transaction */
  onEvent?: Record<string, Effect>;
  /** what follows entering a state, whatever the event (after onEvent) */
  onEnter?: Record<string, Effect>;
}
export type KindRegistry = Record<string, KindDefinition>;

/** Guards every kind may name. */
export const KERNEL_GUARDS: Record<string, Guard> = {
  'no-open-disagreement': async (conn, m) => ((await hasOpenDisagreement(conn, m.id)) ? GUARD_MESSAGES['no-open-disagreement'] : null),
  'no-open-tasks': async (conn, m) => ((await createTasksRepo(conn).openCount(m.id)) > 0 ? GUARD_MESSAGES['no-open-tasks'] : null),
};

/** Leaders who decide a matter: the leaders in charge of its department, else the principal leader(s). */
export async function decidingLeaders(conn: Conn, m: Pick<MatterRow, 'department_id'>): Promise<string[]> {
  if (m.department_id) {
    const inCharge = await createLookupsRepo(conn).leadersInCharge(m.department_id);
    if (inCharge.length) return inCharge;
  }
  return principalLeaders(conn);
}

export function principalLeaders(conn: Conn): Promise<string[]> {
  return createLookupsRepo(conn).principalLeaders();
}

/** 协调事项: the leader's decision (or return) closes the decision tasks and is recorded as an instruction. */
async function recordDecision(tx: Conn, { actor, matter: m, event, comment, kernel, clock }: TransitionContext) {
  if (!actor) return;
  await kernel.tasks.close(tx, { matterId: m.id, kind: 'decide' }, { status: 'done', by: actor.id, result: comment });
  await kernel.instructions.record(tx, {
    matterId: m.id,
    leaderId: actor.id,
    kind: 'decision',
    decision: event === 'decide' ? 'approve' : 'change',
    text: comment ?? '',
  });
  await notify(tx, clock, {
    userIds: [m.owner_id ?? m.created_by],
    kind: 'decided',
    matterId: m.id,
    title: `${actor.name}已${event === 'decide' ? '定夺' : '退回继续协调'}：${m.title}`,
    body: comment,
  });
}

/** 协调事项: the general coordination matter. Its events are all generic. */
export const coordinationKind: KindDefinition = {
  lifecycle: coordinationLifecycle as unknown as Lifecycle,
  roles: async () => [],
  onEvent: { decide: recordDecision, returnToOffice: recordDecision },
  onEnter: {
    async awaiting_decision(tx, { actor, matter: m, comment, kernel, clock }) {
      const leaders = await decidingLeaders(tx, m);
      for (const leaderId of leaders) {
        await kernel.tasks.open(tx, {
          matterId: m.id,
          kind: 'decide',
          title: `请定夺：${m.title}`,
          assignee: { userId: leaderId },
          by: actor?.id ?? null,
          notice: false,
        });
      }
      await notify(tx, clock, { userIds: leaders, kind: 'decision_requested', matterId: m.id, title: `请定夺：${m.title}`, body: comment });
    },
  },
};
