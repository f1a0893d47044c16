/** The only SQL for activities, their assignments and the facts the rules and recommendation need. */
import { IN_NAME_HELD, type BusyPeriod, type LeaderFacts } from '@xietiao/domain';
import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor';
import type { Conn } from '../../platform/db/database';
import { whereVisible } from '../../kernel/matters.access';
import type { ActivitiesTable } from '../../platform/db/schema';
import { fromJson, toJson } from '../../platform/json';

export type ActivityRow = ActivitiesTable;
/** Activity states in which assigned leaders are committed (firm) or only proposed. */
export const FIRM_STATES = ['approved', 'confirmed', 'completed'];
export const LIVE_STATES = ['submitted', 'awaiting_approval', 'approved', 'confirmed', 'recoordinating'];

export interface ActivityListFilter {
  status?: string;
  fromIso?: string;
  toIso?: string;
  q?: string;
  nowIso: string;
  page: number;
  pageSize: number;
}

export function createActivitiesRepo(db: Conn) {
  return {
    /** Activities the actor may see: coming ones first (soonest first), then past ones (latest first). */
    async list(actor: Actor, f: ActivityListFilter) {
      let base = db
        .selectFrom('matters')
        .innerJoin('activities', 'activities.matter_id', 'matters.id')
        .where('matters.kind', '=', 'activity')
        .where(whereVisible(actor));
      if (f.status) base = base.where('matters.status', '=', f.status);
      if (f.fromIso) base = base.where('activities.starts_at', '>=', f.fromIso);
      if (f.toIso) base = base.where('activities.starts_at', '<', f.toIso);
      if (f.q) {
        const like = `%${f.q.replace(/[%_]/g, '')}%`;
        base = base.where((eb) =>
          eb.or([eb('matters.title', 'like', like), eb('activities.organiser_name', 'like', like), eb('activities.place', 'like', like)]),
        );
      }
      const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const rows = await base
        .leftJoin('users as owner', 'owner.id', 'matters.owner_id')
        .leftJoin('departments as dept', 'dept.id', 'matters.department_id')
        .selectAll('matters')
        .select([
          'owner.name as owner_name',
          'dept.name as department_name',
          'activities.category',
          'activities.organiser_name',
          'activities.held_in_name',
          'activities.starts_at',
          'activities.ends_at',
          'activities.place',
          'activities.proposed_leader_ids',
          'activities.requested_leader_ids',
        ])
        .orderBy(sql`case when activities.ends_at >= ${f.nowIso} then 0 else 1 end`)
        .orderBy(sql`case when activities.ends_at >= ${f.nowIso} then activities.starts_at end`)
        .orderBy('activities.starts_at', 'desc')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute();
      return { rows, total };
    },
    /** The live (not withdrawn) assignments of several activities, with the leaders' names. */
    async liveAssignmentsOf(ids: string[]) {
      if (!ids.length) return [];
      return db
        .selectFrom('activity_assignments')
        .innerJoin('users', 'users.id', 'activity_assignments.leader_id')
        .select(['activity_id', 'leader_id', 'users.name', 'status'])
        .where('activity_id', 'in', ids)
        .where('status', '!=', 'withdrawn')
        .execute();
    },
    /** Compare-and-set of the reminder state (已提醒 / 已出发); false when someone else was first. */
    async setReminderState(matterId: string, from: string, values: Partial<Pick<ActivityRow, 'reminder_state' | 'reminded_at' | 'departed_at'>>) {
      const res = await db
        .updateTable('activities')
        .set(values)
        .where('matter_id', '=', matterId)
        .where('reminder_state', '=', from as ActivityRow['reminder_state'])
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async insert(row: ActivityRow) {
      await db
        .insertInto('activities')
        .values({
          ...row,
          requested_leader_ids: toJson(row.requested_leader_ids),
          exceptions: toJson(row.exceptions),
          proposed_leader_ids: toJson(row.proposed_leader_ids),
        })
        .execute();
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
      return db
        .selectFrom('activity_assignments')
        .innerJoin('users as l', 'l.id', 'activity_assignments.leader_id')
        .leftJoin('leaders', 'leaders.user_id', 'activity_assignments.leader_id')
        .leftJoin('users as c', 'c.id', 'activity_assignments.confirmed_by')
        .selectAll('activity_assignments')
        .select([
          'l.name as leader_name',
          'leaders.post as post',
          'leaders.secretary_id as secretary_id',
          'leaders.precedence as precedence',
          'c.name as confirmed_by_name',
        ])
        .where('activity_id', '=', activityId)
        .orderBy('leaders.precedence')
        .execute();
    },
    /** Make the non-withdrawn assignments exactly `leaderIds` (new ones assigned, others withdrawn). */
    async setAssignments(activityId: string, leaderIds: string[], now: string, newId: () => string, note: string | null) {
      const current = await db
        .selectFrom('activity_assignments')
        .selectAll()
        .where('activity_id', '=', activityId)
        .where('status', '!=', 'withdrawn')
        .execute();
      for (const a of current) {
        if (!leaderIds.includes(a.leader_id)) await db.updateTable('activity_assignments').set({ status: 'withdrawn', note }).where('id', '=', a.id).execute();
      }
      const added: string[] = [];
      for (const leaderId of leaderIds) {
        if (current.some((a) => a.leader_id === leaderId)) continue;
        await db
          .insertInto('activity_assignments')
          .values({
            id: newId(),
            activity_id: activityId,
            leader_id: leaderId,
            status: 'assigned',
            assigned_at: now,
            confirmed_at: null,
            confirmed_by: null,
            note: null,
          })
          .execute();
        added.push(leaderId);
      }
      return added;
    },
    async withdraw(activityId: string, leaderId: string, note: string) {
      await db
        .updateTable('activity_assignments')
        .set({ status: 'withdrawn', note })
        .where('activity_id', '=', activityId)
        .where('leader_id', '=', leaderId)
        .where('status', '!=', 'withdrawn')
        .execute();
    },
    async confirm(activityId: string, leaderId: string, by: string, now: string) {
      const res = await db
        .updateTable('activity_assignments')
        .set({ status: 'confirmed', confirmed_at: now, confirmed_by: by })
        .where('activity_id', '=', activityId)
        .where('leader_id', '=', leaderId)
        .where('status', '=', 'assigned')
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async unconfirmedCount(activityId: string) {
      const r = await db
        .selectFrom('activity_assignments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('activity_id', '=', activityId)
        .where('status', '=', 'assigned')
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** Active leaders in the weekly table's order: first line, then second, by precedence. */
    async leadersForTable() {
      return db
        .selectFrom('leaders')
        .innerJoin('users', 'users.id', 'leaders.user_id')
        .select(['users.id', 'users.name', 'leaders.post', 'leaders.line', 'leaders.precedence', 'leaders.principal'])
        .where('users.active', '=', 1)
        .orderBy('leaders.line')
        .orderBy('leaders.precedence')
        .execute();
    },
    async leaderFacts(): Promise<LeaderFacts[]> {
      const leaders = await db
        .selectFrom('leaders')
        .innerJoin('users', 'users.id', 'leaders.user_id')
        .select(['leaders.user_id', 'users.name', 'leaders.post', 'leaders.rank_order', 'leaders.precedence', 'leaders.line', 'leaders.principal'])
        .where('users.active', '=', 1)
        .orderBy('leaders.precedence')
        .execute();
      const charges = await db.selectFrom('leader_charges').selectAll().execute();
      return leaders.map((l) => ({
        id: l.user_id,
        name: l.name,
        post: l.post,
        rankOrder: l.rank_order,
        precedence: l.precedence,
        line: l.line,
        principal: l.principal === 1,
        chargeAreas: charges.filter((c) => c.leader_id === l.user_id).map((c) => c.area),
        chargeDepartmentIds: charges.filter((c) => c.leader_id === l.user_id && c.department_id).map((c) => c.department_id!),
      }));
    },
    /**
     * Leaders' activities overlapping [from, to) as busy periods: firm (approved, confirmed — and
     * completed when `history`) with their assignments, and those awaiting approval with the
     * proposed leaders (not firm). The activities module's contribution to the one schedule.
     */
    async busyActivities(from: string, to: string, o: { excludeActivityId?: string; leaderId?: string; history?: boolean } = {}): Promise<BusyPeriod[]> {
      const states = o.history ? [...LIVE_STATES, 'completed'] : LIVE_STATES;
      const acts = await db
        .selectFrom('activities')
        .innerJoin('matters', 'matters.id', 'activities.matter_id')
        .select([
          'activities.matter_id',
          'matters.title',
          'matters.status',
          'activities.starts_at',
          'activities.ends_at',
          'activities.travel_minutes',
          'activities.proposed_leader_ids',
          'activities.place',
        ])
        .where('matters.status', 'in', states)
        .where('activities.starts_at', '<', to)
        .where('activities.ends_at', '>', from)
        .execute();
      const others = acts.filter((a) => a.matter_id !== o.excludeActivityId);
      const assigned = others.length
        ? await db
            .selectFrom('activity_assignments')
            .innerJoin('users', 'users.id', 'activity_assignments.leader_id')
            .select(['activity_id', 'leader_id', 'status', 'users.name'])
            .where('activity_assignments.status', '!=', 'withdrawn')
            .where(
              'activity_id',
              'in',
              others.map((a) => a.matter_id),
            )
            .execute()
        : [];
      const proposedIds = [...new Set(others.filter((a) => a.status === 'awaiting_approval').flatMap((a) => fromJson<string[]>(a.proposed_leader_ids, [])))];
      const names = new Map(
        proposedIds.length ? (await db.selectFrom('users').select(['id', 'name']).where('id', 'in', proposedIds).execute()).map((u) => [u.id, u.name]) : [],
      );
      const out: BusyPeriod[] = [];
      for (const a of others) {
        const firm = FIRM_STATES.includes(a.status);
        const base = {
          kind: 'activity' as const,
          refId: a.matter_id,
          title: a.title,
          startsAt: a.starts_at,
          endsAt: a.ends_at,
          travelMinutes: a.travel_minutes,
          firm,
          place: a.place,
          status: a.status,
        };
        if (firm) {
          for (const x of assigned.filter((x) => x.activity_id === a.matter_id))
            out.push({ ...base, leaderId: x.leader_id, leaderName: x.name, assignment: x.status === 'confirmed' ? 'confirmed' : 'assigned' });
        } else if (a.status === 'awaiting_approval') {
          for (const leaderId of fromJson<string[]>(a.proposed_leader_ids, []))
            out.push({ ...base, leaderId, leaderName: names.get(leaderId) ?? leaderId, assignment: 'proposed' });
        }
      }
      return o.leaderId ? out.filter((b) => b.leaderId === o.leaderId) : out;
    },
    /** Activities in the party/government name (either, or both: IN_NAME_HELD) starting in [from, to) that are not declined or cancelled. */
    async countInName(from: string, to: string, excludeId: string | null) {
      let q = db
        .selectFrom('activities')
        .innerJoin('matters', 'matters.id', 'activities.matter_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('activities.held_in_name', 'in', [...IN_NAME_HELD])
        .where('matters.status', 'not in', ['declined', 'cancelled'])
        .where('activities.starts_at', '>=', from)
        .where('activities.starts_at', '<', to);
      if (excludeId) q = q.where('activities.matter_id', '!=', excludeId);
      return Number((await q.executeTakeFirstOrThrow()).n);
    },
    /** Activities each leader attended (assigned, not withdrawn, firm) starting in [from, to). */
    async recentLoad(from: string, to: string): Promise<Record<string, number>> {
      const rows = await db
        .selectFrom('activity_assignments')
        .innerJoin('activities', 'activities.matter_id', 'activity_assignments.activity_id')
        .innerJoin('matters', 'matters.id', 'activities.matter_id')
        .select(['activity_assignments.leader_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('activity_assignments.status', '!=', 'withdrawn')
        .where('matters.status', 'in', FIRM_STATES)
        .where('activities.starts_at', '>=', from)
        .where('activities.starts_at', '<', to)
        .groupBy('activity_assignments.leader_id')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.leader_id, Number(r.n)]));
    },
    /** Approved or confirmed activities a leader is assigned to that overlap [from, to). */
    async firmActivitiesOfLeader(leaderId: string, from: string, to: string) {
      return db
        .selectFrom('activity_assignments')
        .innerJoin('activities', 'activities.matter_id', 'activity_assignments.activity_id')
        .innerJoin('matters', 'matters.id', 'activities.matter_id')
        .select(['matters.id', 'matters.status', 'matters.version', 'matters.title'])
        .where('activity_assignments.leader_id', '=', leaderId)
        .where('activity_assignments.status', '!=', 'withdrawn')
        .where('matters.status', 'in', ['approved', 'confirmed'])
        .where('activities.starts_at', '<', to)
        .where('activities.ends_at', '>', from)
        .execute();
    },
  };
}
export type ActivitiesRepo = ReturnType<typeof createActivitiesRepo>;
