/**
 * Consultations (征求意见/会签/协商) on the steps engine (K-3): a consultation is a step group of
 * `consult` steps, one step per round, every round kept. Parties (departments or people) answer
 * agree, agree with changes or disagree, with text; each gets a task with a deadline. Consensus =
 * every party of the latest round answered and none disagrees (the latest step completed with
 * outcome `consensus`). An open disagreement — or a party of the latest round that has not
 * answered — blocks the transitions guarded by 'no-open-disagreement' until a new round settles
 * it, or the office records the outcome (with a disagreement: only by taking it to a leader).
 *
 * The HTTP API and its shapes (`Consultation`, `Round`, `Position`) are those of the tables this
 * replaced; the audit rows keep their `consultation.*` actions.
 */
import { api, STEP_TYPE_DEFS, isDissent } from '@xietiao/domain';
import type { z } from 'zod';
import type { AppContext } from '../platform/context';
import type { Actor } from '../platform/auth/actor';
import { requireWorkflowUser } from '../platform/auth/actor';
import type { Conn } from '../platform/db/database';
import { badRequest, forbidden, notFound, invalidState } from '../platform/errors';
import { createMattersRepo } from './matters.repo';
import type { Kernel } from './kernel';
import { runTx } from '../platform/db/tx';
import { createStepEngine, type PartyRef, type StepEngine } from './steps';
import { createStepsRepo, partyName, type ParticipantView, type StepGroupRow, type StepView } from './steps.repo';

type Deps = Pick<AppContext, 'db' | 'clock' | 'calendar'>;

const DISSENT = Object.entries(STEP_TYPE_DEFS.consult.responses)
  .filter(([, r]) => r.dissent)
  .map(([k]) => k);

/** True when an open consultation has a disagreement or a party of its latest round that has not answered. */
export async function hasOpenDisagreement(conn: Conn, matterId: string): Promise<boolean> {
  return (await createStepsRepo(conn).openDisagreementCount(matterId, ['consult', 'countersign'], DISSENT)) > 0;
}

/** The latest round's parties as the consultation sees them (removed ones are not parties). */
function assess(latest: StepView | undefined, ps: ParticipantView[]) {
  const parties = latest ? ps.filter((p) => p.step_id === latest.id && p.state !== 'removed') : [];
  return {
    parties,
    consensus: latest?.status === 'completed' && latest.outcome === 'consensus',
    openDisagreements: parties
      .filter((p) => p.state === 'responded' && isDissent('consult', p.response))
      .map((p) => ({ partyName: partyName(p), text: p.text })),
    pending: parties.filter((p) => p.state === 'pending' || p.state === 'active').length,
  };
}

function presentPosition(p: ParticipantView) {
  const answered = p.state === 'responded';
  return {
    id: p.id,
    partyDepartmentId: p.party_type === 'department' ? p.party_id : null,
    partyUserId: p.party_type === 'user' ? p.party_id : null,
    partyName: partyName(p),
    position: (answered ? p.response : 'pending') as (typeof api.POSITIONS)[number],
    text: answered ? p.text : p.state === 'skipped' ? `（已跳过：${p.reason ?? ''}）` : null,
    respondedBy: p.responded_by,
    respondedAt: p.responded_at,
  };
}

export function createConsultationsService(deps: Deps, { kernel, steps }: { kernel: Kernel; steps?: StepEngine }) {
  const { db } = deps;
  const engine = steps ?? createStepEngine(deps, kernel);

  async function presentAll(conn: Conn, groups: StepGroupRow[]) {
    const repo = createStepsRepo(conn);
    const rounds = await repo.stepsOfGroups(groups.map((g) => g.id));
    const ps = await repo.participantsOfSteps(rounds.map((r) => r.id));
    return groups.map((g) => {
      const mine = rounds.filter((r) => r.group_id === g.id);
      const { consensus, openDisagreements } = assess(mine.at(-1), ps);
      return {
        id: g.id,
        subject: g.subject,
        status: g.status,
        outcome: g.outcome,
        consensus,
        openDisagreements,
        createdAt: g.created_at,
        version: g.version,
        rounds: mine.map((r) => ({
          id: r.id,
          roundNo: r.round_no,
          question: r.question ?? '',
          dueDate: r.due_date,
          openedAt: r.created_at,
          closedAt: r.closed_at,
          positions: ps.filter((p) => p.step_id === r.id && p.state !== 'removed').map(presentPosition),
        })),
      };
    });
  }

  async function presentOne(id: string) {
    const g = await createStepsRepo(db).groupById(id);
    return (await presentAll(db, [g!]))[0];
  }

  async function forMatter(matterId: string) {
    return presentAll(db, await createStepsRepo(db).groupsOfMatter(matterId, 'consult'));
  }

  async function consultationFor(tx: Conn, actor: Actor, id: string) {
    const c = await createStepsRepo(tx).groupById(id);
    if (c?.type !== 'consult') throw notFound('协商');
    const m = await createMattersRepo(tx).findVisible(actor, c.matter_id);
    if (!m) throw notFound('协商');
    return { c, m };
  }

  async function start(actor: Actor, matterId: string, body: z.infer<typeof api.CreateConsultationBody>) {
    requireWorkflowUser(actor);
    const id = await runTx(db, async (tx) => {
      const m = await createMattersRepo(tx).findVisible(actor, matterId);
      if (!m) throw notFound('事项');
      await kernel.policy.require(tx, actor, m, 'consult');
      const parties: PartyRef[] = [
        ...body.departmentIds.map((d) => ({ type: 'department' as const, id: d })),
        ...body.userIds.map((u) => ({ type: 'user' as const, id: u })),
      ];
      const n = body.departmentIds.length;
      const groupId = await engine.groups.open(tx, { matterId, type: 'consult', subject: body.subject, by: actor.id });
      await engine.open(tx, {
        matter: m,
        by: actor.id,
        type: 'consult',
        order: 'parallel',
        completion: 'all',
        subject: body.subject,
        question: body.question,
        participants: parties,
        dueWorkingDays: body.dueWorkingDays,
        groupId,
        roundNo: 1,
        partyPath: (i) => (i < n ? `body.departmentIds[${i}]` : `body.userIds[${i - n}]`),
        audit: {
          action: 'consultation.started',
          entityType: 'consultation',
          entityId: groupId,
          detail: { subject: body.subject, departmentIds: body.departmentIds, userIds: body.userIds },
        },
      });
      return groupId;
    });
    return presentOne(id);
  }

  async function respond(actor: Actor, id: string, body: z.infer<typeof api.RespondBody>) {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const { c, m } = await consultationFor(tx, actor, id);
      if (c.status !== 'open') throw invalidState('该协商已结束，不能再反馈意见');
      if (m.closed_at) throw invalidState('该事项已办结或撤销，不能再反馈意见');
      const latest = (await createStepsRepo(tx).latestOfGroup(id))!;
      if (latest.status !== 'open') {
        const ps = await createStepsRepo(tx).participants(latest.id);
        if (!ps.some((p) => p.party_id === actor.id || (p.party_type === 'department' && p.party_id === actor.departmentId)))
          throw forbidden('您（或您的部门）不是本轮征求意见的对象');
        throw invalidState('本轮征求意见已全部反馈完毕，不能再修改；如需重新征求，请由办公室发起新一轮');
      }
      await engine.respond(
        tx,
        actor,
        latest.id,
        { response: body.position, text: body.text, mayAnswerForOrgans: false },
        {
          audit: { action: 'consultation.responded', entityType: 'consultation', entityId: id, detail: { position: body.position, roundNo: latest.round_no } },
          notice: { kind: 'consultation_response', title: (party) => `${party}反馈意见：${api.POSITION_LABELS[body.position]}` },
        },
      );
    });
    return presentOne(id);
  }

  async function newRound(actor: Actor, id: string, body: z.infer<typeof api.NewRoundBody>) {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const { c, m } = await consultationFor(tx, actor, id);
      await kernel.policy.require(tx, actor, m, 'consult');
      if (c.status !== 'open') throw invalidState('该协商已结束');
      await engine.groups.take(tx, id, body.version);
      const repo = createStepsRepo(tx);
      const latest = (await repo.latestOfGroup(id))!;
      // The round being replaced ends: parties who had not answered are no longer chased.
      await engine.close(tx, latest.id);
      const parties = (await repo.participants(latest.id)).filter((p) => p.state !== 'removed').map((p) => ({ type: p.party_type, id: p.party_id }));
      await engine.open(tx, {
        matter: m,
        by: actor.id,
        type: 'consult',
        order: latest.order_mode,
        completion: latest.completion,
        subject: c.subject,
        question: body.question,
        participants: parties,
        dueWorkingDays: body.dueWorkingDays,
        groupId: id,
        roundNo: latest.round_no + 1,
        contentVersionNo: null,
        audit: {
          action: 'consultation.round_opened',
          entityType: 'consultation',
          entityId: id,
          detail: { roundNo: latest.round_no + 1, previousRoundId: latest.id },
        },
      });
    });
    return presentOne(id);
  }

  /** Record the outcome. With open disagreements it must be escalated to a leader (not papered over). */
  async function settle(actor: Actor, id: string, body: z.infer<typeof api.SettleConsultationBody>) {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const { c, m } = await consultationFor(tx, actor, id);
      await kernel.policy.require(tx, actor, m, 'settle');
      if (c.status !== 'open') throw invalidState('该协商已结束');
      const repo = createStepsRepo(tx);
      const latest = await repo.latestOfGroup(id);
      const a = assess(latest, latest ? await repo.participants(latest.id) : []);
      if (!body.escalate && (a.openDisagreements.length > 0 || a.pending > 0)) {
        throw badRequest('仍有分歧或未反馈的意见：请再协商一轮，或勾选“报领导定夺”并如实写明各方意见', 'body.escalate');
      }
      await engine.groups.conclude(tx, { id, version: body.version }, body.escalate ? 'escalated' : 'settled', body.outcome);
      // Parties who never answered are not chased any more once the outcome is recorded.
      if (latest) await engine.close(tx, latest.id);
      await kernel.matters.touch(tx, m.id);
      await kernel.audit.append(tx, {
        actorId: actor.id,
        action: body.escalate ? 'consultation.escalated' : 'consultation.settled',
        entityType: 'consultation',
        entityId: id,
        matterId: m.id,
        detail: { outcome: body.outcome, openDisagreements: a.openDisagreements },
      });
    });
    return presentOne(id);
  }

  return { forMatter, start, respond, newRound, settle };
}
export type ConsultationsService = ReturnType<typeof createConsultationsService>;
