import { useState } from 'react';
import { App, Button, Form, Grid, Input, Modal, Popconfirm, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api } from '@xietiao/domain';
import { ChineseDate } from '../../../components/ChineseDate';
import { EmptyState } from '../../../components/EmptyState';
import { PersonSelect, RangePicker } from '../../../components/Pickers';
import { QueryError } from '../../../components/QueryError';
import { useMe } from '../../../lib/auth';
import { checkWith, nn } from '../../../lib/forms';
import { fmtDateTime } from '../../../lib/format';
import { errorMessage } from '../../../lib/http';
import { canOrg } from '@xietiao/domain';
import { isLeader, isOffice } from '../../../lib/roles';
import type { Absence } from '../../../lib/types';
import { useAbsences, useCreateAbsence, useDeleteAbsence } from '../api';
import { placeServerError } from '../formErrors';
import '../org.css';

const { ABSENCE_LABELS } = api;
/** 12月9日 08:30 (the year only when it is not this year), for the narrow 时间 column. */
function shortDateTime(v: string): string {
  const text = fmtDateTime(v);
  return text.startsWith(`${new Date().getFullYear()}年`) ? text.replace(/^\d{4}年/, '') : text;
}

const KIND_COLORS: Record<string, string> = { leave: 'orange', trip: 'blue', business: 'geekblue', blocked: 'default' };

interface Values {
  userId: string;
  kind: Absence['kind'];
  range: [Dayjs, Dayjs];
  note?: string;
}

/** 请假外出: leaders' (and others') absences; office staff record them for leaders. */
export function AbsencesTab() {
  const me = useMe();
  const [userId, setUserId] = useState<string>();
  const q = useAbsences({ userId });
  const create = useCreateAbsence();
  const del = useDeleteAbsence();
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const narrow = !Grid.useBreakpoint().sm;
  // The office keeps leaders' calendars; administrators never act in workflows (org.policy: absence.write).
  const officeLike = isOffice(me);
  const canAdd = officeLike || isLeader(me);
  // the server's own rule (ORG_POLICY): the office or the person; an ended one only the office
  const canDelete = (a: Absence) => canOrg(me, 'absence.write', a.userId) && (a.endsAt > new Date().toISOString() || canOrg(me, 'absence.backfill'));

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = checkWith(
      api.AbsenceInput,
      { userId: officeLike ? v.userId : me.id, kind: v.kind, startsAt: v.range[0].format(), endsAt: v.range[1].format(), note: nn(v.note) },
      form,
      { startsAt: 'range', endsAt: 'range' },
    );
    if (!body) return;
    try {
      const saved = await create.mutateAsync(body);
      message.success('已登记');
      // ACT-6: activities the person was to attend are re-opened — say so to whoever recorded it
      if (saved.notices?.length) modal.warning({ title: '以下活动需重新协调出席领导', content: saved.notices.join('\n'), className: 'xt-absence-notices' });
      setOpen(false);
      form.resetFields();
    } catch (e) {
      if (!placeServerError(form, e, { fields: ['userId', 'kind', 'range', 'note'], aliases: { startsAt: 'range', endsAt: 'range' } }))
        message.error(errorMessage(e));
    }
  };

  if (q.isError) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const items = [...(q.data?.items ?? [])].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const columns: ColumnsType<Absence> = [
    { title: '人员', dataIndex: 'userName', width: narrow ? undefined : 120, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
    {
      title: '类型',
      dataIndex: 'kind',
      width: narrow ? undefined : 110,
      render: (v: Absence['kind']) => <Tag color={KIND_COLORS[v]}>{ABSENCE_LABELS[v] ?? v}</Tag>,
    },
    ...(narrow
      ? [
          {
            title: '时间',
            key: 'period',
            render: (_: unknown, a: Absence) => (
              <div className="xt-org-period">
                <span>{shortDateTime(a.startsAt)}</span>
                <span>至 {shortDateTime(a.endsAt)}</span>
              </div>
            ),
          },
        ]
      : [
          { title: '开始', dataIndex: 'startsAt', render: (v: string) => <ChineseDate value={v} time /> },
          { title: '结束', dataIndex: 'endsAt', render: (v: string) => <ChineseDate value={v} time /> },
        ]),
    { title: '备注', dataIndex: 'note', responsive: ['md'], render: (v: string | null) => v ?? '—' },
    {
      title: '操作',
      key: 'op',
      width: narrow ? 60 : 80,
      render: (_, a) =>
        canDelete(a) ? (
          <Popconfirm
            title="确定删除这条记录吗？"
            onConfirm={() => del.mutate(a.id, { onSuccess: () => message.success('已删除'), onError: (e) => message.error(errorMessage(e)) })}
          >
            <Button type="link" size="small" danger>
              删除
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
  return (
    <>
      <div className="xt-toolbar">
        <PersonSelect
          leadersOnly
          aria-label="按领导筛选"
          style={{ width: 220 }}
          value={userId}
          onChange={(v: string | undefined) => setUserId(v)}
          placeholder="全部领导"
        />
        <span className="grow" />
        {canAdd && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            登记请假外出
          </Button>
        )}
      </div>
      <Table<Absence>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={q.isPending}
        pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
        scroll={narrow ? undefined : { x: 'max-content' }}
        locale={{ emptyText: <EmptyState description="暂无请假外出记录" /> }}
      />
      <Modal
        title="登记请假外出"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText="登记"
        confirmLoading={create.isPending}
        destroyOnHidden
        forceRender
      >
        <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'trip', userId: officeLike ? undefined : me.id }}>
          {officeLike && (
            <Form.Item name="userId" label="领导" rules={[{ required: true, message: '请选择领导' }]}>
              <PersonSelect leadersOnly />
            </Form.Item>
          )}
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select options={Object.entries(ABSENCE_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="range" label="起止时间" rules={[{ required: true, message: '请选择起止时间' }]}>
            <RangePicker showTime={{ format: 'HH:mm' }} format="YYYY年M月D日 HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} maxLength={500} placeholder="如：赴省里参加会议" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
