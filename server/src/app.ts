/**
 * The Fastify app: external plugins, then platform hooks, then module routes (fastify/demo order).
 * One process serves the API under /api and the built web app.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { api } from '@xietiao/domain';
import type { Database } from './platform/db/database';
import { systemClock, type Clock } from './platform/clock';
import { noHooks, type AppContext } from './platform/context';
import { installErrorHandling } from './platform/http';
import { openApiOptions } from './platform/openapi';
import { registerAuth } from './platform/auth/plugin';
import { parseAllowedOrigins } from './platform/auth/origin';
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
import { registerOutgoingRoutes } from './modules/outgoing/outgoing.routes';
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
  /**
   * Addresses (or CIDR ranges) of the reverse proxies whose `X-Forwarded-For` / `-Host` / `-Proto`
   * are believed, so that `req.ip` is the client behind them. Default: env `TRUST_PROXY`
   * (`127.0.0.1,10.0.0.0/8`); none when unset.
   */
  trustProxy?: string[];
  /** Origins besides the request's own host that may send unsafe requests. Default: env `ALLOWED_ORIGINS`. */
  allowedOrigins?: string[];
}

/** `TRUST_PROXY=127.0.0.1, 10.0.0.0/8` → the list Fastify's `trustProxy` takes; unset → trust no proxy. */
export function parseTrustProxy(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Request body limits, in bytes: small by default, so that a request nobody will accept
 * cannot make the server buffer megabytes; the few routes that take documents or files get what
 * they need. A body over its route's limit is 413 (with `Content-Length`, before it is read).
 */
export const DEFAULT_BODY_LIMIT = 64 * 1024;
export const BODY_LIMITS: Record<string, number> = {
  // 10 MB as base64 (4/3) plus the JSON around it
  'POST /api/v1/matters/:id/attachments': Math.ceil((api.MAX_ATTACHMENT_BYTES * 4) / 3) + 64 * 1024,
  // a content version: up to 1,000,000 characters of JSON, 3 bytes each in UTF-8 for Chinese text
  'POST /api/v1/matters/:id/versions': 3 * api.MAX_CONTENT_BYTES + 64 * 1024,
  // a whole 公文 (its text included) for the rule engine
  'POST /api/v1/checks/document': 1024 * 1024,
  // a 发文 draft's fields (the body up to 2,000 paragraphs)
  'POST /api/v1/outgoing/:id/draft': 1024 * 1024,
  'POST /api/v1/outgoing/:id/draft/check': 1024 * 1024,
  'POST /api/v1/checks/text': 10 * 1024 * 1024, // a whole 公文 as text, or as a DOCX upload (multipart: the file's limit)
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const NO_CACHE = 'no-cache';

/** A file of the build's assets folder (Vite names each with a hash of its content). */
function isHashedAsset(dist: string, file: string): boolean {
  const rel = path.relative(path.resolve(dist), file).split(path.sep);
  return rel.length === 2 && rel[0] === 'assets';
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
  const trustProxy = opts.trustProxy ?? parseTrustProxy(process.env.TRUST_PROXY);
  const allowedOrigins = parseAllowedOrigins(opts.allowedOrigins ?? process.env.ALLOWED_ORIGINS);
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: trustProxy.length ? trustProxy : false,
  }).withTypeProvider<ZodTypeProvider>();
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      const limit = BODY_LIMITS[`${method} ${route.url}`];
      if (limit) route.bodyLimit = limit;
    }
  });
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
  // Compression of API answers (JSON lists, ICS): brotli at a quality cheap enough to run per
  // response, gzip for older clients. Registered before the routes and before @fastify/static,
  // whose hashed assets are precompressed at build time (web/vite.config.ts) and sent as they are.
  // Request bodies are never decompressed: no client sends them compressed, and a compressed body
  // would slip past the body limits.
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
  // The OpenAPI description: security, error responses and components derived in platform/openapi.ts.
  await app.register(swagger, openApiOptions({ version: '0.1.0', defaultBodyLimit: DEFAULT_BODY_LIMIT }));
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerAuth(app, ctx, { allowedOrigins });
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
  registerOutgoingRoutes(app, ctx, container);
  registerAttachmentRoutes(app, ctx, container);
  registerVersionRoutes(app, ctx, container);
  registerNumberRoutes(app, ctx, container);
  registerStepRoutes(app, ctx, container);

  const dist = opts.webDist;
  if (dist && fs.existsSync(path.join(dist, 'index.html'))) {
    // Files under /assets/ carry a content hash in their names: a changed file is a new name, so
    // they are cached for a year and never revalidated. Everything else (index.html above all,
    // which names the current assets) is revalidated on every visit.
    await app.register(fastifyStatic, {
      root: path.resolve(dist),
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, file) => {
        res.setHeader('cache-control', isHashedAsset(dist, file) ? IMMUTABLE : NO_CACHE);
        // The same URL is sent brotli, gzip or plain by the request's Accept-Encoding: say so to caches.
        if (/\.(js|css|html|svg|json|txt)(\.br|\.gz)?$/.test(file)) res.setHeader('vary', 'accept-encoding');
      },
    });
    // Client-side routes: any GET outside /api that is not a file gets the app shell.
    app.get('/*', { schema: { hide: true } }, (req, reply) => {
      // Unknown API routes and missing build files are 404s, never the app shell.
      if (req.url.startsWith('/api/') || req.url.startsWith('/assets/')) return reply.callNotFound();
      return reply.header('cache-control', NO_CACHE).sendFile('index.html', { cacheControl: false });
    });
  }
  return { app, ctx, container };
}
