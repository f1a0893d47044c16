// Inbox and matter lists at scale, need-to-know included.
//   node --import tsx bench/inbox.mjs [--matters 20000[,200000]] [--open 4000|80%] [--requests 300] [--rounds 5]
// For each size N, builds a fresh SQLite database (or a PostgreSQL schema when BENCH_DATABASE_URL
// is set) with the demo organisation and N synthetic matters — OPEN of them in flight, the rest
// closed history — each with an access list, 1–3 tasks, a notification and some 待阅 items, then
// times the API through app.inject: 待办, counts, 已办, 待阅, notifications, the matter list, a list
// of open matters and a search, for an office director (sees every unrestricted matter) and a
// department liaison (sees few). With several sizes the rounds alternate between the databases,
// so that the machine's other load falls on every size alike, and the last column is the ratio of
// the p50s (largest size / smallest). Prints p50/p95/p99 latency per endpoint. A benchmark: it
// never asserts.
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
  return i > 0 ? process.argv[i + 1] : def;
};
const SIZES = String(arg('matters', '20000'))
  .split(',')
  .map((s) => Number(s.replace(/_/g, '')));
const REQUESTS = Number(arg('requests', 300));
const ROUNDS = Number(arg('rounds', 5));
// matters in flight: a number (the same working set at every size) or a share of N ('80%': open
// work grows with the data, as in a database that never closes anything)
const OPEN_ARG = String(arg('open', '4000'));
const openOf = (n) => (OPEN_ARG.endsWith('%') ? Math.round((n * Number(OPEN_ARG.slice(0, -1))) / 100) : Number(OPEN_ARG));
const PG_URL = process.env.BENCH_DATABASE_URL;

async function createDatabase(n) {
  if (PG_URL) {
    const schema = `bench_${Date.now()}_${n}`;
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`create schema ${schema}`);
    await c.end();
    const database = openDatabase({ url: PG_URL, schema });
    const cleanup = async () => {
      await database.close();
      const d = new pg.Client({ connectionString: PG_URL });
      await d.connect();
      await d.query(`drop schema ${schema} cascade`);
      await d.end();
    };
    return { database, cleanup };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietiao-bench-'));
  const database = openDatabase({ url: path.join(dir, 'bench.db') });
  const cleanup = async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { database, cleanup };
}

const DAY = 86400_000;
const iso = (ms) => new Date(ms).toISOString();
const OPEN_STATUSES = ['registered', 'coordinating', 'awaiting_decision', 'executing'];

/** N synthetic matters; the same data for the same N (mulberry32 from a fixed seed). */
async function generate(db, N) {
  const OPEN = openOf(N);
  const users = await db.selectFrom('users').select(['id', 'username', 'department_id']).execute();
  const depts = await db.selectFrom('departments').select('id').execute();
  const officeUser = users.find((u) => u.username === 'office');
  let seed = 42;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const now = Date.now();
  let openMatters = 0;
  let openTasks = 0;
  // History: every (N / OPEN)-th matter is in flight, so the office's working set stays OPEN
  // matters whatever N is; the others are closed history — completed (or cancelled) months or
  // years ago, every task finished, every 待阅 and notification read — spread through the table.
  for (let start = 0; start < N; start += 500) {
    await db.transaction().execute(async (tx) => {
      const matters = [];
      const access = [];
      const tasks = [];
      const reads = [];
      const notes = [];
      for (let i = start; i < Math.min(N, start + 500); i++) {
        const id = newId();
        const dept = pick(depts).id;
        const open = Math.floor(((i + 1) * OPEN) / N) > Math.floor((i * OPEN) / N);
        const createdMs = open ? now - rnd() * 90 * DAY : now - (90 + rnd() * 1735) * DAY;
        const closedMs = open ? null : Math.min(createdMs + rnd() * 60 * DAY, now - 30 * DAY);
        const created = iso(createdMs);
        if (open) openMatters++;
        const restricted = rnd() < 0.1 ? 1 : 0;
        matters.push({
          id,
          kind: 'coordination',
          title: `关于第${i}号协调事项的${pick(['会签', '督办', '征求意见', '经费安排', '用地协调'])}`,
          status: open ? pick(OPEN_STATUSES) : rnd() < 0.95 ? 'completed' : 'cancelled',
          version: 1,
          classification: 'none',
          restricted,
          priority: 'normal',
          owner_id: pick(users).id,
          department_id: dept,
          due_date: null,
          data: '{}',
          created_by: officeUser.id,
          created_at: created,
          updated_at: open ? iso(createdMs + rnd() * (now - createdMs)) : iso(closedMs),
          closed_at: open ? null : iso(closedMs),
        });
        access.push(
          { matter_id: id, principal_type: 'user', principal_id: officeUser.id },
          { matter_id: id, principal_type: 'department', principal_id: dept },
        );
        if (restricted === 0) access.push({ matter_id: id, principal_type: 'role', principal_id: 'office' });
        for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
          const toUser = rnd() < 0.5 ? pick(users).id : null;
          const status = open ? (rnd() < 0.6 ? 'open' : 'done') : rnd() < 0.9 ? 'done' : 'cancelled';
          const completedMs = status === 'open' ? null : createdMs + rnd() * ((closedMs ?? now) - createdMs);
          if (status === 'open') openTasks++;
          tasks.push({
            id: newId(),
            matter_id: id,
            kind: 'handle',
            title: `承办任务${k + 1}`,
            assignee_user_id: toUser,
            assignee_department_id: toUser ? null : dept,
            status,
            due_date: iso(open ? now + (rnd() * 30 - 10) * DAY : createdMs + rnd() * 30 * DAY).slice(0, 10),
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
            read_at: open && rnd() < 0.7 ? null : iso(closedMs ?? now),
          });
        notes.push({
          id: newId(),
          user_id: pick(users).id,
          kind: 'assigned',
          title: `事项「第${i}号」有新任务`,
          body: null,
          matter_id: id,
          timer_id: null,
          read_at: open && rnd() < 0.5 ? null : iso(closedMs ?? now),
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
  return { openMatters, openTasks };
}

/** What autovacuum does after a bulk load: statistics for the planner (and, on PostgreSQL, the visibility map). */
async function afterBulkLoad(database) {
  if (database.dialect === 'sqlite') {
    await sql`analyze`.execute(database.db);
    return;
  }
  const tables = await sql`select tablename from pg_tables where schemaname = ${database.schema}`.execute(database.db);
  for (const { tablename } of tables.rows) await sql`vacuum analyze ${sql.id(tablename)}`.execute(database.db);
}

const ENDPOINTS = [
  ['GET /inbox/todo', '/api/v1/inbox/todo'],
  ['GET /inbox/counts', '/api/v1/inbox/counts'],
  ['GET /inbox/toread', '/api/v1/inbox/toread'],
  ['GET /notifications', '/api/v1/notifications?pageSize=10'],
  ['GET /matters?status=executing', '/api/v1/matters?status=executing'],
  ['GET /inbox/done', '/api/v1/inbox/done'],
  ['GET /matters', '/api/v1/matters'],
  ['GET /matters?q=经费', `/api/v1/matters?q=${encodeURIComponent('经费')}`],
];

const setups = [];
const cleanups = [];
// Interrupted (Ctrl-C, kill): drop what was built, as the end of a run does.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    for (const cleanup of cleanups) await cleanup().catch(() => {});
    process.exit(130);
  });
}
for (const n of SIZES) {
  const t0 = performance.now();
  const { database, cleanup } = await createDatabase(n);
  cleanups.push(cleanup);
  await migrateToLatest(database);
  await seedDemo({ db: database.db, clock: systemClock });
  const { openMatters, openTasks } = await generate(database.db, n);
  await afterBulkLoad(database);
  console.log(
    `database: ${database.dialect}; ${n} matters (${openMatters} open, ${n - openMatters} closed; ${openTasks} open tasks) generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const { app } = await buildApp({ database, clock: systemClock, webDist: null });
  await app.ready();
  const agents = {};
  for (const username of ['office', 'liaison']) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'xietiao-demo' } });
    const cookie = res.cookies.find((c) => c.name === 'xt_session').value;
    agents[username] = (url) => app.inject({ method: 'GET', url, headers: { cookie: `xt_session=${cookie}` } });
  }
  setups.push({ n, database, app, agents, lat: new Map(), rows: new Map() });
}
let pgVersion = '';
if (PG_URL) pgVersion = `; ${(await sql`select version() as v`.execute(setups[0].database.db)).rows[0].v.split(' on ')[0]}`;
const cpus = os.cpus();
console.log(`machine: ${cpus.length} × ${cpus[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}${pgVersion}`);
console.log(`${REQUESTS} requests per endpoint and size, in ${ROUNDS} rounds alternating between the sizes\n`);

async function run(setup, who, url, count, record) {
  const get = setup.agents[who];
  for (let i = 0; i < count; i++) {
    const s = performance.now();
    const r = await get(url);
    const ms = performance.now() - s;
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
    if (record) {
      const key = `${who}: ${url}`;
      if (!setup.lat.has(key)) setup.lat.set(key, []);
      setup.lat.get(key).push(ms);
      if (!setup.rows.has(key)) setup.rows.set(key, r.json().total ?? '');
    }
  }
}
for (const who of ['office', 'liaison']) for (const [, url] of ENDPOINTS) for (const s of setups) await run(s, who, url, 10, false);
const perRound = Math.max(1, Math.round(REQUESTS / ROUNDS));
for (let round = 0; round < ROUNDS; round++) {
  for (const who of ['office', 'liaison']) for (const [, url] of ENDPOINTS) for (const s of setups) await run(s, who, url, perRound, true);
}

const q = (a, p) => a[Math.min(a.length - 1, Math.floor(p * a.length))];
const f = (ms) => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0)).padStart(5);
const head = setups.map((s) => `${`${s.n.toLocaleString('en')} matters: p50 / p95 / p99 ms (rows)`.padEnd(44)}`).join(' ');
console.log(`${'endpoint'.padEnd(38)} ${head}${setups.length > 1 ? ' p50 ratio' : ''}`);
for (const who of ['office', 'liaison']) {
  for (const [label, url] of ENDPOINTS) {
    const key = `${who}: ${url}`;
    const cols = setups.map((s) => {
      const lat = s.lat.get(key).sort((a, b) => a - b);
      const rows = s.rows.get(key);
      return `${f(q(lat, 0.5))} / ${f(q(lat, 0.95))} / ${f(q(lat, 0.99))}${rows === '' ? '' : ` (${rows})`}`.padEnd(44);
    });
    const p50s = setups.map((s) => q(s.lat.get(key), 0.5));
    const ratio = setups.length > 1 ? `  ${(p50s.at(-1) / p50s[0]).toFixed(2)}×` : '';
    console.log(`${`${who}: ${label}`.padEnd(38)} ${cols.join(' ')}${ratio}`);
  }
}
for (const s of setups) await s.app.close();
if (!process.env.BENCH_KEEP) for (const cleanup of cleanups) await cleanup();
