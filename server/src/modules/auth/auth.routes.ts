import { z } from 'zod';
import { api } from '@xietiao/domain';
import type { ZodApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/auth/plugin';
import { SESSION_COOKIE } from '../../platform/auth/sessions';
import type { Container } from '../../container';

export function registerAuthRoutes(app: ZodApp, _ctx: AppContext, { auth }: Container, opts: { secureCookies: boolean }): void {
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: opts.secureCookies };

  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        operationId: 'login',
        summary: '登录',
        description:
          '用户名和密码正确时建立会话：设置会话 Cookie xt_session，返回当前用户及本次会话的 csrfToken（以后修改类请求的 x-csrf-token）。' +
          '同一用户名和地址连续失败后须等待，多次失败后账号被锁定，由安全保密管理员解锁。',
        body: api.LoginBody,
        response: {
          200: api.Me,
          401: api.ErrorBody.describe('unauthorized：用户名或密码错误，或账号已停用'),
          429: api.ErrorBody.describe('too_many_requests：登录失败次数过多须等待，或账号已被锁定；message 给出可以再试的时间'),
        },
      },
    },
    async (req, reply) => {
      const { token, me } = await auth.login(req.body.username, req.body.password, req.ip);
      reply.setCookie(SESSION_COOKIE, token, cookieOpts);
      return me;
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        operationId: 'logout',
        summary: '退出登录',
        description: '注销本次会话并清除会话 Cookie。没有会话时也返回成功；带着会话时须带 x-csrf-token。',
        response: { 200: api.Ok },
      },
    },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await auth.logout(token, req.actor?.id ?? null);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      schema: {
        tags: ['auth'],
        operationId: 'getCurrentUser',
        summary: '当前用户',
        description: '返回已登录的人员、角色、可登记的事项类型，以及本次会话的 csrfToken 和个人日历订阅密钥。',
        response: { 200: api.Me },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return auth.me(actor.id, req.csrfToken ?? '');
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags: ['auth'],
        operationId: 'changePassword',
        summary: '修改密码',
        description: '修改本人的密码：须提供原密码；新密码至少10位，同时包含字母和数字，且不能与原密码相同（400，path 指出字段）。',
        body: api.ChangePasswordBody,
        response: { 200: api.Ok },
      },
    },
    async (req) => {
      await auth.changePassword(actorOf(req), req.body.oldPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/people/:id/unlock',
    {
      schema: {
        tags: ['auth'],
        operationId: 'unlockPerson',
        summary: '解除登录锁定（安全保密管理员）',
        description: '清除该账号因多次登录失败而设的锁定及各地址的登录延迟；wasLocked 表示此前是否处于锁定。',
        params: api.IdParams,
        response: { 200: z.object({ ok: z.literal(true), wasLocked: z.boolean() }).describe('已解除；wasLocked 表示此前是否处于锁定') },
      },
    },
    async (req) => auth.unlock(actorOf(req), req.params.id),
  );
}
