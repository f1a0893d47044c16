/** The organisation's contribution to the one schedule (modules/schedule): people's absences as busy periods. */
import type { BusyPeriod } from '@xietiao/domain';
import type { BusySource } from '../schedule/schedule.service';
import { listAbsences } from './org.repo';

const ABSENCE_LABELS: Record<string, string> = { leave: '请假', trip: '出差', business: '公务外出', blocked: '时间已占用' };

/** Absences are shown by kind only (请假, 出差…): the reason is the person's own business. */
export const absenceBusySource: BusySource = async (conn, r) => {
  const rows = await listAbsences(conn, { from: r.from, to: r.to, userId: r.leaderId });
  return rows.map(
    (a): BusyPeriod => ({
      leaderId: a.user_id,
      leaderName: a.user_name,
      kind: 'absence',
      refId: a.id,
      title: ABSENCE_LABELS[a.kind] ?? a.kind,
      startsAt: a.starts_at,
      endsAt: a.ends_at,
      travelMinutes: 0,
      firm: true,
      place: null,
      status: a.kind,
      visible: true,
    }),
  );
};
