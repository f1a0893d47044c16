import { useState } from 'react';
import { Button, Card, Checkbox, Input, Select, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useListParams } from '../../../lib/listParams';
import { ChineseDate } from '../../../components/ChineseDate';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { StatusTag } from '../../../components/StatusTag';
import { useMe } from '../../../lib/auth';
import type { MatterSummary } from '../../../lib/types';
import { useMatterList } from '../api';
import { CreateMatterModal } from '../components/CreateMatterModal';
import { COORDINATION_STATES, PRIORITY_COLORS, PRIORITY_LABELS } from '../labels';
import { serverPagination } from '../../../components/pagination';

const PAGE_SIZE = 20;

export function MatterListPage() {
  const me = useMe();
  const { params, page, update } = useListParams();
  const [creating, setCreating] = useState(false);
  const status = params.get('status') ?? undefined;
  const q = params.get('q') ?? undefined;
  const mine = params.get('mine') === '1';
  const [qInput, setQInput] = useState(q ?? '');

  const list = useMatterList({ kind: 'coordination', status, q, mine, page, pageSize: PAGE_SIZE });

  const columns: ColumnsType<MatterSummary> = [
    {
      title: '事项名称',
      dataIndex: 'title',
      render: (v: string, m) => (
        <span>
          <Link to={`/matters/${m.id}`}>{v}</Link>
          {m.restricted && (
            <Tooltip title="限定知悉范围">
              <LockOutlined style={{ marginLeft: 6, color: '#8c8c8c' }} />
            </Tooltip>
          )}
        </span>
      ),
    },
    { title: '状态', dataIndex: 'status', width: 110, render: (v: string, m) => <StatusTag status={v} label={m.statusLabel} /> },
    {
      title: '紧急程度',
      dataIndex: 'priority',
      width: 90,
      responsive: ['md'],
      render: (v: string) => <Tag color={PRIORITY_COLORS[v]}>{PRIORITY_LABELS[v as keyof typeof PRIORITY_LABELS] ?? v}</Tag>,
    },
    { title: '牵头部门', dataIndex: 'departmentName', width: 140, responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    { title: '负责人', dataIndex: 'ownerName', width: 100, responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    { title: '期限', dataIndex: 'dueDate', width: 150, responsive: ['sm'], render: (v: string | null) => <ChineseDate value={v} /> },
    { title: '更新时间', dataIndex: 'updatedAt', width: 170, responsive: ['xl'], render: (v: string) => <ChineseDate value={v} time /> },
  ];

  return (
    <>
      <PageHeader
        title="协调事项"
        subTitle="需要办公室牵头协调、征求意见或报领导定夺的事项"
        extra={
          me.mayRegister.includes('coordination') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建协调事项
            </Button>
          )
        }
      />
      <Card>
        <div className="xt-toolbar">
          <Input.Search
            allowClear
            placeholder="搜索事项名称、说明"
            aria-label="搜索协调事项"
            style={{ width: 260, maxWidth: '100%' }}
            value={qInput}
            onChange={(e) => setQInput(e.target.value)}
            onSearch={(v) => update({ q: v.trim() || undefined })}
          />
          <Select
            allowClear
            placeholder="全部状态"
            aria-label="按状态筛选"
            style={{ width: 150 }}
            value={status}
            options={COORDINATION_STATES}
            onChange={(v?: string) => update({ status: v })}
          />
          <Checkbox checked={mine} onChange={(e) => update({ mine: e.target.checked ? '1' : undefined })}>
            只看与我相关
          </Checkbox>
        </div>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<MatterSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isPending || list.isFetching}
            locale={{ emptyText: <EmptyState description={q || status || mine ? '没有符合条件的协调事项' : '暂无协调事项'} /> }}
            pagination={serverPagination(page, PAGE_SIZE, list.data?.total, (p) => update({ page: String(p) }), { capped: list.data?.totalCapped })}
          />
        )}
      </Card>
      <CreateMatterModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
