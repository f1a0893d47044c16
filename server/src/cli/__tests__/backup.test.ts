/**
 * `xietiao backup` / `xietiao restore` (issue #9, "backups that finish"): the real command, in its
 * own process, against a database that another connection keeps committing to — as a running
 * server would — then restored elsewhere and compared table by table, row by row.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../platform/audit';
import { ManualClock } from '../../platform/clock';
import { openDatabase, type Database, type Db } from '../../platform/db/database';
import { migrateToLatest, migrations } from '../../platform/db/migrate';
import { runTx } from '../../platform/db/tx';
import { newId, newToken } from '../../platform/ids';
import { seedDemo } from '../../seed/demo';
import { seedDemoActivities } from '../../seed/demo-activities';
import { seedDemoMatters } from '../../seed/demo-matters';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import type { DB } from '../../platform/db/schema';
import { describePg, pgToolConnection, type Manifest } from '../backup';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/xietiao.mjs');
const dirs: string[] = [];
const cleanups: (() => Promise<void>)[] = [];
function tempDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'xietiao-backup-'));
  dirs.push(d);
  return d;
}
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  for (const d of dirs) {
    fs.chmodSync(d, 0o755);
    fs.rmSync(d, { recursive: true, force: true });
  }
});

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Run `xietiao ARGS` with only the given database settings (and test hooks); never throws. */
function cli(args: string[], db: { DATA_DIR?: string; DATABASE_URL?: string; DATABASE_SCHEMA?: string; XIETIAO_BACKUP_FAULT?: string }): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'DATABASE_SCHEMA', 'DATA_DIR', 'XIETIAO_BACKUP_FAULT']) delete env[k];
  Object.assign(env, db);
  const t0 = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? Number((err as { code: number }).code) : 1) : 0;
      resolve({ code, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

const clock = new ManualClock('2026-11-27T01:00:00Z');

/**
 * What the start-up's demo load writes (organisation, coordination matters, activities), then
 * `matters` bulk matters of history with access lists and tasks, and `attachments` files of
 * `attachmentBytes` random bytes each (incompressible, as scanned documents are).
 */
async function seedRealistic(db: Db, opts: { matters: number; attachments: number; attachmentBytes: number }) {
  await runTx(db, async (tx) => {
    const ctx = { db: tx, clock, calendar: () => new Map() };
    await seedDemo(ctx);
    await seedDemoMatters(ctx);
    await seedDemoActivities(ctx);
  });
  const users = await db.selectFrom('users').select(['id', 'department_id']).execute();
  const office = users[0].id;
  const ids: string[] = [];
  for (let start = 0; start < opts.matters; start += 250) {
    await db.transaction().execute(async (tx) => {
      const matters = [];
      const access = [];
      const tasks = [];
      for (let i = start; i < Math.min(opts.matters, start + 250); i++) {
        const id = newId();
        ids.push(id);
        const u = users[i % users.length];
        const at = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString();
        matters.push({
          id,
          kind: 'coordination',
          title: `关于第${i}号协调事项的会签`,
          status: i % 7 === 0 ? 'executing' : 'completed',
          version: 1,
          classification: 'none',
          restricted: (i % 10 === 0 ? 1 : 0) as 0 | 1,
          priority: 'normal',
          owner_id: u.id,
          department_id: u.department_id,
          due_date: null,
          data: JSON.stringify({ note: `历史事项${i}` }),
          created_by: office,
          created_at: at,
          updated_at: at,
          closed_at: i % 7 === 0 ? null : at,
        });
        access.push({ matter_id: id, principal_type: 'user' as const, principal_id: u.id });
        tasks.push({
          id: newId(),
          matter_id: id,
          kind: 'handle',
          title: '承办任务',
          assignee_user_id: u.id,
          assignee_department_id: null,
          status: 'done' as const,
          due_date: at.slice(0, 10),
          result: '已办理',
          created_by: office,
          created_at: at,
          completed_at: at,
          completed_by: u.id,
          version: 2,
        });
      }
      await tx.insertInto('matters').values(matters).execute();
      await tx.insertInto('matter_access').values(access).execute();
      await tx.insertInto('tasks').values(tasks).execute();
    });
  }
  for (let i = 0; i < opts.attachments; i++) {
    const content = randomBytes(opts.attachmentBytes);
    await db
      .insertInto('attachments')
      .values({
        id: newId(),
        matter_id: ids[i % ids.length],
        filename: `附件${i}.pdf`,
        mime: 'application/pdf',
        size: content.length,
        content,
        created_by: office,
        created_at: clock.now().toISOString(),
        content_version_id: null,
      })
      .execute();
  }
}

interface Written {
  n: number;
  matterId: string;
  attachmentId: string | null;
}

/**
 * Another connection committing every `everyMs`, as the server's use cases do: a matter, its
 * access row, every fifth time an attachment, and the audit row (the chain head moves each time).
 */
function startWriter(db: Db, everyMs: number) {
  const written: Written[] = [];
  let failure: unknown = null;
  let busy = false;
  const user = db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow();
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const actor = (await user).id;
      const n = written.length + 1;
      const matterId = newId();
      const attachmentId = n % 5 === 0 ? newId() : null;
      const at = new Date().toISOString();
      await runTx(db, async (tx) => {
        await tx
          .insertInto('matters')
          .values({
            id: matterId,
            kind: 'coordination',
            title: `备份期间写入 #${n}`,
            status: 'registered',
            version: 1,
            classification: 'none',
            restricted: 0,
            priority: 'normal',
            owner_id: actor,
            department_id: null,
            due_date: null,
            data: JSON.stringify({ n }),
            created_by: actor,
            created_at: at,
            updated_at: at,
            closed_at: null,
          })
          .execute();
        await tx.insertInto('matter_access').values({ matter_id: matterId, principal_type: 'user', principal_id: actor }).execute();
        if (attachmentId) {
          const content = randomBytes(20_000);
          await tx
            .insertInto('attachments')
            .values({
              id: attachmentId,
              matter_id: matterId,
              filename: `写入${n}.pdf`,
              mime: 'application/pdf',
              size: content.length,
              content,
              created_by: actor,
              created_at: at,
              content_version_id: null,
            })
            .execute();
        }
        await appendAudit(tx, { now: () => new Date(at) }, { actorId: actor, action: 'matter.created', entityType: 'matter', entityId: matterId, matterId });
      });
      written.push({ n, matterId, attachmentId });
    } catch (e) {
      failure = e;
    } finally {
      busy = false;
    }
  }, everyMs);
  return {
    written,
    count: () => written.length,
    async stop() {
      clearInterval(timer);
      while (busy) await new Promise((r) => setTimeout(r, 5));
      if (failure) throw failure;
      return written;
    },
  };
}

type Row = Record<string, unknown>;

/** A value as text that is the same whichever driver read it (blobs as hex, JSON with sorted keys). */
function canon(v: unknown): string {
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return `x'${Buffer.from(v).toString('hex')}'`;
  if (v instanceof Date) return v.toISOString();
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Array.isArray(v)
      ? `[${v.map(canon).join(',')}]`
      : `{${Object.keys(o)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canon(o[k])}`)
          .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Every table of the database: its row count and the SHA-256 of its rows in primary-key order (rows kept out by `keep` are left out). */
async function tableDigests(database: Database, keep: Record<string, (r: Row) => boolean> = {}): Promise<Record<string, { rows: number; sha256: string }>> {
  const { db, dialect, schema } = database;
  const tables =
    dialect === 'sqlite'
      ? (await sql<{ t: string }>`select name as t from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)).rows
      : (await sql<{ t: string }>`select tablename as t from pg_tables where schemaname = ${schema} order by tablename`.execute(db)).rows;
  const out: Record<string, { rows: number; sha256: string }> = {};
  for (const { t } of tables) {
    const pk =
      dialect === 'sqlite'
        ? (await sql<{ c: string }>`select name as c from pragma_table_info(${t}) where pk > 0 order by pk`.execute(db)).rows
        : (
            await sql<{ c: string }>`select a.attname as c from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                where i.indrelid = (quote_ident(${schema}) || '.' || quote_ident(${t}))::regclass and i.indisprimary
                order by array_position(i.indkey::int2[], a.attnum)`.execute(db)
          ).rows;
    expect(pk.length, `table ${t} has a primary key`).toBeGreaterThan(0);
    const rows = (await sql<Row>`select * from ${sql.table(t)} order by ${sql.join(pk.map((p) => sql.ref(p.c)))}`.execute(db)).rows.filter(
      keep[t] ?? (() => true),
    );
    const h = createHash('sha256');
    for (const r of rows)
      h.update(
        `${Object.keys(r)
          .sort()
          .map((k) => `${k}=${canon(r[k])}`)
          .join('\t')}\n`,
      );
    out[t] = { rows: rows.length, sha256: h.digest('hex') };
  }
  return out;
}

/**
 * The source as it was after the writer's K-th commit: the rows of writes K+1… left out, the
 * audit trail cut at the restored chain head. Equal digests = the copy is one consistent moment.
 */
async function sourceAsOf(source: Database, written: Written[], copy: Database) {
  const mine = (await copy.db.selectFrom('matters').select('title').where('title', 'like', '备份期间写入 #%').execute()).map((r) =>
    Number(/#(\d+)$/.exec(r.title)![1]),
  );
  const k = mine.length ? Math.max(...mine) : 0;
  expect(mine.length, 'the copy holds writes 1..K, no gap').toBe(k);
  const later = new Set(written.filter((w) => w.n > k).flatMap((w) => [w.matterId, w.attachmentId]));
  const head = await copy.db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
  const digests = await tableDigests(source, {
    matters: (r) => !later.has(r.id as string),
    matter_access: (r) => !later.has(r.matter_id as string),
    attachments: (r) => !later.has(r.id as string),
    audit_events: (r) => Number(r.seq) <= Number(head.seq),
    audit_head: () => false,
  });
  const copyDigests = await tableDigests(copy, { audit_head: () => false });
  // the head the copy holds is the source's row at that seq
  const atHead = await source.db.selectFrom('audit_events').select('hash').where('seq', '=', Number(head.seq)).executeTakeFirstOrThrow();
  expect(atHead.hash).toBe(head.hash);
  return { k, head: Number(head.seq), digests, copyDigests };
}

/** A backup file opened read-only: opening it for writing (WAL) would change it and its SHA-256. */
function openReadonly(file: string): Database {
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: new SQLite(file, { readonly: true, fileMustExist: true }) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

function readManifest(file: string): Manifest {
  return JSON.parse(fs.readFileSync(`${file}.manifest.json`, 'utf8')) as Manifest;
}

describe('[sqlite] xietiao backup / restore', () => {
  it('a backup taken while another connection keeps writing finishes, verifies, and restores into a fresh DATA_DIR as the same database', async () => {
    const tdb = await createTestDatabase('sqlite');
    cleanups.push(() => tdb.cleanup());
    await seedRealistic(tdb.database.db, { matters: 3000, attachments: 300, attachmentBytes: 100_000 });
    const sourceBytes = fs.statSync(tdb.url).size;
    expect(sourceBytes).toBeGreaterThan(30_000_000);

    const out = tempDir();
    const file = path.join(out, 'xietiao-backup.db');
    const writer = startWriter(tdb.database.db, 5);
    await new Promise((r) => setTimeout(r, 100));
    const atStart = writer.count();
    const backup = await cli(['backup', file], { DATABASE_URL: tdb.url });
    const atEnd = writer.count();
    const written = await writer.stop();
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(atEnd - atStart, 'the writer kept committing while the backup ran').toBeGreaterThan(20);
    expect(backup.stdout).toContain('完整性检查（integrity_check）：ok');
    expect(backup.stdout).toMatch(/审计链完整：共校验 \d+ 条记录/);
    expect(backup.stdout).toContain('备份期间有其他连接写入');
    expect(backup.stdout).toContain('备份完成');
    console.log(
      `[sqlite] backup of ${(sourceBytes / 1e6).toFixed(1)} MB under ${written.length} writes: ${backup.ms} ms (the command, process start included)\n${backup.stdout}`,
    );

    // Only the backup and its manifest in the directory: no temporary file left.
    expect(fs.readdirSync(out).sort()).toEqual(['xietiao-backup.db', 'xietiao-backup.db.manifest.json']);
    const manifest = readManifest(file);
    expect(manifest).toMatchObject({ dialect: 'sqlite', file: 'xietiao-backup.db', migration: '0009_outgoing', writesDuringBackup: true });
    expect(manifest.sha256).toBe(createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
    expect(manifest.attachments.count).toBeGreaterThanOrEqual(300);
    expect(manifest.attachments.bytes).toBeGreaterThanOrEqual(30_000_000);

    // The copy is the source as of one commit of the writer: K writes in, none after.
    const copy = openReadonly(file);
    try {
      const asOf = await sourceAsOf(tdb.database, written, copy);
      expect(asOf.k).toBeGreaterThan(0);
      expect(asOf.k).toBeLessThan(written.length);
      expect(asOf.copyDigests).toEqual(asOf.digests);
      expect(manifest.audit.headSeq).toBe(asOf.head);
    } finally {
      await copy.close();
    }
    const backupDigests = await (async () => {
      const d = openReadonly(file);
      try {
        return await tableDigests(d);
      } finally {
        await d.close();
      }
    })();
    expect(Object.fromEntries(Object.entries(backupDigests).map(([t, d]) => [t, d.rows]))).toEqual(manifest.tables);

    // Restore into a fresh DATA_DIR: the same tables, counts and rows as the backup file.
    const dataDir = path.join(tempDir(), 'data');
    const restore = await cli(['restore', file], { DATA_DIR: dataDir });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('SHA-256 与清单一致');
    expect(restore.stdout).toContain('与清单一致');
    expect(restore.stdout).toContain('恢复完成');
    const restored = openDatabase({ url: path.join(dataDir, 'xietiao.db') });
    try {
      expect(await tableDigests(restored)).toEqual(backupDigests);
    } finally {
      await restored.close();
    }
    const verify = await cli(['audit', 'verify'], { DATA_DIR: dataDir });
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain(`审计链完整：共校验 ${manifest.audit.checked} 条记录`);
  }, 180_000);

  it('a backup into a directory it cannot write to fails with a Chinese message, exits 1 and leaves no file', async () => {
    const tdb = await createTestDatabase('sqlite');
    cleanups.push(() => tdb.cleanup());
    await seedDemo({ db: tdb.database.db, clock });
    const dir = tempDir();
    fs.chmodSync(dir, 0o555);
    // root writes anywhere it may chmod: a directory of /proc refuses new files even to root
    const target = process.getuid?.() === 0 ? '/proc/xietiao-backup-test.db' : path.join(dir, 'b.db');
    const r = await cli(['backup', target], { DATABASE_URL: tdb.url });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('备份失败');
    expect(r.stderr).toContain('临时文件已删除');
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.existsSync(`${target}.manifest.json`)).toBe(false);
    expect(fs.readdirSync(path.dirname(target)).filter((f) => f.includes('xietiao-backup-test') || f.includes('b.db'))).toEqual([]);
  }, 60_000);

  it('a copy that does not verify (the audit chain was altered) is removed: exit 1, no backup, no temporary file', async () => {
    const tdb = await createTestDatabase('sqlite');
    cleanups.push(() => tdb.cleanup());
    await seedDemo({ db: tdb.database.db, clock });
    await sql`update audit_events set action = 'tampered' where seq = 1`.execute(tdb.database.db);
    const dir = tempDir();
    const r = await cli(['backup', path.join(dir, 'b.db')], { DATABASE_URL: tdb.url });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('审计链被破坏：第 1 条记录');
    expect(r.stderr).toContain('未写入');
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 60_000);

  it('backup refuses to overwrite a file without --force and never writes onto the live database', async () => {
    const tdb = await createTestDatabase('sqlite');
    cleanups.push(() => tdb.cleanup());
    const dir = tempDir();
    const file = path.join(dir, 'b.db');
    fs.writeFileSync(file, 'older backup');
    const r = await cli(['backup', file], { DATABASE_URL: tdb.url });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('文件已存在');
    expect(fs.readFileSync(file, 'utf8')).toBe('older backup');
    expect((await cli(['backup', file, '--force'], { DATABASE_URL: tdb.url })).code).toBe(0);
    expect(readManifest(file).sha256).toBe(createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
    const live = await cli(['backup', tdb.url, '--force'], { DATABASE_URL: tdb.url });
    expect(live.code).toBe(1);
    expect(live.stderr).toContain('不能把备份写到正在使用的数据库文件上');
    expect((await cli(['backup'], { DATABASE_URL: tdb.url })).code).toBe(2);
  }, 60_000);

  it('restore refuses a database in use, one with data unless --force, and a backup that does not match its manifest', async () => {
    const tdb = await createTestDatabase('sqlite');
    cleanups.push(() => tdb.cleanup());
    await seedDemo({ db: tdb.database.db, clock });
    const dir = tempDir();
    const file = path.join(dir, 'b.db');
    expect((await cli(['backup', file], { DATABASE_URL: tdb.url })).code).toBe(0);

    // in use: another process (this one) has the target open
    const dataDir = tempDir();
    const target = path.join(dataDir, 'xietiao.db');
    fs.copyFileSync(file, target);
    const open = new SQLite(target);
    open.pragma('journal_mode = WAL');
    open.prepare('select count(*) from users').get();
    const inUse = await cli(['restore', file, '--force'], { DATA_DIR: dataDir });
    open.close();
    expect(inUse.code).toBe(1);
    expect(inUse.stderr).toContain('数据库正被其他进程使用');

    // data in it: --force needed
    const noForce = await cli(['restore', file], { DATA_DIR: dataDir });
    expect(noForce.code).toBe(1);
    expect(noForce.stderr).toMatch(/已有数据（\d+ 名人员、0 个事项、\d+ 条审计记录）。确认要用备份覆盖请加 --force/);
    const forced = await cli(['restore', file, '--force'], { DATA_DIR: dataDir });
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);

    // a damaged backup (one byte changed) is refused before anything is touched
    const bad = path.join(dir, 'bad.db');
    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    fs.writeFileSync(bad, bytes);
    fs.copyFileSync(`${file}.manifest.json`, `${bad}.manifest.json`);
    const fresh = path.join(tempDir(), 'data');
    const damaged = await cli(['restore', bad], { DATA_DIR: fresh });
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toContain('SHA-256 与清单不符');
    expect(fs.existsSync(path.join(fresh, 'xietiao.db'))).toBe(false);
    fs.rmSync(`${bad}.manifest.json`);
    const noManifest = await cli(['restore', bad], { DATA_DIR: fresh });
    expect(noManifest.code).toBe(1);
    expect(noManifest.stderr).toContain('找不到备份清单');
  }, 120_000);

  it('restoring a backup of an older version runs the migrations and verifies again', async () => {
    const dir = tempDir();
    const url = path.join(dir, 'old.db');
    const database = openDatabase({ url });
    const upTo0007 = Object.fromEntries(Object.entries(migrations({ dialect: 'sqlite', json: 'text' })).filter(([name]) => name < '0008'));
    const { error } = await new Migrator({ db: database.db, provider: { getMigrations: async () => upTo0007 } }).migrateToLatest();
    expect(error).toBeUndefined();
    await runTx(database.db, async (tx) => {
      const c = { db: tx, clock, calendar: () => new Map() };
      await seedDemo(c);
      await seedDemoActivities(c);
    });
    await database.close();
    const file = path.join(dir, 'old-backup.db');
    expect((await cli(['backup', file], { DATABASE_URL: url })).code).toBe(0);
    expect(readManifest(file).migration).toBe('0007_versions_numbers');
    const dataDir = path.join(tempDir(), 'data');
    const r = await cli(['restore', file], { DATA_DIR: dataDir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已执行迁移：0008_held_in_name');
    expect(r.stdout).toMatch(/迁移后完整性 ok，审计链完整/);
  }, 60_000);
  it('a backup interrupted between putting the manifest and the file in place leaves a pair restore names as stale; a failure there does not claim 未写入', async () => {
    const tdb = await createTestDatabase('sqlite');
    cleanups.push(() => tdb.cleanup());
    await seedDemo({ db: tdb.database.db, clock });
    const dir = tempDir();
    const file = path.join(dir, 'b.db');
    const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

    // the first backup of that name, killed (kill -9) between the two renames: the manifest without its file
    const first = await cli(['backup', file], { DATABASE_URL: tdb.url, XIETIAO_BACKUP_FAULT: 'crash-after-manifest' });
    expect(first.code).not.toBe(0);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(`${file}.manifest.json`)).toBe(true);
    const orphan = await cli(['restore', file], { DATA_DIR: path.join(tempDir(), 'data') });
    expect(orphan.code).toBe(1);
    expect(orphan.stderr).toContain('这次备份在放入备份文件之前中断了');
    for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));

    // a good backup, then a newer one over it (--force) killed between the renames: the new manifest, the old file
    expect((await cli(['backup', file], { DATABASE_URL: tdb.url })).code).toBe(0);
    const oldSha = sha(file);
    await runTx(tdb.database.db, (tx) => appendAudit(tx, clock, { actorId: null, action: 'test.later', entityType: 'test', entityId: 'x' }));
    const crashed = await cli(['backup', file, '--force'], { DATABASE_URL: tdb.url, XIETIAO_BACKUP_FAULT: 'crash-after-manifest' });
    expect(crashed.code).not.toBe(0);
    const m = readManifest(file);
    expect(sha(file)).toBe(oldSha);
    expect(m.sha256).not.toBe(oldSha);
    expect(m.replaces).toEqual({ sha256: oldSha, bytes: fs.statSync(file).size });
    const stale = await cli(['restore', file], { DATA_DIR: path.join(tempDir(), 'data') });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('备份文件与清单不配对');
    expect(stale.stderr).toContain('过时的是备份文件');

    // a failure (not a crash) at the same point: the message says what is on disk, not 未写入
    expect((await cli(['backup', file, '--force'], { DATABASE_URL: tdb.url })).code).toBe(0);
    const failed = await cli(['backup', file, '--force'], { DATABASE_URL: tdb.url, XIETIAO_BACKUP_FAULT: 'fail-after-manifest' });
    expect(failed.code).toBe(1);
    expect(failed.stderr).not.toContain('未写入');
    expect(failed.stderr).toContain('仍是上一次的备份');
    // …and where there was no previous backup, the manifest is taken back: nothing written
    const fresh = path.join(tempDir(), 'new.db');
    const failedNew = await cli(['backup', fresh], { DATABASE_URL: tdb.url, XIETIAO_BACKUP_FAULT: 'fail-after-manifest' });
    expect(failedNew.code).toBe(1);
    expect(failedNew.stderr).toContain('未写入');
    expect(fs.readdirSync(path.dirname(fresh))).toEqual([]);
  }, 120_000);

  it('restore keeps the previous database as .before-restore until the result verifies, and puts it back when it does not', async () => {
    // the database in DATA_DIR now: the demo, and a marker row
    const dataDir = tempDir();
    const dbFile = path.join(dataDir, 'xietiao.db');
    const current = openDatabase({ url: dbFile });
    await migrateToLatest(current);
    await seedDemo({ db: current.db, clock });
    await runTx(current.db, (tx) => appendAudit(tx, clock, { actorId: null, action: 'test.current', entityType: 'test', entityId: 'current' }));
    const currentDigests = await tableDigests(current);
    await current.close();

    // a backup of a newer version (a migration this one does not know): it checks out, and fails to migrate after the swap
    const src = await createTestDatabase('sqlite');
    cleanups.push(() => src.cleanup());
    await seedDemo({ db: src.database.db, clock });
    await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', ${new Date().toISOString()})`.execute(src.database.db);
    const dir = tempDir();
    const newer = path.join(dir, 'newer.db');
    expect((await cli(['backup', newer], { DATABASE_URL: src.url })).code).toBe(0);
    const r = await cli(['restore', newer, '--force'], { DATA_DIR: dataDir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`恢复前的数据库暂存为 ${dbFile}.before-restore`);
    expect(r.stderr).toContain('9999_from_the_future');
    expect(r.stderr).toContain(`已撤销这次恢复：恢复前的数据库（${dbFile}.before-restore）已放回 ${dbFile}`);
    expect(fs.readdirSync(dataDir).filter((f) => !f.endsWith('-startup'))).toEqual(['xietiao.db']);
    const back = openDatabase({ url: dbFile });
    try {
      expect(await tableDigests(back)).toEqual(currentDigests);
    } finally {
      await back.close();
    }

    // a backup that verifies: the kept copy is removed, and said so
    await sql`delete from kysely_migration where name = '9999_from_the_future'`.execute(src.database.db);
    const good = path.join(dir, 'good.db');
    expect((await cli(['backup', good], { DATABASE_URL: src.url })).code).toBe(0);
    const ok = await cli(['restore', good, '--force'], { DATA_DIR: dataDir });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`核对通过，已删除恢复前的数据库 ${dbFile}.before-restore`);
    expect(fs.existsSync(`${dbFile}.before-restore`)).toBe(false);

    // a .before-restore left by an interrupted restore is never overwritten; --ignore-connections is PostgreSQL's
    fs.writeFileSync(`${dbFile}.before-restore`, 'kept by an interrupted restore');
    const refused = await cli(['restore', good, '--force'], { DATA_DIR: dataDir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('上一次恢复未完成时保留的恢复前数据库');
    expect(fs.readFileSync(`${dbFile}.before-restore`, 'utf8')).toBe('kept by an interrupted restore');
    fs.rmSync(`${dbFile}.before-restore`);
    const ignore = await cli(['restore', good, '--force', '--ignore-connections'], { DATA_DIR: dataDir });
    expect(ignore.code).toBe(1);
    expect(ignore.stderr).toContain('--ignore-connections 只用于 PostgreSQL');
    expect((await cli(['backup', good, '--ignore-connections'], { DATA_DIR: dataDir })).code).toBe(2);
  }, 120_000);

  it('a server started while restore holds the start-up lock does not open the database before it gets the lock', async () => {
    const dataDir = path.join(tempDir(), 'data');
    fs.mkdirSync(dataDir);
    const dbFile = path.join(dataDir, 'xietiao.db');
    // what restore holds while it replaces the database
    const lock = new SQLite(`${dbFile}-startup`, { timeout: 0 });
    lock.exec('BEGIN EXCLUSIVE');
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      XIETIAO_DEMO: '0',
      TIMER_INTERVAL_MS: '3600000',
    };
    for (const k of ['DATABASE_URL', 'DATABASE_SCHEMA']) delete env[k];
    const child = spawn(process.execPath, [bin, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const until = async (ok: () => boolean, what: string) => {
      for (const t0 = Date.now(); !ok(); await new Promise((r) => setTimeout(r, 50))) {
        if (Date.now() - t0 > 60_000) throw new Error(`timed out waiting for ${what}; output:\n${out}`);
      }
    };
    try {
      await until(() => out.includes('等待另一进程完成启动'), 'the server to wait for the lock');
      await new Promise((r) => setTimeout(r, 300));
      expect(fs.existsSync(dbFile), 'the database is not opened (created) while the lock is held').toBe(false);
      lock.close();
      await until(() => /协调（Xietiao）已启动/.test(out), 'the server to start');
      expect(fs.existsSync(dbFile)).toBe(true);
    } finally {
      if (lock.open) lock.close();
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    }
  }, 90_000);
});

describe('pg_dump / pg_restore arguments', () => {
  it('every password goes to PGPASSWORD and out of the argument list: userinfo or ?password=, the other parameters unchanged', () => {
    const base = { PATH: '/usr/bin' };
    const a = pgToolConnection('postgres://xietiao:s%40cret@db.internal:5432/xietiao', base);
    expect(a.env.PGPASSWORD).toBe('s@cret');
    expect(a.dbArg).toBe('postgres://xietiao@db.internal:5432/xietiao');
    const b = pgToolConnection('postgresql://xietiao@db.internal/xietiao?sslmode=require&password=p%26w%3Dx&application_name=a+b%20c', base);
    expect(b.env.PGPASSWORD).toBe('p&w=x');
    expect(b.dbArg).toBe('postgresql://xietiao@db.internal/xietiao?sslmode=require&application_name=a+b%20c');
    expect(b.dbArg).not.toContain('p%26w');
    const c = pgToolConnection('postgres://u:userinfo@h/db?password=query', base);
    expect(c.env.PGPASSWORD).toBe('query');
    expect(c.dbArg).toBe('postgres://u@h/db');
    const d = pgToolConnection('postgres://h/db?Password=x&password=', base);
    expect(d.env.PGPASSWORD).toBe('');
    expect(d.dbArg).toBe('postgres://h/db?Password=x'); // libpq's keywords are case-sensitive: `Password` is not one
    const e = pgToolConnection('postgres://u@h/db', base);
    expect(e.env.PGPASSWORD).toBeUndefined();
    expect(e.env.PATH).toBe('/usr/bin');
    expect(e.dbArg).toBe('postgres://u@h/db');
    expect(describePg('postgres://h/db?sslmode=require&password=secret', 'public')).not.toContain('secret');
    expect(describePg('postgres://u:secret@h/db', 'public')).not.toContain('secret');
  });
});

describe.runIf(!!process.env.TEST_DATABASE_URL)('[postgres] xietiao backup / restore', () => {
  it('[postgres] a backup under concurrent writes is one snapshot, and restores into a new database with the same rows', async () => {
    const url = process.env.TEST_DATABASE_URL!;
    const tdb: TestDatabase = await createTestDatabase('postgres');
    cleanups.push(() => tdb.cleanup());
    await seedRealistic(tdb.database.db, { matters: 1000, attachments: 60, attachmentBytes: 100_000 });
    const out = tempDir();
    const file = path.join(out, 'xietiao.dump');

    const writer = startWriter(tdb.database.db, 10);
    await new Promise((r) => setTimeout(r, 100));
    const atStart = writer.count();
    const backup = await cli(['backup', file], { DATABASE_URL: url, DATABASE_SCHEMA: tdb.schema });
    const atEnd = writer.count();
    await new Promise((r) => setTimeout(r, 100));
    const written = await writer.stop();
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(atEnd - atStart).toBeGreaterThan(10);
    expect(backup.stdout).toContain('pg_dump -Fc --snapshot');
    expect(backup.stdout).toContain('备份完成');
    console.log(`[postgres] backup under ${written.length} writes: ${backup.ms} ms\n${backup.stdout}`);
    expect(fs.readdirSync(out).sort()).toEqual(['xietiao.dump', 'xietiao.dump.manifest.json']);
    const manifest = readManifest(file);
    expect(manifest).toMatchObject({ dialect: 'postgres', schema: tdb.schema, schemaOnly: true, migration: '0009_outgoing' });

    // A new database; the dump recreates the schema in it.
    const dbName = `xietiao_restore_${newToken(6)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const restoreUrl = new URL(url);
    restoreUrl.pathname = `/${dbName}`;
    cleanups.push(async () => {
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    });
    const target = { DATABASE_URL: restoreUrl.toString(), DATABASE_SCHEMA: tdb.schema };
    // a session on the target database (a server that was not stopped): refused
    const session = new pg.Client({ connectionString: restoreUrl.toString() });
    await session.connect();
    const busy = await cli(['restore', file], target);
    await session.end();
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('数据库上还有 1 个其他连接');
    const restore = await cli(['restore', file], target);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('行数与逐表内容摘要均与清单一致');

    const restored = openDatabase({ url: restoreUrl.toString(), schema: tdb.schema, poolSize: 2 });
    try {
      const asOf = await sourceAsOf(tdb.database, written, restored);
      expect(asOf.k).toBeGreaterThan(0);
      expect(asOf.k).toBeLessThan(written.length);
      expect(asOf.copyDigests).toEqual(asOf.digests);
      expect(manifest.audit.headSeq).toBe(asOf.head);
      const counts = Object.fromEntries(Object.entries(await tableDigests(restored)).map(([t, d]) => [t, d.rows]));
      expect(counts).toEqual(manifest.tables);
    } finally {
      await restored.close();
    }
    const verify = await cli(['audit', 'verify'], target);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain(`审计链完整：共校验 ${manifest.audit.checked} 条记录`);

    // Once it holds data, a second restore needs --force, and then replaces it in one transaction.
    const again = await cli(['restore', file], target);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已有数据');
    // --force overwrites data; it does not let a restore run under a live server (a session on the database)
    const live = new pg.Client({ connectionString: restoreUrl.toString() });
    await live.connect();
    try {
      const underServer = await cli(['restore', file, '--force'], target);
      expect(underServer.code).toBe(1);
      expect(underServer.stderr).toContain('数据库上还有 1 个其他连接');
      expect(underServer.stderr).toContain('--ignore-connections');
      // sessions known to use other schemas of the database: --ignore-connections
      const ignoring = await cli(['restore', file, '--force', '--ignore-connections'], target);
      expect(ignoring.stderr).toBe('');
      expect(ignoring.code).toBe(0);
      expect(ignoring.stdout).toContain('按 --ignore-connections 继续');
    } finally {
      await live.end();
    }
    const forced = await cli(['restore', file, '--force'], target);
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
  }, 180_000);
});
