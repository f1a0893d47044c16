import { describe, expect, it } from 'vitest';
import { proposeAttendees, recommendLeaders, substitutes, type RecommendInput } from '../recommend';
import { DEFAULT_ACTIVITY_RULES, evaluateRules } from '../rules';
import { EXCEPTION_LABELS, type ActivityFacts, type BusyPeriod, type ExceptionFlag } from '../types';
import { L, LEADERS, NO_EXCEPTIONS, absence, activity, busyActivity } from './fixtures';

const T = (hhmm: string, day = '2026-10-13') => `${day}T${hhmm}:00+08:00`;
const input = (over: Partial<RecommendInput> = {}): RecommendInput => ({
  leaders: LEADERS,
  busy: [],
  recentLoad: {},
  settings: DEFAULT_ACTIVITY_RULES,
  inNameCountInPeriod: 0,
  ...over,
});
const ids = (cs: { leaderId: string }[]) => cs.map((c) => c.leaderId);
const eduAway = absence(L.edu.id, T('08:00'), T('18:00'), '赴省教育厅参加培训');

describe('ACT-4 recommendation', () => {
  it('ACT-4 a government meeting on education: the 分管教育 副市长 first, the others flagged as 陪会', () => {
    const a = activity({ area: '教育' });
    const cs = recommendLeaders(a, input());
    expect(cs[0].leaderId).toBe(L.edu.id);
    expect(cs[0].reasons).toContain('分管该领域（教育）');
    expect(cs[0].inCharge).toBe(true);
    expect(cs[0].reasons).toContain('路程约20分钟');
    expect(cs.find((c) => c.leaderId === L.exec.id)!.reasons).toContain('以政府名义召开的会议一般只请分管领导出席，不宜陪会');
    const p = proposeAttendees(cs, a, DEFAULT_ACTIVITY_RULES);
    expect(p.leaderIds).toEqual([L.edu.id]);
    expect(p.opinion).toContain('拟请分管领导副市长王芳出席（分管该领域（教育））');
    expect(p.opinion).toContain('妥否，请主要领导审批');
    // the proposal passes the rules
    expect(
      evaluateRules(a, p.leaderIds, { leaders: LEADERS, inNameCountInPeriod: 0, settings: DEFAULT_ACTIVITY_RULES }).every(
        (e) => e.level === 'ok' || e.level === 'info',
      ),
    ).toBe(true);
  });

  it('ACT-4 the in-charge leader ranks first even with a heavy recent load', () => {
    const cs = recommendLeaders(activity({ area: '教育' }), input({ recentLoad: { [L.edu.id]: 30 } }));
    expect(cs[0].leaderId).toBe(L.edu.id);
    expect(cs[0].reasons).toContain('近四周已出席30次活动');
  });

  it('ACT-4 the in-charge leader is away: ranked below with the reason, 常务副市长 proposed to stand in', () => {
    const a = activity({ area: '教育' });
    const cs = recommendLeaders(a, input({ busy: [eduAway] }));
    const edu = cs.find((c) => c.leaderId === L.edu.id)!;
    expect(edu.available).toBe(false);
    expect(edu.unavailableReason).toBe('该时段请假/出差（赴省教育厅参加培训）');
    expect(edu.reasons).toContain('该时段请假/出差（赴省教育厅参加培训）');
    expect(edu.conflicts).toEqual([eduAway]);
    expect(cs.findIndex((c) => !c.available)).toBe(cs.length - 1); // all unavailable after all available
    expect(cs[0].leaderId).toBe(L.exec.id);
    expect(cs[0].reasons).toContain('分管领导王芳该时段不能出席，可代为出席');
    const p = proposeAttendees(cs, a, DEFAULT_ACTIVITY_RULES);
    expect(p.leaderIds).toEqual([L.exec.id]);
    expect(p.opinion).toContain('分管领导副市长王芳该时段请假/出差（赴省教育厅参加培训），拟请常务副市长刘志强代为出席');
  });

  it('ACT-4 substitute choice balances load: a busy 常务副市长 gives way to the next 副市长', () => {
    const cs = recommendLeaders(activity({ area: '教育' }), input({ busy: [eduAway], recentLoad: { [L.exec.id]: 6, [L.culture.id]: 1 } }));
    expect(ids(cs).slice(0, 4)).toEqual([L.safety.id, L.urban.id, L.secgen.id, L.culture.id]);
  });

  it('ACT-4 a public occasion prefers second-line leaders; the in-charge first-line leader joins within the cap', () => {
    const a = activity({ title: '国庆文艺晚会', category: '晚会', heldInName: 'other', organiserDepartmentId: 'dept-culture' });
    const cs = recommendLeaders(a, input());
    expect(ids(cs).slice(0, 3)).toEqual([L.second1.id, L.second2.id, L.culture.id]);
    expect(cs[0].reasons).toContain('二线领导、公开场合优先');
    expect(cs[2].reasons).toEqual(expect.arrayContaining(['分管主办部门', '属一线领导、公开场合宜少安排']));
    const p = proposeAttendees(cs, a, DEFAULT_ACTIVITY_RULES);
    expect(p.leaderIds).toEqual([L.culture.id, L.second1.id, L.second2.id]);
    expect(p.opinion).toContain('「国庆文艺晚会」属出头露面的公开场合');
    const evals = evaluateRules(a, p.leaderIds, { leaders: LEADERS, inNameCountInPeriod: 0, settings: DEFAULT_ACTIVITY_RULES });
    expect(evals.find((e) => e.rule === 'publicOccasions')!.level).toBe('ok');
  });

  it('ACT-4 a public occasion with no relevant first-line leader proposes only second-line leaders', () => {
    const a = activity({ category: '群众性集会', heldInName: 'other' });
    const p = proposeAttendees(recommendLeaders(a, input({ busy: [absence(L.second2.id, T('00:00'), T('23:59'))] })), a, DEFAULT_ACTIVITY_RULES);
    expect(p.leaderIds).toEqual([L.second1.id]);
  });

  it('ACT-4 load balance breaks ties between equally suitable leaders', () => {
    const a = activity({ category: '纪念活动', heldInName: 'other' });
    const cs = recommendLeaders(a, input({ recentLoad: { [L.second1.id]: 3, [L.second2.id]: 0 } }));
    expect(ids(cs).slice(0, 2)).toEqual([L.second2.id, L.second1.id]);
    expect(cs[1].reasons).toContain('近四周已出席3次活动');
    // equal load: precedence decides
    expect(ids(recommendLeaders(a, input())).slice(0, 2)).toEqual([L.second1.id, L.second2.id]);
  });

  it('ACT-4 an ordinary visit: the organiser’s named leader first, the principal last among the available', () => {
    const a = activity({ category: '视察调研', heldInName: 'other', requestedLeaderIds: [L.urban.id] });
    const cs = recommendLeaders(a, input());
    expect(cs[0].leaderId).toBe(L.urban.id);
    expect(cs[0].reasons).toContain('组织方点名邀请');
    expect(cs[cs.length - 1].leaderId).toBe(L.mayor.id);
    expect(cs[cs.length - 1].reasons).toContain('主要领导，一般活动不宜安排');
    const p = proposeAttendees(cs, a, DEFAULT_ACTIVITY_RULES);
    expect(p.leaderIds).toEqual([L.urban.id]);
    expect(p.opinion).toContain('拟请副市长周敏出席「全市教育工作会议」（组织方点名邀请）');
  });

  it('ACT-4 a firm conflict makes a leader unavailable; a tentative one only lowers the score', () => {
    const a = activity({ category: '视察调研', heldInName: 'other', area: '交通运输' });
    const firm = busyActivity(L.urban.id, 'act-7', T('10:45'), T('12:00'), { title: '地铁三号线通车仪式', travelMinutes: 30 });
    const tentative = busyActivity(L.exec.id, 'act-8', T('11:00'), T('12:00'), { title: '招商座谈会', firm: false });
    const cs = recommendLeaders(a, input({ busy: [firm, tentative] }));
    const urban = cs.find((c) => c.leaderId === L.urban.id)!;
    expect(urban.available).toBe(false);
    expect(urban.reasons).toContain('与「地铁三号线通车仪式」时间冲突（含路程）');
    const exec = cs.find((c) => c.leaderId === L.exec.id)!;
    expect(exec.available).toBe(true);
    expect(exec.reasons).toContain('与拟办中的「招商座谈会」时间可能冲突（含路程）');
    expect(exec.score).toBe(-10);
    expect(cs[cs.length - 1].leaderId).toBe(L.urban.id);
  });

  it('ACT-4 nobody available: an empty proposal suggesting to talk to the organiser', () => {
    const a = activity({ area: '教育' });
    const busy: BusyPeriod[] = LEADERS.map((l) => absence(l.id, T('00:00'), T('23:59'), '全市大会'));
    const cs = recommendLeaders(a, input({ busy }));
    expect(cs.every((c) => !c.available)).toBe(true);
    expect(cs[0].leaderId).toBe(L.edu.id); // still in-charge first
    const p = proposeAttendees(cs, a, DEFAULT_ACTIVITY_RULES);
    expect(p.leaderIds).toEqual([]);
    expect(p.opinion).toContain('均不能出席');
  });

  const flagCases = Object.entries(EXCEPTION_LABELS) as [ExceptionFlag, string][];
  it.each(flagCases)('ACT-3 the %s flag shows in the recommendation and its rationale', (flag, label) => {
    const a = activity({ area: '教育', exceptions: { ...activity().exceptions, [flag]: true } });
    const cs = recommendLeaders(a, input());
    expect(cs[0].leaderId).toBe(L.edu.id);
    const exec = cs.find((c) => c.leaderId === L.exec.id)!;
    expect(exec.reasons.join('；')).toContain(label);
    expect(exec.reasons.join('；')).not.toContain('不宜陪会');
    expect(proposeAttendees(cs, a, DEFAULT_ACTIVITY_RULES).opinion).toContain(label);
  });

  it('ACT-3 with a visiting superior leader and the in-charge leader away, a 副市长 stands in and the principal accompanies the visitor', () => {
    const a = activity({ area: '教育', exceptions: { ...NO_EXCEPTIONS, superiorLeaderAttends: true } });
    const cs = recommendLeaders(a, input({ busy: [eduAway] }));
    expect(ids(cs).slice(0, 2)).toEqual([L.mayor.id, L.exec.id]);
    expect(cs[1].reasons).toContain('分管领导王芳该时段不能出席，可代为出席');
    const p = proposeAttendees(cs, a, DEFAULT_ACTIVITY_RULES);
    expect(p.leaderIds).toEqual([L.exec.id, L.mayor.id]);
    expect(p.opinion).toContain('拟请常务副市长刘志强代为出席');
    expect(p.opinion).toContain('另请市长陈建国（上级领导同志级别相当于本机关主要领导或更高，宜请主要领导出席陪同）出席');
  });

  it('ACT-3 a superior leader at a public occasion raises the principal leader above the second-line leaders', () => {
    const a = activity({ category: '庆典', heldInName: 'other', exceptions: { ...NO_EXCEPTIONS, superiorLeaderAttends: true } });
    const cs = recommendLeaders(a, input());
    expect(ids(cs).slice(0, 3)).toEqual([L.mayor.id, L.second1.id, L.second2.id]);
    expect(cs[0].reasons).toContain('上级领导同志级别相当于本机关主要领导或更高，宜请主要领导出席陪同');
    expect(cs[0].reasons).not.toContain('主要领导，一般活动不宜安排');
    expect(cs[0].reasons).not.toContain('属一线领导、公开场合宜少安排');
    expect(proposeAttendees(cs, a, DEFAULT_ACTIVITY_RULES).leaderIds).toEqual([L.second1.id, L.second2.id, L.mayor.id]);
  });
});

describe('ACT-3 each exception raises the relevant leaders in the ranking and the proposal', () => {
  const S = DEFAULT_ACTIVITY_RULES;
  // the principal leader is the busiest, as usual
  const load = { [L.mayor.id]: 6, [L.exec.id]: 2 };
  const rules = (a: ActivityFacts, leaderIds: string[]) => evaluateRules(a, leaderIds, { leaders: LEADERS, inNameCountInPeriod: 0, settings: S });

  it('ACT-3 (1) a vice-governor at a city meeting in the government’s name: the principal leader ranks right after the leader in charge and is proposed with her', () => {
    const plain = activity({ area: '教育' });
    const before = recommendLeaders(plain, input({ recentLoad: load }));
    expect(ids(before)[0]).toBe(L.edu.id);
    expect(ids(before).at(-1)).toBe(L.mayor.id);
    expect(proposeAttendees(before, plain, S).leaderIds).toEqual([L.edu.id]);

    // the vice-governor is above the mayor; an unstated rank means this organ's own (the flag's least)
    for (const rank of [1, null]) {
      const a = activity({ area: '教育', exceptions: { ...NO_EXCEPTIONS, superiorLeaderAttends: true, superiorLeaderRankOrder: rank } });
      const cs = recommendLeaders(a, input({ recentLoad: load }));
      expect(ids(cs).slice(0, 3)).toEqual([L.edu.id, L.mayor.id, L.culture.id]);
      expect(cs[1].reasons).toContain('上级领导同志级别相当于本机关主要领导或更高，宜请主要领导出席陪同');
      expect(cs[1].reasons).not.toContain('主要领导，一般活动不宜安排');
      expect(cs[1].raisedBy).toEqual([{ flag: 'superiorLeaderAttends', kind: 'principal', reason: cs[1].reasons[0] }]);
      const p = proposeAttendees(cs, a, S);
      expect(p.leaderIds).toEqual([L.edu.id, L.mayor.id]);
      expect(p.opinion).toContain('拟请分管领导副市长王芳出席（分管该领域（教育））');
      expect(p.opinion).toContain('另请市长陈建国（上级领导同志级别相当于本机关主要领导或更高，宜请主要领导出席陪同）出席');
      const ex = rules(a, p.leaderIds).find((e) => e.rule === 'exceptions')!;
      expect(ex.leaderIds).toEqual([L.mayor.id]);
      expect(rules(a, p.leaderIds).find((e) => e.rule === 'onlyLeaderInCharge')!.level).toBe('info');
    }
  });

  it('ACT-3 (1) a visitor of the vice-mayors’ rank: a vice-mayor accompanies the 秘书长 in charge; nobody is added when the one in charge is of that rank', () => {
    const a = activity({
      title: '全市政务公开工作会议',
      area: '政府办公室',
      exceptions: { ...NO_EXCEPTIONS, superiorLeaderAttends: true, superiorLeaderRankOrder: 2 },
    });
    const cs = recommendLeaders(a, input({ recentLoad: load }));
    expect(ids(cs).slice(0, 3)).toEqual([L.secgen.id, L.edu.id, L.culture.id]);
    expect(cs[1].reasons).toContain('与来访的上级领导同志级别相当，宜出席陪同');
    expect(cs.find((c) => c.leaderId === L.mayor.id)!.raisedBy).toBeUndefined();
    const p = proposeAttendees(cs, a, S);
    expect(p.leaderIds).toEqual([L.secgen.id, L.edu.id]);
    expect(p.opinion).toContain('另请副市长王芳（与来访的上级领导同志级别相当，宜出席陪同）出席');

    const edu = activity({ area: '教育', exceptions: { ...NO_EXCEPTIONS, superiorLeaderAttends: true, superiorLeaderRankOrder: 2 } });
    const ce = recommendLeaders(edu, input({ recentLoad: load }));
    expect(ce.some((c) => c.raisedBy)).toBe(false);
    expect(proposeAttendees(ce, edu, S).leaderIds).toEqual([L.edu.id]);
  });

  it('ACT-3 (2) a commemoration arranged nationally: the principal leader leads it, ahead of the second-line leaders', () => {
    const plain = activity({ title: '烈士纪念日公祭活动', category: '纪念活动', heldInName: 'party' });
    const before = recommendLeaders(plain, input({ recentLoad: load }));
    expect(ids(before).slice(0, 2)).toEqual([L.second1.id, L.second2.id]);
    expect(ids(before).at(-1)).toBe(L.mayor.id);
    expect(proposeAttendees(before, plain, S).leaderIds).toEqual([L.second1.id, L.second2.id]);

    const a = { ...plain, exceptions: { ...NO_EXCEPTIONS, unifiedCommemoration: true } };
    const cs = recommendLeaders(a, input({ recentLoad: load }));
    expect(ids(cs).slice(0, 3)).toEqual([L.mayor.id, L.second1.id, L.second2.id]);
    expect(cs[0].reasons).toContain('全国、省、市统一部署的纪念活动，宜请主要领导出席');
    expect(cs[0].reasons).not.toContain('属一线领导、公开场合宜少安排');
    const p = proposeAttendees(cs, a, S);
    expect(p.leaderIds).toEqual([L.second1.id, L.second2.id, L.mayor.id]);
    expect(p.opinion).toContain('另请市长陈建国（全国、省、市统一部署的纪念活动，宜请主要领导出席）出席');
  });

  it('ACT-3 (3) a professional meeting that strongly advances the central work: the principal leader after the one in charge', () => {
    const plain = activity({ title: '全市教育强市建设推进会', area: '教育' });
    expect(ids(recommendLeaders(plain, input({ recentLoad: load }))).at(-1)).toBe(L.mayor.id);
    const a = { ...plain, exceptions: { ...NO_EXCEPTIONS, advancesCentralWork: true } };
    const cs = recommendLeaders(a, input({ recentLoad: load }));
    expect(ids(cs).slice(0, 2)).toEqual([L.edu.id, L.mayor.id]);
    expect(cs[1].reasons).toContain('对中心工作有重大推动作用的专业会议，宜请主要领导出席');
    const p = proposeAttendees(cs, a, S);
    expect(p.leaderIds).toEqual([L.edu.id, L.mayor.id]);
    expect(p.opinion).toContain('另请市长陈建国（对中心工作有重大推动作用的专业会议，宜请主要领导出席）出席');
  });

  it('ACT-3 (4) an outstanding business activity: the leader the organiser asked for is raised above the second-line leaders and proposed beyond the cap', () => {
    const plain = activity({
      title: '招商引资重点项目签约仪式',
      category: '庆典',
      heldInName: 'other',
      organiserDepartmentId: 'dept-drc',
      requestedLeaderIds: [L.mayor.id],
    });
    const before = recommendLeaders(plain, input({ recentLoad: load }));
    expect(ids(before).slice(0, 4)).toEqual([L.second1.id, L.second2.id, L.exec.id, L.mayor.id]);
    expect(proposeAttendees(before, plain, S).leaderIds).toEqual([L.exec.id, L.second1.id, L.second2.id]);

    const a = { ...plain, exceptions: { ...NO_EXCEPTIONS, outstandingActivity: true } };
    const cs = recommendLeaders(a, input({ recentLoad: load }));
    expect(ids(cs).slice(0, 4)).toEqual([L.mayor.id, L.second1.id, L.second2.id, L.exec.id]);
    expect(cs[0].reasons).toContain('组织方点名邀请，本活动属「工作突出、影响较大的业务活动」，可适当邀请出席');
    expect(cs[0].reasons).not.toContain('属一线领导、公开场合宜少安排');
    const p = proposeAttendees(cs, a, S);
    expect(p.leaderIds).toEqual([L.exec.id, L.second1.id, L.second2.id, L.mayor.id]);
    // the sentence names the exception once; the leader's reason is said briefly
    expect(p.opinion).toContain('本活动属「工作突出、影响较大的业务活动」，可适当邀请本机关有关领导出席，另请市长陈建国（组织方点名邀请）出席');
    expect(rules(a, p.leaderIds).find((e) => e.rule === 'publicOccasions')!.level).toBe('info');
  });

  it('ACT-4 with every exception and several leaders asked for, the proposal names each leader and each reason once', () => {
    const a = activity({
      title: '全市重点工作推进暨表彰大会',
      category: '会议',
      heldInName: 'other',
      organiserDepartmentId: 'dept-drc',
      requestedLeaderIds: [L.mayor.id, L.edu.id, L.exec.id],
      exceptions: { ...NO_EXCEPTIONS, unifiedCommemoration: true, advancesCentralWork: true, outstandingActivity: true },
    });
    const p = proposeAttendees(recommendLeaders(a, input({ recentLoad: load })), a, S);
    const o = p.opinion;
    for (const id of p.leaderIds) {
      const c = [L.mayor, L.edu, L.exec].find((l) => l.id === id);
      if (c) expect(o.split(c.name).length - 1, `${c.name} in: ${o}`).toBe(1);
    }
    expect(o.split('组织方点名邀请').length - 1, o).toBeLessThanOrEqual(p.leaderIds.length);
    expect(o.split('工作突出、影响较大的业务活动').length - 1, o).toBe(1);
    expect(o.length, o).toBeLessThan(400);
  });
});

describe('ACT-2 陪会 at anything held in the party/government name', () => {
  const cases: [string, Partial<ActivityFacts>, string, string][] = [
    [
      'a 晚会 in the party committee’s name',
      { title: '新春文艺晚会', category: '晚会', heldInName: 'party', area: '文化旅游' },
      '以党委名义举办的晚会',
      L.culture.id,
    ],
    [
      'a ceremony in the government’s name',
      { title: '重点项目集中开工仪式', category: '庆典', heldInName: 'government', area: '住房城乡建设' },
      '以政府名义举办的庆典',
      L.urban.id,
    ],
  ];
  it.each(cases)('ACT-2 %s with three first-line leaders requested: those whose areas are not involved are 陪会', (_t, over, subject, inCharge) => {
    const requested = [L.mayor.id, L.exec.id, inCharge];
    const a = activity({ ...over, requestedLeaderIds: requested });
    const cs = recommendLeaders(a, input());
    expect(ids(cs).slice(0, 3)).toEqual([inCharge, L.second1.id, L.second2.id]);
    for (const id of [L.mayor.id, L.exec.id]) expect(cs.find((c) => c.leaderId === id)!.reasons).toContain(`${subject}一般只请分管领导出席，不宜陪会`);
    // second-line leaders are asked for widely at a public occasion: not 陪会
    expect(cs[1].reasons.join('；')).not.toContain('陪会');
    const p = proposeAttendees(cs, a, DEFAULT_ACTIVITY_RULES);
    expect(p.leaderIds).toEqual([inCharge, L.second1.id, L.second2.id]);
    expect(p.opinion).toContain(`系${subject}，一线领导除分管这方面工作的领导外，一般不邀请陪会`);
    // the request as filed is checked
    const only = evaluateRules(a, requested, { leaders: LEADERS, inNameCountInPeriod: 0, settings: DEFAULT_ACTIVITY_RULES }).find(
      (e) => e.rule === 'onlyLeaderInCharge',
    )!;
    expect(only.level).toBe('warning');
    expect(only.leaderIds).toEqual([L.mayor.id, L.exec.id]);
    expect(only.message).toContain('陈建国、刘志强属陪会');
  });
});

describe('ACT-4 the 工作领域 decides when the organiser department does not', () => {
  it('ACT-4 a safety inspection the office entered itself: the vice-mayor in charge of 安全生产 is proposed, not the 秘书长 in charge of the office', () => {
    const a = activity({
      title: '节前安全生产检查',
      category: '视察调研',
      heldInName: 'other',
      organiserDepartmentId: 'dept-office',
      area: '应急管理和安全生产',
    });
    const cs = recommendLeaders(a, input({ officeDepartmentId: 'dept-office', recentLoad: { [L.safety.id]: 2 } }));
    expect(cs[0].leaderId).toBe(L.safety.id);
    expect(cs[0].reasons).toContain('分管该领域（应急管理）');
    const secgen = cs.find((c) => c.leaderId === L.secgen.id)!;
    expect(secgen.inCharge).toBe(false);
    expect(secgen.reasons).not.toContain('分管主办部门');
    const p = proposeAttendees(cs, a, DEFAULT_ACTIVITY_RULES);
    expect(p.leaderIds).toEqual([L.safety.id]);
    expect(p.opinion).toContain('拟请副市长孙涛出席「节前安全生产检查」（分管该领域（应急管理））');
  });

  it('ACT-4 a department with no leader in charge: the 工作领域 decides; the office’s own work stays with its leaders', () => {
    const a = activity({ category: '视察调研', heldInName: 'other', organiserDepartmentId: 'dept-unknown', area: '交通运输' });
    expect(recommendLeaders(a, input({ officeDepartmentId: 'dept-office' }))[0].leaderId).toBe(L.urban.id);
    const own = activity({ title: '全市政务信息工作会议', organiserDepartmentId: 'dept-office', area: '政务信息' });
    const cs = recommendLeaders(own, input({ officeDepartmentId: 'dept-office' }));
    expect(cs[0].leaderId).toBe(L.secgen.id);
    expect(cs[0].reasons).toContain('分管主办部门');
  });
});

describe('ACT-6 substitutes when an assigned leader becomes unavailable', () => {
  it('ACT-6 the in-charge leader falls ill: substitutes exclude her and name whom they replace', () => {
    const a = activity({ area: '教育' });
    const subs = substitutes(a, { [L.edu.id]: '临时有更重要的任务' }, input());
    expect(subs[0].leaderId).toBe(L.exec.id);
    expect(subs[0].reasons[0]).toBe('可替代副市长王芳（临时有更重要的任务）');
    expect(subs[0].reasons).toContain('分管领导王芳该时段不能出席，可代为出席');
    expect(ids(subs)).not.toContain(L.edu.id);
    expect(subs.every((c) => c.available)).toBe(true);
  });

  it('ACT-6 a new absence in the calendar: substitutes skip leaders still attending and leaders with firm conflicts', () => {
    const a = activity({ category: '庆典', heldInName: 'other', organiserDepartmentId: 'dept-culture' });
    const busy = [
      absence(L.second1.id, T('08:00'), T('12:00'), '因病请假'),
      busyActivity(L.exec.id, 'act-5', T('09:00'), T('10:00'), { title: '常务会议', kind: 'meeting' }),
      // the activity itself, in the calendar of the leaders assigned to it: not a conflict
      busyActivity(L.culture.id, 'act-1', T('09:00'), T('11:00'), { travelMinutes: 20 }),
    ];
    const subs = substitutes(a, { [L.second1.id]: '因病请假' }, input({ busy }), [L.culture.id]);
    expect(subs[0].leaderId).toBe(L.second2.id);
    expect(ids(subs)).not.toContain(L.culture.id);
    expect(ids(subs)).not.toContain(L.exec.id);
    expect(ids(subs)).not.toContain(L.second1.id);
  });

  it('ACT-6 several leaders drop out at once', () => {
    const a = activity({ category: '纪念活动', heldInName: 'other' });
    const subs = substitutes(a, { [L.second1.id]: '出差', [L.second2.id]: '请假' }, input());
    expect(subs[0].reasons[0]).toBe('可替代二级巡视员（原副市长）郑国华（出差）、一级巡视员（原市政协副主席）黄丽（请假）');
    expect(subs.every((c) => c.line === 'first')).toBe(true);
  });
});
