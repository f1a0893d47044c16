import { describe, expect, it } from 'vitest';
import { proposeAttendees, recommendLeaders, substitutes, type RecommendInput } from '../recommend';
import { DEFAULT_ACTIVITY_RULES, evaluateRules } from '../rules';
import { EXCEPTION_LABELS, type ActivityFacts, type BusyPeriod } from '../types';
import { L, LEADERS, absence, activity, busyActivity } from './fixtures';

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

  const flagCases = Object.entries(EXCEPTION_LABELS) as [keyof ActivityFacts['exceptions'], string][];
  it.each(flagCases)('ACT-3 the %s flag shows in the recommendation and its rationale', (flag, label) => {
    const a = activity({ area: '教育', exceptions: { ...activity().exceptions, [flag]: true } });
    const cs = recommendLeaders(a, input());
    expect(cs[0].leaderId).toBe(L.edu.id);
    const exec = cs.find((c) => c.leaderId === L.exec.id)!;
    expect(exec.reasons.join('；')).toContain(label);
    expect(exec.reasons.join('；')).not.toContain('不宜陪会');
    expect(proposeAttendees(cs, a, DEFAULT_ACTIVITY_RULES).opinion).toContain(label);
  });

  it('ACT-3 with a flag set and the in-charge leader away, a 副市长 still stands in (not the principal)', () => {
    const a = activity({ area: '教育', exceptions: { ...activity().exceptions, superiorLeaderAttends: true } });
    const cs = recommendLeaders(a, input({ busy: [eduAway] }));
    expect(cs[0].leaderId).toBe(L.exec.id);
    expect(cs[0].reasons).toContain('分管领导王芳该时段不能出席，可代为出席');
    expect(proposeAttendees(cs, a, DEFAULT_ACTIVITY_RULES).opinion).toContain('拟请常务副市长刘志强代为出席');
  });

  it('ACT-3 a superior leader attending raises first-line leaders at a public occasion', () => {
    const a = activity({ category: '庆典', heldInName: 'other', exceptions: { ...activity().exceptions, superiorLeaderAttends: true } });
    const cs = recommendLeaders(a, input());
    expect(cs.find((c) => c.leaderId === L.exec.id)!.reasons).toContain('上级领导同志出席，宜由本机关有关领导陪同');
    expect(cs.find((c) => c.leaderId === L.mayor.id)!.reasons).not.toContain('主要领导，一般活动不宜安排');
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
