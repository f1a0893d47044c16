/**
 * X-4 No work for requests that will be refused: a route that needs a session answers 401 in
 * `onRequest`, before the body is read; every route has the body limit it needs (64 KB unless
 * it takes documents or files), and a body over it is 413 with a Chinese message.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteOptions } from 'fastify';
import { api } from '@xietiao/domain';
import { BODY_LIMITS, DEFAULT_BODY_LIMIT } from '../../../app';
import { createTestApp, type Agent, type TestApp } from '../../../test/app';
import { testDialects } from '../../../test/db';

const UPLOAD_BYTES = 12_600_000;

/** A JSON upload of `total` bytes, produced as it is read; `pulled` says how much the server took. */
function uploadStream(total: number) {
  const head = Buffer.from('{"filename":"大文件.bin","mime":"application/octet-stream","contentBase64":"');
  const tail = Buffer.from('"}');
  const chunk = Buffer.alloc(64 * 1024, 'A');
  const state = { pulled: 0 };
  let sent = 0;
  const stream = new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      let part: Buffer;
      if (sent === 0) part = head;
      else if (total - sent <= tail.length) part = tail.subarray(0, total - sent);
      else part = chunk.subarray(0, Math.min(chunk.length, total - sent - tail.length));
      sent += part.length;
      state.pulled = sent;
      this.push(part);
    },
  });
  return { stream, state };
}

describe.each(testDialects())('X-4 request limits [%s]', (dialect) => {
  let t: TestApp;
  let office: Agent;
  let matterId: string;
  const routes: string[] = [];
  beforeAll(async () => {
    t = await createTestApp(dialect, {
      onRoute: (r: RouteOptions) => {
        for (const m of [r.method].flat()) routes.push(`${m} ${r.url}`);
      },
    });
    office = await t.login('office');
    const m = await office.post('/api/v1/matters', { kind: 'coordination', title: '附件上限测试' });
    matterId = m.json().id;
  });
  afterAll(async () => t?.close());

  it('X-4 refuses an unauthenticated 12.6 MB upload with 401 before reading its body', async () => {
    const { stream, state } = uploadStream(UPLOAD_BYTES);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/matters/${matterId}/attachments`,
      headers: { 'content-type': 'application/json', 'content-length': String(UPLOAD_BYTES) },
      payload: stream,
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'unauthorized', message: '请先登录' });
    // the server answered having taken at most what the stream buffers ahead, not the body
    expect(state.pulled).toBeLessThan(UPLOAD_BYTES / 10);
    stream.destroy();
  });

  it('X-4 50 concurrent unauthenticated uploads are refused without their bodies being read', async () => {
    const uploads = Array.from({ length: 50 }, () => uploadStream(UPLOAD_BYTES));
    const res = await Promise.all(
      uploads.map(({ stream }) =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/matters/${matterId}/attachments`,
          headers: { 'content-type': 'application/json', 'content-length': String(UPLOAD_BYTES) },
          payload: stream,
        }),
      ),
    );
    expect(res.every((r) => r.statusCode === 401)).toBe(true);
    const pulled = uploads.reduce((n, u) => n + u.state.pulled, 0);
    expect(pulled).toBeLessThan(UPLOAD_BYTES);
    for (const u of uploads) u.stream.destroy();
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('X-4 a JSON body over 64 KB on an ordinary route is 413 with a Chinese message', async () => {
    const res = await office.post('/api/v1/matters', { kind: 'coordination', title: '过大', description: '字'.repeat(30_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
    expect(res.json().error.message).toBe('请求体过大：此接口最多接受64KB，请精简内容后重试');
    // nothing was created
    const titles = (await office.get('/api/v1/matters?pageSize=100')).json().items.map((m: { title: string }) => m.title);
    expect(titles).not.toContain('过大');
    // an unauthenticated one is 401 first: nobody is told about limits before logging in
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/matters', payload: { kind: 'coordination', title: 'x'.repeat(100_000) } });
    expect(anon.statusCode).toBe(401);
  });

  it('X-4 the attachment upload takes a file of the full 10 MB, and no more', async () => {
    const content = Buffer.alloc(api.MAX_ATTACHMENT_BYTES, 'a');
    const ok = await office.post(`/api/v1/matters/${matterId}/attachments`, {
      filename: '十兆.txt',
      mime: 'text/plain',
      contentBase64: content.toString('base64'),
    });
    expect(ok.statusCode, ok.body.slice(0, 300)).toBe(200);
    const over = await office.post(`/api/v1/matters/${matterId}/attachments`, {
      filename: '太大.txt',
      mime: 'text/plain',
      contentBase64: Buffer.alloc(api.MAX_ATTACHMENT_BYTES + 100_000, 'a').toString('base64'),
    });
    expect(over.statusCode).toBe(413);
    expect(over.json().error.message).toContain('13.4MB');
  }, 60_000);

  it('X-4 every route with a larger body limit exists, and the default is 64 KB', () => {
    expect(DEFAULT_BODY_LIMIT).toBe(64 * 1024);
    for (const key of Object.keys(BODY_LIMITS)) expect(routes).toContain(key);
  });

  it('X-4 only login and logout answer without a session', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' })).statusCode).toBe(404);
  });
});
