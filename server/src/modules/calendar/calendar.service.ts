/**
 * The holiday calendar's local part (K-8).
 *
 * - **The cache.** Services ask `ctx.calendar()` synchronously while they count deadlines, so
 *   every process keeps the administrator's entries in memory: loaded at start, reloaded by the
 *   writing process right after its commit, and by every other process when the one-row
 *   `calendar_version` (bumped in each writing transaction) has moved — checked every few seconds.
 * - **The administrator's entries.** Only the system administrator writes: a single override (a
 *   working day or a day off, with a reason) or a year's notice (the State Council's holidays and
 *   调休 working days), which replaces that year's notice days in one transaction. Every write is
 *   audited. A year without statutory data and without an entered notice is *missing*: its
 *   weekdays count as working days and every deadline computed in it carries a warning.
 */
import type { z } from 'zod';
import {
  addCalendarDays,
  buildCalendar,
  chinaDate,
  formatChineseDate,
  hasStatutoryData,
  isWorkingDay,
  statutoryYears,
  type api,
  type CalendarEntry,
  type CalendarOverrides,
} from '@xietiao/domain';
import type { AppContext } from '../../platform/context';
import { requireRole, type Actor } from '../../platform/auth/actor';
import { appendAudit } from '../../platform/audit';
import type { Conn } from '../../platform/db/database';
import { runTx } from '../../platform/db/tx';
import { badRequest, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { fromJson, toJson } from '../../platform/json';
import * as repo from './calendar.repo';

type CalendarYear = z.infer<typeof api.CalendarYear>;
type CalendarYears = z.infer<typeof api.CalendarYears>;
type CalendarOverride = z.infer<typeof api.CalendarOverride>;
type YearNotice = NonNullable<CalendarYear['notice']>;

export interface CalendarCache {
  /** the calendar as last loaded (synchronous: deadlines are counted inside transactions) */
  current(): CalendarOverrides;
  /** read everything again */
  load(): Promise<void>;
  /** reload when another process changed the calendar (its version moved); true when it reloaded */
  refreshIfChanged(): Promise<boolean>;
  /** check the version every `everyMs` until `stop()` */
  start(everyMs?: number): void;
  stop(): void;
}

const DEFAULT_CHECK_MS = Number(process.env.XIETIAO_CALENDAR_CHECK_MS ?? 3000);

export function createCalendarCache(db: Conn): CalendarCache {
  let calendar: CalendarOverrides = buildCalendar([]);
  let loadedVersion = -1;
  let inflight: Promise<void> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  async function doLoad(): Promise<void> {
    // The version first: a write committing meanwhile leaves a newer version to find next time.
    const version = await repo.readVersion(db);
    const [rows, years] = await Promise.all([repo.allEntries(db), repo.enteredYears(db)]);
    const entries: CalendarEntry[] = rows.map((r) => ({ date: r.date, kind: r.kind, working: Number(r.working) === 1, name: r.name }));
    calendar = buildCalendar(entries, years);
    loadedVersion = version;
  }
  function load(): Promise<void> {
    // One load at a time; a load asked for during another runs after it (it may have missed a commit).
    const run = (inflight ?? Promise.resolve()).catch(() => undefined).then(doLoad);
    inflight = run.finally(() => {
      if (inflight === run) inflight = null;
    });
    return run;
  }
  async function refreshIfChanged(): Promise<boolean> {
    if ((await repo.readVersion(db)) === loadedVersion) return false;
    await load();
    return true;
  }
  return {
    current: () => calendar,
    load,
    refreshIfChanged,
    start(everyMs = DEFAULT_CHECK_MS) {
      if (timer) return;
      timer = setInterval(() => {
        refreshIfChanged().catch(() => undefined);
      }, everyMs);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

const refusal = '只有系统管理员可以维护节假日日历';
const yearOf = (d: string) => Number(d.slice(0, 4));

/** Every date from `from` to `to` inclusive. */
function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d);
  return out;
}

export function createHolidayCalendarService(deps: Pick<AppContext, 'db' | 'clock'> & { cache: CalendarCache }) {
  const { db, clock, cache } = deps;

  function summary(year: number, row: { entered_at: string; entered_by_name: string | null } | undefined) {
    const statutory = hasStatutoryData(year);
    const status = row ? ('entered' as const) : statutory ? ('statutory' as const) : ('missing' as const);
    return { year, status, statutory, enteredAt: row?.entered_at ?? null, enteredByName: row?.entered_by_name ?? null };
  }

  /** The years from the first with statutory data to the next year (or the last entered one). */
  async function years(): Promise<CalendarYears> {
    const thisYear = yearOf(chinaDate(clock.now()));
    const statutory = statutoryYears();
    const rows = await repo.listYears(db);
    const byYear = new Map(rows.map((r) => [Number(r.year), r]));
    const first = Math.min(statutory[0] ?? thisYear, thisYear, ...byYear.keys());
    const last = Math.max(thisYear + 1, (statutory.at(-1) ?? thisYear) + 1, ...byYear.keys());
    const items = [];
    for (let y = first; y <= last; y += 1) items.push(summary(y, byYear.get(y)));
    const missing = items.filter((i) => i.year >= thisYear && i.year <= thisYear + 1 && i.status === 'missing').map((i) => i.year);
    return { items, missing };
  }

  async function year(y: number, conn: Conn = db): Promise<CalendarYear> {
    const row = await repo.findYear(conn, y);
    const overrides = await repo.overridesOfYear(conn, y);
    const notice = row ? fromJson<YearNotice>(row.notice, { holidays: [], workdays: [] }) : null;
    return {
      ...summary(y, row),
      reference: row?.reference ?? null,
      notice,
      overrides: overrides.map(presentOverride),
    };
  }

  function presentOverride(r: repo.OverrideRow & { created_by_name: string | null }): CalendarOverride {
    return { date: r.date, working: Number(r.working) === 1, reason: r.name, createdAt: r.created_at, createdByName: r.created_by_name };
  }

  /** A single override: `date` becomes a working day or a day off, whatever the notice or the statute says. */
  async function setOverride(actor: Actor, date: string, input: z.infer<typeof api.CalendarOverrideInput>): Promise<CalendarOverride> {
    requireRole(actor, ['sysadmin'], refusal);
    const y = yearOf(date);
    if (y < 2000 || y > 2100) throw badRequest('日期应在2000年至2100年之间', 'params.date');
    const now = clock.now().toISOString();
    const result = await runTx(db, async (tx) => {
      const before = await repo.findOverride(tx, date);
      const wasWorking = isWorkingDay(date, cache.current());
      await repo.upsertOverride(tx, {
        id: before?.id ?? newId(),
        date,
        kind: 'override',
        working: input.working ? 1 : 0,
        name: input.reason,
        year: y,
        created_by: actor.id,
        created_at: now,
      });
      await repo.bumpVersion(tx, now);
      await appendAudit(tx, clock, {
        actorId: actor.id,
        action: 'calendar.override.set',
        entityType: 'calendar_day',
        entityId: date,
        fromState: wasWorking ? 'working' : 'off',
        toState: input.working ? 'working' : 'off',
        detail: {
          before: before ? { working: Number(before.working) === 1, reason: before.name } : null,
          after: { working: input.working, reason: input.reason },
        },
      });
      return presentOverride((await repo.findOverride(tx, date))!);
    });
    await cache.load();
    return result;
  }

  async function removeOverride(actor: Actor, date: string): Promise<void> {
    requireRole(actor, ['sysadmin'], refusal);
    const now = clock.now().toISOString();
    await runTx(db, async (tx) => {
      const before = await repo.findOverride(tx, date);
      if (!before || (await repo.deleteOverride(tx, date)) === 0) throw notFound(`${formatChineseDate(date)}的单日调整`);
      await repo.bumpVersion(tx, now);
      await appendAudit(tx, clock, {
        actorId: actor.id,
        action: 'calendar.override.removed',
        entityType: 'calendar_day',
        entityId: date,
        detail: { before: { working: Number(before.working) === 1, reason: before.name } },
      });
    });
    await cache.load();
  }

  /** Check a notice against its year; the paths name the offending field. */
  async function checkNotice(
    conn: Conn,
    y: number,
    input: z.infer<typeof api.YearNoticeInput>,
  ): Promise<{ notice: YearNotice; rows: { date: string; working: boolean; name: string | null }[] }> {
    const lo = `${y - 1}-12-01`;
    const hi = `${y + 1}-01-31`;
    const window = `应在${y}年内（跨年的元旦假期可含上年12月或次年1月）`;
    const taken = new Map<string, string>(); // date → holiday name
    const rows: { date: string; working: boolean; name: string | null }[] = [];
    input.holidays.forEach((h, i) => {
      const at = `body.holidays[${i}]`;
      if (h.from < lo || h.from > hi) throw badRequest(`开始日期${window}`, `${at}.from`);
      if (h.to < lo || h.to > hi) throw badRequest(`结束日期${window}`, `${at}.to`);
      if (h.to < h.from) throw badRequest('结束日期不能早于开始日期', `${at}.to`);
      if (yearOf(h.from) !== y && yearOf(h.to) !== y) throw badRequest(`假期${window}`, `${at}.from`);
      const days = datesBetween(h.from, h.to);
      if (days.length > 31) throw badRequest('一个假期最长31天', `${at}.to`);
      for (const d of days) {
        const other = taken.get(d);
        if (other !== undefined) throw badRequest(`与「${other}」的日期重叠（${formatChineseDate(d)}）`, `${at}.from`);
        taken.set(d, h.name);
        rows.push({ date: d, working: false, name: h.name });
      }
    });
    const workdaysSeen = new Set<string>();
    input.workdays.forEach((w, i) => {
      const at = `body.workdays[${i}].date`;
      if (w.date < lo || w.date > hi) throw badRequest(`调休上班日${window}`, at);
      const holiday = taken.get(w.date);
      if (holiday !== undefined) throw badRequest(`该日已填为「${holiday}」假期，不能同时作为调休上班日`, at);
      if (workdaysSeen.has(w.date)) throw badRequest('调休上班日重复', at);
      workdaysSeen.add(w.date);
      rows.push({ date: w.date, working: true, name: w.name || null });
    });
    const clashes = await repo.noticeClashes(
      conn,
      y,
      rows.map((r) => r.date),
    );
    if (clashes.length) {
      const c = clashes[0];
      const hi2 = input.holidays.findIndex((h) => h.from <= c.date && c.date <= h.to);
      const path = hi2 >= 0 ? `body.holidays[${hi2}].from` : `body.workdays[${input.workdays.findIndex((w) => w.date === c.date)}].date`;
      throw badRequest(`${formatChineseDate(c.date)}已录入在${c.year}年的节假日安排中`, path);
    }
    const notice: YearNotice = {
      holidays: input.holidays.map((h) => ({ name: h.name, from: h.from, to: h.to })),
      workdays: input.workdays.map((w) => ({ date: w.date, name: w.name || null })).sort((a, b) => a.date.localeCompare(b.date)),
    };
    return { notice, rows };
  }

  /** The State Council's notice for year `y`: replaces that year's notice days; the year counts as entered. */
  async function saveNotice(actor: Actor, y: number, input: z.infer<typeof api.YearNoticeInput>): Promise<CalendarYear> {
    requireRole(actor, ['sysadmin'], refusal);
    const now = clock.now().toISOString();
    const result = await runTx(db, async (tx) => {
      const { notice, rows } = await checkNotice(tx, y, input);
      const before = await repo.findYear(tx, y);
      await repo.replaceNoticeDays(
        tx,
        y,
        rows.map((r) => ({
          id: newId(),
          date: r.date,
          kind: 'notice' as const,
          working: r.working ? (1 as const) : (0 as const),
          name: r.name,
          year: y,
          created_by: actor.id,
          created_at: now,
        })),
      );
      await repo.upsertYear(tx, { year: y, reference: input.reference || null, notice: toJson(notice), entered_by: actor.id, entered_at: now });
      await repo.bumpVersion(tx, now);
      await appendAudit(tx, clock, {
        actorId: actor.id,
        action: 'calendar.notice.saved',
        entityType: 'calendar_year',
        entityId: String(y),
        fromState: before ? 'entered' : hasStatutoryData(y) ? 'statutory' : 'missing',
        toState: 'entered',
        detail: {
          before: before ? { reference: before.reference, ...fromJson<YearNotice>(before.notice, { holidays: [], workdays: [] }) } : null,
          after: { reference: input.reference || null, ...notice },
        },
      });
      return year(y, tx);
    });
    await cache.load();
    return result;
  }

  /** Withdraw an entered notice (entered by mistake, or the package now has the year). */
  async function removeNotice(actor: Actor, y: number): Promise<CalendarYear> {
    requireRole(actor, ['sysadmin'], refusal);
    const now = clock.now().toISOString();
    const result = await runTx(db, async (tx) => {
      const before = await repo.findYear(tx, y);
      if (!before) throw notFound(`${y}年的节假日安排`);
      await repo.replaceNoticeDays(tx, y, []);
      await repo.deleteYear(tx, y);
      await repo.bumpVersion(tx, now);
      await appendAudit(tx, clock, {
        actorId: actor.id,
        action: 'calendar.notice.removed',
        entityType: 'calendar_year',
        entityId: String(y),
        fromState: 'entered',
        toState: hasStatutoryData(y) ? 'statutory' : 'missing',
        detail: { before: { reference: before.reference, ...fromJson<YearNotice>(before.notice, { holidays: [], workdays: [] }) } },
      });
      return year(y, tx);
    });
    await cache.load();
    return result;
  }

  return { years, year, setOverride, removeOverride, saveNotice, removeNotice };
}
