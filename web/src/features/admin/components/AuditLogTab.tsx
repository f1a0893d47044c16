import { useState } from 'react';
import { Alert, Button, Input, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { ChineseDate } from '../../../components/ChineseDate';
import { EmptyState } from '../../../components/EmptyState';
import { PersonSelect } from '../../../components/Pickers';
import { QueryError } from '../../../components/QueryError';
import { errorMessage } from '../../../lib/http';
import type { AuditEvent } from '../../../lib/types';
import { actionLabel, describeDetail, stateLabel } from '../../matters/labels';
import { useAudit, useVerifyAudit } from '../api';
import { serverPagination } from '../../../components/pagination';

const PAGE_SIZE = 50;
const ENTITY_LABELS: Record<string, string> = {
  user: '用户',
  matter: '事项',
  organ: '机关',
  department: '部门',
  absence: '请假外出',
  leader: '领导',
  task: '任务',
  consultation: '征求意见',
  instruction: '批示',
  link: '关联',
  system: '系统',
  audit: '审计',
};

/** 审计日志: the hash-chained audit trail, with filters and a chain check. */
export function AuditLogTab() {
  const [actorId, setActorId] = useState<string>();
  const [action, setAction] = useState('');
  const [matterId, setMatterId] = useState('');
  const [applied, setApplied] = useState<{ action?: string; matterId?: string }>({});
  const [page, setPage] = useState(1);
  const q = useAudit({ actorId, action: applied.action, matterId: applied.matterId, page, pageSize: PAGE_SIZE });
  const verify = useVerifyAudit();

  const columns: ColumnsType<AuditEvent> = [
    { title: '序号', dataIndex: 'seq', width: 80 },
    { title: '时间', dataIndex: 'at', width: 180, render: (v: string) => <ChineseDate value={v} time /> },
    { title: '操作人', dataIndex: 'actorName', width: 100, render: (v: string | null) => v ?? '系统' },
    {
      title: '操作',
      dataIndex: 'action',
      width: 180,
      render: (v: string) => (
        <span>
          {actionLabel(v)}
          {actionLabel(v) !== v && (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {v}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: '对象',
      key: 'entity',
      width: 140,
      responsive: ['md'],
      render: (_, e) => (
        <Tooltip title={e.entityId ?? undefined}>
          <span>
            {ENTITY_LABELS[e.entityType] ?? e.entityType}
            {e.entityId && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                {e.entityId.slice(-8)}
              </Typography.Text>
            )}
          </span>
        </Tooltip>
      ),
    },
    {
      title: '状态变化',
      key: 'state',
      responsive: ['lg'],
      render: (_, e) =>
        e.toState ? (
          <span>
            {e.fromState ? <Tag>{stateLabel(e.fromState)}</Tag> : null}→ <Tag color="blue">{stateLabel(e.toState)}</Tag>
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: '详情',
      dataIndex: 'detail',
      responsive: ['lg'],
      ellipsis: { showTitle: false },
      render: (v: string | null) =>
        v ? (
          <Tooltip title={<span className="xt-pre">{v}</span>} placement="topLeft">
            <span>{describeDetail(v) ?? v}</span>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: '哈希',
      dataIndex: 'hash',
      width: 120,
      responsive: ['xl'],
      render: (v: string) => (
        <Typography.Text code copyable={{ text: v, tooltips: ['复制', '已复制'] }} style={{ fontSize: 12 }}>
          {v.slice(0, 8)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <>
      <div className="xt-toolbar">
        <PersonSelect
          excludeAdmins={false}
          style={{ width: 180 }}
          placeholder="操作人"
          value={actorId}
          onChange={(v: string | undefined) => {
            setActorId(v);
            setPage(1);
          }}
        />
        <Input
          allowClear
          placeholder="操作类型，如 matter.event"
          style={{ width: 200 }}
          value={action}
          onChange={(e) => setAction(e.target.value)}
          onPressEnter={() => {
            setApplied({ action: action.trim() || undefined, matterId: matterId.trim() || undefined });
            setPage(1);
          }}
        />
        <Input
          allowClear
          placeholder="事项编号"
          style={{ width: 160 }}
          value={matterId}
          onChange={(e) => setMatterId(e.target.value)}
          onPressEnter={() => {
            setApplied({ action: action.trim() || undefined, matterId: matterId.trim() || undefined });
            setPage(1);
          }}
        />
        <Button
          onClick={() => {
            setApplied({ action: action.trim() || undefined, matterId: matterId.trim() || undefined });
            setPage(1);
          }}
        >
          筛选
        </Button>
        <span className="grow" />
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
          校验审计链
        </Button>
      </div>
      {verify.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(verify.error)} />}
      {verify.data && (
        <Alert
          type={verify.data.ok ? 'success' : 'error'}
          showIcon
          closable
          style={{ marginBottom: 12 }}
          title={
            verify.data.ok
              ? `审计链完整：共校验 ${verify.data.checked} 条记录，未发现篡改。`
              : `审计链校验失败：第 ${verify.data.firstBrokenSeq ?? '?'} 条记录异常`
          }
          description={!verify.data.ok ? `${verify.data.reason ?? ''}（已校验 ${verify.data.checked} 条）` : undefined}
        />
      )}
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Table<AuditEvent>
          rowKey="seq"
          size="small"
          columns={columns}
          dataSource={q.data?.items ?? []}
          loading={q.isPending || q.isFetching}
          locale={{ emptyText: <EmptyState description="暂无审计记录" /> }}
          pagination={serverPagination(page, PAGE_SIZE, q.data?.total, setPage, { unit: '条', small: true, capped: q.data?.totalCapped })}
        />
      )}
    </>
  );
}
