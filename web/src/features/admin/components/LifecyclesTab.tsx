import { Card, Space, Table, Tag } from 'antd';
import { GUARD_MESSAGES, LIFECYCLES } from '@xietiao/domain/lifecycles/index';
import { EmptyState } from '../../../components/EmptyState';
import { QueryError } from '../../../components/QueryError';
import { roleLabel } from '../../../lib/roles';
import type { LifecycleInfo } from '../../../lib/types';
import { useLifecycles } from '../api';

const RELATIVE_ROLES: Record<string, string> = { office: '办公室人员', owner: '事项负责人', leader: '领导' };
const who = (r: string) => RELATIVE_ROLES[r] ?? roleLabel(r);

function LifecycleCard({ lc }: { lc: LifecycleInfo }) {
  const states = Array.isArray(lc.states)
    ? lc.states.map((s) => ({ ...s, code: s.state }))
    : Object.entries(lc.states).map(([code, s]) => ({ ...s, state: code, code }));
  const events = Array.isArray(lc.events)
    ? lc.events.map((e) => ({ ...e, code: e.event }))
    : Object.entries(lc.events).map(([code, e]) => ({ ...e, event: code, code }));
  const label = (s: string) => states.find((x) => x.code === s)?.label ?? s;
  return (
    <Card size="small" title={`${lc.label}（${lc.kind}）`} style={{ marginBottom: 16 }}>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        style={{ marginBottom: 16 }}
        title={() => '状态'}
        dataSource={states}
        columns={[
          { title: '状态', dataIndex: 'label', width: 160 },
          { title: '代码', dataIndex: 'code', width: 180, render: (v: string) => <code>{v}</code> },
          {
            title: '说明',
            key: 'flags',
            render: (_, s) => (
              <Space size={4}>
                {s.code === lc.initial && <Tag color="blue">初始状态</Tag>}
                {s.terminal && <Tag>终止状态</Tag>}
              </Space>
            ),
          },
        ]}
      />
      {/* the wide table scrolls inside a box that takes the focus, so the keyboard can scroll it too (WCAG 2.1.1) */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be focusable to be scrolled with the keyboard */}
      <section className="xt-scroll-x" tabIndex={0} aria-label={`${lc.label}的操作（流转）`}>
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          title={() => '操作（流转）'}
          dataSource={events}
          columns={[
            { title: '操作', dataIndex: 'label', width: 130 },
            { title: '代码', dataIndex: 'code', width: 160, render: (v: string) => <code>{v}</code> },
            { title: '适用状态', dataIndex: 'from', render: (v: string[]) => v.map(label).join('、') },
            { title: '流转至', dataIndex: 'to', width: 120, render: (v: string) => <Tag color="blue">{label(v)}</Tag> },
            { title: '可操作人', dataIndex: 'by', render: (v: string[]) => v.map(who).join('、') },
            {
              title: '前置条件',
              dataIndex: 'guards',
              render: (v?: string[]) => (v?.length ? v.map((g) => GUARD_MESSAGES[g] ?? g).join('；') : '—'),
            },
            {
              title: '需填意见',
              dataIndex: 'needsComment',
              width: 90,
              render: (v: boolean | undefined, e) => ((v ?? LIFECYCLES[lc.kind]?.events[e.code]?.needsComment) ? '是' : '否'),
            },
          ]}
        />
      </section>
    </Card>
  );
}

/** 流程定义: every matter kind's lifecycle, as the server runs it. */
export function LifecyclesTab() {
  const q = useLifecycles();
  if (q.isError) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  if (q.isPending) return <Card loading />;
  if (q.data.items.length === 0) return <EmptyState description="暂无流程定义" />;
  return (
    <>
      {q.data.items.map((lc) => (
        <LifecycleCard key={lc.kind} lc={lc} />
      ))}
    </>
  );
}
