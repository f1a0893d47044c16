import { useState } from 'react';
import { Alert, Button, Card, Modal, Space, Spin, Tag, Typography } from 'antd';
import { DatePicker } from '../../../components/Pickers';
import { CalendarOutlined, DownloadOutlined, LeftOutlined, PrinterOutlined, RightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { today } from '../../../lib/format';
import { useFeeds, useWeekTable } from '../api';
import { ScheduleEntryView } from '../components/ScheduleEntryView';
import { addDays, LINE_LABELS, mondayOf } from '../labels';
import '../activities.css';

function FeedsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const q = useFeeds(open);
  const abs = (u: string) => new URL(u, window.location.origin).toString();
  return (
    <Modal title="订阅日历（ICS）" open={open} onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>} width={680}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="以下为您个人的订阅地址，可添加到手机或电脑的日历应用中。"
        description="订阅内容只包含您有权查看的活动，与您在本系统中看到的一致；地址含有个人密钥，请勿转发他人。"
      />
      {q.isPending ? (
        <Spin />
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <div className="xt-feeds">
          <div className="xt-feed">
            <div className="xt-feed-name">全体领导活动</div>
            <Typography.Paragraph copyable={{ text: abs(q.data.week), tooltips: ['复制', '已复制'] }} className="xt-feed-url" data-feed="all">
              {abs(q.data.week)}
            </Typography.Paragraph>
          </div>
          {q.data.leaders.map((l) => (
            <div key={l.leaderId} className="xt-feed">
              <div className="xt-feed-name">{l.name}</div>
              <Typography.Paragraph copyable={{ text: abs(l.url), tooltips: ['复制', '已复制'] }} className="xt-feed-url">
                {abs(l.url)}
              </Typography.Paragraph>
            </div>
          ))}
        </div>
      )}
    </Modal>
  );
}

/** Under the date in a column header: the holiday's name (国庆节), 调休上班, or an administrator's setting. */
function dayNote(d: { label: string; working: boolean; holidayName: string | null }): string | null {
  if (!d.working && d.holidayName) return d.holidayName;
  if (d.label === '工作日' || d.label === '周末') return null;
  return d.label === '调休上班' && d.holidayName ? `${d.holidayName}调休上班` : d.label;
}

/** 领导周活动安排表 (ACT-8): rows = leaders, columns = the seven days; printable and exportable. */
export function WeekTablePage() {
  const [params, setParams] = useSearchParams();
  const start = mondayOf(/^\d{4}-\d{2}-\d{2}$/.test(params.get('start') ?? '') ? params.get('start')! : today());
  const q = useWeekTable(start);
  const [feeds, setFeeds] = useState(false);
  const setStart = (d: string) => setParams({ start: mondayOf(d) }, { replace: true });
  const t = q.data;

  return (
    <>
      <PageHeader
        title="领导周活动安排表"
        subTitle="已批准的领导公务活动，按周汇总；可打印、导出或订阅"
        extra={
          <div className="xt-no-print xt-page-header-extra">
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!t}>
              打印
            </Button>
            <Button icon={<DownloadOutlined />} href={`/api/v1/schedule/week.xlsx?start=${start}`} download={`领导周活动安排表-${start}.xlsx`}>
              导出Excel
            </Button>
            <Button icon={<CalendarOutlined />} onClick={() => setFeeds(true)}>
              订阅日历
            </Button>
          </div>
        }
      />
      <Card>
        <div className="xt-toolbar xt-no-print">
          <Space.Compact>
            <Button icon={<LeftOutlined />} aria-label="上一周" onClick={() => setStart(addDays(start, -7))} />
            <Button onClick={() => setParams({}, { replace: true })}>本周</Button>
            <Button icon={<RightOutlined />} aria-label="下一周" onClick={() => setStart(addDays(start, 7))} />
          </Space.Compact>
          <DatePicker picker="week" allowClear={false} value={dayjs(start)} onChange={(d: Dayjs | null) => d && setStart(d.format('YYYY-MM-DD'))} />
          {t && t.conflicts > 0 && <Tag color="red">本周有{t.conflicts}处时间冲突</Tag>}
          {q.isFetching && <Spin size="small" />}
        </div>
        {q.isError ? (
          <QueryError error={q.error} onRetry={() => q.refetch()} />
        ) : !t ? (
          <div className="xt-center" style={{ padding: 48 }}>
            <Spin />
          </div>
        ) : (
          <div className="xt-week-print">
            <h2 className="xt-week-title">{t.title}</h2>
            <div className="xt-week-scroll">
              <table className="xt-week-table">
                <thead>
                  <tr>
                    <th className="xt-week-leader-col">领导</th>
                    {t.days.map((d) => (
                      <th key={d.date} className={d.working ? '' : 'is-rest'} data-date={d.date}>
                        <div>
                          {Number(d.date.slice(5, 7))}月{Number(d.date.slice(8))}日<span className="xt-week-weekday">（{d.weekday}）</span>
                        </div>
                        {dayNote(d) && <div className={`xt-week-daylabel${d.working ? ' is-work' : ' is-holiday'}`}>{dayNote(d)}</div>}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {t.rows.map((r) => (
                    <tr key={r.leaderId} data-leader={r.leaderId}>
                      <th className="xt-week-leader-col" scope="row">
                        <div className="xt-week-name">{r.name}</div>
                        <div className="xt-week-post">{r.post}</div>
                        {r.line === 'second' && <div className="xt-week-line">{LINE_LABELS.second}</div>}
                      </th>
                      {r.cells.map((c, i) => (
                        <td key={c.date} className={t.days[i]?.working ? '' : 'is-rest'} data-date={c.date}>
                          {c.entries.map((e) => (
                            <ScheduleEntryView key={`${e.id}-${e.leaderId}`} e={e} day={c.date} />
                          ))}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
      </Card>
      <FeedsModal open={feeds} onClose={() => setFeeds(false)} />
    </>
  );
}
