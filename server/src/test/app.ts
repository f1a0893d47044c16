/**
 * API test harness: a real app on a fresh test database, driven through app.inject, with
 * per-user agents that carry the session cookie and CSRF token like the browser does.
 */
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type BuildAppOptions, type ZodApp } from '../app';
import { ManualClock, type Clock } from '../platform/clock';
import type { AppContext } from '../platform/context';
import type { Dialect } from '../platform/db/database';
import { seedDemo, DEMO_PASSWORD } from '../seed/demo';
import { createTestDatabase, type TestDatabase } from './db';
import type { Container } from '../container';

export interface Agent {
  userId: string;
  csrfToken: string;
  /** the session cookie and CSRF token, for a hand-made request (`app.inject`) */
  headers: Record<string, string>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: ZodApp;
  ctx: AppContext;
  /** the services the app was built with (kernel API included) */
  container: Container;
  clock: Clock;
  tdb: TestDatabase;
  /** log in as a demo user (password xietiao-demo) or with a given password */
  login(username: string, password?: string): Promise<Agent>;
  close(): Promise<void>;
}

export async function createTestApp(dialect: Dialect, opts: { demo?: boolean; clock?: Clock; onRoute?: BuildAppOptions['onRoute'] } = {}): Promise<TestApp> {
  const tdb = await createTestDatabase(dialect);
  const clock = opts.clock ?? new ManualClock('2026-11-27T01:00:00Z');
  const { app, ctx, container } = await buildApp({ database: tdb.database, clock, webDist: null, onRoute: opts.onRoute });
  await app.ready();
  if (opts.demo !== false) await seedDemo({ db: ctx.db, clock });

  async function login(username: string, password = DEMO_PASSWORD): Promise<Agent> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const me = res.json() as { id: string; csrfToken: string };
    const cookie = res.cookies.find((c) => c.name === 'xt_session');
    if (!cookie) throw new Error('no session cookie');
    const headers = { cookie: `xt_session=${cookie.value}`, 'x-csrf-token': me.csrfToken };
    const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
      app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
    return {
      userId: me.id,
      csrfToken: me.csrfToken,
      headers,
      get: (u) => send('GET', u),
      post: (u, b) => send('POST', u, b ?? {}),
      put: (u, b) => send('PUT', u, b ?? {}),
      patch: (u, b) => send('PATCH', u, b ?? {}),
      delete: (u) => send('DELETE', u),
    };
  }

  return {
    app,
    ctx,
    container,
    clock,
    tdb,
    login,
    close: async () => {
      await app.close();
      await tdb.cleanup();
    },
  };
}
