/**
 * `xietiao init --admin NAME`: a real deployment starts with one system administrator and no
 * demo data. The administrator creates the organisation; the security administrator (created
 * by the system administrator) assigns roles.
 */
import type { AppContext } from '../platform/context';
import { hashPassword } from '../platform/auth/password';
import { newId, newToken } from '../platform/ids';
import { appendAudit } from '../platform/audit';
import { runTx } from '../platform/db/tx';

export async function initAdmin(ctx: Pick<AppContext, 'db' | 'clock'>, username: string, password: string): Promise<void> {
  if (!/^[a-z][a-z0-9_.-]{2,31}$/.test(username)) throw new Error('用户名为3至32位小写字母、数字、下划线、点或连字符，以字母开头');
  if (password.length < 10) throw new Error('密码至少10位');
  const { db, clock } = ctx;
  const hash = await hashPassword(password);
  await runTx(db, async (tx) => {
    const any = await tx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (any) throw new Error('数据库中已有账号，init 只用于全新部署');
    const now = clock.now().toISOString();
    let organ = await tx.selectFrom('organs').select('id').where('is_self', '=', 1).executeTakeFirst();
    if (!organ) {
      organ = { id: newId() };
      await tx
        .insertInto('organs')
        .values({
          id: organ.id,
          name: '本机关（请修改名称）',
          short_name: null,
          kind: '政府',
          level: 3,
          parent_id: null,
          is_self: 1,
          doc_code: null,
          active: 1,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const id = newId();
    await tx
      .insertInto('users')
      .values({
        id,
        username,
        name: '系统管理员',
        password_hash: hash,
        organ_id: organ.id,
        department_id: null,
        title: '系统管理员',
        phone: null,
        active: 1,
        must_change_password: 0,
        feed_token: newToken(),
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await tx.insertInto('user_roles').values({ user_id: id, role: 'sysadmin' }).execute();
    await appendAudit(tx, clock, { actorId: null, action: 'system.initialised', entityType: 'user', entityId: id, detail: { username } });
  });
}
