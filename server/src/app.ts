/**
 * The Fastify app: external plugins, then platform hooks, then module routes (fastify/demo order).
 * One process serves the API under /api and the built web app.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
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
import { registerCheckRoutes } from './modules/checks/checks.routes';
import { registerActivityRoutes } from './modules/activities/activities.routes';
import { registerAttachmentRoutes } from './modules/attachments/attachments.routes';

export type ZodApp = FastifyInstance<any, any, any, any, ZodTypeProvider>;

export interface BuildAppOptions {
  database: Database;
  clock?: Clock;
  /** directory of the built web app; served when it exists */
  webDist?: string | null;
  logger?: boolean | object;
  /** mark cookies Secure (behind HTTPS) */
  secureCookies?: boolean;
}

export async function buildApp(opts: BuildAppOptions): Promise<{ app: ZodApp; ctx: AppContext }> {
  const ctx: AppContext = {
    db: opts.database.db,
    dialect: opts.database.dialect,
    database: opts.database,
    clock: opts.clock ?? systemClock,
    calendar: () => new Map(),
    hooks: noHooks(),
  };
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 2 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
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

  app.get('/api/health', { schema: { response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({ status: 'ok' as const }));
  registerAuthRoutes(app, ctx, { secureCookies: opts.secureCookies ?? false });
  registerOrgRoutes(app, ctx);
  registerMatterRoutes(app, ctx);
  registerInboxRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerCalendarRoutes(app, ctx);
  registerCheckRoutes(app, ctx);
  registerActivityRoutes(app, ctx);
  registerAttachmentRoutes(app, ctx);

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
  return { app, ctx };
}
