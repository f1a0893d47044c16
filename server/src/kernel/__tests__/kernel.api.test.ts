/**
 * The kernel's write API as users meet it: a task opened with everything that goes with it
 * (K-2), 催办 on record, deadlines extended with their reminders, recurring progress reminders
 * (K-8), the split conflict codes and transactions that cannot deadlock into a 500 (K-7).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/app';
import { testDialects } from '../../test/db';
import { ManualClock } from '../../platform/clock';
import { createTimerRunner } from '../../platform/timers';
import { runTx } from '../../platform/db/tx';
import { verifyAudit } from '../../platform/audit';
import { timerHandlers } from '../../timers';

describe.each(testDialects())('kernel v2 [%s]', (dialect) => {
  let t: TestApp;
  let office: Agent;
  let liaison: Agent;
  let eduId: string;
  const clock = new ManualClock('2026-11-27T01:00:00Z'); // a Friday, 09:00 in Beijing

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    office = await t.login('office');
    liaison = await t.login('liaison');
    eduId = (await t.ctx.db.selectFrom('departments').select('id').where('name', '=', '市教育局').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t?.close());

  async function matterWithTask(extra: Record<string, unknown> = {}) {
    const m = (await office.post('/api/v1/matters', { kind: 'coordination', title: '关于落实某项工作的协调事项' })).json();
    const res = await office.post(`/api/v1/matters/${m.id}/tasks`, { title: '报送落实情况', assigneeDepartmentId: eduId, dueWorkingDays: 3, ...extra });
    expect(res.statusCode, res.body).toBe(200);
    return { m, task: res.json() };
  }

  it('K-2 opening a task writes the task, its deadline timers, access, audit and the notification in one place', async () => {
    const { m, task } = await matterWithTask();
    expect(task.dueDate).toBe('2026-12-02'); // Fri + 3 working days (Mon, Tue, Wed)
    const timers = await t.ctx.db.selectFrom('timers').select(['kind', 'state']).where('task_id', '=', task.id).orderBy('due_at').execute();
    expect(timers).toEqual([
      { kind: 'task.due_soon', state: 'pending' },
      { kind: 'task.overdue', state: 'pending' },
    ]);
    const access = await t.ctx.db.selectFrom('matter_access').selectAll().where('matter_id', '=', m.id).where('principal_id', '=', eduId).execute();
    expect(access).toHaveLength(1);
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('matter_id', '=', m.id)
      .where('action', '=', 'task.created')
      .execute();
    expect(audit).toEqual([{ action: 'task.created', entity_id: task.id }]);
    const inbox = (await liaison.get('/api/v1/notifications?pageSize=50')).json();
    expect(inbox.items.some((n: { matterId: string; kind: string }) => n.matterId === m.id && n.kind === 'task')).toBe(true);
  });

  it('K-8 催办 is recorded with who chased and when, and the assignee is reminded', async () => {
    const { m, task } = await matterWithTask();
    const res = await office.post(`/api/v1/tasks/${task.id}/chase`, { note: '请于明日前报送' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().chases).toEqual([{ at: clock.now().toISOString(), byName: '王建国', note: '请于明日前报送' }]);
    const again = await office.post(`/api/v1/tasks/${task.id}/chase`, {});
    expect(again.json().chases).toHaveLength(2);
    const detail = (await office.get(`/api/v1/matters/${m.id}`)).json();
    expect(detail.tasks.find((x: { id: string }) => x.id === task.id).chases).toHaveLength(2);
    expect(detail.history.filter((h: { action: string }) => h.action === 'task.chased')).toHaveLength(2);
    const inbox = (await liaison.get('/api/v1/notifications?pageSize=50')).json();
    expect(inbox.items.filter((n: { matterId: string; kind: string }) => n.matterId === m.id && n.kind === 'chase')).toHaveLength(2);
    // the assignee does not chase (only whoever may assign tasks on the matter)
    expect((await liaison.post(`/api/v1/tasks/${task.id}/chase`, {})).statusCode).toBe(403);
  });

  it('K-6 each task says what its viewer may do (办结, 催办, 延期) and the server allows exactly that', async () => {
    const { m, task } = await matterWithTask();
    const tryAction = (who: Agent, action: string, version: number) =>
      action === 'complete'
        ? who.post(`/api/v1/tasks/${task.id}/complete`, { version, result: '已按要求报送' })
        : action === 'chase'
          ? who.post(`/api/v1/tasks/${task.id}/chase`, {})
          : who.post(`/api/v1/tasks/${task.id}/extend`, { dueDate: '2026-12-31', reason: '材料较多，申请延期' });
    const shown = async (who: Agent) => (await who.get(`/api/v1/matters/${m.id}`)).json().tasks.find((x: { id: string }) => x.id === task.id);
    // the office (who registered the matter) chases and extends; the assigned department's liaison completes
    const want: [Agent, string[]][] = [
      [office, ['chase', 'extend']],
      [liaison, ['complete']],
    ];
    for (const [who, actions] of want) expect((await shown(who)).allowedActions).toEqual(actions);
    // every action not shown is refused; chase and extend (which leave the task open) go through when shown
    for (const [who, actions] of want) {
      for (const action of ['complete', 'chase', 'extend']) {
        if (actions.includes(action) && action === 'complete') continue;
        const res = await tryAction(who, action, (await shown(office)).version);
        expect(res.statusCode, `${action}: ${res.body}`).toBe(actions.includes(action) ? 200 : 403);
        if (res.statusCode === 200) expect(res.json().allowedActions).toEqual(actions);
      }
    }
    const done = await tryAction(liaison, 'complete', (await shown(liaison)).version);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().allowedActions).toEqual([]);
    // a done task offers nothing to anyone, and the server refuses it as a state, not a permission
    for (const [who] of want) expect((await shown(who)).allowedActions).toEqual([]);
    expect((await tryAction(office, 'chase', 0)).json().error.code).toBe('invalid_state');
    expect((await tryAction(liaison, 'complete', done.json().version)).json().error.code).toBe('invalid_state');
  });

  it('K-6 adding a file is in the policy: anyone who sees an open matter (attach); nobody once it is closed', async () => {
    const { m } = await matterWithTask();
    const upload = (who: Agent) =>
      who.post(`/api/v1/matters/${m.id}/attachments`, { filename: '材料.txt', mime: 'text/plain', contentBase64: Buffer.from('材料').toString('base64') });
    for (const who of [office, liaison]) {
      expect((await who.get(`/api/v1/matters/${m.id}`)).json().allowedActions.some((a: { action: string }) => a.action === 'attach')).toBe(true);
      expect((await upload(who)).statusCode).toBe(200);
    }
    const d = (await office.get(`/api/v1/matters/${m.id}`)).json();
    const cancel = d.allowedEvents.find((e: { event: string }) => e.event === 'cancel');
    expect(cancel, JSON.stringify(d.allowedEvents)).toBeTruthy();
    expect((await office.post(`/api/v1/matters/${m.id}/events/cancel`, { version: d.version, comment: '不再需要' })).statusCode).toBe(200);
    expect((await office.get(`/api/v1/matters/${m.id}`)).json().allowedActions.some((a: { action: string }) => a.action === 'attach')).toBe(false);
    const refused = await upload(office);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('invalid_state');
  });

  it('X-4 /auth/me says which kinds a person may register, and the server refuses the others', async () => {
    const leader = await t.login('leader');
    const cases: [Agent, string[]][] = [
      [office, ['coordination', 'activity', 'outgoing']],
      [leader, ['coordination', 'activity']],
      [liaison, ['activity', 'outgoing']],
    ];
    for (const [who, kinds] of cases) {
      expect((await who.get('/api/v1/auth/me')).json().mayRegister).toEqual(kinds);
      const res = await who.post('/api/v1/matters', { kind: 'coordination', title: '关于某项工作的协调事项' });
      expect(res.statusCode, res.body).toBe(kinds.includes('coordination') ? 200 : 403);
    }
    const admin = await t.login('admin');
    expect((await admin.get('/api/v1/auth/me')).json().mayRegister).toEqual([]);
  });

  it('K-8 extending a deadline moves the date and its reminders, with the reason on record', async () => {
    const { m, task } = await matterWithTask();
    const bad = await office.post(`/api/v1/tasks/${task.id}/extend`, { dueDate: '2026-12-01', reason: '材料较多' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.path).toBe('body.dueDate');
    const noReason = await office.post(`/api/v1/tasks/${task.id}/extend`, { dueDate: '2026-12-09' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.path).toBe('body.reason');
    const res = await office.post(`/api/v1/tasks/${task.id}/extend`, { dueDate: '2026-12-09', reason: '需征求三个部门意见' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().dueDate).toBe('2026-12-09');
    const timers = await t.ctx.db
      .selectFrom('timers')
      .select(['kind', 'state', 'due_at'])
      .where('task_id', '=', task.id)
      .orderBy('created_at')
      .orderBy('due_at')
      .execute();
    expect(timers.filter((x) => x.state === 'cancelled')).toHaveLength(2);
    const pending = timers.filter((x) => x.state === 'pending');
    expect(pending.map((x) => x.kind).sort()).toEqual(['task.due_soon', 'task.overdue']);
    expect(pending.find((x) => x.kind === 'task.due_soon')!.due_at).toBe('2026-12-08T01:00:00.000Z'); // 09:00 the working day before
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select('detail')
      .where('matter_id', '=', m.id)
      .where('action', '=', 'task.extended')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toMatchObject({ from: '2026-12-02', to: '2026-12-09', reason: '需征求三个部门意见' });
  });

  it('K-8 a progress reminder recurs every N working days while the task is open, and stops when it is done', async () => {
    const runner = createTimerRunner(t.ctx, timerHandlers(t.ctx));
    await runner.runDue();
    const { m, task } = await matterWithTask({ progressEveryWorkingDays: 2, dueWorkingDays: 20 });
    const progress = () =>
      t.ctx.db.selectFrom('timers').select(['state', 'due_at']).where('task_id', '=', task.id).where('kind', '=', 'task.progress').orderBy('due_at').execute();
    expect((await progress()).map((x) => x.due_at)).toEqual(['2026-12-01T01:00:00.000Z']); // Tue 09:00: two working days after Fri
    // sessions expire over the days the clock moves: log in afresh to look
    const reminders = async () =>
      (await (await t.login('liaison')).get('/api/v1/notifications?pageSize=50'))
        .json()
        .items.filter((n: { matterId: string; kind: string }) => n.matterId === m.id && n.kind === 'progress_reminder');
    clock.set('2026-12-01T01:30:00Z');
    await runner.runDue();
    expect(await reminders()).toHaveLength(1);
    expect((await progress()).map((x) => [x.state, x.due_at])).toEqual([
      ['fired', '2026-12-01T01:00:00.000Z'],
      ['pending', '2026-12-03T01:00:00.000Z'],
    ]);
    office = await t.login('office');
    liaison = await t.login('liaison');
    const chased = (await office.get(`/api/v1/matters/${m.id}`)).json().tasks.find((x: { id: string }) => x.id === task.id).chases;
    expect(chased).toEqual([expect.objectContaining({ byName: null, note: '定期督办提醒' })]);
    // the department reports: the task is done, the next reminder fires but says nothing
    const done = await liaison.post(`/api/v1/tasks/${task.id}/complete`, {
      version: (await office.get(`/api/v1/matters/${m.id}`)).json().tasks.find((x: { id: string }) => x.id === task.id).version,
      result: '已落实',
    });
    expect(done.statusCode, done.body).toBe(200);
    clock.set('2026-12-03T02:00:00Z');
    await runner.runDue();
    expect(await reminders()).toHaveLength(1);
  });

  it('K-7 the conflict codes say what happened: stale_version, invalid_state, duplicate', async () => {
    clock.set('2026-11-27T01:00:00Z');
    office = await t.login('office');
    const created = await office.post('/api/v1/matters', { kind: 'coordination', title: '冲突代码测试事项' });
    expect(created.statusCode, created.body).toBe(200);
    const m = created.json();
    const stale = await office.post(`/api/v1/matters/${m.id}/events/startCoordination`, { version: m.version + 5 });
    expect([stale.statusCode, stale.json().error.code], stale.body).toEqual([409, 'stale_version']);
    const wrong = await office.post(`/api/v1/matters/${m.id}/events/decide`, { version: m.version, comment: '定夺' });
    expect(wrong.statusCode).toBe(403); // office may not decide at all
    const invalid = await office.post(`/api/v1/matters/${m.id}/events/complete`, { version: m.version });
    expect([invalid.statusCode, invalid.json().error.code]).toEqual([409, 'invalid_state']);
    const admin = await t.login('admin');
    const dup = await admin.post('/api/v1/departments', { name: '市教育局', functions: ['重复'] });
    expect([dup.statusCode, dup.json().error.code]).toEqual([409, 'duplicate']);
  });

  it('K-7 transactions that touch two matters in opposite orders both complete (retried, never a 500), audit chain intact', async () => {
    const a = (await office.post('/api/v1/matters', { kind: 'coordination', title: '死锁测试甲' })).json();
    const b = (await office.post('/api/v1/matters', { kind: 'coordination', title: '死锁测试乙' })).json();
    const { kernel } = t.container;
    const touchBoth = (first: string, second: string) =>
      runTx(t.ctx.db, async (tx) => {
        await kernel.matters.touch(tx, first);
        await kernel.audit.append(tx, { actorId: null, action: 'test.touched', entityType: 'matter', entityId: first, matterId: first });
        await new Promise((r) => setTimeout(r, 50));
        await kernel.matters.touch(tx, second);
        await kernel.audit.append(tx, { actorId: null, action: 'test.touched', entityType: 'matter', entityId: second, matterId: second });
      });
    const results = await Promise.allSettled([touchBoth(a.id, b.id), touchBoth(b.id, a.id), touchBoth(a.id, b.id), touchBoth(b.id, a.id)]);
    for (const r of results) {
      if (r.status === 'rejected') expect((r.reason as { code?: string }).code).toBe('concurrent_update'); // a 409, never a raw database error
    }
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
    expect((await verifyAudit(t.ctx.db)).ok).toBe(true);
  });
});
