import { Tag, Tooltip } from 'antd';
import { Link } from 'react-router';
import type { ScheduleEntry } from '../api';
import { chinaClock, chinaDay } from '../labels';

/** The time of an entry on a given day: 10:00–12:00, 全天, 至12:00, 08:00起. */
export function entryTime(e: ScheduleEntry, day: string): string {
  const d1 = chinaDay(e.startsAt);
  const d2 = chinaDay(new Date(Date.parse(e.endsAt) - 1).toISOString());
  const startsToday = d1 === day;
  const endsToday = d2 === day;
  const s = chinaClock(e.startsAt);
  const end = chinaClock(e.endsAt);
  if (startsToday && endsToday) return s === '00:00' && (end === '00:00' || end === '23:59') ? '全天' : `${s}–${end}`;
  if (!startsToday && !endsToday) return '全天';
  if (startsToday) return s === '00:00' ? '全天' : `${s}起`;
  return end === '00:00' || end === '23:59' ? '全天' : `至${end}`;
}

/** Whether an entry touches a China date. */
export function onDay(e: ScheduleEntry, day: string): boolean {
  return chinaDay(e.startsAt) <= day && chinaDay(new Date(Date.parse(e.endsAt) - 1).toISOString()) >= day;
}

/** One schedule entry: time, title, place; conflicts red with what they clash with; absences grey. */
export function ScheduleEntryView({ e, day, showLeader, compact }: { e: ScheduleEntry; day: string; showLeader?: boolean; compact?: boolean }) {
  const cls = ['xt-sched-entry', e.kind === 'absence' ? 'is-absence' : '', e.conflict ? 'is-conflict' : '', compact ? 'is-compact' : '']
    .filter(Boolean)
    .join(' ');
  const title = e.kind === 'activity' ? <Link to={`/activities/${e.refId}`}>{e.title}</Link> : <span>{e.title}</span>;
  const body = (
    <div className={cls} data-kind={e.kind} data-conflict={e.conflict ? '1' : undefined}>
      <div className="xt-sched-line">
        <span className="xt-sched-time">{entryTime(e, day)}</span>
        {showLeader && <span className="xt-sched-leader">{e.leaderName}</span>}
        {e.conflict && (
          <Tag color="red" className="xt-sched-tag">
            冲突
          </Tag>
        )}
      </div>
      <div className="xt-sched-title">{title}</div>
      {!compact && e.place && <div className="xt-sched-place">{e.place}</div>}
      {!compact && e.kind === 'activity' && e.statusLabel && <div className="xt-sched-status">{e.statusLabel}</div>}
      {e.conflict && e.conflictWith.length > 0 && <div className="xt-sched-clash">与{e.conflictWith.map((t) => `“${t}”`).join('、')}冲突</div>}
    </div>
  );
  return compact ? (
    <Tooltip title={[e.place, e.conflict ? `与${e.conflictWith.join('、')}冲突` : null].filter(Boolean).join('；') || undefined}>{body}</Tooltip>
  ) : (
    body
  );
}
