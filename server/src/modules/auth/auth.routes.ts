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
      schema: { tags: ['auth'], summary: '登录', body: api.LoginBody, response: { 200: api.Me } },
    },
    async (req, reply) => {
      const { token, me } = await auth.login(req.body.username, req.body.password, req.ip);
      reply.setCookie(SESSION_COOKIE, token, cookieOpts);
      return me;
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: '退出登录', response: { 200: api.Ok } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await auth.logout(token, req.actor?.id ?? null);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get('/api/v1/auth/me', { schema: { tags: ['auth'], summary: '当前用户', response: { 200: api.Me } } }, async (req) => {
    const actor = actorOf(req);
    return auth.me(actor.id, req.csrfToken ?? '');
  });

  app.post(
    '/api/v1/auth/password',
    {
      schema: { tags: ['auth'], summary: '修改密码', body: api.ChangePasswordBody, response: { 200: api.Ok } },
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
        summary: '解除登录锁定（安全保密管理员）',
        description: '清除该账号因多次登录失败而设的锁定及各地址的登录延迟；wasLocked 表示此前是否处于锁定。',
        params: api.IdParams,
        response: { 200: z.object({ ok: z.literal(true), wasLocked: z.boolean() }) },
      },
    },
    async (req) => auth.unlock(actorOf(req), req.params.id),
  );
}
