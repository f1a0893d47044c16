import { useState } from 'react';
import { Button, Card, Input, Select, Table, Tag } from 'antd';
import { RangePicker } from '../../../components/Pickers';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { useListParams } from '../../../lib/listParams';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useActivityList, type ActivitySummary } from '../api';
import { ActivityStatusTag } from '../components/ActivityStatusTag';
import { ACTIVITY_STATES, fmtRange, LEADER_STATUS_COLORS, LEADER_STATUS_LABELS } from '../labels';
import '../activities.css';
import { serverPagination } from '../../../components/pagination';

const PAGE_SIZE = 20;

/** 活动列表: every leader activity the user may see; the server sends the coming ones first (soonest first), then the past. */
export function ActivityListPage() {
  const { params, page, update } = useListParams();
  const navigate = useNavigate();
  const status = params.get('status') ?? undefined;
  const q = params.get('q') ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const [qInput, setQInput] = useState(q ?? '');
  const list = useActivityList({ status, q, from, to, page, pageSize: PAGE_SIZE });

  const columns: ColumnsType<ActivitySummary> = [
    { title: '时间', key: 'time', width: 230, responsive: ['sm'], render: (_, a) => <span className="xt-nowrap-md">{fmtRange(a.startsAt, a.endsAt)}</span> },
    {
      title: '活动名称',
      dataIndex: 'title',
      render: (v: string, a) => (
        <>
          <Link to={`/activities/${a.id}`}>{v}</Link>
          <div className="xt-act-list-time">{fmtRange(a.startsAt, a.endsAt)}</div>
        </>
      ),
    },
    { title: '类别', dataIndex: 'category', width: 100, responsive: ['md'] },
    { title: '主办单位', dataIndex: 'organiserName', width: 160, responsive: ['lg'] },
    {
      title: '出席领导',
      key: 'leaders',
      width: 220,
      responsive: ['sm'],
      render: (_, a) =>
        a.leaders.length ? (
          <div className="xt-act-leader-tags">
            {a.leaders.map((l) => (
              <Tag
                key={l.id}
                color={LEADER_STATUS_COLORS[l.status] ?? 'default'}
                variant="outlined"
                className={`xt-act-leader is-${l.status}`}
                data-status={l.status}
              >
                {l.name}·{LEADER_STATUS_LABELS[l.status] ?? l.status}
              </Tag>
            ))}
          </div>
        ) : (
          <span className="xt-muted">未定</span>
        ),
    },
    { title: '状态', dataIndex: 'status', width: 140, render: (v: string, a) => <ActivityStatusTag status={v} label={a.statusLabel} /> },
  ];

  const filtered = !!(q || status || from || to);
  return (
    <>
      <PageHeader
        title="领导活动"
        subTitle="领导出席会议、庆典、调研等公务活动：统一登记，办公室拟办，主要领导审批"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/activities/new')}>
            登记出席申请
          </Button>
        }
      />
      <Card>
        <div className="xt-toolbar">
          <Input.Search
            allowClear
            placeholder="搜索活动名称、主办单位、地点"
            aria-label="搜索领导活动"
            style={{ width: 260, maxWidth: '100%' }}
            value={qInput}
            onChange={(e) => setQInput(e.target.value)}
            onSearch={(v) => update({ q: v.trim() || undefined })}
          />
          <Select
            allowClear
            placeholder="全部状态"
            aria-label="按状态筛选"
            style={{ width: 170 }}
            value={status}
            options={ACTIVITY_STATES}
            onChange={(v?: string) => update({ status: v })}
          />
          <RangePicker
            allowEmpty={[true, true]}
            placeholder={['开始日期', '结束日期']}
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            onChange={(r) => update({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
            style={{ maxWidth: '100%' }}
          />
        </div>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<ActivitySummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            rowClassName={(a) => (Date.parse(a.endsAt) < Date.now() ? 'xt-act-past' : '')}
            loading={list.isPending || list.isFetching}
            locale={{
              emptyText: (
                <EmptyState description={filtered ? '没有符合条件的活动' : '暂无领导活动'}>
                  {!filtered && (
                    <Button type="primary" onClick={() => navigate('/activities/new')}>
                      登记出席申请
                    </Button>
                  )}
                </EmptyState>
              ),
            }}
            pagination={serverPagination(page, PAGE_SIZE, list.data?.total, (p) => update({ page: String(p) }))}
          />
        )}
      </Card>
    </>
  );
}
