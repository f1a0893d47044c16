import { useState } from 'react';
import { Alert, App, Button, Checkbox, Descriptions, Form, Input, Modal, Space, Tag } from 'antd';
import { ShareAltOutlined } from '@ant-design/icons';
import { EmptyState } from '../../../components/EmptyState';
import { DepartmentSelect, PersonSelect } from '../../../components/Pickers';
import { nn } from '../../../lib/forms';
import type { MatterDetail } from '../../../lib/types';
import type { MatterMutations } from '../api';
import { ACCESS_TYPE_LABELS } from '../labels';
import { useActionError } from './useActionError';

interface Values {
  userIds: string[];
  departmentIds: string[];
  toRead: boolean;
  note?: string;
}

/** 知悉范围: who may see the matter (need-to-know), and sharing it (optionally as 待阅). */
export function AccessTab({ matter, mutations, canShare }: { matter: MatterDetail; mutations: MatterMutations; canShare: boolean }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const onError = useActionError(mutations.refresh);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if ((v.userIds?.length ?? 0) + (v.departmentIds?.length ?? 0) === 0) {
      form.setFields([{ name: 'userIds', errors: ['请至少选择一个人员或部门'] }]);
      return;
    }
    try {
      await mutations.share.mutateAsync({ userIds: v.userIds ?? [], departmentIds: v.departmentIds ?? [], toRead: !!v.toRead, note: nn(v.note) });
      message.success(v.toRead ? '已扩大知悉范围并推送待阅' : '已扩大知悉范围');
      setOpen(false);
      form.resetFields();
    } catch (e) {
      onError(e, form);
    }
  };

  const groups = (['user', 'department', 'role'] as const).map((t) => ({ t, list: matter.access.filter((a) => a.type === t) }));
  return (
    <>
      <Alert
        type={matter.restricted ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 12 }}
        title={
          matter.restricted
            ? '本事项限定知悉范围：仅下列人员、部门及经办人员可以查看。'
            : '本事项未限定知悉范围：下列人员、部门及与本事项相关的办公室人员可以查看。'
        }
      />
      {canShare && (
        <div className="xt-toolbar">
          <Button icon={<ShareAltOutlined />} onClick={() => setOpen(true)}>
            扩大知悉范围 / 推送待阅
          </Button>
        </div>
      )}
      {matter.access.length === 0 ? (
        <EmptyState description="未单独指定知悉范围" />
      ) : (
        <Descriptions
          column={1}
          bordered
          size="small"
          items={groups
            .filter((g) => g.list.length > 0)
            .map((g) => ({
              key: g.t,
              label: ACCESS_TYPE_LABELS[g.t],
              children: (
                <Space wrap size={4}>
                  {g.list.map((a) => (
                    <Tag key={`${a.type}:${a.id}`}>{a.name}</Tag>
                  ))}
                </Space>
              ),
            }))}
        />
      )}
      <Modal
        title="扩大知悉范围"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText="确定"
        confirmLoading={mutations.share.isPending}
        destroyOnHidden
        forceRender
      >
        <Form<Values> form={form} layout="vertical" initialValues={{ userIds: [], departmentIds: [], toRead: true }}>
          <Form.Item name="userIds" label="人员">
            <PersonSelect mode="multiple" />
          </Form.Item>
          <Form.Item name="departmentIds" label="部门">
            <DepartmentSelect mode="multiple" />
          </Form.Item>
          <Form.Item name="toRead" valuePropName="checked">
            <Checkbox>同时推送到对方「待阅」</Checkbox>
          </Form.Item>
          <Form.Item name="note" label="附言">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
