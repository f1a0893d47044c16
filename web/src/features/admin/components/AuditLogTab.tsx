import { useMemo, useState } from 'react';
import { Alert, Button, Collapse, Descriptions, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import {
  ENTITY_LABELS,
  auditActionGroups,
  auditActionLabel,
  auditDetailFields,
  auditStateKind,
  describeAuditDetail,
  kindLabel,
  stateLabel,
} from '@xietiao/domain/labels/index';
import { ChineseDate } from '../../../components/ChineseDate';
import { EmptyState } from '../../../components/EmptyState';
import { PersonSelect } from '../../../components/Pickers';
import { QueryError } from '../../../components/QueryError';
import { fmtDate, fmtDateTime } from '../../../lib/format';
import { errorMessage } from '../../../lib/http';
import type { AuditEvent } from '../../../lib/types';
import { DetailFields } from '../../matters/components/DetailFields';
import { useAudit, useVerifyAudit } from '../api';
import { serverPagination } from '../../../components/pagination';

const PAGE_SIZE = 50;

/** What the row is about, in words: 用户 张三, 事项（领导公务活动）, 工作日历（单日） 2026年10月9日. */
export function entityText(e: AuditEvent): string {
  const what = ENTITY_LABELS[e.entityType] ?? kindLabel(e.entityType);
  const name = e.entityId ? e.names?.[e.entityId] : undefined;
  if (name) return `${what} ${name}`;
  if (e.entityType === 'calendar_day' && e.entityId) return `${what} ${fmtDate(e.entityId)}`;
  if (e.entityType === 'calendar_year' && e.entityId) return `${what} ${e.entityId}年`;
  if (e.matterKind) return `${what}（${kindLabel(e.matterKind)}）`;
  return what;
}

/** 2026年10月9日 14:30 (China time), breaking only between the date and the time. */
function When({ at }: { at: string }) {
  const text = fmtDateTime(at);
  const cut = text.lastIndexOf(' ');
  return (
    <span className="xt-date">
      <span style={{ whiteSpace: 'nowrap' }}>{text.slice(0, cut)}</span> <span style={{ whiteSpace: 'nowrap' }}>{text.slice(cut + 1)}</span>
    </span>
  );
}

function states(e: AuditEvent) {
  const kind = auditStateKind({ action: e.action, entityType: e.entityType, matterKind: e.matterKind });
  return { from: e.fromState ? stateLabel(kind, e.fromState) : null, to: e.toState ? stateLabel(kind, e.toState) : null };
}

function prettyJson(detail: string | null): string {
  if (!detail) return '（无）';
  try {
    return JSON.stringify(JSON.parse(detail), null, 2);
  } catch {
    return detail;
  }
}

/** One row opened: the detail as a field list, the codes and the raw JSON behind 查看原始数据. */
export function AuditRowDetail({ e }: { e: AuditEvent }) {
  const fields = auditDetailFields(e.detail, { action: e.action, names: e.names });
  const s = states(e);
  return (
    <div className="xt-audit-row" style={{ display: 'grid', gap: 12, maxWidth: 960 }}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'at', label: '时间', children: <ChineseDate value={e.at} time /> },
          { key: 'actor', label: '操作人', children: e.actorName ?? '系统' },
          { key: 'action', label: '操作', children: auditActionLabel(e.action, e.matterKind) },
          { key: 'entity', label: '对象', children: entityText(e) },
          ...(s.to ? [{ key: 'state', label: '状态变化', children: `${s.from ?? '（新建）'} → ${s.to}` }] : []),
        ]}
      />
      {fields.length ? <DetailFields fields={fields} /> : <Typography.Text type="secondary">本条记录无其他内容</Typography.Text>}
      <Collapse
        size="small"
        items={[
          {
            key: 'raw',
            label: '查看原始数据',
            children: (
              <div style={{ display: 'grid', gap: 8 }}>
                <Descriptions
                  size="small"
                  column={1}
                  bordered
                  styles={{ label: { width: '30%', minWidth: 96 } }}
                  items={[
                    {
                      key: 'action',
                      label: '操作代码',
                      children: (
                        <Typography.Text code style={{ wordBreak: 'break-all' }}>
                          {e.action}
                        </Typography.Text>
                      ),
                    },
                    { key: 'entityType', label: '对象类型代码', children: <Typography.Text code>{e.entityType}</Typography.Text> },
                    {
                      key: 'entityId',
                      label: '对象编号',
                      children: e.entityId ? (
                        <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
                          {e.entityId}
                        </Typography.Text>
                      ) : (
                        '（无）'
                      ),
                    },
                    {
                      key: 'matterId',
                      label: '所属事项编号',
                      children: e.matterId ? (
                        <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
                          {e.matterId}
                        </Typography.Text>
                      ) : (
                        '（无）'
                      ),
                    },
                    { key: 'actorId', label: '操作人编号', children: e.actorId ?? '（系统）' },
                    ...(e.toState
                      ? [
                          {
                            key: 'states',
                            label: '状态代码',
                            children: <Typography.Text code style={{ wordBreak: 'break-all' }}>{`${e.fromState ?? '—'} → ${e.toState}`}</Typography.Text>,
                          },
                        ]
                      : []),
                    {
                      key: 'hash',
                      label: '哈希',
                      children: (
                        <Typography.Text copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
                          {e.hash}
                        </Typography.Text>
                      ),
                    },
                  ]}
                />
                <pre className="xt-audit-raw" style={{ margin: 0, padding: 8, background: '#f6f7f9', borderRadius: 4, fontSize: 12, overflowX: 'auto' }}>
                  {prettyJson(e.detail)}
                </pre>
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}

/** 审计日志: the hash-chained audit trail, with filters and a chain check; every code by its Chinese name. */
export function AuditLogTab() {
  const [actorId, setActorId] = useState<string>();
  const [action, setAction] = useState<string>();
  const [matterId, setMatterId] = useState('');
  const [appliedMatter, setAppliedMatter] = useState<string>();
  const [page, setPage] = useState(1);
  // an area's prefix ends with a dot; anything else is one code
  const q = useAudit({
    actorId,
    action,
    ...(action && !action.endsWith('.') ? { exact: '1' as const } : {}),
    matterId: appliedMatter,
    page,
    pageSize: PAGE_SIZE,
  });
  const verify = useVerifyAudit();
  const actionOptions = useMemo(
    () =>
      auditActionGroups().map((g) => ({
        label: g.label,
        title: g.label,
        options: [{ value: g.prefix, label: `${g.label}：全部操作` }, ...g.actions.map((a) => ({ value: a.code, label: a.label }))],
      })),
    [],
  );
  const applyMatter = () => {
    setAppliedMatter(matterId.trim() || undefined);
    setPage(1);
  };

  const columns: ColumnsType<AuditEvent> = [
    { title: '序号', dataIndex: 'seq', width: 64, responsive: ['sm'] },
    { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => <When at={v} /> },
    { title: '操作人', dataIndex: 'actorName', width: 90, render: (v: string | null) => v ?? '系统' },
    { title: '操作', dataIndex: 'action', width: 160, render: (v: string, e) => auditActionLabel(v, e.matterKind) },
    { title: '对象', key: 'entity', width: 160, responsive: ['md'], render: (_, e) => entityText(e) },
    {
      title: '状态变化',
      key: 'state',
      width: 210,
      responsive: ['lg'],
      render: (_, e) => {
        const s = states(e);
        return s.to ? (
          <span>
            {s.from ? <Tag>{s.from}</Tag> : null}→ <Tag color="blue">{s.to}</Tag>
          </span>
        ) : (
          '—'
        );
      },
    },
    {
      title: '详情',
      key: 'detail',
      responsive: ['lg'],
      ellipsis: { showTitle: false },
      render: (_, e) => {
        const text = describeAuditDetail(e.detail, { action: e.action, names: e.names });
        return text ? (
          <Tooltip title={<span className="xt-pre">{text}</span>} placement="topLeft">
            <span>{text}</span>
          </Tooltip>
        ) : (
          '—'
        );
      },
    },
  ];

  return (
    <>
      <div className="xt-toolbar">
        <PersonSelect
          excludeAdmins={false}
          style={{ width: 180 }}
          placeholder="操作人"
          aria-label="按操作人筛选"
          value={actorId}
          onChange={(v: string | undefined) => {
            setActorId(v);
            setPage(1);
          }}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          className="xt-audit-action"
          placeholder="操作类型"
          aria-label="按操作类型筛选"
          style={{ width: 240 }}
          popupMatchSelectWidth={320}
          options={actionOptions}
          value={action}
          onChange={(v: string | undefined) => {
            setAction(v);
            setPage(1);
          }}
        />
        <Input
          allowClear
          placeholder="事项编号"
          aria-label="按事项编号筛选"
          style={{ width: 160 }}
          value={matterId}
          onChange={(e) => setMatterId(e.target.value)}
          onPressEnter={applyMatter}
        />
        <Button onClick={applyMatter}>筛选</Button>
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
          expandable={{ expandedRowRender: (e) => <AuditRowDetail e={e} />, expandRowByClick: true }}
          locale={{ emptyText: <EmptyState description="暂无审计记录" /> }}
          pagination={serverPagination(page, PAGE_SIZE, q.data?.total, setPage, { unit: '条', small: true, capped: q.data?.totalCapped })}
        />
      )}
    </>
  );
}
