import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm } from 'antd';
import type { AllowedEvent, MatterDetail } from '../../../lib/types';
import type { MatterMutations } from '../api';
import { useActionError } from './useActionError';

const DANGER = new Set(['cancel']);

/** The lifecycle buttons — exactly the matter's `allowedEvents`, in table order. */
export function EventButtons({ matter, mutations }: { matter: MatterDetail; mutations: MatterMutations }) {
  const [commentFor, setCommentFor] = useState<AllowedEvent | null>(null);
  const [form] = Form.useForm<{ comment: string }>();
  const { message } = App.useApp();
  const onError = useActionError(mutations.refresh);
  const fire = mutations.fire;

  const run = async (ev: AllowedEvent, comment?: string) => {
    try {
      await fire.mutateAsync({ event: ev.event, version: matter.version, comment: comment ?? null });
      message.success(`已${ev.label}`);
      setCommentFor(null);
      form.resetFields();
    } catch (e) {
      if (onError(e, form)) setCommentFor(null);
    }
  };

  if (matter.allowedEvents.length === 0) return null;
  return (
    <div className="xt-events">
      {matter.allowedEvents.map((ev, i) => {
        const danger = DANGER.has(ev.event);
        const btn = (
          <Button
            key={ev.event}
            type={i === 0 && !danger ? 'primary' : 'default'}
            danger={danger}
            loading={fire.isPending && fire.variables?.event === ev.event}
            disabled={fire.isPending && fire.variables?.event !== ev.event}
            onClick={ev.needsComment ? () => setCommentFor(ev) : undefined}
            data-event={ev.event}
          >
            {ev.label}
          </Button>
        );
        if (ev.needsComment) return btn;
        return (
          <Popconfirm key={ev.event} title={`确定「${ev.label}」吗？`} okText="确定" cancelText="取消" onConfirm={() => run(ev)}>
            {btn}
          </Popconfirm>
        );
      })}
      <Modal
        title={commentFor ? commentFor.label : ''}
        open={!!commentFor}
        onCancel={() => setCommentFor(null)}
        okText="确定"
        okButtonProps={{ danger: commentFor ? DANGER.has(commentFor.event) : false }}
        confirmLoading={fire.isPending}
        onOk={async () => {
          const v = await form.validateFields().catch(() => null);
          if (!v) return;
          if (commentFor) await run(commentFor, v.comment.trim());
        }}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="comment"
            htmlFor="event-comment"
            label={commentFor?.event === 'decide' ? '定夺意见' : '意见或理由'}
            rules={[
              { required: true, whitespace: true, message: '请填写意见或理由' },
              { max: 2000, message: '不能超过2000个字符' },
            ]}
          >
            <Input.TextArea id="event-comment" rows={4} maxLength={2000} showCount placeholder="请填写意见或理由" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
