import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../test/app';
import { testDialects } from '../../../test/db';
import { department, expectError, person, type PersonJson } from './fixtures';

describe.each(testDialects())('people, roles and leaders [%s]', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  let secadmin: Agent;
  let liaison: Agent;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    secadmin = await t.login('secadmin');
    liaison = await t.login('liaison');
  });
  afterAll(async () => t?.close());

  const items = async (a: Agent, url: string) => {
    const res = await a.get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as PersonJson[];
  };

  it('ORG-3 lists people with roles, filtered by text, department and role', async () => {
    const edu = await department(liaison, '市教育局');
    const inEdu = await items(liaison, `/api/v1/people?departmentId=${edu.id}`);
    expect(inEdu.map((p) => p.username).sort()).toEqual(['drafter', 'liaison']);
    const reviewers = await items(liaison, '/api/v1/people?role=reviewer');
    expect(reviewers.map((p) => p.username)).toEqual(['reviewer']);
    const found = await items(liaison, `/api/v1/people?q=${encodeURIComponent('张国')}`);
    expect(found.map((p) => p.username)).toEqual(['leader']);
    expect(found[0].leader).toMatchObject({ post: '市长', principal: true, line: 'first' });
    expectError(await liaison.get('/api/v1/people?role=king'), 400, 'query.role');
  });

  it('ORG-3 GET /leaders: first-line before second-line, the principal first, then by precedence, with rank and 分管', async () => {
    const leaders = await items(liaison, '/api/v1/leaders');
    expect(leaders.length).toBeGreaterThanOrEqual(8);
    expect(leaders[0]).toMatchObject({ username: 'leader', leader: { principal: true, rank: '正厅级', precedence: 1 } });
    const lines = leaders.map((l) => l.leader!.line);
    expect(lines.indexOf('second')).toBeGreaterThan(lines.lastIndexOf('first'));
    expect(lines.filter((l) => l === 'second').length).toBeGreaterThanOrEqual(2);
    const first = leaders.filter((l) => l.leader!.line === 'first').map((l) => l.leader!.precedence);
    expect(first).toEqual([...first].sort((a, b) => a - b));
    const deputy = leaders.find((l) => l.username === 'deputy')!;
    expect(deputy.leader!.charges.map((c) => c.departmentName)).toEqual(expect.arrayContaining(['市发展和改革委员会', '市财政局']));
    expect(deputy.leader!.secretaryId).toBe((await person(liaison, 'secretary2')).id);
    const second = await items(liaison, '/api/v1/leaders?line=second');
    expect(second.every((l) => l.leader!.line === 'second')).toBe(true);
  });

  it('ORG-3 sysadmin creates a person (must change password at first login); duplicate username 409; unknown department 400', async () => {
    const edu = await department(admin, '市教育局');
    const res = await admin.post('/api/v1/people', {
      username: 'jyj.drafter2',
      name: '杨帆',
      title: '市教育局基础教育科科员',
      departmentId: edu.id,
      roles: ['drafter'],
      password: 'Initial-pass-2026',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ username: 'jyj.drafter2', roles: ['drafter'], departmentName: '市教育局', active: true, leader: null, version: 1 });
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'jyj.drafter2', password: 'Initial-pass-2026' } });
    expect(login.json()).toMatchObject({ mustChangePassword: true, feedToken: expect.any(String) });

    const dup = expectError(
      await admin.post('/api/v1/people', { username: 'jyj.drafter2', name: '另一人', roles: ['drafter'], password: 'Initial-pass-2026' }),
      409,
    );
    expect(dup.message).toContain('jyj.drafter2');
    expectError(
      await admin.post('/api/v1/people', {
        username: 'someone',
        name: '某人',
        departmentId: 'no-such-dept',
        roles: ['drafter'],
        password: 'Initial-pass-2026',
      }),
      400,
      'body.departmentId',
    );
    expectError(
      await admin.post('/api/v1/people', { username: 'Bad Name', name: '某人', roles: ['drafter'], password: 'Initial-pass-2026' }),
      400,
      'body.username',
    );
    expectError(await admin.post('/api/v1/people', { username: 'someone', name: '某人', roles: [], password: 'Initial-pass-2026' }), 400, 'body.roles');

    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action'])
      .where('entity_id', '=', res.json().id)
      .where('action', 'like', 'org.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['org.person.created']);
  });

  it('ORG-3 三员分立: an administrator role cannot be combined with a workflow role or another administrator role', async () => {
    const e = expectError(
      await admin.post('/api/v1/people', { username: 'mixed', name: '某人', roles: ['sysadmin', 'office_staff'], password: 'Initial-pass-2026' }),
      400,
      'body.roles',
    );
    expect(e.message).toContain('三员分立');
    const clerk = await person(secadmin, 'clerk');
    expectError(await secadmin.put(`/api/v1/people/${clerk.id}/roles`, { roles: ['clerk', 'auditor'], version: clerk.version }), 400, 'body.roles');
    expectError(await secadmin.put(`/api/v1/people/${clerk.id}/roles`, { roles: ['secadmin', 'auditor'], version: clerk.version }), 400, 'body.roles');
  });

  it('ORG-3 only the security administrator assigns roles; only the system administrator creates people; a liaison gets 403', async () => {
    const staff = await person(admin, 'staff');
    const bySys = expectError(await admin.put(`/api/v1/people/${staff.id}/roles`, { roles: ['office_staff', 'reviewer'], version: staff.version }), 403);
    expect(bySys.message).toContain('安全保密管理员');
    expectError(await liaison.put(`/api/v1/people/${staff.id}/roles`, { roles: ['office_staff'], version: staff.version }), 403);
    const bySec = expectError(
      await secadmin.post('/api/v1/people', { username: 'newone', name: '某人', roles: ['drafter'], password: 'Initial-pass-2026' }),
      403,
    );
    expect(bySec.message).toContain('系统管理员');
    expectError(await liaison.post('/api/v1/people', { username: 'newone', name: '某人', roles: ['drafter'], password: 'Initial-pass-2026' }), 403);
    expectError(await liaison.patch(`/api/v1/people/${staff.id}`, { title: '改', version: staff.version }), 403);

    const ok = await secadmin.put(`/api/v1/people/${staff.id}/roles`, { roles: ['office_staff', 'reviewer'], version: staff.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ roles: ['office_staff', 'reviewer'], version: staff.version + 1 });
    expectError(await secadmin.put(`/api/v1/people/${staff.id}/roles`, { roles: ['office_staff'], version: staff.version }), 409);
    expectError(await secadmin.put(`/api/v1/people/${secadmin.userId}/roles`, { roles: ['secadmin'], version: 1 }), 422);
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['detail'])
      .where('action', '=', 'org.person.roles_changed')
      .where('entity_id', '=', staff.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toEqual({ before: { roles: ['office_staff'] }, after: { roles: ['office_staff', 'reviewer'] } });
  });

  it('ORG-3 deactivating a person ends their sessions; resetting a password (secadmin) too', async () => {
    const clerkAgent = await t.login('clerk');
    expect((await clerkAgent.get('/api/v1/auth/me')).statusCode).toBe(200);
    const clerk = await person(admin, 'clerk');
    const off = await admin.post(`/api/v1/people/${clerk.id}/deactivate`, { version: clerk.version });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().active).toBe(false);
    expectError(await clerkAgent.get('/api/v1/auth/me'), 401);
    expect((await items(admin, '/api/v1/people?role=clerk')).length).toBe(0);
    const on = await admin.post(`/api/v1/people/${clerk.id}/activate`, { version: off.json().version });
    expect(on.json().active).toBe(true);
    expectError(await admin.post(`/api/v1/people/${admin.userId}/deactivate`, { version: 1 }), 422);

    const reviewerAgent = await t.login('reviewer');
    const reviewer = await person(admin, 'reviewer');
    expectError(await admin.post(`/api/v1/people/${reviewer.id}/password`, { password: 'Another-pass-2026' }), 403);
    const reset = await secadmin.post(`/api/v1/people/${reviewer.id}/password`, { password: 'Another-pass-2026' });
    expect(reset.statusCode, reset.body).toBe(200);
    expectError(await reviewerAgent.get('/api/v1/auth/me'), 401);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'reviewer', password: 'Another-pass-2026' } });
    expect(again.json()).toMatchObject({ mustChangePassword: true });
  });

  it('ORG-3 sysadmin edits a person with optimistic concurrency', async () => {
    const p = await person(admin, 'czj.drafter');
    const fin = await department(admin, '市财政局');
    const res = await admin.patch(`/api/v1/people/${p.id}`, { title: '市财政局预算科副科长', version: p.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: '市财政局预算科副科长', departmentId: fin.id, version: p.version + 1 });
    expectError(await admin.patch(`/api/v1/people/${p.id}`, { title: '旧版本', version: p.version }), 409);
    expectError(await admin.patch(`/api/v1/people/${p.id}`, { departmentId: 'nope', version: p.version + 1 }), 400, 'body.departmentId');
  });

  it('ORG-3 leader profile: rank, precedence, line, principal, secretary and 分管 departments', async () => {
    const fresh = await admin.post('/api/v1/people', { username: 'newleader', name: '钱正', roles: ['office_staff'], password: 'Initial-pass-2026' });
    const p = fresh.json() as PersonJson;
    const housing = await department(admin, '市住房和城乡建设局');
    const health = await department(admin, '市卫生健康委员会');
    const secretary1 = await person(admin, 'secretary1');
    const body = {
      post: '副市长',
      rank: '副厅级',
      rankOrder: 6,
      precedence: 8,
      line: 'first',
      principal: false,
      secretaryId: secretary1.id,
      charges: [{ area: '住房和城乡建设', departmentId: housing.id }, { area: '卫生健康', departmentId: health.id }, { area: '城市管理' }],
    };
    const noRole = expectError(await admin.put(`/api/v1/people/${p.id}/leader`, body), 422);
    expect(noRole.message).toContain('领导');
    const granted = await secadmin.put(`/api/v1/people/${p.id}/roles`, { roles: ['leader'], version: p.version });
    expect(granted.statusCode, granted.body).toBe(200);

    expectError(
      await admin.put(`/api/v1/people/${p.id}/leader`, { ...body, charges: [body.charges[0], { area: '某', departmentId: 'no-such-dept' }] }),
      400,
      'body.charges[1].departmentId',
    );
    expectError(await admin.put(`/api/v1/people/${p.id}/leader`, { ...body, secretaryId: 'nobody' }), 400, 'body.secretaryId');
    expectError(await admin.put(`/api/v1/people/${p.id}/leader`, { ...body, line: 'third' }), 400, 'body.line');
    const twoHeads = expectError(await admin.put(`/api/v1/people/${p.id}/leader`, { ...body, principal: true }), 422);
    expect(twoHeads.message).toContain('张国华');
    expectError(await secadmin.put(`/api/v1/people/${p.id}/leader`, body), 403);

    const set = await admin.put(`/api/v1/people/${p.id}/leader`, body);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().leader).toEqual({
      post: '副市长',
      rank: '副厅级',
      rankOrder: 6,
      precedence: 8,
      line: 'first',
      principal: false,
      secretaryId: secretary1.id,
      charges: [
        { area: '住房和城乡建设', departmentId: housing.id, departmentName: '市住房和城乡建设局' },
        { area: '卫生健康', departmentId: health.id, departmentName: '市卫生健康委员会' },
        { area: '城市管理', departmentId: null, departmentName: null },
      ],
    });
    const leaders = await items(liaison, '/api/v1/leaders');
    const order = leaders.map((l) => l.username);
    expect(order.indexOf('newleader')).toBeGreaterThan(order.indexOf('sunlx'));
    expect(order.indexOf('newleader')).toBeLessThan(order.indexOf('wugp'));
    expect((await department(liaison, '市卫生健康委员会')).leaders.map((l) => l.name)).toContain('钱正');

    // moved to the second line
    const moved = await admin.put(`/api/v1/people/${p.id}/leader`, { ...body, line: 'second', precedence: 30, charges: [] });
    expect(moved.json().leader).toMatchObject({ line: 'second', charges: [] });
    expect((await items(liaison, '/api/v1/leaders')).at(-1)!.username).toBe('newleader');

    const removed = await admin.delete(`/api/v1/people/${p.id}/leader`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().leader).toBeNull();
    expect((await items(liaison, '/api/v1/leaders')).some((l) => l.username === 'newleader')).toBe(false);
    const actions = await t.ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'leader')
      .where('entity_id', '=', p.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['org.leader.created', 'org.leader.updated', 'org.leader.removed']);
  });
});
