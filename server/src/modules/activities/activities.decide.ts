/**
 * ACT-4 and ACT-6 commands: the office's proposal, the principal leader's decision, and
 * re-coordination when a leader cannot go (by the office, or by the system on a new absence).
 * Each validates its payload, records its own data and fires its event through the kernel; the
 * event's effects (tasks, instruction, assignments, clash handling, withdrawal, timers) run in the
 * transition itself (activities.kind.ts).
 */
import type { api } from '@xietiao/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import { requireWorkflowUser } from '../../platform/auth/actor';
import type { Conn } from '../../platform/db/database';
import { badRequest } from '../../platform/errors';
import { runTx } from '../../platform/db/tx';
import type { AbsenceEvent } from '../../platform/context';
import { isWorkflowUser, notify } from '../inbox/notify';
import { findMatter } from '../../kernel/reads';
import { createLookupsRepo } from '../../kernel/reads';
import type { Kernel } from '../../kernel/kernel';
import { createActivitiesRepo } from './activities.repo';
import type { DecidePayload, ReopenPayload } from './activities.kind';
import { loadOr404, requireLeaders } from './activities.support';

type Deps = Pick<AppContext, 'db' | 'clock'>;
const ABSENCE_LABEL: Record<string, string> = { leave: '请假', trip: '出差', business: '公务外出', blocked: '有其他重要任务' };

export function createActivityDecisions({ db, clock }: Deps, { kernel }: { kernel: Kernel }) {
  /** ACT-4: the office's proposal (拟办意见) goes to the principal leader. */
  async function propose(actor: Actor, id: string, body: z.infer<typeof api.ProposeBody>): Promise<void> {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const { m } = await loadOr404(tx, actor, id);
      const leaderIds = [...new Set(body.leaderIds)];
      await requireLeaders(tx, leaderIds, 'body.leaderIds');
      if (!(await isWorkflowUser(tx, body.responsibleStaffId))) throw badRequest('负责人员不存在、已停用或为管理员账号', 'body.responsibleStaffId');
      await createActivitiesRepo(tx).update(id, { proposal: body.proposal, proposed_leader_ids: leaderIds, responsible_staff_id: body.responsibleStaffId });
      await kernel.access.grant(tx, id, [{ type: 'user', id: body.responsibleStaffId }]);
      await kernel.transition(tx, actor, m, 'propose', {
        version: body.version,
        comment: body.proposal,
        command: 'propose',
        patch: { owner_id: body.responsibleStaffId },
      });
      await kernel.audit.append(tx, {
        actorId: actor.id,
        action: 'activity.proposal_recorded',
        entityType: 'matter',
        entityId: id,
        matterId: id,
        detail: { leaderIds, responsibleStaffId: body.responsibleStaffId },
      });
    });
  }

  /** ACT-4: the principal leader approves, changes or declines, with an instruction. */
  async function decide(actor: Actor, id: string, body: z.infer<typeof api.ApprovalBody>): Promise<void> {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const { m } = await loadOr404(tx, actor, id);
      if (body.decision === 'approveWithChanges') await requireLeaders(tx, body.leaderIds ?? [], 'body.leaderIds');
      const instruction = body.instruction?.trim() || '同意';
      const payload: DecidePayload = { decision: body.decision, instruction, leaderIds: body.leaderIds };
      await kernel.transition(tx, actor, m, body.decision, {
        version: body.version,
        comment: body.decision === 'approve' ? (body.instruction ?? null) : instruction,
        command: 'decide',
        payload,
      });
    });
  }

  /** ACT-6: re-open an approved activity (a leader cannot go); `actor` null is the system. */
  async function reopenInTx(tx: Conn, actor: Actor | null, id: string, version: number, leaderId: string | null, reason: string) {
    const m = (await findMatter(tx, id))!;
    const payload: ReopenPayload = { leaderId, reason };
    await kernel.transition(tx, actor, m, 'reopen', { version, comment: reason, command: 'reopen', payload });
  }

  async function reopen(actor: Actor, id: string, body: z.infer<typeof api.ReopenBody>): Promise<void> {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      await loadOr404(tx, actor, id);
      if (body.leaderId) {
        const live = (await createActivitiesRepo(tx).assignments(id)).filter((r) => r.status !== 'withdrawn').map((r) => r.leader_id);
        if (!live.includes(body.leaderId)) throw badRequest('该领导不在出席名单中', 'body.leaderId');
      }
      await reopenInTx(tx, actor, id, body.version, body.leaderId ?? null, body.reason);
    });
  }

  /**
   * ACT-6: an absence over a firm activity the person was to attend re-opens it. Returns what it
   * re-opened, told to whoever recorded the absence; the absent person is notified as well.
   */
  async function onAbsenceCreated(tx: Conn, e: AbsenceEvent): Promise<string[]> {
    const hit = await createActivitiesRepo(tx).firmActivitiesOfLeader(e.userId, e.startsAt, e.endsAt);
    if (!hit.length) return [];
    const who = (await createLookupsRepo(tx).userName(e.userId)) ?? '';
    const notices: string[] = [];
    for (const h of hit) {
      const m = (await findMatter(tx, h.id))!;
      await reopenInTx(tx, null, m.id, m.version, e.userId, `${who}该时段${ABSENCE_LABEL[e.kind] ?? '不能出席'}（${e.actor.name}登记），需重新协调出席领导`);
      const notice = `「${m.title}」原定${who}出席，已转为重新协调，办公室将另行安排`;
      notices.push(notice);
      if (e.userId !== e.actor.id) await notify(tx, clock, { userIds: [e.userId], kind: 'activity_reopened', matterId: m.id, title: notice });
    }
    return notices;
  }

  return { propose, decide, reopen, onAbsenceCreated };
}
