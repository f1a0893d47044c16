import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/app';
import { testDialects } from '../../test/db';
import { runTx } from '../../platform/db/tx';
import { createNumbering } from '../numbers';

const here = path.dirname(fileURLToPath(import.meta.url));
const workerScript = path.resolve(here, '../../test/number-worker.ts');
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe.each(testDialects())('K-5 number series [%s]', (dialect) => {
  let t: TestApp;
  let admin: Agent;
  let office: Agent;
  let clerk: Agent;
  let liaison: Agent;
  let organId: string;
  let officeId: string;
  const numbering = () => createNumbering(t.ctx);
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    office = await t.login('office');
    clerk = await t.login('clerk');
    liaison = await t.login('liaison');
    organId = (await t.ctx.db.selectFrom('organs').select('id').where('is_self', '=', 1).executeTakeFirstOrThrow()).id;
    officeId = office.userId;
  });
  afterAll(async () => t?.close());

  const createSeries = async (extra: Record<string, unknown> = {}) => {
    const res = await admin.post('/api/v1/number-series', {
      organId,
      class: 'outgoing',
      code: '某政办发',
      template: '{代字}〔{年}〕{号}号',
      year: 2026,
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; code: string; version: number; nextValue: number; nextText: string };
  };
  const register = (code: string, year = 2026, cls: 'outgoing' | 'incoming' = 'outgoing') =>
    runTx(t.ctx.db, (tx) => numbering().next(tx, { organId, class: cls, code, year, by: officeId }));

  it(`K-5 100 concurrent registrations get 100 distinct consecutive numbers [${dialect}]`, async () => {
    const s = await createSeries({ code: '某政发' });
    expect(s).toMatchObject({ nextValue: 1, nextText: '某政发〔2026〕1号' });
    const results = await Promise.all(
      range(1, 100).map(() =>
        runTx(t.ctx.db, async (tx) => {
          const n = await numbering().next(tx, { organId, class: 'outgoing', code: '某政发', year: 2026, by: officeId });
          // The rest of the registration runs while the series row is held.
          await new Promise((r) => setTimeout(r, Math.random() * 3));
          return n;
        }),
      ),
    );
    expect(results.map((r) => r.value).sort((a, b) => a - b)).toEqual(range(1, 100));
    expect(new Set(results.map((r) => r.text)).size).toBe(100);
    expect(results.find((r) => r.value === 42)!.text).toBe('某政发〔2026〕42号');
    const rows = await t.ctx.db.selectFrom('assigned_numbers').select(['value']).where('series_id', '=', s.id).execute();
    expect(rows.map((r) => Number(r.value)).sort((a, b) => a - b)).toEqual(range(1, 100));
    const after = (await admin.get(`/api/v1/number-series/${s.id}`)).json();
    expect(after).toMatchObject({ nextValue: 101, assignedCount: 100, voidedCount: 0, nextText: '某政发〔2026〕101号' });
    const audited = await t.ctx.db.selectFrom('audit_events').select('entity_id').where('action', '=', 'number.assigned').execute();
    expect(audited.filter((a) => results.some((r) => r.id === a.entity_id))).toHaveLength(100);
  });

  it(`K-5 100 registrations from two processes at once get 100 distinct consecutive numbers [${dialect}]`, async () => {
    await createSeries({ code: '某政函' });
    const startAt = Date.now() + 4000;
    const run = (id: string) =>
      new Promise<{ values: number[] }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', workerScript], {
          env: {
            ...process.env,
            WORKER_DB_URL: t.tdb.url,
            WORKER_DB_SCHEMA: t.tdb.schema ?? '',
            WORKER_COUNT: '50',
            WORKER_START_AT: String(startAt),
            WORKER_SERIES: JSON.stringify({ organId, code: '某政函', year: 2026, by: officeId }),
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker ${id} exited ${code}: ${err}`))));
      });
    const [a, b] = await Promise.all([run('a'), run('b')]);
    expect([...a.values, ...b.values].sort((x, y) => x - y)).toEqual(range(1, 100));
    expect(a.values).toHaveLength(50);
    expect(b.values).toHaveLength(50);
  }, 90_000);

  it(`K-5 a rolled-back registration gives its number back: no gap [${dialect}]`, async () => {
    await createSeries({ code: '某政办函' });
    expect((await register('某政办函')).value).toBe(1);
    let taken = 0;
    await expect(
      runTx(t.ctx.db, async (tx) => {
        taken = (await numbering().next(tx, { organId, class: 'outgoing', code: '某政办函', year: 2026, by: officeId })).value;
        throw new Error('登记失败');
      }),
    ).rejects.toThrow('登记失败');
    expect(taken).toBe(2);
    const next = await register('某政办函');
    expect(next).toMatchObject({ value: 2, text: '某政办函〔2026〕2号' });
  });

  it(`K-5 voiding records who, when and why; a voided number is never given again [${dialect}]`, async () => {
    const s = await createSeries({ code: '某政纪' });
    const n1 = await register('某政纪');
    const n2 = await register('某政纪');
    const res = await clerk.post(`/api/v1/numbers/${n2.id}/void`, { reason: '误取号，该文未印发' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: n2.id,
      value: 2,
      text: '某政纪〔2026〕2号',
      voidedByName: '刘洋',
      voidReason: '误取号，该文未印发',
      voidedAt: t.clock.now().toISOString(),
    });
    expect((await register('某政纪')).value).toBe(3);

    const again = await office.post(`/api/v1/numbers/${n2.id}/void`, { reason: '再次作废' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('invalid_state');
    const noReason = await office.post(`/api/v1/numbers/${n1.id}/void`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.path).toBe('body.reason');
    expect((await liaison.post(`/api/v1/numbers/${n1.id}/void`, { reason: '越权' })).statusCode).toBe(403);
    expect((await office.post('/api/v1/numbers/no-such-number/void', { reason: '不存在' })).statusCode).toBe(404);

    const list = (await office.get(`/api/v1/number-series/${s.id}/numbers`)).json();
    expect(list.total).toBe(3);
    expect(list.items.map((i: { value: number; voidedAt: string | null }) => [i.value, !!i.voidedAt])).toEqual([
      [3, false],
      [2, true],
      [1, false],
    ]);
    expect(list.items[0].assignedByName).toBe('王建国');
    expect((await office.get(`/api/v1/number-series/${s.id}/numbers?voided=1`)).json().items.map((i: { value: number }) => i.value)).toEqual([2]);
    expect((await admin.get(`/api/v1/number-series/${s.id}`)).json()).toMatchObject({ assignedCount: 3, voidedCount: 1, nextValue: 4 });
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['actor_id', 'detail'])
      .where('action', '=', 'number.voided')
      .where('entity_id', '=', n2.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(clerk.userId);
    expect(JSON.parse(audit[0].detail!)).toMatchObject({ text: '某政纪〔2026〕2号', reason: '误取号，该文未印发' });
  });

  it(`K-5 the first number of a new year continues last year's series from 1, once under concurrency [${dialect}]`, async () => {
    await createSeries({ code: '某政任', template: '{代字}〔{年}〕{号}号' });
    await register('某政任', 2026);
    const results = await Promise.all(range(1, 10).map(() => register('某政任', 2027)));
    expect(results.map((r) => r.value).sort((a, b) => a - b)).toEqual(range(1, 10));
    expect(results.find((r) => r.value === 1)!.text).toBe('某政任〔2027〕1号');
    const series = (await admin.get('/api/v1/number-series?year=2027')).json().items.filter((s: { code: string }) => s.code === '某政任');
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({ year: 2027, template: '{代字}〔{年}〕{号}号', nextValue: 11, active: true });
  });

  it(`K-5 without a usable series, or with two codes and none named, a registration is refused in Chinese [${dialect}]`, async () => {
    const none = runTx(t.ctx.db, (tx) => numbering().next(tx, { organId, class: 'incoming', year: 2026, by: officeId }));
    await expect(none).rejects.toMatchObject({ status: 409, code: 'invalid_state', message: expect.stringContaining('未找到可用的收文编号规则') });
    // Several outgoing codes exist for 2026 by now: the code must be named.
    const ambiguous = runTx(t.ctx.db, (tx) => numbering().next(tx, { organId, class: 'outgoing', year: 2026, by: officeId }));
    await expect(ambiguous).rejects.toMatchObject({ code: 'invalid_state', message: expect.stringContaining('请指定代字') });
    // One active series of a class: the code may be left out. A deactivated series gives nothing.
    const s = await createSeries({ class: 'incoming', code: '收', template: '{代字}〔{年}〕{号:4}号' });
    const n = await runTx(t.ctx.db, (tx) => numbering().next(tx, { organId, class: 'incoming', year: 2026, by: null }));
    expect(n).toMatchObject({ value: 1, text: '收〔2026〕0001号' });
    expect((await admin.patch(`/api/v1/number-series/${s.id}`, { active: false, version: s.version })).statusCode).toBe(200);
    await expect(register('收', 2026, 'incoming')).rejects.toMatchObject({ code: 'invalid_state' });
  });

  it(`K-5 administration: only the system administrator creates or edits series; office reads; others 403 [${dialect}]`, async () => {
    const body = { organId, class: 'supervision', code: '督', template: '{代字}〔{年}〕{号}号', year: 2026 };
    const byOffice = await office.post('/api/v1/number-series', body);
    expect(byOffice.statusCode).toBe(403);
    expect(byOffice.json().error.message).toContain('系统管理员');
    expect((await liaison.get('/api/v1/number-series')).statusCode).toBe(403);
    expect((await (await t.login('auditor')).get('/api/v1/number-series')).statusCode).toBe(403);
    const created = await admin.post('/api/v1/number-series', body);
    expect(created.statusCode, created.body).toBe(200);
    const s = created.json();
    expect(s).toMatchObject({ class: 'supervision', classLabel: '督办编号', organName: '某市人民政府', active: true, version: 1 });
    expect((await office.get('/api/v1/number-series')).json().items.some((x: { id: string }) => x.id === s.id)).toBe(true);
    expect((await office.patch(`/api/v1/number-series/${s.id}`, { template: '{代字}{年}{号}', version: 1 })).statusCode).toBe(403);

    const edited = await admin.patch(`/api/v1/number-series/${s.id}`, { template: '{代字}〔{年}〕第{号}号', nextValue: 5, version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, nextValue: 5, nextText: '督〔2026〕第5号' });
    const stale = await admin.patch(`/api/v1/number-series/${s.id}`, { code: '督查', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    const dup = await admin.post('/api/v1/number-series', body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'duplicate', path: 'body.code' });
    // Once a number is given the start value is fixed: no reuse, no gaps.
    await runTx(t.ctx.db, (tx) => numbering().next(tx, { organId, class: 'supervision', code: '督', year: 2026, by: officeId }));
    const restart = await admin.patch(`/api/v1/number-series/${s.id}`, { nextValue: 1, version: 2 });
    expect(restart.statusCode).toBe(409);
    expect(restart.json().error.code).toBe('invalid_state');
    const history = await t.ctx.db.selectFrom('audit_events').select(['action', 'detail']).where('entity_id', '=', s.id).orderBy('seq').execute();
    expect(history.map((h) => h.action)).toEqual(['number_series.created', 'number_series.updated']);
    expect(JSON.parse(history[1].detail!)).toMatchObject({
      before: { template: '{代字}〔{年}〕{号}号', next_value: 1 },
      after: { template: '{代字}〔{年}〕第{号}号', next_value: 5 },
    });
  });

  it(`K-5 a bad template is 400 naming body.template, with a Chinese message [${dialect}]`, async () => {
    const base = { organId, class: 'outgoing', code: '某政研', year: 2026 };
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ['unknown placeholder', { template: '{代字}〔{年}〕{序号}号' }, 'body.template', /不认识的占位符 \{序号\}/],
      ['no sequence number', { template: '{代字}〔{年}〕' }, 'body.template', /必须包含序号占位符/],
      ['padding in 发文字号 (F-01)', { template: '{代字}〔{年}〕{号:3}号' }, 'body.template', /不编虚位/],
      ['year not in 六角括号 (F-01)', { template: '{代字}({年}){号}号' }, 'body.template', /六角括号/],
      ['a code that is not Chinese', { template: '{代字}〔{年}〕{号}号', code: 'ABC' }, 'body.code', /汉字/],
      ['an unknown class', { template: '{号}', class: 'memo' }, 'body.class', /编号类别/],
      ['a year out of range', { template: '{号}', class: 'incoming', year: 1999 }, 'body.year', /2000/],
    ];
    for (const [name, extra, p, message] of cases) {
      const res = await admin.post('/api/v1/number-series', { ...base, ...extra });
      expect(res.statusCode, name).toBe(400);
      expect(res.json().error.path, name).toBe(p);
      expect(res.json().error.message, name).toMatch(message);
    }
    const s = await createSeries({ code: '某政研' });
    for (const [template, message] of [
      ['{代字}〔{年}〕{号}{x}', /不认识的占位符/],
      ['{代字}〔{年}〕第{号}号', /不加“第”字/],
    ] as const) {
      const res = await admin.patch(`/api/v1/number-series/${s.id}`, { template, version: s.version });
      expect(res.statusCode, template).toBe(400);
      expect(res.json().error.path).toBe('body.template');
      expect(res.json().error.message).toMatch(message);
    }
    const badOrgan = await admin.post('/api/v1/number-series', { ...base, organId: 'no-such-organ', template: '{代字}〔{年}〕{号}号', code: '某某' });
    expect(badOrgan.statusCode).toBe(400);
    expect(badOrgan.json().error.path).toBe('body.organId');
  });
});
