import { useState, type KeyboardEvent } from 'react';
import { App, Button, Card, Col, Row, Statistic, Table, Tabs, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router';
import { ChineseDate } from '../../../components/ChineseDate';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { StatusTag, TASK_STATUS_LABELS } from '../../../components/StatusTag';
import { useMe } from '../../../lib/auth';
import { errorMessage } from '../../../lib/http';
import type { ReadItem, Task } from '../../../lib/types';
import { KIND_LABELS } from '../../matters/labels';
import { useInboxCounts, useMarkRead, useTaskBox, useToRead } from '../api';
import { serverPagination } from '../../../components/pagination';
import { MySchedule } from '../components/MySchedule';

const PAGE_SIZE = 10;

function assignee(t: Task): string {
  if (t.assigneeUserName && t.assigneeDepartmentName) return `${t.assigneeUserName}（${t.assigneeDepartmentName}）`;
  return t.assigneeUserName ?? t.assigneeDepartmentName ?? '—';
}

function TaskTable({ box }: { box: 'todo' | 'done' }) {
  const [page, setPage] = useState(1);
  const q = useTaskBox(box, page, PAGE_SIZE);
  if (q.isError) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const columns: ColumnsType<Task> = [
    {
      title: '任务',
      dataIndex: 'title',
      render: (_, t) => <Link to={`/matters/${t.matterId}`}>{t.title}</Link>,
    },
    {
      title: '所属事项',
      dataIndex: 'matterTitle',
      responsive: ['md'],
      render: (v: string, t) => (
        <Link to={`/matters/${t.matterId}`} className="xt-muted-link">
          {v}
        </Link>
      ),
    },
    { title: '承办', key: 'assignee', responsive: ['lg'], render: (_, t) => assignee(t) },
    box === 'todo'
      ? {
          title: '期限',
          dataIndex: 'dueDate',
          width: 220,
          render: (_, t) => (
            <>
              <ChineseDate value={t.dueDate} overdue={t.overdue} showLeft />
              {t.dueDateWarning && (
                <Tooltip title={t.dueDateWarning}>
                  <Tag color="warning" className="xt-date-tag xt-due-warning">
                    期限待核对
                  </Tag>
                </Tooltip>
              )}
            </>
          ),
        }
      : { title: '办结时间', dataIndex: 'completedAt', width: 190, render: (v: string | null) => <ChineseDate value={v} time /> },
    ...(box === 'done'
      ? [
          {
            title: '状态',
            dataIndex: 'status',
            width: 90,
            responsive: ['md' as const],
            render: (v: string) => <StatusTag status={v} label={TASK_STATUS_LABELS[v]} />,
          },
        ]
      : []),
  ];
  return (
    <Table<Task>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={q.data?.items ?? []}
      loading={q.isPending || q.isFetching}
      locale={{ emptyText: <EmptyState description={box === 'todo' ? '暂无待办事项' : '暂无已办事项'} /> }}
      pagination={serverPagination(page, PAGE_SIZE, q.data?.total, setPage, { small: true, capped: q.data?.totalCapped })}
      rowClassName={(t) => (t.overdue ? 'xt-row-overdue' : '')}
    />
  );
}

function ToReadTable() {
  const [page, setPage] = useState(1);
  const q = useToRead(page, PAGE_SIZE);
  const mark = useMarkRead();
  const { message } = App.useApp();
  if (q.isError) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  // a real link (with an address, so the keyboard reaches it); following it marks the item read
  const open = (r: ReadItem) => {
    if (!r.readAt) mark.mutate(r.id);
  };
  const columns: ColumnsType<ReadItem> = [
    {
      title: '事项',
      dataIndex: 'matterTitle',
      render: (v: string, r) => (
        <Link to={`/matters/${r.matterId}`} onClick={() => open(r)} style={r.readAt ? undefined : { fontWeight: 600 }}>
          {v}
        </Link>
      ),
    },
    { title: '类型', dataIndex: 'matterKind', width: 110, responsive: ['md'], render: (v: string) => KIND_LABELS[v] ?? v },
    { title: '推送人', dataIndex: 'fromName', width: 110, responsive: ['sm'] },
    { title: '附言', dataIndex: 'note', responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    { title: '推送时间', dataIndex: 'createdAt', width: 190, responsive: ['md'], render: (v: string) => <ChineseDate value={v} time /> },
    {
      title: '操作',
      key: 'op',
      width: 100,
      render: (_, r) =>
        r.readAt ? (
          <Tag>已阅</Tag>
        ) : (
          <Button
            size="small"
            onClick={() => mark.mutate(r.id, { onSuccess: () => message.success('已标为已阅'), onError: (e) => message.error(errorMessage(e)) })}
          >
            标为已阅
          </Button>
        ),
    },
  ];
  return (
    <Table<ReadItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={q.data?.items ?? []}
      loading={q.isPending || q.isFetching}
      locale={{ emptyText: <EmptyState description="暂无待阅事项" /> }}
      pagination={serverPagination(page, PAGE_SIZE, q.data?.total, setPage, { small: true, capped: q.data?.totalCapped })}
    />
  );
}

/** 工作台: the person's inbox (X-1) — 待办, 已办, 待阅 — with counts on top. */
export function WorkbenchPage() {
  const me = useMe();
  const counts = useInboxCounts();
  const [params, setParams] = useSearchParams();
  const tab = ['todo', 'done', 'toread'].includes(params.get('tab') ?? '') ? params.get('tab')! : 'todo';
  const c = counts.data;
  const stats: { key: string; title: string; value: number | undefined; alert?: boolean; tab?: string }[] = [
    { key: 'todo', title: '待办', value: c?.todo, tab: 'todo' },
    { key: 'overdue', title: '已逾期', value: c?.overdue, alert: (c?.overdue ?? 0) > 0, tab: 'todo' },
    { key: 'toread', title: '待阅', value: c?.toRead, tab: 'toread' },
    { key: 'notify', title: '未读通知', value: c?.unreadNotifications },
  ];
  return (
    <>
      <PageHeader title="工作台" subTitle={`${me.name}，您好。${me.departmentName ? `（${me.departmentName}）` : ''}`} />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {stats.map((s) => (
          <Col key={s.key} xs={12} md={6}>
            <Card
              className={`xt-stat-card${s.alert ? ' is-alert' : ''}`}
              hoverable={!!s.tab}
              onClick={s.tab ? () => setParams({ tab: s.tab! }) : undefined}
              // a card that opens its tab is a button for the keyboard too (Enter or Space)
              {...(s.tab && {
                role: 'button',
                tabIndex: 0,
                onKeyDown: (e: KeyboardEvent) => {
                  if (e.key !== 'Enter' && e.key !== ' ') return;
                  e.preventDefault();
                  setParams({ tab: s.tab! });
                },
              })}
            >
              <Statistic title={s.title} value={s.value ?? '—'} loading={counts.isPending} suffix={s.value !== undefined ? '项' : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      {me.isLeader && <MySchedule leaderId={me.id} />}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          items={[
            { key: 'todo', label: `待办${c ? `（${c.todo}）` : ''}`, children: <TaskTable box="todo" /> },
            { key: 'done', label: '已办', children: <TaskTable box="done" /> },
            { key: 'toread', label: `待阅${c ? `（${c.toRead}）` : ''}`, children: <ToReadTable /> },
          ]}
        />
      </Card>
    </>
  );
}
