// ACT-2 (issue #8, item 14): an activity held jointly in the Party committee's and the government's
// name (以党委、政府名义) is expressible and is "held in the party/government name" for every rule
// that asks: the quota, 只请分管领导 (陪会), the public occasions' proposal and the ranking.
import { describe, expect, it } from 'vitest';
import { ActivityRequestBody } from '../../api/activities';
import { proposeAttendees, recommendLeaders, type RecommendInput } from '../recommend';
import { DEFAULT_ACTIVITY_RULES, accompanyRuleApplies, evaluateRules, isInName } from '../rules';
import { ACTIVITY_CATEGORIES, HELD_IN_NAME, HELD_IN_NAME_LABELS, IN_NAME_HELD, type ActivityFacts, type HeldInName } from '../types';
import { L, LEADERS, activity } from './fixtures';

const S = DEFAULT_ACTIVITY_RULES;
const JOINT: HeldInName = 'party_and_government';
const run = (a: ActivityFacts, proposed: string[], count = 0) => evaluateRules(a, proposed, { leaders: LEADERS, inNameCountInPeriod: count, settings: S });
const input = (over: Partial<RecommendInput> = {}): RecommendInput => ({
  leaders: LEADERS,
  busy: [],
  recentLoad: {},
  settings: S,
  inNameCountInPeriod: 0,
  ...over,
});

describe('ACT-2 held jointly in the Party committee’s and the government’s name', () => {
  it('ACT-2 以党委、政府名义 is a value of 举办名义 the request accepts, with its label, and is held in the name', () => {
    expect(HELD_IN_NAME).toEqual(['party', 'government', JOINT, 'other']);
    expect(HELD_IN_NAME_LABELS[JOINT]).toBe('以党委、政府名义');
    expect(IN_NAME_HELD).toEqual(['party', 'government', JOINT]);
    expect(HELD_IN_NAME.filter((h) => isInName({ heldInName: h }))).toEqual(['party', 'government', JOINT]);
    expect(accompanyRuleApplies({ heldInName: JOINT }, S)).toBe(true);
    const body = {
      category: '会议',
      title: '全市经济工作会议',
      organiserName: '市委办公室',
      organiserDepartmentId: null,
      heldInName: JOINT,
      startsAt: '2026-12-03T02:00:00Z',
      endsAt: '2026-12-03T04:00:00Z',
      place: '市会议中心',
      travelMinutes: 20,
    };
    expect(ActivityRequestBody.parse(body).heldInName).toBe(JOINT);
    // the values stored before stay valid; anything else is still refused
    for (const h of ['party', 'government', 'other']) expect(ActivityRequestBody.safeParse({ ...body, heldInName: h }).success).toBe(true);
    const bad = ActivityRequestBody.safeParse({ ...body, heldInName: 'party+government' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].message).toContain('party_and_government');
  });

  it('ACT-2 the quota counts a joint activity and names it', () => {
    const ok = run(activity({ heldInName: JOINT }), [L.edu.id], 0).filter((e) => e.rule === 'quota');
    expect(ok.map((e) => [e.level, e.message])).toEqual([['ok', '本月以党委、政府名义举办的会议、活动连同本项为1个，上限4个']]);
    const over = run(activity({ heldInName: JOINT }), [L.edu.id], 4).filter((e) => e.rule === 'quota');
    expect(over.map((e) => e.level)).toEqual(['violation']);
    expect(over[0].message).toContain('超过上限4个');
  });

  it('ACT-2 只请分管领导: at a joint meeting leaders not in charge are 陪会', () => {
    const r = run(activity({ heldInName: JOINT, area: '教育' }), [L.edu.id, L.exec.id]).filter((e) => e.rule === 'onlyLeaderInCharge');
    expect(r).toHaveLength(1);
    expect(r[0].level).toBe('warning');
    expect(r[0].leaderIds).toEqual([L.exec.id]);
    expect(r[0].message).toContain('以党委、政府名义召开的会议，除分管这方面工作的领导（王芳）外一般不邀请其他领导陪会：刘志强属陪会');
    expect(run(activity({ heldInName: JOINT, area: '教育' }), [L.edu.id]).find((e) => e.rule === 'onlyLeaderInCharge')!.level).toBe('ok');
  });

  it('ACT-2 a joint 晚会 (a public occasion): in-charge first-line leader and second-line leaders, the others 陪会', () => {
    const requested = [L.mayor.id, L.exec.id, L.culture.id];
    const a = activity({ title: '新春文艺晚会', category: '晚会', heldInName: JOINT, area: '文化旅游', requestedLeaderIds: requested });
    const cs = recommendLeaders(a, input());
    // held in the name: the leader in charge ranks first, before the second-line leaders
    expect(cs.slice(0, 3).map((c) => c.leaderId)).toEqual([L.culture.id, L.second1.id, L.second2.id]);
    for (const id of [L.mayor.id, L.exec.id])
      expect(cs.find((c) => c.leaderId === id)!.reasons).toContain('以党委、政府名义举办的晚会一般只请分管领导出席，不宜陪会');
    const p = proposeAttendees(cs, a, S);
    expect(p.leaderIds).toEqual([L.culture.id, L.second1.id, L.second2.id]);
    expect(p.opinion).toContain('系以党委、政府名义举办的晚会，一线领导除分管这方面工作的领导外，一般不邀请陪会');
    const only = run(a, requested).find((e) => e.rule === 'onlyLeaderInCharge')!;
    expect([only.level, only.leaderIds]).toEqual(['warning', [L.mayor.id, L.exec.id]]);
  });

  it('ACT-2 every rule judges a joint activity as it judges one held in the government’s name, whatever the category and proposal', () => {
    const proposals = [[L.edu.id], [L.edu.id, L.exec.id], [L.mayor.id, L.culture.id, L.second1.id], [L.second1.id, L.second2.id], [L.exec.id]];
    const levels = (a: ActivityFacts, p: string[], n: number) => run(a, p, n).map((e) => [e.rule, e.level, e.leaderIds]);
    for (const category of ACTIVITY_CATEGORIES) {
      const over = { category, area: '教育', organiserDepartmentId: 'dept-culture' };
      for (const proposed of proposals) {
        for (const count of [0, 3, 5]) {
          expect(levels(activity({ ...over, heldInName: JOINT }), proposed, count), `${category} ${proposed}`).toEqual(
            levels(activity({ ...over, heldInName: 'government' }), proposed, count),
          );
        }
      }
      const ranked = (h: HeldInName) => recommendLeaders(activity({ ...over, heldInName: h }), input()).map((c) => [c.leaderId, c.score, c.available]);
      expect(ranked(JOINT), category).toEqual(ranked('party'));
      expect(ranked(JOINT), category).not.toEqual(ranked('other'));
    }
  });
});
