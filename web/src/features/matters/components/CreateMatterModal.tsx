import { Alert, App, Form, Input, InputNumber, Modal, Radio, Switch } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '@xietiao/domain';
import { DepartmentSelect, PersonSelect } from '../../../components/Pickers';
import { applyServerError, checkWith, nn } from '../../../lib/forms';
import { errorMessage } from '../../../lib/http';
import { useCreateMatter } from '../api';
import { PRIORITY_LABELS } from '../labels';

interface Values {
  title: string;
  description?: string;
  priority: 'normal' | 'urgent' | 'very_urgent';
  departmentId?: string;
  ownerId?: string;
  dueWorkingDays?: number | null;
  restricted: boolean;
  accessUserIds: string[];
  accessDepartmentIds: string[];
}

/** 新建协调事项 — the form follows CreateMatterBody. */
export function CreateMatterModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateMatter();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const restricted = Form.useWatch('restricted', form);

  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = checkWith(
      api.CreateMatterBody,
      {
        kind: 'coordination',
        title: v.title,
        description: nn(v.description),
        priority: v.priority,
        departmentId: v.departmentId ?? null,
        ownerId: v.ownerId ?? null,
        dueWorkingDays: v.dueWorkingDays ?? null,
        restricted: !!v.restricted,
        accessUserIds: v.accessUserIds ?? [],
        accessDepartmentIds: v.accessDepartmentIds ?? [],
      },
      form,
    );
    if (!body) return;
    try {
      const m = await create.mutateAsync(body);
      message.success('协调事项已登记');
      form.resetFields();
      onClose();
      navigate(`/matters/${m.id}`);
    } catch (e) {
      if (!applyServerError(form, e)) message.error(errorMessage(e));
    }
  };

  return (
    <Modal
      title="新建协调事项"
      open={open}
      onCancel={onClose}
      onOk={onOk}
      okText="登记"
      confirmLoading={create.isPending}
      destroyOnHidden
      width={640}
      forceRender
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="本系统为非涉密系统，不得登记、处理涉密事项。" />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ priority: 'normal', restricted: false, accessUserIds: [], accessDepartmentIds: [] }}
        requiredMark="optional"
      >
        <Form.Item
          name="title"
          htmlFor="matter-title"
          label="事项名称"
          rules={[
            { required: true, whitespace: true, message: '请输入事项名称' },
            { max: 200, message: '不能超过200个字符' },
          ]}
        >
          <Input id="matter-title" placeholder="如：关于协调解决某项工作中部门职责交叉问题" maxLength={200} showCount />
        </Form.Item>
        <Form.Item name="description" htmlFor="matter-description" label="事项说明">
          <Input.TextArea id="matter-description" rows={4} maxLength={5000} placeholder="背景、需协调的问题、各方诉求等" />
        </Form.Item>
        <Form.Item name="priority" label="紧急程度">
          <Radio.Group optionType="button" options={Object.entries(PRIORITY_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', columnGap: 16 }}>
          <Form.Item name="departmentId" label="牵头部门">
            <DepartmentSelect />
          </Form.Item>
          <Form.Item name="ownerId" label="负责人">
            <PersonSelect />
          </Form.Item>
          <Form.Item name="dueWorkingDays" label="办理期限（工作日）" extra="按法定节假日和调休安排顺延">
            <InputNumber min={1} max={250} precision={0} style={{ width: '100%' }} placeholder="如 5" suffix="个工作日" />
          </Form.Item>
          <Form.Item name="restricted" label="限定知悉范围" valuePropName="checked" extra="开启后仅下列人员、部门及经办人可见">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </div>
        {restricted && (
          <>
            <Form.Item name="accessUserIds" label="知悉人员">
              <PersonSelect mode="multiple" />
            </Form.Item>
            <Form.Item name="accessDepartmentIds" label="知悉部门">
              <DepartmentSelect mode="multiple" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
