import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../../platform/auth/plugin';
import { createTestApp, type Agent, type TestApp } from '../../../test/app';
import { testDialects } from '../../../test/db';
import { ManualClock } from '../../../platform/clock';
import { createTimerRunner } from '../../../platform/timers';
import { timerHandlers } from '../../../timers';

const uid = async (t: TestApp, username: string) =>
  (await t.ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const did = async (t: TestApp, name: string) => (await t.ctx.db.selectFrom('departments').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
const kinds = async (agent: Agent) => (await agent.get('/api/v1/notifications?pageSize=200')).json().items as { kind: string; matterId: string | null }[];

describe.each(testDialects())('leader activities [%s]', (dialect) => {
  let t: TestApp;
  let clock: ManualClock;
  let liaison: Agent, office: Agent, leader: Agent, secretary2: Agent, staff: Agent;
  let wangfang: string, deputy: string, staffId: string, edu: string;
  // Friday 27 November 2026, 09:00 in Beijing.
  beforeAll(async () => {
    clock = new ManualClock('2026-11-27T01:00:00Z');
    t = await createTestApp(dialect, { clock });
    [liaison, office, leader, secretary2, staff] = await Promise.all(['liaison', 'office', 'leader', 'secretary2', 'staff'].map((u) => t.login(u)));
    wangfang = await uid(t, 'wangfang');
    deputy = await uid(t, 'deputy');
    staffId = await uid(t, 'staff');
    edu = await did(t, '市教育局');
  });
  afterAll(async () => t?.close());

  const request = (over: Record<string, unknown> = {}) => ({
    category: '会议',
    title: '全市教育工作会议',
    organiserName: '市教育局',
    organiserDepartmentId: edu,
    heldInName: 'government',
    startsAt: '2026-12-03T02:00:00Z',
    endsAt: '2026-12-03T04:00:00Z',
    place: '市政府第一会议室',
    travelMinutes: 20,
    area: '教育',
    requestedLeaderIds: [wangfang, deputy],
    ...over,
  });
  const file = async (over: Record<string, unknown> = {}) => {
    const res = await liaison.post('/api/v1/activities', request(over));
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const proposeAndApprove = async (a: { id: string; version: number }, leaderIds = [wangfang]) => {
    const p = await office.post(`/api/v1/activities/${a.id}/proposal`, {
      version: a.version,
      leaderIds,
      proposal: '拟请王芳副市长出席。',
      responsibleStaffId: staffId,
    });
    expect(p.statusCode, p.body).toBe(200);
    const ap = await leader.post(`/api/v1/activities/${a.id}/approval`, { version: p.json().version, decision: 'approve' });
    expect(ap.statusCode, ap.body).toBe(200);
    return ap.json();
  };

  it('K-9 the one schedule keeps a busy period from a viewer who may not see its activity, but not its title or place', async () => {
    const a = await proposeAndApprove(await file({ title: '保密性质的专题协调会', startsAt: '2026-12-23T02:00:00Z', endsAt: '2026-12-23T04:00:00Z' }));
    const range = { from: '2026-12-23T00:00:00Z', to: '2026-12-24T00:00:00Z' };
    const actorOf = async (u: string) => (await loadActor(t.ctx, await uid(t, u)))!;
    const forDeputy = (await t.container.schedule.busy(t.ctx.db, await actorOf('deputy'), range)).filter((b) => b.refId === a.id);
    expect(forDeputy).toEqual([expect.objectContaining({ leaderId: wangfang, title: '另有公务安排', place: null, visible: false, firm: true })]);
    const forOffice = (await t.container.schedule.busy(t.ctx.db, await actorOf('office'), range)).filter((b) => b.refId === a.id);
    expect(forOffice).toEqual([expect.objectContaining({ title: '保密性质的专题协调会', place: '市政府第一会议室', visible: true })]);
    // the deputy's calendar does not list it at all; the office's does
    const deputyAgent = await t.login('deputy');
    const cal = (await deputyAgent.get(`/api/v1/schedule?from=2026-12-23&to=2026-12-23&leaderId=${wangfang}`)).json().items;
    expect(cal.some((e: { refId: string }) => e.refId === a.id)).toBe(false);
    const officeCal = (await office.get(`/api/v1/schedule?from=2026-12-23&to=2026-12-23&leaderId=${wangfang}`)).json().items;
    expect(officeCal.some((e: { refId: string; title: string }) => e.refId === a.id && e.title === '保密性质的专题协调会')).toBe(true);
  });

  it("ACT-1 a liaison files a request that lands in the office's inbox", async () => {
    const a = await file();
    expect(a.status).toBe('submitted');
    expect(a.activity).toMatchObject({ category: '会议', heldInName: 'government', place: '市政府第一会议室', organiserDepartmentName: '市教育局' });
    const todo = (await office.get('/api/v1/inbox/todo?pageSize=100')).json().items;
    expect(todo.some((x: { matterId: string; kind: string }) => x.matterId === a.id && x.kind === 'propose')).toBe(true);
    expect((await kinds(staff)).some((n) => n.kind === 'activity_request' && n.matterId === a.id)).toBe(true);
  });

  it('ACT-1 refuses bad requests with a Chinese message naming the field, and writes nothing', async () => {
    const before = (await office.get('/api/v1/activities?pageSize=200')).json().total;
    const cases: [Record<string, unknown>, string][] = [
      [{ startsAt: '2026-11-20T02:00:00Z', endsAt: '2026-11-20T04:00:00Z' }, 'body.startsAt'],
      [{ endsAt: '2026-12-03T01:00:00Z' }, 'body.endsAt'],
      [{ requestedLeaderIds: ['nobody'] }, 'body.requestedLeaderIds[0]'],
      [{ requestedLeaderIds: [staffId] }, 'body.requestedLeaderIds[0]'],
      [{ category: '舞会' }, 'body.category'],
      [{ travelMinutes: -5 }, 'body.travelMinutes'],
      [{ place: '' }, 'body.place'],
      [{ startsAt: 'tomorrow' }, 'body.startsAt'],
    ];
    for (const [over, path] of cases) {
      const res = await liaison.post('/api/v1/activities', request(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().error.path).toBe(path);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await office.get('/api/v1/activities?pageSize=200')).json().total).toBe(before);
  });

  it('ACT-1 the organiser department is chosen explicitly: a request without one is refused with a 400 naming the field; null means an outside organiser', async () => {
    const before = (await office.get('/api/v1/activities?pageSize=200')).json().total;
    const { organiserDepartmentId: _, ...missing } = request();
    for (const agent of [liaison, office]) {
      const res = await agent.post('/api/v1/activities', missing);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.path).toBe('body.organiserDepartmentId');
      expect(res.json().error.message).toContain('请选择主办部门');
    }
    expect((await office.get('/api/v1/activities?pageSize=200')).json().total).toBe(before);
    const outside = await office.post(
      '/api/v1/activities',
      request({ organiserName: '市总工会', organiserDepartmentId: null, startsAt: '2026-12-09T02:00:00Z', endsAt: '2026-12-09T03:00:00Z' }),
    );
    expect(outside.statusCode, outside.body).toBe(200);
    expect(outside.json().activity).toMatchObject({ organiserDepartmentId: null, organiserDepartmentName: null });
  });

  it('ACT-4 a safety inspection the office enters itself, with the office as organiser department, is proposed for the vice-mayor in charge of the 工作领域', async () => {
    const officeDept = await did(t, '市政府办公室');
    const liuzq = await uid(t, 'liuzq');
    const res = await office.post(
      '/api/v1/activities',
      request({
        category: '视察调研',
        title: '节前安全生产检查',
        organiserName: '市政府办公室',
        organiserDepartmentId: officeDept,
        heldInName: 'other',
        area: '应急管理和安全生产',
        requestedLeaderIds: [],
        startsAt: '2026-12-10T06:00:00Z',
        endsAt: '2026-12-10T08:00:00Z',
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const view = (await office.get(`/api/v1/activities/${res.json().id}`)).json();
    expect(view.candidates[0].leaderId).toBe(liuzq);
    expect(view.candidates[0].reasons).toContain('分管该领域（应急管理和安全生产）');
    // the 秘书长 and the 常务副市长 are in charge of the office, not of this work
    for (const u of ['sunlx', 'deputy']) {
      const id = await uid(t, u);
      const c = view.candidates.find((x: { leaderId: string }) => x.leaderId === id);
      expect(c.reasons).not.toContain('分管主办部门');
    }
    const s = (await office.get(`/api/v1/activities/${res.json().id}/suggestion`)).json();
    expect(s.leaderIds).toEqual([liuzq]);
    expect(s.opinion).toContain('拟请副市长刘志强出席「节前安全生产检查」（分管该领域（应急管理和安全生产））');
  });

  it('ACT-3 a vice-governor at a meeting in the government’s name: the principal leader is recommended right after the leader in charge and proposed with her', async () => {
    const mayor = await uid(t, 'leader');
    const superior = (rank: number) =>
      file({
        title: `省政府领导出席的全市教育大会（${rank}）`,
        requestedLeaderIds: [wangfang],
        exceptions: { superiorLeaderAttends: true, superiorLeaderRankOrder: rank },
        startsAt: '2026-12-11T02:00:00Z',
        endsAt: '2026-12-11T04:00:00Z',
      });
    // 副部级 (4) is above the mayor's 正厅级 (5)
    const a = await superior(4);
    expect(a.activity.exceptions).toMatchObject({ superiorLeaderAttends: true, superiorLeaderRankOrder: 4 });
    const view = (await office.get(`/api/v1/activities/${a.id}`)).json();
    expect(view.candidates.slice(0, 2).map((c: { leaderId: string }) => c.leaderId)).toEqual([wangfang, mayor]);
    expect(view.candidates[1].reasons).toContain('上级领导同志级别相当于本机关主要领导或更高，宜请主要领导出席陪同');
    const s = (await office.get(`/api/v1/activities/${a.id}/suggestion`)).json();
    expect(s.leaderIds).toEqual([wangfang, mayor]);
    expect(s.opinion).toContain('另请市长张国华（上级领导同志级别相当于本机关主要领导或更高，宜请主要领导出席陪同）出席');
    const ex = view.ruleEvaluations.find((r: { rule: string }) => r.rule === 'exceptions');
    expect(ex.leaderIds).toEqual([mayor]);
    // a visitor of the vice-mayors' 副厅级 (6): 王芳, in charge, is of that rank
    const b = await superior(6);
    expect((await office.get(`/api/v1/activities/${b.id}/suggestion`)).json().leaderIds).toEqual([wangfang]);
    // the rank is on this organ's scale
    const bad = await liaison.post('/api/v1/activities', request({ exceptions: { superiorLeaderAttends: true, superiorLeaderRankOrder: 0 } }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.path).toBe('body.exceptions.superiorLeaderRankOrder');
  });

  it('ACT-2 a 晚会 and a ceremony held in the party/government name with three first-line leaders requested: those whose areas are not involved are flagged 陪会', async () => {
    const liuzq = await uid(t, 'liuzq');
    const culture = await did(t, '市文化广电旅游局');
    const cases = [
      { category: '晚会', heldInName: 'party', title: '新春文艺晚会', subject: '以党委名义举办的晚会' },
      { category: '庆典', heldInName: 'government', title: '市民文化节开幕仪式', subject: '以政府名义举办的庆典' },
    ];
    for (const [i, c] of cases.entries()) {
      const a = await file({
        category: c.category,
        heldInName: c.heldInName,
        title: c.title,
        organiserName: '市文化广电旅游局',
        organiserDepartmentId: culture,
        area: '文化和旅游',
        requestedLeaderIds: [wangfang, deputy, liuzq],
        startsAt: `2026-12-1${4 + i}T11:00:00Z`,
        endsAt: `2026-12-1${4 + i}T13:00:00Z`,
      });
      const view = (await office.get(`/api/v1/activities/${a.id}`)).json();
      const only = view.ruleEvaluations.find((r: { rule: string }) => r.rule === 'onlyLeaderInCharge');
      expect(only, c.title).toBeDefined();
      expect(only.level).toBe('warning');
      expect(only.leaderIds).toEqual([deputy, liuzq]);
      // 郑秀兰 (second line) keeps in touch with the culture bureau: in charge too
      expect(only.message).toContain(`${c.subject}，除分管这方面工作的领导（王芳、郑秀兰）外一般不邀请其他领导陪会：李卫东、刘志强属陪会`);
      expect(view.candidates[0].leaderId).toBe(wangfang);
      const dep = view.candidates.find((x: { leaderId: string }) => x.leaderId === deputy);
      expect(dep.reasons).toContain(`${c.subject}一般只请分管领导出席，不宜陪会`);
      const s = (await office.get(`/api/v1/activities/${a.id}/suggestion`)).json();
      expect(s.leaderIds).not.toContain(deputy);
      expect(s.leaderIds).not.toContain(liuzq);
    }
  });

  it("ACT-2 shows the named rules with their reasons: the extra leader at a meeting in the government's name is flagged 陪会", async () => {
    const a = await file();
    const view = (await office.get(`/api/v1/activities/${a.id}`)).json();
    const only = view.ruleEvaluations.find((r: { rule: string }) => r.rule === 'onlyLeaderInCharge');
    expect(only.level).toBe('warning');
    expect(only.leaderIds).toEqual([deputy]);
    expect(only.message).toContain('陪会');
    expect(view.ruleEvaluations.some((r: { rule: string }) => r.rule === 'process')).toBe(true);
  });

  it('ACT-4 recommends the leader in charge first, with reasons; the organiser does not see the ranking', async () => {
    const a = await file();
    const view = (await office.get(`/api/v1/activities/${a.id}`)).json();
    expect(view.candidates[0].leaderId).toBe(wangfang);
    expect(view.candidates[0].reasons.join('；')).toContain('教育');
    expect(view.allowedActions).toContainEqual(expect.objectContaining({ action: 'propose', type: 'event', command: 'propose' }));
    expect((await liaison.get(`/api/v1/activities/${a.id}`)).json().candidates).toEqual([]);
    const s = (await office.get(`/api/v1/activities/${a.id}/suggestion`)).json();
    expect(s.leaderIds).toEqual([wangfang]);
    expect(s.opinion).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('ACT-4 proposal → principal approval → leaders and organiser told; only the principal may approve', async () => {
    const a = await file();
    const p = await office.post(`/api/v1/activities/${a.id}/proposal`, {
      version: a.version,
      leaderIds: [wangfang],
      proposal: '拟请分管教育的王芳副市长出席。',
      responsibleStaffId: staffId,
    });
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json().status).toBe('awaiting_approval');
    const todo = (await leader.get('/api/v1/inbox/todo?pageSize=100')).json().items;
    expect(todo.some((x: { matterId: string; kind: string }) => x.matterId === a.id && x.kind === 'approve')).toBe(true);
    expect((await office.post(`/api/v1/activities/${a.id}/approval`, { version: p.json().version, decision: 'approve' })).statusCode).toBe(403);
    const ap = await leader.post(`/api/v1/activities/${a.id}/approval`, {
      version: p.json().version,
      decision: 'approve',
      instruction: '同意，请王芳同志出席。',
    });
    expect(ap.statusCode, ap.body).toBe(200);
    expect(ap.json().status).toBe('approved');
    expect(ap.json().assignments.map((x: { leaderId: string; status: string }) => [x.leaderId, x.status])).toEqual([[wangfang, 'assigned']]);
    expect(ap.json().instructions.at(-1)).toMatchObject({ kind: 'approval', decision: 'approve' });
    expect((await kinds(liaison)).some((n) => n.kind === 'activity_approved' && n.matterId === a.id)).toBe(true);
    expect((await kinds(secretary2)).some((n) => n.kind === 'activity_assigned' && n.matterId === a.id)).toBe(true);
  });

  it('ACT-4 a decline and a change are told back to the organiser', async () => {
    const a = await file({ title: '某协会年会' });
    const p = (
      await office.post(`/api/v1/activities/${a.id}/proposal`, {
        version: a.version,
        leaderIds: [wangfang],
        proposal: '拟请王芳副市长出席。',
        responsibleStaffId: staffId,
      })
    ).json();
    expect((await leader.post(`/api/v1/activities/${a.id}/approval`, { version: p.version, decision: 'decline' })).statusCode).toBe(400);
    const d = await leader.post(`/api/v1/activities/${a.id}/approval`, {
      version: p.version,
      decision: 'decline',
      instruction: '不安排市领导出席，由市教育局负责同志出席。',
    });
    expect(d.json().status).toBe('declined');
    expect((await kinds(liaison)).some((n) => n.kind === 'activity_declined' && n.matterId === a.id)).toBe(true);
    const b = await file({ title: '教育系统表彰大会', category: '表彰' });
    const pb = (
      await office.post(`/api/v1/activities/${b.id}/proposal`, {
        version: b.version,
        leaderIds: [wangfang, deputy],
        proposal: '拟请两位领导出席。',
        responsibleStaffId: staffId,
      })
    ).json();
    const c = await leader.post(`/api/v1/activities/${b.id}/approval`, {
      version: pb.version,
      decision: 'approveWithChanges',
      leaderIds: [wangfang],
      instruction: '王芳同志出席即可。',
    });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json().assignments.map((x: { leaderId: string }) => x.leaderId)).toEqual([wangfang]);
    expect((await kinds(liaison)).some((n) => n.kind === 'activity_changed' && n.matterId === b.id)).toBe(true);
  });

  it('ACT-4 two approvals of one request at once: one wins, the other gets 409 and the new state', async () => {
    const a = await file({ title: '并发审批测试' });
    const p = (
      await office.post(`/api/v1/activities/${a.id}/proposal`, {
        version: a.version,
        leaderIds: [wangfang],
        proposal: '拟请王芳副市长出席。',
        responsibleStaffId: staffId,
      })
    ).json();
    const [x, y] = await Promise.all([
      leader.post(`/api/v1/activities/${a.id}/approval`, { version: p.version, decision: 'approve' }),
      leader.post(`/api/v1/activities/${a.id}/approval`, { version: p.version, decision: 'decline', instruction: '不同意' }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    const now = (await office.get(`/api/v1/activities/${a.id}`)).json();
    expect(['approved', 'declined']).toContain(now.status);
    expect(now.instructions.filter((i: { kind: string }) => i.kind === 'approval')).toHaveLength(1);
  });

  it("ACT-5 the office records departments' opinions on a hard case, takes it to the leader in charge, and the outcome is recorded", async () => {
    const a = await file({ title: '某民办学校开学典礼', category: '庆典', heldInName: 'other' });
    const c = await office.post(`/api/v1/matters/${a.id}/consultations`, {
      subject: '是否安排市领导出席',
      question: '该校办学资质存在争议，请就是否安排市领导出席提出意见。',
      departmentIds: [edu],
      dueWorkingDays: 2,
    });
    expect(c.statusCode, c.body).toBe(200);
    const r = await liaison.post(`/api/v1/consultations/${c.json().id}/respond`, { position: 'disagree', text: '资质审查尚未结束，不宜安排市领导出席。' });
    expect(r.json().openDisagreements).toHaveLength(1);
    const ask = await office.post(`/api/v1/matters/${a.id}/leader-requests`, { question: '市教育局意见不宜出席，组织方坚持邀请，请示是否出席。' });
    expect(ask.statusCode, ask.body).toBe(200);
    const wf = await t.login('wangfang');
    const todo = (await wf.get('/api/v1/inbox/todo?pageSize=100')).json().items;
    expect(todo.some((x: { matterId: string; kind: string }) => x.matterId === a.id && x.kind === 'instruct')).toBe(true);
    const ins = await wf.post(`/api/v1/matters/${a.id}/instructions`, { kind: 'instruction', text: '资质审查结束前不安排市领导出席。' });
    expect(ins.statusCode, ins.body).toBe(200);
    expect(
      (await wf.get('/api/v1/inbox/todo?pageSize=100'))
        .json()
        .items.some((x: { matterId: string; kind: string }) => x.matterId === a.id && x.kind === 'instruct'),
    ).toBe(false);
    const settle = await office.post(`/api/v1/consultations/${c.json().id}/settle`, {
      version: r.json().version,
      outcome: '按王芳副市长批示，不安排市领导出席。',
      escalate: true,
    });
    expect(settle.statusCode, settle.body).toBe(200);
    const view = (await office.get(`/api/v1/activities/${a.id}`)).json();
    expect(view.instructions.at(-1)).toMatchObject({ leaderName: '王芳', text: '资质审查结束前不安排市领导出席。' });
    expect(view.consultations[0]).toMatchObject({ status: 'escalated', outcome: '按王芳副市长批示，不安排市领导出席。' });
    expect(view.history.map((h: { action: string }) => h.action)).toEqual(
      expect.arrayContaining(['consultation.started', 'consultation.responded', 'matter.leader_asked', 'matter.instruction_added', 'consultation.escalated']),
    );
  });

  it('ACT-6 the secretary confirms; a new absence re-opens the activity with substitutes and the organiser is told', async () => {
    const a = await proposeAndApprove(await file({ title: '全市校园安全工作推进会' }));
    const c = await secretary2.post(`/api/v1/activities/${a.id}/confirmations`, { leaderId: wangfang });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json().status).toBe('confirmed');
    expect(c.json().assignments[0]).toMatchObject({ status: 'confirmed', confirmedByName: '赵雪' });
    const absence = await office.post('/api/v1/absences', {
      userId: wangfang,
      kind: 'trip',
      startsAt: '2026-12-02T00:00:00Z',
      endsAt: '2026-12-04T10:00:00Z',
      note: '赴省参加会议',
    });
    expect(absence.statusCode, absence.body).toBe(200);
    // whoever records the absence is told what it re-opened, and so is the leader
    expect(absence.json().notices).toEqual([expect.stringContaining('「全市校园安全工作推进会」原定王芳出席，已转为重新协调')]);
    const toLeader = await t.ctx.db
      .selectFrom('notifications')
      .select(['kind', 'title'])
      .where('user_id', '=', wangfang)
      .where('matter_id', '=', a.id)
      .execute();
    expect(toLeader.some((n) => n.kind === 'activity_reopened' && n.title.includes('已转为重新协调'))).toBe(true);
    const after = (await office.get(`/api/v1/activities/${a.id}`)).json();
    expect(after.status).toBe('recoordinating');
    expect(after.assignments[0]).toMatchObject({ leaderId: wangfang, status: 'withdrawn' });
    expect(after.candidates.length).toBeGreaterThan(0);
    expect(after.candidates.every((x: { leaderId: string }) => x.leaderId !== wangfang)).toBe(true);
    expect(after.candidates[0].reasons[0]).toContain('可替代');
    expect(after.history.some((h: { action: string; actorName: string | null }) => h.action === 'matter.reopen' && h.actorName === null)).toBe(true);
    expect((await kinds(liaison)).some((n) => n.kind === 'activity_reopened' && n.matterId === a.id)).toBe(true);
    // Re-approval with the substitute.
    const p = await office.post(`/api/v1/activities/${a.id}/proposal`, {
      version: after.version,
      leaderIds: [after.candidates[0].leaderId],
      proposal: '王芳副市长出差，拟改请替代人选出席。',
      responsibleStaffId: staffId,
    });
    expect(p.statusCode, p.body).toBe(200);
    const ap = await leader.post(`/api/v1/activities/${a.id}/approval`, { version: p.json().version, decision: 'approve' });
    expect(ap.json().status).toBe('approved');
  });

  it('ACT-6 approving a leader for a clashing activity re-opens the other one, with the reason, and tells its organiser', async () => {
    const first = await proposeAndApprove(await file({ title: '冲突测试：学前教育座谈会', startsAt: '2026-12-16T02:00:00Z', endsAt: '2026-12-16T03:00:00Z' }));
    expect(first.status).toBe('approved');
    const second = await proposeAndApprove(
      await file({
        title: '冲突测试：省督导组反馈会',
        startsAt: '2026-12-16T02:30:00Z',
        endsAt: '2026-12-16T04:00:00Z',
        exceptions: { superiorLeaderAttends: true },
      }),
    );
    expect(second.status).toBe('approved');
    const after = (await office.get(`/api/v1/activities/${first.id}`)).json();
    expect(after.status).toBe('recoordinating');
    expect(after.assignments[0]).toMatchObject({ leaderId: wangfang, status: 'withdrawn' });
    expect(after.assignments[0].note).toContain('冲突测试：省督导组反馈会');
    // the system re-opened it (no actor); the office's new 重新协调 task is audited after it
    expect(after.history.findLast((h: { action: string }) => h.action.startsWith('matter.'))).toMatchObject({ action: 'matter.reopen', actorName: null });
    expect((await kinds(liaison)).some((n) => n.kind === 'activity_reopened' && n.matterId === first.id)).toBe(true);
  });

  it("ACT-8, X-7 the weekly table and each leader's calendar show approved activities with conflict markers; XLSX parses back", async () => {
    // 王芳 is on leave all of Monday 7 December in the demo data; the principal approves her anyway.
    const a = await proposeAndApprove(await file({ title: '周表测试：职业教育座谈会', startsAt: '2026-12-07T06:00:00Z', endsAt: '2026-12-07T08:00:00Z' }));
    const view = (await office.get(`/api/v1/activities/${a.id}`)).json();
    expect(view.candidates.find((c: { leaderId: string }) => c.leaderId === wangfang).available).toBe(false);
    const week = (await office.get('/api/v1/schedule/week?start=2026-12-07')).json();
    expect(week.title).toContain('领导周活动安排表');
    const row = week.rows.find((r: { leaderId: string }) => r.leaderId === wangfang);
    const monday = row.cells[0].entries;
    expect(monday.map((e: { kind: string }) => e.kind).sort()).toEqual(['absence', 'activity']);
    expect(monday.every((e: { conflict: boolean }) => e.conflict)).toBe(true);
    expect(monday.find((e: { kind: string }) => e.kind === 'activity').conflictWith).toEqual(['请假']);
    expect(week.conflicts).toBeGreaterThanOrEqual(2);
    // A proposal not yet approved shows in the calendar on request, clashing with an approved one.
    const b = await proposeAndApprove(await file({ title: '周表测试：校长培训班开班式', startsAt: '2026-12-09T07:00:00Z', endsAt: '2026-12-09T08:00:00Z' }));
    const c = await file({ title: '周表测试：教研员座谈', startsAt: '2026-12-09T07:30:00Z', endsAt: '2026-12-09T08:30:00Z' });
    await office.post(`/api/v1/activities/${c.id}/proposal`, {
      version: c.version,
      leaderIds: [wangfang],
      proposal: '拟请王芳副市长出席。',
      responsibleStaffId: staffId,
    });
    const firm = (await office.get(`/api/v1/schedule?from=2026-12-09&to=2026-12-09&leaderId=${wangfang}`)).json().items;
    expect(firm.map((e: { refId: string }) => e.refId)).toEqual([b.id]);
    const cal = (await office.get(`/api/v1/schedule?from=2026-12-09&to=2026-12-09&leaderId=${wangfang}&includeProposed=1`)).json().items;
    expect(cal.find((e: { refId: string }) => e.refId === b.id).conflictWith).toContain('周表测试：教研员座谈');
    const xlsx = await office.get('/api/v1/schedule/week.xlsx?start=2026-12-07');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('领导周活动安排表')!;
    expect(String(ws.getCell(1, 1).value)).toContain('领导周活动安排表');
    // the days head the columns as real date cells (platform/xlsx.ts), the weekday under each
    expect(ws.getCell(3, 3).value).toEqual(new Date('2026-12-07T00:00:00Z'));
    expect(ws.getCell(3, 3).numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(ws.getCell(4, 3).value).toBe('星期一');
    const cells: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    expect(cells.some((c) => c.includes('职业教育座谈会') && c.includes('冲突'))).toBe(true);
  });

  it("ACT-8, X-7 the ICS feed is valid iCalendar and shows only what the feed's owner may see", async () => {
    const a = await proposeAndApprove(await file({ title: 'ICS测试：教育督导会', startsAt: '2026-12-08T02:00:00Z', endsAt: '2026-12-08T03:00:00Z' }));
    const feeds = (await office.get('/api/v1/schedule/feeds')).json();
    const officeIcs = await t.app.inject({ method: 'GET', url: feeds.week });
    expect(officeIcs.statusCode).toBe(200);
    expect(officeIcs.headers['content-type']).toContain('text/calendar');
    const vcal = new ICAL.Component(ICAL.parse(officeIcs.body));
    const summaries = vcal.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('summary')));
    expect(summaries.some((s) => s.includes('ICS测试：教育督导会'))).toBe(true);
    const ev = vcal.getAllSubcomponents('vevent').find((v) => String(v.getFirstPropertyValue('summary')).includes('ICS测试'))!;
    expect(new ICAL.Event(ev).startDate.toJSDate().toISOString()).toBe('2026-12-08T02:00:00.000Z');
    // A liaison of another department has no need-to-know: the activity is not in their feed.
    const other = await t.ctx.db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select('users.username')
      .where('user_roles.role', '=', 'liaison')
      .where('users.department_id', '!=', edu)
      .executeTakeFirstOrThrow();
    const otherAgent = await t.login(other.username);
    const otherFeeds = (await otherAgent.get('/api/v1/schedule/feeds')).json();
    const otherIcs = await t.app.inject({ method: 'GET', url: otherFeeds.leaders.find((l: { leaderId: string }) => l.leaderId === wangfang).url });
    const otherCal = new ICAL.Component(ICAL.parse(otherIcs.body));
    expect(otherCal.getAllSubcomponents('vevent').some((v) => String(v.getFirstPropertyValue('summary')).includes('ICS测试'))).toBe(false);
    expect((await otherAgent.get(`/api/v1/activities/${a.id}`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/feeds/not-a-real-token-000/leaders.ics' })).statusCode).toBe(404);
  });

  it('ACT-2, X-9 the rules are data: only the system administrator edits them, with validation and versioning', async () => {
    const admin = await t.login('admin');
    const current = (await admin.get('/api/v1/activity-rules')).json();
    const settings = { ...current.settings, quota: { ...(current.settings.quota as object), max: 2 } };
    expect((await office.put('/api/v1/activity-rules', { version: current.version, settings })).statusCode).toBe(403);
    const bad = await admin.put('/api/v1/activity-rules', {
      version: current.version,
      settings: { ...settings, quota: { ...(settings.quota as object), max: -1 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.path).toContain('body.settings.quota');
    const ok = await admin.put('/api/v1/activity-rules', { version: current.version, settings });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await admin.put('/api/v1/activity-rules', { version: current.version, settings })).statusCode).toBe(409);
    // With the quota at 2 and more than 2 in-name activities this month, a new one is flagged.
    const a = await file({ title: '配额测试会议', startsAt: '2026-12-10T02:00:00Z', endsAt: '2026-12-10T03:00:00Z' });
    const quota = (await office.get(`/api/v1/activities/${a.id}`)).json().ruleEvaluations.find((r: { rule: string }) => r.rule === 'quota');
    expect(quota.level).toBe('violation');
  });
});

describe.each(testDialects())('ACT-7 reminders [%s]', (dialect) => {
  let t: TestApp;
  let clock: ManualClock;
  beforeAll(async () => {
    clock = new ManualClock('2026-11-27T01:00:00Z');
    t = await createTestApp(dialect, { clock });
  });
  afterAll(async () => t?.close());

  async function approvedActivity(title: string, startsAt: string, endsAt: string) {
    const [liaison, office, leader] = await Promise.all(['liaison', 'office', 'leader'].map((u) => t.login(u)));
    const wangfang = await uid(t, 'wangfang');
    const a = (
      await liaison.post('/api/v1/activities', {
        category: '视察调研',
        title,
        organiserName: '市教育局',
        organiserDepartmentId: await did(t, '市教育局'),
        heldInName: 'other',
        startsAt,
        endsAt,
        place: '甲县第一中学',
        travelMinutes: 60,
        area: '教育',
        requestedLeaderIds: [wangfang],
      })
    ).json();
    const p = (
      await office.post(`/api/v1/activities/${a.id}/proposal`, {
        version: a.version,
        leaderIds: [wangfang],
        proposal: '拟请王芳副市长出席。',
        responsibleStaffId: await uid(t, 'staff'),
      })
    ).json();
    const ap = await leader.post(`/api/v1/activities/${a.id}/approval`, { version: p.version, decision: 'approve' });
    expect(ap.statusCode, ap.body).toBe(200);
    return ap.json();
  }

  it('ACT-7 reminds the responsible staff the day before and before departure (travel + margin), and escalates an unconfirmed departure', async () => {
    const runner = createTimerRunner(t.ctx, timerHandlers(t.ctx));
    // Wednesday 2 December 2026, 09:00–11:00 Beijing; 60 min travel, 30 min margin → leave by 07:30.
    const a = await approvedActivity('赴甲县调研职业教育', '2026-12-02T01:00:00Z', '2026-12-02T03:00:00Z');
    expect(a.activity.reminderTimes).toEqual({
      dayBefore: '2026-12-01T08:00:00.000Z',
      departure: '2026-12-01T23:30:00.000Z',
      escalateAt: '2026-12-02T00:00:00.000Z',
    });
    const seen = async (username: string) => (await kinds(await t.login(username))).filter((n) => n.matterId === a.id).map((n) => n.kind);
    clock.set('2026-12-01T07:59:00Z');
    await runner.runDue();
    expect(await seen('staff')).not.toContain('activity_day_before');
    clock.set('2026-12-01T08:00:00Z');
    expect(await runner.runDue()).toBe(1);
    expect(await seen('staff')).toContain('activity_day_before');
    expect(await seen('secretary2')).toContain('activity_day_before');
    clock.set('2026-12-01T23:30:00Z');
    await runner.runDue();
    expect(await seen('staff')).toContain('activity_departure');
    const staff = await t.login('staff');
    expect((await staff.post(`/api/v1/activities/${a.id}/reminder`, { state: 'reminded' })).statusCode).toBe(200);
    clock.set('2026-12-02T00:00:00Z');
    await runner.runDue();
    expect(await seen('office')).toContain('activity_escalation');
  });

  it('ACT-7 a confirmed departure stops the escalation; only the responsible staff or the office confirms', async () => {
    const runner = createTimerRunner(t.ctx, timerHandlers(t.ctx));
    clock.set('2026-11-27T01:00:00Z');
    const a = await approvedActivity('赴乙县检查校舍安全', '2026-12-04T01:00:00Z', '2026-12-04T03:00:00Z');
    const liaison = await t.login('liaison');
    expect((await liaison.post(`/api/v1/activities/${a.id}/reminder`, { state: 'departed' })).statusCode).toBe(403);
    clock.set('2026-12-03T23:31:00Z');
    await runner.runDue();
    const staff = await t.login('staff');
    const dep = await staff.post(`/api/v1/activities/${a.id}/reminder`, { state: 'departed' });
    expect(dep.statusCode, dep.body).toBe(200);
    expect(dep.json().activity.reminderState).toBe('departed');
    expect((await staff.post(`/api/v1/activities/${a.id}/reminder`, { state: 'departed' })).statusCode).toBe(409);
    clock.set('2026-12-04T00:30:00Z');
    await runner.runDue();
    expect((await kinds(await t.login('office'))).filter((n) => n.matterId === a.id).map((n) => n.kind)).not.toContain('activity_escalation');
  });

  const setReminderSettings = async (reminders: Record<string, unknown>) => {
    const admin = await t.login('admin');
    const current = (await admin.get('/api/v1/activity-rules')).json();
    const res = await admin.put('/api/v1/activity-rules', { version: current.version, settings: { ...current.settings, reminders } });
    expect(res.statusCode, res.body).toBe(200);
    return current.settings.reminders as Record<string, unknown>;
  };
  const reminder = (kind: string, label: string, dueAt: string | null, state: string, firedAt: string | null = null) => ({
    kind,
    label,
    dueAt,
    state,
    firedAt,
  });

  it('ACT-7 the card shows the reminders as scheduled and when they fired, not times recomputed from rule settings changed since', async () => {
    const runner = createTimerRunner(t.ctx, timerHandlers(t.ctx));
    clock.set('2026-11-27T01:00:00Z');
    const defaults = await setReminderSettings({ dayBeforeAt: '17:00', marginMinutes: 45, escalateAfterMinutes: 10 });
    // Wednesday 9 December 2026, 09:00 Beijing; 60 min travel + 45 margin → leave by 07:15, escalate at 07:25; day before at 17:00.
    const a = await approvedActivity('赴丙县调研学前教育', '2026-12-09T01:00:00Z', '2026-12-09T03:00:00Z');
    // The setting is changed back: computed from it now, every time would differ from the one set.
    await setReminderSettings(defaults);
    const [office, staff] = await Promise.all(['office', 'staff'].map((u) => t.login(u)));
    const card = async (agent = office) => (await agent.get(`/api/v1/activities/${a.id}`)).json().activity;
    let x = await card();
    expect(x.reminderTimes).toEqual({ dayBefore: '2026-12-08T08:00:00.000Z', departure: '2026-12-08T23:30:00.000Z', escalateAt: '2026-12-09T00:00:00.000Z' });
    const day = (state: string, firedAt: string | null = null) => reminder('activity.day_before', '提前一天提醒', '2026-12-08T09:00:00.000Z', state, firedAt);
    const dep = (state: string, firedAt: string | null = null) => reminder('activity.departure', '出发提醒', '2026-12-08T23:15:00.000Z', state, firedAt);
    const esc = (state: string, firedAt: string | null = null) => reminder('activity.escalate', '未出发上报', '2026-12-08T23:25:00.000Z', state, firedAt);
    expect(x.reminders).toEqual([day('pending'), dep('pending'), esc('pending')]);
    expect((await card(staff)).reminders).toEqual(x.reminders);

    clock.set('2026-12-08T09:00:40Z');
    await runner.runDue();
    x = await card(await t.login('office'));
    expect(x.reminders).toEqual([day('fired', '2026-12-08T09:00:40.000Z'), dep('pending'), esc('pending')]);
    clock.set('2026-12-08T23:15:00Z');
    await runner.runDue();
    // Nobody confirms departure: the escalation fires at 07:25 as set, not at 08:00 as today's setting would say.
    clock.set('2026-12-08T23:25:00Z');
    await runner.runDue();
    const later = await t.login('office');
    expect((await kinds(later)).filter((n) => n.matterId === a.id).map((n) => n.kind)).toContain('activity_escalation');
    x = await card(later);
    expect(x.reminders).toEqual([day('fired', '2026-12-08T09:00:40.000Z'), dep('fired', '2026-12-08T23:15:00.000Z'), esc('fired', '2026-12-08T23:25:00.000Z')]);
    expect(x.reminderTimes.escalateAt).toBe('2026-12-09T00:00:00.000Z');
  });

  it('ACT-7 reminders never sent show as skipped (past at approval, or departure confirmed first); a re-opened activity’s as cancelled; none before approval', async () => {
    const runner = createTimerRunner(t.ctx, timerHandlers(t.ctx));
    // Thursday 10 December 2026, 18:00 Beijing: the day-before reminder (16:00) of tomorrow's activity has passed.
    clock.set('2026-12-10T10:00:00Z');
    const a = await approvedActivity('赴丁县检查食堂卫生', '2026-12-11T01:00:00Z', '2026-12-11T03:00:00Z');
    // (a new session at each step: the clock jumps past the idle timeout)
    const card = async (id: string) => (await (await t.login('staff')).get(`/api/v1/activities/${id}`)).json().activity;
    expect((await card(a.id)).reminders).toEqual([
      reminder('activity.day_before', '提前一天提醒', null, 'skipped'),
      reminder('activity.departure', '出发提醒', '2026-12-10T23:30:00.000Z', 'pending'),
      reminder('activity.escalate', '未出发上报', '2026-12-11T00:00:00.000Z', 'pending'),
    ]);
    clock.set('2026-12-10T23:20:00Z');
    expect((await (await t.login('staff')).post(`/api/v1/activities/${a.id}/reminder`, { state: 'departed' })).statusCode).toBe(200);
    const skipped = [
      reminder('activity.day_before', '提前一天提醒', null, 'skipped'),
      reminder('activity.departure', '出发提醒', '2026-12-10T23:30:00.000Z', 'skipped'),
      reminder('activity.escalate', '未出发上报', '2026-12-11T00:00:00.000Z', 'skipped'),
    ];
    expect((await card(a.id)).reminders).toEqual(skipped);
    clock.set('2026-12-11T00:05:00Z');
    await runner.runDue();
    expect((await card(a.id)).reminders).toEqual(skipped);

    clock.set('2026-11-27T01:00:00Z');
    const b = await approvedActivity('赴戊县调研校车管理', '2026-12-16T01:00:00Z', '2026-12-16T03:00:00Z');
    const office = await t.login('office');
    const re = await office.post(`/api/v1/activities/${b.id}/reopen`, { version: b.version, reason: '王芳副市长另有安排' });
    expect(re.statusCode, re.body).toBe(200);
    expect(re.json().activity.reminders.map((r: { state: string; dueAt: string }) => [r.state, r.dueAt])).toEqual([
      ['cancelled', '2026-12-15T08:00:00.000Z'],
      ['cancelled', '2026-12-15T23:30:00.000Z'],
      ['cancelled', '2026-12-16T00:00:00.000Z'],
    ]);
    const liaison = await t.login('liaison');
    const filed = await liaison.post('/api/v1/activities', {
      category: '视察调研',
      title: '赴己县调研课后服务',
      organiserName: '市教育局',
      organiserDepartmentId: await did(t, '市教育局'),
      heldInName: 'other',
      startsAt: '2026-12-17T01:00:00Z',
      endsAt: '2026-12-17T03:00:00Z',
      place: '己县实验小学',
      travelMinutes: 30,
      area: '教育',
      requestedLeaderIds: [await uid(t, 'wangfang')],
    });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json().activity.reminders).toEqual([]);
  });
});
