import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../test/app';
import { testDialects } from '../../../test/db';
import { createCalendarCache } from '../calendar.service';

type Res = { statusCode: number; body: string; json(): any };
function expectError(res: Res, status: number, path?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const e = res.json().error;
  expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
  if (path !== undefined) expect(e.path).toBe(path);
  return e as { code: string; message: string; path?: string };
}
const ok = (res: Res) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const NOTICE_2027 = {
  reference: '国务院办公厅关于2027年部分节假日安排的通知',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-06', to: '2027-02-13' },
  ],
  workdays: [
    { date: '2027-02-14', name: '春节' },
    { date: '2027-02-20', name: '春节' },
  ],
};
const WARNING = '2027年的法定节假日尚未录入，期限按普通工作日计算，请核对';

// The test clock stands at 2026-11-27T01:00:00Z: Friday 27 November 2026, 09:00 in China.
describe.each(testDialects())('K-8 holiday calendar administration [%s]', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  let office: Agent;
  let secadmin: Agent;
  let edu: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    office = await t.login('office');
    secadmin = await t.login('secadmin');
    edu = (await t.ctx.db.selectFrom('departments').select('id').where('name', '=', '市教育局').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t?.close());

  const deadline = async (start: string, n: number) =>
    ok(await office.get(`/api/v1/calendar/deadline?start=${start}&workingDays=${n}`)) as { date: string; warning: string | null };
  const taskDue = async (dueWorkingDays: number) => {
    const m = ok(await office.post('/api/v1/matters', { kind: 'coordination', title: '关于核对节假日期限的事项' }));
    const task = ok(await office.post(`/api/v1/matters/${m.id}/tasks`, { title: '报送有关材料', assigneeDepartmentId: edu, dueWorkingDays }));
    return { matterId: m.id as string, task: task as { id: string; dueDate: string; dueDateWarning: string | null } };
  };
  const auditOf = (entityId: string) =>
    t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id', 'from_state', 'to_state', 'detail'])
      .where('entity_id', '=', entityId)
      .orderBy('seq')
      .execute();

  it("K-8 an administrator's override moves a deadline", async () => {
    // Monday 30 November is the first working day after Friday 27 November.
    expect(await deadline('2026-11-27', 1)).toEqual({ date: '2026-11-30', warning: null });
    expect((await taskDue(1)).task.dueDate).toBe('2026-11-30');

    const o = ok(await admin.put('/api/v1/calendar/overrides/2026-11-30', { working: false, reason: '全市停水检修，机关放假一天' }));
    expect(o).toMatchObject({ date: '2026-11-30', working: false, reason: '全市停水检修，机关放假一天', createdByName: expect.any(String) });

    expect(await deadline('2026-11-27', 1)).toEqual({ date: '2026-12-01', warning: null });
    const { task } = await taskDue(1);
    expect(task.dueDate).toBe('2026-12-01');
    expect(task.dueDateWarning).toBeNull();
    const day = ok(await office.get('/api/v1/calendar/days?from=2026-11-30&to=2026-11-30')).items[0];
    expect(day).toMatchObject({ date: '2026-11-30', working: false, label: '休息日（管理员设定）', source: 'override' });

    // a Saturday made a working day counts too
    ok(await admin.put('/api/v1/calendar/overrides/2026-11-28', { working: true, reason: '集中办公' }));
    expect((await deadline('2026-11-27', 1)).date).toBe('2026-11-28');
    const year = ok(await office.get('/api/v1/calendar/years/2026'));
    expect(year.overrides.map((x: { date: string }) => x.date)).toEqual(['2026-11-28', '2026-11-30']);

    // removing them restores the statutory calendar
    expect(ok(await admin.delete('/api/v1/calendar/overrides/2026-11-28'))).toEqual({ ok: true });
    ok(await admin.delete('/api/v1/calendar/overrides/2026-11-30'));
    expect((await deadline('2026-11-27', 1)).date).toBe('2026-11-30');
    expectError(await admin.delete('/api/v1/calendar/overrides/2026-11-30'), 404);
  });

  it('K-8 every calendar write is audited with who, before and after', async () => {
    ok(await admin.put('/api/v1/calendar/overrides/2026-12-04', { working: false, reason: '第一次' }));
    ok(await admin.put('/api/v1/calendar/overrides/2026-12-04', { working: false, reason: '更正原因' }));
    ok(await admin.delete('/api/v1/calendar/overrides/2026-12-04'));
    const rows = await auditOf('2026-12-04');
    expect(rows.map((r) => r.action)).toEqual(['calendar.override.set', 'calendar.override.set', 'calendar.override.removed']);
    expect(rows.every((r) => r.actor_id === admin.userId)).toBe(true);
    expect(rows[0]).toMatchObject({ from_state: 'working', to_state: 'off' });
    expect(JSON.parse(rows[1].detail!)).toEqual({ before: { working: false, reason: '第一次' }, after: { working: false, reason: '更正原因' } });
    const verify = ok(await (await t.login('auditor')).post('/api/v1/audit/verify'));
    expect(verify.ok).toBe(true);
  });

  it('K-8 only the system administrator writes the calendar (403 for others, reading is open)', async () => {
    for (const a of [office, secadmin]) {
      const e = expectError(await a.put('/api/v1/calendar/overrides/2026-12-07', { working: false, reason: '调整' }), 403);
      expect(e.message).toBe('只有系统管理员可以维护节假日日历');
      expectError(await a.put('/api/v1/calendar/years/2027/notice', NOTICE_2027), 403);
      expectError(await a.delete('/api/v1/calendar/years/2027/notice'), 403);
      expectError(await a.delete('/api/v1/calendar/overrides/2026-12-07'), 403);
    }
    expect(await t.ctx.db.selectFrom('calendar_overrides').select('id').execute()).toEqual([]);
    ok(await office.get('/api/v1/calendar/years'));
    ok(await office.get('/api/v1/calendar/years/2027'));
  });

  it('K-8 bad input is a 400 naming the field, in Chinese', async () => {
    expectError(await admin.put('/api/v1/calendar/overrides/2026-12-07', { working: false }), 400, 'body.reason');
    expectError(await admin.put('/api/v1/calendar/overrides/2026-12-07', { working: '是', reason: '调整' }), 400, 'body.working');
    expectError(await admin.put('/api/v1/calendar/overrides/2026-12-07', { working: false, reason: '  ' }), 400, 'body.reason');
    expectError(await admin.put('/api/v1/calendar/overrides/2026-02-30', { working: false, reason: '调整' }), 400, 'params.date');
    expectError(await admin.put('/api/v1/calendar/years/1999/notice', NOTICE_2027), 400, 'params.year');
    expectError(await admin.put('/api/v1/calendar/years/2027/notice', { ...NOTICE_2027, holidays: [] }), 400, 'body.holidays');
    expectError(
      await admin.put('/api/v1/calendar/years/2027/notice', { ...NOTICE_2027, holidays: [{ name: '', from: '2027-01-01', to: '2027-01-01' }] }),
      400,
      'body.holidays[0].name',
    );
    const e = expectError(
      await admin.put('/api/v1/calendar/years/2027/notice', {
        ...NOTICE_2027,
        holidays: [NOTICE_2027.holidays[0], { name: '春节', from: '2027-02-13', to: '2027-02-06' }],
      }),
      400,
      'body.holidays[1].to',
    );
    expect(e.message).toBe('结束日期不能早于开始日期');
    expectError(
      await admin.put('/api/v1/calendar/years/2027/notice', { ...NOTICE_2027, holidays: [{ name: '国庆节', from: '2028-10-01', to: '2028-10-07' }] }),
      400,
      'body.holidays[0].from',
    );
    expectError(
      await admin.put('/api/v1/calendar/years/2027/notice', {
        ...NOTICE_2027,
        holidays: [NOTICE_2027.holidays[0], { name: '元旦补', from: '2027-01-03', to: '2027-01-04' }],
      }),
      400,
      'body.holidays[1].from',
    );
    const w = expectError(
      await admin.put('/api/v1/calendar/years/2027/notice', { ...NOTICE_2027, workdays: [{ date: '2027-02-07' }] }),
      400,
      'body.workdays[0].date',
    );
    expect(w.message).toContain('春节');
    expectError(
      await admin.put('/api/v1/calendar/years/2027/notice', { ...NOTICE_2027, workdays: [{ date: '2027-02-14' }, { date: '2027-02-14' }] }),
      400,
      'body.workdays[1].date',
    );
    // nothing was saved
    expect((await office.get('/api/v1/calendar/years/2027')).json().status).toBe('missing');
  });

  it('K-8 a 2027 deadline carries the warning until the year is entered, then not', async () => {
    const years = ok(await admin.get('/api/v1/calendar/years'));
    expect(years.missing).toEqual([2027]);
    expect(years.items.find((y: { year: number }) => y.year === 2026)).toMatchObject({ status: 'statutory', statutory: true });
    expect(years.items.find((y: { year: number }) => y.year === 2027)).toMatchObject({ status: 'missing', statutory: false, enteredAt: null });
    // Without data 1 January 2027 (a Friday) counts as a working day, with the warning.
    expect(await deadline('2026-12-31', 1)).toEqual({ date: '2027-01-01', warning: WARNING });
    expect(ok(await office.get('/api/v1/calendar/days?from=2027-01-01&to=2027-01-01')).items[0]).toMatchObject({ working: true, source: 'missing' });

    // 30 working days from 27 November 2026: 24 to the end of December, then 1 and 4–8 January.
    const before = await taskDue(30);
    expect(before.task).toMatchObject({ dueDate: '2027-01-08', dueDateWarning: WARNING });
    const detail = ok(await office.get(`/api/v1/matters/${before.matterId}`));
    expect(detail.tasks.find((x: { id: string }) => x.id === before.task.id).dueDateWarning).toBe(WARNING);
    const todo = ok(await (await t.login('liaison')).get('/api/v1/inbox/todo?pageSize=200'));
    expect(todo.items.find((x: { id: string }) => x.id === before.task.id).dueDateWarning).toBe(WARNING);

    const y = ok(await admin.put('/api/v1/calendar/years/2027/notice', NOTICE_2027));
    expect(y).toMatchObject({ year: 2027, status: 'entered', statutory: false, reference: NOTICE_2027.reference, enteredByName: expect.any(String) });
    expect(y.notice.holidays).toEqual(NOTICE_2027.holidays);
    expect(y.notice.workdays).toEqual(NOTICE_2027.workdays);
    const audit = await auditOf('2027');
    expect(audit.map((r) => [r.action, r.from_state, r.to_state])).toEqual([['calendar.notice.saved', 'missing', 'entered']]);

    expect(await deadline('2026-12-31', 1)).toEqual({ date: '2027-01-04', warning: null });
    expect(ok(await office.get('/api/v1/calendar/days?from=2027-02-14&to=2027-02-14')).items[0]).toMatchObject({
      working: true,
      label: '调休上班',
      holidayName: '春节',
      source: 'notice',
    });
    const after = await taskDue(30);
    expect(after.task).toMatchObject({ dueDate: '2027-01-11', dueDateWarning: null });
    // the earlier task keeps its date; its warning is gone now that the year is known
    const again = ok(await office.get(`/api/v1/matters/${before.matterId}`));
    expect(again.tasks.find((x: { id: string }) => x.id === before.task.id)).toMatchObject({ dueDate: '2027-01-08', dueDateWarning: null });
    expect(ok(await admin.get('/api/v1/calendar/years')).missing).toEqual([]);

    // Saving the notice again replaces the year's entries in one go: 元旦 left out → 1 January works.
    ok(await admin.put('/api/v1/calendar/years/2027/notice', { holidays: [NOTICE_2027.holidays[1]], workdays: [] }));
    expect((await deadline('2026-12-31', 1)).date).toBe('2027-01-01');
    const days = await t.ctx.db.selectFrom('calendar_overrides').select('date').where('kind', '=', 'notice').orderBy('date').execute();
    expect(days.map((d) => d.date)).toEqual(['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-13']);
    expect((await auditOf('2027')).map((r) => r.action)).toEqual(['calendar.notice.saved', 'calendar.notice.saved']);

    // Withdrawing the notice makes the year missing again.
    expect(ok(await admin.delete('/api/v1/calendar/years/2027/notice')).status).toBe('missing');
    expect(await deadline('2026-12-31', 1)).toEqual({ date: '2027-01-01', warning: WARNING });
    ok(await admin.put('/api/v1/calendar/years/2027/notice', NOTICE_2027));
  });

  it('K-8 another server process on the same database picks up the change from the version row', async () => {
    const other = createCalendarCache(t.ctx.db);
    await other.load();
    expect(await other.refreshIfChanged()).toBe(false);
    expect(other.current().get('2026-12-11')).toBeUndefined();
    ok(await admin.put('/api/v1/calendar/overrides/2026-12-11', { working: false, reason: '另一进程写入' }));
    expect(await other.refreshIfChanged()).toBe(true);
    expect(other.current().get('2026-12-11')).toBe(false);
    expect(other.current().enteredYears?.has(2027)).toBe(true);
    ok(await admin.delete('/api/v1/calendar/overrides/2026-12-11'));
    expect(await other.refreshIfChanged()).toBe(true);
    expect(other.current().has('2026-12-11')).toBe(false);
  });
});
