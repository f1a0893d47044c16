import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { LinkOutlined } from '@ant-design/icons';
import { Link as RouterLink } from 'react-router';
import { EmptyState } from '../../../components/EmptyState';
import { nn } from '../../../lib/forms';
import type { Link, MatterDetail } from '../../../lib/types';
import { searchMatters, type MatterMutations } from '../api';
import { KIND_LABELS, LINK_LABELS } from '../labels';
import { useActionError } from './useActionError';

function MatterSearchSelect({ excludeId, ...props }: { excludeId: string; value?: string; onChange?: (v: string) => void }) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let alive = true;
    const t = setTimeout(async () => {
      setLoading(true);
      try {
        const page = await searchMatters(q);
        if (alive)
          setOptions(
            page.items
              .filter((m) => m.id !== excludeId)
              .map((m) => ({ value: m.id, label: `${m.title}（${m.kindLabel || KIND_LABELS[m.kind] || m.kind} · ${m.statusLabel}）` })),
          );
      } catch {
        if (alive) setOptions([]);
      } finally {
        if (alive) setLoading(false);
      }
    }, 300);
    return () => {
      alive = false;
      clearTimeout(t);
    };
  }, [q, excludeId]);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder="输入名称搜索事项"
      loading={loading}
      options={options}
      notFoundContent={loading ? '搜索中…' : '没有找到事项'}
      {...props}
    />
  );
}

export function LinksTab({ matter, mutations, canEdit }: { matter: MatterDetail; mutations: MatterMutations; canEdit: boolean }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ toId: string; kind: string; note?: string }>();
  const { message } = App.useApp();
  const onError = useActionError(mutations.refresh);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await mutations.link.mutateAsync({ toId: v.toId, kind: v.kind as Link['kind'], note: nn(v.note) });
      message.success('已关联');
      setOpen(false);
      form.resetFields();
    } catch (e) {
      onError(e, form);
    }
  };

  const columns: ColumnsType<Link> = [
    {
      title: '关系',
      dataIndex: 'kind',
      width: 140,
      render: (v: Link['kind'], l) => <Tag>{l.direction === 'in' ? `被${LINK_LABELS[v]}` : LINK_LABELS[v]}</Tag>,
    },
    { title: '关联事项', dataIndex: 'otherTitle', render: (v: string, l) => <RouterLink to={`/matters/${l.otherId}`}>{v}</RouterLink> },
    { title: '类型', dataIndex: 'otherKind', width: 110, responsive: ['sm'], render: (v: string) => KIND_LABELS[v] ?? v },
    { title: '说明', dataIndex: 'note', responsive: ['md'], render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      {canEdit && (
        <div className="xt-toolbar">
          <Button icon={<LinkOutlined />} onClick={() => setOpen(true)}>
            关联事项
          </Button>
        </div>
      )}
      <Table<Link>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={matter.links}
        pagination={false}
        locale={{ emptyText: <EmptyState description="暂无关联事项" /> }}
      />
      <Modal
        title="关联事项"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText="关联"
        confirmLoading={mutations.link.isPending}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'related' }}>
          <Form.Item name="toId" label="事项" rules={[{ required: true, message: '请选择要关联的事项' }]}>
            <MatterSearchSelect excludeId={matter.id} />
          </Form.Item>
          <Form.Item name="kind" label="关系" rules={[{ required: true, message: '请选择关系' }]}>
            <Select options={Object.entries(LINK_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
