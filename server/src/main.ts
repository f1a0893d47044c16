/**
 * The `xietiao` command: start, migrate, seed --demo, init --admin NAME, audit verify, check FILE
 * (or check --text FILE: a whole document),
 * backup FILE, restore FILE.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { databaseUrlFromEnv, isPostgresUrl, openDatabase, type Database, type Db } from './platform/db/database';
import { runTx } from './platform/db/tx';
import { toJson } from './platform/json';
import { migrateToLatest } from './platform/db/migrate';
import { verifyAudit } from './platform/audit';
import { systemClock } from './platform/clock';
import { buildApp } from './app';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from './seed/demo';
import { seedDemoMatters } from './seed/demo-matters';
import { seedDemoActivities } from './seed/demo-activities';
import { initAdmin } from './seed/init';
import { createTimerRunner } from './platform/timers';
import { timerHandlers } from './timers';
import { runCheckCommand } from './cli/check';
import { systemCheckOrgans } from './modules/org/check-organs';
import { runBackupCommand, runRestoreCommand } from './cli/backup';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function open() {
  const url = databaseUrlFromEnv();
  return openDatabase({ url, schema: process.env.DATABASE_SCHEMA || undefined });
}

/**
 * Run the start-up phase (migrations, the demo load) under a lock held across processes, so that
 * two processes started together never both migrate or both load the demo. PostgreSQL: a
 * session advisory lock keyed by the schema, on a connection of its own (released on unlock, or
 * by the server when a killed process's connection drops). SQLite: an exclusive transaction on
 * the empty file `<database>-startup` beside the database (the OS drops the file lock when the
 * process dies). Waiters poll, so the event loop is never blocked. `database` (or, when the
 * caller opens the database only once it holds the lock, the DATABASE_SCHEMA it will use) names
 * the lock's key on PostgreSQL.
 */
async function withStartupLock<T>(database: Pick<Database, 'schema'>, fn: () => Promise<T>): Promise<T> {
  const url = databaseUrlFromEnv();
  const waiting = () => console.log('等待另一进程完成启动（迁移、演示数据）……');
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const key = `xietiao:startup:${database.schema ?? 'public'}`;
    try {
      const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [key]);
      if (!got.rows[0].ok) {
        waiting();
        await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
      }
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
      }
    } finally {
      await client.end();
    }
  }
  if (url === ':memory:') return fn();
  fs.mkdirSync(path.dirname(path.resolve(url)), { recursive: true }); // as openDatabase does, for a new DATA_DIR
  const lock = new SQLite(`${path.resolve(url)}-startup`, { timeout: 0 });
  try {
    for (let warned = false; ; warned = true) {
      try {
        lock.exec('BEGIN EXCLUSIVE');
        break;
      } catch (err) {
        if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
        if (!warned) waiting();
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    return await fn();
  } finally {
    lock.close(); // ends the (empty) transaction and releases the file lock
  }
}

function describeDb(url: string) {
  return /^postgres/.test(url) ? `PostgreSQL（${url.replace(/\/\/[^@]*@/, '//***@')}）` : `SQLite（${url}）`;
}

async function start() {
  // The database is opened only once the start-up lock is held: `restore` holds it while it
  // replaces the database, and a server that opened the file (or its pool) before would run on
  // the replaced one.
  let opened: Database | undefined;
  const clock = systemClock;
  const demo = await withStartupLock({ schema: process.env.DATABASE_SCHEMA || undefined }, async () => {
    opened = open();
    await migrateToLatest(opened);
    return process.env.XIETIAO_DEMO !== '0' ? loadDemo(opened.db) : 'off';
  });
  const database = opened!;
  const webDist = process.env.WEB_DIST ?? path.join(repoRoot, 'web', 'dist');
  const { app, ctx } = await buildApp({
    database,
    clock,
    webDist,
    logger: { level: process.env.LOG_LEVEL ?? 'warn' },
    secureCookies: process.env.SECURE_COOKIES === '1',
  });
  const runner = createTimerRunner(ctx, timerHandlers(ctx), { onError: (err) => app.log.error({ err }, 'timer run failed') });
  runner.start(Number(process.env.TIMER_INTERVAL_MS ?? 5000));
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';
  await app.listen({ port, host });
  const url = `http://localhost:${port}`;
  console.log(`协调（Xietiao）已启动：${url}`);
  console.log(`数据库：${describeDb(databaseUrlFromEnv())}`);
  if (!fs.existsSync(path.join(webDist, 'index.html'))) console.log(`注意：未找到前端构建（${webDist}），请先运行 npm run build`);
  if (demo === 'loaded' || demo === 'present') {
    console.log(`演示账号（密码均为 ${DEMO_PASSWORD}）：`);
    for (const l of DEMO_LOGINS) console.log(`  ${l.username.padEnd(12)} ${l.name}（${l.label}）`);
  }
  const shutdown = async () => {
    await runner.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

/** The `settings` row written in the demo's own transaction: present = the whole demo is loaded. */
const DEMO_MARKER = 'system.demo';

/**
 * Load the demo organisation, its matters and its activities into an empty database, in ONE
 * transaction (every seeded use case joins it through runTx) ending with the DEMO_MARKER row: a
 * load cut short (kill -9, crash) leaves nothing, and the next start loads it again. Call it under
 * withStartupLock. 'present': loaded before; 'not-empty': the database has people of its own and is
 * never touched.
 */
async function loadDemo(db: Db): Promise<'loaded' | 'present' | 'not-empty'> {
  return runTx(db, async (tx) => {
    if (await tx.selectFrom('settings').select('key').where('key', '=', DEMO_MARKER).executeTakeFirst()) return 'present';
    if (await tx.selectFrom('users').select('id').limit(1).executeTakeFirst()) return 'not-empty';
    const ctx = { db: tx, clock: systemClock, calendar: () => new Map() };
    await seedDemo(ctx);
    await seedDemoMatters(ctx);
    // Test hook (K-12): hold the open demo transaction this long, so a test can kill the process
    // mid-load. Never set it outside tests.
    const pauseMs = Number(process.env.XIETIAO_DEMO_PAUSE_MS ?? 0);
    if (pauseMs > 0) {
      console.log(`XIETIAO_DEMO_PAUSE_MS: demo transaction open, pausing ${pauseMs} ms`);
      await new Promise((r) => setTimeout(r, pauseMs));
    }
    await seedDemoActivities(ctx);
    const count = async (table: 'users' | 'matters') =>
      Number(
        (
          await tx
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const now = systemClock.now().toISOString();
    await tx
      .insertInto('settings')
      .values({
        key: DEMO_MARKER,
        value: toJson({ loadedAt: now, users: await count('users'), matters: await count('matters') }),
        version: 1,
        updated_by: null,
        updated_at: now,
      })
      .execute();
    return 'loaded';
  });
}

/** `check --text` without `--organs`: the organisation in the system's database (read only; a missing SQLite file is not created). */
async function organsOfTheSystem() {
  const url = databaseUrlFromEnv();
  if (!isPostgresUrl(url) && url !== ':memory:' && !fs.existsSync(url)) throw new Error(`数据库文件 ${url} 不存在`);
  const database = open();
  try {
    return await systemCheckOrgans(database.db);
  } finally {
    await database.close();
  }
}

async function ask(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  return new Promise((resolve) =>
    rl.question(question, (a) => {
      rl.close();
      resolve(a);
    }),
  );
}

async function main(argv: string[]) {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'start':
    case undefined:
      return start();
    case 'migrate': {
      const database = open();
      const done = await withStartupLock(database, () => migrateToLatest(database));
      console.log(done.length ? `已执行迁移：${done.join('、')}` : '数据库已是最新结构');
      await database.close();
      return;
    }
    case 'seed': {
      if (!rest.includes('--demo')) {
        console.error('用法：xietiao seed --demo');
        process.exit(2);
      }
      const database = open();
      const seeded = await withStartupLock(database, async () => {
        await migrateToLatest(database);
        return loadDemo(database.db);
      });
      console.log(seeded === 'loaded' ? '已载入演示单位' : '数据库中已有人员，未载入演示数据');
      await database.close();
      return;
    }
    case 'init': {
      const i = rest.indexOf('--admin');
      const name = i >= 0 ? rest[i + 1] : undefined;
      if (!name) {
        console.error('用法：xietiao init --admin 用户名');
        process.exit(2);
      }
      const password = process.env.XIETIAO_ADMIN_PASSWORD ?? (await ask(`请输入 ${name} 的密码（至少10位）：`));
      const database = open();
      await withStartupLock(database, async () => {
        await migrateToLatest(database);
        try {
          await initAdmin({ db: database.db, clock: systemClock }, name, password);
          console.log(`已创建系统管理员 ${name}。请登录后创建单位、部门和人员，并由安全保密管理员分配角色。`);
        } catch (err) {
          console.error((err as Error).message);
          process.exitCode = 1;
        }
      });
      await database.close();
      return;
    }
    case 'audit': {
      if (rest[0] !== 'verify') {
        console.error('用法：xietiao audit verify');
        process.exit(2);
      }
      const database = open();
      const r = await verifyAudit(database.db);
      await database.close();
      if (r.ok) {
        console.log(`审计链完整：共校验 ${r.checked} 条记录`);
        return;
      }
      console.log(`审计链被破坏：第 ${r.firstBrokenSeq} 条记录。${r.reason}`);
      process.exitCode = 1;
      return;
    }
    case 'check':
      process.exitCode = await runCheckCommand(rest, undefined, undefined, { systemOrgans: organsOfTheSystem });
      return;
    case 'backup':
      process.exitCode = await runBackupCommand(rest);
      return;
    case 'restore':
      process.exitCode = await runRestoreCommand(rest);
      return;
    default:
      console.error(
        `未知命令：${cmd}\n可用命令：start | migrate | seed --demo | init --admin 用户名 | audit verify | check 文件.json [--json] | check --text 文件 [--organs 文件] [--json] | backup 文件 [--force] | restore 文件 [--force] [--ignore-connections]`,
      );
      process.exit(2);
  }
}

main(process.argv.slice(2)).catch((err) => {
  // XIETIAO_DEBUG=1 shows where it failed; otherwise the message alone, without a stack.
  console.error(err instanceof Error ? (process.env.XIETIAO_DEBUG ? err.stack : err.message) : err);
  process.exit(1);
});
