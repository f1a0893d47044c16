import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../test/app';
import { testDialects } from '../../../test/db';

/** The audit viewer reads names, not ids: the page resolves the ids its rows hold. */
describe.each(testDialects())('audit page names [%s]', (dialect) => {
  let t: TestApp;
  let office: Agent;
  let auditor: Agent;
  let matterId: string;
  let person: { id: string; name: string };
  let dept: { id: string; name: string };
  beforeAll(async () => {
    t = await createTestApp(dialect);
    office = await t.login('office');
    auditor = await t.login('auditor');
    person = await t.ctx.db.selectFrom('users').select(['id', 'name']).where('username', '=', 'leader').executeTakeFirstOrThrow();
    dept = await t.ctx.db.selectFrom('departments').select(['id', 'name']).orderBy('sort').executeTakeFirstOrThrow();
    const m = (await office.post('/api/v1/matters', { kind: 'coordination', title: '审计名称解析测试' })).json();
    matterId = m.id;
    const shared = await office.post(`/api/v1/matters/${m.id}/share`, { userIds: [person.id], departmentIds: [dept.id] });
    expect(shared.statusCode, shared.body).toBe(200);
  });
  afterAll(async () => t?.close());

  it('X-3 a row carries the names of the people and departments its detail names, and its matter’s kind', async () => {
    const res = await auditor.get(`/api/v1/audit?action=matter.shared&matterId=${matterId}`);
    expect(res.statusCode, res.body).toBe(200);
    const [ev] = res.json().items;
    expect(JSON.parse(ev.detail)).toMatchObject({ userIds: [person.id], departmentIds: [dept.id] });
    expect(ev.names).toEqual({ [person.id]: person.name, [dept.id]: dept.name });
    expect(ev.matterKind).toBe('coordination');
  });

  it('X-3 the action filter takes a code with underscores, as a prefix or exactly', async () => {
    const failed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'office', password: 'wrong-password-1' } });
    expect(failed.statusCode).toBe(401);
    const one = (await auditor.get('/api/v1/audit?action=auth.login_failed')).json();
    expect(one.items.length).toBeGreaterThan(0);
    expect(one.items.every((e: { action: string }) => e.action === 'auth.login_failed')).toBe(true);
    const prefix = (await auditor.get('/api/v1/audit?action=auth.login')).json();
    expect(new Set(prefix.items.map((e: { action: string }) => e.action))).toEqual(new Set(['auth.login', 'auth.login_failed']));
    const exact = (await auditor.get('/api/v1/audit?action=auth.login&exact=1')).json();
    expect(new Set(exact.items.map((e: { action: string }) => e.action))).toEqual(new Set(['auth.login']));
  });

  it('X-3 an account row names its user; a row without a matter has no kind', async () => {
    const res = await auditor.get('/api/v1/audit?action=auth.login');
    const ev = res.json().items.find((e: { entityId: string }) => e.entityId === office.userId);
    expect(ev.names[office.userId]).toEqual(expect.any(String));
    expect(ev.matterKind).toBeNull();
  });
});
