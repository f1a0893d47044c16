import { useMemo, useState } from 'react';
import { Empty, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useOrgans } from '../../org/api';
import { fmtDateTime } from '../../../lib/format';
import { QueryError } from '../../../components/QueryError';
import { useVersionDiff, type OutgoingDetail, type VersionDiff } from '../api';
import { DRAFT_FIELD_LABELS } from '../labels';
import { BODY_LEVEL_LABELS } from '@xietiao/domain';

type Change = VersionDiff['changes'][number];
const KIND_LABELS: Record<string, string> = { added: '新增', removed: '删除', changed: '修改' };
const KIND_COLORS: Record<string, string> = { added: 'green', removed: 'red', changed: 'blue' };

/** `['body', 1, 'text']` → 正文第2段文字; `['mainTo', 0]` → 主送机关第1项. */
function fieldName(path: (string | number)[]): string {
  const [head, ...rest] = path;
  let out = DRAFT_FIELD_LABELS[String(head)] ?? String(head);
  for (const p of rest) {
    if (typeof p === 'number') out += head === 'body' ? `第${p + 1}段` : `第${p + 1}项`;
    else out += DRAFT_FIELD_LABELS[p] ?? p;
  }
  return out;
}

/** The diff of two draft versions, field by field, in words a reader checks. */
export function DiffView({ changes, organName }: { changes: Change[]; organName: (id: string) => string | undefined }) {
  const show = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return '（空）';
    if (Array.isArray(v)) return v.map(show).join('、') || '（无）';
    if (typeof v === 'object') {
      const o = v as { level?: number; text?: string };
      return o.text !== undefined ? `${o.level ? `［${BODY_LEVEL_LABELS[o.level]}］` : ''}${o.text}` : JSON.stringify(v);
    }
    if (typeof v === 'number' && v in BODY_LEVEL_LABELS) return BODY_LEVEL_LABELS[v];
    return organName(String(v)) ?? String(v);
  };
  if (!changes.length) return <Empty description="两个版本内容相同" />;
  return (
    <ul className="xt-out-diff" data-testid="diff">
      {changes.map((c, i) => (
        <li key={`${c.field}-${i}`}>
          <div>
            <Tag color={KIND_COLORS[c.kind]}>{KIND_LABELS[c.kind]}</Tag>
            <strong>{fieldName(c.path)}</strong>
          </div>
          {c.parts && c.parts.length > 0 && typeof c.parts[0].value === 'string' ? (
            <p className="xt-out-diff-text">
              {c.parts.map((p, j) =>
                p.op === 'added' ? (
                  <ins key={j}>{String(p.value)}</ins>
                ) : p.op === 'removed' ? (
                  <del key={j}>{String(p.value)}</del>
                ) : (
                  <span key={j}>{String(p.value)}</span>
                ),
              )}
            </p>
          ) : (
            <p className="xt-out-diff-text">
              {c.kind !== 'added' && <del>{show(c.before)}</del>}
              {c.kind === 'changed' && ' → '}
              {c.kind !== 'removed' && <ins>{show(c.after)}</ins>}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** 版本: every saved draft; pick two and read what changed. */
export function VersionsPanel({ d }: { d: OutgoingDetail }) {
  const versions = d.draftVersions;
  const ordinal = useMemo(() => new Map(versions.map((v, i) => [v.no, i + 1])), [versions]);
  const [from, setFrom] = useState<number | null>(versions.length > 1 ? versions[versions.length - 2].no : null);
  const [to, setTo] = useState<number | null>(versions.at(-1)?.no ?? null);
  const diff = useVersionDiff(d.id, from, to);
  const organs = useOrgans();
  const names = useMemo(() => new Map((organs.data?.items ?? []).map((o) => [o.id, o.name])), [organs.data]);
  if (!versions.length) return <Empty description="尚未保存文稿" />;
  const options = versions.map((v) => ({ value: v.no, label: `第${ordinal.get(v.no)}稿` }));
  return (
    <>
      <Table
        rowKey="no"
        size="small"
        pagination={false}
        dataSource={versions}
        columns={[
          { title: '稿次', key: 'no', width: 80, render: (_, v) => `第${ordinal.get(v.no)}稿` },
          { title: '修改人', dataIndex: 'authorName', width: 110 },
          { title: '保存时间', dataIndex: 'createdAt', width: 190, render: (v: string) => fmtDateTime(v) },
          { title: '修改说明', dataIndex: 'reason' },
        ]}
      />
      {versions.length > 1 && (
        <section aria-labelledby="out-diff-h" className="xt-out-diff-box">
          <Typography.Title level={2} className="xt-out-h" id="out-diff-h">
            比较两稿
          </Typography.Title>
          <Space wrap>
            <Select aria-label="比较的前一稿" value={from} onChange={setFrom} options={options} style={{ width: 120 }} />
            <span>与</span>
            <Select aria-label="比较的后一稿" value={to} onChange={setTo} options={options} style={{ width: 120 }} />
          </Space>
          <div style={{ marginTop: 12 }}>
            {from === to ? (
              <Typography.Text type="secondary">请选择两个不同的稿次</Typography.Text>
            ) : diff.isError ? (
              <QueryError error={diff.error} onRetry={() => diff.refetch()} />
            ) : diff.isPending ? (
              <Spin />
            ) : (
              <DiffView changes={diff.data.changes} organName={(id) => names.get(id)} />
            )}
          </div>
        </section>
      )}
    </>
  );
}
