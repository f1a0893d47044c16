import { useState } from 'react';
import { App, Button, Form, Grid, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '@xietiao/domain';
import { EmptyState } from '../../../components/EmptyState';
import { QueryError } from '../../../components/QueryError';
import { checkWith, nn } from '../../../lib/forms';
import { errorMessage } from '../../../lib/http';
import type { Department } from '../../../lib/types';
import { useCreateDepartment, useDeactivateDepartment, useDepartments, usePatchDepartment } from '../api';
import { isStale, placeServerError } from '../formErrors';
import '../org.css';

interface Values {
  name: string;
  shortName?: string;
  functions: string[];
  sort: number;
}

const DEPARTMENT_FIELDS = ['name', 'shortName', 'functions', 'sort'];

function DepartmentForm({ dept, open, onClose }: { dept: Department | null; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateDepartment();
  const patch = usePatchDepartment();
  const { message } = App.useApp();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    // blank lines are dropped; the remaining lines keep their order
    const functions = (v.functions ?? []).map((f) => (f ?? '').trim()).filter(Boolean);
    const parsed = checkWith(api.DepartmentInput, { name: v.name, shortName: nn(v.shortName), functions, sort: v.sort ?? 0 }, form);
    if (!parsed) return;
    try {
      if (dept) await patch.mutateAsync({ id: dept.id, version: dept.version, ...parsed });
      else await create.mutateAsync(parsed);
      message.success(dept ? '部门信息已保存' : '部门已新增');
      onClose();
    } catch (e) {
      if (isStale(e)) {
        message.warning('该部门已被他人修改，已刷新为最新数据，请重新编辑');
        onClose();
      } else if (!placeServerError(form, e, { fields: DEPARTMENT_FIELDS, lists: ['functions'], duplicateField: 'name' })) message.error(errorMessage(e));
    }
  };
  return (
    <Modal
      title={dept ? '编辑部门' : '新增部门'}
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText="保存"
      confirmLoading={create.isPending || patch.isPending}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        clearOnDestroy
        initialValues={
          dept ? { name: dept.name, shortName: dept.shortName ?? undefined, functions: dept.functions, sort: dept.sort } : { functions: [''], sort: 0 }
        }
      >
        <Form.Item name="name" label="部门名称" rules={[{ required: true, whitespace: true, message: '请输入部门名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Space wrap size={16}>
          <Form.Item name="shortName" label="简称">
            <Input maxLength={30} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="sort" label="排序号">
            <InputNumber min={0} max={9999} precision={0} style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Form.Item label="主要职能" extra="每项职能一行，可逐项修改；空行保存时忽略" style={{ marginBottom: 0 }}>
          <Form.List name="functions">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <div key={f.key} className="xt-org-function-row">
                    <span className="xt-org-function-no" aria-hidden>
                      {i + 1}.
                    </span>
                    <Form.Item name={f.name} style={{ flex: 1, marginBottom: 8 }}>
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 4 }}
                        maxLength={500}
                        aria-label={`职能 ${i + 1}`}
                        placeholder="如：负责机关文电、会务、机要、督查等工作"
                      />
                    </Form.Item>
                    <Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除职能 ${i + 1}`} onClick={() => remove(f.name)} />
                  </div>
                ))}
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add('')} disabled={fields.length >= 50} style={{ marginBottom: 16 }}>
                  添加一项职能
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DepartmentsTab({ canEdit }: { canEdit: boolean }) {
  const q = useDepartments();
  const deactivate = useDeactivateDepartment();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Department | null | 'new'>(null);
  // on a phone the 主要职能 and 联络员 columns are hidden: a row expands to show them
  const narrow = !Grid.useBreakpoint().md;
  if (q.isError) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const items = [...(q.data?.items ?? [])].sort((a, b) => a.sort - b.sort);

  const columns: ColumnsType<Department> = [
    {
      title: '部门',
      dataIndex: 'name',
      width: 180,
      render: (v: string, d) => (
        <Space size={4} wrap>
          <span>{v}</span>
          {!d.active && <Tag>已停用</Tag>}
        </Space>
      ),
    },
    {
      title: '主要职能',
      dataIndex: 'functions',
      responsive: ['md'],
      render: (fs: string[]) =>
        fs.length ? (
          <Space size={[4, 4]} wrap>
            {fs.map((f, i) => (
              <Tag key={i} color="geekblue" style={{ whiteSpace: 'normal' }}>
                {f}
              </Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: '联络员',
      dataIndex: 'liaisons',
      width: 140,
      responsive: ['sm'],
      render: (ls: Department['liaisons']) => (ls.length ? ls.map((l) => l.name).join('、') : '—'),
    },
    {
      title: '分管领导',
      dataIndex: 'leaders',
      width: 180,
      render: (ls: Department['leaders']) => (ls.length ? ls.map((l) => `${l.name}（${l.post}）`).join('、') : '—'),
    },
    ...(canEdit
      ? [
          {
            title: '操作',
            key: 'op',
            width: 130,
            render: (_: unknown, d: Department) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(d)}>
                  编辑
                </Button>
                {d.active && (
                  <Popconfirm
                    title={`确定停用「${d.name}」吗？`}
                    description="停用后该部门不再出现在部门列表和选择框中。"
                    onConfirm={() =>
                      deactivate.mutate(
                        { id: d.id, version: d.version },
                        {
                          onSuccess: () => message.success('已停用'),
                          onError: (e) => (isStale(e) ? message.warning('该部门已被他人修改，已刷新为最新数据') : message.error(errorMessage(e))),
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
      {canEdit && (
        <div className="xt-toolbar">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增部门
          </Button>
        </div>
      )}
      <Table<Department>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={q.isPending}
        pagination={items.length > 20 ? { pageSize: 20, size: 'small' } : false}
        expandable={
          narrow
            ? {
                rowExpandable: (d) => d.functions.length > 0 || d.liaisons.length > 0,
                expandedRowRender: (d) => (
                  <div className="xt-org-dept-more">
                    {d.functions.length > 0 && (
                      <ol>
                        {d.functions.map((f, i) => (
                          <li key={i}>{f}</li>
                        ))}
                      </ol>
                    )}
                    {d.liaisons.length > 0 && <div>联络员：{d.liaisons.map((l) => l.name).join('、')}</div>}
                  </div>
                ),
              }
            : undefined
        }
        locale={{ emptyText: <EmptyState description="暂无部门" /> }}
      />
      <DepartmentForm open={editing !== null} dept={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
    </>
  );
}
