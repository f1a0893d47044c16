/**
 * ACT-2 rules (建立制度) and ACT-3 exceptions (灵活掌握) as pure functions over the activity facts,
 * the proposed attendees and the administrator's settings. Every finding carries the rule's
 * Chinese name and a reason the office can show as is.
 */
import { z } from 'zod';
import { chinaDate, type IsoDate } from '../calendar/workdays';
import {
  ACTIVITY_CATEGORIES,
  EXCEPTION_FLAGS,
  EXCEPTION_LABELS,
  HELD_IN_NAME_LABELS,
  IN_NAME_HELD,
  type ActivityFacts,
  type ActivityRuleSettings,
  type ExceptionFlag,
  type ExceptionRaise,
  type LeaderFacts,
  type RuleEvaluation,
} from './types';

export const DEFAULT_ACTIVITY_RULES: ActivityRuleSettings = {
  quota: { enabled: true, period: 'month', max: 4, warnRatio: 0.75 },
  onlyLeaderInCharge: { enabled: true },
  publicOccasions: {
    enabled: true,
    categories: ['庆典', '纪念活动', '涉外活动', '群众性集会', '文艺体育活动', '晚会'],
    maxFirstLine: 1,
    preferSecondLine: true,
  },
  exceptions: { enabled: true },
  reminders: { dayBeforeAt: '16:00', marginMinutes: 30, escalateAfterMinutes: 30 },
};

export const RULE_NAMES: Record<RuleEvaluation['rule'], string> = {
  quota: '严格控制以党委、政府名义举办的会议活动数量',
  onlyLeaderInCharge: '以党委、政府名义举办的会议、活动只请分管领导出席',
  publicOccasions: '公开场合广泛吸收二线领导、一线领导不宜多',
  exceptions: '灵活掌握',
  process: '办公室拟办、主要领导审批后执行',
};

const bool = z.boolean({ error: '应为“是”或“否”' });
const int = (min: number, max: number, what: string) =>
  z
    .number({ error: `${what}应为数字` })
    .int(`${what}应为整数`)
    .min(min, `${what}不能小于${min}`)
    .max(max, `${what}不能大于${max}`);

/** Validates an administrator's edit of the rule settings (ACT-2: configurable per organisation). */
export const ActivityRuleSettingsSchema = z
  .object({
    quota: z.object({
      enabled: bool,
      period: z.enum(['month', 'quarter', 'year'], { error: '统计周期应为月、季度或年' }),
      max: int(1, 1000, '数量上限'),
      warnRatio: z.number({ error: '预警比例应为数字' }).gt(0, '预警比例应大于0').max(1, '预警比例不能大于1'),
    }),
    onlyLeaderInCharge: z.object({ enabled: bool }),
    publicOccasions: z.object({
      enabled: bool,
      categories: z.array(z.enum(ACTIVITY_CATEGORIES, { error: '活动类别不在可选范围内' })).refine((cs) => new Set(cs).size === cs.length, '活动类别有重复'),
      maxFirstLine: int(0, 20, '一线领导人数上限'),
      preferSecondLine: bool,
    }),
    exceptions: z.object({ enabled: bool }),
    reminders: z.object({
      dayBeforeAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '提前一天提醒时间格式应为 HH:mm，如 16:00'),
      marginMinutes: int(0, 720, '出发提醒提前量（分钟）'),
      escalateAfterMinutes: int(1, 720, '未确认出发后上报时限（分钟）'),
    }),
  })
  .superRefine((s, ctx) => {
    if (s.publicOccasions.enabled && s.publicOccasions.categories.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['publicOccasions', 'categories'], message: '启用公开场合规则时至少选择一个活动类别' });
    }
  }) satisfies z.ZodType<ActivityRuleSettings>;

const PERIOD_LABELS: Record<ActivityRuleSettings['quota']['period'], string> = { month: '本月', quarter: '本季度', year: '本年度' };

/**
 * The China-date range (inclusive) of the quota period containing `date` (an ISO instant, an ISO
 * date or a Date), so the server can count the activities held in the party/government name.
 */
export function inNameQuotaPeriod(date: string | Date, period: ActivityRuleSettings['quota']['period']): { from: IsoDate; to: IsoDate } {
  const day = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : chinaDate(new Date(date));
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)); // 1..12
  const [m0, m1] = period === 'month' ? [m, m] : period === 'quarter' ? [3 * Math.floor((m - 1) / 3) + 1, 3 * Math.floor((m - 1) / 3) + 3] : [1, 12];
  const lastDay = new Date(Date.UTC(y, m1, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${y}-${pad(m0)}-01`, to: `${y}-${pad(m1)}-${pad(lastDay)}` };
}

/** Held in the Party committee's or the government's name, or in both together (`IN_NAME_HELD`). */
export function isInName(a: Pick<ActivityFacts, 'heldInName'>): boolean {
  return IN_NAME_HELD.includes(a.heldInName);
}

/**
 * The onlyLeaderInCharge rule's subject: anything held in the party/government name, of every
 * category (a 晚会 or a 庆典 as much as a 会议) — "除主管这方面工作的领导出席外，一般不邀请其他领导陪会".
 */
export function accompanyRuleApplies(a: Pick<ActivityFacts, 'heldInName'>, settings: ActivityRuleSettings): boolean {
  return settings.onlyLeaderInCharge.enabled && isInName(a);
}

/** How the activity is named in a reason: 召开的会议, 举办的晚会, 举办的活动… */
export function heldAs(a: Pick<ActivityFacts, 'category'>): string {
  if (a.category === '会议') return '召开的会议';
  return a.category === '其他' ? '举办的活动' : `举办的${a.category}`;
}

/**
 * Whether a leader not in charge would be accompanying (陪会) at an in-name activity. At a public
 * occasion second-line leaders are not: that rule asks for them widely.
 */
export function wouldAccompany(leader: Pick<LeaderFacts, 'line'>, a: Pick<ActivityFacts, 'category'>, settings: ActivityRuleSettings): boolean {
  return !(leader.line === 'second' && isPublicOccasion(a, settings));
}

export function isPublicOccasion(a: Pick<ActivityFacts, 'category'>, settings: ActivityRuleSettings): boolean {
  return settings.publicOccasions.enabled && settings.publicOccasions.categories.includes(a.category);
}

/** The exception flags set on the activity, when the exceptions rule is on. */
export function activeExceptions(a: Pick<ActivityFacts, 'exceptions'>, settings: ActivityRuleSettings): ExceptionFlag[] {
  if (!settings.exceptions.enabled) return [];
  return EXCEPTION_FLAGS.filter((k) => a.exceptions[k]);
}

function areaMatches(area: string, charge: string): boolean {
  const a = area.trim();
  const c = charge.trim();
  return a.length > 0 && c.length > 0 && (a === c || a.includes(c) || c.includes(a));
}

export interface ChargeMatch {
  /** the leader's 分管 area matching the activity's 工作领域 */
  area: string | null;
  /** in charge of the organiser department, and the department decides */
  department: boolean;
}

/**
 * How each leader is in charge (分管) of the activity's work. The organiser department decides
 * when it is one of this organ's departments with a leader in charge, other than the office
 * (`officeDepartmentId`): requests the office enters itself name the office, whose leaders (秘书长,
 * 常务副市长) are not in charge of a safety inspection. When it does not decide, the 工作领域
 * does; only when no leader's area matches either do the office's own leaders count (the office's
 * own work). Area matches always count.
 */
export function chargeMatches(
  a: Pick<ActivityFacts, 'area' | 'organiserDepartmentId'>,
  leaders: LeaderFacts[],
  officeDepartmentId: string | null = null,
): Map<string, ChargeMatch> {
  const dept = a.organiserDepartmentId;
  const area = (l: LeaderFacts) => (a.area ? (l.chargeAreas.find((c) => areaMatches(a.area as string, c)) ?? null) : null);
  const ofDept = new Set(dept ? leaders.filter((l) => l.chargeDepartmentIds.includes(dept)).map((l) => l.id) : []);
  const decides = dept !== null && dept !== officeDepartmentId && ofDept.size > 0;
  const anyArea = leaders.some((l) => area(l) !== null);
  const deptCounts = decides || (!anyArea && dept !== null);
  return new Map(leaders.map((l) => [l.id, { area: area(l), department: deptCounts && ofDept.has(l.id) }]));
}

/** The leaders in charge of the activity's work, by precedence. */
export function leadersInCharge(
  a: Pick<ActivityFacts, 'area' | 'organiserDepartmentId'>,
  leaders: LeaderFacts[],
  officeDepartmentId: string | null = null,
): LeaderFacts[] {
  const m = chargeMatches(a, leaders, officeDepartmentId);
  return leaders.filter((l) => m.get(l.id)!.area !== null || m.get(l.id)!.department).sort((x, y) => x.precedence - y.precedence);
}

/** The rank a visiting superior leader's company must match, and this organ's leaders of it (ACT-3 (1)). */
export interface SuperiorRank {
  rankOrder: number;
  /** the visitor is of this organ's own rank or higher: the principal leader */
  principal: boolean;
  leaders: LeaderFacts[];
}

/**
 * ACT-3 (1): a superior organ's leader attends. The visitor's rank (`superiorLeaderRankOrder`,
 * on this organ's scale; unstated: this organ's own rank) is matched by the first-line leaders of
 * the nearest rank at or above it — the principal leader for a visitor of the principal's rank or
 * higher (a vice-governor at a city's meeting), the vice-mayors for a visitor of theirs.
 */
export function superiorRank(a: Pick<ActivityFacts, 'exceptions'>, leaders: LeaderFacts[]): SuperiorRank | null {
  if (!a.exceptions.superiorLeaderAttends || leaders.length === 0) return null;
  const principals = leaders.filter((l) => l.principal);
  const top = principals.length ? principals : leaders.filter((l) => l.line === 'first');
  const organRank = Math.min(...(top.length ? top : leaders).map((l) => l.rankOrder));
  const visitor = a.exceptions.superiorLeaderRankOrder ?? organRank;
  const firstLine = leaders.filter((l) => l.line === 'first' && !l.principal);
  const ranks = firstLine.map((l) => l.rankOrder).filter((r) => r > organRank && r <= visitor);
  if (ranks.length === 0)
    return { rankOrder: organRank, principal: true, leaders: principals.length ? principals : top.filter((l) => l.rankOrder === organRank) };
  const rankOrder = Math.max(...ranks);
  return { rankOrder, principal: false, leaders: firstLine.filter((l) => l.rankOrder === rankOrder) };
}

/** Whether a leader's attendance matches the visiting superior leader's rank. */
export function meetsSuperiorRank(l: LeaderFacts, sr: SuperiorRank): boolean {
  return sr.principal ? l.principal : l.line === 'first' && l.rankOrder <= sr.rankOrder;
}

/**
 * ACT-3: the "relevant leaders of this organ" each exception justifies inviting, beyond the
 * leaders in charge: (1) a visiting superior leader — this organ's leaders of the visitor's rank,
 * unless an available leader in charge already is of it; (2) a commemoration arranged nationally,
 * provincially or by the city, and (3) a professional meeting that strongly advances the central
 * work (which the principal leader leads) — the principal leader; and under every exception,
 * (4) an outstanding business activity included, the leaders the organiser asked for.
 */
export function exceptionLeaders(
  a: Pick<ActivityFacts, 'exceptions' | 'requestedLeaderIds'>,
  leaders: LeaderFacts[],
  settings: ActivityRuleSettings,
  o: { inChargeIds: ReadonlySet<string>; unavailableIds?: ReadonlySet<string> },
): Map<string, ExceptionRaise[]> {
  const flags = activeExceptions(a, settings);
  const out = new Map<string, ExceptionRaise[]>();
  const add = (id: string, r: ExceptionRaise) => out.set(id, [...(out.get(id) ?? []), r]);
  if (flags.includes('superiorLeaderAttends')) {
    const sr = superiorRank(a, leaders);
    const met = sr && leaders.some((l) => o.inChargeIds.has(l.id) && !o.unavailableIds?.has(l.id) && meetsSuperiorRank(l, sr));
    if (sr && !met) {
      const reason = sr.principal ? '上级领导同志级别相当于本机关主要领导或更高，宜请主要领导出席陪同' : '与来访的上级领导同志级别相当，宜出席陪同';
      for (const l of sr.leaders) if (!o.inChargeIds.has(l.id)) add(l.id, { flag: 'superiorLeaderAttends', reason, kind: sr.principal ? 'principal' : 'rank' });
    }
  }
  const principalFor: [ExceptionFlag, string][] = [
    ['unifiedCommemoration', '全国、省、市统一部署的纪念活动，宜请主要领导出席'],
    ['advancesCentralWork', '对中心工作有重大推动作用的专业会议，宜请主要领导出席'],
  ];
  for (const [flag, reason] of principalFor) {
    if (!flags.includes(flag)) continue;
    for (const l of leaders.filter((x) => x.principal && !o.inChargeIds.has(x.id))) add(l.id, { flag, reason, kind: 'principal' });
  }
  if (flags.length) {
    const text = flags.map((k) => `「${EXCEPTION_LABELS[k]}」`).join('、');
    for (const id of new Set(a.requestedLeaderIds)) {
      if (o.inChargeIds.has(id) || !leaders.some((l) => l.id === id)) continue;
      add(id, { flag: flags[0], reason: `组织方点名邀请，本活动属${text}，可适当邀请出席`, kind: 'requested' });
    }
  }
  return out;
}

export function namesOf(ids: string[], leaders: LeaderFacts[]): string {
  const byId = new Map(leaders.map((l) => [l.id, l]));
  return ids.map((id) => byId.get(id)?.name ?? id).join('、');
}

function ev(rule: RuleEvaluation['rule'], level: RuleEvaluation['level'], message: string, leaderIds: string[] = []): RuleEvaluation {
  return { rule, name: RULE_NAMES[rule], level, message, leaderIds };
}

export interface RuleContext {
  leaders: LeaderFacts[];
  /** activities held in the party/government name already in the quota period, excluding this one */
  inNameCountInPeriod: number;
  settings: ActivityRuleSettings;
  /** the office's department (市政府办公室): as organiser department it does not decide who is in charge */
  officeDepartmentId?: string | null;
}

/**
 * ACT-2/ACT-3: the verdict of each applicable rule on the activity with the proposed attendees.
 * A rule that applies and is satisfied yields level 'ok'; a rule that does not apply (or is
 * switched off) yields nothing, except `process`, which is always shown.
 */
export function evaluateRules(activity: ActivityFacts, proposedLeaderIds: string[], ctx: RuleContext): RuleEvaluation[] {
  const { leaders, settings } = ctx;
  const out: RuleEvaluation[] = [];
  const byId = new Map(leaders.map((l) => [l.id, l]));
  const proposed = [...new Set(proposedLeaderIds)].map((id) => byId.get(id)).filter((l): l is LeaderFacts => !!l);
  const exceptions = activeExceptions(activity, settings);
  const exceptionText = exceptions.map((k) => `「${EXCEPTION_LABELS[k]}」`).join('、');
  const nameLabel = HELD_IN_NAME_LABELS[activity.heldInName];

  // quota
  const q = settings.quota;
  if (q.enabled && isInName(activity)) {
    const count = ctx.inNameCountInPeriod + 1;
    const p = PERIOD_LABELS[q.period];
    const warnAt = Math.max(1, Math.ceil(q.max * q.warnRatio));
    if (count > q.max) {
      out.push(ev('quota', 'violation', `${p}${nameLabel}举办的会议、活动连同本项已达${count}个，超过上限${q.max}个：请严格控制，确需举办的报主要领导审定`));
    } else if (count >= warnAt) {
      out.push(ev('quota', 'warning', `${p}${nameLabel}举办的会议、活动连同本项为${count}个，${count === q.max ? '已达' : '接近'}上限${q.max}个：请从严控制`));
    } else {
      out.push(ev('quota', 'ok', `${p}${nameLabel}举办的会议、活动连同本项为${count}个，上限${q.max}个`));
    }
  }

  // only the leader in charge attends what is held in the party/government name (陪会), whatever its category
  const inCharge = leadersInCharge(activity, leaders, ctx.officeDepartmentId ?? null);
  if (accompanyRuleApplies(activity, settings) && proposed.length > 0) {
    const inChargeIds = new Set(inCharge.map((l) => l.id));
    const charged = proposed.filter((l) => inChargeIds.has(l.id));
    const secondLine = proposed.filter((l) => !inChargeIds.has(l.id) && !wouldAccompany(l, activity, settings));
    const extra = proposed.filter((l) => !inChargeIds.has(l.id) && wouldAccompany(l, activity, settings));
    const chargeNames = inCharge.map((l) => l.name).join('、');
    const subject = `${nameLabel}${heldAs(activity)}`;
    const missingNote =
      inCharge.length === 0 ? '（未能从分管范围确定分管领导，请办公室核定）' : charged.length === 0 ? `；分管领导${chargeNames}未在拟出席名单中` : '';
    if (extra.length === 0) {
      const who = [
        ...(charged.length ? [`分管领导${charged.map((l) => l.name).join('、')}`] : []),
        ...(secondLine.length ? [`二线领导${secondLine.map((l) => l.name).join('、')}`] : []),
      ].join('及');
      out.push(ev('onlyLeaderInCharge', 'ok', `${subject}，拟由${who}出席，符合规定${charged.length ? '' : missingNote}`));
    } else {
      const extraNames = extra.map((l) => l.name).join('、');
      const base = `${subject}，除分管这方面工作的领导${chargeNames ? `（${chargeNames}）` : ''}外一般不邀请其他领导陪会：${extraNames}属陪会${missingNote}`;
      if (exceptions.length > 0) {
        out.push(
          ev(
            'onlyLeaderInCharge',
            'info',
            `${base}；但本活动属${exceptionText}，可适当邀请有关领导出席`,
            extra.map((l) => l.id),
          ),
        );
      } else {
        out.push(
          ev(
            'onlyLeaderInCharge',
            'warning',
            base,
            extra.map((l) => l.id),
          ),
        );
      }
    }
  }

  // public occasions
  const po = settings.publicOccasions;
  if (isPublicOccasion(activity, settings) && proposed.length > 0) {
    const first = proposed.filter((l) => l.line === 'first');
    const second = proposed.filter((l) => l.line === 'second');
    let flagged = false;
    if (first.length > po.maxFirstLine) {
      flagged = true;
      const msg = `「${activity.category}」属出头露面的公开场合，一线领导参加人数不宜多（上限${po.maxFirstLine}位），现拟${first.length}位：${first.map((l) => l.name).join('、')}`;
      if (exceptions.length > 0)
        out.push(
          ev(
            'publicOccasions',
            'info',
            `${msg}；但本活动属${exceptionText}，可适当邀请有关领导出席`,
            first.map((l) => l.id),
          ),
        );
      else
        out.push(
          ev(
            'publicOccasions',
            'warning',
            msg,
            first.map((l) => l.id),
          ),
        );
    }
    if (po.preferSecondLine && second.length === 0) {
      flagged = true;
      const pool = leaders.filter((l) => l.line === 'second').sort((a, b) => a.precedence - b.precedence);
      const hint = pool.length ? `，可考虑请${pool.map((l) => l.name).join('、')}出席` : '';
      out.push(
        ev(
          'publicOccasions',
          'info',
          `公开场合宜广泛吸收二线领导出席，现拟出席领导中没有二线领导${hint}`,
          pool.map((l) => l.id),
        ),
      );
    }
    if (!flagged) {
      out.push(ev('publicOccasions', 'ok', `公开场合：拟请一线领导${first.length}位（上限${po.maxFirstLine}位）、二线领导${second.length}位，符合规定`));
    }
  }

  // exceptions (ACT-3), each with the relevant leaders it names
  const raised = exceptionLeaders(activity, leaders, settings, { inChargeIds: new Set(inCharge.map((l) => l.id)) });
  for (const k of exceptions) {
    const named = leaders.filter((l) => raised.get(l.id)?.some((r) => r.flag === k && r.kind !== 'requested'));
    const hint = named.length ? `：宜请${named.map((l) => `${l.post}${l.name}`).join('、')}出席` : '';
    out.push(
      ev(
        'exceptions',
        'info',
        `本活动属「${EXCEPTION_LABELS[k]}」，可适当邀请本机关有关领导出席${hint}`,
        named.map((l) => l.id),
      ),
    );
  }

  // process: always
  const principals = leaders.filter((l) => l.principal);
  out.push(
    ev(
      'process',
      'info',
      `凡请机关领导出席的活动均与办公室联系：办公室拟办 → 主要领导${principals.length ? `（${principals.map((l) => l.name).join('、')}）` : ''}审批 → 执行`,
      principals.map((l) => l.id),
    ),
  );
  return out;
}

/** The most severe level among the evaluations ('ok' when none). */
export function worstLevel(evals: RuleEvaluation[]): RuleEvaluation['level'] {
  const order: RuleEvaluation['level'][] = ['ok', 'info', 'warning', 'violation'];
  return evals.reduce<RuleEvaluation['level']>((w, e) => (order.indexOf(e.level) > order.indexOf(w) ? e.level : w), 'ok');
}
