/**
 * Authentication on every /api/v1 request, in `onRequest` — before the body is read: an unsafe
 * request from another site's page is refused (origin.ts); the session cookie gives `req.actor`;
 * a route that needs a session (all of /api/v1 but those marked `config: { public: true }`)
 * answers 401 at once, so a refused upload costs neither memory nor parsing; unsafe methods must
 * carry the session's CSRF token in `x-csrf-token` (double submit against the stored token).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ROLES, type Role } from '@xietiao/domain';
import type { AppContext } from '../context';
import { AppError, unauthorized } from '../errors';
import type { Actor } from './actor';
import { checkOrigin } from './origin';
import { findSession, SESSION_COOKIE } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** the route answers without a session (login, logout); every other /api/v1 route needs one */
    public?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_EXEMPT: ReadonlySet<string> = new Set(['/api/v1/auth/login']);

export async function loadActor(ctx: Pick<AppContext, 'db'>, userId: string): Promise<Actor | null> {
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', userId).where('active', '=', 1).executeTakeFirst();
  if (!user) return null;
  const roles = await ctx.db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    organId: user.organ_id,
    departmentId: user.department_id,
    roles: roles.map((r) => r.role).filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
  };
}

export function registerAuth(app: FastifyInstance, ctx: AppContext, opts: { allowedOrigins: readonly string[] }): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (req) => {
    checkOrigin(req, opts.allowedOrigins);
    if (!req.url.startsWith('/api/v1/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const session = await findSession(ctx.db, ctx.clock, token);
      if (session) {
        req.actor = await loadActor(ctx, session.user_id);
        req.csrfToken = req.actor ? session.csrf_token : null;
      }
    }
    // An unknown route (no routeOptions.url) goes on to its 404.
    if (!req.actor && req.routeOptions.url && !req.routeOptions.config.public) throw unauthorized();
    const path = req.url.split('?')[0];
    if (UNSAFE.has(req.method) && req.actor && !CSRF_EXEMPT.has(path)) {
      if (req.headers['x-csrf-token'] !== req.csrfToken) {
        throw new AppError(403, 'csrf_failed', '安全校验失败（CSRF 令牌无效），请刷新页面后重试');
      }
    }
  });
}

/** The logged-in person, or 401. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}
