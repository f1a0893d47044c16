import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { testDialects } from '../../../test/db';

describe.each(testDialects())('accounts and HTTP conventions [%s]', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('GET /api/health answers ok', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('X-8 serves the OpenAPI description of every route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/v1/auth/login', '/api/v1/matters', '/api/v1/matters/{id}/events/{event}', '/api/v1/inbox/todo', '/api/v1/organs', '/api/v1/audit']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });

  it('logs in with a session cookie that is HttpOnly and SameSite, and sends security headers', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'office', password: 'xietiao-demo' } });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'xt_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.json()).toMatchObject({ username: 'office', roles: expect.arrayContaining(['office_director']) });
  });

  it('refuses a wrong password in Chinese, and unknown users the same way', async () => {
    for (const username of ['clerk', 'nobody']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'wrong-password' } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toBe('用户名或密码错误');
    }
  });

  it('throttles repeated failed logins for one username', async () => {
    const attempt = (password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'reviewer', password } });
    for (let i = 0; i < 5; i++) expect((await attempt('bad-one')).statusCode).toBe(401);
    const locked = await attempt('xietiao-demo');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toContain('登录失败次数过多');
  });

  it('requires a session for the API and the CSRF token for unsafe methods', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/matters' })).statusCode).toBe(401);
    const office = await t.login('office');
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'office', password: 'xietiao-demo' } });
    const cookie = `xt_session=${login.cookies.find((c) => c.name === 'xt_session')!.value}`;
    const noToken = await t.app.inject({ method: 'POST', url: '/api/v1/matters', headers: { cookie }, payload: { kind: 'coordination', title: '无令牌' } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf_failed');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/matters',
      headers: { cookie, 'x-csrf-token': office.csrfToken },
      payload: { kind: 'coordination', title: '他人令牌' },
    });
    expect(wrong.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/matters', headers: { cookie } })).statusCode).toBe(200);
  });

  it('logs out (the session stops working) and changes passwords with validation', async () => {
    const agent = await t.login('clerk');
    const weak = await agent.post('/api/v1/auth/password', { oldPassword: 'xietiao-demo', newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.path).toBe('body.newPassword');
    const wrongOld = await agent.post('/api/v1/auth/password', { oldPassword: 'not-it', newPassword: 'Newpassword2026' });
    expect(wrongOld.statusCode).toBe(400);
    expect(wrongOld.json().error.path).toBe('body.oldPassword');
    expect((await agent.post('/api/v1/auth/password', { oldPassword: 'xietiao-demo', newPassword: 'Newpassword2026' })).statusCode).toBe(200);
    const again = await t.login('clerk', 'Newpassword2026');
    expect((await again.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await again.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('answers an unknown API route with the one error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'not_found' });
  });

  it('X-2 computes a deadline in working days over the API', async () => {
    const agent = await t.login('office');
    const res = await agent.get('/api/v1/calendar/deadline?start=2026-09-30&workingDays=3');
    expect(res.json()).toEqual({ date: '2026-10-10', warning: null });
    const days = (await agent.get('/api/v1/calendar/days?from=2026-10-09&to=2026-10-11')).json().items;
    expect(days.map((d: { label: string }) => d.label)).toEqual(['工作日', '调休上班', '周末']);
    const bad = await agent.get('/api/v1/calendar/days?from=2026-13-01&to=2026-10-11');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.path).toBe('query.from');
  });
});
