/**
 * K-12 Start-up that cannot half-happen: real `xietiao start` processes on one empty database.
 * Migrations and the demo load run under the start-up lock; the demo is one transaction.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Dialect } from '../db/database';
import { newToken } from '../ids';
import { testDialects } from '../../test/db';

const run = promisify(execFile);
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/xietiao.mjs');
const READY = /协调（Xietiao）已启动/;
const PAUSED = /XIETIAO_DEMO_PAUSE_MS: demo transaction open/;
const TABLES = ['users', 'organs', 'departments', 'leaders', 'matters', 'activities'] as const;
type Counts = Record<(typeof TABLES)[number], number>;

/** An empty database (no migrations) another process can reach through `env`. */
interface EmptyDb {
  dialect: Dialect;
  env: NodeJS.ProcessEnv;
  open(): ReturnType<typeof openDatabase>;
  cleanup(): Promise<void>;
}

const dirs: string[] = [];
function tempDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'xietiao-startup-'));
  dirs.push(d);
  return d;
}

function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, XIETIAO_DEMO: '1', TIMER_INTERVAL_MS: '3600000', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  for (const k of ['DATABASE_URL', 'DATABASE_SCHEMA', 'DATA_DIR', 'XIETIAO_DEMO_PAUSE_MS', 'PORT']) delete env[k];
  return env;
}

async function emptyDatabase(dialect: Dialect): Promise<EmptyDb> {
  if (dialect === 'sqlite') {
    const dir = tempDir();
    return {
      dialect,
      env: { ...baseEnv(), DATA_DIR: dir },
      open: () => openDatabase({ url: path.join(dir, 'xietiao.db') }),
      cleanup: async () => {},
    };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `k12_${newToken(9)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  return {
    dialect,
    env: { ...baseEnv(), DATABASE_URL: url, DATABASE_SCHEMA: schema },
    open: () => openDatabase({ url, schema, poolSize: 2 }),
    cleanup: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

interface Proc {
  child: ChildProcess;
  out: () => string;
  waitFor(re: RegExp, ms?: number): Promise<void>;
  exited: Promise<void>;
}
const live: ChildProcess[] = [];

async function startServer(env: NodeJS.ProcessEnv): Promise<Proc> {
  const child = spawn(process.execPath, [bin, 'start'], { env: { ...env, PORT: String(await freePort()) }, stdio: ['ignore', 'pipe', 'pipe'] });
  live.push(child);
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (b: Buffer) => {
    out += b.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      for (const l of listeners) l();
      resolve();
    }),
  );
  const waitFor = (re: RegExp, ms = 150_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`timed out waiting for ${re}; output:\n${out}`));
      }, ms);
      function check() {
        if (re.test(out)) {
          clearTimeout(timer);
          listeners.delete(check);
          resolve();
        } else if (child.exitCode !== null || child.signalCode !== null) {
          clearTimeout(timer);
          listeners.delete(check);
          reject(new Error(`exited (${child.exitCode ?? child.signalCode}) before ${re}; output:\n${out}`));
        }
      }
      listeners.add(check);
      check();
    });
  return { child, out: () => out, waitFor, exited };
}

async function stop(p: Proc, signal: NodeJS.Signals = 'SIGTERM') {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill(signal);
  await p.exited;
}

async function counts(db: EmptyDb): Promise<Counts & { marker: number; seededAudit: number }> {
  const database = db.open();
  try {
    const n = async (table: string, where?: [string, string]) => {
      let q = database.db.selectFrom(table as 'users').select((eb) => eb.fn.countAll<number>().as('n'));
      if (where) q = q.where(where[0] as 'id', '=', where[1]);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    const out = {} as Counts & { marker: number; seededAudit: number };
    for (const t of TABLES) out[t] = await n(t);
    out.marker = await n('settings', ['key', 'system.demo']);
    out.seededAudit = await n('audit_events', ['action', 'system.demo_seeded']);
    return out;
  } finally {
    await database.close();
  }
}

async function auditVerify(env: NodeJS.ProcessEnv) {
  const r = await run(process.execPath, [bin, 'audit', 'verify'], { env });
  expect(r.stdout).toMatch(/审计链完整/);
}

/** What one process alone loads into an empty database: the demo's counts. */
let demo: Counts;
beforeAll(async () => {
  const ref = await emptyDatabase('sqlite');
  await run(process.execPath, [bin, 'seed', '--demo'], { env: ref.env });
  const c = await counts(ref);
  demo = Object.fromEntries(TABLES.map((t) => [t, c[t]])) as Counts;
  expect(demo.users).toBeGreaterThan(0);
  expect(demo.matters).toBeGreaterThan(0);
}, 120_000);

afterEach(() => {
  for (const c of live.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe.each(testDialects())('K-12 start-up under a lock [%s]', (dialect) => {
  it('K-12 two servers started together on an empty database both come up and the demo is loaded once', async () => {
    const db = await emptyDatabase(dialect);
    try {
      const a = await startServer(db.env);
      const b = await startServer(db.env);
      await Promise.all([a.waitFor(READY), b.waitFor(READY)]);
      const c = await counts(db);
      expect(c).toEqual({ ...demo, marker: 1, seededAudit: 1 });
      // both print the demo logins (after the ready line): the demo is there for each of them
      await Promise.all([a.waitFor(/演示账号/, 10_000), b.waitFor(/演示账号/, 10_000)]);
      await Promise.all([stop(a), stop(b)]);
      await auditVerify(db.env);
    } finally {
      await db.cleanup();
    }
  }, 300_000);

  it('K-12 a kill -9 during the first start leaves nothing half-loaded and a restart completes the demo', async () => {
    const db = await emptyDatabase(dialect);
    try {
      // The test hook holds the demo transaction open after the organisation and the coordination
      // matters were written (the moment the old start-up left 9 of 18 matters behind).
      const first = await startServer({ ...db.env, XIETIAO_DEMO_PAUSE_MS: '120000' });
      await first.waitFor(PAUSED);
      await stop(first, 'SIGKILL');
      const none = Object.fromEntries(TABLES.map((t) => [t, 0])) as Counts;
      expect(await counts(db)).toEqual({ ...none, marker: 0, seededAudit: 0 });

      const again = await startServer(db.env);
      await again.waitFor(READY);
      expect(await counts(db)).toEqual({ ...demo, marker: 1, seededAudit: 1 });
      await stop(again);
      await auditVerify(db.env);
    } finally {
      await db.cleanup();
    }
  }, 300_000);
});
