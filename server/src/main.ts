/**
 * The `xietiao` command: start, migrate, seed --demo, init --admin NAME, audit verify, check FILE.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { databaseUrlFromEnv, openDatabase, type Db } from './platform/db/database';
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

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function open() {
  const url = databaseUrlFromEnv();
  return openDatabase({ url });
}

function describeDb(url: string) {
  return /^postgres/.test(url) ? `PostgreSQL（${url.replace(/\/\/[^@]*@/, '//***@')}）` : `SQLite（${url}）`;
}

async function start() {
  const database = open();
  await migrateToLatest(database);
  const demo = process.env.XIETIAO_DEMO !== '0';
  const clock = systemClock;
  if (demo) await loadDemo(database.db);
  const webDist = process.env.WEB_DIST ?? path.join(repoRoot, 'web', 'dist');
  const { app, ctx } = await buildApp({ database, clock, webDist, logger: { level: process.env.LOG_LEVEL ?? 'warn' }, secureCookies: process.env.SECURE_COOKIES === '1' });
  const runner = createTimerRunner(ctx, timerHandlers(ctx), { onError: (err) => app.log.error({ err }, 'timer run failed') });
  runner.start(Number(process.env.TIMER_INTERVAL_MS ?? 5000));
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';
  await app.listen({ port, host });
  const url = `http://localhost:${port}`;
  console.log(`协调（Xietiao）已启动：${url}`);
  console.log(`数据库：${describeDb(databaseUrlFromEnv())}`);
  if (!fs.existsSync(path.join(webDist, 'index.html'))) console.log(`注意：未找到前端构建（${webDist}），请先运行 npm run build`);
  if (demo) {
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

/** Load the demo organisation and its matters into an empty database; false when it is not empty. */
async function loadDemo(db: Db): Promise<boolean> {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  await seedDemo({ db, clock: systemClock });
  await seedDemoMatters({ db, clock: systemClock, calendar: () => new Map() });
  await seedDemoActivities({ db, clock: systemClock, calendar: () => new Map() });
  return true;
}

async function ask(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  return new Promise((resolve) => rl.question(question, (a) => { rl.close(); resolve(a); }));
}

async function main(argv: string[]) {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case 'start':
    case undefined:
      return start();
    case 'migrate': {
      const database = open();
      const done = await migrateToLatest(database);
      console.log(done.length ? `已执行迁移：${done.join('、')}` : '数据库已是最新结构');
      await database.close();
      return;
    }
    case 'seed': {
      if (!rest.includes('--demo')) { console.error('用法：xietiao seed --demo'); process.exit(2); }
      const database = open();
      await migrateToLatest(database);
      const seeded = await loadDemo(database.db);
      console.log(seeded ? '已载入演示单位' : '数据库中已有人员，未载入演示数据');
      await database.close();
      return;
    }
    case 'init': {
      const i = rest.indexOf('--admin');
      const name = i >= 0 ? rest[i + 1] : undefined;
      if (!name) { console.error('用法：xietiao init --admin 用户名'); process.exit(2); }
      const password = process.env.XIETIAO_ADMIN_PASSWORD ?? (await ask(`请输入 ${name} 的密码（至少10位）：`));
      const database = open();
      await migrateToLatest(database);
      try {
        await initAdmin({ db: database.db, clock: systemClock }, name, password);
        console.log(`已创建系统管理员 ${name}。请登录后创建单位、部门和人员，并由安全保密管理员分配角色。`);
      } catch (err) {
        console.error((err as Error).message);
        process.exitCode = 1;
      }
      await database.close();
      return;
    }
    case 'audit': {
      if (rest[0] !== 'verify') { console.error('用法：xietiao audit verify'); process.exit(2); }
      const database = open();
      const r = await verifyAudit(database.db);
      await database.close();
      if (r.ok) { console.log(`审计链完整：共校验 ${r.checked} 条记录`); return; }
      console.log(`审计链被破坏：第 ${r.firstBrokenSeq} 条记录。${r.reason}`);
      process.exitCode = 1;
      return;
    }
    case 'check':
      process.exitCode = await runCheckCommand(rest);
      return;
    default:
      console.error(`未知命令：${cmd}\n可用命令：start | migrate | seed --demo | init --admin 用户名 | audit verify | check 文件.json [--json]`);
      process.exit(2);
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
