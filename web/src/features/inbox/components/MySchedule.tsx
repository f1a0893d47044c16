import { Card, List, Typography } from 'antd';
import { addCalendarDays } from '@xietiao/domain/calendar/workdays';
import { DayMarkView } from '../../../components/Pickers';
import { chineseWeekday, formatChineseDate, today } from '../../../lib/format';
import { useWorkCalendar } from '../../../lib/holidays';
import { useSchedule } from '../../activities/api';
import { onDay, ScheduleEntryView } from '../../activities/components/ScheduleEntryView';

/** 12月8日 (the year is this week's) */
const monthDay = (d: string) => formatChineseDate(d).replace(/^\d{4}年/, '');

/**
 * A leader's schedule today and for the coming week on the 工作台: the activities they attend and
 * their absences, from the one schedule (need-to-know applies there), drawn as in 领导日程.
 */
export function MySchedule({ leaderId }: { leaderId: string }) {
  const from = today();
  const to = addCalendarDays(from, 6);
  const q = useSchedule(from, to, leaderId);
  const cal = useWorkCalendar(from, to);
  const days = Array.from({ length: 7 }, (_, i) => addCalendarDays(from, i));
  const entriesOn = (d: string) => (q.data?.items ?? []).filter((e) => onDay(e, d)).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const shown = days.filter((d, i) => i === 0 || entriesOn(d).length > 0);
  return (
    <Card className="xt-my-schedule" title="我的日程（今天和未来一周）" size="small" style={{ marginBottom: 16 }} loading={q.isPending}>
      {shown.map((d, i) => (
        <div key={d} className="xt-my-schedule-day" data-date={d}>
          <Typography.Text strong>
            {i === 0 ? '今天' : monthDay(d)}（{chineseWeekday(d)}）
          </Typography.Text>
          {cal.mark(d) && <DayMarkView mark={cal.mark(d)!} full style={{ marginLeft: 8 }} />}
          <List
            size="small"
            dataSource={entriesOn(d)}
            locale={{ emptyText: <Typography.Text type="secondary">{i === 0 ? '今天没有安排' : '无'}</Typography.Text> }}
            renderItem={(e) => (
              <List.Item>
                <ScheduleEntryView e={e} day={d} />
              </List.Item>
            )}
          />
        </div>
      ))}
      {shown.length === 1 && <Typography.Text type="secondary">未来一周暂无其他安排。</Typography.Text>}
    </Card>
  );
}
