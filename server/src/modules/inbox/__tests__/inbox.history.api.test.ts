/**
 * K-11: the inbox read through the open-work indexes and keyset-like pages still answers exactly
 * what need-to-know and the task states say, with closed history present. The expected answers
 * are computed here the plain way — every row of the tables, filtered in JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type Role } from '@xietiao/domain';
import { createTestApp, type Agent, type TestApp } from '../../../test/app';
import { testDialects } from '../../../test/db';
import { principalsOf } from '../../../kernel/matters.access';
import type { Actor } from '../../../platform/auth/actor';
import { newId } from '../../../platform/ids';

const TODAY = '2026-11-27'; // the test clock's China date

describe.each(testDialects())('inbox with closed history [%s]', (dialect) => {
  let t: TestApp;
  const agents: Record<string, Agent> = {};
  const actors: Record<string, Actor> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.ctx.db;
    for (const u of ['office', 'liaison', 'admin', 'drafter']) {
      agents[u] = await t.login(u);
      const row = await db.selectFrom('users').selectAll().where('username', '=', u).executeTakeFirstOrThrow();
      const roles = (await db.selectFrom('user_roles').select('role').where('user_id', '=', row.id).execute()).map((r) => r.role as Role);
      actors[u] = { id: row.id, username: u, name: row.name, organId: row.organ_id, departmentId: row.department_id, roles };
    }
    const users = await db.selectFrom('users').select(['id', 'department_id']).execute();
    const depts = [...new Set(users.map((u) => u.department_id).filter((d): d is string => !!d))];
    const liaison = actors.liaison!,
      office = actors.office!,
      drafter = actors.drafter!,
      admin = actors.admin!;
    // a colleague of the liaison (a task addressed to them by name is not the liaison's)
    const colleague = users.find((u) => u.department_id === liaison.departmentId && u.id !== liaison.id)?.id ?? drafter.id;
    // to whom a task is addressed: a person, or a department and no one in it
    const to: [string | null, string | null][] = [
      [office.id, null],
      [liaison.id, null],
      [colleague, liaison.departmentId],
      [admin.id, null],
      [drafter.id, null],
      [null, liaison.departmentId],
      [null, office.departmentId],
      ...depts.slice(0, 3).map((d): [null, string] => [null, d]),
    ];
    const people = [office.id, liaison.id, colleague, admin.id, drafter.id];
    let seed = 11;
    const rnd = () => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let x = seed;
      x = Math.imul(x ^ (x >>> 15), x | 1);
      x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;

    // 80 matters: most closed long ago, a quarter in flight; access lists that make some
    // invisible to the liaison, some (restricted) invisible to the office, all invisible to admin.
    const base = Date.parse('2024-01-01T00:00:00Z');
    let minute = 0;
    const at = () => new Date(base + minute++ * 60_000).toISOString();
    for (let i = 0; i < 80; i++) {
      const id = newId();
      const open = i % 4 === 0;
      const restricted = rnd() < 0.2;
      const dept = pick([liaison.departmentId!, office.departmentId!, ...depts]);
      const created = at();
      await db
        .insertInto('matters')
        .values({
          id,
          kind: 'coordination',
          title: `K-11 历史事项${i}`,
          status: open ? 'executing' : 'completed',
          version: 1,
          classification: 'none',
          restricted: restricted ? 1 : 0,
          priority: 'normal',
          owner_id: office.id,
          department_id: dept,
          due_date: null,
          data: '{}',
          created_by: office.id,
          created_at: created,
          updated_at: created,
          closed_at: open ? null : created,
        } as any)
        .execute();
      const access = [
        { type: 'department', id: dept },
        ...(restricted ? [] : [{ type: 'role', id: 'office' }]),
        ...(rnd() < 0.2 ? [{ type: 'user', id: pick(people) }] : []),
      ];
      for (const a of new Map(access.map((x) => [`${x.type}:${x.id}`, x])).values()) {
        await db
          .insertInto('matter_access')
          .values({ matter_id: id, principal_type: a.type as 'user', principal_id: a.id })
          .execute();
      }
      for (let k = 0; k < 4; k++) {
        const [toUser, toDept] = pick(to);
        const status = open ? pick(['open', 'open', 'done', 'cancelled'] as const) : pick(['done', 'done', 'done', 'cancelled'] as const);
        await db
          .insertInto('tasks')
          .values({
            id: newId(),
            matter_id: id,
            kind: 'handle',
            title: `任务${i}-${k}`,
            assignee_user_id: toUser,
            assignee_department_id: toDept ?? (toUser ? null : dept),
            status,
            due_date: rnd() < 0.2 ? null : `2026-11-${String(20 + Math.floor(rnd() * 10)).padStart(2, '0')}`,
            result: null,
            created_by: office.id,
            created_at: at(),
            completed_at: status === 'open' ? null : at(),
            completed_by: status === 'done' ? pick([...people, toUser ?? office.id]) : null,
            version: 1,
          } as any)
          .execute();
      }
      for (const u of [office.id, liaison.id, admin.id]) {
        if (rnd() < 0.4) continue;
        await db
          .insertInto('read_items')
          .values({ id: newId(), user_id: u, matter_id: id, note: null, created_by: office.id, created_at: at(), read_at: open && rnd() < 0.6 ? null : at() })
          .execute();
      }
    }
  });
  afterAll(async () => t?.close());

  /** What the inbox must answer, from all rows. */
  async function expected(who: string) {
    const db = t.ctx.db;
    const actor = actors[who]!;
    const ps = principalsOf(actor);
    const access = await db.selectFrom('matter_access').selectAll().execute();
    const visible = new Set(access.filter((a) => ps.some((p) => p.type === a.principal_type && p.id === a.principal_id)).map((a) => a.matter_id));
    const tasks = (await db.selectFrom('tasks').selectAll().execute()).filter((x) => visible.has(x.matter_id));
    const mine = (x: (typeof tasks)[number]) =>
      x.assignee_user_id === actor.id || (!!actor.departmentId && x.assignee_department_id === actor.departmentId && x.assignee_user_id === null);
    const cmp = (a: string | null, b: string | null) => (a === b ? 0 : a! < b! ? -1 : 1);
    const todo = tasks
      .filter((x) => x.status === 'open' && mine(x))
      .sort(
        (a, b) =>
          (a.due_date === null ? 1 : 0) - (b.due_date === null ? 1 : 0) || cmp(a.due_date, b.due_date) || cmp(a.created_at, b.created_at) || cmp(a.id, b.id),
      );
    const done = tasks
      .filter((x) => x.status === 'done' && (x.completed_by === actor.id || mine(x)))
      .sort((a, b) => cmp(b.completed_at, a.completed_at) || cmp(b.id, a.id));
    const reads = (await db.selectFrom('read_items').selectAll().where('user_id', '=', actor.id).execute())
      .filter((r) => visible.has(r.matter_id))
      .sort((a, b) => (a.read_at === null ? 0 : 1) - (b.read_at === null ? 0 : 1) || cmp(b.created_at, a.created_at) || cmp(b.id, a.id));
    const unreadNotifications = (await db.selectFrom('notifications').select('id').where('user_id', '=', actor.id).where('read_at', 'is', null).execute())
      .length;
    const matters = (await db.selectFrom('matters').select('id').execute()).filter((m) => visible.has(m.id)).map((m) => m.id);
    return {
      todo: todo.map((x) => x.id),
      done: done.map((x) => x.id),
      toRead: reads.map((r) => r.id),
      matters,
      counts: {
        todo: todo.length,
        overdue: todo.filter((x) => x.due_date !== null && x.due_date < TODAY).length,
        toRead: reads.filter((r) => r.read_at === null).length,
        unreadNotifications,
      },
    };
  }
  /**
   * Every page of a list, in order, and the exact totals the pages reported. A page whose count
   * stopped at its cap (`totalCapped`) reports a lower bound instead: checked against the end.
   */
  async function allPages(agent: Agent, url: string, pageSize: number) {
    const ids: string[] = [];
    const totals = new Set<number>();
    const lowerBounds: number[] = [];
    for (let page = 1; page < 100; page++) {
      const res = await agent.get(`${url}?page=${page}&pageSize=${pageSize}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: { id: string }[]; total: number; totalCapped?: boolean };
      if (body.totalCapped) lowerBounds.push(body.total);
      else totals.add(body.total);
      if (!body.items.length) break;
      ids.push(...body.items.map((x) => x.id));
    }
    for (const b of lowerBounds) expect(b).toBeLessThan(ids.length);
    return { ids, totals: [...totals] };
  }

  it.each(['office', 'liaison', 'drafter', 'admin'])(
    'K-11 counts, 待办, 已办 and 待阅 hold exactly the open (or finished) work the %s may see',
    async (who) => {
      const agent = agents[who]!;
      const want = await expected(who);
      if (who === 'admin') expect(want.todo.length + want.done.length + want.toRead.length + want.matters.length).toBe(0);
      else expect(want.todo.length).toBeGreaterThan(0);

      const counts = await agent.get('/api/v1/inbox/counts');
      expect(counts.statusCode, counts.body).toBe(200);
      expect(counts.json()).toEqual(want.counts);

      const todo = await allPages(agent, '/api/v1/inbox/todo', 4);
      expect(todo.ids).toEqual(want.todo);
      expect(todo.totals).toEqual([want.todo.length]);
      const done = await allPages(agent, '/api/v1/inbox/done', 3);
      expect(done.ids).toEqual(want.done);
      expect(done.totals).toEqual([want.done.length]);
      const toRead = await allPages(agent, '/api/v1/inbox/toread', 5);
      expect(toRead.ids).toEqual(want.toRead);
      expect(toRead.totals).toEqual([want.toRead.length]);
    },
  );

  it('K-11 the matter list and its open-status filter show exactly the visible matters, paged without gaps or repeats', async () => {
    for (const who of ['office', 'liaison', 'admin']) {
      const want = await expected(who);
      const all = await allPages(agents[who]!, '/api/v1/matters', 7);
      expect(all.ids.slice().sort()).toEqual(want.matters.slice().sort());
      expect(new Set(all.ids).size).toBe(all.ids.length);
      expect(all.totals).toEqual([want.matters.length]);
      const executing = (await t.ctx.db.selectFrom('matters').select('id').where('status', '=', 'executing').execute())
        .map((m) => m.id)
        .filter((id) => want.matters.includes(id));
      const res = await agents[who]!.get('/api/v1/matters?status=executing&pageSize=200');
      expect(
        res
          .json()
          .items.map((m: { id: string }) => m.id)
          .sort(),
      ).toEqual(executing.sort());
      expect(res.json().total).toBe(executing.length);
    }
  });

  it('K-11 history lists count exactly up to the cap; past it the total is the cap, marked, and grows as one pages on', async () => {
    const db = t.ctx.db;
    const office = actors.office!;
    const cap = api.countCap(1, 20);
    expect(cap).toBe(api.HISTORY_COUNT_CAP);
    const before = (await agents.office!.get('/api/v1/matters?pageSize=20')).json();
    expect(before.totalCapped).toBe(false);
    // enough closed history to pass the cap: matters the office sees, notifications, finished tasks
    const chunk = async <T>(rows: T[], insert: (rs: T[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += 100) await insert(rows.slice(i, i + 100));
    };
    const stamp = (i: number) => new Date(Date.parse('2023-01-01T00:00:00Z') + i * 60_000).toISOString();
    const ids = Array.from({ length: cap + 10 }, () => newId());
    await chunk(
      ids.map((id, i) => ({
        id,
        kind: 'coordination',
        title: `K-11 往年事项${i}`,
        status: 'completed',
        version: 1,
        classification: 'none',
        restricted: 0,
        priority: 'normal',
        owner_id: office.id,
        department_id: office.departmentId,
        due_date: null,
        data: '{}',
        created_by: office.id,
        created_at: stamp(i),
        updated_at: stamp(i),
        closed_at: stamp(i),
      })),
      (rs) =>
        db
          .insertInto('matters')
          .values(rs as any)
          .execute(),
    );
    await chunk(
      ids.map((id) => ({ matter_id: id, principal_type: 'role' as const, principal_id: 'office' })),
      (rs) => db.insertInto('matter_access').values(rs).execute(),
    );
    await chunk(
      ids.map((id, i) => ({
        id: newId(),
        user_id: office.id,
        kind: 'task',
        title: `通知${i}`,
        body: null,
        matter_id: id,
        timer_id: null,
        read_at: stamp(i),
        created_at: stamp(i),
      })),
      (rs) => db.insertInto('notifications').values(rs).execute(),
    );
    await chunk(
      ids.map((id, i) => ({
        id: newId(),
        matter_id: id,
        kind: 'handle',
        title: `往年任务${i}`,
        assignee_user_id: office.id,
        assignee_department_id: null,
        status: 'done',
        due_date: null,
        result: '已办',
        created_by: office.id,
        created_at: stamp(i),
        completed_at: stamp(i),
        completed_by: office.id,
        version: 1,
      })),
      (rs) =>
        db
          .insertInto('tasks')
          .values(rs as any)
          .execute(),
    );
    const exact = {
      '/api/v1/matters': (await expected('office')).matters.length,
      '/api/v1/notifications': Number(
        (
          await db
            .selectFrom('notifications')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('user_id', '=', office.id)
            .executeTakeFirstOrThrow()
        ).n,
      ),
      '/api/v1/inbox/done': (await expected('office')).done.length,
    };
    for (const [url, n] of Object.entries(exact)) {
      expect(n, url).toBeGreaterThan(cap);
      const first = (await agents.office!.get(`${url}?pageSize=20`)).json();
      expect([url, first.total, first.totalCapped, first.items.length]).toEqual([url, cap, true, 20]);
      // far enough on, the count reaches the end: exact again
      const page = Math.ceil(n / 20);
      const last = (await agents.office!.get(`${url}?pageSize=20&page=${page}`)).json();
      expect([url, last.total, last.totalCapped, last.items.length]).toEqual([url, n, false, n - (page - 1) * 20]);
    }
  });
});
