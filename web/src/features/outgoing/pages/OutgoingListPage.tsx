import { useState } from 'react';
import { Button, Card, Input, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { URGENCY_LABELS } from '@xietiao/domain';
import { ChineseDate } from '../../../components/ChineseDate';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { serverPagination } from '../../../components/pagination';
import { StatusTag } from '../../../components/StatusTag';
import { useMe } from '../../../lib/auth';
import { useListParams } from '../../../lib/listParams';
import { useOutgoingList, type OutgoingSummary } from '../api';
import { CreateOutgoingModal } from '../components/CreateOutgoingModal';
import '../outgoing.css';

const PAGE_SIZE = 20;

/** 发文: every outgoing document the user may see (the server applies need-to-know), newest first. */
export function OutgoingListPage() {
  const me = useMe();
  const { params, page, update } = useListParams();
  const q = params.get('q') ?? undefined;
  const [qInput, setQInput] = useState(q ?? '');
  const [creating, setCreating] = useState(false);
  const list = useOutgoingList({ q, page, pageSize: PAGE_SIZE });
  const mayCreate = me.mayRegister.includes('outgoing');

  const columns: ColumnsType<OutgoingSummary> = [
    {
      title: '事由',
      dataIndex: 'title',
      render: (v: string, o) => (
        <>
          <Link to={`/outgoing/${o.id}`}>{v}</Link>
          {o.urgency !== 'none' && (
            <Tag color="red" className="xt-out-urgency">
              {URGENCY_LABELS[o.urgency]}
            </Tag>
          )}
        </>
      ),
    },
    { title: '文种', dataIndex: 'docType', width: 80 },
    { title: '起草部门', key: 'dept', width: 160, responsive: ['md'], render: (_, o) => o.draftingDepartment.name },
    { title: '新建日期', dataIndex: 'createdAt', width: 150, responsive: ['lg'], render: (v: string) => <ChineseDate value={v} /> },
    { title: '状态', dataIndex: 'status', width: 110, render: (v: string, o) => <StatusTag status={v} label={o.statusLabel} /> },
  ];

  return (
    <>
      <PageHeader
        title="发文"
        subTitle="从领导交代、统一意图到文稿：每次保存一个版本，规则引擎随改随查"
        extra={
          mayCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建发文
            </Button>
          )
        }
      />
      <Card>
        <div className="xt-toolbar">
          <Input.Search
            allowClear
            placeholder="搜索事由"
            aria-label="搜索发文"
            style={{ width: 260, maxWidth: '100%' }}
            value={qInput}
            onChange={(e) => setQInput(e.target.value)}
            onSearch={(v) => update({ q: v.trim() || undefined })}
          />
        </div>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<OutgoingSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isPending || list.isFetching}
            locale={{ emptyText: <EmptyState description={q ? '没有符合条件的发文' : '暂无发文'} /> }}
            pagination={serverPagination(page, PAGE_SIZE, list.data?.total, (p) => update({ page: String(p) }))}
          />
        )}
      </Card>
      {mayCreate && <CreateOutgoingModal open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
