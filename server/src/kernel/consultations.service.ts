/**
 * Consultations (征求意见/会签/协商): rounds in which parties (departments or people) give a
 * position — agree, agree with changes, disagree — with text. Each party gets a task with a
 * deadline; consensus is reached when every party of the latest round has answered and none
 * disagrees. An open disagreement blocks the steps guarded by 'no-open-disagreement' until a new
 * round settles it, or the office records an outcome (or takes it to a leader).
 */
import { addWorkingDays, api, chinaDate } from '@xietiao/domain';
import type { z } from 'zod';
import type { AppContext } from '../platform/context';
import type { Actor } from '../platform/auth/actor';
import { requireWorkflowUser } from '../platform/auth/actor';
import type { Conn } from '../platform/db/database';
import { appendAudit } from '../platform/audit';
import { badRequest, forbidden, notFound, staleVersion, invalidState } from '../platform/errors';
import { newId } from '../platform/ids';
import { departmentMembers, isWorkflowUser, notify } from '../modules/inbox/notify';
import { createMattersRepo } from './matters.repo';
import { createTasksRepo } from './tasks.repo';
import { may } from './matters.policy';
import { scheduleTaskTimers } from './matters.timers';
import { closeTasks } from './tasks.close';
import { runTx } from '../platform/db/tx';

type Deps = Pick<AppContext, 'db' | 'clock' | 'calendar'>;
type Party = { departmentId: string | null; userId: string | null };

async function loadRounds(conn: Conn, consultationId: string) {
  const rounds = await conn.selectFrom('consultation_rounds').selectAll().where('consultation_id', '=', consultationId).orderBy('round_no').execute();
  const positions = rounds.length
    ? await conn.selectFrom('consultation_positions')
      .leftJoin('departments', 'departments.id', 'consultation_positions.party_department_id')
      .leftJoin('users', 'users.id', 'consultation_positions.party_user_id')
      .selectAll('consultation_positions').select(['departments.name as dept_name', 'users.name as user_name'])
      .where('round_id', 'in', rounds.map((r) => r.id)).orderBy('consultation_positions.id').execute()
    : [];
  return rounds.map((r) => ({
    round: r,
    positions: positions.filter((p) => p.round_id === r.id).map((p) => ({ ...p, party_name: p.dept_name ?? p.user_name ?? '' })),
  }));
}

function assess(rounds: Awaited<ReturnType<typeof loadRounds>>) {
  const latest = rounds.at(-1);
  const ps = latest?.positions ?? [];
  const consensus = ps.length > 0 && ps.every((p) => p.position === 'agree' || p.position === 'agree_with_changes');
  const openDisagreements = ps.filter((p) => p.position === 'disagree').map((p) => ({ partyName: p.party_name, text: p.text }));
  const pending = ps.filter((p) => p.position === 'pending').length;
  return { consensus, openDisagreements, pending };
}

/** True when an open consultation has a disagreement or a party that has not answered. */
export async function hasOpenDisagreement(conn: Conn, matterId: string): Promise<boolean> {
  const open = await conn.selectFrom('consultations').select('id').where('matter_id', '=', matterId).where('status', '=', 'open').execute();
  for (const c of open) {
    const a = assess(await loadRounds(conn, c.id));
    if (a.openDisagreements.length > 0 || a.pending > 0) return true;
  }
  return false;
}

export function createConsultationsService(deps: Deps) {
  const { db, clock } = deps;

  async function present(conn: Conn, c: { id: string; subject: string; status: 'open' | 'settled' | 'escalated' | 'closed'; outcome: string | null; created_at: string; version: number }) {
    const rounds = await loadRounds(conn, c.id);
    const { consensus, openDisagreements } = assess(rounds);
    return {
      id: c.id, subject: c.subject, status: c.status, outcome: c.outcome, consensus, openDisagreements, createdAt: c.created_at, version: c.version,
      rounds: rounds.map(({ round, positions }) => ({
        id: round.id, roundNo: round.round_no, question: round.question, dueDate: round.due_date, openedAt: round.opened_at, closedAt: round.closed_at,
        positions: positions.map((p) => ({
          id: p.id, partyDepartmentId: p.party_department_id, partyUserId: p.party_user_id, partyName: p.party_name,
          position: p.position, text: p.text, respondedBy: p.responded_by, respondedAt: p.responded_at,
        })),
      })),
    };
  }

  async function forMatter(matterId: string) {
    const cs = await db.selectFrom('consultations').selectAll().where('matter_id', '=', matterId).orderBy('created_at').orderBy('id').execute();
    return Promise.all(cs.map((c) => present(db, c)));
  }

  /** Open a round: a pending position and a task (with deadline timers) for each party. */
  async function openRound(tx: Conn, actor: Actor, matter: { id: string; title: string }, consultationId: string, roundNo: number, question: string, dueWorkingDays: number | null | undefined, parties: Party[]) {
    const now = clock.now().toISOString();
    const dueDate = dueWorkingDays ? addWorkingDays(chinaDate(clock.now()), dueWorkingDays, deps.calendar()) : null;
    const roundId = newId();
    await tx.insertInto('consultation_rounds').values({ id: roundId, consultation_id: consultationId, round_no: roundNo, question, due_date: dueDate, opened_at: now, closed_at: null }).execute();
    const tasks = createTasksRepo(tx);
    for (const p of parties) {
      const taskId = newId();
      const task = {
        id: taskId, matter_id: matter.id, kind: 'consult', title: `征求意见（第${roundNo}轮）：${matter.title}`, assignee_user_id: p.userId, assignee_department_id: p.departmentId,
        status: 'open' as const, due_date: dueDate, result: null, created_by: actor.id, created_at: now, completed_at: null, completed_by: null, version: 1,
      };
      await tasks.insert(task);
      await scheduleTaskTimers(tx, clock, deps.calendar(), task);
      await tx.insertInto('consultation_positions').values({
        id: newId(), round_id: roundId, party_department_id: p.departmentId, party_user_id: p.userId, position: 'pending', text: null, responded_by: null, responded_at: null, task_id: taskId,
      }).execute();
      const recipients = p.userId ? [p.userId] : await departmentMembers(tx, p.departmentId!);
      await notify(tx, clock, { userIds: recipients, kind: 'consultation', matterId: matter.id, title: `请反馈意见：${matter.title}`, body: question });
    }
    await createMattersRepo(tx).addAccess(matter.id, parties.map((p) => (p.userId ? { type: 'user' as const, id: p.userId } : { type: 'department' as const, id: p.departmentId! })));
  }

  async function consultationFor(tx: Conn, actor: Actor, id: string) {
    const c = await tx.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!c) throw notFound('协商');
    const m = await createMattersRepo(tx).findVisible(actor, c.matter_id);
    if (!m) throw notFound('协商');
    return { c, m };
  }

  async function start(actor: Actor, matterId: string, body: z.infer<typeof api.CreateConsultationBody>) {
    requireWorkflowUser(actor);
    const id = newId();
    await runTx(db, async (tx) => {
      const m = await createMattersRepo(tx).findVisible(actor, matterId);
      if (!m) throw notFound('事项');
      if (!may(actor, 'consult', m)) throw forbidden('您没有权限发起征求意见');
      if (m.closed_at) throw invalidState('该事项已办结或撤销，不能再征求意见');
      const parties: Party[] = [];
      for (const [i, d] of body.departmentIds.entries()) {
        if (!(await tx.selectFrom('departments').select('id').where('id', '=', d).where('active', '=', 1).executeTakeFirst())) throw badRequest(`部门不存在或已停用：${d}`, `body.departmentIds[${i}]`);
        parties.push({ departmentId: d, userId: null });
      }
      for (const [i, u] of body.userIds.entries()) {
        if (!(await isWorkflowUser(tx, u))) throw badRequest(`人员不存在、已停用或为管理员账号：${u}`, `body.userIds[${i}]`);
        parties.push({ departmentId: null, userId: u });
      }
      const now = clock.now().toISOString();
      await tx.insertInto('consultations').values({ id, matter_id: matterId, subject: body.subject, status: 'open', outcome: null, created_by: actor.id, created_at: now, closed_at: null, version: 1 }).execute();
      await openRound(tx, actor, m, id, 1, body.question, body.dueWorkingDays, parties);
      await createMattersRepo(tx).touch(matterId, now);
      await appendAudit(tx, clock, { actorId: actor.id, action: 'consultation.started', entityType: 'consultation', entityId: id, matterId, detail: { subject: body.subject, departmentIds: body.departmentIds, userIds: body.userIds } });
    });
    return present(db, (await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
  }

  async function respond(actor: Actor, id: string, body: z.infer<typeof api.RespondBody>) {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const { c, m } = await consultationFor(tx, actor, id);
      if (c.status !== 'open') throw invalidState('该协商已结束，不能再反馈意见');
      if (m.closed_at) throw invalidState('该事项已办结或撤销，不能再反馈意见');
      const rounds = await loadRounds(tx, id);
      const latest = rounds.at(-1)!;
      const mine = latest.positions.find((p) => p.party_user_id === actor.id || (p.party_department_id && p.party_department_id === actor.departmentId));
      if (!mine) throw forbidden('您（或您的部门）不是本轮征求意见的对象');
      const now = clock.now().toISOString();
      const res = await tx.updateTable('consultation_positions')
        .set({ position: body.position, text: body.text ?? null, responded_by: actor.id, responded_at: now })
        .where('id', '=', mine.id).where('position', '=', mine.position).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw staleVersion('意见已被他人更新，请刷新后重试');
      if (mine.task_id) await closeTasks(tx, { taskId: mine.task_id }, { status: 'done', by: actor.id, result: body.text ?? '同意' }, now);
      await tx.updateTable('consultations').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', id).execute();
      await createMattersRepo(tx).touch(m.id, now);
      await appendAudit(tx, clock, { actorId: actor.id, action: 'consultation.responded', entityType: 'consultation', entityId: id, matterId: m.id, detail: { party: mine.party_name, position: body.position, text: body.text ?? null } });
      await notify(tx, clock, { userIds: [m.owner_id ?? m.created_by], kind: 'consultation_response', matterId: m.id, title: `${mine.party_name}反馈意见：${api.POSITION_LABELS[body.position]}`, body: body.text ?? null });
    });
    return present(db, (await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
  }

  async function newRound(actor: Actor, id: string, body: z.infer<typeof api.NewRoundBody>) {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const { c, m } = await consultationFor(tx, actor, id);
      if (!may(actor, 'consult', m)) throw forbidden('您没有权限发起新一轮协商');
      if (c.status !== 'open') throw invalidState('该协商已结束');
      const now = clock.now().toISOString();
      const upd = await tx.updateTable('consultations').set({ version: c.version + 1 }).where('id', '=', id).where('version', '=', body.version).executeTakeFirst();
      if (Number(upd.numUpdatedRows) !== 1) throw staleVersion('该协商已被他人更新，请刷新后重试');
      const rounds = await loadRounds(tx, id);
      const latest = rounds.at(-1)!;
      await tx.updateTable('consultation_rounds').set({ closed_at: now }).where('id', '=', latest.round.id).execute();
      for (const p of latest.positions.filter((p) => p.position === 'pending' && p.task_id)) await closeTasks(tx, { taskId: p.task_id! }, { status: 'cancelled' }, now);
      const parties = latest.positions.map((p) => ({ departmentId: p.party_department_id, userId: p.party_user_id }));
      await openRound(tx, actor, m, id, latest.round.round_no + 1, body.question, body.dueWorkingDays, parties);
      await appendAudit(tx, clock, { actorId: actor.id, action: 'consultation.round_opened', entityType: 'consultation', entityId: id, matterId: m.id, detail: { roundNo: latest.round.round_no + 1 } });
    });
    return present(db, (await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
  }

  /** Record the outcome. With open disagreements it must be escalated to a leader (not papered over). */
  async function settle(actor: Actor, id: string, body: z.infer<typeof api.SettleConsultationBody>) {
    requireWorkflowUser(actor);
    await runTx(db, async (tx) => {
      const { c, m } = await consultationFor(tx, actor, id);
      if (!may(actor, 'settle', m)) throw forbidden('您没有权限确定协商结果');
      if (c.status !== 'open') throw invalidState('该协商已结束');
      const a = assess(await loadRounds(tx, id));
      if (!body.escalate && (a.openDisagreements.length > 0 || a.pending > 0)) {
        throw badRequest('仍有分歧或未反馈的意见：请再协商一轮，或勾选“报领导定夺”并如实写明各方意见', 'body.escalate');
      }
      const now = clock.now().toISOString();
      // Parties who never answered are not chased any more once the outcome is recorded.
      const latest = (await loadRounds(tx, id)).at(-1);
      for (const p of latest?.positions.filter((p) => p.position === 'pending' && p.task_id) ?? []) await closeTasks(tx, { taskId: p.task_id! }, { status: 'cancelled' }, now);
      if (latest) await tx.updateTable('consultation_rounds').set({ closed_at: now }).where('id', '=', latest.round.id).where('closed_at', 'is', null).execute();
      const upd = await tx.updateTable('consultations').set({ status: body.escalate ? 'escalated' : 'settled', outcome: body.outcome, closed_at: now, version: c.version + 1 })
        .where('id', '=', id).where('version', '=', body.version).where('status', '=', 'open').executeTakeFirst();
      if (Number(upd.numUpdatedRows) !== 1) throw staleVersion('该协商已被他人更新，请刷新后重试');
      await createMattersRepo(tx).touch(m.id, now);
      await appendAudit(tx, clock, { actorId: actor.id, action: body.escalate ? 'consultation.escalated' : 'consultation.settled', entityType: 'consultation', entityId: id, matterId: m.id, detail: { outcome: body.outcome, openDisagreements: a.openDisagreements } });
    });
    return present(db, (await db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
  }

  return { forMatter, start, respond, newRound, settle };
}
