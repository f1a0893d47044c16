/**
 * Leaders' schedules (ACT-8): each leader's calendar, the weekly table of all leaders' activities
 * (领导周活动安排表) on screen, as XLSX and as ICS — all built from one query that keeps only the
 * activities the viewer may see (need-to-know). Absences are shown by kind only (no reason).
 * ICS times are UTC instants, whatever the server's time zone.
 */
import icalGenerator from 'ical-generator';
import { addCalendarDays, type api, chineseWeekday, conflictMarkers, dayInfo, formatChineseDate, lifecycleOf, scheduleConflicts } from '@xietiao/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import { badRequest, notFound } from '../../platform/errors';
import { isAdministrator } from '../../platform/auth/actor';
import { loadActor } from '../../platform/auth/plugin';
import { tablesXlsx, type XlsxColumn } from '../../platform/xlsx';
import { createLookupsRepo } from '../../kernel/reads';
import type { Schedule } from '../schedule/schedule.service';
import { createActivitiesRepo } from './activities.repo';

type Entry = z.infer<typeof api.ScheduleEntry>;
const _ABSENCE_LABELS: Record<string, string> = { leave: '请假', trip: '出差', business: '公务外出', blocked: '时间已占用' };
const HOUR = 3600_000;
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();
const chinaClock = (iso: string) => new Date(Date.parse(iso) + 8 * HOUR).toISOString().slice(11, 16);
const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * HOUR).toISOString().slice(0, 10);

export function createCalendarService(deps: Pick<AppContext, 'db' | 'clock' | 'calendar'>, { schedule }: { schedule: Schedule }) {
  const { db } = deps;

  async function entries(actor: Actor, from: string, to: string, opts: { leaderId?: string; includeProposed?: boolean } = {}): Promise<Entry[]> {
    if (to < from) throw badRequest('结束日期不能早于开始日期', 'query.to');
    if (addCalendarDays(from, 62) < to) throw badRequest('一次最多查询62天', 'query.to');
    if (isAdministrator(actor)) return [];
    // Everything comes from the one schedule as this viewer may see it; a calendar lists only the
    // activities the viewer may see (need-to-know), and leaders' absences by kind.
    const busy = await schedule.busy(db, actor, { from: dayStart(from), to: dayStart(addCalendarDays(to, 1)), leaderId: opts.leaderId, history: true });
    const leaderIds = new Set((await createActivitiesRepo(db).leaderFacts()).map((l) => l.id));
    const shown = busy.filter(
      (b) => leaderIds.has(b.leaderId) && (b.kind === 'absence' || (b.visible && (b.firm || (opts.includeProposed && b.assignment === 'proposed')))),
    );
    const lc = lifecycleOf('activity')!;
    const out: (Entry & { travelMinutes: number })[] = shown.map((b) => ({
      id: b.kind === 'absence' ? b.refId : `${b.refId}:${b.leaderId}`,
      leaderId: b.leaderId,
      leaderName: b.leaderName ?? b.leaderId,
      kind: b.kind === 'absence' ? ('absence' as const) : ('activity' as const),
      refId: b.refId,
      title: b.title,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      place: b.place ?? null,
      status: b.status ?? '',
      statusLabel:
        b.kind === 'absence'
          ? b.title
          : b.assignment === 'confirmed'
            ? '已确认'
            : b.assignment === 'proposed'
              ? '拟出席（待审批）'
              : (lc.states[b.status ?? '']?.label ?? b.status ?? ''),
      conflict: false,
      conflictWith: [],
      travelMinutes: b.travelMinutes,
    }));
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
    const leaders = await createActivitiesRepo(db).leadersForTable();
    const days = Array.from({ length: 7 }, (_, i) => addCalendarDays(start, i));
    return {
      start,
      end,
      title: `领导周活动安排表（${formatChineseDate(start)}至${formatChineseDate(end)}）`,
      days: days.map((d) => {
        const info = dayInfo(d, deps.calendar());
        return { date: d, weekday: chineseWeekday(d), label: info.label, working: info.working, holidayName: info.holidayName };
      }),
      rows: leaders.map((l) => ({
        leaderId: l.id,
        name: l.name,
        post: l.post,
        line: l.line,
        cells: days.map((d) => ({
          date: d,
          entries: all.filter((e) => e.leaderId === l.id && chinaDay(e.startsAt) <= d && chinaDay(new Date(Date.parse(e.endsAt) - 1).toISOString()) >= d),
        })),
      })),
      conflicts: all.filter((e) => e.conflict).length,
    };
  }

  function cellText(e: Entry) {
    const time = e.kind === 'absence' ? '' : `${chinaClock(e.startsAt)}—${chinaClock(e.endsAt)} `;
    return `${time}${e.title}${e.place ? `（${e.place}）` : ''}${e.conflict ? ' ⚠冲突' : ''}`;
  }

  /**
   * The weekly table as XLSX, laid out for printing (platform/xlsx.ts): one A4 landscape page (one
   * page wide over more pages when one page would make it too small), one row per leader, one column
   * per day headed by its date (a date cell) and weekday, 制表日期 a date cell.
   */
  async function weekXlsx(actor: Actor, start: string): Promise<Buffer> {
    const t = await week(actor, start);
    const dayKey = (i: number) => `d${i}`;
    const columns: XlsxColumn[] = [
      { key: 'name', header: '领导', width: 8, align: 'center' },
      { key: 'post', header: '职务', width: 14, align: 'center' },
      ...t.days.map((d, i) => ({
        key: dayKey(i),
        header: [{ date: d.date }, d.label === '工作日' || d.label === '周末' ? d.weekday : `${d.weekday} ${d.holidayName ?? d.label}`],
        width: 22,
      })),
    ];
    return tablesXlsx(
      [
        {
          sheetName: '领导周活动安排表',
          title: t.title,
          subtitle: {
            left: t.conflicts > 0 ? `标“⚠冲突”的安排时间冲突（${t.conflicts} 项），请协调。` : '本周安排无时间冲突。',
            right: { label: '制表日期：', date: deps.clock.now() },
          },
          columns,
          rows: t.rows.map((r) => ({
            name: r.name,
            post: r.post,
            ...Object.fromEntries(r.cells.map((c, i) => [dayKey(i), c.entries.map(cellText).join('\n')])),
          })),
          orientation: 'landscape',
          fit: 'page',
        },
      ],
      { now: deps.clock.now() },
    );
  }

  /** ICS for one leader or for the whole table, as the feed's owner may see it. */
  async function ics(actor: Actor, opts: { leaderId?: string }) {
    const now = deps.clock.now();
    const from = addCalendarDays(new Date(now.getTime() + 8 * HOUR).toISOString().slice(0, 10), -14);
    const to = addCalendarDays(from, 62);
    const list = await entries(actor, from, to, { leaderId: opts.leaderId });
    // Every time is written in UTC (…Z), so it names one instant in any client and does not depend
    // on the server's time zone. ical-generator's `timezone` option instead writes floating times
    // from the process's local clock (an activity at 10:00 Beijing time showed at 02:00 on a UTC
    // server). X-WR-TIMEZONE stays only as the display hint for clients that honour it.
    const cal = icalGenerator({
      name: opts.leaderId ? `${list[0]?.leaderName ?? ''}公务活动安排` : '领导公务活动安排',
      prodId: { company: 'xietiao', product: 'xietiao', language: 'ZH' },
      x: { 'X-WR-TIMEZONE': 'Asia/Shanghai' },
    });
    for (const e of list) {
      cal.createEvent({
        id: `${e.refId}-${e.leaderId}@xietiao`,
        start: new Date(e.startsAt),
        end: new Date(e.endsAt),
        stamp: now,
        summary: opts.leaderId ? e.title : `${e.leaderName}：${e.title}`,
        location: e.place ?? undefined,
        description: `${e.statusLabel}${e.conflict ? `；时间冲突：${e.conflictWith.join('、')}` : ''}`,
      });
    }
    return cal.toString();
  }

  /** The viewer's secret ICS addresses: the whole table and one per leader. */
  async function feedLinks(actor: Actor) {
    const lookups = createLookupsRepo(db);
    const token = await lookups.feedToken(actor.id);
    const leaders = await createActivitiesRepo(db).leadersForTable();
    return {
      week: `/api/feeds/${token}/leaders.ics`,
      leaders: leaders.map((l) => ({ leaderId: l.id, name: l.name, url: `/api/feeds/${token}/leaders/${l.id}.ics` })),
    };
  }

  /** The ICS of a feed address: the feed's owner's view (404 for an unknown or disabled address). */
  async function feed(token: string, leaderId?: string) {
    const userId = await createLookupsRepo(db).userByFeedToken(token);
    const actor = userId ? await loadActor(deps, userId) : null;
    if (!actor) throw notFound('订阅地址');
    return ics(actor, { leaderId });
  }

  return { entries, week, weekXlsx, ics, feedLinks, feed };
}
