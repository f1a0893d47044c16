/**
 * Steps with participants over HTTP (K-3): need-to-know (the matter must be visible), the policy
 * (`manageSteps`: the office or the matter's owner opens and adjusts steps), one transaction per
 * request, and the API shape. The engine itself is kernel/steps.ts.
 */
import { PARTICIPANT_ROLE_LABELS, PARTICIPANT_STATE_LABELS, STEP_STATUS_LABELS, STEP_TYPE_DEFS, type api } from '@xietiao/domain';
import type { z } from 'zod';
import type { AppContext } from '../platform/context';
import type { Actor } from '../platform/auth/actor';
import { requireWorkflowUser } from '../platform/auth/actor';
import type { Conn } from '../platform/db/database';
import { notFound } from '../platform/errors';
import { runTx } from '../platform/db/tx';
import type { Kernel } from './kernel';
import { createMattersRepo } from './matters.repo';
import { createStepEngine, type StepEngine } from './steps';
import { createStepsRepo, partyName, type ParticipantView, type StepView } from './steps.repo';

type Deps = Pick<AppContext, 'db' | 'clock' | 'calendar'>;
type StepKernel = Pick<Kernel, 'policy'> & Parameters<typeof createStepEngine>[1];

export function presentSteps(steps: StepView[], ps: ParticipantView[]): z.infer<typeof api.Step>[] {
  return steps.map((s) => {
    const def = STEP_TYPE_DEFS[s.type];
    return {
      id: s.id,
      matterId: s.matter_id,
      type: s.type,
      typeLabel: def.label,
      subject: s.subject,
      question: s.question,
      order: s.order_mode,
      completion: s.completion,
      status: s.status,
      statusLabel: STEP_STATUS_LABELS[s.status],
      outcome: s.outcome,
      outcomeLabel: s.outcome ? (def.outcomes[s.outcome] ?? s.outcome) : null,
      contentVersionNo: s.content_version_no,
      dueWorkingDays: s.due_working_days,
      dueDate: s.due_date,
      groupId: s.group_id,
      roundNo: s.round_no,
      createdBy: s.created_by,
      createdByName: s.created_by_name,
      createdAt: s.created_at,
      closedAt: s.closed_at,
      version: s.version,
      participants: ps
        .filter((p) => p.step_id === s.id)
        .map((p) => ({
          id: p.id,
          seq: p.seq,
          partyType: p.party_type,
          partyId: p.party_id,
          partyName: partyName(p),
          role: p.role,
          roleLabel: def.roles.includes('lead') ? def.taskLabel[p.role] : PARTICIPANT_ROLE_LABELS[p.role],
          state: p.state,
          stateLabel: PARTICIPANT_STATE_LABELS[p.state],
          response: p.response,
          responseLabel: p.response ? (def.responses[p.response]?.label ?? p.response) : null,
          text: p.text,
          respondedBy: p.responded_by,
          respondedByName: p.responded_by_name,
          respondedAt: p.responded_at,
          reason: p.reason,
          taskId: p.task_id,
          dueDate: p.task_id ? p.task_due_date : null,
          version: p.version,
        })),
      responses: Object.entries(def.responses).map(([response, r]) => ({ response, label: r.label, needsText: r.needsText, textLabel: r.textLabel ?? null })),
    };
  });
}

export function createStepsService(deps: Deps, { kernel, steps }: { kernel: StepKernel; steps?: StepEngine }) {
  const { db } = deps;
  const engine = steps ?? createStepEngine(deps, kernel);

  async function visibleMatter(conn: Conn, actor: Actor, matterId: string, what = '事项') {
    const m = await createMattersRepo(conn).findVisible(actor, matterId);
    if (!m) throw notFound(what);
    return m;
  }
  /** The step and its matter, if the actor may see the matter (404 otherwise, as for a missing step). */
  async function visibleStep(conn: Conn, actor: Actor, stepId: string) {
    const s = await createStepsRepo(conn).stepById(stepId);
    if (!s) throw notFound('步骤');
    return { s, m: await visibleMatter(conn, actor, s.matter_id, '步骤') };
  }
  async function manageable(tx: Conn, actor: Actor, stepId: string) {
    requireWorkflowUser(actor);
    const { s, m } = await visibleStep(tx, actor, stepId);
    await kernel.policy.require(tx, actor, m, 'manageSteps');
    return s;
  }

  async function one(stepId: string) {
    const repo = createStepsRepo(db);
    const s = (await repo.stepById(stepId))!;
    return presentSteps([s], await repo.participants(stepId))[0];
  }

  async function forMatter(actor: Actor, matterId: string) {
    await visibleMatter(db, actor, matterId);
    const repo = createStepsRepo(db);
    const steps = await repo.stepsOfMatter(matterId);
    return { items: presentSteps(steps, await repo.participantsOfSteps(steps.map((s) => s.id))) };
  }

  async function get(actor: Actor, stepId: string) {
    await visibleStep(db, actor, stepId);
    return one(stepId);
  }

  async function open(actor: Actor, matterId: string, body: z.infer<typeof api.OpenStepBody>) {
    requireWorkflowUser(actor);
    const id = await runTx(db, async (tx) => {
      const m = await visibleMatter(tx, actor, matterId);
      await kernel.policy.require(tx, actor, m, 'manageSteps');
      return engine.open(tx, {
        matter: m,
        by: actor.id,
        type: body.type,
        order: body.order,
        completion: body.completion,
        subject: body.subject,
        question: body.question ?? null,
        participants: body.participants,
        dueWorkingDays: body.dueWorkingDays,
        contentVersionNo: body.contentVersionNo,
      });
    });
    return one(id);
  }

  async function respond(actor: Actor, stepId: string, body: z.infer<typeof api.StepRespondBody>) {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const { m } = await visibleStep(tx, actor, stepId);
      const mayAnswerForOrgans = (await kernel.policy.allowed(tx, actor, m)).some((a) => a.action === 'manageSteps');
      await engine.respond(tx, actor, stepId, {
        participantId: body.participantId,
        response: body.response,
        text: body.text,
        version: body.version,
        mayAnswerForOrgans,
      });
    });
    return one(stepId);
  }

  async function add(actor: Actor, stepId: string, body: z.infer<typeof api.AddParticipantBody>) {
    await runTx(db, async (tx) => {
      await manageable(tx, actor, stepId);
      await engine.add(tx, actor.id, stepId, body.version, body.party, body.position);
    });
    return one(stepId);
  }

  async function drop(actor: Actor, stepId: string, participantId: string, how: 'skip' | 'remove', body: z.infer<typeof api.ParticipantReasonBody>) {
    await runTx(db, async (tx) => {
      await manageable(tx, actor, stepId);
      await engine.drop(tx, actor.id, stepId, participantId, body.version, how, body.reason);
    });
    return one(stepId);
  }

  async function reassign(actor: Actor, stepId: string, participantId: string, body: z.infer<typeof api.ReassignParticipantBody>) {
    await runTx(db, async (tx) => {
      await manageable(tx, actor, stepId);
      await engine.reassign(tx, actor.id, stepId, participantId, body.version, body.party, body.reason);
    });
    return one(stepId);
  }

  async function extend(actor: Actor, stepId: string, body: z.infer<typeof api.ExtendStepBody>) {
    await runTx(db, async (tx) => {
      await manageable(tx, actor, stepId);
      await engine.extend(tx, actor.id, stepId, body.version, body);
    });
    return one(stepId);
  }

  async function cancel(actor: Actor, stepId: string, body: z.infer<typeof api.CancelStepBody>) {
    await runTx(db, async (tx) => {
      await manageable(tx, actor, stepId);
      await engine.cancel(tx, actor.id, stepId, body.version, body.reason);
    });
    return one(stepId);
  }

  return {
    forMatter,
    get,
    open,
    respond,
    add,
    reassign,
    extend,
    cancel,
    skip: (actor: Actor, stepId: string, participantId: string, body: z.infer<typeof api.ParticipantReasonBody>) =>
      drop(actor, stepId, participantId, 'skip', body),
    remove: (actor: Actor, stepId: string, participantId: string, body: z.infer<typeof api.ParticipantReasonBody>) =>
      drop(actor, stepId, participantId, 'remove', body),
  };
}
export type StepsService = ReturnType<typeof createStepsService>;
