import { useState } from 'react';
import { App, Button, Form, Input, Modal, Radio, Tag, Timeline, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { api } from '@xietiao/domain';
import { ChineseDate } from '../../../components/ChineseDate';
import { EmptyState } from '../../../components/EmptyState';
import { checkWith } from '../../../lib/forms';
import type { MatterDetail } from '../../../lib/types';
import type { MatterMutations } from '../api';
import { DECISION_COLORS, DECISION_LABELS, INSTRUCTION_KIND_LABELS } from '../labels';
import { useActionError } from './useActionError';

interface Values {
  kind: 'instruction' | 'approval' | 'decision';
  decision?: 'approve' | 'change' | 'decline';
  text: string;
}

/** 领导批示: what leaders wrote on the matter; leaders can add one. */
export function InstructionsTab({ matter, mutations, canInstruct }: { matter: MatterDetail; mutations: MatterMutations; canInstruct: boolean }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const onError = useActionError(mutations.refresh);
  const kind = Form.useWatch('kind', form);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = checkWith(api.CreateInstructionBody, { kind: v.kind, decision: v.kind === 'instruction' ? null : (v.decision ?? null), text: v.text }, form);
    if (!body) return;
    try {
      await mutations.instruct.mutateAsync(body);
      message.success('批示已提交');
      setOpen(false);
      form.resetFields();
    } catch (e) {
      if (onError(e, form)) setOpen(false);
    }
  };

  const items = [...matter.instructions].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <>
      {canInstruct && (
        <div className="xt-toolbar">
          <Button icon={<EditOutlined />} onClick={() => setOpen(true)}>
            作出批示
          </Button>
        </div>
      )}
      {items.length === 0 ? (
        <EmptyState description="暂无领导批示" />
      ) : (
        <Timeline
          items={items.map((i) => ({
            key: i.id,
            color: i.decision === 'decline' ? 'red' : 'blue',
            title: <ChineseDate value={i.createdAt} time />,
            content: (
              <div>
                <div>
                  <Typography.Text strong>{i.leaderName}</Typography.Text> <Tag>{INSTRUCTION_KIND_LABELS[i.kind] ?? i.kind}</Tag>
                  {i.decision && <Tag color={DECISION_COLORS[i.decision]}>{DECISION_LABELS[i.decision]}</Tag>}
                </div>
                <div className="xt-pre" style={{ marginTop: 4, fontFamily: '"FangSong", "STFangsong", serif', fontSize: 15 }}>
                  {i.text}
                </div>
              </div>
            ),
          }))}
        />
      )}
      <Modal
        title="作出批示"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText="提交"
        confirmLoading={mutations.instruct.isPending}
        destroyOnHidden
        forceRender
      >
        <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'instruction' }}>
          <Form.Item name="kind" label="类别">
            <Radio.Group optionType="button" options={Object.entries(INSTRUCTION_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {kind && kind !== 'instruction' && (
            <Form.Item name="decision" label="意见" rules={[{ required: true, message: '请选择意见' }]}>
              <Radio.Group options={Object.entries(DECISION_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          )}
          <Form.Item name="text" htmlFor="instruction-text" label="批示内容" rules={[{ required: true, whitespace: true, message: '请填写批示内容' }]}>
            <Input.TextArea id="instruction-text" rows={5} maxLength={5000} showCount placeholder="如：请办公室牵头，会同有关部门抓紧研究提出意见。" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
