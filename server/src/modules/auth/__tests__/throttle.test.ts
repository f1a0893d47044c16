/**
 * X-4 / 等保 login rules: failed logins are limited without letting anyone lock others out. The
 * (user, address) pair is slowed down with a doubling delay; the account locks only after 20
 * failures from anywhere (the user and the security administrators are told, and the security
 * administrator may unlock it); counting is atomic, so a burst of guesses reaches the password
 * check at most as often as the limit says; `req.ip` believes X-Forwarded-For from trusted proxies only.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp, parseTrustProxy, type ZodApp } from '../../../app';
import { ManualClock } from '../../../platform/clock';
import { verifyPassword } from '../../../platform/auth/password';
import { ACCOUNT_RULE, PAIR_RULE } from '../../../platform/auth/throttle';
import { seedDemo, DEMO_PASSWORD } from '../../../seed/demo';
import { createTestApp, type TestApp } from '../../../test/app';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../test/db';

// Count how many attempts reach the password check.
vi.mock('../../../platform/auth/password', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../platform/auth/password')>();
  return { ...m, verifyPassword: vi.fn(m.verifyPassword) };
});
const checks = () => vi.mocked(verifyPassword).mock.calls.length;

describe.each(testDialects())('X-4 login throttling [%s]', (dialect) => {
  let t: TestApp;
  let clock: ManualClock;
  beforeAll(async () => {
    clock = new ManualClock('2026-11-27T01:00:00Z');
    t = await createTestApp(dialect, { clock });
  });
  afterAll(async () => t?.close());
  beforeEach(() => {
    vi.mocked(verifyPassword).mockClear();
  });

  const login = (username: string, password: string, remoteAddress = '192.0.2.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { username, password } });
  const userId = async (username: string) => (await t.ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const audit = (action: string) => t.ctx.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq').execute();

  it('X-4 1,000 parallel wrong logins for one user from one address reach the password check at most 5 times', async () => {
    const res = await Promise.all(Array.from({ length: 1000 }, () => login('reviewer', 'wrong-password', '198.51.100.7')));
    expect(checks()).toBeGreaterThan(0);
    expect(checks()).toBeLessThanOrEqual(PAIR_RULE.limit);
    const statuses = res.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBe(checks());
    expect(statuses.filter((s) => s === 429).length).toBe(1000 - checks());
    // every failure that was checked is audited; the refusals are not password checks
    const failed = (await audit('auth.login_failed')).filter((a) => a.detail?.includes('198.51.100.7'));
    expect(failed.length).toBe(checks());
    // and every refusal before the check is on record too, as a throttled login
    const throttled = (await audit('auth.login_throttled')).filter((a) => a.detail?.includes('198.51.100.7'));
    expect(throttled.length).toBe(1000 - checks());
    expect(JSON.parse(throttled[0].detail!)).toMatchObject({ username: 'reviewer', reason: 'throttled' });
    // the right password from that address waits too; from another address it works at once
    expect((await login('reviewer', DEMO_PASSWORD, '198.51.100.7')).statusCode).toBe(429);
    expect((await login('reviewer', DEMO_PASSWORD, '198.51.100.8')).statusCode).toBe(200);
  }, 120_000);

  it('X-4 1,000 parallel wrong logins from 1,000 addresses reach the password check at most 20 times and lock the account once', async () => {
    const id = await userId('clerk');
    const res = await Promise.all(Array.from({ length: 1000 }, (_, i) => login('clerk', 'wrong-password', `10.${(i >> 8) & 255}.${i & 255}.1`)));
    expect(checks()).toBeLessThanOrEqual(ACCOUNT_RULE.limit);
    expect(res.filter((r) => r.statusCode === 401).length).toBe(checks());
    const refused = res.find((r) => r.statusCode === 429)!;
    expect(refused.json().error.message).toMatch(/该账号因多次登录失败已被锁定.*联系安全保密管理员/);
    // locked for everybody now, the right password included
    const locked = await login('clerk', DEMO_PASSWORD, '203.0.113.9');
    expect(locked.statusCode).toBe(429);
    // the lock was audited once, and the user and the security administrators were told once
    const locks = (await audit('auth.account_locked')).filter((a) => a.entity_id === id);
    expect(locks).toHaveLength(1);
    const notes = await t.ctx.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['users.username', 'notifications.title'])
      .where('notifications.kind', '=', 'account_locked')
      .execute();
    expect(notes.map((n) => n.username).sort()).toEqual(['clerk', 'secadmin']);
    expect(notes.find((n) => n.username === 'secadmin')!.title).toContain('clerk');
  }, 120_000);

  it('X-4 throttles the (user, address) pair with a doubling delay, and only that pair', async () => {
    const A = '192.0.2.10';
    const B = '192.0.2.11';
    for (let i = 0; i < PAIR_RULE.limit; i++) expect((await login('staff', 'wrong-password', A)).statusCode).toBe(401);
    const waiting = await login('staff', DEMO_PASSWORD, A);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json().error.message).toContain('登录失败次数过多');
    // the same user from another address, and another user from the same address: not affected
    expect((await login('staff', DEMO_PASSWORD, B)).statusCode).toBe(200);
    expect((await login('drafter', DEMO_PASSWORD, A)).statusCode).toBe(200);
    // the wait doubles: 30 s after the 5th failure, then 60 s after the 6th
    clock.advance(30_000);
    expect((await login('staff', 'wrong-password', A)).statusCode).toBe(401);
    clock.advance(30_000);
    expect((await login('staff', DEMO_PASSWORD, A)).statusCode).toBe(429);
    clock.advance(30_000);
    expect((await login('staff', DEMO_PASSWORD, A)).statusCode).toBe(200);
    // a success starts the pair again
    expect((await login('staff', 'wrong-password', A)).statusCode).toBe(401);
    expect((await login('staff', DEMO_PASSWORD, A)).statusCode).toBe(200);
  });

  it('X-4 a burst of failures from one address (everybody behind a proxy) locks no other user', async () => {
    const PROXY = '192.0.2.50';
    // 30 different names, one wrong guess each (a password spray, or 30 colleagues mistyping)
    for (let i = 0; i < 30; i++) expect((await login(`nobody${i}`, 'wrong-password', PROXY)).statusCode).toBe(401);
    expect((await login('secretary1', DEMO_PASSWORD, PROXY)).statusCode).toBe(200);
  });

  it('X-4 audits every failed login: a known user with the user as actor, an unknown name with no actor', async () => {
    const before = (await audit('auth.login_failed')).length;
    expect((await login('secretary2', 'wrong-password', '192.0.2.60')).statusCode).toBe(401);
    expect((await login('no.such.person', 'wrong-password', '192.0.2.60')).statusCode).toBe(401);
    const rows = (await audit('auth.login_failed')).slice(before);
    expect(rows).toHaveLength(2);
    expect(rows[0].actor_id).toBe(await userId('secretary2'));
    expect(JSON.parse(rows[0].detail!)).toMatchObject({ username: 'secretary2', ip: '192.0.2.60', reason: 'wrong_password' });
    expect(rows[1].actor_id).toBeNull();
    expect(JSON.parse(rows[1].detail!)).toMatchObject({ username: 'no.such.person', ip: '192.0.2.60', reason: 'unknown_user' });
  });

  it('X-4 the security administrator unlocks a locked account (audited); nobody else may', async () => {
    const id = await userId('clerk'); // locked by the burst above
    expect((await login('clerk', DEMO_PASSWORD, '203.0.113.20')).statusCode).toBe(429);
    const office = await t.login('office');
    const refused = await office.post(`/api/v1/people/${id}/unlock`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('安全保密管理员');
    const secadmin = await t.login('secadmin');
    const res = await secadmin.post(`/api/v1/people/${id}/unlock`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, wasLocked: true });
    expect((await login('clerk', DEMO_PASSWORD, '203.0.113.20')).statusCode).toBe(200);
    expect((await secadmin.post(`/api/v1/people/${id}/unlock`)).json()).toEqual({ ok: true, wasLocked: false });
    const rows = (await audit('auth.account_unlocked')).filter((a) => a.entity_id === id);
    expect(rows.map((r) => JSON.parse(r.detail!).wasLocked)).toEqual([true, false]);
    expect(rows[0].actor_id).toBe(secadmin.userId);
    expect((await secadmin.post('/api/v1/people/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/unlock')).statusCode).toBe(404);
  });

  it('X-4 an account lock runs out by itself after 30 minutes', async () => {
    for (let i = 0; i < ACCOUNT_RULE.limit; i++) await login('reviewer', 'wrong-password', `172.16.0.${i + 1}`);
    expect((await login('reviewer', DEMO_PASSWORD, '172.16.1.1')).statusCode).toBe(429);
    clock.advance(ACCOUNT_RULE.lockMs(ACCOUNT_RULE.limit));
    expect((await login('reviewer', DEMO_PASSWORD, '172.16.1.1')).statusCode).toBe(200);
  });
});

describe.each(testDialects())('X-4 trusted proxies [%s]', (dialect) => {
  let tdb: TestDatabase;
  let app: ZodApp;
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    const clock = new ManualClock('2026-11-27T01:00:00Z');
    ({ app } = await buildApp({ database: tdb.database, clock, webDist: null, trustProxy: parseTrustProxy('127.0.0.1, 10.0.0.0/8') }));
    await app.ready();
    await seedDemo({ db: tdb.database.db, clock });
  });
  afterAll(async () => {
    await app?.close();
    await tdb?.cleanup();
  });
  const login = (password: string, headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, headers, payload: { username: 'office', password } });

  it('X-4 throttles the client behind a trusted proxy, not the proxy', async () => {
    const a = { 'x-forwarded-for': '203.0.113.1' };
    for (let i = 0; i < PAIR_RULE.limit; i++) expect((await login('wrong-password', a)).statusCode).toBe(401);
    expect((await login(DEMO_PASSWORD, a)).statusCode).toBe(429);
    // another client through the same proxy is someone else
    expect((await login(DEMO_PASSWORD, { 'x-forwarded-for': '203.0.113.2' })).statusCode).toBe(200);
    const failed = await tdb.database.db.selectFrom('audit_events').select('detail').where('action', '=', 'auth.login_failed').execute();
    expect(failed.every((r) => JSON.parse(r.detail!).ip === '203.0.113.1')).toBe(true);
  });

  it('X-4 does not believe X-Forwarded-For from an address that is not a trusted proxy', async () => {
    // 192.0.2.99 is no proxy of ours: its X-Forwarded-For is ignored, and its pair is its own address
    const spoof = (ip: string) => ({ 'x-forwarded-for': ip });
    for (let i = 0; i < PAIR_RULE.limit; i++) expect((await login('wrong-password', spoof(`198.18.0.${i}`), '192.0.2.99')).statusCode).toBe(401);
    expect((await login(DEMO_PASSWORD, spoof('198.18.1.1'), '192.0.2.99')).statusCode).toBe(429);
    expect(parseTrustProxy(undefined)).toEqual([]);
  });
});
