/**
 * The Fastify app: external plugins, then platform hooks, then module routes (fastify/demo order).
 * One process serves the API under /api and the built web app.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from './platform/db/database';
import { systemClock, type Clock } from './platform/clock';
import { noHooks, type AppContext } from './platform/context';
import { installErrorHandling } from './platform/http';
import { registerAuth } from './platform/auth/plugin';
import { registerAuthRoutes } from './modules/auth/auth.routes';
import { registerOrgRoutes } from './modules/org/org.routes';
import { registerMatterRoutes } from './kernel/matters.routes';
import { registerInboxRoutes } from './modules/inbox/inbox.routes';
import { registerAuditRoutes } from './modules/audit/audit.routes';
import { registerCalendarRoutes } from './modules/calendar/calendar.routes';
import { registerCalendarAdminRoutes } from './modules/calendar/calendar.admin.routes';
import { createCalendarCache } from './modules/calendar/calendar.service';
import { registerCheckRoutes } from './modules/checks/checks.routes';
import { registerActivityRoutes } from './modules/activities/activities.routes';
import { registerAttachmentRoutes } from './kernel/attachments.routes';
import { registerVersionRoutes } from './kernel/versions.routes';
import { registerNumberRoutes } from './kernel/numbers.routes';
import { registerStepRoutes } from './kernel/steps.routes';
import { createContainer, type Container } from './container';

export type ZodApp = FastifyInstance<any, any, any, any, ZodTypeProvider>;

export interface BuildAppOptions {
  database: Database;
  clock?: Clock;
  /** directory of the built web app; served when it exists */
  webDist?: string | null;
  logger?: boolean | object;
  /** mark cookies Secure (behind HTTPS) */
  secureCookies?: boolean;
  /** called for every route as it is registered (tests collect the routes and their schemas) */
  onRoute?: (route: RouteOptions) => void;
}

export async function buildApp(opts: BuildAppOptions): Promise<{ app: ZodApp; ctx: AppContext; container: Container }> {
  // The administrator's calendar entries, kept in memory and reloaded when any process changes them (K-8).
  const calendarCache = createCalendarCache(opts.database.db);
  await calendarCache.load();
  const ctx: AppContext = {
    db: opts.database.db,
    dialect: opts.database.dialect,
    database: opts.database,
    clock: opts.clock ?? systemClock,
    calendar: () => calendarCache.current(),
    hooks: noHooks(),
  };
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 2 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  calendarCache.start();
  app.addHook('onClose', async () => calendarCache.stop());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Xietiao 协调 API', version: '0.1.0', description: '党政机关办公室协调工作系统 HTTP API' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'xt_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerAuth(app, ctx);
  const container = createContainer({ ...ctx, calendarCache });

  app.get('/api/health', { schema: { response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({ status: 'ok' as const }));
  registerAuthRoutes(app, ctx, container, { secureCookies: opts.secureCookies ?? false });
  registerOrgRoutes(app, ctx, container);
  registerMatterRoutes(app, ctx, container);
  registerInboxRoutes(app, ctx, container);
  registerAuditRoutes(app, ctx);
  registerCalendarRoutes(app, ctx);
  registerCalendarAdminRoutes(app, ctx, container);
  registerCheckRoutes(app, ctx);
  registerActivityRoutes(app, ctx, container);
  registerAttachmentRoutes(app, ctx, container);
  registerVersionRoutes(app, ctx, container);
  registerNumberRoutes(app, ctx, container);
  registerStepRoutes(app, ctx, container);

  const dist = opts.webDist;
  if (dist && fs.existsSync(path.join(dist, 'index.html'))) {
    await app.register(fastifyStatic, { root: path.resolve(dist), wildcard: false });
    // Client-side routes: any GET outside /api that is not a file gets the app shell.
    app.get('/*', { schema: { hide: true } }, (req, reply) => {
      // Unknown API routes and missing build files are 404s, never the app shell.
      if (req.url.startsWith('/api/') || req.url.startsWith('/assets/')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }
  return { app, ctx, container };
}
