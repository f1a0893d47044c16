import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Radio, Select, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMe } from '../../../lib/auth';
import type { ActivityDetail, ActivityMutations } from '../api';
import { useSuggestion } from '../api';
import { ActivityFields, placeServerError, toBody, type ActivityFormValues } from './ActivityFields';
import { LeaderSelect, NO_DEPARTMENT, OfficeStaffSelect } from './pickers';
import { useActivityError } from './useActivityError';
import { DECISION_OPTIONS } from '../labels';

/** 拟办 (ACT-4): the office picks leaders (the system's suggestion prefilled), writes the 拟办意见 and names a responsible staff member. */
export function ProposalForm({ a, mutations }: { a: ActivityDetail; mutations: ActivityMutations }) {
  const me = useMe();
  const [form] = Form.useForm<{ leaderIds: string[]; proposal: string; responsibleStaffId?: string }>();
  const suggestion = useSuggestion(a.id, a.version, true);
  const { message } = App.useApp();
  const onError = useActivityError(mutations.refresh);

  useEffect(() => {
    if (!suggestion.data) return;
    if (form.isFieldsTouched(['leaderIds', 'proposal'])) return;
    form.setFieldsValue({ leaderIds: suggestion.data.leaderIds, proposal: suggestion.data.opinion });
  }, [suggestion.data, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await mutations.propose.mutateAsync({
        version: a.version,
        leaderIds: v.leaderIds,
        proposal: v.proposal.trim(),
        responsibleStaffId: v.responsibleStaffId!,
      });
      message.success('拟办意见已报主要领导审批');
    } catch (e) {
      onError(e, form, (f, err) => placeGeneric(f, err, ['leaderIds', 'proposal', 'responsibleStaffId']));
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      className="xt-act-proposal"
      initialValues={{
        leaderIds: a.activity.proposedLeaders.map((l) => l.id),
        proposal: a.activity.proposal ?? '',
        responsibleStaffId: a.activity.responsibleStaffId ?? undefined,
      }}
    >
      {suggestion.isPending && <Skeleton active paragraph={{ rows: 2 }} title={false} />}
      {suggestion.data && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          已按规则、分管工作、领导日程和近期出席情况生成建议，可修改后报批。
        </Typography.Paragraph>
      )}
      <Form.Item
        name="leaderIds"
        htmlFor="proposal-leaders"
        label="拟出席领导"
        rules={[{ required: true, type: 'array', min: 1, message: '请至少拟定一位出席领导' }]}
      >
        <LeaderSelect id="proposal-leaders" mode="multiple" />
      </Form.Item>
      <Form.Item
        name="proposal"
        htmlFor="proposal-text"
        label="拟办意见"
        rules={[
          { required: true, whitespace: true, message: '请填写拟办意见' },
          { max: 2000, message: '不能超过2000个字符' },
        ]}
      >
        <Input.TextArea id="proposal-text" autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item
        name="responsibleStaffId"
        htmlFor="proposal-staff"
        label="负责人员"
        tooltip="负责提醒领导按时出发并确认"
        rules={[{ required: true, message: '请选择负责人员' }]}
      >
        <OfficeStaffSelect id="proposal-staff" officeDepartmentId={me.departmentId} />
      </Form.Item>
      <Button type="primary" onClick={submit} loading={mutations.propose.isPending}>
        报主要领导审批
      </Button>
    </Form>
  );
}

function placeGeneric(form: ReturnType<typeof Form.useForm>[0], e: unknown, fields: string[]): boolean {
  const err = e as { status?: number; path?: string; message?: string };
  if (err?.status !== 400 || !err.path) return false;
  const name = err.path
    .replace(/^body\./, '')
    .replace(/\[\d+\]$/, '')
    .split('.')[0];
  if (!fields.includes(name)) return false;
  form.setFields([{ name, errors: [err.message ?? ''] }]);
  return true;
}

/** 审批 (ACT-4): 同意 / 调整后同意 / 不同意 / 退回, with 批示意见. Built for a phone. */
export function ApprovalForm({ a, mutations }: { a: ActivityDetail; mutations: ActivityMutations }) {
  const [form] = Form.useForm<{ decision: (typeof DECISION_OPTIONS)[number]['value']; leaderIds?: string[]; instruction?: string }>();
  const decision = Form.useWatch('decision', form);
  const { message } = App.useApp();
  const onError = useActivityError(mutations.refresh);
  const x = a.activity;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await mutations.approve.mutateAsync({
        version: a.version,
        decision: v.decision,
        leaderIds: v.decision === 'approveWithChanges' ? v.leaderIds : undefined,
        instruction: v.instruction?.trim() || null,
      });
      message.success(`已${DECISION_OPTIONS.find((d) => d.value === v.decision)?.label ?? '审批'}`);
    } catch (e) {
      onError(e, form, (f, err) => placeGeneric(f, err, ['leaderIds', 'instruction', 'decision']));
    }
  };

  return (
    <Form form={form} layout="vertical" className="xt-act-approval" initialValues={{ decision: 'approve', leaderIds: x.proposedLeaders.map((l) => l.id) }}>
      <div className="xt-act-proposal-box">
        <div className="xt-act-proposal-label">办公室拟办意见</div>
        <div className="xt-pre xt-act-proposal-text">{x.proposal ?? '—'}</div>
        <div className="xt-act-proposal-meta">
          拟出席：<strong>{x.proposedLeaders.map((l) => l.name).join('、') || '—'}</strong>
          {x.responsibleStaffName && <>；负责人员：{x.responsibleStaffName}</>}
        </div>
      </div>
      <Form.Item name="decision" label="审批意见" rules={[{ required: true, message: '请选择审批意见' }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          className="xt-act-decisions"
          options={DECISION_OPTIONS.map((d) => ({ value: d.value, label: d.label }))}
        />
      </Form.Item>
      {decision === 'approveWithChanges' && (
        <Form.Item
          name="leaderIds"
          htmlFor="approval-leaders"
          label="调整后的出席领导"
          rules={[{ required: true, type: 'array', min: 1, message: '调整出席领导时请选择领导' }]}
        >
          <LeaderSelect id="approval-leaders" mode="multiple" />
        </Form.Item>
      )}
      <Form.Item
        name="instruction"
        htmlFor="approval-instruction"
        label="批示意见"
        rules={decision && decision !== 'approve' ? [{ required: true, whitespace: true, message: '调整、不同意或退回时须写明批示意见' }] : []}
      >
        <Input.TextArea
          id="approval-instruction"
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={2000}
          placeholder={decision === 'approve' || !decision ? '可不填，如：同意。请王芳同志出席并讲话。' : '请写明理由或要求'}
        />
      </Form.Item>
      <Button type="primary" block size="large" onClick={submit} loading={mutations.approve.isPending} danger={decision === 'decline'}>
        提交审批
      </Button>
    </Form>
  );
}

/** 修改 (can.edit): the request's fields, sent with `version`. */
export function EditModal({ a, open, onClose, mutations }: { a: ActivityDetail; open: boolean; onClose: () => void; mutations: ActivityMutations }) {
  const [form] = Form.useForm<ActivityFormValues>();
  const { message } = App.useApp();
  const onError = useActivityError(mutations.refresh);
  const x = a.activity;
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      category: x.category,
      title: a.title,
      organiserName: x.organiserName,
      // a request on record without a department of this organ shows as 无
      organiserDepartmentId: x.organiserDepartmentId ?? NO_DEPARTMENT,
      heldInName: x.heldInName as ActivityFormValues['heldInName'],
      startsAt: dayjs(x.startsAt),
      endsAt: dayjs(x.endsAt),
      place: x.place,
      travelMinutes: x.travelMinutes,
      area: x.area ?? undefined,
      requestedLeaderIds: x.requestedLeaders.map((l) => l.id),
      exceptions: x.exceptions,
      description: x.description ?? undefined,
      contact: x.contact ?? undefined,
    });
  }, [open, a, x, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = toBody(v);
    // an unchanged start in the past (already begun) is not sent again
    const patch: Record<string, unknown> = { ...body, version: a.version };
    if (Date.parse(body.startsAt) === Date.parse(x.startsAt)) delete patch.startsAt;
    if (Date.parse(body.endsAt) === Date.parse(x.endsAt)) delete patch.endsAt;
    try {
      await mutations.edit.mutateAsync(patch as Parameters<typeof mutations.edit.mutateAsync>[0]);
      message.success('活动信息已修改');
      onClose();
    } catch (e) {
      if (onError(e, form, placeServerError)) onClose();
    }
  };

  return (
    <Modal
      title="修改活动信息"
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText="保存"
      confirmLoading={mutations.edit.isPending}
      width={760}
      destroyOnHidden
      forceRender
    >
      <Form<ActivityFormValues> form={form} layout="vertical" className="xt-act-form" requiredMark="optional">
        <ActivityFields />
      </Form>
    </Modal>
  );
}

/** 重新协调 (ACT-6): a reason and, optionally, the leader who cannot attend. */
export function ReopenModal({ a, open, onClose, mutations }: { a: ActivityDetail; open: boolean; onClose: () => void; mutations: ActivityMutations }) {
  const [form] = Form.useForm<{ reason: string; leaderId?: string }>();
  const { message } = App.useApp();
  const onError = useActivityError(mutations.refresh);
  const live = a.assignments.filter((x) => x.status !== 'withdrawn');
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await mutations.reopen.mutateAsync({ version: a.version, reason: v.reason.trim(), leaderId: v.leaderId ?? null });
      message.success('已转入重新协调');
      form.resetFields();
      onClose();
    } catch (e) {
      if (onError(e, form, (f, err) => placeGeneric(f, err, ['reason', 'leaderId']))) onClose();
    }
  };
  return (
    <Modal title="重新协调" open={open} onCancel={onClose} onOk={submit} okText="确定" confirmLoading={mutations.reopen.isPending} destroyOnHidden forceRender>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="重新协调后，办公室将重新拟办并报主要领导审批，主办单位会收到通知。" />
      <Form form={form} layout="vertical">
        <Form.Item name="leaderId" label="不能出席的领导（可不选）">
          <Select allowClear placeholder="选择领导" options={live.map((x) => ({ value: x.leaderId, label: `${x.post}${x.leaderName}` }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          htmlFor="reopen-reason"
          label="原因"
          rules={[
            { required: true, whitespace: true, message: '请填写原因' },
            { max: 1000, message: '不能超过1000个字符' },
          ]}
        >
          <Input.TextArea id="reopen-reason" rows={3} maxLength={1000} placeholder="如：王芳同志当日需赴省里参加紧急会议" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// confirmAll follows the last confirmation by itself (出席领导 → 确认出席)
/**
 * The generic lifecycle events (办结, 撤销 …), via POST /matters/:id/events/:event. Events owned by
 * a command (拟办, 审批, 重新协调, 确认) are not among `allowedEvents`: they have their own forms.
 */
export function ActivityEventButtons({ a, mutations }: { a: ActivityDetail; mutations: ActivityMutations }) {
  const [commentFor, setCommentFor] = useState<{ event: string; label: string } | null>(null);
  const [form] = Form.useForm<{ comment: string }>();
  const { message } = App.useApp();
  const onError = useActivityError(mutations.refresh);
  const events = a.allowedEvents;
  const fire = mutations.fire;
  const run = async (ev: { event: string; label: string }, comment?: string) => {
    try {
      await fire.mutateAsync({ event: ev.event, version: a.version, comment: comment ?? null });
      message.success(`已${ev.label}`);
      setCommentFor(null);
      form.resetFields();
    } catch (e) {
      if (onError(e)) setCommentFor(null);
    }
  };
  if (events.length === 0) return null;
  return (
    <>
      {events.map((ev) => {
        const danger = ev.event === 'cancel';
        const btn = (
          <Button
            key={ev.event}
            danger={danger}
            data-event={ev.event}
            loading={fire.isPending && fire.variables?.event === ev.event}
            onClick={ev.needsComment ? () => setCommentFor(ev) : undefined}
          >
            {ev.label}
          </Button>
        );
        return ev.needsComment ? (
          btn
        ) : (
          <Popconfirm key={ev.event} title={`确定「${ev.label}」吗？`} okText="确定" cancelText="取消" onConfirm={() => run(ev)}>
            {btn}
          </Popconfirm>
        );
      })}
      <Modal
        title={commentFor?.label}
        open={!!commentFor}
        onCancel={() => setCommentFor(null)}
        okText="确定"
        okButtonProps={{ danger: commentFor?.event === 'cancel' }}
        confirmLoading={fire.isPending}
        onOk={async () => {
          const v = await form.validateFields().catch(() => null);
          if (v && commentFor) await run(commentFor, v.comment.trim());
        }}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="comment"
            label={commentFor?.event === 'cancel' ? '撤销理由' : '意见或理由'}
            rules={[{ required: true, whitespace: true, message: '请填写意见或理由' }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
