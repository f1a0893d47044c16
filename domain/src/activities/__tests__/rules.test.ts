import { describe, expect, it } from 'vitest';
import { ActivityRuleSettingsSchema, DEFAULT_ACTIVITY_RULES, evaluateRules, inNameQuotaPeriod, leadersInCharge, worstLevel } from '../rules';
import { EXCEPTION_FLAGS, EXCEPTION_LABELS, type ActivityFacts, type ExceptionFlag, type ActivityRuleSettings, type RuleEvaluation } from '../types';
import { L, LEADERS, activity } from './fixtures';

const S = DEFAULT_ACTIVITY_RULES;
function run(a: ActivityFacts, proposed: string[], count = 0, settings: ActivityRuleSettings = S) {
  return evaluateRules(a, proposed, { leaders: LEADERS, inNameCountInPeriod: count, settings });
}
const of = (evals: RuleEvaluation[], rule: RuleEvaluation['rule']) => evals.filter((e) => e.rule === rule);
const withRule = <K extends keyof ActivityRuleSettings>(k: K, v: Partial<ActivityRuleSettings[K]>): ActivityRuleSettings => ({ ...S, [k]: { ...S[k], ...v } });

describe('ACT-2 quota on activities held in the party/government name', () => {
  const cases: [string, Partial<ActivityFacts>, number, ActivityRuleSettings, RuleEvaluation['level'] | null, string][] = [
    ['first government activity of the month is ok', { heldInName: 'government' }, 0, S, 'ok', '连同本项为1个，上限4个'],
    ['second party activity is ok', { heldInName: 'party' }, 1, S, 'ok', '以党委名义'],
    ['third (75% of 4) warns as it is approached', { heldInName: 'government' }, 2, S, 'warning', '接近上限4个'],
    ['fourth reaches the cap and warns', { heldInName: 'party' }, 3, S, 'warning', '已达上限4个'],
    ['fifth exceeds the cap: violation', { heldInName: 'government' }, 4, S, 'violation', '超过上限4个'],
    ['far beyond the cap: violation', { heldInName: 'party', category: '庆典' }, 9, S, 'violation', '已达10个'],
    ['quarter period is named', { heldInName: 'government' }, 0, withRule('quota', { period: 'quarter' }), 'ok', '本季度'],
    ['a department-name activity is not counted', { heldInName: 'other' }, 10, S, null, ''],
    ['another department activity, not counted either', { heldInName: 'other', category: '庆典' }, 0, S, null, ''],
    ['the rule switched off yields nothing', { heldInName: 'government' }, 10, withRule('quota', { enabled: false }), null, ''],
  ];
  it.each(cases)('ACT-2 quota: %s', (_t, over, count, settings, level, text) => {
    const q = of(run(activity(over), [L.edu.id], count, settings), 'quota');
    if (level === null) return expect(q).toEqual([]);
    expect(q).toHaveLength(1);
    expect(q[0].level).toBe(level);
    expect(q[0].name).toBe('严格控制以党委、政府名义举办的会议活动数量');
    expect(q[0].message).toContain(text);
  });
});

describe('ACT-2 only the leader in charge attends a meeting held in the party/government name', () => {
  const trigger: [string, Partial<ActivityFacts>, string[], string[], string][] = [
    ['常务副市长 accompanies the 分管教育 副市长', { area: '教育' }, [L.edu.id, L.exec.id], [L.exec.id], '刘志强属陪会'],
    [
      'party meeting by the emergency department: mayor and 秘书长 flagged',
      { heldInName: 'party', organiserDepartmentId: 'dept-emergency' },
      [L.safety.id, L.mayor.id, L.secgen.id],
      [L.mayor.id, L.secgen.id],
      '陈建国、吴军属陪会',
    ],
    ['the in-charge leader is missing from the proposal', { area: '教育' }, [L.exec.id], [L.exec.id], '分管领导王芳未在拟出席名单中'],
    ['area matched by containment (安全生产工作)', { area: '安全生产工作' }, [L.safety.id, L.urban.id], [L.urban.id], '孙涛'],
  ];
  it.each(trigger)('ACT-2 onlyLeaderInCharge flags 陪会: %s', (_t, over, proposed, flagged, text) => {
    const r = of(run(activity(over), proposed), 'onlyLeaderInCharge');
    expect(r).toHaveLength(1);
    expect(r[0].level).toBe('warning');
    expect(r[0].leaderIds).toEqual(flagged);
    expect(r[0].message).toContain(text);
    expect(r[0].name).toBe('以党委、政府名义举办的会议、活动只请分管领导出席');
  });

  const quiet: [string, Partial<ActivityFacts>, string[], ActivityRuleSettings, boolean][] = [
    ['only the in-charge leader (area)', { area: '教育' }, [L.edu.id], S, true],
    ['only the in-charge leader (organiser department)', { organiserDepartmentId: 'dept-health' }, [L.edu.id], S, true],
    ['two leaders both in charge (area and department)', { area: '教育', organiserDepartmentId: 'dept-finance' }, [L.edu.id, L.exec.id], S, true],
    ['a 庆典 in a department name', { category: '庆典', heldInName: 'other', area: '教育' }, [L.edu.id, L.exec.id], S, false],
    ['a meeting in a department name', { heldInName: 'other', area: '教育' }, [L.edu.id, L.exec.id], S, false],
    ['rule switched off', { area: '教育' }, [L.edu.id, L.exec.id], withRule('onlyLeaderInCharge', { enabled: false }), false],
    ['nobody proposed yet', { area: '教育' }, [], S, false],
  ];
  it.each(quiet)('ACT-2 onlyLeaderInCharge does not flag: %s', (_t, over, proposed, settings, applies) => {
    const r = of(run(activity(over), proposed, 0, settings), 'onlyLeaderInCharge');
    if (!applies) return expect(r).toEqual([]);
    expect(r.map((e) => e.level)).toEqual(['ok']);
    expect(r[0].leaderIds).toEqual([]);
  });

  it('ACT-2 onlyLeaderInCharge: unknown in-charge leader asks the office to decide', () => {
    const r = of(run(activity({ area: '民族宗教' }), [L.exec.id]), 'onlyLeaderInCharge');
    expect(r[0].level).toBe('warning');
    expect(r[0].message).toContain('请办公室核定');
  });

  const events: [string, Partial<ActivityFacts>, string][] = [
    ['a 晚会 held in the party committee’s name', { title: '新春文艺晚会', category: '晚会', heldInName: 'party', area: '文化旅游' }, '以党委名义举办的晚会'],
    [
      'a ceremony held in the government’s name',
      { title: '重点项目集中开工仪式', category: '庆典', heldInName: 'government', organiserDepartmentId: 'dept-culture' },
      '以政府名义举办的庆典',
    ],
    [
      'a 表彰 held in the government’s name',
      { title: '文明城市创建表彰大会', category: '表彰', heldInName: 'government', area: '文化旅游' },
      '以政府名义举办的表彰',
    ],
  ];
  it.each(events)('ACT-2 陪会 is checked for everything held in the party/government name, not only meetings: %s', (_t, over, subject) => {
    // three first-line leaders requested; only 赵磊's areas (文化旅游, 体育, 外事) are involved
    const r = of(run(activity(over), [L.mayor.id, L.culture.id, L.exec.id]), 'onlyLeaderInCharge');
    expect(r).toHaveLength(1);
    expect(r[0].level).toBe('warning');
    expect(r[0].leaderIds).toEqual([L.mayor.id, L.exec.id]);
    expect(r[0].message).toContain(`${subject}，除分管这方面工作的领导（赵磊）外一般不邀请其他领导陪会：陈建国、刘志强属陪会`);
    // the leader in charge alone passes
    expect(of(run(activity(over), [L.culture.id]), 'onlyLeaderInCharge').map((e) => e.level)).toEqual(['ok']);
  });

  it('ACT-2 at an in-name public occasion second-line leaders are not 陪会 (the public-occasion rule asks for them)', () => {
    const a = activity({ title: '新春文艺晚会', category: '晚会', heldInName: 'party', area: '文化旅游' });
    const r = of(run(a, [L.culture.id, L.second1.id, L.second2.id]), 'onlyLeaderInCharge');
    expect(r.map((e) => [e.level, e.leaderIds])).toEqual([['ok', []]]);
    expect(r[0].message).toBe('以党委名义举办的晚会，拟由分管领导赵磊及二线领导郑国华、黄丽出席，符合规定');
    // a 表彰 is not a public occasion: a second-line leader there is 陪会 like anyone else
    const award = of(run(activity({ category: '表彰', area: '文化旅游' }), [L.culture.id, L.second1.id]), 'onlyLeaderInCharge');
    expect(award[0].leaderIds).toEqual([L.second1.id]);
  });

  it('ACT-2 leadersInCharge matches area and organiser department, by precedence', () => {
    expect(leadersInCharge({ area: '体育', organiserDepartmentId: 'dept-finance' }, LEADERS).map((l) => l.id)).toEqual([L.exec.id, L.culture.id]);
    expect(leadersInCharge({ area: null, organiserDepartmentId: null }, LEADERS)).toEqual([]);
  });

  it('ACT-4 the office as organiser department does not decide who is in charge: the 工作领域 does', () => {
    const inCharge = (area: string | null, organiserDepartmentId: string | null) =>
      leadersInCharge({ area, organiserDepartmentId }, LEADERS, 'dept-office').map((l) => l.id);
    // the office entered a safety inspection itself: 孙涛 (安全生产), not the 秘书长 who is in charge of the office
    expect(inCharge('应急管理和安全生产', 'dept-office')).toEqual([L.safety.id]);
    // a department nobody is in charge of does not decide either
    expect(inCharge('应急管理和安全生产', 'dept-unknown')).toEqual([L.safety.id]);
    // the office's own work (no leader's area matches): the office's leaders are in charge
    expect(inCharge('政务信息', 'dept-office')).toEqual([L.secgen.id]);
    expect(inCharge(null, 'dept-office')).toEqual([L.secgen.id]);
    // a line department still decides, with the area's leader too
    expect(inCharge('安全生产', 'dept-edu')).toEqual([L.edu.id, L.safety.id]);
  });

  it('ACT-4 陪会 at a safety inspection the office entered is judged by the 工作领域, not the office', () => {
    const a = activity({ category: '会议', heldInName: 'government', organiserDepartmentId: 'dept-office', area: '应急管理和安全生产' });
    const r = evaluateRules(a, [L.secgen.id], { leaders: LEADERS, inNameCountInPeriod: 0, settings: S, officeDepartmentId: 'dept-office' });
    const only = of(r, 'onlyLeaderInCharge')[0];
    expect(only.level).toBe('warning');
    expect(only.leaderIds).toEqual([L.secgen.id]);
    expect(only.message).toContain('除分管这方面工作的领导（孙涛）外');
  });
});

describe('ACT-2 public occasions: second-line leaders widely, few first-line leaders', () => {
  const trigger: [string, Partial<ActivityFacts>, string[], ActivityRuleSettings, [RuleEvaluation['level'], string[], string][]][] = [
    [
      'two first-line at a 庆典 (cap 1)',
      { category: '庆典' },
      [L.edu.id, L.culture.id, L.second1.id],
      S,
      [['warning', [L.edu.id, L.culture.id], '现拟2位：王芳、赵磊']],
    ],
    [
      'a 纪念活动 with no second-line leader',
      { category: '纪念活动' },
      [L.culture.id],
      S,
      [['info', [L.second1.id, L.second2.id], '可考虑请郑国华、黄丽出席']],
    ],
    [
      'a 涉外活动 with three first-line and no second-line',
      { category: '涉外活动', heldInName: 'other' },
      [L.culture.id, L.exec.id, L.mayor.id],
      S,
      [
        ['warning', [L.culture.id, L.exec.id, L.mayor.id], '上限1位'],
        ['info', [L.second1.id, L.second2.id], '没有二线领导'],
      ],
    ],
    [
      'a 晚会 with cap 0 and one first-line',
      { category: '晚会' },
      [L.culture.id, L.second2.id],
      withRule('publicOccasions', { maxFirstLine: 0 }),
      [['warning', [L.culture.id], '上限0位']],
    ],
  ];
  it.each(trigger)('ACT-2 publicOccasions triggers: %s', (_t, over, proposed, settings, expected) => {
    const r = of(run(activity(over), proposed, 0, settings), 'publicOccasions');
    expect(r.map((e) => [e.level, e.leaderIds])).toEqual(expected.map(([lv, ids]) => [lv, ids]));
    for (const [i, [, , text]] of expected.entries()) expect(r[i].message).toContain(text);
    expect(r[0].name).toBe('公开场合广泛吸收二线领导、一线领导不宜多');
  });

  const quiet: [string, Partial<ActivityFacts>, string[], ActivityRuleSettings, boolean][] = [
    ['one first-line and a second-line at a 庆典', { category: '庆典' }, [L.culture.id, L.second1.id], S, true],
    ['only second-line leaders at a 群众性集会', { category: '群众性集会' }, [L.second1.id, L.second2.id], S, true],
    ['a raised cap of 2', { category: '文艺体育活动' }, [L.culture.id, L.edu.id, L.second1.id], withRule('publicOccasions', { maxFirstLine: 2 }), true],
    ['no second line needed when not preferred', { category: '庆典' }, [L.culture.id], withRule('publicOccasions', { preferSecondLine: false }), true],
    ['a 会议 is not a public occasion', { category: '会议', heldInName: 'other' }, [L.culture.id, L.edu.id, L.exec.id], S, false],
    ['a 视察调研 is not a public occasion', { category: '视察调研' }, [L.culture.id, L.edu.id], S, false],
    ['rule switched off', { category: '庆典' }, [L.culture.id, L.edu.id], withRule('publicOccasions', { enabled: false }), false],
  ];
  it.each(quiet)('ACT-2 publicOccasions does not flag: %s', (_t, over, proposed, settings, applies) => {
    const r = of(run(activity(over), proposed, 0, settings), 'publicOccasions');
    expect(r.map((e) => e.level)).toEqual(applies ? ['ok'] : []);
  });
});

describe('ACT-2 process: 办公室拟办 → 主要领导审批 → 执行', () => {
  const cases: [string, Partial<ActivityFacts>, string[]][] = [
    ['an in-name meeting', { area: '教育' }, [L.edu.id]],
    ['a department 庆典', { category: '庆典', heldInName: 'other' }, [L.second1.id]],
    ['an activity without a proposal yet', { category: '视察调研' }, []],
  ];
  it.each(cases)('ACT-2 process is always shown: %s', (_t, over, proposed) => {
    const r = of(run(activity(over), proposed), 'process');
    expect(r).toHaveLength(1);
    expect(r[0].level).toBe('info');
    expect(r[0].message).toContain('办公室拟办 → 主要领导（陈建国）审批 → 执行');
    expect(r[0].leaderIds).toEqual([L.mayor.id]);
  });

  it('ACT-2 every evaluation has a Chinese rule name and message', () => {
    const r = run(activity({ area: '教育' }), [L.edu.id, L.exec.id], 5);
    for (const e of r) {
      expect(e.name).toMatch(/[\u4e00-\u9fff]/);
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(worstLevel(r)).toBe('violation');
    expect(worstLevel([])).toBe('ok');
  });
});

describe('ACT-3 exceptions (灵活掌握)', () => {
  const flags = EXCEPTION_FLAGS;
  const meeting = (flag: ExceptionFlag | null) =>
    activity({
      area: '教育',
      exceptions: {
        superiorLeaderAttends: false,
        unifiedCommemoration: false,
        advancesCentralWork: false,
        outstandingActivity: false,
        ...(flag ? { [flag]: true } : {}),
      },
    });

  it.each(flags)('ACT-3 %s: shown as info and downgrades 陪会 to info with the reason', (flag) => {
    const r = run(meeting(flag), [L.edu.id, L.exec.id]);
    const ex = of(r, 'exceptions');
    expect(ex).toHaveLength(1);
    expect(ex[0].level).toBe('info');
    expect(ex[0].name).toBe('灵活掌握');
    expect(ex[0].message).toContain(EXCEPTION_LABELS[flag]);
    expect(ex[0].message).toContain('可适当邀请本机关有关领导出席');
    const only = of(r, 'onlyLeaderInCharge');
    expect(only[0].level).toBe('info');
    expect(only[0].leaderIds).toEqual([L.exec.id]);
    expect(only[0].message).toContain(EXCEPTION_LABELS[flag]);
  });

  it.each(flags)('ACT-3 %s: downgrades too many first-line leaders at a public occasion to info', (flag) => {
    const a = activity({ category: '纪念活动', exceptions: { ...meeting(null).exceptions, [flag]: true } });
    const po = of(run(a, [L.mayor.id, L.culture.id, L.second1.id]), 'publicOccasions');
    expect(po.map((e) => e.level)).toEqual(['info']);
  });

  it.each(flags)('ACT-3 %s: ignored when the exceptions rule is off', (flag) => {
    const r = run(meeting(flag), [L.edu.id, L.exec.id], 0, withRule('exceptions', { enabled: false }));
    expect(of(r, 'exceptions')).toEqual([]);
    expect(of(r, 'onlyLeaderInCharge')[0].level).toBe('warning');
  });

  it('ACT-3 an exception names the relevant leaders it justifies: the principal for a visitor of this organ’s rank, none when the one in charge is of it', () => {
    const superior = (rank: number | null) =>
      activity({ area: '教育', exceptions: { ...meeting(null).exceptions, superiorLeaderAttends: true, superiorLeaderRankOrder: rank } });
    const high = of(run(superior(null), [L.edu.id]), 'exceptions')[0];
    expect(high.leaderIds).toEqual([L.mayor.id]);
    expect(high.message).toContain('：宜请市长陈建国出席');
    // a visitor of the vice-mayors' rank: 王芳, in charge, is of it
    expect(of(run(superior(2), [L.edu.id]), 'exceptions')[0].leaderIds).toEqual([]);
    const commemoration = activity({ category: '纪念活动', exceptions: { ...meeting(null).exceptions, unifiedCommemoration: true } });
    expect(of(run(commemoration, [L.second1.id]), 'exceptions')[0].leaderIds).toEqual([L.mayor.id]);
  });

  it('ACT-3 no flag: no exception evaluation; several flags: one each', () => {
    expect(of(run(meeting(null), [L.edu.id]), 'exceptions')).toEqual([]);
    const all = activity({ exceptions: { superiorLeaderAttends: true, unifiedCommemoration: true, advancesCentralWork: true, outstandingActivity: true } });
    expect(of(run(all, [L.edu.id]), 'exceptions')).toHaveLength(4);
  });
});

describe('ACT-2 rule settings (administrator edits)', () => {
  it('ACT-2 the defaults are valid and as agreed', () => {
    expect(ActivityRuleSettingsSchema.parse(DEFAULT_ACTIVITY_RULES)).toEqual(DEFAULT_ACTIVITY_RULES);
    expect(S.quota).toEqual({ enabled: true, period: 'month', max: 4, warnRatio: 0.75 });
    expect(S.publicOccasions.categories).toEqual(['庆典', '纪念活动', '涉外活动', '群众性集会', '文艺体育活动', '晚会']);
    expect(S.reminders).toEqual({ dayBeforeAt: '16:00', marginMinutes: 30, escalateAfterMinutes: 30 });
  });

  const bad: [string, ActivityRuleSettings | Record<string, unknown>, string, string][] = [
    ['a zero quota', withRule('quota', { max: 0 }), 'quota.max', '数量上限不能小于1'],
    ['a fractional quota', withRule('quota', { max: 2.5 }), 'quota.max', '数量上限应为整数'],
    ['a warn ratio above 1', withRule('quota', { warnRatio: 1.5 }), 'quota.warnRatio', '预警比例不能大于1'],
    ['an unknown period', { ...S, quota: { ...S.quota, period: 'week' } }, 'quota.period', '统计周期应为月、季度或年'],
    [
      'an unknown category',
      { ...S, publicOccasions: { ...S.publicOccasions, categories: ['舞会'] } },
      'publicOccasions.categories.0',
      '活动类别不在可选范围内',
    ],
    ['no categories while enabled', withRule('publicOccasions', { categories: [] }), 'publicOccasions.categories', '至少选择一个活动类别'],
    ['a negative first-line cap', withRule('publicOccasions', { maxFirstLine: -1 }), 'publicOccasions.maxFirstLine', '一线领导人数上限不能小于0'],
    ['a bad reminder time', withRule('reminders', { dayBeforeAt: '25:00' }), 'reminders.dayBeforeAt', 'HH:mm'],
    ['a zero escalation delay', withRule('reminders', { escalateAfterMinutes: 0 }), 'reminders.escalateAfterMinutes', '不能小于1'],
    ['a missing switch', { ...S, exceptions: {} }, 'exceptions.enabled', '应为“是”或“否”'],
  ];
  it.each(bad)('ACT-2 settings reject %s with a Chinese message', (_t, input, path, msg) => {
    const r = ActivityRuleSettingsSchema.safeParse(input);
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path.join('.') === path);
    expect(issue?.message).toContain(msg);
  });
});

describe('ACT-2 quota period (China dates)', () => {
  const cases: [string | Date, ActivityRuleSettings['quota']['period'], string, string][] = [
    ['2026-10-13T09:00:00+08:00', 'month', '2026-10-01', '2026-10-31'],
    ['2026-09-30T17:00:00Z', 'month', '2026-10-01', '2026-10-31'], // 01:00 on 1 October in China
    [new Date('2026-09-30T15:00:00Z'), 'month', '2026-09-01', '2026-09-30'],
    ['2024-02-10', 'month', '2024-02-01', '2024-02-29'],
    ['2026-02-15', 'quarter', '2026-01-01', '2026-03-31'],
    ['2026-05-01T00:00:00+08:00', 'quarter', '2026-04-01', '2026-06-30'],
    ['2026-12-31T23:59:00+08:00', 'quarter', '2026-10-01', '2026-12-31'],
    ['2026-07-07', 'year', '2026-01-01', '2026-12-31'],
  ];
  it.each(cases)('ACT-2 inNameQuotaPeriod(%s, %s) = %s … %s', (date, period, from, to) => {
    expect(inNameQuotaPeriod(date, period)).toEqual({ from, to });
  });
});
