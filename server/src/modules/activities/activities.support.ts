/**
 * What the activity use cases share: reading an activity under need-to-know, validating the
 * leaders and departments a request names, and assessing it (rules and ranked candidates) from
 * the live calendar.
 */
import {
  addCalendarDays,
  evaluateRules,
  inNameQuotaPeriod,
  recommendLeaders,
  type ActivityCategory,
  type ActivityExceptions,
  type ActivityFacts,
  type LeaderFacts,
} from '@xietiao/domain';
import type { Actor } from '../../platform/auth/actor';
import type { Clock } from '../../platform/clock';
import type { Conn } from '../../platform/db/database';
import { badRequest, notFound } from '../../platform/errors';
import { fromJson } from '../../platform/json';
import { findVisibleMatter } from '../../kernel/reads';
import { createLookupsRepo } from '../../kernel/reads';
import { createActivitiesRepo, type ActivityRow } from './activities.repo';
import { loadRuleSettings } from './activities.settings';
import type { Schedule } from '../schedule/schedule.service';

export const HOUR = 3600_000;

export function factsOf(m: { id: string; title: string }, a: ActivityRow): ActivityFacts {
  return {
    id: m.id,
    title: m.title,
    category: a.category as ActivityCategory,
    heldInName: a.held_in_name,
    organiserDepartmentId: a.organiser_department_id,
    area: a.area,
    startsAt: a.starts_at,
    endsAt: a.ends_at,
    travelMinutes: a.travel_minutes,
    requestedLeaderIds: fromJson<string[]>(a.requested_leader_ids, []),
    exceptions: fromJson<ActivityExceptions>(a.exceptions, {
      superiorLeaderAttends: false,
      unifiedCommemoration: false,
      advancesCentralWork: false,
      outstandingActivity: false,
    }),
  } as ActivityFacts;
}

/** The exceptions as stored: the visiting superior leader's rank only with its flag. */
export function storedExceptions(e: ActivityExceptions): ActivityExceptions {
  return { ...e, superiorLeaderRankOrder: e.superiorLeaderAttends ? (e.superiorLeaderRankOrder ?? null) : null };
}

export async function loadOr404(conn: Conn, actor: Actor, id: string) {
  const m = await findVisibleMatter(conn, actor, id);
  const a = m && m.kind === 'activity' ? await createActivitiesRepo(conn).get(id) : undefined;
  if (!m || !a) throw notFound('活动');
  return { m, a };
}

export async function requireLeaders(conn: Conn, ids: string[], path: string) {
  for (const [i, id] of ids.entries()) {
    if (!(await createLookupsRepo(conn).activeLeader(id))) throw badRequest(`不是本机关在职领导：${id}`, `${path}[${i}]`);
  }
}

export async function requireDepartment(conn: Conn, id: string | null | undefined, path: string) {
  if (!id) return;
  if (!(await createLookupsRepo(conn).activeDepartment(id))) throw badRequest('部门不存在或已停用', path);
}

export function requireFuture(clock: Clock, startsAt: string, path: string) {
  if (Date.parse(startsAt) <= clock.now().getTime()) throw badRequest('活动开始时间已过，不能登记过去的活动', path);
}

/**
 * The rules' verdicts and ranked candidates for an activity, from the one schedule of busy
 * periods as `viewer` may see it (titles of matters the viewer may not see are hidden).
 */
export async function assess(conn: Conn, schedule: Schedule, viewer: Actor | null, m: { id: string; title: string }, a: ActivityRow, leaderIds: string[]) {
  const facts = factsOf(m, a);
  const settings = (await loadRuleSettings(conn)).value;
  const repo = createActivitiesRepo(conn);
  const leaders: LeaderFacts[] = await repo.leaderFacts();
  const period = inNameQuotaPeriod(a.starts_at, settings.quota.period);
  const from = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();
  const inNameCountInPeriod = await repo.countInName(from(period.from), from(addCalendarDays(period.to, 1)), m.id);
  const busy = await schedule.busy(conn, viewer, {
    from: new Date(Date.parse(a.starts_at) - 12 * HOUR).toISOString(),
    to: new Date(Date.parse(a.ends_at) + 12 * HOUR).toISOString(),
    excludeMatterId: m.id,
  });
  const recentLoad = await repo.recentLoad(new Date(Date.parse(a.starts_at) - 28 * 24 * HOUR).toISOString(), a.starts_at);
  // the office as organiser department does not decide who is in charge (the 工作领域 does)
  const officeDepartmentId = await createLookupsRepo(conn).officeDepartmentId();
  const input = { leaders, busy, recentLoad, settings, inNameCountInPeriod, officeDepartmentId };
  return {
    facts,
    settings,
    leaders,
    input,
    evaluations: evaluateRules(facts, leaderIds, { leaders, inNameCountInPeriod, settings, officeDepartmentId }),
    candidates: recommendLeaders(facts, input),
  };
}
