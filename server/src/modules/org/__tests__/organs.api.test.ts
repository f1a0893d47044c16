import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../test/app';
import { testDialects } from '../../../test/db';
import { expectError, organ, organs } from './fixtures';

describe.each(testDialects())('organs [%s]', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  let liaison: Agent;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    liaison = await t.login('liaison');
  });
  afterAll(async () => t?.close());

  const relation = async (a: string, b: string) => {
    const [x, y] = [await organ(liaison, a), await organ(liaison, b)];
    const res = await liaison.get(`/api/v1/organs/${x.id}/relation/${y.id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { from: string; to: string; relation: string; label: string };
  };

  it('ORG-1 lists organs in a hierarchy with this organ marked, to any logged-in user', async () => {
    const list = await organs(liaison);
    const self = list.filter((o) => o.isSelf);
    expect(self.map((o) => o.name)).toEqual(['某市人民政府']);
    const city = self[0];
    const county = list.find((o) => o.name === '甲县人民政府')!;
    expect(county.superiorIds).toEqual([city.id]);
    expect(list.find((o) => o.name === '某市人民政府办公室')!.parentId).toBe(city.id);
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/organs' });
    expectError(anon, 401);
  });

  it('ORG-1 relation: township → city is 上级, city → township 下级, county ↔ county 平级, 市委 ↔ 市政府 平级', async () => {
    expect(await relation('甲县某镇人民政府', '某市人民政府')).toMatchObject({ relation: 'superior', label: '上级' });
    expect(await relation('某市人民政府', '甲县某镇人民政府')).toMatchObject({ relation: 'subordinate', label: '下级' });
    expect(await relation('甲县某镇人民政府', '甲县人民政府')).toMatchObject({ relation: 'superior', label: '上级' });
    expect(await relation('甲县人民政府', '乙县人民政府')).toMatchObject({ relation: 'peer', label: '平级' });
    expect(await relation('中共某市委员会', '某市人民政府')).toMatchObject({ relation: 'peer', label: '平级' });
    expect(await relation('某市教育局', '某市人民政府')).toMatchObject({ relation: 'superior', label: '上级' });
    expect(await relation('某市教育局', '某市财政局')).toMatchObject({ relation: 'peer', label: '平级' });
    expect(await relation('某市财政局', '甲县人民政府')).toMatchObject({ relation: 'unrelated', label: '不相隶属' });
    expect(await relation('某省教育厅', '某市人民政府')).toMatchObject({ relation: 'unrelated', label: '不相隶属' });
    expect(await relation('某市人民政府', '某市人民政府')).toMatchObject({ relation: 'self', label: '本机关' });
    const city = await organ(liaison, '某市人民政府');
    expectError(await liaison.get(`/api/v1/organs/${city.id}/relation/no-such-organ`), 404);
  });

  it('ORG-1 sysadmin creates, edits and deactivates an organ; each write is audited with before/after', async () => {
    const city = await organ(admin, '某市人民政府');
    const created = await admin.post('/api/v1/organs', { name: '丙县人民政府', kind: '政府', level: 4, superiorIds: [city.id], docCode: '丙政' });
    expect(created.statusCode, created.body).toBe(200);
    const c = created.json();
    expect(c).toMatchObject({ name: '丙县人民政府', level: 4, superiorIds: [city.id], isSelf: false, active: true, version: 1, docCode: '丙政' });
    expect(await relation('丙县人民政府', '乙县人民政府')).toMatchObject({ relation: 'peer' });

    const renamed = await admin.patch(`/api/v1/organs/${c.id}`, { name: '丙县人民政府（更名）', version: 1 });
    expect(renamed.statusCode, renamed.body).toBe(200);
    // superiors were not in the patch: they are kept, not reset
    expect(renamed.json()).toMatchObject({ name: '丙县人民政府（更名）', superiorIds: [city.id], version: 2 });
    expectError(await admin.patch(`/api/v1/organs/${c.id}`, { name: '过期版本', version: 1 }), 409);

    const audit = await t.ctx.db.selectFrom('audit_events').select(['action', 'detail', 'actor_id']).where('entity_id', '=', c.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['org.organ.created', 'org.organ.updated']);
    expect(JSON.parse(audit[1].detail!)).toEqual({ before: { name: '丙县人民政府' }, after: { name: '丙县人民政府（更名）' } });
    expect(audit[1].actor_id).toBe(admin.userId);

    const gone = await admin.post(`/api/v1/organs/${c.id}/deactivate`, { version: 2 });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json()).toMatchObject({ active: false, version: 3 });
    expect((await organs(admin)).some((o) => o.id === c.id)).toBe(false);
    const all = await admin.get('/api/v1/organs?includeInactive=1');
    expect((all.json().items as { id: string }[]).some((o) => o.id === c.id)).toBe(true);
  });

  it('ORG-1 refuses unknown references naming the field, a superior cycle, and deactivating an organ that leads others', async () => {
    const city = await organ(admin, '某市人民政府');
    const county = await organ(admin, '甲县人民政府');
    const town = await organ(admin, '甲县某镇人民政府');

    const e1 = expectError(
      await admin.post('/api/v1/organs', { name: '某机关', kind: '政府', level: 4, superiorIds: [city.id, 'no-such-organ'] }),
      400,
      'body.superiorIds[1]',
    );
    expect(e1.message).toContain('no-such-organ');
    expectError(await admin.post('/api/v1/organs', { name: '某机关', kind: '部门', level: 4, parentId: 'no-such-organ' }), 400, 'body.parentId');
    expectError(await admin.post('/api/v1/organs', { name: '某机关', kind: '政府', level: 4, superiorIds: [city.id, city.id] }), 400, 'body.superiorIds[1]');
    expectError(await admin.post('/api/v1/organs', { name: '某机关', kind: '星球', level: 4 }), 400, 'body.kind');
    expectError(await admin.post('/api/v1/organs', { name: '某机关', kind: '政府', level: 9 }), 400, 'body.level');

    // the city cannot take its own township as a superior: 市 → 县 → 镇 → 市
    const cycle = expectError(
      await admin.patch(`/api/v1/organs/${city.id}`, { superiorIds: [...city.superiorIds, town.id], version: city.version }),
      400,
      'body.superiorIds[1]',
    );
    expect(cycle.message).toContain('循环');
    expect(cycle.message).toContain('甲县某镇人民政府');
    expectError(await admin.patch(`/api/v1/organs/${county.id}`, { superiorIds: [county.id], version: county.version }), 400, 'body.superiorIds[0]');
    // nothing changed
    expect((await organ(admin, '某市人民政府')).version).toBe(city.version);

    const refused = expectError(await admin.post(`/api/v1/organs/${county.id}/deactivate`, { version: county.version }), 422);
    expect(refused.message).toContain('甲县某镇人民政府');
    expectError(await admin.post(`/api/v1/organs/${city.id}/deactivate`, { version: city.version }), 422);
  });

  it('ORG-1 only the system administrator writes organs (403 in Chinese)', async () => {
    const e = expectError(await liaison.post('/api/v1/organs', { name: '某机关', kind: '政府', level: 4 }), 403);
    expect(e.message).toContain('系统管理员');
    const office = await t.login('office');
    expectError(await office.post('/api/v1/organs', { name: '某机关', kind: '政府', level: 4 }), 403);
    const secadmin = await t.login('secadmin');
    const county = await organ(secadmin, '乙县人民政府');
    expectError(await secadmin.patch(`/api/v1/organs/${county.id}`, { name: 'x', version: county.version }), 403);
  });
});
