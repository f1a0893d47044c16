/**
 * `xietiao backup FILE [--force]` and `xietiao restore FILE [--force] [--ignore-connections]` (issue
 * #9, "backups that finish"). Exit 0 done and verified, 1 refused or failed (a Chinese message on
 * stderr), 2 usage. `--force` overwrites (a backup file, a database holding data); on PostgreSQL
 * `--ignore-connections` lets a restore proceed while other sessions are connected to the database
 * (only for sessions known to use other schemas of it: a live server must be stopped).
 *
 * SQLite. `VACUUM INTO` a temporary file beside FILE: one read transaction, so a consistent
 * snapshot that other connections' writes do not restart (SQLite's online backup, the shell's
 * `.backup`, starts again after every write by another connection and never finishes on a busy
 * database). The copy is verified — integrity_check, the audit hash chain, the row count of every
 * table, the attachments (stored in the database: count and bytes) — then fsynced and renamed
 * onto FILE, so FILE is either the previous file or a complete verified backup, never a part;
 * a failure removes the temporary file. How the counts are checked honestly: VACUUM INTO cannot
 * run inside a transaction of ours, so the source's counts cannot be read in the copy's own
 * snapshot. The source counts are read in a read transaction just before, together with
 * `PRAGMA data_version`; if data_version is the same after VACUUM INTO, no other connection
 * committed in between, the copy's snapshot is that one and every count must match exactly.
 * Otherwise (writes during the backup) the copy is its own reference: its counts are recorded in
 * the manifest, its audit chain must verify to its head, and that head must be a row of the
 * source's chain (same seq, same hash) between the source's heads before and after — the copy is
 * the source as of one moment during the backup.
 *
 * PostgreSQL. A REPEATABLE READ READ ONLY transaction exports its snapshot
 * (`pg_export_snapshot()`), and `pg_dump -Fc --snapshot=…` (with `--schema` when
 * DATABASE_SCHEMA is set) dumps exactly that snapshot while the same transaction counts every
 * table, digests its rows, reads the attachments and verifies the audit chain: the manifest's
 * figures are those of the dump. `pg_restore --list` checks the archive; a restore checks the rest.
 *
 * The manifest `FILE.manifest.json` records the time, the migration version, the counts (and on
 * PostgreSQL a SHA-256 digest of every table's rows), the attachments and the SHA-256 of FILE,
 * and (`replaces`) the SHA-256 of the file this backup replaces. The manifest is renamed into
 * place first, then FILE: a crash between leaves the new manifest beside the previous FILE, which
 * restore recognises by `replaces` and names as the stale one.
 * `restore` verifies FILE against it before touching anything, replaces the database (SQLite: an
 * atomic rename after removing stale -wal/-shm, the previous database kept as
 * `DB.before-restore` until the result has verified; PostgreSQL: `pg_restore --clean --if-exists
 * --no-owner --single-transaction`), checks the result against the manifest, migrates an older
 * backup to the latest version and verifies again. On SQLite a failure after the swap puts the
 * previous database back.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type PostgresPool } from 'kysely';
import pg from 'pg';
import { databaseUrlFromEnv, isPostgresUrl, openDatabase, type Database } from '../platform/db/database';
import { migrateToLatest } from '../platform/db/migrate';
import { verifyAudit, type AuditVerifyResult } from '../platform/audit';
import type { DB } from '../platform/db/schema';

type Write = (s: string) => void;

export const MANIFEST_FORMAT = 'xietiao-backup/1';

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  dialect: 'sqlite' | 'postgres';
  /** when the snapshot was taken (ISO 8601, UTC) */
  createdAt: string;
  /** the backup file's name (the manifest sits beside it as NAME.manifest.json) */
  file: string;
  bytes: number;
  sha256: string;
  /** the last migration applied to the database backed up */
  migration: string | null;
  /** PostgreSQL: the schema the tables live in, and whether the dump holds only it (DATABASE_SCHEMA) */
  schema?: string;
  schemaOnly?: boolean;
  /** rows per table, as of the snapshot */
  tables: Record<string, number>;
  /** PostgreSQL: SHA-256 of each table's rows (order-independent), as of the snapshot */
  digests?: Record<string, string>;
  attachments: { count: number; bytes: number };
  audit: { checked: number; headSeq: number; headHash: string | null };
  /** the file this backup replaced (--force), so that restore can tell it from this one after a crash between the two renames */
  replaces?: { sha256: string; bytes: number } | null;
  /** SQLite: did other connections commit while the backup ran (see the top of this file) */
  writesDuringBackup?: boolean;
  durationMs: number;
  tool: Record<string, string>;
}

/** A refusal or failure with a message for the operator (Chinese, no stack trace). */
class BackupError extends Error {}

const USAGE_BACKUP = '用法：xietiao backup 文件 [--force]（--force：覆盖已有的同名备份）';
const USAGE_RESTORE =
  '用法：xietiao restore 文件 [--force] [--ignore-connections]（--force：覆盖已有数据的数据库；--ignore-connections：仅 PostgreSQL，数据库上有其他连接时仍然恢复——只用于确知它们只使用同库其他模式的情形）';

const IGNORE_CONNECTIONS = '--ignore-connections';

function parseArgs(args: string[], flags: readonly string[]): { file: string; force: boolean; ignoreConnections: boolean } | null {
  const rest = args.filter((a) => !flags.includes(a));
  if (rest.length !== 1 || rest[0].startsWith('--')) return null;
  return { file: rest[0], force: args.includes('--force'), ignoreConnections: args.includes(IGNORE_CONNECTIONS) };
}

export async function runBackupCommand(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  out: Write = (s) => process.stdout.write(s),
  err: Write = (s) => process.stderr.write(s),
): Promise<number> {
  const a = parseArgs(args, ['--force']);
  if (!a) {
    err(`${USAGE_BACKUP}\n`);
    return 2;
  }
  try {
    const url = databaseUrlFromEnv(env);
    const target = path.resolve(a.file);
    if (isPostgresUrl(url)) await backupPostgres(url, env.DATABASE_SCHEMA || undefined, target, a.force, out);
    else await backupSqlite(url, target, a.force, out);
    return 0;
  } catch (e) {
    err(`备份失败：${message(e)}\n`);
    return 1;
  }
}

export async function runRestoreCommand(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  out: Write = (s) => process.stdout.write(s),
  err: Write = (s) => process.stderr.write(s),
): Promise<number> {
  const a = parseArgs(args, ['--force', IGNORE_CONNECTIONS]);
  if (!a) {
    err(`${USAGE_RESTORE}\n`);
    return 2;
  }
  try {
    const url = databaseUrlFromEnv(env);
    const file = path.resolve(a.file);
    if (isPostgresUrl(url)) await restorePostgres(file, url, env.DATABASE_SCHEMA || undefined, a, out);
    else {
      if (a.ignoreConnections) {
        throw new BackupError(`${IGNORE_CONNECTIONS} 只用于 PostgreSQL；SQLite 的数据库文件被其他进程打开时总是拒绝恢复（请先停止服务）`);
      }
      await restoreSqlite(file, url, a.force, out);
    }
    return 0;
  } catch (e) {
    err(`恢复失败：${message(e)}\n`);
    return 1;
  }
}

/** What the usual system errors mean, for the operator (the original text follows). */
const ERROR_MEANING: Record<string, string> = {
  SQLITE_CANTOPEN: '无法创建或打开文件（目录不存在或不可写？）',
  SQLITE_FULL: '磁盘已满',
  SQLITE_IOERR: '磁盘读写错误',
  SQLITE_READONLY: '文件或目录只读',
  SQLITE_CORRUPT: '数据库文件已损坏',
  SQLITE_NOTADB: '不是 SQLite 数据库文件',
  SQLITE_BUSY: '数据库被其他进程锁定',
  ENOSPC: '磁盘空间不足',
  EACCES: '没有权限',
  EPERM: '没有权限',
  EROFS: '文件系统只读',
  ENOENT: '文件或目录不存在',
  ECONNREFUSED: '无法连接数据库服务器',
  '28P01': '数据库密码错误',
  '3D000': '数据库不存在',
};

function message(e: unknown): string {
  if (e instanceof BackupError) return e.message;
  const m = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string') return m;
  const known = Object.keys(ERROR_MEANING).find((k) => code === k || code.startsWith(`${k}_`)); // SQLITE_IOERR_WRITE → SQLITE_IOERR
  return known ? `${ERROR_MEANING[known]}：${m}（${code}）` : `${m}（${code}）`;
}

// ---------------------------------------------------------------------------------------------
// Files

export function manifestPath(file: string): string {
  return `${file}.manifest.json`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} 秒`;

export async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** A hidden temporary name in the target's own directory, so the final rename stays on one file system. */
function tempBeside(target: string, tag: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${tag}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

function fsyncFile(file: string) {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Make a rename durable (POSIX); not possible on every platform, and then the rename is all we have. */
function fsyncDir(dir: string) {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows cannot open a directory
  }
}

function removeQuietly(...files: string[]) {
  for (const f of files) fs.rmSync(f, { force: true });
}

/**
 * Remove `files` if the process is interrupted (SIGINT, SIGTERM) while `fn` runs. A synchronous
 * step (VACUUM INTO) finishes before the handler runs; kill -9 can still leave a temporary file
 * (hidden, named after the target), never a partial target.
 */
async function removingOnSignal<T>(files: string[], fn: () => Promise<T>): Promise<T> {
  const onSignal = (signal: NodeJS.Signals) => {
    removeQuietly(...files);
    process.stderr.write(`已中断（${signal}），已删除临时文件\n`);
    process.exit(1);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await fn();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Where a backup may be written: an existing directory, not the live database, no silent overwrite. */
function checkTarget(target: string, force: boolean, liveDb?: string) {
  const dir = path.dirname(target);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new BackupError(`目标目录不存在：${dir}`);
  if (liveDb) {
    const live = path.join(fs.realpathSync(path.dirname(path.resolve(liveDb))), path.basename(liveDb));
    const t = path.join(fs.realpathSync(dir), path.basename(target));
    if ([live, `${live}-wal`, `${live}-shm`, `${live}-journal`, `${live}-startup`, beforeRestorePath(live)].includes(t)) {
      throw new BackupError(`不能把备份写到正在使用的数据库文件上：${target}`);
    }
  }
  if (fs.existsSync(target)) {
    if (fs.statSync(target).isDirectory()) throw new BackupError(`目标是一个目录：${target}`);
    if (!force) throw new BackupError(`文件已存在：${target}。要覆盖请加 --force`);
  }
}

function writeJsonDurably(file: string, value: unknown) {
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  fsyncFile(file);
}

/** What the backup replaces (with --force), recorded in the new manifest: see publishBackup. */
async function replacedFile(target: string): Promise<{ sha256: string; bytes: number } | null> {
  if (!fs.existsSync(target)) return null;
  return { sha256: await sha256File(target), bytes: fs.statSync(target).size };
}

type PublishStep = 'temp' | 'manifest' | 'done';

/**
 * Put a verified backup in place: the manifest first, then the file, each rename made durable
 * before the next. A crash between leaves the new manifest beside the previous file (or beside no
 * file), never a new file beside an old manifest; restore tells the two apart by the manifest's
 * `replaces` (the previous file's SHA-256) and says which one is stale. `step` tells the caller's
 * error handler how far it got. XIETIAO_BACKUP_FAULT (tests only) simulates a crash
 * (`crash-after-manifest`) or a failure (`fail-after-manifest`) between the two renames.
 */
function publishBackup(tmp: string, tmpManifest: string, target: string, step: { at: PublishStep }) {
  const dir = path.dirname(target);
  fs.renameSync(tmpManifest, manifestPath(target));
  step.at = 'manifest';
  fsyncDir(dir);
  const fault = process.env.XIETIAO_BACKUP_FAULT;
  if (fault === 'crash-after-manifest') process.kill(process.pid, 'SIGKILL');
  if (fault === 'fail-after-manifest') throw new Error('XIETIAO_BACKUP_FAULT=fail-after-manifest');
  fs.renameSync(tmp, target);
  step.at = 'done';
  fsyncDir(dir);
}

/** The message for a backup that failed, true to how far publishBackup got. */
function backupFailure(e: unknown, target: string, step: PublishStep, replaced: boolean): BackupError {
  const mp = manifestPath(target);
  if (step === 'temp') return new BackupError(`${message(e)}。未写入 ${target}，临时文件已删除`);
  if (step === 'done') return new BackupError(`${message(e)}。备份已写入 ${target}（清单 ${mp}）`);
  if (!replaced) {
    removeQuietly(mp);
    return new BackupError(`${message(e)}。未写入 ${target}（已删除刚放入的清单 ${mp}），临时文件已删除`);
  }
  return new BackupError(
    `${message(e)}。清单 ${mp} 已是这次备份的，但 ${target} 未能替换、仍是上一次的备份：两者已不配对（restore 会拒绝并说明）。临时文件已删除；请重新备份`,
  );
}

function readManifest(file: string): Manifest {
  const mp = manifestPath(file);
  if (!fs.existsSync(file) && fs.existsSync(mp)) {
    throw new BackupError(
      `找不到备份文件：${file}。清单 ${mp} 在而备份文件不在：这次备份在放入备份文件之前中断了，清单没有对应的文件。请重新备份或使用另一份备份`,
    );
  }
  if (!fs.existsSync(file)) throw new BackupError(`找不到备份文件：${file}`);
  if (!fs.existsSync(mp)) throw new BackupError(`找不到备份清单：${mp}。没有清单无法核对备份（清单与备份文件须放在同一目录）`);
  let m: Manifest;
  try {
    m = JSON.parse(fs.readFileSync(mp, 'utf8')) as Manifest;
  } catch (e) {
    throw new BackupError(`备份清单不是有效的 JSON：${mp}（${(e as Error).message}）`);
  }
  if (m?.format !== MANIFEST_FORMAT || typeof m.sha256 !== 'string' || typeof m.tables !== 'object' || m.tables === null) {
    throw new BackupError(`不认识的备份清单格式：${mp}`);
  }
  return m;
}

/**
 * The backup file is the one the manifest describes: same size, same SHA-256. The file the
 * manifest's backup replaced (`replaces`) is named as such: a backup interrupted between its two
 * renames (publishBackup) left the new manifest beside the previous file.
 */
async function checkFileAgainstManifest(file: string, m: Manifest, out: Write) {
  const bytes = fs.statSync(file).size;
  const sha = await sha256File(file);
  if (m.replaces && sha === m.replaces.sha256 && sha !== m.sha256) {
    throw new BackupError(
      `备份文件与清单不配对：清单是 ${m.createdAt} 那次备份的，而 ${file} 仍是那次备份要替换的上一份备份——那次备份在替换文件前中断了。` +
        `过时的是备份文件（SHA-256 ${sha.slice(0, 12)}…，清单要求 ${m.sha256.slice(0, 12)}…）；它原来的清单已被覆盖，无法核对，不能恢复。请重新备份或使用另一份备份`,
    );
  }
  if (bytes !== m.bytes) throw new BackupError(`备份文件大小（${bytes} 字节）与清单（${m.bytes} 字节）不符：文件不完整或不是这份清单的备份`);
  if (sha !== m.sha256) throw new BackupError(`备份文件的 SHA-256 与清单不符：文件已损坏或被改动（${sha.slice(0, 12)}… ≠ ${m.sha256.slice(0, 12)}…）`);
  out(`  备份文件：${formatBytes(bytes)}，SHA-256 与清单一致（${sha.slice(0, 16)}…）\n`);
}

/** The differences between two count maps, as Chinese lines (empty = identical, same tables). */
function countDifferences(actual: Record<string, number>, expected: Record<string, number>): string[] {
  const diffs: string[] = [];
  for (const t of Object.keys(expected)) {
    if (!(t in actual)) diffs.push(`缺少表 ${t}`);
    else if (actual[t] !== expected[t]) diffs.push(`表 ${t}：${actual[t]} 行，应为 ${expected[t]} 行`);
  }
  for (const t of Object.keys(actual)) if (!(t in expected)) diffs.push(`多出表 ${t}`);
  return diffs;
}

function totalRows(tables: Record<string, number>): number {
  return Object.values(tables).reduce((a, b) => a + b, 0);
}

function describeCounts(tables: Record<string, number>): string {
  return `${Object.keys(tables).length} 张表，共 ${totalRows(tables)} 行`;
}

function auditLine(r: AuditVerifyResult): string {
  return r.ok ? `审计链完整：共校验 ${r.checked} 条记录` : `审计链被破坏：第 ${r.firstBrokenSeq} 条记录。${r.reason}`;
}

// ---------------------------------------------------------------------------------------------
// SQLite

const qid = (name: string) => `"${name.replace(/"/g, '""')}"`;

function sqliteTables(conn: SQLite.Database): string[] {
  return (
    conn.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`).all() as { name: string }[]
  ).map((r) => r.name);
}

function sqliteCounts(conn: SQLite.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of sqliteTables(conn)) counts[t] = Number((conn.prepare(`select count(*) as n from ${qid(t)}`).get() as { n: number }).n);
  return counts;
}

function sqliteHead(conn: SQLite.Database): { seq: number; hash: string | null } {
  const has = conn.prepare(`select 1 from sqlite_master where type = 'table' and name = 'audit_head'`).get();
  if (!has) return { seq: 0, hash: null };
  const r = conn.prepare('select seq, hash from audit_head where id = 1').get() as { seq: number; hash: string } | undefined;
  return r ? { seq: Number(r.seq), hash: r.hash } : { seq: 0, hash: null };
}

function sqliteMigration(conn: SQLite.Database): string | null {
  const has = conn.prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`).get();
  if (!has) return null;
  return (conn.prepare('select name from kysely_migration order by name desc limit 1').get() as { name: string } | undefined)?.name ?? null;
}

interface Inspection {
  integrity: string;
  audit: AuditVerifyResult;
  head: { seq: number; hash: string | null };
  tables: Record<string, number>;
  attachments: { count: number; bytes: number; recorded: number };
  migration: string | null;
}

/** Everything we verify of a SQLite file: integrity, audit chain, counts, attachments, version. */
async function inspectSqlite(file: string, opts: { readonly: boolean }): Promise<Inspection> {
  const conn = new SQLite(file, { readonly: opts.readonly, fileMustExist: true, timeout: 5000 });
  const k = new Kysely<DB>({ dialect: new SqliteDialect({ database: conn }) });
  try {
    const rows = conn.pragma('integrity_check') as { integrity_check: string }[];
    const integrity = rows.map((r) => r.integrity_check).join('；');
    const tables = sqliteCounts(conn);
    const attachments = { count: 0, bytes: 0, recorded: 0 };
    if ('attachments' in tables) {
      const r = conn.prepare('select count(*) as n, coalesce(sum(size), 0) as recorded, coalesce(sum(length(content)), 0) as bytes from attachments').get() as {
        n: number;
        recorded: number;
        bytes: number;
      };
      Object.assign(attachments, { count: Number(r.n), bytes: Number(r.bytes), recorded: Number(r.recorded) });
    }
    const audit = 'audit_events' in tables ? await verifyAudit(k) : { ok: true, checked: 0, firstBrokenSeq: null, reason: null };
    return { integrity, audit, head: sqliteHead(conn), tables, attachments, migration: sqliteMigration(conn) };
  } finally {
    await k.destroy(); // closes conn
  }
}

/** Fail unless the file is sound: integrity ok, audit chain whole, attachments complete. */
function assertSound(i: Inspection, what: string) {
  if (i.integrity !== 'ok') throw new BackupError(`${what}的完整性检查未通过：${i.integrity.slice(0, 500)}`);
  if (!i.audit.ok) throw new BackupError(`${what}的${auditLine(i.audit)}`);
  if (i.attachments.bytes !== i.attachments.recorded) {
    throw new BackupError(`${what}的附件内容不完整：登记 ${i.attachments.recorded} 字节，实有 ${i.attachments.bytes} 字节`);
  }
}

function reportInspection(i: Inspection, out: Write) {
  out(`  完整性检查（integrity_check）：${i.integrity}\n`);
  out(`  ${auditLine(i.audit)}\n`);
  out(`  附件：${i.attachments.count} 个，共 ${formatBytes(i.attachments.bytes)}（附件存于数据库中，已包含在备份里）\n`);
}

async function backupSqlite(dbFile: string, target: string, force: boolean, out: Write): Promise<Manifest> {
  if (dbFile === ':memory:') throw new BackupError('内存数据库无法备份');
  if (!fs.existsSync(dbFile)) throw new BackupError(`找不到数据库文件：${dbFile}`);
  checkTarget(target, force, dbFile);
  const started = Date.now();
  const tmp = tempBeside(target, 'backup');
  const tmpManifest = tempBeside(target, 'manifest');
  const temps = [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`, tmpManifest];
  const step: { at: PublishStep } = { at: 'temp' };
  let replaces: Manifest['replaces'] = null;
  out(`正在备份 SQLite 数据库 ${dbFile} → ${target}\n`);
  try {
    return await removingOnSignal(temps, async () => {
      const src = new SQLite(dbFile, { fileMustExist: true, timeout: 5000 });
      let before: { tables: Record<string, number>; head: { seq: number; hash: string | null } };
      let writes: boolean;
      let createdAt: string;
      let snapshotMs: number;
      let headAfter: { seq: number; hash: string | null };
      let copyHead: { seq: number; hash: string | null };
      let sourceHashAtCopyHead: string | null = null;
      let sqliteVersion: string;
      try {
        // The source's counts in one read transaction, and the commit counter as of it.
        src.exec('BEGIN');
        try {
          before = { tables: sqliteCounts(src), head: sqliteHead(src) };
          const dv0 = src.pragma('data_version', { simple: true });
          src.exec('COMMIT');
          createdAt = new Date().toISOString();
          const t0 = Date.now();
          src.prepare('VACUUM INTO ?').run(tmp);
          snapshotMs = Date.now() - t0;
          writes = src.pragma('data_version', { simple: true }) !== dv0;
        } finally {
          if (src.inTransaction) src.exec('ROLLBACK');
        }
        headAfter = sqliteHead(src);
        // The copy as a self-contained file (rollback journal, as VACUUM INTO writes it), and its chain head.
        const c = new SQLite(tmp, { fileMustExist: true });
        try {
          c.pragma('journal_mode = DELETE');
          copyHead = sqliteHead(c);
        } finally {
          c.close();
        }
        if (copyHead.seq > 0) {
          sourceHashAtCopyHead = (src.prepare('select hash from audit_events where seq = ?').get(copyHead.seq) as { hash: string } | undefined)?.hash ?? null;
        }
        sqliteVersion = String(src.prepare('select sqlite_version() as v').pluck().get());
      } finally {
        src.close();
      }
      out(`  快照（VACUUM INTO）：${seconds(snapshotMs)}\n`);

      const copy = await inspectSqlite(tmp, { readonly: true });
      assertSound(copy, '备份副本');
      reportInspection(copy, out);
      const missing = Object.keys(before.tables).filter((t) => !(t in copy.tables));
      const added = Object.keys(copy.tables).filter((t) => !(t in before.tables));
      if (missing.length || added.length) {
        throw new BackupError(`备份副本的表与源库不同（缺少：${missing.join('、') || '无'}；多出：${added.join('、') || '无'}）`);
      }
      if (!writes) {
        const diffs = countDifferences(copy.tables, before.tables);
        if (diffs.length) throw new BackupError(`备份副本的行数与源库不符：${diffs.join('；')}`);
        out(`  行数：${describeCounts(copy.tables)}，与源库逐表一致（备份期间无写入）\n`);
      } else {
        const seq = copyHead.seq;
        if (seq < before.head.seq || seq > headAfter.seq || (seq > 0 && sourceHashAtCopyHead !== copyHead.hash)) {
          throw new BackupError(`备份副本的审计链头（第 ${seq} 条）不在源库的审计链上（备份开始时第 ${before.head.seq} 条，结束时第 ${headAfter.seq} 条）`);
        }
        out(`  行数：${describeCounts(copy.tables)}（备份期间有其他连接写入：行数按快照记入清单）\n`);
        out(`  快照时刻：副本的审计链头即源库的第 ${seq} 条记录（备份开始时源库为第 ${before.head.seq} 条，结束时第 ${headAfter.seq} 条）\n`);
      }

      const bytes = fs.statSync(tmp).size;
      const sha256 = await sha256File(tmp);
      replaces = await replacedFile(target);
      const manifest: Manifest = {
        format: MANIFEST_FORMAT,
        dialect: 'sqlite',
        createdAt,
        file: path.basename(target),
        bytes,
        sha256,
        migration: copy.migration,
        tables: copy.tables,
        attachments: { count: copy.attachments.count, bytes: copy.attachments.bytes },
        audit: { checked: copy.audit.checked, headSeq: copy.head.seq, headHash: copy.head.hash },
        writesDuringBackup: writes,
        replaces,
        durationMs: Date.now() - started,
        tool: { sqlite: sqliteVersion, node: process.version },
      };
      fsyncFile(tmp);
      writeJsonDurably(tmpManifest, manifest);
      publishBackup(tmp, tmpManifest, target, step);
      out(`备份完成：${target}（${formatBytes(bytes)}，结构版本 ${manifest.migration ?? '无'}，用时 ${seconds(Date.now() - started)}）\n`);
      out(`  清单：${manifestPath(target)}（SHA-256 ${sha256}）\n`);
      return manifest;
    });
  } catch (e) {
    removeQuietly(...temps);
    throw backupFailure(e, target, step.at, !!replaces);
  }
}

/** Hold the start-up lock of main.ts (an exclusive transaction on DATABASE-startup) without waiting. */
function takeSqliteStartupLock(dbFile: string): SQLite.Database {
  const lock = new SQLite(`${path.resolve(dbFile)}-startup`, { timeout: 0 });
  try {
    lock.exec('BEGIN EXCLUSIVE');
    return lock;
  } catch (e) {
    lock.close();
    if ((e as { code?: string }).code === 'SQLITE_BUSY')
      throw new BackupError('另一进程正在启动或迁移这个数据库（xietiao start / migrate）。请先停止服务再恢复');
    throw e;
  }
}

/** What the target holds now: null = no file; otherwise its people, matters and audit rows. */
function sqliteOccupancy(dbFile: string): null | { notDb: true } | { notDb: false; users: number; matters: number; audit: number } {
  if (!fs.existsSync(dbFile) || fs.statSync(dbFile).size === 0) return null;
  let conn: SQLite.Database | undefined;
  try {
    conn = new SQLite(dbFile, { fileMustExist: true, timeout: 5000 });
    const tables = new Set(sqliteTables(conn));
    const n = (t: string) => (tables.has(t) ? Number((conn!.prepare(`select count(*) as n from ${qid(t)}`).get() as { n: number }).n) : 0);
    return { notDb: false, users: n('users'), matters: n('matters'), audit: n('audit_events') };
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_NOTADB') return { notDb: true };
    throw e;
  } finally {
    conn?.close();
  }
}

const IN_USE = (dbFile: string) => new BackupError(`数据库正被其他进程使用（服务是否仍在运行？）：${dbFile}。请先停止服务再恢复`);

/**
 * Refuse when another connection has the database open, changing nothing: in exclusive locking
 * mode a WAL reader needs an exclusive lock on the file, and every other WAL connection, even an
 * idle server, holds a shared one as long as it is open.
 */
function refuseIfInUse(dbFile: string) {
  const conn = new SQLite(dbFile, { fileMustExist: true, timeout: 0 });
  try {
    conn.pragma('locking_mode = EXCLUSIVE');
    conn.prepare('select count(*) from sqlite_master').get();
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY') throw IN_USE(dbFile);
    throw e;
  } finally {
    conn.close();
  }
}

/**
 * The same refusal at the swap, and a hold on the old file until it is replaced: leaving WAL mode
 * needs the file to itself (SQLite does not wait for it) and leaves no -wal/-shm behind; the
 * exclusive transaction keeps anyone from reading the old file meanwhile. Returns the connection
 * for the caller to close after the rename.
 */
function claimSqlite(dbFile: string): SQLite.Database {
  const conn = new SQLite(dbFile, { fileMustExist: true, timeout: 0 });
  try {
    conn.pragma('journal_mode = DELETE');
    conn.exec('BEGIN EXCLUSIVE');
    return conn;
  } catch (e) {
    conn.close();
    if ((e as { code?: string }).code === 'SQLITE_BUSY') throw IN_USE(dbFile);
    throw e;
  }
}

/** Where restore keeps the previous SQLite database until the restored one has verified. */
export function beforeRestorePath(dbFile: string): string {
  return `${dbFile}.before-restore`;
}

/** A second name for the previous database (a hard link: no copy, no moment without `dbFile`); a copy where links are not supported. */
function keepAside(dbFile: string, before: string) {
  try {
    fs.linkSync(dbFile, before);
  } catch {
    fs.copyFileSync(dbFile, before);
    fsyncFile(before);
  }
}

async function restoreSqlite(file: string, dbFile: string, force: boolean, out: Write): Promise<void> {
  if (dbFile === ':memory:') throw new BackupError('不能恢复到内存数据库');
  const started = Date.now();
  const m = readManifest(file);
  if (m.dialect !== 'sqlite') throw new BackupError('这是 PostgreSQL 的备份（pg_dump），而目标是 SQLite。请把 DATABASE_URL 设为目标 PostgreSQL 数据库');
  if (fs.existsSync(dbFile) && fs.realpathSync(file) === fs.realpathSync(dbFile)) throw new BackupError(`备份文件就是目标数据库：${dbFile}`);
  const before = beforeRestorePath(dbFile);
  if (fs.existsSync(before)) {
    throw new BackupError(
      `${before} 已存在：这是上一次恢复未完成时保留的恢复前数据库。请先确认是否还需要它（需要时在停止服务后用它替换 ${dbFile}），然后移走或删除它再恢复`,
    );
  }
  fs.mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });
  const lock = takeSqliteStartupLock(dbFile);
  const tmp = tempBeside(dbFile, 'restore');
  /** was there a file at dbFile before the swap (kept as `before` until the result verifies) */
  let kept = false;
  try {
    await removingOnSignal([tmp], async () => {
      // Refuse early (before the slow checks) when the target is in use or holds data.
      const occupied = sqliteOccupancy(dbFile);
      if (occupied && !force) {
        throw new BackupError(
          occupied.notDb
            ? `目标文件 ${dbFile} 已存在且不是 SQLite 数据库。确认要覆盖请加 --force`
            : occupied.users + occupied.matters + occupied.audit > 0
              ? `目标数据库 ${dbFile} 已有数据（${occupied.users} 名人员、${occupied.matters} 个事项、${occupied.audit} 条审计记录）。确认要用备份覆盖请加 --force`
              : `目标数据库 ${dbFile} 已存在。确认要用备份覆盖请加 --force`,
        );
      }
      if (occupied && !occupied.notDb) refuseIfInUse(dbFile);

      out(`正在核对备份 ${file}（${m.createdAt} 的备份，结构版本 ${m.migration ?? '无'}）\n`);
      await checkFileAgainstManifest(file, m, out);
      const backup = await inspectSqlite(file, { readonly: true });
      assertSound(backup, '备份文件');
      const diffs = countDifferences(backup.tables, m.tables);
      if (diffs.length) throw new BackupError(`备份文件的行数与清单不符：${diffs.join('；')}`);
      if (backup.attachments.count !== m.attachments.count || backup.attachments.bytes !== m.attachments.bytes) {
        throw new BackupError(
          `备份文件的附件（${backup.attachments.count} 个，${backup.attachments.bytes} 字节）与清单（${m.attachments.count} 个，${m.attachments.bytes} 字节）不符`,
        );
      }
      reportInspection(backup, out);
      out(`  行数：${describeCounts(backup.tables)}，与清单逐表一致\n`);

      fs.copyFileSync(file, tmp);
      fsyncFile(tmp);
      if ((await sha256File(tmp)) !== m.sha256) throw new BackupError(`复制到 ${tmp} 的文件与备份不一致（磁盘错误？）`);

      // The swap: nobody has the old file open (we hold it exclusively), stale WAL files go first
      // (a -wal left beside the new file would be replayed into it), the old file gets a second
      // name (`before`: it stays whole, and there is no moment without a file at dbFile), then one rename.
      const claim = occupied && !occupied.notDb ? claimSqlite(dbFile) : null;
      const stale = [`${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`].filter((f) => fs.existsSync(f));
      try {
        removeQuietly(...stale);
        if (fs.existsSync(dbFile)) {
          keepAside(dbFile, before);
          kept = true;
        }
        fs.renameSync(tmp, dbFile);
        fsyncDir(path.dirname(path.resolve(dbFile)));
      } catch (e) {
        if (kept) removeQuietly(before); // dbFile is still the previous database
        kept = false;
        throw e;
      } finally {
        if (claim) {
          claim.exec('ROLLBACK');
          claim.close();
        }
      }
      out(
        `已将备份放到 ${dbFile}${stale.length ? `（已删除旧的 ${stale.map((f) => path.basename(f)).join('、')}）` : ''}` +
          `${kept ? `；恢复前的数据库暂存为 ${before}，核对通过后删除` : ''}\n`,
      );
    });
  } catch (e) {
    removeQuietly(tmp);
    lock.close();
    throw e;
  }

  try {
    // The result, in place, before anything else opens it; then the migrations (openDatabase sets WAL).
    // Any failure from here on puts the previous database back (we still hold the start-up lock).
    try {
      const restored = await inspectSqlite(dbFile, { readonly: false });
      assertSound(restored, '恢复后的数据库');
      const rd = countDifferences(restored.tables, m.tables);
      if (rd.length) throw new BackupError(`恢复后的行数与清单不符：${rd.join('；')}`);
      out(`恢复后核对：完整性 ${restored.integrity}，${auditLine(restored.audit)}，${describeCounts(restored.tables)}，与清单一致\n`);
      const database = openDatabase({ url: dbFile });
      try {
        const done = await migrateToLatest(database);
        if (done.length) {
          const after = await inspectSqlite(dbFile, { readonly: false });
          assertSound(after, '迁移后的数据库');
          out(`已执行迁移：${done.join('、')}（备份的结构版本较旧）；迁移后完整性 ${after.integrity}，${auditLine(after.audit)}\n`);
        } else out('数据库结构已是最新，无需迁移\n');
      } finally {
        await database.close();
      }
    } catch (e) {
      throw new BackupError(`${message(e)}。${undoSqliteRestore(dbFile, before, kept)}`);
    }
    if (kept) {
      removeQuietly(before);
      fsyncDir(path.dirname(path.resolve(dbFile)));
      out(`核对通过，已删除恢复前的数据库 ${before}\n`);
    }
    out(`恢复完成：${dbFile}（${formatBytes(m.bytes)}，用时 ${seconds(Date.now() - started)}）。可以启动服务了\n`);
  } finally {
    lock.close();
  }
}

/** Put the database as it was before the swap back in place (or no database, if there was none); says what it did. */
function undoSqliteRestore(dbFile: string, before: string, kept: boolean): string {
  try {
    removeQuietly(`${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`); // the restored file's, not the previous one's
    if (kept) fs.renameSync(before, dbFile);
    else removeQuietly(dbFile);
    fsyncDir(path.dirname(path.resolve(dbFile)));
    return kept ? `已撤销这次恢复：恢复前的数据库（${before}）已放回 ${dbFile}` : `已撤销这次恢复：已删除恢复出的 ${dbFile}（恢复前没有数据库）`;
  } catch (u) {
    return kept
      ? `撤销恢复也失败了（${message(u)}）：恢复前的数据库在 ${before}，请在启动服务前用它替换 ${dbFile}`
      : `撤销恢复也失败了（${message(u)}）：请在启动服务前删除 ${dbFile}`;
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/**
 * pg_dump/pg_restore connection arguments: every password — in the userinfo
 * (`postgres://u:PW@host/db`) or in the query (`?password=PW`, which libpq also reads) — goes to
 * PGPASSWORD and out of the URL, so that it is not in the tools' argument list (visible in `ps`).
 * The query's other parameters are kept byte for byte (re-encoding them could change them for
 * libpq, which does not read `+` as a space). A password in the query wins, as it does in libpq.
 */
export function pgToolConnection(url: string, baseEnv: NodeJS.ProcessEnv = process.env): { dbArg: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...baseEnv };
  if (u.password) {
    env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = '';
  }
  if (u.search) {
    const kept: string[] = [];
    for (const part of u.search.slice(1).split('&')) {
      const eq = part.indexOf('=');
      const key = decodeQueryPart(eq < 0 ? part : part.slice(0, eq));
      if (key === 'password') env.PGPASSWORD = eq < 0 ? '' : decodeQueryPart(part.slice(eq + 1));
      else if (part !== '') kept.push(part);
    }
    u.search = kept.length ? `?${kept.join('&')}` : '';
  }
  return { dbArg: u.toString(), env };
}

function decodeQueryPart(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function runTool(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => stdout.push(d));
    child.stderr.on('data', (d: Buffer) => stderr.push(d));
    child.on('error', (e) =>
      reject((e as { code?: string }).code === 'ENOENT' ? new BackupError(`找不到 ${cmd}：请安装 PostgreSQL 客户端（版本不低于服务器）`) : e),
    );
    child.on('close', (code, signal) => {
      const r = { stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
      if (code === 0) resolve(r);
      else reject(new BackupError(`${cmd} 失败（${signal ?? `退出码 ${code}`}）：${r.stderr.trim().split('\n').slice(-5).join(' / ')}`));
    });
  });
}

/** A Kysely over one client, so verifyAudit reads inside the caller's transaction (its snapshot). */
function kyselyOnClient(client: pg.Client): Kysely<DB> {
  const shared = { query: client.query.bind(client), release: () => {} };
  const pool = { connect: async () => shared, end: async () => {} } as unknown as PostgresPool;
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

interface PgFigures {
  tables: Record<string, number>;
  digests: Record<string, string>;
  attachments: { count: number; bytes: number; recorded: number };
  audit: AuditVerifyResult;
  head: { seq: number; hash: string | null };
  migration: string | null;
}

/**
 * Counts, row digests, attachments, audit chain and version of `schema`, read on `client` (inside
 * its transaction when it has one). A table's digest is the SHA-256 of its rows' SHA-256s in
 * sorted order: it depends on the rows only, not on their physical order or the collation.
 */
async function pgFigures(client: pg.Client, schema: string): Promise<PgFigures> {
  const tables = (await client.query<{ t: string }>('select tablename as t from pg_tables where schemaname = $1 order by tablename', [schema])).rows.map(
    (r) => r.t,
  );
  const counts: Record<string, number> = {};
  const digests: Record<string, string> = {};
  for (const t of tables) {
    const r = await client.query<{ n: number; d: string }>(
      `select count(*)::bigint as n, encode(sha256(coalesce(string_agg(h, ''::bytea order by h), ''::bytea)), 'hex') as d
         from (select sha256(convert_to(x::text, 'UTF8')) as h from ${qid(schema)}.${qid(t)} x) s`,
    );
    counts[t] = Number(r.rows[0].n);
    digests[t] = r.rows[0].d;
  }
  const attachments = { count: 0, bytes: 0, recorded: 0 };
  if (tables.includes('attachments')) {
    const r = await client.query<{ n: number; recorded: number; bytes: number }>(
      `select count(*)::bigint as n, coalesce(sum(size), 0)::bigint as recorded, coalesce(sum(octet_length(content)), 0)::bigint as bytes from ${qid(schema)}.attachments`,
    );
    Object.assign(attachments, { count: Number(r.rows[0].n), bytes: Number(r.rows[0].bytes), recorded: Number(r.rows[0].recorded) });
  }
  let audit: AuditVerifyResult = { ok: true, checked: 0, firstBrokenSeq: null, reason: null };
  let head: { seq: number; hash: string | null } = { seq: 0, hash: null };
  if (tables.includes('audit_events')) {
    const k = kyselyOnClient(client);
    try {
      audit = await verifyAudit(k.withSchema(schema));
    } finally {
      await k.destroy();
    }
    const h = await client.query<{ seq: number; hash: string }>(`select seq, hash from ${qid(schema)}.audit_head where id = 1`);
    if (h.rows[0]) head = { seq: Number(h.rows[0].seq), hash: h.rows[0].hash };
  }
  const migration = tables.includes('kysely_migration')
    ? ((await client.query<{ name: string }>(`select name from ${qid(schema)}.kysely_migration order by name desc limit 1`)).rows[0]?.name ?? null)
    : null;
  return { tables: counts, digests, attachments, audit, head, migration };
}

function reportPg(f: PgFigures, out: Write) {
  out(`  ${auditLine(f.audit)}\n`);
  out(`  附件：${f.attachments.count} 个，共 ${formatBytes(f.attachments.bytes)}（附件存于数据库中，已包含在备份里）\n`);
}

function assertPgSound(f: PgFigures, what: string) {
  if (!f.audit.ok) throw new BackupError(`${what}的${auditLine(f.audit)}`);
  if (f.attachments.bytes !== f.attachments.recorded) {
    throw new BackupError(`${what}的附件内容不完整：登记 ${f.attachments.recorded} 字节，实有 ${f.attachments.bytes} 字节`);
  }
}

/** The archive is readable and holds the data of every table of the manifest. */
async function checkArchive(file: string, schema: string, tables: string[]): Promise<number> {
  const list = await runTool('pg_restore', ['--list', file], process.env);
  const withData = new Set(
    list.stdout
      .split('\n')
      .map((l) => / TABLE DATA (\S+) (\S+) /.exec(l))
      .filter((x): x is RegExpExecArray => !!x && x[1] === schema)
      .map((x) => x[2]),
  );
  const missing = tables.filter((t) => !withData.has(t));
  if (missing.length) throw new BackupError(`归档中缺少这些表的数据：${missing.join('、')}`);
  return withData.size;
}

/** The URL for the operator's eyes: no userinfo, no password in the query. */
export function describePg(url: string, schema: string): string {
  return `PostgreSQL（${url.replace(/\/\/[^@/]*@/, '//***@').replace(/([?&]password=)[^&#]*/gi, '$1***')}，模式 ${schema}）`;
}

async function connectPg(url: string, schema?: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await client.connect();
  return client;
}

async function backupPostgres(url: string, schemaEnv: string | undefined, target: string, force: boolean, out: Write): Promise<Manifest> {
  checkTarget(target, force);
  const started = Date.now();
  const tmp = tempBeside(target, 'backup');
  const tmpManifest = tempBeside(target, 'manifest');
  const step: { at: PublishStep } = { at: 'temp' };
  let replaces: Manifest['replaces'] = null;
  const client = await connectPg(url, schemaEnv);
  try {
    return await removingOnSignal([tmp, tmpManifest], async () => {
      const schema = (await client.query<{ s: string | null }>('select current_schema() as s')).rows[0].s;
      if (!schema) throw new BackupError(`模式 ${schemaEnv ?? 'public'} 不存在`);
      out(`正在备份 ${describePg(url, schema)} → ${target}\n`);
      const serverVersion = (await client.query<{ v: string }>('show server_version')).rows[0].v;
      // One snapshot for the dump and for every figure in the manifest.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      let figures: PgFigures;
      const createdAt = new Date().toISOString();
      try {
        const snapshot = (await client.query<{ s: string }>('select pg_export_snapshot() as s')).rows[0].s;
        const conn = pgToolConnection(url);
        const args = [
          '-Fc',
          `--snapshot=${snapshot}`,
          '--no-password',
          '-f',
          tmp,
          ...(schemaEnv ? [`--schema="${schema.replace(/"/g, '""')}"`] : []),
          '-d',
          conn.dbArg,
        ];
        const t0 = Date.now();
        const dump = runTool('pg_dump', args, conn.env);
        dump.catch(() => {}); // awaited below; do not let it go unhandled meanwhile
        figures = await pgFigures(client, schema);
        await dump;
        out(`  快照导出（pg_dump -Fc --snapshot）：${seconds(Date.now() - t0)}\n`);
      } finally {
        await client.query('ROLLBACK');
      }
      assertPgSound(figures, '备份快照');
      const tablesWithData = await checkArchive(tmp, schema, Object.keys(figures.tables));
      reportPg(figures, out);
      out(`  行数：${describeCounts(figures.tables)}（与归档同一快照读取；pg_restore --list 核对归档可读，含 ${tablesWithData} 张表的数据）\n`);
      const bytes = fs.statSync(tmp).size;
      const sha256 = await sha256File(tmp);
      const pgDump = (await runTool('pg_dump', ['--version'], process.env)).stdout.trim();
      replaces = await replacedFile(target);
      const manifest: Manifest = {
        format: MANIFEST_FORMAT,
        dialect: 'postgres',
        createdAt,
        file: path.basename(target),
        bytes,
        sha256,
        migration: figures.migration,
        schema,
        schemaOnly: !!schemaEnv,
        tables: figures.tables,
        digests: figures.digests,
        attachments: { count: figures.attachments.count, bytes: figures.attachments.bytes },
        audit: { checked: figures.audit.checked, headSeq: figures.head.seq, headHash: figures.head.hash },
        replaces,
        durationMs: Date.now() - started,
        tool: { pgDump, server: serverVersion, node: process.version },
      };
      fsyncFile(tmp);
      writeJsonDurably(tmpManifest, manifest);
      publishBackup(tmp, tmpManifest, target, step);
      out(`备份完成：${target}（${formatBytes(bytes)}，结构版本 ${manifest.migration ?? '无'}，用时 ${seconds(Date.now() - started)}）\n`);
      out(`  清单：${manifestPath(target)}（SHA-256 ${sha256}）\n`);
      return manifest;
    });
  } catch (e) {
    removeQuietly(tmp, tmpManifest);
    throw backupFailure(e, target, step.at, !!replaces);
  } finally {
    await client.end();
  }
}

/**
 * Refuse while other sessions are connected to the database (a server that was not stopped would
 * keep running on the replaced data, and its writes after the restore would fail the
 * verification), unless --ignore-connections (sessions known to use other schemas of the same
 * database). The command's own connections are not counted: this one (`admin`), and no other is
 * open when it runs.
 */
async function refuseOtherSessions(admin: pg.Client, schema: string, ignoreConnections: boolean, out: Write) {
  const others = (
    await admin.query<{ pid: number; app: string; addr: string | null; state: string | null }>(
      `select pid, application_name as app, host(client_addr) as addr, state from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
    )
  ).rows;
  if (!others.length) return;
  const list = others
    .slice(0, 5)
    .map((o) => `进程 ${o.pid}${o.app ? ` ${o.app}` : ''}${o.addr ? ` 来自 ${o.addr}` : ''}`)
    .join('、');
  if (ignoreConnections) {
    out(`  注意：数据库上还有 ${others.length} 个其他连接（${list}）；按 ${IGNORE_CONNECTIONS} 继续（须确认它们不使用模式 ${schema}）\n`);
    return;
  }
  throw new BackupError(
    `数据库上还有 ${others.length} 个其他连接（${list}）。请先停止服务再恢复：仍在运行的服务恢复后会继续使用旧的状态，其写入也会使恢复后的核对失败。` +
      `只有确认这些连接只使用同一数据库的其他模式、不使用模式 ${schema} 时，才可加 ${IGNORE_CONNECTIONS}（--force 只表示覆盖已有数据）`,
  );
}

async function restorePostgres(
  file: string,
  url: string,
  schemaEnv: string | undefined,
  opts: { force: boolean; ignoreConnections: boolean },
  out: Write,
): Promise<void> {
  const { force } = opts;
  const started = Date.now();
  const m = readManifest(file);
  if (m.dialect !== 'postgres')
    throw new BackupError('这是 SQLite 的备份，而目标是 PostgreSQL（DATABASE_URL）。SQLite 备份请在未设置 DATABASE_URL 时恢复到 DATA_DIR');
  const schema = schemaEnv ?? 'public';
  if (m.schema !== schema) {
    throw new BackupError(
      `备份中的表在模式 ${m.schema}，目标模式是 ${schema}（DATABASE_SCHEMA）。pg_restore 不能改换模式：请把 DATABASE_SCHEMA 设为 ${m.schema}`,
    );
  }
  const admin = await connectPg(url);
  const lockKey = `xietiao:startup:${schema}`;
  let locked = false;
  try {
    locked = (await admin.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [lockKey])).rows[0].ok;
    if (!locked) throw new BackupError('另一进程正在启动或迁移这个数据库（xietiao start / migrate）。请先停止服务再恢复');
    await refuseOtherSessions(admin, schema, opts.ignoreConnections, out);
    const existing = (await admin.query<{ t: string }>('select tablename as t from pg_tables where schemaname = $1', [schema])).rows.map((r) => r.t);
    const count = async (t: string) =>
      existing.includes(t) ? Number((await admin.query<{ n: number }>(`select count(*)::bigint as n from ${qid(schema)}.${qid(t)}`)).rows[0].n) : 0;
    const occupied = { users: await count('users'), matters: await count('matters'), audit: await count('audit_events') };
    if (existing.length && !force) {
      throw new BackupError(
        occupied.users + occupied.matters + occupied.audit > 0
          ? `目标模式 ${schema} 已有数据（${occupied.users} 名人员、${occupied.matters} 个事项、${occupied.audit} 条审计记录）。确认要用备份覆盖请加 --force`
          : `目标模式 ${schema} 中已有表。确认要用备份覆盖请加 --force`,
      );
    }
    const extra = existing.filter((t) => !(t in m.tables));
    if (extra.length) {
      throw new BackupError(
        `目标模式 ${schema} 中有备份里没有的表：${extra.join('、')}（数据库的结构比备份新）。pg_restore 只替换备份中的对象：请恢复到一个空的数据库或模式，或先删除这些表`,
      );
    }

    out(`正在核对备份 ${file}（${m.createdAt} 的备份，结构版本 ${m.migration ?? '无'}）\n`);
    await checkFileAgainstManifest(file, m, out);
    const n = await checkArchive(file, schema, Object.keys(m.tables));
    out(`  归档可读（pg_restore --list），含清单中全部 ${n} 张表的数据\n`);
    // Again, just before: a server may have been started while the file was checked.
    await refuseOtherSessions(admin, schema, opts.ignoreConnections, () => {});

    // All or nothing: one transaction; give up rather than wait forever for a lock a server holds.
    const conn = pgToolConnection(url);
    conn.env.PGOPTIONS = `${conn.env.PGOPTIONS ?? ''} -c lock_timeout=60s`.trim();
    const t0 = Date.now();
    await runTool(
      'pg_restore',
      ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', '--no-password', '-d', conn.dbArg, file],
      conn.env,
    );
    out(`已用 pg_restore 恢复到 ${describePg(url, schema)}（${seconds(Date.now() - t0)}）\n`);

    const check = await connectPg(url, schema);
    let restored: PgFigures;
    try {
      restored = await pgFigures(check, schema);
    } finally {
      await check.end();
    }
    assertPgSound(restored, '恢复后的数据库');
    const rd = countDifferences(restored.tables, m.tables);
    if (rd.length) throw new BackupError(`恢复后的行数与清单不符：${rd.join('；')}`);
    const dd = Object.keys(m.digests ?? {}).filter((t) => restored.digests[t] !== m.digests![t]);
    if (dd.length) throw new BackupError(`恢复后这些表的内容与备份时不同（行摘要不符）：${dd.join('、')}`);
    reportPg(restored, out);
    out(`恢复后核对：${describeCounts(restored.tables)}，行数与逐表内容摘要均与清单一致\n`);

    const database: Database = openDatabase({ url, schema, poolSize: 2 });
    try {
      const done = await migrateToLatest(database);
      if (done.length) {
        const after = await verifyAudit(database.db);
        if (!after.ok) throw new BackupError(`迁移后的${auditLine(after)}`);
        out(`已执行迁移：${done.join('、')}（备份的结构版本较旧）；迁移后${auditLine(after)}\n`);
      } else out('数据库结构已是最新，无需迁移\n');
    } finally {
      await database.close();
    }
    for (const t of Object.keys(m.tables)) await admin.query(`analyze ${qid(schema)}.${qid(t)}`);
    out(`已更新统计信息（ANALYZE）\n恢复完成：${describePg(url, schema)}（用时 ${seconds(Date.now() - started)}）。可以启动服务了\n`);
  } finally {
    if (locked) await admin.query('select pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => {});
    await admin.end();
  }
}
