import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../test/app';
import { testDialects } from '../../../test/db';
import { expectError, person } from './fixtures';

interface AbsenceJson {
  id: string;
  userId: string;
  userName: string;
  kind: string;
  startsAt: string;
  endsAt: string;
  note: string | null;
}

// The test clock stands at 2026-11-27T01:00:00Z (Friday 09:00 in China).
describe.each(testDialects())('absences [%s]', (dialect) => {
  let t: TestApp;
  let secretary: Agent;
  let liaison: Agent;
  let office: Agent;
  let leaderId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    secretary = await t.login('secretary1');
    liaison = await t.login('liaison');
    office = await t.login('office');
    leaderId = (await person(office, 'leader')).id;
  });
  afterAll(async () => t?.close());

  const list = async (a: Agent, query: string) => {
    const res = await a.get(`/api/v1/absences?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as AbsenceJson[];
  };

  it('ORG-4 the demo has leaders away in the coming three weeks', async () => {
    const items = await list(office, 'from=2026-11-27T01:00:00Z&to=2026-12-18');
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(new Set(items.map((a) => a.kind))).toEqual(new Set(['business', 'trip', 'leave']));
    expect(items.map((a) => a.startsAt)).toEqual([...items.map((a) => a.startsAt)].sort());
  });

  it('ORG-4 X-4 a department liaison sees that a leader is taken (时间已占用/有安排), not whether it is leave or a trip; the office and leaders see the kind', async () => {
    const range = 'from=2026-11-27T01:00:00Z&to=2026-12-18';
    const byOffice = await list(office, range);
    const byLiaison = await list(liaison, range);
    const leader = await t.login('leader');
    const byLeader = await list(leader, range);
    expect(byLiaison.map((a) => [a.id, a.startsAt, a.endsAt])).toEqual(byOffice.map((a) => [a.id, a.startsAt, a.endsAt]));
    expect(new Set(byLiaison.map((a) => a.kind))).toEqual(new Set(['blocked']));
    expect(byLiaison.every((a) => a.note === null)).toBe(true);
    expect(byLeader.map((a) => a.kind)).toEqual(byOffice.map((a) => a.kind));
    // the one schedule says the same: the liaison's calendar shows 有安排 for an absence
    const sched = (await liaison.get('/api/v1/schedule?from=2026-11-27&to=2026-12-18')).json().items.filter((e: { kind: string }) => e.kind === 'absence');
    expect(sched.length).toBe(byOffice.length);
    expect(new Set(sched.map((e: { title: string }) => e.title))).toEqual(new Set(['有安排']));
    const officeSched = (await office.get('/api/v1/schedule?from=2026-11-27&to=2026-12-18')).json().items.filter((e: { kind: string }) => e.kind === 'absence');
    expect(officeSched.some((e: { title: string }) => e.title === '出差')).toBe(true);
  });

  it("ORG-4 a secretary records a leader's trip; times are stored in UTC; the write is audited", async () => {
    const res = await secretary.post('/api/v1/absences', {
      userId: leaderId,
      kind: 'trip',
      startsAt: '2026-12-07T09:00:00+08:00',
      endsAt: '2026-12-09T18:00:00+08:00',
      note: '赴北京参加全国城市工作座谈会',
    });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json() as AbsenceJson;
    expect(a).toMatchObject({
      userId: leaderId,
      userName: '张国华',
      kind: 'trip',
      startsAt: '2026-12-07T01:00:00.000Z',
      endsAt: '2026-12-09T10:00:00.000Z',
      note: '赴北京参加全国城市工作座谈会',
    });
    const audit = await t.ctx.db.selectFrom('audit_events').select(['action', 'actor_id']).where('entity_id', '=', a.id).execute();
    expect(audit).toEqual([{ action: 'org.absence.created', actor_id: secretary.userId }]);
  });

  it('ORG-4 an overlapping absence of the same person is refused, naming the existing one; touching periods are fine', async () => {
    const e = expectError(
      await office.post('/api/v1/absences', {
        userId: leaderId,
        kind: 'business',
        startsAt: '2026-12-08T09:00:00+08:00',
        endsAt: '2026-12-08T12:00:00+08:00',
      }),
      400,
      'body.startsAt',
    );
    expect(e.message).toContain('出差');
    expect(e.message).toContain('2026年12月7日 09:00');
    expect(e.message).toContain('重叠');
    const next = await office.post('/api/v1/absences', {
      userId: leaderId,
      kind: 'business',
      startsAt: '2026-12-09T18:00:00+08:00',
      endsAt: '2026-12-09T20:00:00+08:00',
      note: '公务接待',
    });
    expect(next.statusCode, next.body).toBe(200);
  });

  it('ORG-4 an end before the start is 400 naming body.endsAt; an unknown person 400 naming body.userId', async () => {
    expectError(
      await office.post('/api/v1/absences', {
        userId: leaderId,
        kind: 'leave',
        startsAt: '2026-12-15T09:00:00+08:00',
        endsAt: '2026-12-14T09:00:00+08:00',
      }),
      400,
      'body.endsAt',
    );
    expectError(
      await office.post('/api/v1/absences', {
        userId: leaderId,
        kind: 'leave',
        startsAt: '2026-12-15T09:00:00+08:00',
        endsAt: '2026-12-15T09:00:00+08:00',
      }),
      400,
      'body.endsAt',
    );
    expectError(
      await office.post('/api/v1/absences', { userId: leaderId, kind: 'holiday', startsAt: '2026-12-15T09:00:00+08:00', endsAt: '2026-12-16T09:00:00+08:00' }),
      400,
      'body.kind',
    );
    expectError(
      await office.post('/api/v1/absences', { userId: leaderId, kind: 'leave', startsAt: '12/15', endsAt: '2026-12-16T09:00:00+08:00' }),
      400,
      'body.startsAt',
    );
    expectError(
      await office.post('/api/v1/absences', { userId: 'nobody', kind: 'leave', startsAt: '2026-12-15T09:00:00+08:00', endsAt: '2026-12-16T09:00:00+08:00' }),
      400,
      'body.userId',
    );
  });

  it('ORG-4 lists absences by period and person (a date bound is a whole China day)', async () => {
    // (read by the office, who sees each absence's kind; the liaison's view is tested above)
    const day = await list(office, `userId=${leaderId}&from=2026-12-08&to=2026-12-08`);
    expect(day.map((a) => a.kind)).toEqual(['trip']);
    const week = await list(office, `userId=${leaderId}&from=2026-12-07&to=2026-12-13`);
    expect(week.map((a) => a.kind)).toEqual(['trip', 'business']);
    expect(await list(office, `userId=${leaderId}&from=2026-12-10&to=2026-12-13`)).toEqual([]);
    // the trip ends 12-09 18:00 China: an instant bound right at the end excludes it (half-open periods)
    expect((await list(office, `userId=${leaderId}&from=2026-12-09T10:00:00Z&to=2026-12-09T11:00:00Z`)).map((a) => a.kind)).toEqual(['business']);
    expectError(await liaison.get('/api/v1/absences?from=yesterday'), 400, 'query.from');
  });

  it("ORG-4 the reason is shown only to those who manage the person's absences", async () => {
    const seen = await list(liaison, `userId=${leaderId}&from=2026-12-07&to=2026-12-09`);
    expect(seen.every((a) => a.note === null)).toBe(true);
    const bySecretary = await list(secretary, `userId=${leaderId}&from=2026-12-07&to=2026-12-09`);
    expect(bySecretary[0].note).toBe('赴北京参加全国城市工作座谈会');
  });

  it('ORG-4 who may write: office and secretaries for anyone, others only for themselves; past periods only by the office', async () => {
    const e = expectError(
      await liaison.post('/api/v1/absences', {
        userId: leaderId,
        kind: 'blocked',
        startsAt: '2026-12-16T09:00:00+08:00',
        endsAt: '2026-12-16T10:00:00+08:00',
      }),
      403,
    );
    expect(e.message).toContain('本人');
    const own = await liaison.post('/api/v1/absences', {
      userId: liaison.userId,
      kind: 'leave',
      startsAt: '2026-12-16T09:00:00+08:00',
      endsAt: '2026-12-17T18:00:00+08:00',
      note: '事假',
    });
    expect(own.statusCode, own.body).toBe(200);
    // already over: only the office may record it afterwards (补登)
    const past = { userId: liaison.userId, kind: 'leave', startsAt: '2026-11-20T09:00:00+08:00', endsAt: '2026-11-20T18:00:00+08:00' };
    expect(expectError(await liaison.post('/api/v1/absences', past), 403).message).toContain('补登');
    const backfilled = await office.post('/api/v1/absences', past);
    expect(backfilled.statusCode, backfilled.body).toBe(200);
    // started but not over: the person may still record it
    const ongoing = await liaison.post('/api/v1/absences', {
      ...past,
      startsAt: '2026-11-27T08:00:00+08:00',
      endsAt: '2026-11-27T12:00:00+08:00',
      kind: 'business',
    });
    expect(ongoing.statusCode, ongoing.body).toBe(200);
    expectError(await liaison.delete(`/api/v1/absences/${backfilled.json().id}`), 403);
  });

  it('ORG-4 withdrawing an absence: the same people may; it is gone afterwards', async () => {
    const [trip] = await list(secretary, `userId=${leaderId}&from=2026-12-08&to=2026-12-08`);
    expectError(await liaison.delete(`/api/v1/absences/${trip.id}`), 403);
    const res = await secretary.delete(`/api/v1/absences/${trip.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expectError(await secretary.delete(`/api/v1/absences/${trip.id}`), 404);
    expect(await list(liaison, `userId=${leaderId}&from=2026-12-08&to=2026-12-08`)).toEqual([]);
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'org.absence.deleted')
      .where('entity_id', '=', trip.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!).before).toMatchObject({ kind: 'trip', userId: leaderId });
  });

  it('ORG-4 two overlapping absences of one person sent at once: exactly one is recorded', async () => {
    const deputy = await person(office, 'deputy');
    const [a, b] = await Promise.all([
      office.post('/api/v1/absences', { userId: deputy.id, kind: 'trip', startsAt: '2026-12-21T09:00:00+08:00', endsAt: '2026-12-23T18:00:00+08:00' }),
      secretary.post('/api/v1/absences', { userId: deputy.id, kind: 'leave', startsAt: '2026-12-22T09:00:00+08:00', endsAt: '2026-12-22T18:00:00+08:00' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 400]);
    expect(await list(office, `userId=${deputy.id}&from=2026-12-21&to=2026-12-23`)).toHaveLength(1);
  });
});

describe.each(testDialects())('absences and the 三员 [%s]', (dialect) => {
  it('ORG-4 administrators do not record absences (they move workflows); times need an explicit offset', async () => {
    const t = await createTestApp(dialect);
    try {
      const admin = await t.login('admin');
      const office = await t.login('office');
      const leaderId = (await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'wangfang').executeTakeFirstOrThrow()).id;
      const body = { userId: leaderId, kind: 'trip', startsAt: '2027-01-04T00:00:00Z', endsAt: '2027-01-05T10:00:00Z' };
      expect((await admin.post('/api/v1/absences', body)).statusCode).toBe(403);
      const local = await office.post('/api/v1/absences', { ...body, startsAt: '2027-01-04T08:00:00' });
      expect(local.statusCode).toBe(400);
      expect(local.json().error.path).toBe('body.startsAt');
      const impossible = await office.post('/api/v1/absences', { ...body, endsAt: '2027-02-30T10:00:00+08:00' });
      expect(impossible.statusCode).toBe(400);
      expect(impossible.json().error.path).toBe('body.endsAt');
      expect((await office.post('/api/v1/absences', body)).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
