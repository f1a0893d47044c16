import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/app';
import { testDialects } from '../../test/db';

async function userId(t: TestApp, username: string) {
  return (await t.ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}
async function deptId(t: TestApp, name: string) {
  return (await t.ctx.db.selectFrom('departments').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

describe.each(testDialects())('coordination kernel [%s]', (dialect) => {
  let t: TestApp;
  let office: Agent;
  let liaison: Agent;
  let leader: Agent;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    office = await t.login('office');
    liaison = await t.login('liaison');
    leader = await t.login('leader');
  });
  afterAll(async () => t?.close());

  const newMatter = async (agent: Agent, extra: Record<string, unknown> = {}) => {
    const res = await agent.post('/api/v1/matters', { kind: 'coordination', title: '关于协调某项工作的事项', ...extra });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('X-1 registers a matter, shows the allowed lifecycle buttons and records history', async () => {
    const m = await newMatter(office, { description: '说明', priority: 'urgent', dueWorkingDays: 5 });
    expect(m.status).toBe('registered');
    expect(m.statusLabel).toBe('已登记');
    expect(m.allowedEvents.map((e: { event: string }) => e.event)).toEqual(['startCoordination', 'submitForDecision', 'startExecution', 'cancel']);
    expect(m.history[0].action).toBe('matter.created');
    expect(m.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('two concurrent transitions of one matter: exactly one succeeds, the other gets 409', async () => {
    const m = await newMatter(office);
    const [a, b] = await Promise.all([
      office.post(`/api/v1/matters/${m.id}/events/startCoordination`, { version: m.version }),
      office.post(`/api/v1/matters/${m.id}/events/startExecution`, { version: m.version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('stale_version');
    expect(loser.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    const after = (await office.get(`/api/v1/matters/${m.id}`)).json();
    expect(after.version).toBe(m.version + 1);
    expect(after.history.filter((h: { action: string }) => h.action.startsWith('matter.start'))).toHaveLength(1);
  });

  it('X-4 a user without need-to-know gets 404 for a matter and does not see it in lists', async () => {
    const m = await newMatter(office, { title: '限定知悉范围的协调事项', restricted: true });
    const res = await liaison.get(`/api/v1/matters/${m.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain('不存在或您无权查看');
    const list = (await liaison.get('/api/v1/matters?pageSize=200')).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(m.id);
    const search = (await liaison.get(`/api/v1/matters?q=${encodeURIComponent('限定知悉')}`)).json();
    expect(search.total).toBe(0);
    // Events on it are refused the same way, and nothing changes.
    expect((await liaison.post(`/api/v1/matters/${m.id}/events/cancel`, { version: 1, comment: 'x' })).statusCode).toBe(404);
    // Sharing it with the liaison gives need-to-know.
    const shared = await office.post(`/api/v1/matters/${m.id}/share`, { userIds: [liaison.userId], toRead: true, note: '请阅' });
    expect(shared.statusCode, shared.body).toBe(200);
    expect((await liaison.get(`/api/v1/matters/${m.id}`)).statusCode).toBe(200);
    const toread = (await liaison.get('/api/v1/inbox/toread')).json();
    expect(toread.items.map((i: { matterId: string }) => i.matterId)).toContain(m.id);
  });

  it('X-4 administrators see no matters and cannot act in workflows', async () => {
    const admin = await t.login('admin');
    const m = await newMatter(office);
    expect((await admin.get(`/api/v1/matters/${m.id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/v1/matters')).json().total).toBe(0);
    const res = await admin.post('/api/v1/matters', { kind: 'coordination', title: '管理员尝试登记' });
    expect(res.statusCode).toBe(403);
  });

  it("X-1 a task for a department lands in the liaison's 待办 and, once done, in 已办", async () => {
    const m = await newMatter(office);
    const edu = await deptId(t, '市教育局');
    const task = await office.post(`/api/v1/matters/${m.id}/tasks`, { title: '报送学校安全检查情况', assigneeDepartmentId: edu, dueWorkingDays: 3 });
    expect(task.statusCode, task.body).toBe(200);
    const todo = (await liaison.get('/api/v1/inbox/todo')).json();
    const mine = todo.items.find((i: { id: string }) => i.id === task.json().id);
    expect(mine).toBeTruthy();
    expect(mine.assigneeDepartmentName).toBe('市教育局');
    const counts = (await liaison.get('/api/v1/inbox/counts')).json();
    expect(counts.todo).toBeGreaterThanOrEqual(1);
    expect(counts.unreadNotifications).toBeGreaterThanOrEqual(1);
    const done = await liaison.post(`/api/v1/tasks/${task.json().id}/complete`, { version: 1, result: '已完成检查并报送' });
    expect(done.statusCode, done.body).toBe(200);
    expect((await liaison.get('/api/v1/inbox/done')).json().items.map((i: { id: string }) => i.id)).toContain(task.json().id);
    expect((await liaison.get('/api/v1/inbox/todo')).json().items.map((i: { id: string }) => i.id)).not.toContain(task.json().id);
    // The same completion again is a lost race: 409, nothing changes.
    expect((await liaison.post(`/api/v1/tasks/${task.json().id}/complete`, { version: 1, result: '再次提交' })).statusCode).toBe(409);
  });

  it('X-1 consultation: an open disagreement blocks execution until a new round reaches consensus', async () => {
    const m = await newMatter(office);
    const edu = await deptId(t, '市教育局');
    const fin = await deptId(t, '市财政局');
    const c = await office.post(`/api/v1/matters/${m.id}/consultations`, {
      subject: '经费来源',
      question: '请提出意见',
      departmentIds: [edu, fin],
      dueWorkingDays: 3,
    });
    expect(c.statusCode, c.body).toBe(200);
    const cid = c.json().id;
    const r1 = await liaison.post(`/api/v1/consultations/${cid}/respond`, { position: 'disagree', text: '经费应由财政统筹' });
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json().openDisagreements).toEqual([{ partyName: '市教育局', text: '经费应由财政统筹' }]);
    expect(r1.json().consensus).toBe(false);
    const current = (await office.get(`/api/v1/matters/${m.id}`)).json();
    const blocked = await office.post(`/api/v1/matters/${m.id}/events/startExecution`, { version: current.version });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().error.message).toContain('分歧');
    // Settling it without escalation is refused while the disagreement is open.
    const settle = await office.post(`/api/v1/consultations/${cid}/settle`, { version: r1.json().version, outcome: '按教育局意见办' });
    expect(settle.statusCode).toBe(400);
    // A second round in which both agree.
    const r2 = await office.post(`/api/v1/consultations/${cid}/rounds`, { version: r1.json().version, question: '按第二稿方案，请再提意见' });
    expect(r2.statusCode, r2.body).toBe(200);
    expect(r2.json().rounds).toHaveLength(2);
    await liaison.post(`/api/v1/consultations/${cid}/respond`, { position: 'agree' });
    const finUser = await t.ctx.db.selectFrom('users').select('username').where('department_id', '=', fin).limit(1).executeTakeFirstOrThrow();
    const finAgent = await t.login(finUser.username);
    const r3 = await finAgent.post(`/api/v1/consultations/${cid}/respond`, { position: 'agree_with_changes', text: '资金分两年安排' });
    expect(r3.json().consensus).toBe(true);
    const now = (await office.get(`/api/v1/matters/${m.id}`)).json();
    const ok = await office.post(`/api/v1/matters/${m.id}/events/startExecution`, { version: now.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('executing');
  });

  it("X-1 a matter taken to a leader lands in the leader's 待办 and the decision is recorded as an instruction", async () => {
    const m = await newMatter(office);
    const sent = await office.post(`/api/v1/matters/${m.id}/events/submitForDecision`, { version: m.version, comment: '拟同意，请定夺' });
    expect(sent.statusCode, sent.body).toBe(200);
    const todo = (await leader.get('/api/v1/inbox/todo?pageSize=100')).json();
    expect(todo.items.some((i: { matterId: string; kind: string }) => i.matterId === m.id && i.kind === 'decide')).toBe(true);
    const view = (await leader.get(`/api/v1/matters/${m.id}`)).json();
    expect(view.allowedEvents.map((e: { event: string }) => e.event)).toEqual(['decide', 'returnToOffice']);
    const noComment = await leader.post(`/api/v1/matters/${m.id}/events/decide`, { version: view.version });
    expect(noComment.statusCode).toBe(400);
    const decided = await leader.post(`/api/v1/matters/${m.id}/events/decide`, { version: view.version, comment: '同意，由市教育局牵头办理' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().status).toBe('executing');
    expect(decided.json().instructions[0]).toMatchObject({ kind: 'decision', decision: 'approve', text: '同意，由市教育局牵头办理' });
    // The office may not decide.
    const m2 = await newMatter(office);
    await office.post(`/api/v1/matters/${m2.id}/events/submitForDecision`, { version: m2.version });
    expect((await office.post(`/api/v1/matters/${m2.id}/events/decide`, { version: m2.version + 1, comment: '越权' })).statusCode).toBe(403);
  });

  it('X-1 links two matters both ways and refuses a link to a matter the user cannot see', async () => {
    const a = await newMatter(office);
    const b = await newMatter(office);
    const res = await office.post(`/api/v1/matters/${a.id}/links`, { toId: b.id, kind: 'follow_up' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().links[0]).toMatchObject({ otherId: b.id, direction: 'out', kind: 'follow_up' });
    expect((await office.get(`/api/v1/matters/${b.id}`)).json().links[0]).toMatchObject({ otherId: a.id, direction: 'in' });
    expect((await office.post(`/api/v1/matters/${a.id}/links`, { toId: 'nope', kind: 'related' })).statusCode).toBe(400);
  });

  it('X-1 bad input is a 400 naming the field, in Chinese, and changes nothing', async () => {
    const before = (await office.get('/api/v1/matters')).json().total;
    const cases: [unknown, string][] = [
      [{ kind: 'coordination' }, 'body.title'],
      [{ kind: 'coordination', title: '' }, 'body.title'],
      [{ kind: 'coordination', title: 123 }, 'body.title'],
      [{ kind: 'other', title: '标题' }, 'body.kind'],
      [{ kind: 'coordination', title: '标题', dueWorkingDays: 0 }, 'body.dueWorkingDays'],
      [{ kind: 'coordination', title: '标题', accessUserIds: ['ghost'] }, 'body.accessUserIds[0]'],
      [{ kind: 'coordination', title: '标题', classification: '机密' }, 'body.classification'],
    ];
    for (const [body, path] of cases) {
      const res = await office.post('/api/v1/matters', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.path).toBe(path);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/matters',
      // signed in: without a session the request is refused (401) before its body is read
      headers: { ...office.headers, 'content-type': 'application/json' },
      payload: '{"kind":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('invalid_json');
    expect((await office.get('/api/v1/matters')).json().total).toBe(before);
  });
});

describe.each(testDialects())('kernel guard rails [%s]', (dialect) => {
  let t: TestApp;
  let office: Agent;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    office = await t.login('office');
  });
  afterAll(async () => t?.close());
  const newMatter = async () => (await office.post('/api/v1/matters', { kind: 'coordination', title: '护栏测试事项' })).json();

  it('X-4 administrators are never workflow targets: not as owner, assignee, party or reader', async () => {
    const m = await newMatter();
    const admin = await userId(t, 'admin');
    const auditor = await userId(t, 'auditor');
    expect((await office.post('/api/v1/matters', { kind: 'coordination', title: '管理员负责', ownerId: admin })).json().error.path).toBe('body.ownerId');
    expect((await office.post(`/api/v1/matters/${m.id}/tasks`, { title: '交给审计员', assigneeUserId: auditor })).statusCode).toBe(400);
    expect((await office.post(`/api/v1/matters/${m.id}/consultations`, { subject: 's', question: 'q', userIds: [admin] })).json().error.path).toBe(
      'body.userIds[0]',
    );
    expect((await office.post(`/api/v1/matters/${m.id}/share`, { userIds: [auditor], toRead: true })).json().error.path).toBe('body.userIds[0]');
    // A task for the office department reaches its workflow staff, not the administrators sitting there.
    const officeDept = (await t.ctx.db.selectFrom('users').select('department_id').where('username', '=', 'office').executeTakeFirstOrThrow()).department_id!;
    expect((await office.post(`/api/v1/matters/${m.id}/tasks`, { title: '办公室承办', assigneeDepartmentId: officeDept })).statusCode).toBe(200);
    const adminAgent = await t.login('admin');
    expect((await adminAgent.get('/api/v1/inbox/todo')).json().total).toBe(0);
    expect((await adminAgent.get('/api/v1/notifications')).json().total).toBe(0);
  });

  it('X-1 an event name that is not in the table is a 400, whatever it is called', async () => {
    const m = await newMatter();
    for (const event of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'nope']) {
      const res = await office.post(`/api/v1/matters/${m.id}/events/${event}`, { version: m.version });
      expect(res.statusCode, event).toBe(400);
      expect(res.json().error.path).toBe('params.event');
    }
  });

  it('X-1 only generic tasks are assigned and completed directly; workflow tasks need their own step', async () => {
    const m = await newMatter();
    const bad = await office.post(`/api/v1/matters/${m.id}/tasks`, { title: '伪造征求意见任务', kind: 'consult', assigneeUserId: await userId(t, 'liaison') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.path).toBe('body.kind');
    await office.post(`/api/v1/matters/${m.id}/events/submitForDecision`, { version: m.version });
    const leader = await t.login('leader');
    const decide = (await leader.get('/api/v1/inbox/todo?pageSize=100')).json().items.find((x: { matterId: string }) => x.matterId === m.id);
    const res = await leader.post(`/api/v1/tasks/${decide.id}/complete`, { version: decide.version, result: '绕过定夺' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('定夺');
    // The office cannot complete someone else's task either.
    const task = (
      await office.post(`/api/v1/matters/${(await newMatter()).id}/tasks`, { title: '联络员的任务', assigneeUserId: await userId(t, 'liaison') })
    ).json();
    expect((await office.post(`/api/v1/tasks/${task.id}/complete`, { version: 1, result: '代办' })).statusCode).toBe(403);
  });

  it('X-1 settling a consultation stops chasing parties who never answered', async () => {
    const m = await newMatter();
    const edu = await deptId(t, '市教育局');
    const fin = await deptId(t, '市财政局');
    const c = (
      await office.post(`/api/v1/matters/${m.id}/consultations`, { subject: '经费', question: '请提意见', departmentIds: [edu, fin], dueWorkingDays: 2 })
    ).json();
    const liaison = await t.login('liaison');
    const r = (await liaison.post(`/api/v1/consultations/${c.id}/respond`, { position: 'disagree', text: '不同意' })).json();
    const s = await office.post(`/api/v1/consultations/${c.id}/settle`, { version: r.version, outcome: '各方意见如实报领导定夺', escalate: true });
    expect(s.statusCode, s.body).toBe(200);
    const tasks = (await office.get(`/api/v1/matters/${m.id}`)).json().tasks;
    expect(tasks.filter((x: { kind: string; status: string }) => x.kind === 'consult' && x.status === 'open')).toEqual([]);
    const pendingTimers = await t.ctx.db.selectFrom('timers').select('id').where('matter_id', '=', m.id).where('state', '=', 'pending').execute();
    expect(pendingTimers).toEqual([]);
  });
});
