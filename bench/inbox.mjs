// Inbox and matter lists at scale, need-to-know included.
//   node --import tsx bench/inbox.mjs [--matters 20000] [--open 4000] [--requests 300]
// Builds a fresh SQLite database (or a PostgreSQL schema when BENCH_DATABASE_URL is set) with the
// demo organisation and N synthetic matters — about OPEN of them in flight, the rest closed
// history — each with an access list, 1–3 tasks, a notification and some 待阅 items, then times
// the API through app.inject: 待办, 已办, 待阅, counts, notifications, the matter list, a search and
// a list of open matters, for an office director (sees every unrestricted matter) and a
// department liaison (sees few). Prints requests/second and p50/p95/p99 latency per endpoint.
// A benchmark: it never asserts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase } from '../server/src/platform/db/database.ts';
import { migrateToLatest } from '../server/src/platform/db/migrate.ts';
import { buildApp } from '../server/src/app.ts';
import { seedDemo } from '../server/src/seed/demo.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { newId } from '../server/src/platform/ids.ts';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const N = arg('matters', 20000);
const REQUESTS = arg('requests', 300);
const OPEN = arg('open', 4000);

let database;
let cleanup;
if (process.env.BENCH_DATABASE_URL) {
  const schema = `bench_${Date.now()}`;
  const c = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
  await c.connect();
  await c.query(`create schema ${schema}`);
  await c.end();
  database = openDatabase({ url: process.env.BENCH_DATABASE_URL, schema });
  cleanup = async () => {
    await database.close();
    const d = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
    await d.connect();
    await d.query(`drop schema ${schema} cascade`);
    await d.end();
  };
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietiao-bench-'));
  database = openDatabase({ url: path.join(dir, 'bench.db') });
  cleanup = async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
await migrateToLatest(database);
await seedDemo({ db: database.db, clock: systemClock });
const db = database.db;
const users = await db.selectFrom('users').select(['id', 'username', 'department_id']).execute();
const depts = await db.selectFrom('departments').select('id').execute();
const officeUser = users.find((u) => u.username === 'office');

// mulberry32, seeded: the same data every run
let seed = 42;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (a) => a[Math.floor(rnd() * a.length)];
const t0 = performance.now();
const now = new Date();
const DAY = 86400_000;
const iso = (ms) => new Date(ms).toISOString();
const OPEN_STATUSES = ['registered', 'coordinating', 'awaiting_decision', 'executing'];
// History: every (N / OPEN)-th matter is in flight, so the office's working set stays OPEN
// matters whatever N is; the others are closed history — completed (or cancelled) months or years
// ago, every task finished, every 待阅 and notification read — spread through the table.
let openMatters = 0,
  openTasks = 0;
for (let start = 0; start < N; start += 500) {
  await db.transaction().execute(async (tx) => {
    const matters = [],
      access = [],
      tasks = [],
      reads = [],
      notes = [];
    for (let i = start; i < Math.min(N, start + 500); i++) {
      const id = newId();
      const dept = pick(depts).id;
      const owner = pick(users).id;
      const open = Math.floor(((i + 1) * OPEN) / N) > Math.floor((i * OPEN) / N);
      const createdMs = open ? now.getTime() - rnd() * 90 * DAY : now.getTime() - (90 + rnd() * 1735) * DAY;
      const closedMs = open ? null : Math.min(createdMs + rnd() * 60 * DAY, now.getTime() - 30 * DAY);
      const created = iso(createdMs);
      const updated = open ? iso(createdMs + rnd() * (now.getTime() - createdMs)) : iso(closedMs);
      if (open) openMatters++;
      matters.push({
        id,
        kind: 'coordination',
        title: `关于第${i}号协调事项的${pick(['会签', '督办', '征求意见', '经费安排', '用地协调'])}`,
        status: open ? pick(OPEN_STATUSES) : rnd() < 0.95 ? 'completed' : 'cancelled',
        version: 1,
        classification: 'none',
        restricted: rnd() < 0.1 ? 1 : 0,
        priority: 'normal',
        owner_id: owner,
        department_id: dept,
        due_date: null,
        data: '{}',
        created_by: officeUser.id,
        created_at: created,
        updated_at: updated,
        closed_at: open ? null : iso(closedMs),
      });
      access.push({ matter_id: id, principal_type: 'user', principal_id: officeUser.id }, { matter_id: id, principal_type: 'department', principal_id: dept });
      if (matters.at(-1).restricted === 0) access.push({ matter_id: id, principal_type: 'role', principal_id: 'office' });
      for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
        const toUser = rnd() < 0.5 ? pick(users).id : null;
        const status = open ? (rnd() < 0.6 ? 'open' : 'done') : rnd() < 0.9 ? 'done' : 'cancelled';
        const completedMs = status === 'open' ? null : createdMs + rnd() * ((closedMs ?? now.getTime()) - createdMs);
        if (status === 'open') openTasks++;
        tasks.push({
          id: newId(),
          matter_id: id,
          kind: 'handle',
          title: `承办任务${k + 1}`,
          assignee_user_id: toUser,
          assignee_department_id: toUser ? null : dept,
          status,
          due_date: iso(open ? now.getTime() + (rnd() * 30 - 10) * DAY : createdMs + rnd() * 30 * DAY).slice(0, 10),
          result: status === 'done' ? '已办理' : null,
          created_by: officeUser.id,
          created_at: created,
          completed_at: completedMs === null ? null : iso(completedMs),
          completed_by: status === 'done' ? (toUser ?? pick(users).id) : null,
          version: status === 'open' ? 1 : 2,
        });
        if (toUser) access.push({ matter_id: id, principal_type: 'user', principal_id: toUser });
      }
      if (rnd() < 0.2)
        reads.push({
          id: newId(),
          user_id: pick(users).id,
          matter_id: id,
          note: null,
          created_by: officeUser.id,
          created_at: created,
          read_at: open && rnd() < 0.7 ? null : iso(closedMs ?? now.getTime()),
        });
      notes.push({
        id: newId(),
        user_id: pick(users).id,
        kind: 'assigned',
        title: `事项「第${i}号」有新任务`,
        body: null,
        matter_id: id,
        timer_id: null,
        read_at: open && rnd() < 0.5 ? null : iso(closedMs ?? now.getTime()),
        created_at: created,
      });
    }
    await tx.insertInto('matters').values(matters).execute();
    await tx
      .insertInto('matter_access')
      .values(access)
      .onConflict((oc) => oc.doNothing())
      .execute();
    await tx.insertInto('tasks').values(tasks).execute();
    if (reads.length) await tx.insertInto('read_items').values(reads).execute();
    await tx.insertInto('notifications').values(notes).execute();
  });
}
// As autovacuum would after a bulk load: give the planner statistics.
await sql`analyze`.execute(db);
console.log(
  `database: ${database.dialect}; ${N} matters (${openMatters} open, ${N - openMatters} closed; ${openTasks} open tasks) generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

const { app } = await buildApp({ database, clock: systemClock, webDist: null });
await app.ready();
async function agent(username) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'xietiao-demo' } });
  const cookie = res.cookies.find((c) => c.name === 'xt_session').value;
  return (url) => app.inject({ method: 'GET', url, headers: { cookie: `xt_session=${cookie}` } });
}
const q = (a, p) => a[Math.min(a.length - 1, Math.floor(p * a.length))];
async function time(label, get, url) {
  for (let i = 0; i < 10; i++) await get(url);
  const lat = [];
  const started = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const s = performance.now();
    const r = await get(url);
    lat.push(performance.now() - s);
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
  }
  const secs = (performance.now() - started) / 1000;
  lat.sort((a, b) => a - b);
  const total = (await get(url)).json().total ?? '';
  console.log(
    `${label.padEnd(40)} ${(REQUESTS / secs).toFixed(0).padStart(6)} req/s   p50 ${q(lat, 0.5).toFixed(1).padStart(6)} ms   p95 ${q(lat, 0.95).toFixed(1).padStart(6)} ms   p99 ${q(lat, 0.99).toFixed(1).padStart(6)} ms   ${total === '' ? '' : `(${total} rows visible)`}`,
  );
}
for (const who of ['office', 'liaison']) {
  const get = await agent(who);
  await time(`${who}: GET /inbox/todo`, get, '/api/v1/inbox/todo');
  await time(`${who}: GET /inbox/counts`, get, '/api/v1/inbox/counts');
  await time(`${who}: GET /inbox/done`, get, '/api/v1/inbox/done');
  await time(`${who}: GET /inbox/toread`, get, '/api/v1/inbox/toread');
  await time(`${who}: GET /notifications`, get, '/api/v1/notifications?pageSize=10');
  await time(`${who}: GET /matters`, get, '/api/v1/matters');
  await time(`${who}: GET /matters?status=executing`, get, '/api/v1/matters?status=executing');
  await time(`${who}: GET /matters?q=经费`, get, `/api/v1/matters?q=${encodeURIComponent('经费')}`);
}
await app.close();
if (!process.env.BENCH_KEEP) await cleanup();
