import { Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { addCalendarDays, chinaDate } from '@xietiao/domain/calendar/workdays';
import { chineseWeekday, formatChineseDate, today } from '../../../lib/format';
import { type ScheduleEntry, useSchedule } from '../../activities/api';

const TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const time = (iso: string) => TIME.format(new Date(iso));
/** 12月8日 (the year is this week's) */
const monthDay = (d: string) => formatChineseDate(d).replace(/^\d{4}年/, '');

/** 10:00–11:30, or 12月8日 08:00 至 12月9日 18:00 across days (Beijing time). */
function span(e: ScheduleEntry): string {
  const from = chinaDate(new Date(e.startsAt));
  const to = chinaDate(new Date(e.endsAt));
  if (from === to) return `${time(e.startsAt)}–${time(e.endsAt)}`;
  return `${monthDay(from)} ${time(e.startsAt)} 至 ${monthDay(to)} ${time(e.endsAt)}`;
}

/**
 * A leader's schedule today and for the coming week on the 工作台: the activities they attend and
 * their absences, from the one schedule (need-to-know applies there).
 */
export function MySchedule({ leaderId }: { leaderId: string }) {
  const from = today();
  const q = useSchedule(from, addCalendarDays(from, 6), leaderId);
  const days = Array.from({ length: 7 }, (_, i) => addCalendarDays(from, i));
  const onDay = (d: string) =>
    (q.data?.items ?? [])
      .filter((e) => chinaDate(new Date(e.startsAt)) <= d && chinaDate(new Date(e.endsAt)) >= d)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const shown = days.filter((d, i) => i === 0 || onDay(d).length > 0);
  return (
    <Card className="xt-my-schedule" title="我的日程（今天和未来一周）" size="small" style={{ marginBottom: 16 }} loading={q.isPending}>
      {shown.map((d, i) => (
        <div key={d} className="xt-my-schedule-day" data-date={d}>
          <Typography.Text strong>
            {i === 0 ? '今天' : monthDay(d)}（{chineseWeekday(d)}）
          </Typography.Text>
          <List
            size="small"
            dataSource={onDay(d)}
            locale={{ emptyText: i === 0 ? '今天没有安排' : '无' }}
            renderItem={(e) => (
              <List.Item>
                <Space wrap size={[8, 0]}>
                  <Typography.Text type="secondary">{span(e)}</Typography.Text>
                  {e.kind === 'activity' ? <Link to={`/activities/${e.refId}`}>{e.title}</Link> : <span>{e.title}</span>}
                  {e.place && <Typography.Text type="secondary">{e.place}</Typography.Text>}
                  {e.statusLabel !== e.title && <Tag color={e.kind === 'absence' ? 'orange' : 'blue'}>{e.statusLabel}</Tag>}
                  {e.conflict && <Tag color="red">时间冲突</Tag>}
                </Space>
              </List.Item>
            )}
          />
        </div>
      ))}
      {shown.length === 1 && <Typography.Text type="secondary">未来一周暂无其他安排。</Typography.Text>}
    </Card>
  );
}
