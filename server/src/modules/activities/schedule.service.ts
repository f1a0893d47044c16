/**
 * Leaders' schedules (ACT-8): each leader's calendar, the weekly table of all leaders' activities
 * (领导周活动安排表) on screen, as XLSX and as ICS — all built from one query that keeps only the
 * activities the viewer may see (need-to-know). Absences are shown by kind only (no reason).
 */
import ExcelJS from 'exceljs';
import icalGenerator from 'ical-generator';
import { addCalendarDays, api, chineseWeekday, conflictMarkers, dayInfo, formatChineseDate, lifecycleOf, scheduleConflicts } from '@xietiao/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import { badRequest } from '../../platform/errors';
import { fromJson } from '../../platform/json';
import { whereVisible } from '../../kernel/matters.access';

type Entry = z.infer<typeof api.ScheduleEntry>;
/** One leader at one activity: an assignment, or a proposal awaiting approval. */
interface ActivityRow {
  id: string; leader_id: string; leader_name: string; matter_id: string; title: string; status: string;
  starts_at: string; ends_at: string; place: string; travel_minutes: number; assignment_status: 'assigned' | 'confirmed' | 'withdrawn' | 'proposed';
}
const ABSENCE_LABELS: Record<string, string> = { leave: '请假', trip: '出差', business: '公务外出', blocked: '时间已占用' };
const HOUR = 3600_000;
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();
const chinaClock = (iso: string) => new Date(Date.parse(iso) + 8 * HOUR).toISOString().slice(11, 16);
const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * HOUR).toISOString().slice(0, 10);

export function createScheduleService(deps: Pick<AppContext, 'db' | 'clock' | 'calendar'>) {
  const { db } = deps;

  async function entries(actor: Actor, from: string, to: string, opts: { leaderId?: string; includeProposed?: boolean } = {}): Promise<Entry[]> {
    if (to < from) throw badRequest('结束日期不能早于开始日期', 'query.to');
    if (addCalendarDays(from, 62) < to) throw badRequest('一次最多查询62天', 'query.to');
    const start = dayStart(from);
    const end = dayStart(addCalendarDays(to, 1));
    const states = ['approved', 'confirmed', 'completed'];
    let q = db.selectFrom('activity_assignments')
      .innerJoin('activities', 'activities.matter_id', 'activity_assignments.activity_id')
      .innerJoin('matters', 'matters.id', 'activities.matter_id')
      .innerJoin('users', 'users.id', 'activity_assignments.leader_id')
      .select(['activity_assignments.id', 'activity_assignments.leader_id', 'users.name as leader_name', 'matters.id as matter_id', 'matters.title', 'matters.status',
        'activities.starts_at', 'activities.ends_at', 'activities.place', 'activities.travel_minutes', 'activity_assignments.status as assignment_status'])
      .where('activity_assignments.status', '!=', 'withdrawn').where('matters.status', 'in', states)
      .where('activities.starts_at', '<', end).where('activities.ends_at', '>', start)
      .where(whereVisible(actor));
    if (opts.leaderId) q = q.where('activity_assignments.leader_id', '=', opts.leaderId);
    const acts: ActivityRow[] = await q.execute();
    if (opts.includeProposed) {
      // Awaiting approval: no assignments yet, the proposed leaders stand in for them.
      const proposed = await db.selectFrom('activities').innerJoin('matters', 'matters.id', 'activities.matter_id')
        .select(['matters.id as matter_id', 'matters.title', 'matters.status', 'activities.starts_at', 'activities.ends_at', 'activities.place', 'activities.travel_minutes', 'activities.proposed_leader_ids'])
        .where('matters.status', '=', 'awaiting_approval').where('activities.starts_at', '<', end).where('activities.ends_at', '>', start)
        .where(whereVisible(actor)).execute();
      const ids = [...new Set(proposed.flatMap((p) => fromJson<string[]>(p.proposed_leader_ids, [])))];
      const names = new Map(ids.length ? (await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute()).map((u) => [u.id, u.name]) : []);
      for (const p of proposed) {
        for (const leaderId of fromJson<string[]>(p.proposed_leader_ids, [])) {
          if (opts.leaderId && leaderId !== opts.leaderId) continue;
          acts.push({ id: `${p.matter_id}:${leaderId}`, leader_id: leaderId, leader_name: names.get(leaderId) ?? leaderId, matter_id: p.matter_id, title: p.title, status: p.status,
            starts_at: p.starts_at, ends_at: p.ends_at, place: p.place, travel_minutes: p.travel_minutes, assignment_status: 'proposed' });
        }
      }
    }
    let aq = db.selectFrom('absences').innerJoin('leaders', 'leaders.user_id', 'absences.user_id').innerJoin('users', 'users.id', 'absences.user_id')
      .select(['absences.id', 'absences.user_id', 'users.name', 'absences.kind', 'absences.starts_at', 'absences.ends_at'])
      .where('absences.starts_at', '<', end).where('absences.ends_at', '>', start);
    if (opts.leaderId) aq = aq.where('absences.user_id', '=', opts.leaderId);
    const absences = actor.roles.some((r) => ['sysadmin', 'secadmin', 'auditor'].includes(r)) ? [] : await aq.execute();
    const lc = lifecycleOf('activity')!;
    const out: (Entry & { travelMinutes: number })[] = [
      ...acts.map((a) => ({
        id: a.id, leaderId: a.leader_id, leaderName: a.leader_name, kind: 'activity' as const, refId: a.matter_id, title: a.title, startsAt: a.starts_at, endsAt: a.ends_at,
        place: a.place, status: a.status, statusLabel: a.assignment_status === 'confirmed' ? '已确认' : a.assignment_status === 'proposed' ? '拟出席（待审批）' : (lc.states[a.status]?.label ?? a.status), conflict: false, conflictWith: [], travelMinutes: a.travel_minutes,
      })),
      ...absences.map((a) => ({
        id: a.id, leaderId: a.user_id, leaderName: a.name, kind: 'absence' as const, refId: a.id, title: ABSENCE_LABELS[a.kind] ?? a.kind, startsAt: a.starts_at, endsAt: a.ends_at,
        place: null, status: a.kind, statusLabel: ABSENCE_LABELS[a.kind] ?? a.kind, conflict: false, conflictWith: [], travelMinutes: 0,
      })),
    ];
    const markers = conflictMarkers(scheduleConflicts(out));
    const titleOf = new Map(out.map((e) => [e.refId, e.title]));
    return out
      .map(({ travelMinutes: _t, ...e }) => {
        const w = markers.get(`${e.leaderId}:${e.refId}`) ?? [];
        return { ...e, conflict: w.length > 0, conflictWith: w.map((r) => titleOf.get(r) ?? r) };
      })
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.leaderName.localeCompare(b.leaderName));
  }

  /** 领导周活动安排表: one row per leader (by precedence), one cell per day. */
  async function week(actor: Actor, start: string) {
    const end = addCalendarDays(start, 6);
    const all = await entries(actor, start, end);
    const leaders = await db.selectFrom('leaders').innerJoin('users', 'users.id', 'leaders.user_id')
      .select(['users.id', 'users.name', 'leaders.post', 'leaders.line', 'leaders.precedence', 'leaders.principal'])
      .where('users.active', '=', 1).orderBy('leaders.line').orderBy('leaders.precedence').execute();
    const days = Array.from({ length: 7 }, (_, i) => addCalendarDays(start, i));
    return {
      start, end, title: `领导周活动安排表（${formatChineseDate(start)}至${formatChineseDate(end)}）`,
      days: days.map((d) => { const info = dayInfo(d, deps.calendar()); return { date: d, weekday: chineseWeekday(d), label: info.label, working: info.working, holidayName: info.holidayName }; }),
      rows: leaders.map((l) => ({
        leaderId: l.id, name: l.name, post: l.post, line: l.line,
        cells: days.map((d) => ({ date: d, entries: all.filter((e) => e.leaderId === l.id && chinaDay(e.startsAt) <= d && chinaDay(new Date(Date.parse(e.endsAt) - 1).toISOString()) >= d) })),
      })),
      conflicts: all.filter((e) => e.conflict).length,
    };
  }

  function cellText(e: Entry) {
    const time = e.kind === 'absence' ? '' : `${chinaClock(e.startsAt)}—${chinaClock(e.endsAt)} `;
    return `${time}${e.title}${e.place ? `（${e.place}）` : ''}${e.conflict ? ' ⚠冲突' : ''}`;
  }

  async function weekXlsx(actor: Actor, start: string): Promise<Buffer> {
    const t = await week(actor, start);
    const wb = new ExcelJS.Workbook();
    wb.creator = '协调';
    const ws = wb.addWorksheet('领导周活动安排表', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.mergeCells(1, 1, 1, 2 + t.days.length);
    ws.getCell(1, 1).value = t.title;
    ws.getCell(1, 1).font = { name: '方正小标宋简体', size: 16 };
    ws.getCell(1, 1).alignment = { horizontal: 'center' };
    const header = ['领导', '职务', ...t.days.map((d) => `${formatChineseDate(d.date).slice(5)}（${d.weekday}）${d.label === '工作日' ? '' : d.label}`)];
    ws.addRow(header).font = { bold: true };
    for (const r of t.rows) ws.addRow([r.name, r.post, ...r.cells.map((c) => c.entries.map(cellText).join('\n'))]);
    ws.columns.forEach((c, i) => { c.width = i === 0 ? 10 : i === 1 ? 16 : 26; });
    ws.eachRow((row, n) => {
      row.eachCell((cell) => {
        cell.alignment = { vertical: 'top', wrapText: true, ...(n <= 2 ? { horizontal: 'center' } : {}) };
        if (n >= 2) cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
      });
    });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** ICS for one leader or for the whole table, as the feed's owner may see it. */
  async function ics(actor: Actor, opts: { leaderId?: string }) {
    const now = deps.clock.now();
    const from = addCalendarDays(new Date(now.getTime() + 8 * HOUR).toISOString().slice(0, 10), -14);
    const to = addCalendarDays(from, 62);
    const list = await entries(actor, from, to, { leaderId: opts.leaderId });
    const cal = icalGenerator({ name: opts.leaderId ? `${list[0]?.leaderName ?? ''}公务活动安排` : '领导公务活动安排', timezone: 'Asia/Shanghai', prodId: { company: 'xietiao', product: 'xietiao', language: 'ZH' } });
    for (const e of list) {
      cal.createEvent({
        id: `${e.refId}-${e.leaderId}@xietiao`, start: new Date(e.startsAt), end: new Date(e.endsAt), stamp: now,
        summary: opts.leaderId ? e.title : `${e.leaderName}：${e.title}`, location: e.place ?? undefined,
        description: `${e.statusLabel}${e.conflict ? `；时间冲突：${e.conflictWith.join('、')}` : ''}`,
      });
    }
    return cal.toString();
  }

  return { entries, week, weekXlsx, ics };
}
