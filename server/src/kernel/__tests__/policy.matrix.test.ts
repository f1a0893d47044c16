/**
 * K-6 / K-1: the policy over HTTP. For every matter kind × state × event × demo user, the server's
 * answer is compared with the lifecycle table: the generic events route fires exactly the generic
 * events the table allows, refuses every event a command owns (422 owned_event — this is what let
 * a principal "approve" an activity without its instruction and clash handling), and each owning
 * command is held to the same table; `allowedActions` in the matter's detail says the same.
 * The expected roles of each user are written out here, independently of the server's code.
 */
import { LIFECYCLES, type Lifecycle } from '@xietiao/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/app';
import { testDialects } from '../../test/db';

const USERS = ['office', 'clerk', 'reviewer', 'leader', 'deputy', 'liaison', 'admin'] as const;
type User = (typeof USERS)[number];

/** Each user's relative roles on the test matter of each kind (everyone who sees it is a viewer; admin: none, and it sees nothing). */
const ROLES: Record<string, Record<User, string[]>> = {
  // registered by `office`, who is its owner
  coordination: {
    office: ['viewer', 'office', 'owner'],
    clerk: ['viewer', 'office'],
    reviewer: ['viewer', 'office'],
    leader: ['viewer', 'leader'],
    deputy: ['viewer', 'leader'],
    liaison: ['viewer'],
    admin: [],
  },
  // filed by `liaison` (the organiser); `leader` is the principal leader
  activity: {
    office: ['viewer', 'office'],
    clerk: ['viewer', 'office'],
    reviewer: ['viewer', 'office'],
    leader: ['viewer', 'leader', 'principal'],
    deputy: ['viewer', 'leader'],
    liaison: ['viewer', 'organiser', 'owner'],
    admin: [],
  },
  // created by `office` for 市教育局 (whose liaison drafts) from `leader` and `deputy`
  outgoing: {
    office: ['viewer', 'office', 'owner', 'drafter'],
    clerk: ['viewer', 'office'],
    reviewer: ['viewer', 'office'],
    leader: ['viewer', 'leader', 'briefLeader'],
    deputy: ['viewer', 'leader', 'briefLeader'],
    liaison: ['viewer', 'drafter'],
    admin: [],
  },
};

function expected(lc: Lifecycle, state: string, event: string, roles: string[]): 'allowed' | 'forbidden' | 'invalid_state' {
  const t = lc.events[event];
  if (!t.by.some((r) => roles.includes(r))) return 'forbidden';
  if (!t.from.includes(state)) return 'invalid_state';
  return 'allowed';
}

/** What a response says about the policy: refused by role, by state, or let through (success or a guard). */
function verdict(res: { statusCode: number; json(): any }): string {
  if (res.statusCode === 403) return 'forbidden';
  if (res.statusCode === 404) return 'not_visible';
  if (res.statusCode === 409 && res.json().error.code === 'invalid_state') return 'invalid_state';
  if (res.statusCode === 422 && res.json().error.code === 'owned_event') return 'owned_event';
  if (res.statusCode === 200 || (res.statusCode === 422 && res.json().error.code === 'rule_violation')) return 'allowed';
  return `unexpected ${res.statusCode} ${res.json().error?.code}`;
}

describe.each(testDialects())('K-6 policy matrix over HTTP [%s]', (dialect) => {
  let t: TestApp;
  const agents = {} as Record<User, Agent>;
  const ids = {} as Record<string, string>;
  let coordinationId = '';
  let activityId = '';
  let outgoingId = '';

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of USERS) agents[u] = await t.login(u);
    for (const u of ['office', 'clerk', 'reviewer', 'leader', 'deputy', 'liaison', 'wangfang']) {
      ids[u] = (await t.ctx.db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
    }
    const everyone = ['clerk', 'reviewer', 'leader', 'deputy', 'liaison'].map((u) => ids[u]);
    const c = await agents.office.post('/api/v1/matters', { kind: 'coordination', title: '矩阵测试：协调事项', accessUserIds: everyone });
    expect(c.statusCode, c.body).toBe(200);
    coordinationId = c.json().id;
    const startsAt = new Date(t.clock.now().getTime() + 20 * 86400_000).toISOString();
    const endsAt = new Date(t.clock.now().getTime() + 20 * 86400_000 + 2 * 3600_000).toISOString();
    const a = await agents.liaison.post('/api/v1/activities', {
      title: '矩阵测试：全市教育工作会议',
      category: '会议',
      heldInName: 'other',
      organiserName: '市教育局',
      organiserDepartmentId: null,
      startsAt,
      endsAt,
      place: '市政府第一会议室',
      travelMinutes: 10,
      requestedLeaderIds: [ids.wangfang],
      exceptions: { superiorLeaderAttends: false, unifiedCommemoration: false, advancesCentralWork: false, outstandingActivity: false },
    });
    expect(a.statusCode, a.body).toBe(200);
    activityId = a.json().id;
    const edu = (await t.ctx.db.selectFrom('departments').select('id').where('name', '=', '市教育局').executeTakeFirstOrThrow()).id;
    const o = await agents.office.post('/api/v1/outgoing', {
      title: '矩阵测试：关于做好开学工作的通知',
      draftingDepartmentId: edu,
      leaderIds: [ids.leader, ids.deputy],
      docType: '通知',
      secrecy: 'none',
      urgency: 'none',
    });
    expect(o.statusCode, o.body).toBe(200);
    outgoingId = o.json().id;
    // every user may see both matters, so that each answer is about the policy, not need-to-know
    await t.ctx.db
      .insertInto('matter_access')
      .values(everyone.map((u) => ({ matter_id: activityId, principal_type: 'user' as const, principal_id: u })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  });
  afterAll(async () => t?.close());

  /** Put the matter in `state` (a test fixture: the kernel is the only writer in the product). */
  async function setState(id: string, state: string, terminal: boolean): Promise<number> {
    const m = await t.ctx.db.selectFrom('matters').select('version').where('id', '=', id).executeTakeFirstOrThrow();
    await t.ctx.db
      .updateTable('matters')
      .set({ status: state, version: m.version + 1, closed_at: terminal ? t.clock.now().toISOString() : null })
      .where('id', '=', id)
      .execute();
    return m.version + 1;
  }

  /** The command route that owns an event, with a valid payload. */
  function commandCall(kind: string, event: string, version: number): { url: string; body: Record<string, unknown> } | null {
    // 发文: no command of the lifecycle is built yet (this slice is the drafting brief and the draft)
    if (kind !== 'activity') return null;
    const lc = LIFECYCLES.activity;
    switch (lc.events[event]?.command) {
      case 'propose':
        return {
          url: `/api/v1/activities/${activityId}/proposal`,
          body: { version, leaderIds: [ids.wangfang], proposal: '拟请王芳副市长出席。妥否，请审示。', responsibleStaffId: ids.office },
        };
      case 'decide':
        return { url: `/api/v1/activities/${activityId}/approval`, body: { version, decision: event, instruction: '同意。', leaderIds: [ids.wangfang] } };
      case 'reopen':
        return { url: `/api/v1/activities/${activityId}/reopen`, body: { version, reason: '出席领导另有重要公务' } };
      default:
        return null; // confirmAll: the system's own, fired by the last confirmation
    }
  }

  for (const kind of ['coordination', 'activity', 'outgoing'] as const) {
    it(`K-6 ${kind}: every state × event × user answers as the lifecycle table says, on the generic route and the owning command`, async () => {
      const lc = LIFECYCLES[kind];
      const id = () => (kind === 'coordination' ? coordinationId : kind === 'activity' ? activityId : outgoingId);
      const mismatches: string[] = [];
      for (const state of Object.keys(lc.states)) {
        const terminal = lc.states[state].terminal === true;
        for (const user of USERS) {
          // allowedActions in the detail: exactly the table's events for these roles in this state
          await setState(id(), state, terminal);
          const detail = await agents[user].get(`/api/v1/matters/${id()}`);
          if (user === 'admin') {
            if (detail.statusCode !== 404) mismatches.push(`${state} admin GET ${detail.statusCode}`);
          } else {
            const got = detail
              .json()
              .allowedActions.filter((a: { type: string }) => a.type === 'event')
              .map((a: { action: string; command?: string }) => `${a.action}${a.command ? `@${a.command}` : ''}`);
            const want = Object.keys(lc.events)
              .filter((e) => expected(lc, state, e, ROLES[kind][user]) === 'allowed')
              .map((e) => `${e}${lc.events[e].command ? `@${lc.events[e].command}` : ''}`);
            if (JSON.stringify(got) !== JSON.stringify(want))
              mismatches.push(`${state} ${user} allowedActions ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
          }
          for (const event of Object.keys(lc.events)) {
            const owned = !!lc.events[event].command;
            // administrators (三员) take no part in workflows: every step is refused outright
            const want = user === 'admin' ? 'forbidden' : expected(lc, state, event, ROLES[kind][user]);
            // the generic route: owned events are always refused; generic ones follow the table
            let version = await setState(id(), state, terminal);
            const generic = await agents[user].post(`/api/v1/matters/${id()}/events/${event}`, { version, comment: '矩阵测试意见' });
            const gotGeneric = verdict(generic);
            const wantGeneric = user === 'admin' ? 'forbidden' : owned ? 'owned_event' : want;
            if (gotGeneric !== wantGeneric) mismatches.push(`${state} ${user} generic ${event}: ${gotGeneric} ≠ ${wantGeneric} ${generic.body.slice(0, 160)}`);
            // the owning command follows the same table
            version = await setState(id(), state, terminal);
            const call = owned ? commandCall(kind, event, version) : null;
            if (call) {
              const res = await agents[user].post(call.url, call.body);
              const got = verdict(res);
              if (got !== want) mismatches.push(`${state} ${user} command ${event}: ${got} ≠ ${want} ${res.body.slice(0, 160)}`);
            }
          }
        }
      }
      expect(mismatches).toEqual([]);
    }, 240_000);
  }

  it('K-1 approving an activity through the generic events route is refused and changes nothing; the command records the approval', async () => {
    let version = await setState(activityId, 'awaiting_approval', false);
    const before = await t.ctx.db.selectFrom('instructions').select('id').where('matter_id', '=', activityId).execute();
    const res = await agents.leader.post(`/api/v1/matters/${activityId}/events/approve`, { version, comment: '同意' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('owned_event');
    expect(res.json().error.message).toContain('主要领导审批');
    const after = (await agents.leader.get(`/api/v1/activities/${activityId}`)).json();
    expect(after.status).toBe('awaiting_approval');
    expect(after.version).toBe(version);
    expect(await t.ctx.db.selectFrom('instructions').select('id').where('matter_id', '=', activityId).execute()).toHaveLength(before.length);
    // the reopen event cannot bypass the withdrawal either
    version = await setState(activityId, 'approved', false);
    const reopen = await agents.office.post(`/api/v1/matters/${activityId}/events/reopen`, { version, comment: '重新协调' });
    expect(reopen.statusCode).toBe(422);
    expect(reopen.json().error.code).toBe('owned_event');
    expect(reopen.json().error.message).toContain('/reopen');
  });
});
