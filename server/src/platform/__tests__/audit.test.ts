import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type Agent, type TestApp } from '../../test/app';
import { testDialects } from '../../test/db';
import { appendAudit, verifyAudit } from '../audit';
import { runTx } from '../db/tx';

const run = promisify(execFile);
const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/xietiao.mjs');

describe.each(testDialects())('audit trail [%s]', (dialect) => {
  let t: TestApp;
  let office: Agent;
  let auditor: Agent;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    office = await t.login('office');
    auditor = await t.login('auditor');
    const m = (await office.post('/api/v1/matters', { kind: 'coordination', title: '审计测试事项' })).json();
    await office.post(`/api/v1/matters/${m.id}/events/startCoordination`, { version: m.version });
  });
  afterAll(async () => t?.close());

  it('X-3 records who did what, when, from which state to which', async () => {
    const res = await auditor.get('/api/v1/audit?action=matter.');
    expect(res.statusCode, res.body).toBe(200);
    const ev = res.json().items.find((e: { action: string }) => e.action === 'matter.startCoordination');
    expect(ev).toMatchObject({ fromState: 'registered', toState: 'coordinating', actorName: expect.any(String) });
  });

  it('X-3 only the audit administrator reads the audit trail', async () => {
    for (const who of ['office', 'admin', 'secadmin', 'leader']) {
      const agent = await t.login(who);
      expect((await agent.get('/api/v1/audit')).statusCode, who).toBe(403);
      expect((await agent.post('/api/v1/audit/verify')).statusCode, who).toBe(403);
    }
  });

  it('X-3 the chain verifies, and an edited row is caught and named', async () => {
    expect((await auditor.post('/api/v1/audit/verify')).json()).toMatchObject({ ok: true, firstBrokenSeq: null });
    const victim = await t.ctx.db.selectFrom('audit_events').select(['seq']).where('action', '=', 'matter.startCoordination').executeTakeFirstOrThrow();
    await t.ctx.db.updateTable('audit_events').set({ to_state: 'completed' }).where('seq', '=', victim.seq).execute();
    const r = (await auditor.post('/api/v1/audit/verify')).json();
    expect(r.ok).toBe(false);
    expect(r.firstBrokenSeq).toBe(Number(victim.seq));
    expect(r.reason).toContain('被修改');
    await t.ctx.db.updateTable('audit_events').set({ to_state: 'coordinating' }).where('seq', '=', victim.seq).execute();
    expect((await verifyAudit(t.ctx.db)).ok).toBe(true);
  });

  it('X-3 a deleted row and a recomputed-hash forgery are both caught', async () => {
    await runTx(t.ctx.db, (tx) => appendAudit(tx, t.clock, { actorId: null, action: 'test.one', entityType: 'test' }));
    await runTx(t.ctx.db, (tx) => appendAudit(tx, t.clock, { actorId: null, action: 'test.two', entityType: 'test' }));
    const one = await t.ctx.db.selectFrom('audit_events').selectAll().where('action', '=', 'test.one').executeTakeFirstOrThrow();
    await t.ctx.db.deleteFrom('audit_events').where('seq', '=', one.seq).execute();
    const r = await verifyAudit(t.ctx.db);
    expect(r).toMatchObject({ ok: false, firstBrokenSeq: Number(one.seq) });
    await t.ctx.db.insertInto('audit_events').values(one).execute();
    expect((await verifyAudit(t.ctx.db)).ok).toBe(true);
    // Rewriting a row and its own hash still breaks the link to the next row.
    await t.ctx.db
      .updateTable('audit_events')
      .set({ detail: sql<string>`'{"forged":true}'`, hash: 'f'.repeat(64) })
      .where('seq', '=', one.seq)
      .execute();
    expect((await verifyAudit(t.ctx.db)).firstBrokenSeq).toBe(Number(one.seq));
  });

  it.runIf(dialect === 'sqlite')('X-3 `xietiao audit verify` names the first broken row and exits non-zero', async () => {
    const env = { ...process.env, DATABASE_URL: t.tdb.url };
    await t.ctx.db.updateTable('audit_events').set({ action: 'auth.login' }).where('action', '=', 'test.two').execute();
    const broken = await t.ctx.db.selectFrom('audit_events').select('seq').where('action', '=', 'auth.login').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    const failed = await run(process.execPath, [bin, 'audit', 'verify'], { env }).then(
      () => null,
      (e) => e,
    );
    expect(failed).toBeTruthy();
    expect(failed.code).toBe(1);
    const firstBad = (await verifyAudit(t.ctx.db)).firstBrokenSeq;
    expect(failed.stdout).toContain(`第 ${firstBad} 条`);
    expect(firstBad).toBeLessThanOrEqual(Number(broken.seq));
  });
});
