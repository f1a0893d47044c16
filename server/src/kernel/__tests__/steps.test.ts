import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, chinaDate, chinaTime, previousWorkingDay } from '@xietiao/domain';
import { createTestApp, type Agent, type TestApp } from '../../test/app';
import { testDialects } from '../../test/db';

type P = {
  id: string;
  partyId: string;
  partyName: string;
  state: string;
  response: string | null;
  text: string | null;
  taskId: string | null;
  dueDate: string | null;
  reason: string | null;
  seq: number;
};
type S = {
  id: string;
  status: string;
  outcome: string | null;
  version: number;
  participants: P[];
  groupId: string | null;
  roundNo: number;
  type: string;
  dueDate: string | null;
};
type TodoItem = { id: string; matterId: string; kind: string; title: string; dueDate: string | null; assigneeUserId: string | null };

async function userId(t: TestApp, username: string) {
  return (await t.ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}
async function deptId(t: TestApp, name: string) {
  return (await t.ctx.db.selectFrom('departments').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

describe.each(testDialects())('K-3 steps with participants [%s]', (dialect) => {
  let t: TestApp;
  let office: Agent, clerk: Agent, reviewer: Agent, leader: Agent, deputy: Agent, liaison: Agent;
  let edu: string, outsideOrgan: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    [office, clerk, reviewer, leader, deputy, liaison] = await Promise.all(
      ['office', 'clerk', 'reviewer', 'leader', 'deputy', 'liaison'].map((u) => t.login(u)),
    );
    edu = await deptId(t, '市教育局');
    outsideOrgan = (
      await t.ctx.db.selectFrom('organs').select('id').where('is_self', '=', 0).where('active', '=', 1).orderBy('name').limit(1).executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => t?.close());

  const newMatter = async (extra: Record<string, unknown> = {}) => {
    const res = await office.post('/api/v1/matters', { kind: 'coordination', title: '关于办理步骤测试的事项', ...extra });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; version: number };
  };
  const user = (a: Agent, role?: string) => ({ type: 'user', id: a.userId, ...(role ? { role } : {}) });
  const openStep = async (matterId: string, body: Record<string, unknown>, by = office) => {
    const res = await by.post(`/api/v1/matters/${matterId}/steps`, { subject: '请办理', question: '请提出意见', dueWorkingDays: 3, ...body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as S;
  };
  const step = async (id: string) => (await office.get(`/api/v1/steps/${id}`)).json() as S;
  const respond = (a: Agent, s: { id: string }, body: Record<string, unknown>) => a.post(`/api/v1/steps/${s.id}/respond`, body);
  const ok = async (a: Agent, s: { id: string }, body: Record<string, unknown>) => {
    const res = await respond(a, s, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as S;
  };
  const todoOf = async (a: Agent, stepId: string) => {
    const items = (await a.get('/api/v1/inbox/todo?pageSize=200')).json().items as TodoItem[];
    const s = await step(stepId);
    const taskIds = new Set(s.participants.map((p) => p.taskId).filter(Boolean));
    return items.filter((i) => taskIds.has(i.id));
  };
  const stateOf = (s: S) => s.participants.map((p) => p.state);

  it('K-3 parallel: every participant gets one task at once (in their 待办); the step completes when all have answered', async () => {
    const m = await newMatter();
    const s = await openStep(m.id, { type: 'countersign', order: 'parallel', participants: [user(clerk), user(reviewer), { type: 'department', id: edu }] });
    expect(s.status).toBe('open');
    expect(stateOf(s)).toEqual(['active', 'active', 'active']);
    for (const a of [clerk, reviewer, liaison]) {
      const todo = await todoOf(a, s.id);
      expect(todo, 'exactly one task per active participant').toHaveLength(1);
      expect(todo[0]).toMatchObject({ matterId: m.id, kind: 'countersign' });
      expect(todo[0].dueDate).toBe(addWorkingDays(chinaDate(t.clock.now()), 3));
    }
    const bad = await respond(clerk, s, { response: 'disagree' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.path).toBe('body.text');
    await ok(clerk, s, { response: 'agree' });
    expect(await todoOf(clerk, s.id)).toEqual([]);
    await ok(liaison, s, { response: 'disagree', text: '经费渠道不明确' });
    expect((await step(s.id)).status).toBe('open');
    const done = await ok(reviewer, s, { response: 'agree_with_changes', text: '第三条改为“原则上”' });
    expect(done).toMatchObject({ status: 'completed', outcome: 'disagreement' });
    expect(done.participants.map((p) => p.response)).toEqual(['agree', 'agree_with_changes', 'disagree']);
    const tasks = (await office.get(`/api/v1/matters/${m.id}`)).json().tasks.filter((x: { kind: string }) => x.kind === 'countersign');
    expect(tasks.map((x: { status: string }) => x.status)).toEqual(['done', 'done', 'done']);
    // Responding twice is a 409, and changes nothing.
    const again = await respond(clerk, s, { response: 'disagree', text: '改主意了' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('invalid_state');
  });

  it('K-3 sequential: only the one whose turn it is has a task; the next gets theirs when the previous answers', async () => {
    const m = await newMatter();
    const s = await openStep(m.id, { type: 'circulate', order: 'sequential', participants: [user(clerk), user(reviewer), user(deputy)] });
    expect(stateOf(s)).toEqual(['active', 'pending', 'pending']);
    expect(await todoOf(clerk, s.id)).toHaveLength(1);
    expect(await todoOf(reviewer, s.id)).toHaveLength(0);
    const early = await respond(reviewer, s, { response: 'read' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('invalid_state');
    expect(early.json().error.message).toContain('尚未轮到');
    expect((await respond(office, s, { response: 'read' })).statusCode).toBe(403);
    const s1 = await ok(clerk, s, { response: 'read' });
    expect(stateOf(s1)).toEqual(['responded', 'active', 'pending']);
    expect(await todoOf(reviewer, s.id)).toHaveLength(1);
    await ok(reviewer, s, { response: 'read_with_comment', text: '请各部门认真贯彻' });
    const last = await ok(deputy, s, { response: 'read' });
    expect(last).toMatchObject({ status: 'completed', outcome: 'read' });
    const history = (await office.get(`/api/v1/matters/${m.id}`)).json().history.map((h: { action: string }) => h.action);
    expect(history).toEqual(expect.arrayContaining(['step.opened', 'step.responded', 'step.completed']));
  });

  it('K-3 completion rule any: the first answer completes the step and the other tasks close', async () => {
    const m = await newMatter();
    const s = await openStep(m.id, { type: 'circulate', order: 'parallel', completion: 'any', participants: [user(clerk), user(reviewer)] });
    expect(stateOf(s)).toEqual(['active', 'active']);
    const done = await ok(reviewer, s, { response: 'read' });
    expect(done).toMatchObject({ status: 'completed', outcome: 'read' });
    expect(stateOf(done)).toEqual(['closed', 'responded']);
    expect(await todoOf(clerk, s.id)).toEqual([]);
    const pending = await t.ctx.db
      .selectFrom('timers')
      .select('id')
      .where('task_id', '=', done.participants[0].taskId!)
      .where('state', '=', 'pending')
      .execute();
    expect(pending).toEqual([]);
    expect((await respond(clerk, s, { response: 'read' })).statusCode).toBe(409);
  });

  it('K-3 completion rule lead: 承办 completes when the lead reports done; an assistant reports to the lead', async () => {
    const m = await newMatter();
    const s = await openStep(m.id, { type: 'handle', participants: [{ type: 'department', id: edu, role: 'lead' }, user(clerk, 'assistant')] });
    expect(s.participants.map((p) => [p.state, p.partyName])).toEqual([
      ['active', '市教育局'],
      ['active', expect.any(String)],
    ]);
    expect((await todoOf(liaison, s.id))[0].title).toMatch(/^承办：/);
    expect((await todoOf(clerk, s.id))[0].title).toMatch(/^协办：/);
    // A step's task is answered through its step, never by a bare "complete" (承办 shares the task kind 'handle').
    const bare = await liaison.post(`/api/v1/tasks/${s.participants[0].taskId}/complete`, { version: 1, result: '绕过步骤' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.message).toContain('办理步骤');
    const noResult = await respond(liaison, s, { response: 'done' });
    expect(noResult.json().error.path).toBe('body.text');
    const r = await ok(clerk, s, { response: 'done', text: '协办意见：已提供相关数据' });
    expect(r.status).toBe('open');
    const told = (await liaison.get('/api/v1/notifications?pageSize=50')).json().items as { title: string }[];
    expect(told.some((n) => n.title.includes('报送协办意见'))).toBe(true);
    const done = await ok(liaison, s, { response: 'done', text: '已办结，报告附后' });
    expect(done).toMatchObject({ status: 'completed', outcome: 'done' });
    // The lead cannot be skipped or removed: it is reassigned instead.
    const s2 = await openStep(m.id, { type: 'handle', participants: [{ type: 'department', id: edu }, user(clerk)] });
    expect(s2.participants.map((p) => (p as P & { role: string }).role)).toEqual(['lead', 'assistant']);
    const lead = s2.participants[0];
    const refused = await office.post(`/api/v1/steps/${s2.id}/participants/${lead.id}/skip`, { version: s2.version, reason: '外出' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toContain('主办');
  });

  it('K-3 approval chain: each signs in turn; a decline ends it at once', async () => {
    const m = await newMatter();
    const s = await openStep(m.id, { type: 'approve', participants: [user(deputy), user(leader)] });
    expect(stateOf(s)).toEqual(['active', 'pending']);
    await ok(deputy, s, { response: 'approve_with_changes', text: '请补充经费测算' });
    const declined = await ok(leader, s, { response: 'decline', text: '暂缓' });
    expect(declined).toMatchObject({ status: 'completed', outcome: 'declined' });
    const s2 = await openStep(m.id, { type: 'approve', participants: [user(deputy), user(leader)] });
    const r = await ok(deputy, s2, { response: 'return', text: '退回修改' });
    expect(r).toMatchObject({ status: 'completed', outcome: 'returned' });
    expect(stateOf(r)).toEqual(['responded', 'closed']);
    expect(await todoOf(leader, s2.id)).toEqual([]);
    const bad = await office.post(`/api/v1/matters/${m.id}/steps`, { type: 'approve', subject: '审批', participants: [{ type: 'department', id: edu }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.path).toBe('body.participants[0]');
    const order = await office.post(`/api/v1/matters/${m.id}/steps`, { type: 'approve', order: 'parallel', subject: '审批', participants: [user(leader)] });
    expect(order.json().error.path).toBe('body.order');
    expect(order.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('K-3 add: a participant added mid-way gets a task (parallel) or waits its turn (sequential), never before the active one', async () => {
    const m = await newMatter();
    const par = await openStep(m.id, { type: 'consult', participants: [user(clerk)] });
    const added = await office.post(`/api/v1/steps/${par.id}/participants`, { version: par.version, party: user(reviewer) });
    expect(added.statusCode, added.body).toBe(200);
    expect(stateOf(added.json())).toEqual(['active', 'active']);
    expect(await todoOf(reviewer, par.id)).toHaveLength(1);
    // A stale version is refused; the same party twice is a duplicate.
    expect((await office.post(`/api/v1/steps/${par.id}/participants`, { version: par.version, party: user(deputy) })).json().error.code).toBe('stale_version');
    const dup = await office.post(`/api/v1/steps/${par.id}/participants`, { version: added.json().version, party: user(reviewer) });
    expect(dup.json().error).toMatchObject({ code: 'duplicate', path: 'body.party.id' });

    const seq = await openStep(m.id, { type: 'circulate', order: 'sequential', participants: [user(clerk), user(reviewer)] });
    const before = await office.post(`/api/v1/steps/${seq.id}/participants`, { version: seq.version, party: user(deputy), position: 0 });
    expect(before.statusCode).toBe(422);
    expect(before.json().error.path).toBe('body.position');
    const between = await office.post(`/api/v1/steps/${seq.id}/participants`, { version: seq.version, party: user(deputy), position: 1 });
    expect(between.statusCode, between.body).toBe(200);
    expect(between.json().participants.map((p: P) => [p.partyId, p.state])).toEqual([
      [clerk.userId, 'active'],
      [deputy.userId, 'pending'],
      [reviewer.userId, 'pending'],
    ]);
    await ok(clerk, seq, { response: 'read' });
    expect(await todoOf(deputy, seq.id)).toHaveLength(1);
    expect(await todoOf(reviewer, seq.id)).toHaveLength(0);
    // Only the office or the matter's owner manages steps.
    expect((await liaison.post(`/api/v1/steps/${seq.id}/participants`, { version: 1, party: user(leader) })).statusCode).toBe(404);
    expect((await clerk.post(`/api/v1/steps/${seq.id}/participants`, { version: (await step(seq.id)).version, party: user(leader) })).statusCode).toBe(200);
    expect((await deputy.post(`/api/v1/steps/${seq.id}/participants`, { version: (await step(seq.id)).version, party: user(liaison) })).statusCode).toBe(403);
  });

  it("K-3 remove: the participant's task is cancelled and the next one's turn comes; the last one cannot be removed", async () => {
    const m = await newMatter();
    const s = await openStep(m.id, { type: 'countersign', order: 'sequential', participants: [user(clerk), user(reviewer)] });
    const clerkTask = s.participants[0].taskId!;
    const noReason = await office.post(`/api/v1/steps/${s.id}/participants/${s.participants[0].id}/remove`, { version: s.version });
    expect(noReason.json().error.path).toBe('body.reason');
    const r = await office.post(`/api/v1/steps/${s.id}/participants/${s.participants[0].id}/remove`, { version: s.version, reason: '误选，与本事项无关' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().participants.map((p: P) => [p.state, p.reason])).toEqual([
      ['removed', '误选，与本事项无关'],
      ['active', null],
    ]);
    expect(await todoOf(clerk, s.id)).toEqual([]);
    const task = await t.ctx.db.selectFrom('tasks').select('status').where('id', '=', clerkTask).executeTakeFirstOrThrow();
    expect(task.status).toBe('cancelled');
    expect(await todoOf(reviewer, s.id)).toHaveLength(1);
    const last = await office.post(`/api/v1/steps/${s.id}/participants/${s.participants[1].id}/remove`, { version: r.json().version, reason: '不需要' });
    expect(last.statusCode).toBe(422);
    expect(last.json().error.message).toContain('最后一位');
  });

  it('K-3 skip (with a reason, e.g. the reader is away): recorded, the task closes, the turn passes on', async () => {
    const m = await newMatter();
    const s = await openStep(m.id, { type: 'circulate', order: 'sequential', participants: [user(deputy), user(clerk), user(reviewer)] });
    const skipped = await office.post(`/api/v1/steps/${s.id}/participants/${s.participants[0].id}/skip`, {
      version: s.version,
      reason: '李卫东同志出差，不再等候',
    });
    expect(skipped.statusCode, skipped.body).toBe(200);
    expect(skipped.json().participants.map((p: P) => p.state)).toEqual(['skipped', 'active', 'pending']);
    expect(skipped.json().participants[0].reason).toBe('李卫东同志出差，不再等候');
    expect(await todoOf(deputy, s.id)).toEqual([]);
    expect(await todoOf(clerk, s.id)).toHaveLength(1);
    // A pending one can be skipped too; then the last reader completes it.
    const s2 = (
      await office.post(`/api/v1/steps/${s.id}/participants/${s.participants[2].id}/skip`, { version: skipped.json().version, reason: '休假' })
    ).json();
    expect(s2.participants.map((p: P) => p.state)).toEqual(['skipped', 'active', 'skipped']);
    const done = await ok(clerk, s, { response: 'read' });
    expect(done).toMatchObject({ status: 'completed', outcome: 'read' });
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('matter_id', '=', m.id)
      .where('action', '=', 'step.participant_skipped')
      .execute();
    expect(audit.map((a) => JSON.parse(a.detail!).reason)).toEqual(['李卫东同志出差，不再等候', '休假']);
  });

  it("K-3 reassign: an active participant's task moves to the new party, with the reason on record", async () => {
    const m = await newMatter();
    const s = await openStep(m.id, { type: 'consult', participants: [user(clerk), { type: 'department', id: edu }] });
    const taskId = s.participants[0].taskId!;
    const res = await office.post(`/api/v1/steps/${s.id}/participants/${s.participants[0].id}/reassign`, {
      version: s.version,
      party: user(reviewer),
      reason: '刘洋同志调岗，由陈静同志办理',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().participants[0]).toMatchObject({ partyId: reviewer.userId, state: 'active', taskId });
    expect(await todoOf(clerk, s.id)).toEqual([]);
    expect((await todoOf(reviewer, s.id)).map((x) => x.id)).toEqual([taskId]);
    expect((await respond(clerk, s, { response: 'agree' })).statusCode).toBe(403);
    await ok(reviewer, s, { response: 'agree' });
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select('detail')
      .where('matter_id', '=', m.id)
      .where('action', '=', 'step.participant_reassigned')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!).reason).toBe('刘洋同志调岗，由陈静同志办理');
    // Reassigning onto someone already in the step is refused.
    const dup = await office.post(`/api/v1/steps/${s.id}/participants/${s.participants[1].id}/reassign`, {
      version: (await step(s.id)).version,
      party: user(reviewer),
      reason: '重复',
    });
    expect(dup.json().error.code).toBe('duplicate');
  });

  it("K-3 extend: the task's due date moves and its reminder and overdue timers are set again", async () => {
    const m = await newMatter();
    const s = await openStep(m.id, { type: 'countersign', participants: [user(clerk), user(reviewer)], dueWorkingDays: 3 });
    const [a, b] = s.participants;
    const oldDue = a.dueDate!;
    expect(oldDue).toBe(addWorkingDays(chinaDate(t.clock.now()), 3));
    const noReason = await office.post(`/api/v1/steps/${s.id}/extend`, { version: s.version, participantId: a.id, workingDays: 2 });
    expect(noReason.json().error.path).toBe('body.reason');
    const earlier = await office.post(`/api/v1/steps/${s.id}/extend`, { version: s.version, participantId: a.id, dueDate: oldDue, reason: '材料未齐' });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().error.path).toBe('body.dueDate');
    const res = await office.post(`/api/v1/steps/${s.id}/extend`, { version: s.version, participantId: a.id, workingDays: 2, reason: '需征求下属单位意见' });
    expect(res.statusCode, res.body).toBe(200);
    const newDue = addWorkingDays(oldDue, 2);
    expect(res.json().participants.map((p: P) => p.dueDate)).toEqual([newDue, oldDue]);
    expect((await todoOf(clerk, s.id))[0].dueDate).toBe(newDue);
    const timers = await t.ctx.db
      .selectFrom('timers')
      .select(['kind', 'state', 'due_at'])
      .where('task_id', '=', a.taskId!)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    expect(timers.filter((x) => x.state === 'cancelled')).toHaveLength(2);
    const pending = timers
      .filter((x) => x.state === 'pending')
      .map((x) => [x.kind, x.due_at])
      .sort();
    expect(pending).toEqual(
      [
        ['task.due_soon', chinaTime(previousWorkingDay(newDue), '09:00').toISOString()],
        ['task.overdue', chinaTime(addWorkingDays(newDue, 1), '09:00').toISOString()],
      ].sort(),
    );
    // The other participant's deadline and timers are untouched.
    expect(await t.ctx.db.selectFrom('timers').select('id').where('task_id', '=', b.taskId!).where('state', '=', 'cancelled').execute()).toEqual([]);
    // The whole step: every open task moves to the given date.
    const all = await office.post(`/api/v1/steps/${s.id}/extend`, { version: res.json().version, dueDate: addWorkingDays(newDue, 1), reason: '统一延期' });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().participants.map((p: P) => p.dueDate)).toEqual([addWorkingDays(newDue, 1), addWorkingDays(newDue, 1)]);
    expect(all.json().dueDate).toBe(addWorkingDays(newDue, 1));
  });

  it('K-3 a sequential step keeps its order when two participants answer at once', async () => {
    for (let i = 0; i < 4; i += 1) {
      const m = await newMatter();
      const s = await openStep(m.id, { type: 'countersign', order: 'sequential', participants: [user(clerk), user(reviewer), user(deputy)] });
      // Each answers the step as they saw it: the clerk's turn; the reviewer tries to jump the queue.
      const pair = [respond(clerk, s, { version: s.version, response: 'agree' }), respond(reviewer, s, { version: s.version, response: 'agree' })];
      const [c, r] = i % 2 === 0 ? await Promise.all(pair) : (await Promise.all([...pair].reverse())).reverse();
      expect(c.statusCode, c.body).toBe(200);
      expect(r.statusCode, r.body).toBe(409);
      expect(['invalid_state', 'stale_version']).toContain(r.json().error.code);
      const now = await step(s.id);
      expect(stateOf(now)).toEqual(['responded', 'active', 'pending']);
      expect(now.participants[1].response).toBeNull();
      const audit = await t.ctx.db.selectFrom('audit_events').select('id').where('matter_id', '=', m.id).where('action', '=', 'step.responded').execute();
      expect(audit).toHaveLength(1);
    }
  });

  it('K-3 two parallel answers at once both count and the step completes exactly once', async () => {
    const m = await newMatter();
    const s = await openStep(m.id, { type: 'countersign', participants: [user(clerk), user(reviewer)] });
    const [a, b] = await Promise.all([respond(clerk, s, { response: 'agree' }), respond(reviewer, s, { response: 'agree' })]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(await step(s.id)).toMatchObject({ status: 'completed', outcome: 'consensus' });
    const completed = await t.ctx.db.selectFrom('audit_events').select('id').where('matter_id', '=', m.id).where('action', '=', 'step.completed').execute();
    expect(completed).toHaveLength(1);
  });

  it('K-3 an outside organ is answered by the office on its behalf; the step is tied to its content version', async () => {
    const m = await newMatter();
    const s = await openStep(m.id, { type: 'consult', participants: [{ type: 'organ', id: outsideOrgan }], contentVersionNo: 2 });
    expect((s as S & { contentVersionNo: number }).contentVersionNo).toBe(2);
    const organTask = await todoOf(office, s.id);
    expect(organTask).toHaveLength(1);
    expect(organTask[0].title).toContain('代');
    const noId = await respond(office, s, { response: 'agree' });
    expect(noId.statusCode).toBe(403);
    expect((await respond(liaison, s, { participantId: s.participants[0].id, response: 'agree' })).statusCode).toBe(404);
    const done = await ok(office, s, { participantId: s.participants[0].id, response: 'agree_with_changes', text: '来函意见：建议调整时间' });
    expect(done).toMatchObject({ status: 'completed', outcome: 'consensus' });
    expect(done.participants[0]).toMatchObject({ respondedBy: office.userId, text: '来函意见：建议调整时间' });
  });

  it("K-3 need-to-know: a matter's steps are read only by those who may see it; participants are given access", async () => {
    const m = await newMatter({ restricted: true });
    expect((await liaison.get(`/api/v1/matters/${m.id}/steps`)).statusCode).toBe(404);
    const s = await openStep(m.id, { type: 'circulate', order: 'sequential', participants: [user(clerk), { type: 'department', id: edu }] });
    expect((await liaison.get(`/api/v1/matters/${m.id}/steps`)).statusCode).toBe(200);
    expect((await liaison.get(`/api/v1/steps/${s.id}`)).json().participants).toHaveLength(2);
    expect((await leader.get(`/api/v1/steps/${s.id}`)).statusCode).toBe(404);
    expect((await leader.post(`/api/v1/steps/${s.id}/respond`, { response: 'read' })).statusCode).toBe(404);
    const list = (await office.get(`/api/v1/matters/${m.id}/steps`)).json().items as S[];
    expect(list.map((x) => x.id)).toEqual([s.id]);
    // Bad input names the field, in Chinese, and writes nothing.
    const before = list.length;
    for (const [body, path] of [
      [{ type: 'sign', subject: 's', participants: [user(clerk)] }, 'body.type'],
      [{ type: 'consult', subject: '', participants: [user(clerk)] }, 'body.subject'],
      [{ type: 'consult', subject: 's', participants: [] }, 'body.participants'],
      [{ type: 'consult', subject: 's', participants: [{ type: 'user', id: 'ghost' }] }, 'body.participants[0].id'],
      [{ type: 'consult', subject: 's', participants: [user(clerk), user(clerk)] }, 'body.participants[1].id'],
      [{ type: 'circulate', completion: 'lead', subject: 's', participants: [user(clerk)] }, 'body.completion'],
    ] as const) {
      const res = await office.post(`/api/v1/matters/${m.id}/steps`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.path).toBe(path);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await office.get(`/api/v1/matters/${m.id}/steps`)).json().items).toHaveLength(before);
    const admin = await userId(t, 'admin');
    expect(
      (await office.post(`/api/v1/matters/${m.id}/steps`, { type: 'consult', subject: 's', participants: [{ type: 'user', id: admin }] })).statusCode,
    ).toBe(400);
  });

  it('K-3 cancel: an open step is cancelled with its tasks; a consultation round is not cancelled this way', async () => {
    const m = await newMatter();
    const s = await openStep(m.id, { type: 'countersign', participants: [user(clerk)] });
    const res = await office.post(`/api/v1/steps/${s.id}/cancel`, { version: s.version, reason: '方案已撤回' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled' });
    expect(stateOf(res.json())).toEqual(['closed']);
    expect(await todoOf(clerk, s.id)).toEqual([]);
    expect((await office.post(`/api/v1/steps/${s.id}/cancel`, { version: res.json().version, reason: '再次' })).json().error.code).toBe('invalid_state');
  });

  it('K-3 consultations keep their semantics on steps: consensus only when every party of the latest round answered and none disagrees; every round kept', async () => {
    const m = await newMatter();
    const fin = await deptId(t, '市财政局');
    const finUser = await t.ctx.db.selectFrom('users').select('username').where('department_id', '=', fin).limit(1).executeTakeFirstOrThrow();
    const finance = await t.login(finUser.username);
    const c = (
      await office.post(`/api/v1/matters/${m.id}/consultations`, { subject: '经费来源', question: '请提出意见', departmentIds: [edu, fin], dueWorkingDays: 3 })
    ).json();
    expect(c.rounds).toHaveLength(1);
    expect(c.rounds[0].positions.map((p: { position: string }) => p.position)).toEqual(['pending', 'pending']);
    // One agreement is not consensus while the other party has not answered; the guard blocks.
    const r1 = (await liaison.post(`/api/v1/consultations/${c.id}/respond`, { position: 'agree' })).json();
    expect(r1.consensus).toBe(false);
    const mv = (await office.get(`/api/v1/matters/${m.id}`)).json().version;
    expect((await office.post(`/api/v1/matters/${m.id}/events/startExecution`, { version: mv })).statusCode).toBe(422);
    const r2 = (await finance.post(`/api/v1/consultations/${c.id}/respond`, { position: 'disagree', text: '资金无来源' })).json();
    expect(r2).toMatchObject({ consensus: false, openDisagreements: [{ partyName: '市财政局', text: '资金无来源' }] });
    expect(r2.version).toBeGreaterThan(r1.version);
    // The round is over: a party cannot quietly change its answer; another round is needed.
    expect((await finance.post(`/api/v1/consultations/${c.id}/respond`, { position: 'agree' })).statusCode).toBe(409);
    const round2 = (await office.post(`/api/v1/consultations/${c.id}/rounds`, { version: r2.version, question: '按第二稿，请再提意见' })).json();
    expect(round2.rounds.map((r: { roundNo: number }) => r.roundNo)).toEqual([1, 2]);
    expect(round2.rounds[0].positions.map((p: { position: string }) => p.position)).toEqual(['agree', 'disagree']);
    expect(round2.rounds[0].closedAt).not.toBeNull();
    expect(round2.openDisagreements).toEqual([]);
    expect(round2.consensus).toBe(false);
    // A stale version of the consultation is refused.
    expect((await office.post(`/api/v1/consultations/${c.id}/rounds`, { version: r2.version, question: '再来' })).json().error.code).toBe('stale_version');
    await liaison.post(`/api/v1/consultations/${c.id}/respond`, { position: 'agree' });
    const r4 = (await finance.post(`/api/v1/consultations/${c.id}/respond`, { position: 'agree_with_changes', text: '分两年安排' })).json();
    expect(r4.consensus).toBe(true);
    expect(r4.rounds[0].positions.map((p: { position: string }) => p.position)).toEqual(['agree', 'disagree']);
    // The rounds are consult steps of one group, in order, each tied to its own tasks.
    const steps = (await office.get(`/api/v1/matters/${m.id}/steps`)).json().items as S[];
    expect(steps.map((s) => [s.type, s.groupId, s.roundNo, s.status])).toEqual([
      ['consult', c.id, 1, 'completed'],
      ['consult', c.id, 2, 'completed'],
    ]);
    expect(steps.map((s) => s.outcome)).toEqual(['disagreement', 'consensus']);
    const mv2 = (await office.get(`/api/v1/matters/${m.id}`)).json().version;
    expect((await office.post(`/api/v1/matters/${m.id}/events/startExecution`, { version: mv2 })).statusCode).toBe(200);
    const settled = (await office.post(`/api/v1/consultations/${c.id}/settle`, { version: r4.version, outcome: '按第二稿执行' })).json();
    expect(settled).toMatchObject({ status: 'settled', outcome: '按第二稿执行', consensus: true });
  });
});
