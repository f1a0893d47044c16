import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../test/app';
import { testDialects } from '../../../test/db';
import { department, expectError, type DepartmentJson } from './fixtures';

describe.each(testDialects())('departments [%s]', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  let liaison: Agent;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    liaison = await t.login('liaison');
  });
  afterAll(async () => t?.close());

  it('ORG-2 lists departments with their functions, liaisons and leaders in charge', async () => {
    const res = await liaison.get('/api/v1/departments');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as DepartmentJson[];
    expect(items.length).toBeGreaterThanOrEqual(8);
    const edu = items.find((d) => d.name === '市教育局')!;
    expect(edu.functions.length).toBeGreaterThanOrEqual(3);
    expect(edu.liaisons.map((l) => l.name)).toContain('周晓梅');
    expect(edu.leaders).toEqual([expect.objectContaining({ name: '王芳', post: '副市长' })]);
    expect(items.find((d) => d.name === '市财政局')!.leaders.map((l) => l.name)).toContain('李卫东');
  });

  it('ORG-2 sysadmin creates and edits a department with functions; each write is audited', async () => {
    const created = await admin.post('/api/v1/departments', {
      name: '市审计局',
      shortName: '市审计局',
      functions: ['对市级预算执行情况进行审计监督', '负责经济责任审计'],
      sort: 200,
    });
    expect(created.statusCode, created.body).toBe(200);
    const d = created.json();
    expect(d).toMatchObject({
      name: '市审计局',
      functions: ['对市级预算执行情况进行审计监督', '负责经济责任审计'],
      version: 1,
      active: true,
      liaisons: [],
      leaders: [],
    });

    const patched = await admin.patch(`/api/v1/departments/${d.id}`, { functions: [...d.functions, '负责政府投资项目审计'], version: 1 });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ functions: [...d.functions, '负责政府投资项目审计'], sort: 200, version: 2 });
    // a patch without functions keeps them (the contract's defaults do not reset them)
    const renamed = await admin.patch(`/api/v1/departments/${d.id}`, { shortName: '审计局', version: 2 });
    expect(renamed.json()).toMatchObject({ shortName: '审计局', functions: [...d.functions, '负责政府投资项目审计'], sort: 200, version: 3 });

    const audit = await t.ctx.db.selectFrom('audit_events').select(['action', 'detail']).where('entity_id', '=', d.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['org.department.created', 'org.department.updated', 'org.department.updated']);
    expect(JSON.parse(audit[1].detail!)).toEqual({ before: { functions: d.functions }, after: { functions: [...d.functions, '负责政府投资项目审计'] } });

    const off = await admin.post(`/api/v1/departments/${d.id}/deactivate`, { version: 3 });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().active).toBe(false);
    const list = (await admin.get('/api/v1/departments')).json().items as DepartmentJson[];
    expect(list.some((x) => x.id === d.id)).toBe(false);
  });

  it('ORG-2 validation: 400 naming the field; a duplicate name is 409; a department with people cannot be deactivated', async () => {
    expectError(await admin.post('/api/v1/departments', { name: '  ', functions: [] }), 400, 'body.name');
    expectError(await admin.post('/api/v1/departments', { name: '市统计局', functions: ['统计调查', ''] }), 400, 'body.functions[1]');
    expectError(await admin.post('/api/v1/departments', { name: '市统计局', sort: -1 }), 400, 'body.sort');
    const dup = expectError(await admin.post('/api/v1/departments', { name: '市财政局' }), 409);
    expect(dup.message).toContain('已存在');
    const edu = await department(admin, '市教育局');
    expectError(await admin.patch(`/api/v1/departments/${edu.id}`, { name: '市财政局', version: edu.version }), 409);
    expectError(await admin.patch(`/api/v1/departments/${edu.id}`, { functions: 'not a list', version: edu.version }), 400, 'body.functions');
    expectError(await admin.patch(`/api/v1/departments/${edu.id}`, { name: '新名称' }), 400, 'body.version');
    expectError(await admin.patch('/api/v1/departments/no-such-id', { name: '新名称', version: 1 }), 404);
    const busy = expectError(await admin.post(`/api/v1/departments/${edu.id}/deactivate`, { version: edu.version }), 422);
    expect(busy.message).toContain('在岗人员');
  });

  it('ORG-2 only the system administrator writes departments; a liaison gets 403', async () => {
    const edu = await department(liaison, '市教育局');
    const e = expectError(await liaison.patch(`/api/v1/departments/${edu.id}`, { functions: ['改职责'], version: edu.version }), 403);
    expect(e.message).toContain('系统管理员');
    expectError(await liaison.post('/api/v1/departments', { name: '市统计局' }), 403);
  });

  it('ORG-2 two PATCHes of one department with the same version: exactly one 200, one 409', async () => {
    const fin = await department(admin, '市财政局');
    const [a, b] = await Promise.all([
      admin.patch(`/api/v1/departments/${fin.id}`, { functions: [...fin.functions, '甲'], version: fin.version }),
      admin.patch(`/api/v1/departments/${fin.id}`, { functions: [...fin.functions, '乙'], version: fin.version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? a : b;
    const loser = a.statusCode === 200 ? b : a;
    expect(loser.json().error.code).toBe('stale_version');
    const now = await department(admin, '市财政局');
    expect(now.version).toBe(fin.version + 1);
    expect(now.functions).toEqual(winner.json().functions);
  });
});
