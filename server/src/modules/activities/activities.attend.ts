/** ACT-6 and ACT-7 on an approved activity: leaders confirm attendance; staff confirm 已提醒 / 已出发. */
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import { requireWorkflowUser } from '../../platform/auth/actor';
import { badRequest, forbidden, invalidState, staleVersion } from '../../platform/errors';
import { runTx } from '../../platform/db/tx';
import { findMatter } from '../../kernel/reads';
import { createLookupsRepo } from '../../kernel/reads';
import type { Kernel } from '../../kernel/kernel';
import { createActivitiesRepo } from './activities.repo';
import { mayConfirmFor } from './activities.kind';
import { loadOr404 } from './activities.support';

type Deps = Pick<AppContext, 'db' | 'clock'>;

export function createActivityAttendance({ db, clock }: Deps, { kernel }: { kernel: Kernel }) {
  /** A leader (or their secretary, or the office) confirms; the last confirmation confirms the activity. */
  async function confirm(actor: Actor, id: string, leaderId: string): Promise<void> {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const { m } = await loadOr404(tx, actor, id);
      await kernel.policy.require(tx, actor, m, 'confirm');
      const leader = await createLookupsRepo(tx).leader(leaderId);
      if (!leader) throw badRequest('不是本机关领导', 'body.leaderId');
      if (!mayConfirmFor(actor, leaderId, leader.secretary_id)) throw forbidden('只有该领导本人、其秘书或办公室可以确认');
      const now = clock.now().toISOString();
      if (!(await createActivitiesRepo(tx).confirm(id, leaderId, actor.id, now))) throw invalidState('该领导已确认或不在出席名单中');
      await kernel.tasks.close(tx, { matterId: id, kind: 'confirm', assigneeUserId: leaderId }, { status: 'done', by: actor.id, result: '已确认出席' });
      const version = await kernel.matters.bump(tx, id, m.version);
      await kernel.audit.append(tx, {
        actorId: actor.id,
        action: 'activity.confirmed',
        entityType: 'matter',
        entityId: id,
        matterId: id,
        detail: { leaderId },
      });
      if ((await createActivitiesRepo(tx).unconfirmedCount(id)) === 0) {
        const fresh = (await findMatter(tx, id))!;
        await kernel.transition(tx, null, fresh, 'confirmAll', { version, command: 'confirm' });
      }
    });
  }

  /** ACT-7: the responsible staff member (or the office) confirms 已提醒 / 已出发. */
  async function remind(actor: Actor, id: string, state: 'reminded' | 'departed'): Promise<void> {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const { m, a } = await loadOr404(tx, actor, id);
      await kernel.policy.require(tx, actor, m, 'remind');
      if (a.reminder_state === 'departed' || a.reminder_state === state) throw invalidState(state === 'departed' ? '已确认出发' : '已确认提醒');
      const now = clock.now().toISOString();
      // Compare-and-set on the reminder state: two confirmations at once, one wins.
      const values =
        state === 'reminded'
          ? { reminder_state: 'reminded' as const, reminded_at: now }
          : { reminder_state: 'departed' as const, departed_at: now, reminded_at: a.reminded_at ?? now };
      if (!(await createActivitiesRepo(tx).setReminderState(id, a.reminder_state, values))) throw staleVersion('提醒情况已被他人更新，请刷新后查看');
      await kernel.matters.touch(tx, id);
      await kernel.audit.append(tx, { actorId: actor.id, action: `activity.${state}`, entityType: 'matter', entityId: id, matterId: id });
    });
  }

  return { confirm, remind };
}
