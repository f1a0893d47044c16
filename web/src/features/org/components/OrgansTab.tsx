import { useMemo, useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { api } from '@xietiao/domain';
import { EmptyState } from '../../../components/EmptyState';
import { QueryError } from '../../../components/QueryError';
import { checkWith, nn } from '../../../lib/forms';
import { errorMessage } from '../../../lib/http';
import type { Organ, OrganRelation } from '../../../lib/types';
import { fetchRelation, useCreateOrgan, useDeactivateOrgan, useOrgans, usePatchOrgan } from '../api';
import { isStale, placeServerError } from '../formErrors';
import '../org.css';

const ORGAN_FIELDS = ['name', 'shortName', 'kind', 'level', 'parentId', 'superiorIds', 'docCode'];

const { LEVEL_LABELS, ORGAN_KIND_VALUES } = api;
const levelLabel = (n: number) => LEVEL_LABELS[n] ?? `${n}级`;

const RELATION_TEXT: Record<OrganRelation['relation'], (a: string, b: string) => string> = {
  self: (a) => `两者为同一机关（${a}）。`,
  superior: (a, b) => `「${b}」是「${a}」的上级机关。${a}向${b}行文为上行文（如请示、报告）。`,
  subordinate: (a, b) => `「${b}」是「${a}」的下级机关。${a}向${b}行文为下行文（如通知、批复）。`,
  peer: (a, b) => `「${a}」与「${b}」为平级机关，相互行文一般用函。`,
  unrelated: (a, b) => `「${a}」与「${b}」不相隶属，相互行文一般用函。`,
};
const RELATION_COLORS: Record<string, string> = { self: 'default', superior: 'red', subordinate: 'blue', peer: 'green', unrelated: 'default' };

function RelationTool({ organs }: { organs: Organ[] }) {
  const [a, setA] = useState<string>();
  const [b, setB] = useState<string>();
  const [result, setResult] = useState<OrganRelation | null>(null);
  const [loading, setLoading] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  const name = (id: string) => organs.find((o) => o.id === id)?.name ?? id;
  const options = organs.map((o) => ({ value: o.id, label: o.isSelf ? `${o.name}（本机关）` : o.name }));
  const query = async () => {
    if (!a || !b) return;
    setLoading(true);
    setErr(null);
    try {
      setResult(await fetchRelation(a, b));
    } catch (e) {
      setResult(null);
      setErr(errorMessage(e));
    } finally {
      setLoading(false);
    }
  };
  return (
    <Card size="small" title="行文关系查询" style={{ marginBottom: 16 }} className="xt-relation-tool">
      <Space wrap align="center">
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择发文机关"
          className="xt-org-relation-select"
          options={options}
          value={a}
          onChange={(v) => {
            setA(v);
            setResult(null);
          }}
          aria-label="发文机关"
        />
        <Button
          type="text"
          icon={<SwapOutlined />}
          aria-label="交换"
          onClick={() => {
            setA(b);
            setB(a);
            setResult(null);
          }}
        />
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择收文机关"
          className="xt-org-relation-select"
          options={options}
          value={b}
          onChange={(v) => {
            setB(v);
            setResult(null);
          }}
          aria-label="收文机关"
        />
        <Button type="primary" disabled={!a || !b} loading={loading} onClick={query}>
          查询
        </Button>
      </Space>
      {err && (
        <Typography.Paragraph type="danger" style={{ marginTop: 8, marginBottom: 0 }}>
          {err}
        </Typography.Paragraph>
      )}
      {result && (
        <div className="xt-relation-result" data-relation={result.relation}>
          <Space wrap>
            <Typography.Text>{name(result.to)}</Typography.Text>
            <span>相对于</span>
            <Typography.Text>{name(result.from)}</Typography.Text>
            <span>：</span>
            <Tag color={RELATION_COLORS[result.relation]} style={{ fontSize: 14, padding: '2px 10px' }}>
              {result.label}
            </Tag>
          </Space>
          <div style={{ marginTop: 6, color: 'rgba(0,0,0,.65)' }}>{RELATION_TEXT[result.relation]?.(name(result.from), name(result.to))}</div>
        </div>
      )}
    </Card>
  );
}

interface OrganValues {
  name: string;
  shortName?: string;
  kind: string;
  level: number;
  parentId?: string | null;
  superiorIds: string[];
  docCode?: string;
}

function OrganForm({ organ, organs, open, onClose }: { organ: Organ | null; organs: Organ[]; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<OrganValues>();
  const create = useCreateOrgan();
  const patch = usePatchOrgan();
  const { message } = App.useApp();
  const others = organs.filter((o) => o.id !== organ?.id && o.active).map((o) => ({ value: o.id, label: o.name }));
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = {
      name: v.name,
      shortName: nn(v.shortName),
      kind: v.kind,
      level: v.level,
      parentId: v.parentId ?? null,
      superiorIds: v.superiorIds ?? [],
      docCode: nn(v.docCode),
    };
    const parsed = checkWith(api.OrganInput, body, form);
    if (!parsed) return;
    try {
      if (organ) await patch.mutateAsync({ id: organ.id, version: organ.version, ...parsed });
      else await create.mutateAsync(parsed);
      message.success(organ ? '机关信息已保存' : '机关已新增');
      onClose();
    } catch (e) {
      if (isStale(e)) {
        message.warning('该机关已被他人修改，已刷新为最新数据，请重新编辑');
        onClose();
      } else if (!placeServerError(form, e, { fields: ORGAN_FIELDS })) message.error(errorMessage(e));
    }
  };
  return (
    <Modal
      title={organ ? '编辑机关' : '新增机关'}
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText="保存"
      confirmLoading={create.isPending || patch.isPending}
      destroyOnHidden
      width={600}
    >
      <Form<OrganValues>
        form={form}
        layout="vertical"
        preserve={false}
        clearOnDestroy
        initialValues={
          organ ? { ...organ, shortName: organ.shortName ?? undefined, docCode: organ.docCode ?? undefined } : { level: 3, superiorIds: [], kind: '部门' }
        }
      >
        <Form.Item name="name" label="机关名称" rules={[{ required: true, whitespace: true, message: '请输入机关名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Space wrap size={16} style={{ width: '100%' }}>
          <Form.Item name="shortName" label="简称">
            <Input maxLength={50} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="docCode" label="发文机关代字">
            <Input maxLength={20} style={{ width: 160 }} placeholder="如 某府办" />
          </Form.Item>
        </Space>
        <Space wrap size={16}>
          <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
            <Select style={{ width: 180 }} options={ORGAN_KIND_VALUES.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          <Form.Item name="level" label="级别" rules={[{ required: true, message: '请选择级别' }]}>
            <Select style={{ width: 160 }} options={Object.entries(LEVEL_LABELS).map(([v, l]) => ({ value: Number(v), label: l }))} />
          </Form.Item>
        </Space>
        <Form.Item name="parentId" label="所属机关" extra="部门、办公厅（室）、内设机构等所隶属的机关">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={others} />
        </Form.Item>
        <Form.Item name="superiorIds" label="上级机关（领导机关）">
          <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={others} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function OrgansTab({ canEdit }: { canEdit: boolean }) {
  const q = useOrgans();
  const deactivate = useDeactivateOrgan();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Organ | null | 'new'>(null);
  const organs = useMemo(() => q.data?.items ?? [], [q.data]);
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const t = filter.trim();
    return t ? organs.filter((o) => [o.name, o.shortName, o.docCode].some((v) => v?.includes(t))) : organs;
  }, [organs, filter]);
  const nameOf = (id: string) => organs.find((o) => o.id === id)?.shortName ?? organs.find((o) => o.id === id)?.name ?? id;

  if (q.isError) return <QueryError error={q.error} onRetry={() => q.refetch()} />;

  const columns: ColumnsType<Organ> = [
    {
      title: '机关名称',
      dataIndex: 'name',
      render: (v: string, o) => (
        <Space size={4} wrap>
          <span>{v}</span>
          {o.isSelf && <Tag color="red">本机关</Tag>}
          {!o.active && <Tag>已停用</Tag>}
        </Space>
      ),
    },
    { title: '类别', dataIndex: 'kind', width: 110, responsive: ['sm'] },
    { title: '级别', dataIndex: 'level', width: 90, render: (v: number) => levelLabel(v) },
    {
      title: '上级机关',
      key: 'superiors',
      responsive: ['md'],
      render: (_, o) => {
        const ids = [...(o.parentId ? [o.parentId] : []), ...o.superiorIds.filter((s) => s !== o.parentId)];
        return ids.length ? (
          <Space size={4} wrap>
            {ids.map((s) => (
              <Tag key={s}>{nameOf(s)}</Tag>
            ))}
          </Space>
        ) : (
          '—'
        );
      },
    },
    { title: '发文机关代字', dataIndex: 'docCode', width: 120, responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    ...(canEdit
      ? [
          {
            title: '操作',
            key: 'op',
            width: 130,
            render: (_: unknown, o: Organ) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(o)}>
                  编辑
                </Button>
                {o.active && (
                  <Popconfirm
                    title={`确定停用「${o.name}」吗？`}
                    onConfirm={() =>
                      deactivate.mutate(
                        { id: o.id, version: o.version },
                        {
                          onSuccess: () => message.success('已停用'),
                          onError: (e) => (isStale(e) ? message.warning('该机关已被他人修改，已刷新为最新数据') : message.error(errorMessage(e))),
                        },
                      )
                    }
                  >
                    <Button type="link" size="small" danger>
                      停用
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <RelationTool organs={organs.filter((o) => o.active)} />
      <div className="xt-toolbar">
        <Input.Search
          allowClear
          placeholder="机关名称、简称、代字"
          style={{ width: 220 }}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          aria-label="查找机关"
        />
        <span className="grow" />
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增机关
          </Button>
        )}
      </div>
      <Table<Organ>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={shown}
        loading={q.isPending}
        pagination={shown.length > 20 ? { pageSize: 20, size: 'small', showTotal: (t) => `共 ${t} 个机关` } : false}
        locale={{ emptyText: <EmptyState description="暂无机关" /> }}
      />
      <OrganForm open={editing !== null} organ={editing === 'new' ? null : editing} organs={organs} onClose={() => setEditing(null)} />
    </>
  );
}
