/**
 * The built web app as a browser on a slow line gets it (#9): hashed assets precompressed and
 * cached for a year, the app shell revalidated on every visit, API answers compressed, request
 * bodies never inflated.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, IMMUTABLE, NO_CACHE, type ZodApp } from '../app';
import { createTestDatabase, type TestDatabase } from '../test/db';
import { seedDemo } from '../seed/demo';
import { ManualClock } from '../platform/clock';

describe('web platform: static files and compression', () => {
  let dist: string;
  let tdb: TestDatabase;
  let app: ZodApp;
  const js = `console.log(${JSON.stringify('协调'.repeat(2000))});`;

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'xietiao-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html lang="zh-CN"><body><div id="root"></div></body></html>');
    const asset = path.join(dist, 'assets', 'index-Ab12Cd34.js');
    fs.writeFileSync(asset, js);
    fs.writeFileSync(`${asset}.br`, zlib.brotliCompressSync(js));
    fs.writeFileSync(`${asset}.gz`, zlib.gzipSync(js));
    tdb = await createTestDatabase('sqlite');
    const clock = new ManualClock('2026-11-27T01:00:00Z');
    ({ app } = await buildApp({ database: tdb.database, clock, webDist: dist }));
    await app.ready();
    await seedDemo({ db: tdb.database.db, clock });
  });
  afterAll(async () => {
    await app?.close();
    await tdb?.cleanup();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('sends a hashed asset as its brotli file, cached for a year as immutable, varying by Accept-Encoding', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(js);
  });

  it('sends gzip to a client without brotli, and the plain file to one that asks for neither', async () => {
    const gz = await app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(js);
    const plain = await app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('revalidates the app shell on every visit, at / and at any client-side route', async () => {
    for (const url of ['/', '/index.html', '/matters', '/login?next=%2Fmatters']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe(NO_CACHE);
      expect(res.body, url).toContain('<div id="root">');
    }
  });

  it('a missing asset is a 404, not the app shell', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/gone-00000000.js' });
    expect(res.statusCode).toBe(404);
  });

  it('compresses a large API answer for a client that accepts it', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'office', password: 'xietiao-demo' } });
    const cookie = login.cookies.find((c) => c.name === 'xt_session')!;
    const headers = { cookie: `xt_session=${cookie.value}` };
    const plain = await app.inject({ method: 'GET', url: '/api/v1/people?pageSize=100', headers });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    const br = await app.inject({ method: 'GET', url: '/api/v1/people?pageSize=100', headers: { ...headers, 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    const gz = await app.inject({ method: 'GET', url: '/api/v1/people?pageSize=100', headers: { ...headers, 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
  });

  it('never inflates a compressed request body (it could slip past the body limits)', async () => {
    const body = zlib.gzipSync(JSON.stringify({ username: 'office', password: 'xietiao-demo' }));
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(res.cookies.find((c) => c.name === 'xt_session')).toBeUndefined();
  });
});
