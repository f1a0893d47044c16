/**
 * X-4 Unsafe requests from another site's page are refused (Origin / Referer), login included;
 * requests that carry neither header (non-browser clients) work as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type ZodApp } from '../../../app';
import { ManualClock } from '../../../platform/clock';
import { isOwnOrigin, parseAllowedOrigins } from '../../../platform/auth/origin';
import { seedDemo, DEMO_PASSWORD } from '../../../seed/demo';
import { createTestApp, type Agent, type TestApp } from '../../../test/app';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../test/db';

const HOST = 'oa.example.gov.cn';

describe.each(testDialects())('X-4 where unsafe requests come from [%s]', (dialect) => {
  let t: TestApp;
  let office: Agent;
  /** the office's session cookie and CSRF token */
  let session: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    office = await t.login('office');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'office', password: DEMO_PASSWORD } });
    session = { cookie: `xt_session=${res.cookies.find((c) => c.name === 'xt_session')!.value}`, 'x-csrf-token': res.json().csrfToken };
  });
  afterAll(async () => t?.close());

  /** POST /matters as the office, with a valid session and CSRF token, from the given page. */
  const createMatter = (headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/matters',
      headers: { ...session, host: HOST, ...headers },
      payload: { kind: 'coordination', title: '来源校验测试' },
    });

  it('X-4 refuses an unsafe request with a foreign Origin, even with a valid CSRF token', async () => {
    const res = await createMatter({ origin: 'https://evil.example.com' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('origin_refused');
    expect(res.json().error.message).toMatch(/请求来源/);
  });

  it('X-4 refuses Origin: null', async () => {
    const res = await createMatter({ origin: 'null' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('origin_refused');
  });

  it('X-4 refuses a foreign Referer when there is no Origin', async () => {
    const res = await createMatter({ referer: 'https://evil.example.com/attack.html' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('origin_refused');
    expect((await createMatter({ referer: 'not a url' })).statusCode).toBe(403);
  });

  it('X-4 accepts the same origin (by Origin or Referer) and requests without either header', async () => {
    expect((await createMatter({ origin: `https://${HOST}` })).statusCode).toBe(200);
    expect((await createMatter({ referer: `https://${HOST}/matters/new` })).statusCode).toBe(200);
    // no Origin, no Referer: a non-browser client, still held to the session and the CSRF token
    expect((await office.post('/api/v1/matters', { kind: 'coordination', title: '无来源头' })).statusCode).toBe(200);
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/matters',
      headers: { cookie: session.cookie },
      payload: { kind: 'coordination', title: '无令牌' },
    });
    expect(noToken.json().error.code).toBe('csrf_failed');
    // safe methods are not checked
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/matters', headers: { ...session, origin: 'https://evil.example.com' } });
    expect(list.statusCode).toBe(200);
  });

  it('X-4 refuses a login from a foreign page', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: HOST, origin: 'https://evil.example.com' },
      payload: { username: 'office', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('origin_refused');
    expect(res.cookies.find((c) => c.name === 'xt_session')).toBeUndefined();
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: HOST, origin: `https://${HOST}` },
      payload: { username: 'office', password: DEMO_PASSWORD },
    });
    expect(own.statusCode).toBe(200);
  });
});

describe.each(testDialects())('X-4 allowed origins behind a reverse proxy [%s]', (dialect) => {
  let tdb: TestDatabase;
  let app: ZodApp;
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    const clock = new ManualClock('2026-11-27T01:00:00Z');
    // the proxy passes Host: 127.0.0.1:3000; the users' browsers are on https://oa.example.gov.cn
    ({ app } = await buildApp({ database: tdb.database, clock, webDist: null, allowedOrigins: ['https://oa.example.gov.cn'] }));
    await app.ready();
    await seedDemo({ db: tdb.database.db, clock });
  });
  afterAll(async () => {
    await app?.close();
    await tdb?.cleanup();
  });

  it('X-4 accepts an origin on the ALLOWED_ORIGINS list and still refuses others', async () => {
    const login = (origin: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { host: '127.0.0.1:3000', origin },
        payload: { username: 'office', password: DEMO_PASSWORD },
      });
    expect((await login('https://oa.example.gov.cn')).statusCode).toBe(200);
    expect((await login('https://oa.example.gov.cn:8443')).statusCode).toBe(403);
    expect((await login('http://oa.example.gov.cn')).statusCode).toBe(403);
    expect((await login('https://evil.example.com')).statusCode).toBe(403);
  });
});

describe('X-4 origin rules', () => {
  const req = (headers: Record<string, string>, host = HOST) => ({ headers, host }) as Parameters<typeof isOwnOrigin>[0];
  it('X-4 decides by Origin, else Referer; neither is not a browser page', () => {
    expect(isOwnOrigin(req({}), [])).toBeUndefined();
    expect(isOwnOrigin(req({ origin: `https://${HOST}` }), [])).toBe(true);
    expect(isOwnOrigin(req({ origin: `https://${HOST.toUpperCase()}` }), [])).toBe(true);
    expect(isOwnOrigin(req({ origin: `https://${HOST}:8443` }, `${HOST}:8443`), [])).toBe(true);
    expect(isOwnOrigin(req({ origin: `https://${HOST}.evil.example.com` }), [])).toBe(false);
    expect(isOwnOrigin(req({ origin: 'null' }), [])).toBe(false);
    expect(isOwnOrigin(req({ origin: 'file:///etc/passwd' }), [])).toBe(false);
    // Origin wins over a Referer that looks right
    expect(isOwnOrigin(req({ origin: 'https://evil.example.com', referer: `https://${HOST}/` }), [])).toBe(false);
    expect(isOwnOrigin(req({ referer: `https://${HOST}/a?b=c` }), [])).toBe(true);
  });
  it('X-4 parses ALLOWED_ORIGINS and refuses a malformed entry', () => {
    expect(parseAllowedOrigins(' https://oa.example.gov.cn/ , http://10.1.2.3:8080')).toEqual(['https://oa.example.gov.cn', 'http://10.1.2.3:8080']);
    expect(parseAllowedOrigins(undefined)).toEqual([]);
    expect(() => parseAllowedOrigins('oa.example.gov.cn')).toThrow(/ALLOWED_ORIGINS/);
  });
});
