import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db/database';

const run = promisify(execFile);
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/xietiao.mjs');
const dirs: string[] = [];
function tempDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'xietiao-cli-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('the xietiao command', () => {
  it('migrate, then init --admin creates one system administrator and no demo data', async () => {
    const dir = tempDir();
    const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '', XIETIAO_ADMIN_PASSWORD: 'Admin-password-2026' };
    delete (env as Record<string, string | undefined>).DATABASE_URL;
    const m = await run(process.execPath, [bin, 'migrate'], { env });
    expect(m.stdout).toContain('0001_foundation');
    const init = await run(process.execPath, [bin, 'init', '--admin', 'root'], { env });
    expect(init.stdout).toContain('已创建系统管理员 root');
    const database = openDatabase({ url: path.join(dir, 'xietiao.db') });
    const users = await database.db.selectFrom('users').innerJoin('user_roles', 'user_roles.user_id', 'users.id').select(['username', 'role']).execute();
    await database.close();
    expect(users).toEqual([{ username: 'root', role: 'sysadmin' }]);
    // A second init is refused.
    const again = await run(process.execPath, [bin, 'init', '--admin', 'root2'], { env }).then(
      () => null,
      (e) => e,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('init 只用于全新部署');
  });

  it('seed --demo loads the demo organisation once; audit verify reports an intact chain', async () => {
    const dir = tempDir();
    const env = { ...process.env, DATA_DIR: dir };
    delete (env as Record<string, string | undefined>).DATABASE_URL;
    expect((await run(process.execPath, [bin, 'seed', '--demo'], { env })).stdout).toContain('已载入演示单位');
    expect((await run(process.execPath, [bin, 'seed', '--demo'], { env })).stdout).toContain('未载入演示数据');
    const verify = await run(process.execPath, [bin, 'audit', 'verify'], { env });
    expect(verify.stdout).toMatch(/审计链完整：共校验 \d+ 条记录/);
  });

  it('an unknown command prints the usage and exits 2', async () => {
    const r = await run(process.execPath, [bin, 'frobnicate']).then(
      () => null,
      (e) => e,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('可用命令');
  });
});
