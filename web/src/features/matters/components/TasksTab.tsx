import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Radio, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { api, formatChineseDate, type TaskAction } from '@xietiao/domain';
import { ChineseDate } from '../../../components/ChineseDate';
import { EmptyState } from '../../../components/EmptyState';
import { DatePicker, DepartmentSelect, PersonSelect } from '../../../components/Pickers';
import { StatusTag, TASK_STATUS_LABELS } from '../../../components/StatusTag';
import { checkWith } from '../../../lib/forms';
import { fmtDateTime } from '../../../lib/format';
import type { MatterDetail, Task } from '../../../lib/types';
import type { MatterMutations } from '../api';
import { useActionError } from './useActionError';

/** The proposed new deadline: a week after the old one, and never before tomorrow. */
function defaultExtension(due: string | null): Dayjs {
  const tomorrow = dayjs().add(1, 'day').startOf('day');
  const later = due ? dayjs(due).add(7, 'day') : tomorrow.add(6, 'day');
  return later.isBefore(tomorrow) ? tomorrow : later;
}

interface AddValues {
  title: string;
  assigneeType: 'user' | 'department';
  assigneeUserId?: string;
  assigneeDepartmentId?: string;
  dueWorkingDays?: number | null;
}

export function TasksTab({ matter, mutations, canManage }: { matter: MatterDetail; mutations: MatterMutations; canManage: boolean }) {
  const [adding, setAdding] = useState(false);
  const [completing, setCompleting] = useState<Task | null>(null);
  const [addForm] = Form.useForm<AddValues>();
  const [doneForm] = Form.useForm<{ result: string }>();
  const { message } = App.useApp();
  const onError = useActionError(mutations.refresh);
  const assigneeType = Form.useWatch('assigneeType', addForm);

  const [chasing, setChasing] = useState<Task | null>(null);
  const [extending, setExtending] = useState<Task | null>(null);
  const [chaseForm] = Form.useForm<{ note?: string }>();
  const [extendForm] = Form.useForm<{ dueDate: Dayjs; reason: string }>();

  // The buttons are the server's answer for each task (办结 by its assignee; 催办/延期 by whoever may assign tasks).
  const may = (t: Task, a: TaskAction) => t.allowedActions?.includes(a) ?? false;

  const submitChase = async () => {
    if (!chasing) return;
    const v = await chaseForm.validateFields().catch(() => null);
    if (!v) return;
    try {
      await mutations.chaseTask.mutateAsync({ id: chasing.id, note: v.note?.trim() || null });
      message.success('已催办，承办方已收到提醒');
      setChasing(null);
      chaseForm.resetFields();
    } catch (e) {
      if (onError(e, chaseForm)) setChasing(null);
    }
  };
  const submitExtend = async () => {
    if (!extending) return;
    const v = await extendForm.validateFields().catch(() => null);
    if (!v) return;
    try {
      await mutations.extendTask.mutateAsync({ id: extending.id, dueDate: v.dueDate.format('YYYY-MM-DD'), reason: v.reason.trim() });
      message.success('期限已延长');
      setExtending(null);
      extendForm.resetFields();
    } catch (e) {
      if (onError(e, extendForm)) setExtending(null);
    }
  };

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
    {
      title: '任务',
      dataIndex: 'title',
      render: (v: string, t) => (
        <span>
          {v}
          {t.result && (
            <div className="xt-pre" style={{ color: 'rgba(0,0,0,.65)', fontSize: 13 }}>
              办理结果：{t.result}
            </div>
          )}
          {t.chases.length > 0 && (
            <Tooltip title={t.chases.map((c) => `${fmtDateTime(c.at)} ${c.byName ?? '系统提醒'}${c.note ? `：${c.note}` : ''}`).join('\n')}>
              <div className="xt-task-chases" style={{ color: 'rgba(0,0,0,.65)', fontSize: 13 }}>
                已催办{t.chases.length}次（最近：{fmtDateTime(t.chases[t.chases.length - 1].at)}，{t.chases[t.chases.length - 1].byName ?? '系统提醒'}）
              </div>
            </Tooltip>
          )}
        </span>
      ),
    },
    {
      title: '承办',
      key: 'assignee',
      width: 160,
      responsive: ['sm'],
      render: (_, t) => t.assigneeUserName ?? t.assigneeDepartmentName ?? '—',
    },
    {
      title: '期限',
      dataIndex: 'dueDate',
      width: 200,
      responsive: ['md'],
      render: (_, t) => (
        <>
          <ChineseDate value={t.dueDate} overdue={t.overdue && t.status === 'open'} showLeft={t.status === 'open'} />
          {t.dueDateWarning && (
            <Tooltip title={t.dueDateWarning}>
              <Tag color="warning" className="xt-date-tag xt-due-warning">
                期限待核对
              </Tag>
            </Tooltip>
          )}
        </>
      ),
    },
    { title: '状态', dataIndex: 'status', width: 90, render: (v: string) => <StatusTag status={v} label={TASK_STATUS_LABELS[v]} /> },
    {
      title: '操作',
      key: 'op',
      width: 150,
      render: (_, t) => (
        <Space size={0} wrap>
          {may(t, 'complete') && (
            <Button size="small" type="link" onClick={() => setCompleting(t)}>
              办结
            </Button>
          )}
          {may(t, 'chase') && (
            <Button size="small" type="link" onClick={() => setChasing(t)}>
              催办
            </Button>
          )}
          {may(t, 'extend') && (
            <Button
              size="small"
              type="link"
              onClick={() => {
                setExtending(t);
                extendForm.setFieldsValue({ dueDate: defaultExtension(t.dueDate) });
              }}
            >
              延期
            </Button>
          )}
        </Space>
      ),
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
      {
        <>
          <Modal
            title="交办任务"
            open={adding}
            onCancel={() => setAdding(false)}
            onOk={submitAdd}
            okText="交办"
            confirmLoading={mutations.addTask.isPending}
            destroyOnHidden
            forceRender
          >
            <Form<AddValues> form={addForm} layout="vertical" initialValues={{ assigneeType: 'department' }}>
              <Form.Item name="title" htmlFor="task-title" label="任务内容" rules={[{ required: true, whitespace: true, message: '请填写任务内容' }]}>
                <Input id="task-title" maxLength={200} placeholder="如：提出本部门意见并报送办公室" />
              </Form.Item>
              <Form.Item name="assigneeType" label="承办方">
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'department', label: '部门' },
                    { value: 'user', label: '人员' },
                  ]}
                />
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
          <Modal
            title="催办"
            open={!!chasing}
            onCancel={() => setChasing(null)}
            onOk={submitChase}
            okText="催办"
            confirmLoading={mutations.chaseTask.isPending}
            destroyOnHidden
            forceRender
          >
            {chasing && (
              <Typography.Paragraph>
                任务：{chasing.title}（{chasing.assigneeUserName ?? chasing.assigneeDepartmentName}）
              </Typography.Paragraph>
            )}
            <Form form={chaseForm} layout="vertical">
              <Form.Item name="note" htmlFor="task-chase-note" label="催办说明（可不填）">
                <Input.TextArea id="task-chase-note" rows={3} maxLength={500} showCount placeholder="如：请于本周五前反馈办理情况" />
              </Form.Item>
            </Form>
          </Modal>
          <Modal
            title="延长期限"
            open={!!extending}
            onCancel={() => setExtending(null)}
            onOk={submitExtend}
            okText="延期"
            confirmLoading={mutations.extendTask.isPending}
            destroyOnHidden
            forceRender
          >
            {extending && (
              <Typography.Paragraph>
                任务：{extending.title}；原期限：{extending.dueDate ? formatChineseDate(extending.dueDate) : '未设期限'}
              </Typography.Paragraph>
            )}
            <Form form={extendForm} layout="vertical">
              <Form.Item name="dueDate" htmlFor="task-extend-date" label="新的期限" rules={[{ required: true, message: '请选择新的期限' }]}>
                <DatePicker id="task-extend-date" disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
              </Form.Item>
              <Form.Item name="reason" htmlFor="task-extend-reason" label="延期理由" rules={[{ required: true, whitespace: true, message: '请写明延期理由' }]}>
                <Input.TextArea id="task-extend-reason" rows={3} maxLength={500} showCount />
              </Form.Item>
            </Form>
          </Modal>
          <Modal
            title="办结任务"
            open={!!completing}
            onCancel={() => setCompleting(null)}
            onOk={submitDone}
            okText="办结"
            confirmLoading={mutations.completeTask.isPending}
            destroyOnHidden
            forceRender
          >
            {completing && <Typography.Paragraph>任务：{completing.title}</Typography.Paragraph>}
            <Form form={doneForm} layout="vertical">
              <Form.Item name="result" htmlFor="task-result" label="办理结果" rules={[{ required: true, whitespace: true, message: '请填写办理结果' }]}>
                <Input.TextArea id="task-result" rows={4} maxLength={2000} showCount />
              </Form.Item>
            </Form>
          </Modal>
        </>
      }
    </>
  );
}
