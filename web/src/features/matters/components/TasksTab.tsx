import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Radio, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '@xietiao/domain';
import { ChineseDate } from '../../../components/ChineseDate';
import { EmptyState } from '../../../components/EmptyState';
import { DepartmentSelect, PersonSelect } from '../../../components/Pickers';
import { StatusTag, TASK_STATUS_LABELS } from '../../../components/StatusTag';
import { checkWith } from '../../../lib/forms';
import { isOffice } from '../../../lib/roles';
import type { MatterDetail, Me, Task } from '../../../lib/types';
import type { MatterMutations } from '../api';
import { useActionError } from './useActionError';

interface AddValues {
  title: string;
  assigneeType: 'user' | 'department';
  assigneeUserId?: string;
  assigneeDepartmentId?: string;
  dueWorkingDays?: number | null;
}

export function TasksTab({ matter, me, mutations, canManage }: { matter: MatterDetail; me: Me; mutations: MatterMutations; canManage: boolean }) {
  const [adding, setAdding] = useState(false);
  const [completing, setCompleting] = useState<Task | null>(null);
  const [addForm] = Form.useForm<AddValues>();
  const [doneForm] = Form.useForm<{ result: string }>();
  const { message } = App.useApp();
  const onError = useActionError(mutations.refresh);
  const assigneeType = Form.useWatch('assigneeType', addForm);

  const mayComplete = (t: Task) =>
    t.status === 'open' && (t.assigneeUserId === me.id || (!!t.assigneeDepartmentId && t.assigneeDepartmentId === me.departmentId) || isOffice(me) || matter.ownerId === me.id);

  const submitAdd = async () => {
    const v = await addForm.validateFields().catch(() => null);
    if (!v) return;
    const body = checkWith(
      api.CreateTaskBody,
      {
        title: v.title,
        kind: 'handle',
        assigneeUserId: v.assigneeType === 'user' ? (v.assigneeUserId ?? null) : null,
        assigneeDepartmentId: v.assigneeType === 'department' ? (v.assigneeDepartmentId ?? null) : null,
        dueWorkingDays: v.dueWorkingDays ?? null,
      },
      addForm,
    );
    if (!body) return;
    try {
      await mutations.addTask.mutateAsync(body);
      message.success('任务已交办');
      setAdding(false);
      addForm.resetFields();
    } catch (e) {
      onError(e, addForm);
    }
  };

  const submitDone = async () => {
    if (!completing) return;
    const v = await doneForm.validateFields().catch(() => null);
    if (!v) return;
    try {
      await mutations.completeTask.mutateAsync({ id: completing.id, version: completing.version, result: v.result.trim() });
      message.success('任务已办结');
      setCompleting(null);
      doneForm.resetFields();
    } catch (e) {
      if (onError(e, doneForm)) setCompleting(null);
    }
  };

  const columns: ColumnsType<Task> = [
    { title: '任务', dataIndex: 'title', render: (v: string, t) => <span>{v}{t.result && <div className="xt-pre" style={{ color: 'rgba(0,0,0,.55)', fontSize: 13 }}>办理结果：{t.result}</div>}</span> },
    {
      title: '承办',
      key: 'assignee',
      width: 160,
      responsive: ['sm'],
      render: (_, t) => t.assigneeUserName ?? t.assigneeDepartmentName ?? '—',
    },
    { title: '期限', dataIndex: 'dueDate', width: 200, responsive: ['md'], render: (_, t) => <ChineseDate value={t.dueDate} overdue={t.overdue && t.status === 'open'} showLeft={t.status === 'open'} /> },
    { title: '状态', dataIndex: 'status', width: 90, render: (v: string) => <StatusTag status={v} label={TASK_STATUS_LABELS[v]} /> },
    {
      title: '操作',
      key: 'op',
      width: 90,
      render: (_, t) =>
        mayComplete(t) ? (
          <Button size="small" type="link" onClick={() => setCompleting(t)}>
            办结
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      {canManage && (
        <div className="xt-toolbar">
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            交办任务
          </Button>
        </div>
      )}
      <Table<Task>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={matter.tasks}
        pagination={matter.tasks.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: <EmptyState description="尚未交办任务" /> }}
      />
      {(
        <>
          <Modal title="交办任务" open={adding} onCancel={() => setAdding(false)} onOk={submitAdd} okText="交办" confirmLoading={mutations.addTask.isPending} destroyOnHidden forceRender>
            <Form<AddValues> form={addForm} layout="vertical" initialValues={{ assigneeType: 'department' }}>
              <Form.Item name="title" label="任务内容" rules={[{ required: true, whitespace: true, message: '请填写任务内容' }]}>
                <Input id="task-title" maxLength={200} placeholder="如：提出本部门意见并报送办公室" />
              </Form.Item>
              <Form.Item name="assigneeType" label="承办方">
                <Radio.Group optionType="button" options={[{ value: 'department', label: '部门' }, { value: 'user', label: '人员' }]} />
              </Form.Item>
              {assigneeType === 'user' ? (
                <Form.Item name="assigneeUserId" label="承办人" rules={[{ required: true, message: '请选择承办人' }]}>
                  <PersonSelect />
                </Form.Item>
              ) : (
                <Form.Item name="assigneeDepartmentId" label="承办部门" rules={[{ required: true, message: '请选择承办部门' }]}>
                  <DepartmentSelect />
                </Form.Item>
              )}
              <Form.Item name="dueWorkingDays" label="办理期限（工作日）" extra="从今天起算，遇法定节假日顺延">
                <InputNumber min={1} max={250} precision={0} style={{ width: 200 }} suffix="个工作日" />
              </Form.Item>
            </Form>
          </Modal>
          <Modal title="办结任务" open={!!completing} onCancel={() => setCompleting(null)} onOk={submitDone} okText="办结" confirmLoading={mutations.completeTask.isPending} destroyOnHidden forceRender>
            {completing && <Typography.Paragraph>任务：{completing.title}</Typography.Paragraph>}
            <Form form={doneForm} layout="vertical">
              <Form.Item name="result" label="办理结果" rules={[{ required: true, whitespace: true, message: '请填写办理结果' }]}>
                <Input.TextArea id="task-result" rows={4} maxLength={2000} showCount />
              </Form.Item>
            </Form>
          </Modal>
        </>
      )}
    </>
  );
}
