/** The only SQL for activities, their assignments and the facts the rules and recommendation need. */
import type { BusyPeriod, LeaderFacts } from '@xietiao/domain';
import type { Conn } from '../../platform/db/database';
import type { ActivitiesTable } from '../../platform/db/schema';
import { fromJson, toJson } from '../../platform/json';

export type ActivityRow = ActivitiesTable;
/** Activity states in which assigned leaders are committed (firm) or only proposed. */
export const FIRM_STATES = ['approved', 'confirmed', 'completed'];
export const LIVE_STATES = ['submitted', 'awaiting_approval', 'approved', 'confirmed', 'recoordinating'];

export function createActivitiesRepo(db: Conn) {
  return {
    async insert(row: ActivityRow) {
      await db.insertInto('activities').values({
        ...row, requested_leader_ids: toJson(row.requested_leader_ids), exceptions: toJson(row.exceptions), proposed_leader_ids: toJson(row.proposed_leader_ids),
      }).execute();
    },
    async get(matterId: string) {
      return db.selectFrom('activities').selectAll().where('matter_id', '=', matterId).executeTakeFirst();
    },
    async update(matterId: string, patch: Partial<Omit<ActivityRow, 'matter_id'>>) {
      const values: Record<string, unknown> = { ...patch };
      for (const k of ['requested_leader_ids', 'exceptions', 'proposed_leader_ids'] as const) if (k in patch) values[k] = toJson(patch[k]);
      if (Object.keys(values).length) await db.updateTable('activities').set(values).where('matter_id', '=', matterId).execute();
    },
    async assignments(activityId: string) {
      return db.selectFrom('activity_assignments')
        .innerJoin('users as l', 'l.id', 'activity_assignments.leader_id')
        .leftJoin('leaders', 'leaders.user_id', 'activity_assignments.leader_id')
        .leftJoin('users as c', 'c.id', 'activity_assignments.confirmed_by')
        .selectAll('activity_assignments')
        .select(['l.name as leader_name', 'leaders.post as post', 'leaders.secretary_id as secretary_id', 'leaders.precedence as precedence', 'c.name as confirmed_by_name'])
        .where('activity_id', '=', activityId).orderBy('leaders.precedence').execute();
    },
    /** Make the non-withdrawn assignments exactly `leaderIds` (new ones assigned, others withdrawn). */
    async setAssignments(activityId: string, leaderIds: string[], now: string, newId: () => string, note: string | null) {
      const current = await db.selectFrom('activity_assignments').selectAll().where('activity_id', '=', activityId).where('status', '!=', 'withdrawn').execute();
      for (const a of current) {
        if (!leaderIds.includes(a.leader_id)) await db.updateTable('activity_assignments').set({ status: 'withdrawn', note }).where('id', '=', a.id).execute();
      }
      const added: string[] = [];
      for (const leaderId of leaderIds) {
        if (current.some((a) => a.leader_id === leaderId)) continue;
        await db.insertInto('activity_assignments').values({ id: newId(), activity_id: activityId, leader_id: leaderId, status: 'assigned', assigned_at: now, confirmed_at: null, confirmed_by: null, note: null }).execute();
        added.push(leaderId);
      }
      return added;
    },
    async withdraw(activityId: string, leaderId: string, note: string) {
      await db.updateTable('activity_assignments').set({ status: 'withdrawn', note })
        .where('activity_id', '=', activityId).where('leader_id', '=', leaderId).where('status', '!=', 'withdrawn').execute();
    },
    async confirm(activityId: string, leaderId: string, by: string, now: string) {
      const res = await db.updateTable('activity_assignments').set({ status: 'confirmed', confirmed_at: now, confirmed_by: by })
        .where('activity_id', '=', activityId).where('leader_id', '=', leaderId).where('status', '=', 'assigned').executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async unconfirmedCount(activityId: string) {
      const r = await db.selectFrom('activity_assignments').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('activity_id', '=', activityId).where('status', '=', 'assigned').executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async leaderFacts(): Promise<LeaderFacts[]> {
      const leaders = await db.selectFrom('leaders').innerJoin('users', 'users.id', 'leaders.user_id')
        .select(['leaders.user_id', 'users.name', 'leaders.post', 'leaders.rank_order', 'leaders.precedence', 'leaders.line', 'leaders.principal'])
        .where('users.active', '=', 1).orderBy('leaders.precedence').execute();
      const charges = await db.selectFrom('leader_charges').selectAll().execute();
      return leaders.map((l) => ({
        id: l.user_id, name: l.name, post: l.post, rankOrder: l.rank_order, precedence: l.precedence, line: l.line, principal: l.principal === 1,
        chargeAreas: charges.filter((c) => c.leader_id === l.user_id).map((c) => c.area),
        chargeDepartmentIds: charges.filter((c) => c.leader_id === l.user_id && c.department_id).map((c) => c.department_id!),
      }));
    },
    /** Leaders' busy periods overlapping [from, to): firm and proposed activities, and absences. */
    async busy(from: string, to: string, excludeActivityId?: string): Promise<BusyPeriod[]> {
      const acts = await db.selectFrom('activities').innerJoin('matters', 'matters.id', 'activities.matter_id')
        .select(['activities.matter_id', 'matters.title', 'matters.status', 'activities.starts_at', 'activities.ends_at', 'activities.travel_minutes', 'activities.proposed_leader_ids'])
        .where('matters.status', 'in', LIVE_STATES).where('activities.starts_at', '<', to).where('activities.ends_at', '>', from).execute();
      const others = acts.filter((a) => a.matter_id !== excludeActivityId);
      const assigned = others.length
        ? await db.selectFrom('activity_assignments').select(['activity_id', 'leader_id']).where('status', '!=', 'withdrawn').where('activity_id', 'in', others.map((a) => a.matter_id)).execute()
        : [];
      const out: BusyPeriod[] = [];
      for (const a of others) {
        const firm = FIRM_STATES.includes(a.status);
        const ids = firm ? assigned.filter((x) => x.activity_id === a.matter_id).map((x) => x.leader_id) : a.status === 'awaiting_approval' ? fromJson<string[]>(a.proposed_leader_ids, []) : [];
        for (const leaderId of ids) out.push({ leaderId, kind: 'activity', refId: a.matter_id, title: a.title, startsAt: a.starts_at, endsAt: a.ends_at, travelMinutes: a.travel_minutes, firm });
      }
      const absences = await db.selectFrom('absences').select(['id', 'user_id', 'kind', 'starts_at', 'ends_at'])
        .where('starts_at', '<', to).where('ends_at', '>', from).execute();
      const ABS: Record<string, string> = { leave: '请假', trip: '出差', business: '公务外出', blocked: '时间已占用' };
      for (const a of absences) out.push({ leaderId: a.user_id, kind: 'absence', refId: a.id, title: ABS[a.kind] ?? a.kind, startsAt: a.starts_at, endsAt: a.ends_at, travelMinutes: 0, firm: true });
      return out;
    },
    /** Activities in the party/government name starting in [from, to) that are not declined or cancelled. */
    async countInName(from: string, to: string, excludeId: string | null) {
      let q = db.selectFrom('activities').innerJoin('matters', 'matters.id', 'activities.matter_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('activities.held_in_name', 'in', ['party', 'government']).where('matters.status', 'not in', ['declined', 'cancelled'])
        .where('activities.starts_at', '>=', from).where('activities.starts_at', '<', to);
      if (excludeId) q = q.where('activities.matter_id', '!=', excludeId);
      return Number((await q.executeTakeFirstOrThrow()).n);
    },
    /** Activities each leader attended (assigned, not withdrawn, firm) starting in [from, to). */
    async recentLoad(from: string, to: string): Promise<Record<string, number>> {
      const rows = await db.selectFrom('activity_assignments').innerJoin('activities', 'activities.matter_id', 'activity_assignments.activity_id')
        .innerJoin('matters', 'matters.id', 'activities.matter_id')
        .select(['activity_assignments.leader_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('activity_assignments.status', '!=', 'withdrawn').where('matters.status', 'in', FIRM_STATES)
        .where('activities.starts_at', '>=', from).where('activities.starts_at', '<', to)
        .groupBy('activity_assignments.leader_id').execute();
      return Object.fromEntries(rows.map((r) => [r.leader_id, Number(r.n)]));
    },
    /** Approved or confirmed activities a leader is assigned to that overlap [from, to). */
    async firmActivitiesOfLeader(leaderId: string, from: string, to: string) {
      return db.selectFrom('activity_assignments').innerJoin('activities', 'activities.matter_id', 'activity_assignments.activity_id')
        .innerJoin('matters', 'matters.id', 'activities.matter_id')
        .select(['matters.id', 'matters.status', 'matters.version', 'matters.title'])
        .where('activity_assignments.leader_id', '=', leaderId).where('activity_assignments.status', '!=', 'withdrawn')
        .where('matters.status', 'in', ['approved', 'confirmed'])
        .where('activities.starts_at', '<', to).where('activities.ends_at', '>', from).execute();
    },
  };
}
export type ActivitiesRepo = ReturnType<typeof createActivitiesRepo>;
