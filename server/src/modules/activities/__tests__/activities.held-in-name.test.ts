// ACT-2 (issue #8, item 14): 举办名义 以党委、政府名义 (party_and_government) — the API takes it, the
// in-name rules (quota, 只请分管领导, the proposal) apply to it, and migration 0008 widens the
// column's CHECK on SQLite and PostgreSQL keeping every activity already stored.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type Dialect } from '../../../platform/db/database';
import { migrateToLatest, migrations } from '../../../platform/db/migrate';
import { runTx } from '../../../platform/db/tx';
import { ManualClock } from '../../../platform/clock';
import { newToken } from '../../../platform/ids';
import { seedDemo } from '../../../seed/demo';
import { seedDemoActivities } from '../../../seed/demo-activities';
import { createTestApp, type Agent, type TestApp } from '../../../test/app';
import { testDialects } from '../../../test/db';

const JOINT = 'party_and_government';
const uid = async (t: TestApp, username: string) =>
  (await t.ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const did = async (t: TestApp, name: string) => (await t.ctx.db.selectFrom('departments').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
type Evaluation = { rule: string; level: string; message: string; leaderIds: string[] };

describe.each(testDialects())('ACT-2 activities held in the Party committee’s and the government’s name together [%s]', (dialect) => {
  let t: TestApp;
  let liaison: Agent, office: Agent;
  let wangfang: string, deputy: string, edu: string;
  beforeAll(async () => {
    // Friday 27 November 2026, 09:00 in Beijing
    t = await createTestApp(dialect, { clock: new ManualClock('2026-11-27T01:00:00Z') });
    [liaison, office] = await Promise.all(['liaison', 'office'].map((u) => t.login(u)));
    wangfang = await uid(t, 'wangfang');
    deputy = await uid(t, 'deputy');
    edu = await did(t, '市教育局');
  });
  afterAll(async () => t?.close());

  const request = (over: Record<string, unknown> = {}) => ({
    category: '会议',
    title: '全市教育大会',
    organiserName: '市教育局',
    organiserDepartmentId: edu,
    heldInName: JOINT,
    startsAt: '2026-12-08T02:00:00Z',
    endsAt: '2026-12-08T04:00:00Z',
    place: '市会议中心',
    travelMinutes: 20,
    area: '教育',
    requestedLeaderIds: [wangfang, deputy],
    ...over,
  });
  const file = async (over: Record<string, unknown> = {}) => {
    const res = await liaison.post('/api/v1/activities', request(over));
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const rule = (view: { ruleEvaluations: Evaluation[] }, name: string) => view.ruleEvaluations.find((r) => r.rule === name);

  it('ACT-2 the API takes 以党委、政府名义, and the quota and 只请分管领导 apply to it: the leader not in charge is 陪会', async () => {
    const a = await file();
    expect(a.activity.heldInName).toBe(JOINT);
    const view = (await office.get(`/api/v1/activities/${a.id}`)).json();
    expect(rule(view, 'quota')).toMatchObject({ level: 'ok', message: '本月以党委、政府名义举办的会议、活动连同本项为1个，上限4个' });
    const only = rule(view, 'onlyLeaderInCharge')!;
    expect(only.level).toBe('warning');
    expect(only.leaderIds).toEqual([deputy]);
    expect(only.message).toContain('以党委、政府名义召开的会议，除分管这方面工作的领导（王芳）外一般不邀请其他领导陪会：李卫东属陪会');
    expect(view.candidates[0].leaderId).toBe(wangfang);
    expect(view.candidates.find((c: { leaderId: string }) => c.leaderId === deputy).reasons).toContain(
      '以党委、政府名义召开的会议一般只请分管领导出席，不宜陪会',
    );
    const s = (await office.get(`/api/v1/activities/${a.id}/suggestion`)).json();
    expect(s.leaderIds).toEqual([wangfang]);

    // the joint activity counts towards the month's quota of one held in the government's name
    const b = await file({ heldInName: 'government', title: '全市职业教育工作会议', startsAt: '2026-12-10T02:00:00Z', endsAt: '2026-12-10T04:00:00Z' });
    const other = (await office.get(`/api/v1/activities/${b.id}`)).json();
    expect(rule(other, 'quota')!.message).toBe('本月以政府名义举办的会议、活动连同本项为2个，上限4个');
  });

  it('ACT-2 a request held in a department’s name is changed to 以党委、政府名义 and the in-name rules follow; an unknown value is refused', async () => {
    const a = await file({ heldInName: 'other', title: '全市教育系统表彰会', startsAt: '2026-12-15T02:00:00Z', endsAt: '2026-12-15T04:00:00Z' });
    const before = (await office.get(`/api/v1/activities/${a.id}`)).json();
    expect(rule(before, 'onlyLeaderInCharge')).toBeUndefined();
    expect(rule(before, 'quota')).toBeUndefined();
    const res = await office.patch(`/api/v1/activities/${a.id}`, { version: before.version, heldInName: JOINT });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await office.get(`/api/v1/activities/${a.id}`)).json();
    expect(after.activity.heldInName).toBe(JOINT);
    expect(rule(after, 'onlyLeaderInCharge')).toMatchObject({ level: 'warning', leaderIds: [deputy] });
    expect(rule(after, 'quota')!.message).toContain('以党委、政府名义');

    const bad = await liaison.post('/api/v1/activities', request({ heldInName: 'party,government', title: '某会议' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.path).toBe('body.heldInName');
    expect(bad.json().error.message).toContain('party_and_government');
  });
});

/** A database with no tables yet: a fresh SQLite file, or a fresh schema of TEST_DATABASE_URL. */
async function emptyDatabase(dialect: Dialect): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietiao-test-'));
    const database = openDatabase({ url: path.join(dir, 'test.db') });
    return {
      database,
      cleanup: async () => {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `t_${newToken(9)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const database = openDatabase({ url, schema, poolSize: 2 });
  return {
    database,
    cleanup: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

describe.each(testDialects())('ACT-2 migration 0008 [%s]', (dialect) => {
  it('ACT-2 0008 widens the held_in_name CHECK to take party_and_government, keeping every stored activity, its assignments, index and foreign keys', async () => {
    const { database, cleanup } = await emptyDatabase(dialect);
    try {
      const db = database.db;
      const ctx = { dialect, json: dialect === 'postgres' ? ('jsonb' as const) : ('text' as const) };
      const upTo0007 = Object.fromEntries(Object.entries(migrations(ctx)).filter(([name]) => name < '0008'));
      const migrator = new Migrator({
        db,
        provider: { getMigrations: async () => upTo0007 },
        ...(database.schema ? { migrationTableSchema: database.schema } : {}),
      });
      const { error } = await migrator.migrateToLatest();
      expect(error).toBeUndefined();
      // the demo's month of activities in every state, with their assignments, as 0007 stored them
      const clock = new ManualClock('2026-11-27T01:00:00Z');
      await runTx(db, async (tx) => {
        const c = { db: tx, clock, calendar: () => new Map() };
        await seedDemo(c);
        await seedDemoActivities(c);
      });
      const snapshot = async () => ({
        activities: await db.selectFrom('activities').selectAll().orderBy('matter_id').execute(),
        assignments: await db.selectFrom('activity_assignments').selectAll().orderBy('id').execute(),
      });
      const before = await snapshot();
      expect(new Set(before.activities.map((a) => a.held_in_name))).toEqual(new Set(['party', 'government', 'other']));
      expect(before.assignments.length).toBeGreaterThan(0);
      const first = before.activities[0].matter_id;
      const setHeld = (v: string) =>
        db
          .updateTable('activities')
          .set({ held_in_name: v as never })
          .where('matter_id', '=', first)
          .execute();
      await expect(setHeld(JOINT)).rejects.toThrow(/check/i);

      expect(await migrateToLatest(database)).toEqual(['0008_held_in_name', '0009_outgoing']);
      expect(await snapshot()).toEqual(before);
      await setHeld(JOINT);
      expect((await db.selectFrom('activities').select('held_in_name').where('matter_id', '=', first).executeTakeFirstOrThrow()).held_in_name).toBe(JOINT);
      await expect(setHeld('joint')).rejects.toThrow(/check/i);
      // the other constraints and the foreign keys in both directions are as they were
      await expect(db.updateTable('activities').set({ ends_at: '2000-01-01T00:00:00.000Z' }).where('matter_id', '=', first).execute()).rejects.toThrow(
        /check/i,
      );
      const assignment = { ...before.assignments[0], id: 'a-0008', activity_id: 'no-such-activity' };
      await expect(db.insertInto('activity_assignments').values(assignment).execute()).rejects.toThrow(/foreign key/i);
      await expect(db.deleteFrom('activities').where('matter_id', '=', before.assignments[0].activity_id).execute()).rejects.toThrow(/foreign key/i);
      if (dialect === 'sqlite') {
        expect((await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)).rows[0].foreign_keys).toBe(1);
        const indexes = await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'index' and tbl_name = 'activities' and sql is not null`.execute(db);
        expect(indexes.rows.map((r) => r.name)).toEqual(['activities_time']);
      } else {
        const indexes = await sql<{
          indexname: string;
        }>`select indexname from pg_indexes where schemaname = current_schema() and tablename = 'activities'`.execute(db);
        expect(indexes.rows.map((r) => r.indexname)).toContain('activities_time');
      }
    } finally {
      await cleanup();
    }
  });
});
