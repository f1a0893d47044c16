/**
 * The ICS feeds' times (ACT-8, X-7): every event names its instant (UTC or a TZID the feed
 * defines), so a client anywhere shows an activity at 10:00 Beijing time at 10:00 Beijing time —
 * and the feed is the same whatever time zone the server process runs in. The feeds are generated
 * in child processes started with different TZ values (a running process cannot reliably change
 * its own) and read back with ical.js, an independent parser.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../test/app';
import { testDialects } from '../../../test/db';
import { ManualClock } from '../../../platform/clock';

const here = path.dirname(fileURLToPath(import.meta.url));
const workerScript = path.resolve(here, 'ics-feed.worker.ts');
// Friday 27 November 2026, 09:00 in Beijing.
const NOW = '2026-11-27T01:00:00.000Z';
const ZONES: [tz: string, offsetMinutes: number][] = [
  ['UTC', 0],
  ['Asia/Shanghai', -480],
  ['America/New_York', 300],
];

interface Parsed {
  summary: string;
  start: string;
  end: string;
  stamp: string;
}

/** Each event's times as instants; a floating time (no Z, no TZID) names no instant and fails. */
function parseFeed(body: string): Parsed[] {
  const vcal = new ICAL.Component(ICAL.parse(body));
  return vcal.getAllSubcomponents('vevent').map((v) => {
    const summary = String(v.getFirstPropertyValue('summary'));
    const at = (prop: string) => {
      const t = v.getFirstPropertyValue(prop) as ICAL.Time;
      expect(t.isDate, `${summary} ${prop} is a date-time`).toBe(false);
      expect(t.zone?.tzid ?? 'floating', `${summary} ${prop} names its time zone`).not.toBe('floating');
      return t.toJSDate().toISOString();
    };
    const stamp = v.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.zone?.tzid, `${summary} DTSTAMP is UTC`).toBe('UTC');
    return { summary, start: at('dtstart'), end: at('dtend'), stamp: stamp.toJSDate().toISOString() };
  });
}

function runWorker(tz: string, env: Record<string, string>): Promise<{ zone: string; offset: number; bodies: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', workerScript], { env: { ...process.env, ...env, TZ: tz }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker TZ=${tz} exited ${code}: ${err}`))));
  });
}

describe.each(testDialects())('calendar feed times [%s]', (dialect) => {
  let t: TestApp;
  let liaison: Agent, office: Agent, leader: Agent;
  let wangfang: string;
  let expected: { title: string; start: string; end: string }[];
  let feedUrls: string[];
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: new ManualClock(NOW) });
    [liaison, office, leader] = await Promise.all(['liaison', 'office', 'leader'].map((u) => t.login(u)));
    const uid = async (username: string) => (await t.ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
    wangfang = await uid('wangfang');
    const staffId = await uid('staff');
    const edu = (await t.ctx.db.selectFrom('departments').select('id').where('name', '=', '市教育局').executeTakeFirstOrThrow()).id;
    const activities = [
      // 10:00–11:30 Beijing time on Tuesday 8 December
      { title: 'ICS时区：教育督导会', startsAt: '2026-12-08T02:00:00.000Z', endsAt: '2026-12-08T03:30:00.000Z' },
      // 07:30–08:30 Beijing time on Wednesday 9 December: still 8 December in UTC
      { title: 'ICS时区：早间调研', startsAt: '2026-12-08T23:30:00.000Z', endsAt: '2026-12-09T00:30:00.000Z' },
      // 19:00–21:00 Beijing time on Thursday 10 December
      { title: 'ICS时区：晚间座谈', startsAt: '2026-12-10T11:00:00.000Z', endsAt: '2026-12-10T13:00:00.000Z' },
    ];
    for (const a of activities) {
      const filed = await liaison.post('/api/v1/activities', {
        category: '会议',
        title: a.title,
        organiserName: '市教育局',
        organiserDepartmentId: edu,
        heldInName: 'government',
        startsAt: a.startsAt,
        endsAt: a.endsAt,
        place: '市政府第一会议室',
        travelMinutes: 20,
        area: '教育',
        requestedLeaderIds: [wangfang],
      });
      expect(filed.statusCode, filed.body).toBe(200);
      const p = await office.post(`/api/v1/activities/${filed.json().id}/proposal`, {
        version: filed.json().version,
        leaderIds: [wangfang],
        proposal: '拟请王芳副市长出席。',
        responsibleStaffId: staffId,
      });
      expect(p.statusCode, p.body).toBe(200);
      const ap = await leader.post(`/api/v1/activities/${filed.json().id}/approval`, { version: p.json().version, decision: 'approve' });
      expect(ap.statusCode, ap.body).toBe(200);
    }
    // 王芳's demo leave: the whole of Monday 7 December in Beijing (00:00 to 24:00 +08:00).
    const leave = await t.ctx.db.selectFrom('absences').select(['starts_at', 'ends_at']).where('user_id', '=', wangfang).executeTakeFirstOrThrow();
    expect([leave.starts_at, leave.ends_at].map((s) => new Date(s).toISOString())).toEqual(['2026-12-06T16:00:00.000Z', '2026-12-07T16:00:00.000Z']);
    expected = [
      ...activities.map((a) => ({ title: a.title, start: a.startsAt, end: a.endsAt })),
      { title: '请假', start: '2026-12-06T16:00:00.000Z', end: '2026-12-07T16:00:00.000Z' },
    ];
    const feeds = (await office.get('/api/v1/schedule/feeds')).json();
    feedUrls = [feeds.week, feeds.leaders.find((l: { leaderId: string }) => l.leaderId === wangfang).url];
  });
  afterAll(async () => t?.close());

  const check = (body: string, leaderName?: string) => {
    const events = parseFeed(body);
    for (const e of expected) {
      const summary = leaderName ? `${leaderName}：${e.title}` : e.title;
      const found = events.filter((v) => v.summary === summary);
      expect(found, summary).toHaveLength(1);
      expect(found[0], summary).toEqual({ summary, start: e.start, end: e.end, stamp: NOW });
    }
    // DTSTAMP is UTC on the wire too
    expect(body).toMatch(/^DTSTAMP:20261127T010000Z\r?$/m);
  };

  it("ACT-8, X-7 the feed gives an activity at 10:00 Beijing time as 02:00Z whatever the server's time zone", async () => {
    const env = { WORKER_DB_URL: t.tdb.url, WORKER_DB_SCHEMA: t.tdb.schema ?? '', WORKER_NOW: NOW, WORKER_FEEDS: JSON.stringify(feedUrls) };
    const runs = await Promise.all(ZONES.map(([tz]) => runWorker(tz, env)));
    const [weekFeed, leaderFeed] = (await Promise.all(feedUrls.map((url) => t.app.inject({ method: 'GET', url })))).map((r) => r.body);
    runs.forEach((run, i) => {
      const [tz, offset] = ZONES[i];
      // the child really ran in that time zone
      expect({ zone: run.zone, offset: run.offset }).toEqual({ zone: tz, offset });
      check(run.bodies[0], '王芳');
      check(run.bodies[1]);
      // byte for byte the same feed, and the same as this process's
      expect(run.bodies).toEqual([weekFeed, leaderFeed]);
    });
    const first = parseFeed(leaderFeed).find((e) => e.summary === 'ICS时区：教育督导会')!;
    expect(first.start).toBe('2026-12-08T02:00:00.000Z');
  });
});
