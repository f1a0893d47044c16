/**
 * The steps engine (K-3): the kernel API for steps with participants — 征求意见, 会签, 传阅,
 * 承办/协办, 审批/签发. Every function takes the caller's transaction and does everything that
 * goes with its change, in one place: the rows (through steps.repo), one task per active
 * participant (`tasks.open` with the step's id: deadline in working days, reminder and overdue
 * timers, access, notification), closing tasks as participants answer or drop out, the audit row.
 *
 * Which participants are active and whether the step is complete is decided by the pure
 * `evaluateStep` (domain/src/kernel/steps.ts); this file applies its verdict.
 *
 * Concurrency: every change first takes the step (`take`): its version is bumped while it is
 * open — compare-and-set against the version the caller saw, when given — and only then are
 * the participants read. On PostgreSQL the bump holds the row lock until the commit; SQLite has
 * one writer. So two answers to one step never interleave: in a sequential step, a participant
 * who was not active when the step was read can never answer before the one whose turn it is.
 * Locks are taken in one order — group, step, matter, tasks — so steps never deadlock each other.
 *
 * Who may open or manage a step (policy) is the caller's question (steps.service.ts,
 * consultations.service.ts); who may answer for a participant is answered here.
 */
import {
  PARTY_TYPE_LABELS,
  STEP_STATUS_LABELS,
  STEP_TYPE_DEFS,
  addWorkingDays,
  chinaDate,
  dropProblem,
  evaluateStep,
  participantsInOrder,
  insertProblem,
  isLiveParticipant,
  next,
  participantLifecycle,
  responseProblem,
  stepLifecycle,
  stepProblem,
  type ParticipantRole,
  type ParticipantShape,
  type PartyType,
  type StepCompletion,
  type StepOrder,
  type StepShape,
  type StepType,
} from '@xietiao/domain';
import type { Actor } from '../platform/auth/actor';
import type { Conn } from '../platform/db/database';
import { badRequest, duplicate, forbidden, invalidState, notFound, ruleViolation, staleVersion } from '../platform/errors';
import { newId } from '../platform/ids';
import { departmentMembers, isWorkflowUser, notify } from '../modules/inbox/notify';
import type { Assignee, KernelDeps, KernelWrites } from './kernel';
import { createMattersRepo, type MatterRow } from './matters.repo';
import { createLookupsRepo } from './lookups';
import type { Principal } from './matters.access';
import { createStepsRepo, partyName, type ParticipantView, type StepGroupRow, type StepView } from './steps.repo';

export interface PartyRef {
  type: PartyType;
  id: string;
  role?: ParticipantRole;
}

/** A module (e.g. consultations) may record a change under its own audit action. */
export interface AuditAs {
  action: string;
  entityType?: string;
  entityId?: string;
  detail?: Record<string, unknown>;
}

export interface OpenStep {
  matter: MatterRow;
  by: string;
  type: StepType;
  order?: StepOrder;
  completion?: StepCompletion;
  subject: string;
  question?: string | null;
  participants: PartyRef[];
  dueWorkingDays?: number | null;
  contentVersionNo?: number | null;
  groupId?: string | null;
  roundNo?: number;
  /** error path of the i-th participant (default `body.participants[i].id`) */
  partyPath?: (i: number) => string;
  audit?: AuditAs;
}

export interface Respond {
  participantId?: string;
  response: string;
  text?: string | null;
  /** the step version the responder saw (compare-and-set); without it the current one */
  version?: number;
  /** the actor may answer for outside organs (the office, the matter's owner) */
  mayAnswerForOrgans: boolean;
}

export interface Extend {
  participantId?: string;
  dueDate?: string;
  workingDays?: number;
  reason: string;
}

const shapeOf = (s: Pick<StepView, 'type' | 'order_mode' | 'completion'>): StepShape => ({ type: s.type, order: s.order_mode, completion: s.completion });
const shapesOf = (ps: ParticipantView[]): ParticipantShape[] => ps.map((p) => ({ id: p.id, seq: p.seq, role: p.role, state: p.state, response: p.response }));

export function createStepEngine(deps: KernelDeps, kernel: KernelWrites) {
  const { clock } = deps;
  const now = () => clock.now().toISOString();
  const today = () => chinaDate(clock.now());

  /** Check a party and return its name; `path` names the field in the error. */
  async function checkParty(tx: Conn, type: StepType, party: PartyRef, path: string): Promise<string> {
    const def = STEP_TYPE_DEFS[type];
    if (!def.parties.includes(party.type)) throw badRequest(`${def.label}的参与者只能是${def.parties.map((t) => PARTY_TYPE_LABELS[t]).join('、')}`, path);
    const look = createLookupsRepo(tx);
    if (party.type === 'user') {
      if (!(await isWorkflowUser(tx, party.id))) throw badRequest(`人员不存在、已停用或为管理员账号：${party.id}`, path);
      return (await look.userName(party.id)) ?? party.id;
    }
    if (party.type === 'department') {
      if (!(await look.activeDepartment(party.id))) throw badRequest(`部门不存在或已停用：${party.id}`, path);
      return (await look.departmentName(party.id)) ?? party.id;
    }
    const organ = await createStepsRepo(tx).outsideOrgan(party.id);
    if (!organ) throw badRequest(`外单位不存在、已停用或为本机关：${party.id}`, path);
    return organ.name;
  }

  /** The task's assignee: the person, the department, or — for an outside organ — the step's opener, who records its answer. */
  const assigneeOf = (p: Pick<ParticipantView, 'party_type' | 'party_id'>, step: Pick<StepView, 'created_by'>): Assignee =>
    p.party_type === 'user' ? { userId: p.party_id } : p.party_type === 'department' ? { departmentId: p.party_id } : { userId: step.created_by };

  async function recipientsOf(tx: Conn, p: Pick<ParticipantView, 'party_type' | 'party_id'>, step: Pick<StepView, 'created_by'>): Promise<string[]> {
    const a = assigneeOf(p, step);
    return a.userId ? [a.userId] : departmentMembers(tx, a.departmentId!);
  }

  const principalOf = (p: Pick<PartyRef, 'type' | 'id'>): Principal[] => (p.type === 'organ' ? [] : [{ type: p.type, id: p.id }]);

  async function matterOf(tx: Conn, step: Pick<StepView, 'matter_id'>): Promise<MatterRow> {
    const m = await createMattersRepo(tx).findById(step.matter_id);
    if (!m) throw notFound('事项');
    if (m.closed_at) throw invalidState('该事项已办结或撤销，不能再办理其步骤');
    return m;
  }

  async function load(tx: Conn, stepId: string) {
    const step = await createStepsRepo(tx).stepById(stepId);
    if (!step) throw notFound('步骤');
    return step;
  }

  /**
   * Take the step for a change (see the header): group, step and matter rows in that order;
   * then read the step and its participants as the last writer left them.
   */
  async function take(tx: Conn, step: StepView, expected?: number) {
    const repo = createStepsRepo(tx);
    if (step.group_id) await repo.touchGroup(step.group_id);
    if (!(await repo.lockStep(step.id, expected))) {
      const current = await repo.stepById(step.id);
      if (current?.status !== 'open') throw invalidState(`该步骤${STEP_STATUS_LABELS[current?.status ?? 'cancelled']}，不能再办理或调整`);
      throw staleVersion('该步骤已有新的进展，请刷新后重试');
    }
    await kernel.matters.touch(tx, step.matter_id);
    return { step: (await repo.stepById(step.id))!, ps: await repo.participants(step.id) };
  }

  function participantOr404(ps: ParticipantView[], id: string) {
    const p = ps.find((x) => x.id === id);
    if (!p) throw notFound('参与者');
    return p;
  }

  function requireEvent(state: ParticipantView['state'], event: keyof typeof participantLifecycle.events, what: string) {
    const to = next(participantLifecycle, state, event);
    if (!to) throw invalidState(`该参与者${participantLifecycle.states[state].label}，不能${what}`);
    return to;
  }

  /** Make a pending participant active: its one task, with the step's deadline in working days. */
  async function activate(tx: Conn, by: string, step: StepView, m: MatterRow, p: ParticipantView) {
    requireEvent(p.state, 'activate', '开始办理');
    const def = STEP_TYPE_DEFS[step.type];
    const round = step.group_id ? `（第${step.round_no}轮）` : '';
    const forOrgan = p.party_type === 'organ' ? `（代${partyName(p)}反馈）` : '';
    const consult = step.type === 'consult';
    const task = await kernel.tasks.open(tx, {
      matterId: step.matter_id,
      kind: step.type,
      title: `${def.taskLabel[p.role]}${round}${forOrgan}：${m.title}`,
      assignee: assigneeOf(p, step),
      dueWorkingDays: step.due_working_days,
      by,
      stepId: step.id,
      notice: consult
        ? { kind: 'consultation', title: `请反馈意见：${m.title}`, body: step.question }
        : { kind: 'step', title: `请${def.taskLabel[p.role]}：${m.title}`, body: step.question },
    });
    if (!(await createStepsRepo(tx).updateParticipant(p.id, p.version, { state: 'active', task_id: task.id }, 'pending')))
      throw staleVersion('该步骤已有新的进展，请刷新后重试');
  }

  /** End the step (`complete`, `close` or `cancel`): nobody left is chased any more. */
  async function finish(tx: Conn, step: StepView, ps: ParticipantView[], event: 'complete' | 'close' | 'cancel', outcome: string | null) {
    const to = next(stepLifecycle, step.status, event);
    if (!to || to === 'open') throw invalidState(`该步骤${STEP_STATUS_LABELS[step.status]}，不能再结束`);
    const repo = createStepsRepo(tx);
    for (const p of ps.filter((x) => isLiveParticipant(x.state))) await repo.updateParticipant(p.id, p.version, { state: 'closed' });
    await kernel.tasks.close(tx, { stepId: step.id }, { status: 'cancelled' });
    await repo.finishStep(step.id, to, outcome, now());
  }

  /** Apply the engine's verdict after a change: complete the step, or activate whoever's turn it is. */
  async function advance(tx: Conn, by: string, stepId: string, m: MatterRow) {
    const repo = createStepsRepo(tx);
    const step = (await repo.stepById(stepId))!;
    const ps = await repo.participants(stepId);
    const ev = evaluateStep(shapeOf(step), shapesOf(ps));
    if (ev.complete) {
      await finish(tx, step, ps, 'complete', ev.outcome);
      const def = STEP_TYPE_DEFS[step.type];
      const outcomeLabel = ev.outcome ? (def.outcomes[ev.outcome] ?? ev.outcome) : '';
      await kernel.audit.append(tx, {
        actorId: by,
        action: 'step.completed',
        entityType: 'step',
        entityId: step.id,
        matterId: step.matter_id,
        fromState: 'open',
        toState: 'completed',
        detail: { type: step.type, outcome: ev.outcome },
      });
      await notify(tx, clock, {
        userIds: [...new Set([m.owner_id ?? m.created_by, step.created_by])],
        kind: 'step_completed',
        matterId: m.id,
        title: `${def.label}已完成（${outcomeLabel}）：${step.subject}`,
      });
      return;
    }
    for (const id of ev.active) {
      const p = ps.find((x) => x.id === id)!;
      if (p.state === 'pending') await activate(tx, by, step, m, p);
    }
  }

  const dueOf = (n: number | null | undefined) => (n ? addWorkingDays(today(), n, deps.calendar()) : null);

  /** Open a step with its participants (in the given order); the first active ones get their tasks. Returns its id. */
  async function open(tx: Conn, o: OpenStep): Promise<string> {
    const def = STEP_TYPE_DEFS[o.type];
    if (o.matter.closed_at) throw invalidState('该事项已办结或撤销，不能再发起办理步骤');
    const shape: StepShape = { type: o.type, order: o.order ?? def.defaultOrder, completion: o.completion ?? def.defaultCompletion };
    const path = o.partyPath ?? ((i: number) => `body.participants[${i}].id`);
    const parties = o.participants.map((p, i) => ({
      ...p,
      role: p.role ?? ((def.roles.includes('member') ? 'member' : i === 0 ? 'lead' : 'assistant') as ParticipantRole),
    }));
    const problem = stepProblem(
      shape,
      parties.map((p) => ({ partyType: p.type, role: p.role })),
    );
    if (problem) {
      const where =
        problem.field === 'participants'
          ? problem.index !== undefined
            ? `body.participants[${problem.index}]`
            : 'body.participants'
          : `body.${problem.field}`;
      throw badRequest(problem.message, where);
    }
    const seen = new Set<string>();
    for (const [i, p] of parties.entries()) {
      const key = `${p.type}:${p.id}`;
      if (seen.has(key)) throw badRequest('同一参与者不能重复列入', path(i));
      seen.add(key);
      await checkParty(tx, o.type, p, path(i));
    }
    const repo = createStepsRepo(tx);
    const id = newId();
    const at = now();
    await repo.insertStep({
      id,
      matter_id: o.matter.id,
      group_id: o.groupId ?? null,
      round_no: o.roundNo ?? 1,
      type: o.type,
      subject: o.subject,
      question: o.question ?? null,
      order_mode: shape.order,
      completion: shape.completion,
      status: 'open',
      outcome: null,
      content_version_no: o.contentVersionNo ?? null,
      due_working_days: o.dueWorkingDays ?? null,
      due_date: dueOf(o.dueWorkingDays),
      created_by: o.by,
      created_at: at,
      closed_at: null,
      version: 1,
    });
    for (const [i, p] of parties.entries()) {
      await repo.insertParticipant({
        id: newId(),
        step_id: id,
        seq: i + 1,
        party_type: p.type,
        party_id: p.id,
        role: p.role,
        state: 'pending',
        response: null,
        text: null,
        responded_by: null,
        responded_at: null,
        reason: null,
        task_id: null,
        version: 1,
      });
    }
    await kernel.access.grant(tx, o.matter.id, parties.flatMap(principalOf));
    await kernel.matters.touch(tx, o.matter.id);
    await kernel.audit.append(tx, {
      actorId: o.by,
      action: o.audit?.action ?? 'step.opened',
      entityType: o.audit?.entityType ?? 'step',
      entityId: o.audit?.entityId ?? id,
      matterId: o.matter.id,
      toState: 'open',
      detail: o.audit?.detail ?? {
        type: o.type,
        subject: o.subject,
        order: shape.order,
        completion: shape.completion,
        dueWorkingDays: o.dueWorkingDays ?? null,
        contentVersionNo: o.contentVersionNo ?? null,
        participants: parties.map((p) => ({ type: p.type, id: p.id, role: p.role })),
      },
    });
    await advance(tx, o.by, id, o.matter);
    return id;
  }

  /**
   * A participant answers (or the office for an outside organ). 403 for someone who is not a
   * participant; 409 invalid_state when it is not their turn or they answered already; 409
   * stale_version when the step moved on since `version`.
   */
  async function respond(
    tx: Conn,
    actor: Actor,
    stepId: string,
    r: Respond,
    opts: { audit?: AuditAs; notice?: { kind: string; title: (partyName: string, label: string) => string } } = {},
  ): Promise<{ participantId: string; partyName: string }> {
    const step0 = await load(tx, stepId);
    const m = await matterOf(tx, step0);
    const mine = (p: ParticipantView) =>
      p.party_type === 'user'
        ? p.party_id === actor.id
        : p.party_type === 'department'
          ? !!actor.departmentId && p.party_id === actor.departmentId
          : r.mayAnswerForOrgans;
    const before = await createStepsRepo(tx).participants(stepId);
    let candidates: ParticipantView[];
    if (r.participantId) {
      const p = before.find((x) => x.id === r.participantId);
      if (!p) throw badRequest('该步骤中没有这位参与者', 'body.participantId');
      if (!mine(p)) throw forbidden(p.party_type === 'organ' ? '只有办公室（或事项负责人）可以代外单位反馈' : '您（或您的部门）不是这位参与者，不能代为反馈');
      candidates = [p];
    } else {
      // Without a participant named, the actor answers as themself or their department (an organ must be named).
      candidates = before.filter((p) => p.party_type !== 'organ' && mine(p));
      if (!candidates.length)
        throw forbidden(
          before.some((p) => p.party_type === 'organ' && mine(p)) ? '代外单位反馈时请指明参与者（participantId）' : '您（或您的部门）不是该步骤的参与者',
        );
    }
    const problem = responseProblem(step0.type, r.response, r.text);
    if (problem) throw badRequest(problem.message, `body.${problem.field}`);

    const { step, ps } = await take(tx, step0, r.version);
    const fresh = ps.filter((p) => candidates.some((c) => c.id === p.id));
    const p = fresh.find((x) => x.state === 'active');
    if (!p) {
      if (fresh.some((x) => x.state === 'pending')) throw invalidState('尚未轮到您办理：请待前一位办理后再反馈');
      if (fresh.some((x) => x.state === 'responded')) throw invalidState('您已反馈，不能重复反馈');
      throw invalidState('您已不在该步骤中（已跳过、移除或步骤已结束）');
    }
    requireEvent(p.state, 'respond', '反馈');
    const def = STEP_TYPE_DEFS[step.type];
    const label = def.responses[r.response].label;
    const text = r.text?.trim() || null;
    const ok = await createStepsRepo(tx).updateParticipant(
      p.id,
      p.version,
      { state: 'responded', response: r.response, text, responded_by: actor.id, responded_at: now() },
      'active',
    );
    if (!ok) throw staleVersion('该步骤已有新的进展，请刷新后重试');
    if (p.task_id) await kernel.tasks.close(tx, { taskId: p.task_id }, { status: 'done', by: actor.id, result: text ?? label });
    const name = partyName(p);
    await kernel.audit.append(tx, {
      actorId: actor.id,
      action: opts.audit?.action ?? 'step.responded',
      entityType: opts.audit?.entityType ?? 'step',
      entityId: opts.audit?.entityId ?? step.id,
      matterId: m.id,
      detail: { participantId: p.id, party: name, response: r.response, text, ...(opts.audit?.detail ?? {}) },
    });
    // 承办: an assistant reports to the lead; otherwise the matter's owner and the step's opener are told.
    const lead = step.type === 'handle' && p.role === 'assistant' ? ps.find((x) => x.role === 'lead') : undefined;
    const to = new Set([m.owner_id ?? m.created_by, step.created_by, ...(lead ? await recipientsOf(tx, lead, step) : [])]);
    if (!opts.notice) to.delete(actor.id);
    await notify(tx, clock, {
      userIds: opts.notice ? [m.owner_id ?? m.created_by] : to,
      kind: opts.notice?.kind ?? 'step_response',
      matterId: m.id,
      title: opts.notice ? opts.notice.title(name, label) : `${name}${lead ? '报送协办意见' : `反馈（${def.label}）`}：${label}`,
      body: text,
    });
    await advance(tx, actor.id, step.id, m);
    return { participantId: p.id, partyName: name };
  }

  /** Add a participant mid-way, at `position` in the order (default: the end). */
  async function add(tx: Conn, by: string, stepId: string, version: number, party: PartyRef, position?: number): Promise<string> {
    const step0 = await load(tx, stepId);
    const m = await matterOf(tx, step0);
    const { step, ps } = await take(tx, step0, version);
    const def = STEP_TYPE_DEFS[step.type];
    const role: ParticipantRole = party.role ?? (def.roles.includes('member') ? 'member' : 'assistant');
    const present = ps.filter((p) => p.state !== 'removed');
    const problem = stepProblem(shapeOf(step), [...present.map((p) => ({ partyType: p.party_type, role: p.role })), { partyType: party.type, role }]);
    if (problem) throw badRequest(problem.message, problem.field === 'participants' ? 'body.party' : `body.${problem.field}`);
    if (present.some((p) => p.party_type === party.type && p.party_id === party.id)) throw duplicate('该参与者已在本步骤中', 'body.party.id');
    const name = await checkParty(tx, step.type, party, 'body.party.id');
    const ordered = participantsInOrder(ps);
    const at = Math.min(position ?? ordered.length, ordered.length);
    const where = insertProblem(shapeOf(step), shapesOf(ps), at);
    if (where) throw ruleViolation(where, 'body.position');
    const repo = createStepsRepo(tx);
    const seq = at < ordered.length ? ordered[at].seq : (ordered.at(-1)?.seq ?? 0) + 1;
    if (at < ordered.length) await repo.shiftSeq(step.id, seq);
    const id = newId();
    await repo.insertParticipant({
      id,
      step_id: step.id,
      seq,
      party_type: party.type,
      party_id: party.id,
      role,
      state: 'pending',
      response: null,
      text: null,
      responded_by: null,
      responded_at: null,
      reason: null,
      task_id: null,
      version: 1,
    });
    await kernel.access.grant(tx, m.id, principalOf(party));
    await kernel.audit.append(tx, {
      actorId: by,
      action: 'step.participant_added',
      entityType: 'step',
      entityId: step.id,
      matterId: m.id,
      detail: { participantId: id, party: name, role, position: at },
    });
    await advance(tx, by, step.id, m);
    return id;
  }

  /** Skip (e.g. the reader is away) or remove a participant, with the reason on record. */
  async function drop(tx: Conn, by: string, stepId: string, participantId: string, version: number, how: 'skip' | 'remove', reason: string): Promise<void> {
    const step0 = await load(tx, stepId);
    const m = await matterOf(tx, step0);
    const { step, ps } = await take(tx, step0, version);
    const p = participantOr404(ps, participantId);
    const to = requireEvent(p.state, how, how === 'skip' ? '跳过' : '移除');
    const problem = dropProblem(shapesOf(ps), p.id);
    if (problem) throw ruleViolation(problem, 'params.participantId');
    if (!(await createStepsRepo(tx).updateParticipant(p.id, p.version, { state: to, reason }, p.state))) throw staleVersion('该步骤已有新的进展，请刷新后重试');
    if (p.task_id) await kernel.tasks.close(tx, { taskId: p.task_id }, { status: 'cancelled' });
    await kernel.audit.append(tx, {
      actorId: by,
      action: how === 'skip' ? 'step.participant_skipped' : 'step.participant_removed',
      entityType: 'step',
      entityId: step.id,
      matterId: m.id,
      fromState: p.state,
      toState: to,
      detail: { participantId: p.id, party: partyName(p), reason },
    });
    await advance(tx, by, step.id, m);
  }

  /** Hand a participant's part to another party (reason on record); an active one's task moves with it. */
  async function reassign(
    tx: Conn,
    by: string,
    stepId: string,
    participantId: string,
    version: number,
    party: Omit<PartyRef, 'role'>,
    reason: string,
  ): Promise<void> {
    const step0 = await load(tx, stepId);
    const m = await matterOf(tx, step0);
    const { step, ps } = await take(tx, step0, version);
    const p = participantOr404(ps, participantId);
    if (!isLiveParticipant(p.state)) throw invalidState(`该参与者${participantLifecycle.states[p.state].label}，不能转办`);
    if (ps.some((x) => x.state !== 'removed' && x.party_type === party.type && x.party_id === party.id))
      throw duplicate('该参与者已在本步骤中', 'body.party.id');
    const name = await checkParty(tx, step.type, { ...party, role: p.role }, 'body.party.id');
    if (!(await createStepsRepo(tx).updateParticipant(p.id, p.version, { party_type: party.type, party_id: party.id }, p.state)))
      throw staleVersion('该步骤已有新的进展，请刷新后重试');
    if (p.state === 'active' && p.task_id)
      await kernel.tasks.reassign(tx, by, p.task_id, assigneeOf({ party_type: party.type, party_id: party.id }, step), reason);
    await kernel.access.grant(tx, m.id, principalOf({ ...party }));
    await kernel.audit.append(tx, {
      actorId: by,
      action: 'step.participant_reassigned',
      entityType: 'step',
      entityId: step.id,
      matterId: m.id,
      detail: { participantId: p.id, from: partyName(p), to: name, reason },
    });
  }

  /**
   * Extend a deadline (reason on record): one participant's, or every open task of the step.
   * The task's date moves and its reminder and overdue timers are set again for the new date.
   */
  async function extend(tx: Conn, by: string, stepId: string, version: number, e: Extend): Promise<void> {
    const step0 = await load(tx, stepId);
    const m = await matterOf(tx, step0);
    const { step, ps } = await take(tx, step0, version);
    const targets = e.participantId ? [participantOr404(ps, e.participantId)] : ps.filter((p) => p.state === 'active');
    const open = targets.filter((p) => p.state === 'active' && p.task_id && p.task_status === 'open');
    if (!open.length) throw invalidState(e.participantId ? '该参与者当前没有待办，无需延期' : '该步骤当前没有正在办理的参与者，无需延期');
    const field = e.dueDate ? 'body.dueDate' : 'body.workingDays';
    let latest: string | null = null;
    for (const p of open) {
      const due = e.dueDate ?? addWorkingDays(p.task_due_date && p.task_due_date > today() ? p.task_due_date : today(), e.workingDays!, deps.calendar());
      if (due < today()) throw badRequest('新的期限不能早于今天', field);
      if (p.task_due_date && due <= p.task_due_date) throw badRequest(`新的期限须晚于原期限（${p.task_due_date}）`, field);
      await kernel.tasks.extend(tx, by, p.task_id!, due, e.reason);
      if (!latest || due > latest) latest = due;
    }
    if (!e.participantId && latest) await createStepsRepo(tx).setStepDue(step.id, latest);
    await kernel.audit.append(tx, {
      actorId: by,
      action: 'step.extended',
      entityType: 'step',
      entityId: step.id,
      matterId: m.id,
      detail: { participants: open.map((p) => partyName(p)), to: latest, reason: e.reason },
    });
  }

  /** Cancel an open step (reason on record): its open tasks are cancelled. */
  async function cancel(tx: Conn, by: string, stepId: string, version: number, reason: string): Promise<void> {
    const step0 = await load(tx, stepId);
    const m = await matterOf(tx, step0);
    if (step0.group_id) throw ruleViolation('这是多轮征求意见中的一轮：请通过“再次征求”或“形成结论”结束', 'params.id');
    const { step, ps } = await take(tx, step0, version);
    await finish(tx, step, ps, 'cancel', null);
    await kernel.audit.append(tx, {
      actorId: by,
      action: 'step.cancelled',
      entityType: 'step',
      entityId: step.id,
      matterId: m.id,
      fromState: 'open',
      toState: 'cancelled',
      detail: { reason },
    });
  }

  /**
   * End an open step early (a new round replaces it, or the series' outcome is recorded): those
   * who had not answered are no longer chased. The caller's own audit row records why.
   */
  async function close(tx: Conn, stepId: string): Promise<void> {
    const step0 = await load(tx, stepId);
    if (step0.status !== 'open') return;
    const { step, ps } = await take(tx, step0);
    await finish(tx, step, ps, 'close', null);
  }

  const groups = {
    /** A series of rounds of one question (a consultation). */
    async open(tx: Conn, g: { matterId: string; type: StepType; subject: string; by: string }): Promise<string> {
      const id = newId();
      await createStepsRepo(tx).insertGroup({
        id,
        matter_id: g.matterId,
        type: g.type,
        subject: g.subject,
        status: 'open',
        outcome: null,
        created_by: g.by,
        created_at: now(),
        closed_at: null,
        version: 1,
      });
      return id;
    },
    /** Take an open group for a change (compare-and-set on the version the caller saw). */
    async take(tx: Conn, id: string, version: number): Promise<void> {
      if (!(await createStepsRepo(tx).casGroup(id, version))) throw staleVersion('该协商已被他人更新，请刷新后重试');
    },
    /** Record the series' conclusion. */
    async conclude(tx: Conn, g: Pick<StepGroupRow, 'id' | 'version'>, status: 'settled' | 'escalated' | 'closed', outcome: string): Promise<void> {
      if (!(await createStepsRepo(tx).casGroup(g.id, g.version, { status, outcome, closed_at: now() }))) throw staleVersion('该协商已被他人更新，请刷新后重试');
    },
  };

  return { open, respond, add, drop, reassign, extend, cancel, close, groups };
}
export type StepEngine = ReturnType<typeof createStepEngine>;
