/**
 * ORG-4 — absence and availability: leave (请假), business trips (出差), official outings
 * (公务外出) and blocked time. Scheduling and routing read them; periods are half-open
 * [startsAt, endsAt) instants stored in UTC.
 *
 * Rules:
 * - The office or the person themself records or withdraws an absence (not administrators: an
 *   absence moves workflows, e.g. re-opens the activities a leader was to attend).
 * - One person's absences never overlap; an overlapping one is refused naming the existing one.
 *   Writers of one person's absences are serialised by that person's row lock (PostgreSQL).
 * - An absence that has already ended is history: only the office
 *   may record it afterwards (补登) or withdraw it; anyone allowed may record one that has
 *   started but not yet ended.
 * - The note (e.g. the reason for a leave) is shown only to those who may manage that person's
 *   absences; everybody else sees the period and the kind — enough to schedule around it.
 */
import { api, formatChineseDateTime, maySeeAbsenceKind } from '@xietiao/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/auth/actor';
import { appendAudit } from '../../platform/audit';
import { badRequest, notFound } from '../../platform/errors';
import { newId } from '../../platform/ids';
import * as repo from './org.repo';
import { authorize, can } from './org.policy';
import { presentAbsence } from './org.presenter';
import { requireKnown } from './org.support';
import { runTx } from '../../platform/db/tx';

type AbsenceInput = z.output<typeof api.AbsenceInput>;
type Absence = z.infer<typeof api.Absence>;

const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

/** An instant or a date (a date is 00:00 China time; as an end bound, the end of that day). */
export function boundToUtc(value: string, asEnd = false): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = Date.parse(`${value}T00:00:00+08:00`);
    return new Date(asEnd ? start + DAY_MS : start).toISOString();
  }
  return new Date(value).toISOString();
}

const period = (a: { starts_at: string; ends_at: string }) => `${formatChineseDateTime(a.starts_at)} 至 ${formatChineseDateTime(a.ends_at)}`;

export function createAbsencesService(ctx: Pick<AppContext, 'db' | 'clock'> & Partial<Pick<AppContext, 'hooks'>>) {
  const { db, clock } = ctx;

  async function list(actor: Actor, f: { userId?: string; from?: string; to?: string }): Promise<Absence[]> {
    const rows = await repo.listAbsences(db, {
      userId: f.userId,
      from: f.from ? boundToUtc(f.from) : undefined,
      to: f.to ? boundToUtc(f.to, true) : undefined,
    });
    // need-to-know (ORG-4): the kind for the office, leaders and the person; 时间已占用 for others
    return rows.map((r) => presentAbsence(maySeeAbsenceKind(actor, r.user_id) ? r : { ...r, kind: 'blocked' }, can(actor, 'absence.write', r.user_id)));
  }

  async function create(actor: Actor, input: AbsenceInput): Promise<Absence> {
    authorize(actor, 'absence.write', input.userId);
    const startsAt = new Date(input.startsAt).toISOString();
    const endsAt = new Date(input.endsAt).toISOString();
    if (endsAt <= startsAt) throw badRequest('结束时间必须晚于开始时间', 'body.endsAt');
    if (Date.parse(endsAt) - Date.parse(startsAt) > MAX_DAYS * DAY_MS) throw badRequest(`一次登记不能超过${MAX_DAYS}天，请分段登记`, 'body.endsAt');
    const now = clock.now().toISOString();
    if (endsAt <= now) authorize(actor, 'absence.backfill');
    return runTx(db, async (tx) => {
      requireKnown([['body.userId', input.userId]], await repo.activeUserIds(tx, [input.userId]), '人员');
      await repo.lockUser(tx, input.userId);
      const clash = await repo.overlappingAbsence(tx, input.userId, startsAt, endsAt);
      if (clash) {
        throw badRequest(
          `${clash.user_name}在该时段已登记${api.ABSENCE_LABELS[clash.kind]}（${period(clash)}${clash.note && can(actor, 'absence.write', clash.user_id) ? `，${clash.note}` : ''}），时间重叠，请调整时间或先撤销原登记`,
          'body.startsAt',
        );
      }
      const id = newId();
      await repo.insertAbsence(tx, {
        id,
        user_id: input.userId,
        kind: input.kind,
        starts_at: startsAt,
        ends_at: endsAt,
        note: input.note ?? null,
        created_by: actor.id,
        created_at: now,
      });
      await appendAudit(tx, clock, {
        actorId: actor.id,
        action: 'org.absence.created',
        entityType: 'absence',
        entityId: id,
        detail: { after: { userId: input.userId, kind: input.kind, startsAt, endsAt, note: input.note ?? null } },
      });
      const notices: string[] = [];
      for (const hook of ctx.hooks?.absenceCreated ?? [])
        notices.push(...(await hook(tx, { id, userId: input.userId, kind: input.kind, startsAt, endsAt, actor })));
      const row = await repo.findAbsence(tx, id);
      if (!row) throw notFound('外出/请假记录');
      return { ...presentAbsence(row, true), notices };
    });
  }

  async function remove(actor: Actor, id: string): Promise<void> {
    await runTx(db, async (tx) => {
      const row = await repo.findAbsence(tx, id);
      if (!row) throw notFound('外出/请假记录');
      authorize(actor, 'absence.write', row.user_id);
      if (row.ends_at <= clock.now().toISOString()) authorize(actor, 'absence.backfill');
      await repo.deleteAbsence(tx, id);
      await appendAudit(tx, clock, {
        actorId: actor.id,
        action: 'org.absence.deleted',
        entityType: 'absence',
        entityId: id,
        detail: { before: { userId: row.user_id, kind: row.kind, startsAt: row.starts_at, endsAt: row.ends_at, note: row.note } },
      });
    });
  }

  return { list, create, remove };
}

export type AbsencesService = ReturnType<typeof createAbsencesService>;
