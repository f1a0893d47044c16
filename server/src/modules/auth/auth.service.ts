/** Login, the current user, password change. */
import type { Role } from '@xietiao/domain';
import type { AppContext } from '../../platform/context';
import { badRequest, tooMany, unauthorized } from '../../platform/errors';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../platform/auth/password';
import { createSession, deleteSession } from '../../platform/auth/sessions';
import { clearFailures, LIMITS, lockedUntil, recordFailure } from '../../platform/auth/throttle';
import { appendAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { formatChineseDateTime } from '@xietiao/domain';
import { runTx } from '../../platform/db/tx';
import { createAuthRepo } from './auth.repo';

export function createAuthService(ctx: Pick<AppContext, 'db' | 'clock'>) {
  const { db, clock } = ctx;

  async function me(userId: string, csrfToken: string) {
    const repo = createAuthRepo(db);
    const u = await repo.profile(userId);
    if (!u) throw unauthorized();
    const roles = (await repo.roles(userId)) as Role[];
    return {
      id: u.id,
      username: u.username,
      name: u.name,
      title: u.title,
      organId: u.organ_id,
      departmentId: u.department_id,
      departmentName: u.department_name,
      roles,
      isLeader: roles.includes('leader'),
      mustChangePassword: u.must_change_password === 1,
      csrfToken,
      feedToken: u.feed_token,
    };
  }

  async function login(username: string, password: string, ip: string) {
    const userKey = `user:${username.toLowerCase()}`;
    const ipKey = `ip:${ip}`;
    const locked = await lockedUntil(db, clock, [userKey, ipKey]);
    if (locked) throw tooMany(`登录失败次数过多，请于${formatChineseDateTime(locked)}后再试`);
    const user = await createAuthRepo(db).credentialsByUsername(username);
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok || user.active !== 1) {
      await recordFailure(db, clock, userKey, LIMITS.user);
      await recordFailure(db, clock, ipKey, LIMITS.ip);
      if (user) {
        await runTx(db, (tx) => appendAudit(tx, clock, { actorId: user.id, action: 'auth.login_failed', entityType: 'user', entityId: user.id }));
      }
      throw unauthorized(user && ok && user.active !== 1 ? '该账号已停用，请联系管理员' : '用户名或密码错误');
    }
    await clearFailures(db, userKey);
    // The session and its audit row commit together.
    const { token, csrfToken } = await runTx(db, async (tx) => {
      const session = await createSession(tx, clock, user.id);
      await appendAudit(tx, clock, { actorId: user.id, action: 'auth.login', entityType: 'user', entityId: user.id });
      return session;
    });
    return { token, me: await me(user.id, csrfToken) };
  }

  /** End a session; a logged-in user's logout is audited with it. */
  async function logout(token: string, userId: string | null) {
    await runTx(db, async (tx) => {
      await deleteSession(tx, token);
      if (userId) await appendAudit(tx, clock, { actorId: userId, action: 'auth.logout', entityType: 'user', entityId: userId });
    });
  }

  async function changePassword(actor: Actor, oldPassword: string, newPassword: string) {
    const current = await createAuthRepo(db).passwordHash(actor.id);
    if (!(await verifyPassword(oldPassword, current))) throw badRequest('原密码不正确', 'body.oldPassword');
    if (oldPassword === newPassword) throw badRequest('新密码不能与原密码相同', 'body.newPassword');
    const hash = await hashPassword(newPassword);
    await runTx(db, async (tx) => {
      await createAuthRepo(tx).setPassword(actor.id, hash, clock.now().toISOString());
      await appendAudit(tx, clock, { actorId: actor.id, action: 'auth.password_changed', entityType: 'user', entityId: actor.id });
    });
  }

  return { login, logout, me, changePassword };
}

export type AuthService = ReturnType<typeof createAuthService>;
