import { useMemo } from 'react';
import { Button, Calendar, Card, Grid, Segmented, Space, Spin, Typography } from 'antd';
import { DatePicker, DayMarkView } from '../../../components/Pickers';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { chineseWeekday, formatChineseDate, today } from '../../../lib/format';
import { useWorkCalendar } from '../../../lib/holidays';
import { useSchedule, type ScheduleEntry } from '../api';
import { LeaderSelect } from '../components/pickers';
import { onDay, ScheduleEntryView } from '../components/ScheduleEntryView';
import { addDays, mondayOf } from '../labels';
import '../activities.css';

type View = 'day' | 'week' | 'month';

function range(view: View, date: string): { from: string; to: string } {
  if (view === 'day') return { from: date, to: date };
  if (view === 'week') {
    const from = mondayOf(date);
    return { from, to: addDays(from, 6) };
  }
  const first = `${date.slice(0, 8)}01`;
  const from = mondayOf(first);
  return { from, to: addDays(from, 41) };
}

function DayList({ entries, day, showLeader }: { entries: ScheduleEntry[]; day: string; showLeader: boolean }) {
  const list = entries.filter((e) => onDay(e, day));
  if (!list.length) return <EmptyState description="当日无活动安排" />;
  return (
    <div className="xt-sched-list">
      {list.map((e) => (
        <ScheduleEntryView key={`${e.id}-${e.leaderId}`} e={e} day={day} showLeader={showLeader} />
      ))}
    </div>
  );
}

/**
 * 领导日程 (ACT-8): a leader's (or every leader's) calendar by day, week or month, with conflicts and
 * absences; holidays (国庆节) and 调休上班 days marked from the server's working-day calendar.
 */
export function SchedulePage() {
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const view = (['day', 'week', 'month'].includes(params.get('view') ?? '') ? params.get('view') : 'week') as View;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date')! : today();
  const leaderId = params.get('leader') ?? undefined;
  const { from, to } = range(view, date);
  const q = useSchedule(from, to, leaderId);
  const cal = useWorkCalendar(from, to);
  const dayMark = view === 'day' ? cal.mark(date) : null;
  const entries = useMemo(() => q.data?.items ?? [], [q.data]);
  const showLeader = !leaderId;

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (!v) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const step = (dir: 1 | -1) => {
    const d = dayjs(date);
    const n = view === 'day' ? d.add(dir, 'day') : view === 'week' ? d.add(dir * 7, 'day') : d.add(dir, 'month');
    set({ date: n.format('YYYY-MM-DD') });
  };
  const heading =
    view === 'day'
      ? `${formatChineseDate(date)} ${chineseWeekday(date)}`
      : view === 'week'
        ? `${formatChineseDate(from)} 至 ${formatChineseDate(to).slice(5)}`
        : `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月`;

  const days = view === 'week' ? Array.from({ length: 7 }, (_, i) => addDays(from, i)) : [];
  const todayIso = today();

  return (
    <>
      <PageHeader title="领导日程" subTitle="已批准的领导公务活动和请假、出差等安排；红色为时间冲突，灰色为不在岗" />
      <Card>
        <div className="xt-toolbar xt-sched-toolbar">
          <LeaderSelect
            aria-label="按领导筛选"
            style={{ width: 240, maxWidth: '100%' }}
            placeholder="全部领导"
            value={leaderId}
            onChange={(v?: string) => set({ leader: v })}
          />
          <Segmented
            value={view}
            onChange={(v) => set({ view: v as string })}
            options={[
              { value: 'day', label: '日' },
              { value: 'week', label: '周' },
              { value: 'month', label: '月' },
            ]}
          />
          <Space.Compact>
            <Button icon={<LeftOutlined />} aria-label="上一页" onClick={() => step(-1)} />
            <Button onClick={() => set({ date: undefined })}>今天</Button>
            <Button icon={<RightOutlined />} aria-label="下一页" onClick={() => step(1)} />
          </Space.Compact>
          <DatePicker
            value={dayjs(date)}
            allowClear={false}
            picker={view === 'month' ? 'month' : view === 'week' ? 'week' : 'date'}
            onChange={(d: Dayjs | null) => d && set({ date: d.format('YYYY-MM-DD') })}
          />
          <Typography.Text strong className="xt-sched-heading">
            {heading}
          </Typography.Text>
          {dayMark && <DayMarkView mark={dayMark} full style={{ fontSize: 14 }} />}
          {q.isFetching && <Spin size="small" />}
        </div>
        {q.isError ? (
          <QueryError error={q.error} onRetry={() => q.refetch()} />
        ) : view === 'day' ? (
          <DayList entries={entries} day={date} showLeader={showLeader} />
        ) : view === 'week' ? (
          <div className={screens.md ? 'xt-sched-week' : 'xt-sched-week is-stacked'}>
            {days.map((d) => {
              const list = entries.filter((e) => onDay(e, d));
              const mark = cal.mark(d);
              return (
                <div key={d} className={`xt-sched-day${d === todayIso ? ' is-today' : ''}`} data-date={d}>
                  <div className="xt-sched-day-head" style={mark ? { flexWrap: 'wrap', columnGap: 4 } : undefined}>
                    <span>
                      {chineseWeekday(d)}
                      {mark && (
                        <>
                          {' '}
                          <DayMarkView mark={mark} full />
                        </>
                      )}
                    </span>
                    <span className="xt-sched-day-date">
                      {Number(d.slice(5, 7))}月{Number(d.slice(8))}日
                    </span>
                  </div>
                  <div className="xt-sched-day-body">
                    {list.length ? (
                      list.map((e) => <ScheduleEntryView key={`${e.id}-${e.leaderId}`} e={e} day={d} showLeader={showLeader} />)
                    ) : (
                      <span className="xt-muted">—</span>
                    )}
                  </div>
                </div>
              );
            })}
          </div>
        ) : (
          <Calendar
            className="xt-sched-month"
            value={dayjs(date)}
            fullscreen={!!screens.md}
            headerRender={() => null}
            onSelect={(d, info) => {
              if (info.source === 'date') set({ date: d.format('YYYY-MM-DD'), ...(screens.md ? {} : { view: 'day' }) });
            }}
            cellRender={(d, info) => {
              if (info.type !== 'date') return info.originNode;
              const iso = d.format('YYYY-MM-DD');
              const list = entries.filter((e) => onDay(e, iso));
              const mark = cal.mark(iso);
              // the holiday's name under the date; on a phone the one character 休 / 班
              const markNode = mark && (screens.md ? <DayMarkView mark={mark} full style={{ display: 'block' }} /> : <DayMarkView mark={mark} />);
              if (!list.length) return markNode;
              if (!screens.md)
                return (
                  <>
                    {markNode}
                    <span className={`xt-sched-dot${list.some((e) => e.conflict) ? ' is-conflict' : ''}`}>{list.length}</span>
                  </>
                );
              return (
                <div className="xt-sched-cell">
                  {markNode}
                  {list.slice(0, 4).map((e) => (
                    <ScheduleEntryView key={`${e.id}-${e.leaderId}`} e={e} day={iso} showLeader={showLeader} compact />
                  ))}
                  {list.length > 4 && <div className="xt-muted">另有{list.length - 4}项</div>}
                </div>
              );
            }}
          />
        )}
      </Card>
    </>
  );
}
