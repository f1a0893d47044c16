import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/app';
import { createTestDatabase, testDialects } from '../../test/db';
import { ManualClock } from '../../platform/clock';
import { createTimerRunner, scheduleTimer } from '../../platform/timers';
import { timerHandlers } from '../../timers';
import { seedDemo } from '../../seed/demo';

const here = path.dirname(fileURLToPath(import.meta.url));
const workerScript = path.resolve(here, '../../test/timer-worker.ts');

describe.each(testDialects())('deadline reminders and escalation [%s]', (dialect) => {
  let t: TestApp;
  let clock: ManualClock;
  let secretary: Agent;
  beforeAll(async () => {
    // Wednesday 30 September 2026, 10:00 in Beijing: the National Day holiday starts tomorrow.
    clock = new ManualClock('2026-09-30T02:00:00Z');
    t = await createTestApp(dialect, { clock });
    secretary = await t.login('office');
  });
  afterAll(async () => t?.close());

  it('X-2 reminds the assignee the working day before the deadline and escalates when it passes, across National Day', async () => {
    const runner = createTimerRunner(t.ctx, timerHandlers(t.ctx));
    const m = (await secretary.post('/api/v1/matters', { kind: 'coordination', title: '国庆节后复工安全检查' })).json();
    const liaisonId = (await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'liaison').executeTakeFirstOrThrow()).id;
    const task = await secretary.post(`/api/v1/matters/${m.id}/tasks`, { title: '报送检查方案', assigneeUserId: liaisonId, dueWorkingDays: 2 });
    expect(task.statusCode, task.body).toBe(200);
    // 2 working days from 30 Sep: 8 Oct, 9 Oct (1–7 Oct are holidays).
    expect(task.json().dueDate).toBe('2026-10-09');
    // Sessions time out after 12 idle hours, and the clock jumps days: log in afresh to look.
    const kinds = async (username: string) =>
      ((await (await t.login(username)).get('/api/v1/notifications?pageSize=100')).json().items as { kind: string }[]).map((n) => n.kind);

    // During the holiday nothing is due yet.
    clock.set('2026-10-05T02:00:00Z');
    expect(await runner.runDue()).toBe(0);
    // 8 Oct 09:00 (the working day before the deadline): the reminder.
    clock.set('2026-10-08T01:00:00Z');
    expect(await runner.runDue()).toBe(1);
    expect(await kinds('liaison')).toContain('reminder');
    // 10 Oct is the adjusted working Saturday: 09:00 that day the task is overdue and escalated.
    clock.set('2026-10-10T01:00:01Z');
    expect(await runner.runDue()).toBe(1);
    expect(await kinds('liaison')).toContain('overdue');
    expect(await kinds('office')).toContain('escalation');
    const counts = (await (await t.login('liaison')).get('/api/v1/inbox/counts')).json();
    expect(counts.overdue).toBe(1);
    // Running again fires nothing twice.
    expect(await runner.runDue()).toBe(0);
  });

  it('X-2 completing a task cancels its pending reminders', async () => {
    clock.set('2026-11-02T02:00:00Z');
    secretary = await t.login('office');
    const runner = createTimerRunner(t.ctx, timerHandlers(t.ctx));
    const m = (await secretary.post('/api/v1/matters', { kind: 'coordination', title: '办结后不再催办' })).json();
    const task = (await secretary.post(`/api/v1/matters/${m.id}/tasks`, { title: '自办任务', assigneeUserId: secretary.userId, dueWorkingDays: 3 })).json();
    const pending = await t.ctx.db.selectFrom('timers').select('id').where('task_id', '=', task.id).where('state', '=', 'pending').execute();
    expect(pending.length).toBe(2);
    expect((await secretary.post(`/api/v1/tasks/${task.id}/complete`, { version: 1, result: '已办' })).statusCode).toBe(200);
    clock.set('2026-12-31T02:00:00Z');
    await runner.runDue();
    const fired = await t.ctx.db.selectFrom('timers').select('state').where('task_id', '=', task.id).execute();
    expect(fired.every((r) => r.state === 'cancelled')).toBe(true);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('timers across processes [postgres]', () => {
  it('X-2 two server processes on PostgreSQL fire 100 timers exactly once each', async () => {
    const tdb = await createTestDatabase('postgres');
    try {
      const clock = new ManualClock(new Date(Date.now() - 60_000));
      await seedDemo({ db: tdb.database.db, clock });
      const user = await tdb.database.db.selectFrom('users').select('id').where('username', '=', 'office').executeTakeFirstOrThrow();
      for (let i = 0; i < 100; i++) await scheduleTimer(tdb.database.db, clock, { dueAt: clock.now(), kind: 'test.ping', payload: { i } });
      const startAt = Date.now() + 4000;
      const run = (id: string) =>
        new Promise<{ workerId: string; fired: number }>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', workerScript], {
            env: {
              ...process.env,
              WORKER_DB_URL: tdb.url,
              WORKER_DB_SCHEMA: tdb.schema,
              WORKER_ID: id,
              WORKER_START_AT: String(startAt),
              WORKER_USER_ID: user.id,
            },
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let out = '';
          let err = '';
          child.stdout.on('data', (d) => (out += d));
          child.stderr.on('data', (d) => (err += d));
          child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker ${id} exited ${code}: ${err}`))));
        });
      const results = await Promise.all([run('a'), run('b')]);
      expect(results[0].fired + results[1].fired).toBe(100);
      const notes = await tdb.database.db.selectFrom('notifications').select(['timer_id']).where('kind', '=', 'test').execute();
      expect(notes).toHaveLength(100);
      expect(new Set(notes.map((n) => n.timer_id)).size).toBe(100);
      const states = await tdb.database.db.selectFrom('timers').select(['state', 'fired_by']).execute();
      expect(states.every((s) => s.state === 'fired')).toBe(true);
      // Both processes took part (they started together and claim small batches).
      expect(new Set(states.map((s) => s.fired_by))).toEqual(new Set(['a', 'b']));
    } finally {
      await tdb.cleanup();
    }
  }, 90_000);
});

describe.each(testDialects())('a failing timer [%s]', (dialect) => {
  it('X-2 a handler that fails is retried later with a growing lease and does not block the other timers', async () => {
    const tdb = await createTestDatabase(dialect);
    try {
      const clock = new ManualClock('2026-11-27T01:00:00Z');
      const db = tdb.database.db;
      const fired: string[] = [];
      const errors: string[] = [];
      await scheduleTimer(db, clock, { dueAt: clock.now(), kind: 'test.boom' });
      for (let i = 0; i < 3; i++) await scheduleTimer(db, clock, { dueAt: new Date(clock.now().getTime() + 1000), kind: 'test.ok', payload: { i } });
      clock.advance(2000);
      const runner = createTimerRunner(
        { db, dialect: tdb.database.dialect, clock },
        {
          'test.boom': async () => {
            throw new Error('boom');
          },
          'test.ok': async (_tx, t) => {
            fired.push(String(t.payloadObj.i));
          },
        },
        { batch: 2, onError: (_e, id) => errors.push(id) },
      );
      expect(await runner.runDue()).toBe(3);
      expect(fired.sort()).toEqual(['0', '1', '2']);
      expect(errors).toHaveLength(1);
      const boom = await db.selectFrom('timers').selectAll().where('kind', '=', 'test.boom').executeTakeFirstOrThrow();
      expect(boom).toMatchObject({ state: 'pending', attempts: 1 });
      expect(boom.lease_until! > clock.now().toISOString()).toBe(true);
      // Within its lease it is left alone; after it, tried again (and leased longer).
      expect(await runner.runDue()).toBe(0);
      expect(errors).toHaveLength(1);
      clock.advance(61_000);
      await runner.runDue();
      expect(errors).toHaveLength(2);
      expect((await db.selectFrom('timers').select('attempts').where('kind', '=', 'test.boom').executeTakeFirstOrThrow()).attempts).toBe(2);
    } finally {
      await tdb.cleanup();
    }
  });
});
