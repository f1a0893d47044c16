/** Login (with its throttle), the current user, password change, the security administrator's unlock. */
import type { Role } from '@xietiao/domain';
import type { AppContext } from '../../platform/context';
import type { Conn } from '../../platform/db/database';
import { badRequest, notFound, tooMany, unauthorized } from '../../platform/errors';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../platform/auth/password';
import { createSession, deleteSession } from '../../platform/auth/sessions';
import * as throttle from '../../platform/auth/throttle';
import { appendAudit } from '../../platform/audit';
import { requireRole, type Actor } from '../../platform/auth/actor';
import { notify, usersWithRole } from '../inbox/notify';
import { formatChineseDateTime, registrableKinds } from '@xietiao/domain';
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
      mayRegister: registrableKinds(roles),
    };
  }

  /**
   * Log in (等保 login rules, throttle.ts): the (name, address) pair and then the account each
   * take a slot — counted and checked in one statement — before the password is verified, so a
   * burst of guesses reaches the password check at most as often as the limits allow. Every
   * failure is audited (`auth.login_failed`, with no actor for an unknown name); the attempt that
   * locks the account tells the user and the security administrators.
   */
  async function login(username: string, password: string, ip: string) {
    const accountKey = throttle.accountKey(username);
    const pairKey = throttle.pairKey(username, ip);
    // A locked account is refused before its attempt uses up one of the pair's slots.
    const held = await throttle.lockedUntil(db, clock, accountKey);
    if (held) throw await refused(username, ip, 'locked', held, accountLocked(held));
    const pair = await throttle.take(db, clock, pairKey, throttle.PAIR_RULE);
    if (!pair.ok) throw await refused(username, ip, 'throttled', pair.until, tooMany(`登录失败次数过多，请于${formatChineseDateTime(pair.until)}后再试`));
    const account = await throttle.take(db, clock, accountKey, throttle.ACCOUNT_RULE);
    if (!account.ok) throw await refused(username, ip, 'locked', account.until, accountLocked(account.until));

    const user = await createAuthRepo(db).credentialsByUsername(username);
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok || user.active !== 1) {
      const reason = !user ? 'unknown_user' : ok ? 'inactive' : 'wrong_password';
      await runTx(db, async (tx) => {
        await appendAudit(tx, clock, {
          actorId: user?.id ?? null,
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          detail: { username, ip, reason, failures: account.n },
        });
        if (user && account.locked) await lockNotice(tx, user.id, username, ip, account.n, account.until ?? clock.now().toISOString());
      });
      throw unauthorized(reason === 'inactive' ? '该账号已停用，请联系管理员' : '用户名或密码错误');
    }
    await throttle.clearFailures(db, [pairKey, accountKey]);
    // The session and its audit row commit together.
    const { token, csrfToken } = await runTx(db, async (tx) => {
      const session = await createSession(tx, clock, user.id);
      await appendAudit(tx, clock, { actorId: user.id, action: 'auth.login', entityType: 'user', entityId: user.id, detail: { ip } });
      return session;
    });
    return { token, me: await me(user.id, csrfToken) };
  }

  /**
   * A login refused before the password check (waiting after failures, or the account locked) is
   * a failure too: audited as `auth.login_throttled`, with who tried, from where and until when.
   */
  async function refused(username: string, ip: string, reason: 'throttled' | 'locked', until: string, err: Error) {
    const user = await createAuthRepo(db).credentialsByUsername(username);
    await runTx(db, (tx) =>
      appendAudit(tx, clock, {
        actorId: user?.id ?? null,
        action: 'auth.login_throttled',
        entityType: 'user',
        entityId: user?.id ?? null,
        detail: { username, ip, reason, until },
      }),
    );
    return err;
  }

  function accountLocked(until: string) {
    return tooMany(`该账号因多次登录失败已被锁定，请于${formatChineseDateTime(until)}后再试，或联系安全保密管理员解锁`);
  }

  /** The account has just been locked: audited, and the user and every security administrator are told. */
  async function lockNotice(tx: Conn, userId: string, username: string, ip: string, failures: number, until: string) {
    await appendAudit(tx, clock, {
      actorId: null,
      action: 'auth.account_locked',
      entityType: 'user',
      entityId: userId,
      detail: { username, ip, failures, until },
    });
    const when = formatChineseDateTime(until);
    await notify(tx, clock, {
      userIds: [userId],
      kind: 'account_locked',
      title: '您的账号因多次登录失败已被临时锁定',
      body: `短时间内连续${failures}次登录失败（最近一次来自 ${ip}），账号锁定至${when}。如非本人操作，请联系安全保密管理员。`,
    });
    await notify(tx, clock, {
      userIds: (await usersWithRole(tx, 'secadmin')).filter((id) => id !== userId),
      kind: 'account_locked',
      title: `账号 ${username} 因多次登录失败已被锁定`,
      body: `连续${failures}次登录失败（最近一次来自 ${ip}），锁定至${when}。可在“组织机构 → 人员”中解除锁定。`,
    });
  }

  /** The security administrator lifts a login lock (the account's and every address's), audited. */
  async function unlock(actor: Actor, userId: string) {
    requireRole(actor, ['secadmin'], '只有安全保密管理员可以解除账号锁定');
    const repo = createAuthRepo(db);
    const target = await repo.profile(userId);
    if (!target) throw notFound('人员');
    return runTx(db, async (tx) => {
      const wasLocked = await throttle.unlockAccount(tx, clock, target.username);
      await appendAudit(tx, clock, {
        actorId: actor.id,
        action: 'auth.account_unlocked',
        entityType: 'user',
        entityId: target.id,
        detail: { username: target.username, wasLocked },
      });
      return { ok: true as const, wasLocked };
    });
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

  return { login, logout, me, changePassword, unlock };
}

export type AuthService = ReturnType<typeof createAuthService>;
