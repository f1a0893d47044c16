import { Grid, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EmptyState } from '../../../components/EmptyState';
import { QueryError } from '../../../components/QueryError';
import type { Person } from '../../../lib/types';
import { useLeaders } from '../api';

/** 领导: the leadership by precedence (排序), with post, rank, 一线/二线 and 分管. */
export function LeadersTab() {
  const q = useLeaders();
  // the 一线/二线 column is hidden on a phone: the name then carries the 二线 tag
  const narrow = !Grid.useBreakpoint().sm;
  if (q.isError) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const columns: ColumnsType<Person> = [
    { title: '序', key: 'no', width: 50, render: (_, _p, i) => i + 1 },
    {
      title: '姓名',
      dataIndex: 'name',
      width: 140,
      render: (v: string, p) => (
        <Space size={4} wrap>
          <span>{v}</span>
          {p.leader?.principal && <Tag color="red">主要领导</Tag>}
          {narrow && p.leader?.line === 'second' && <Tag>二线</Tag>}
        </Space>
      ),
    },
    { title: '职务', key: 'post', render: (_, p) => p.leader?.post ?? p.title ?? '—' },
    { title: '职级', key: 'rank', width: 110, responsive: ['sm'], render: (_, p) => p.leader?.rank ?? '—' },
    {
      title: '一线/二线',
      key: 'line',
      width: 90,
      responsive: ['sm'],
      render: (_, p) => (p.leader ? <Tag color={p.leader.line === 'first' ? 'blue' : 'default'}>{p.leader.line === 'first' ? '一线' : '二线'}</Tag> : '—'),
    },
    {
      title: '分管工作',
      key: 'charges',
      responsive: ['md'],
      render: (_, p) =>
        p.leader?.charges.length ? (
          <Space size={[4, 4]} wrap>
            {p.leader.charges.map((c, i) => (
              <Tag key={i}>{c.departmentName ? `${c.area}（${c.departmentName}）` : c.area}</Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Table<Person>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={q.data?.items ?? []}
      loading={q.isPending}
      pagination={false}
      locale={{ emptyText: <EmptyState description="暂无领导信息" /> }}
    />
  );
}
