import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@xietiao/domain';
import { createTestApp, type TestApp } from '../../../test/app';
import { testDialects } from '../../../test/db';
import { DEMO_LOGINS, seedDemo } from '../../../seed/demo';
import { fromJson } from '../../../platform/json';

describe.each(testDialects())('demo organisation [%s]', (dialect) => {
  let t: TestApp;
  let seedMs = 0;
  beforeAll(async () => {
    t = await createTestApp(dialect, { demo: false });
    const started = performance.now();
    await seedDemo({ db: t.ctx.db, clock: t.clock });
    seedMs = performance.now() - started;
  });
  afterAll(async () => t?.close());

  const rolesOf = async (username: string) =>
    (
      await t.ctx.db
        .selectFrom('user_roles')
        .innerJoin('users', 'users.id', 'user_roles.user_id')
        .select('role')
        .where('username', '=', username)
        .orderBy('role')
        .execute()
    ).map((r) => r.role);

  it('ORG-3 seeds the required accounts with their roles; administrators hold no workflow role', async () => {
    expect(await rolesOf('admin')).toEqual(['sysadmin']);
    expect(await rolesOf('secadmin')).toEqual(['secadmin']);
    expect(await rolesOf('auditor')).toEqual(['auditor']);
    expect(await rolesOf('office')).toEqual(['office_director']);
    expect(await rolesOf('secretary1')).toEqual(['office_staff', 'secretary']);
    expect(await rolesOf('secretary2')).toEqual(['office_staff', 'secretary']);
    expect(await rolesOf('reviewer')).toEqual(['office_staff', 'reviewer']);
    expect(await rolesOf('clerk')).toEqual(['clerk', 'office_staff']);
    expect(await rolesOf('leader')).toEqual(['leader']);
    expect(await rolesOf('deputy')).toEqual(['leader']);
    expect(await rolesOf('liaison')).toEqual(['liaison']);
    expect(await rolesOf('drafter')).toEqual(['drafter']);
    const all = await t.ctx.db.selectFrom('user_roles').select(['user_id', 'role']).execute();
    for (const r of all) expect(ROLES).toContain(r.role);
    for (const login of DEMO_LOGINS) expect((await rolesOf(login.username)).length, login.username).toBeGreaterThan(0);
    // every demo login works with the demo password
    const agent = await t.login('leader');
    expect((await agent.get('/api/v1/auth/me')).json()).toMatchObject({ name: '张国华', isLeader: true, mustChangePassword: false });
  });

  it('ORG-1 ORG-2 seeds this organ (某政) with ≥8 departments, each with functions and a liaison', async () => {
    const self = await t.ctx.db.selectFrom('organs').selectAll().where('is_self', '=', 1).execute();
    expect(self).toHaveLength(1);
    expect(self[0]).toMatchObject({ name: '某市人民政府', doc_code: '某政', level: 3 });
    const depts = await t.ctx.db.selectFrom('departments').selectAll().where('organ_id', '=', self[0].id).execute();
    expect(depts.length).toBeGreaterThanOrEqual(8);
    for (const d of depts) expect(fromJson<string[]>(d.functions, []).length, d.name).toBeGreaterThanOrEqual(3);
    const liaisons = await t.ctx.db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select('users.department_id')
      .where('user_roles.role', '=', 'liaison')
      .execute();
    const withLiaison = new Set(liaisons.map((l) => l.department_id));
    expect(depts.filter((d) => d.name !== '市政府办公室').every((d) => withLiaison.has(d.id))).toBe(true);
  });

  it('ORG-3 seeds ≥8 leaders with one principal, ≥2 second-line, ranks, 分管 and secretaries', async () => {
    const leaders = await t.ctx.db.selectFrom('leaders').selectAll().execute();
    expect(leaders.length).toBeGreaterThanOrEqual(8);
    expect(leaders.filter((l) => l.principal === 1 && l.line === 'first')).toHaveLength(1);
    expect(leaders.filter((l) => l.line === 'second').length).toBeGreaterThanOrEqual(2);
    expect(new Set(leaders.map((l) => l.precedence)).size).toBe(leaders.length);
    expect(leaders.filter((l) => l.secretary_id).length).toBeGreaterThanOrEqual(2);
    const charges = await t.ctx.db.selectFrom('leader_charges').select(['leader_id', 'department_id']).execute();
    for (const l of leaders)
      expect(
        charges.some((c) => c.leader_id === l.user_id),
        l.post,
      ).toBe(true);
    expect(charges.filter((c) => c.department_id).length).toBeGreaterThanOrEqual(8);
  });

  it('ORG-4 seeds a few absences in the coming three weeks, relative to the clock', async () => {
    const now = t.clock.now();
    const rows = await t.ctx.db.selectFrom('absences').selectAll().execute();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const a of rows) {
      expect(a.starts_at > now.toISOString()).toBe(true);
      expect(Date.parse(a.ends_at) - now.getTime()).toBeLessThan(21 * 86_400_000);
    }
  });

  it('ORG-3 the demo seed is one quick transaction with one audit row, and idempotent', async () => {
    expect(seedMs).toBeLessThan(1500);
    const count = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('users')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await seedDemo({ db: t.ctx.db, clock: t.clock });
    expect(await count()).toBe(before);
    const audit = await t.ctx.db.selectFrom('audit_events').select('action').where('action', '=', 'system.demo_seeded').execute();
    expect(audit).toHaveLength(1);
  });
});
