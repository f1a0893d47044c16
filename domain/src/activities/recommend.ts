/**
 * ACT-4 the office's proposal: rank the leaders for an activity from the rules (ACT-2/ACT-3), the
 * 分管 areas, each leader's calendar and absences, and the balance of load, with the reasons in
 * Chinese; then draft a default proposal and its 拟办意见. ACT-6 substitutes re-run the ranking
 * with the leaders who dropped out marked unavailable.
 */
import { findConflicts, isBlocking } from './conflicts';
import { accompanyRuleApplies, activeExceptions, chargeMatches, exceptionLeaders, heldAs, isPublicOccasion, wouldAccompany } from './rules';
import {
  EXCEPTION_LABELS,
  HELD_IN_NAME_LABELS,
  type ActivityFacts,
  type ActivityRuleSettings,
  type BusyPeriod,
  type Candidate,
  type LeaderFacts,
} from './types';

export interface RecommendInput {
  leaders: LeaderFacts[];
  /** calendar entries of the leaders around the activity (other activities, meetings, absences) */
  busy: BusyPeriod[];
  /** activities each leader attended in the load window (近四周) */
  recentLoad: Record<string, number>;
  settings: ActivityRuleSettings;
  /** activities held in the party/government name already in the quota period (for the rationale) */
  inNameCountInPeriod: number;
  /** leaders known to be unavailable for another reason (e.g. 有更重要的任务), id → reason */
  unavailable?: Record<string, string>;
  /** the office's department: as organiser department it does not decide who is in charge */
  officeDepartmentId?: string | null;
}

/** Score weights; exported so the reasons and the ordering can be explained and tested. */
export const RECOMMEND_WEIGHTS = {
  area: 40,
  department: 40,
  requested: 30,
  secondLinePublic: 30,
  firstLinePublic: -20,
  accompany: -40,
  substitute: 10,
  principal: -15,
  tentativeConflict: -10,
  perRecentActivity: -3,
} as const;

function unavailableText(p: BusyPeriod): string {
  return p.kind === 'absence' ? `该时段请假/出差（${p.title}）` : `与「${p.title}」时间冲突（含路程）`;
}

/**
 * Every leader as a candidate, best first: available leaders before unavailable ones; the in-charge
 * leaders before the others (except at a public occasion not held in the party/government name,
 * where second-line leaders come first); then the relevant leaders an ACT-3 exception raises (of
 * the visitor's rank, the principal leader, the leaders the organiser asked for); then by score,
 * by lighter recent load, and by precedence.
 */
export function recommendLeaders(activity: ActivityFacts, input: RecommendInput): Candidate[] {
  const { leaders, busy, recentLoad, settings } = input;
  const W = RECOMMEND_WEIGHTS;
  const override = input.unavailable ?? {};
  const inNameRule = accompanyRuleApplies(activity, settings);
  const publicOccasion = isPublicOccasion(activity, settings);
  const exceptions = activeExceptions(activity, settings);
  const subject = `${HELD_IN_NAME_LABELS[activity.heldInName]}${heldAs(activity)}`;
  const charges = chargeMatches(activity, leaders, input.officeDepartmentId ?? null);
  // at a public occasion not held in the name, second-line leaders may outrank those in charge
  const inChargeFirst = inNameRule || !publicOccasion;

  const base = leaders.map((l) => {
    const conflicts = findConflicts(activity, l.id, busy);
    const blocking = conflicts.filter(isBlocking);
    const unavailableReason = override[l.id] ?? (blocking.length ? unavailableText(blocking[0]) : undefined);
    const match = charges.get(l.id)!;
    return { l, conflicts, blocking, unavailableReason, match, inCharge: match.area !== null || match.department };
  });
  const inCharge = base.filter((b) => b.inCharge);
  const inChargeAvailable = inCharge.some((b) => !b.unavailableReason);
  const raises = exceptionLeaders(activity, leaders, settings, {
    inChargeIds: new Set(inCharge.map((b) => b.l.id)),
    unavailableIds: new Set(base.filter((b) => b.unavailableReason).map((b) => b.l.id)),
  });

  const candidates = base.map(({ l, conflicts, blocking, unavailableReason, match, inCharge: isCharge }) => {
    let score = 0;
    const reasons: string[] = [];
    const requested = activity.requestedLeaderIds.includes(l.id);
    const raised = raises.get(l.id) ?? [];
    if (match.area) {
      score += W.area;
      reasons.push(`分管该领域（${match.area}）`);
    }
    if (match.department) {
      score += W.department;
      reasons.push('分管主办部门');
    }
    if (requested) {
      score += W.requested;
      reasons.push('组织方点名邀请');
    }
    // ACT-3: the exception justifies inviting this leader; the rules' penalties do not apply
    for (const r of raised) reasons.push(r.reason);

    if (inNameRule && !isCharge && wouldAccompany(l, activity, settings) && !raised.length) {
      if (exceptions.length > 0) {
        reasons.push(`本活动属「${EXCEPTION_LABELS[exceptions[0]]}」，可适当邀请有关领导出席`);
      } else if (inChargeAvailable) {
        score += W.accompany;
        reasons.push(`${subject}一般只请分管领导出席，不宜陪会`);
      }
    }
    if (inNameRule && !isCharge && !inChargeAvailable && inCharge.length > 0 && l.line === 'first' && !l.principal) {
      score += W.substitute;
      reasons.push(`分管领导${inCharge.map((b) => b.l.name).join('、')}该时段不能出席，可代为出席`);
    }
    if (publicOccasion) {
      if (l.line === 'second') {
        if (settings.publicOccasions.preferSecondLine) {
          score += W.secondLinePublic;
          reasons.push('二线领导、公开场合优先');
        }
      } else if (!raised.length) {
        score += W.firstLinePublic;
        reasons.push('属一线领导、公开场合宜少安排');
      }
    }
    if (l.principal && !requested && !isCharge && !raised.length) {
      score += W.principal;
      reasons.push('主要领导，一般活动不宜安排');
    }

    if (override[l.id]) reasons.push(override[l.id]);
    for (const p of blocking) reasons.push(unavailableText(p));
    for (const p of conflicts.filter((c) => !isBlocking(c))) {
      score += W.tentativeConflict;
      reasons.push(`与拟办中的「${p.title}」时间可能冲突（含路程）`);
    }
    if (activity.travelMinutes > 0) reasons.push(`路程约${activity.travelMinutes}分钟`);
    const load = recentLoad[l.id] ?? 0;
    score += W.perRecentActivity * load;
    reasons.push(`近四周已出席${load}次活动`);

    const c: Candidate = {
      leaderId: l.id,
      name: l.name,
      post: l.post,
      score,
      available: !unavailableReason,
      reasons,
      conflicts,
      recentLoad: load,
      line: l.line,
      inCharge: isCharge,
    };
    if (raised.length) c.raisedBy = raised;
    if (unavailableReason) c.unavailableReason = unavailableReason;
    return { c, precedence: l.precedence };
  });

  candidates.sort(
    (x, y) =>
      Number(y.c.available) - Number(x.c.available) ||
      (inChargeFirst ? Number(y.c.inCharge) - Number(x.c.inCharge) : 0) ||
      Number(!!y.c.raisedBy) - Number(!!x.c.raisedBy) ||
      y.c.score - x.c.score ||
      x.c.recentLoad - y.c.recentLoad ||
      x.precedence - y.precedence,
  );
  return candidates.map((x) => x.c);
}

export interface Proposal {
  leaderIds: string[];
  /** the 拟办意见: one paragraph of Chinese for the principal leader */
  opinion: string;
}

const who = (c: Candidate) => `${c.post}${c.name}`;
const POSITIVE = ['分管该领域', '分管主办部门', '组织方点名邀请', '二线领导、公开场合优先'];
const whyFor = (c: Candidate) => {
  const r = c.reasons.filter((x) => POSITIVE.some((p) => x.startsWith(p)));
  return r.length ? `（${r.join('，')}）` : '';
};

/** Raised by an exception (ACT-3). */
const isRaised = (c: Candidate) => !!c.raisedBy?.length;
/** May be the one who attends for the rule: not raised, or raised only for the visitor's rank. */
const mayStandIn = (c: Candidate) => !isRaised(c) || c.raisedBy!.every((r) => r.kind === 'rank');

/**
 * The default proposal from ranked candidates: for a public occasion up to `maxFirstLine`
 * first-line leaders who are in charge (or, unless it is held in the party/government name, were
 * asked for) plus the available second-line leaders; for anything else held in the
 * party/government name the top available in-charge leader (or, if none is free, the top available
 * substitute); otherwise the top available candidate. Then the relevant leaders an ACT-3 exception
 * raises: all of them, except that one leader of the visitor's rank is enough.
 */
export function proposeAttendees(candidates: Candidate[], activity: ActivityFacts, settings: ActivityRuleSettings): Proposal {
  const available = candidates.filter((c) => c.available);
  const subject = activity.title ? `「${activity.title}」` : '本活动';
  const held = `${HELD_IN_NAME_LABELS[activity.heldInName]}${heldAs(activity)}`;
  const inNameRule = accompanyRuleApplies(activity, settings);
  const exceptions = activeExceptions(activity, settings);
  const anyRaised = available.some(isRaised);
  const parts: string[] = [];
  let chosen: Candidate[] = [];

  if (isPublicOccasion(activity, settings)) {
    const po = settings.publicOccasions;
    parts.push(`${subject}属出头露面的公开场合，宜广泛吸收二线领导出席，一线领导参加人数不宜多。`);
    if (inNameRule) parts.push(`系${held}，一线领导除分管这方面工作的领导外，一般不邀请陪会。`);
    const first = available
      .filter((c) => c.line === 'first' && !isRaised(c) && (c.inCharge || (!inNameRule && activity.requestedLeaderIds.includes(c.leaderId))))
      .slice(0, po.maxFirstLine);
    const secondAll = available.filter((c) => c.line === 'second' && !isRaised(c));
    const second = po.preferSecondLine ? secondAll : secondAll.slice(0, 1);
    chosen = [...first, ...second];
    if (!chosen.length && !anyRaised && available.length) chosen = [available[0]];
    if (chosen.length) parts.push(`拟请${chosen.map((c) => `${who(c)}${whyFor(c)}`).join('、')}出席。`);
  } else if (inNameRule) {
    parts.push(`${subject}系${held}，按规定除分管这方面工作的领导出席外，一般不邀请其他领导陪会。`);
    const charge = available.filter((c) => c.inCharge);
    const away = candidates.filter((c) => c.inCharge && !c.available);
    if (charge.length) {
      chosen = [charge[0]];
      parts.push(`拟请分管领导${who(charge[0])}出席${whyFor(charge[0])}。`);
    } else if (away.length) {
      const stand = available.find(mayStandIn) ?? available[0];
      if (stand) {
        chosen = [stand];
        parts.push(`分管领导${away.map((c) => `${who(c)}${c.unavailableReason ?? '不能出席'}`).join('；')}，拟请${who(stand)}代为出席。`);
      }
    } else if (available.length && !anyRaised) {
      chosen = [available[0]];
      parts.push(`未能从分管范围确定分管领导，拟请${who(available[0])}出席。`);
    } else if (anyRaised) {
      parts.push('未能从分管范围确定分管领导。');
    }
  } else {
    const main = available.find(mayStandIn);
    if (main && (main.inCharge || !anyRaised)) {
      chosen = [main];
      parts.push(`拟请${who(main)}出席${subject === '本活动' ? '' : subject}${whyFor(main)}。`);
    }
  }

  // ACT-3: the relevant leaders the exceptions raise
  const extras = available.filter((c) => isRaised(c) && !chosen.includes(c) && !c.raisedBy!.every((r) => r.kind === 'rank'));
  const ofRank = (c: Candidate) => !!c.raisedBy?.some((r) => r.kind === 'rank');
  const rankLeader = available.find(ofRank);
  if (rankLeader && ![...chosen, ...extras].some(ofRank)) extras.push(rankLeader);

  if (!chosen.length && !extras.length) {
    parts.push('经查，有关领导该时段均不能出席，建议与组织方沟通调整时间或不安排领导出席。');
  }
  if (exceptions.length) {
    // leaders raised for the same reasons are named together, each reason once; the organiser's
    // invitation is said briefly (the sentence itself names the exceptions)
    const why = (c: Candidate) => [...new Set(c.raisedBy!.map((r) => (r.kind === 'requested' ? '组织方点名邀请' : r.reason)))].join('；');
    const groups = new Map<string, Candidate[]>();
    for (const c of extras) groups.set(why(c), [...(groups.get(why(c)) ?? []), c]);
    const named = [...groups].map(([reason, cs]) => `${cs.map(who).join('、')}（${reason}）`).join('，');
    parts.push(
      `本活动属${exceptions.map((k) => `「${EXCEPTION_LABELS[k]}」`).join('、')}，可适当邀请本机关有关领导出席${extras.length ? `，${chosen.length ? '另' : '拟'}请${named}出席` : ''}。`,
    );
  }
  chosen = [...chosen, ...extras];
  if (activity.travelMinutes > 0 && chosen.length) parts.push(`单程路程约${activity.travelMinutes}分钟。`);
  parts.push('妥否，请主要领导审批。');
  return { leaderIds: chosen.map((c) => c.leaderId), opinion: parts.join('') };
}

/**
 * ACT-6: substitutes when assigned leaders become unavailable — the ranking re-run with them marked
 * unavailable (id → reason, e.g. 该时段请假/出差 or 有更重要的任务), keeping only available leaders
 * not already attending. Each substitute's first reason says whom they would replace.
 */
export function substitutes(
  activity: ActivityFacts,
  unavailable: Record<string, string>,
  input: RecommendInput,
  stillAttendingIds: string[] = [],
): Candidate[] {
  const ranked = recommendLeaders(activity, { ...input, unavailable: { ...(input.unavailable ?? {}), ...unavailable } });
  const names = input.leaders
    .filter((l) => l.id in unavailable)
    .map((l) => `${l.post}${l.name}（${unavailable[l.id]}）`)
    .join('、');
  return ranked
    .filter((c) => c.available && !(c.leaderId in unavailable) && !stillAttendingIds.includes(c.leaderId))
    .map((c) => ({ ...c, reasons: [`可替代${names}`, ...c.reasons] }));
}
