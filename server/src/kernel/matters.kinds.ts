/**
 * What the kernel needs to know about each matter kind: its lifecycle table, how an actor's
 * relative roles on a matter are found, its guards, and what follows a transition. The kernel
 * applies every transition the same way (compare-and-set, audit, these hooks) for every kind.
 */
import type { Lifecycle } from '@xietiao/domain';
import { coordinationLifecycle, GUARD_MESSAGES } from '@xietiao/domain';
import type { Actor } from '../platform/auth/actor';
import type { Clock } from '../platform/clock';
import type { Conn } from '../platform/db/database';
import type { CalendarOverrides } from '@xietiao/domain';
import { newId } from '../platform/ids';
import { notify } from '../modules/inbox/notify';
import { createMattersRepo, type MatterRow } from './matters.repo';
import { createTasksRepo } from './tasks.repo';
import { closeTasks } from './tasks.close';
import { relativeRoles } from './matters.policy';
import { hasOpenDisagreement } from './consultations.service';

export interface TransitionContext {
  /** null when the system itself moves the matter (e.g. a leader became unavailable) */
  actor: Actor | null;
  matter: MatterRow;
  event: string;
  to: string;
  comment: string | null;
  clock: Clock;
  calendar: CalendarOverrides;
}

export interface KindHooks {
  lifecycle: Lifecycle;
  /** the actor's relative roles on this matter (office, leader, owner, principal, organiser…) */
  roles(conn: Conn, actor: Actor, matter: MatterRow): Promise<string[]>;
  /** guard name → a Chinese message when it fails, null when it passes */
  guards?: Record<string, (conn: Conn, matter: MatterRow) => Promise<string | null>>;
  afterTransition?(conn: Conn, t: TransitionContext): Promise<void>;
}
export type KindRegistry = Record<string, KindHooks>;

/** Guards every kind may name. */
export const KERNEL_GUARDS: Record<string, (conn: Conn, matter: MatterRow) => Promise<string | null>> = {
  'no-open-disagreement': async (conn, m) => ((await hasOpenDisagreement(conn, m.id)) ? GUARD_MESSAGES['no-open-disagreement'] : null),
  'no-open-tasks': async (conn, m) => ((await createTasksRepo(conn).openCount(m.id)) > 0 ? GUARD_MESSAGES['no-open-tasks'] : null),
};

/** Leaders who decide a matter: the leaders in charge of its department, else the principal leader(s). */
export async function decidingLeaders(conn: Conn, m: Pick<MatterRow, 'department_id'>): Promise<string[]> {
  if (m.department_id) {
    const rows = await conn.selectFrom('leader_charges').innerJoin('users', 'users.id', 'leader_charges.leader_id')
      .select('leader_charges.leader_id').where('leader_charges.department_id', '=', m.department_id).where('users.active', '=', 1).execute();
    if (rows.length) return [...new Set(rows.map((r) => r.leader_id))];
  }
  return principalLeaders(conn);
}

export async function principalLeaders(conn: Conn): Promise<string[]> {
  const rows = await conn.selectFrom('leaders').innerJoin('users', 'users.id', 'leaders.user_id')
    .select('leaders.user_id').where('leaders.principal', '=', 1).where('leaders.line', '=', 'first').where('users.active', '=', 1).execute();
  return rows.map((r) => r.user_id);
}

/** 协调事项: the general coordination matter. */
export const coordinationKind: KindHooks = {
  lifecycle: coordinationLifecycle as unknown as Lifecycle,
  roles: async (_conn, actor, matter) => relativeRoles(actor, matter),
  async afterTransition(tx, { actor, matter: m, event, to, comment, clock }) {
    const now = clock.now().toISOString();
    const tasks = createTasksRepo(tx);
    const actorId = actor?.id ?? m.created_by;
    if (to === 'awaiting_decision') {
      const leaders = await decidingLeaders(tx, m);
      await createMattersRepo(tx).addAccess(m.id, leaders.map((l) => ({ type: 'user', id: l })));
      for (const leaderId of leaders) {
        await tasks.insert({
          id: newId(), matter_id: m.id, kind: 'decide', title: `请定夺：${m.title}`, assignee_user_id: leaderId, assignee_department_id: null,
          status: 'open', due_date: null, result: null, created_by: actorId, created_at: now, completed_at: null, completed_by: null, version: 1,
        });
      }
      await notify(tx, clock, { userIds: leaders, kind: 'decision_requested', matterId: m.id, title: `请定夺：${m.title}`, body: comment });
    }
    if (m.status === 'awaiting_decision' && (event === 'decide' || event === 'returnToOffice') && actor) {
      await closeTasks(tx, { matterId: m.id, kind: 'decide' }, { status: 'done', by: actor.id, result: comment }, now);
      await createMattersRepo(tx).insertInstruction({
        id: newId(), matter_id: m.id, leader_id: actor.id, kind: 'decision', decision: event === 'decide' ? 'approve' : 'change', text: comment ?? '', created_at: now,
      });
      await notify(tx, clock, { userIds: [m.owner_id ?? m.created_by], kind: 'decided', matterId: m.id, title: `${actor.name}已${event === 'decide' ? '定夺' : '退回继续协调'}：${m.title}`, body: comment });
    }
  },
};
