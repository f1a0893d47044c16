import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '@xietiao/domain';
import { DepartmentSelect, PersonSelect } from '../../../components/Pickers';
import { useMe } from '../../../lib/auth';
import { applyServerError, checkWith } from '../../../lib/forms';
import { errorMessage } from '../../../lib/http';
import { isOffice } from '../../../lib/roles';
import { useCreateOutgoing } from '../api';
import { DOC_TYPE_OPTIONS, URGENCY_OPTIONS } from '../labels';

interface Values {
  title: string;
  draftingDepartmentId?: string;
  leaderIds: string[];
  docType?: string;
  urgency: 'none' | '加急' | '特急';
}

/** 新建发文 (OUT-1): the subject, the drafting department, the leaders it comes from, the intended 文种 and urgency. */
export function CreateOutgoingModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateOutgoing();
  const navigate = useNavigate();
  const me = useMe();
  const { message } = App.useApp();
  const office = isOffice(me);

  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = checkWith(
      api.OutgoingCreateBody,
      {
        title: v.title,
        draftingDepartmentId: v.draftingDepartmentId ?? '',
        leaderIds: v.leaderIds ?? [],
        docType: v.docType,
        secrecy: 'none',
        urgency: v.urgency,
      },
      form,
    );
    if (!body) return;
    try {
      const d = await create.mutateAsync(body);
      message.success('发文已新建');
      form.resetFields();
      onClose();
      navigate(`/outgoing/${d.id}`);
    } catch (e) {
      if (!applyServerError(form, e)) message.error(errorMessage(e));
    }
  };

  return (
    <Modal title="新建发文" open={open} onCancel={onClose} onOk={onOk} okText="新建" confirmLoading={create.isPending} destroyOnHidden width={640} forceRender>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="本系统为非涉密系统：涉密公文（秘密、机密、绝密）请按保密规定线下办理。" />
      <Form<Values>
        form={form}
        name="out-create"
        layout="vertical"
        requiredMark="optional"
        initialValues={{ urgency: 'none', leaderIds: [], draftingDepartmentId: office ? undefined : (me.departmentId ?? undefined) }}
      >
        <Form.Item
          name="title"
          label="事由"
          rules={[{ required: true, whitespace: true, message: '请填写事由' }]}
          extra="如“关于做好2027年春季学期开学工作”；标题在拟稿时确定"
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="draftingDepartmentId" label="起草部门" rules={[{ required: true, message: '请选择起草部门' }]}>
          <DepartmentSelect disabled={!office} />
        </Form.Item>
        <Form.Item name="leaderIds" label="交代此文的领导" rules={[{ required: true, message: '至少选择一位交代此文的领导' }]}>
          <PersonSelect leadersOnly mode="multiple" />
        </Form.Item>
        <Form.Item name="docType" label="拟用文种" rules={[{ required: true, message: '请选择拟用文种' }]}>
          <Select options={DOC_TYPE_OPTIONS} placeholder="选择文种" />
        </Form.Item>
        <Form.Item name="urgency" label="紧急程度">
          <Select options={URGENCY_OPTIONS} />
        </Form.Item>
        <Form.Item label="密级">
          <span>非密</span>
        </Form.Item>
      </Form>
    </Modal>
  );
}
