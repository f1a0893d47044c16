import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Radio, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '@xietiao/domain';
import { ChineseDate } from '../../../components/ChineseDate';
import { EmptyState } from '../../../components/EmptyState';
import { DepartmentSelect, PersonSelect } from '../../../components/Pickers';
import { CONSULTATION_STATUS_LABELS, StatusTag } from '../../../components/StatusTag';
import { checkWith, nn } from '../../../lib/forms';
import type { Consultation, MatterDetail, Me, Position } from '../../../lib/types';
import type { MatterMutations } from '../api';
import { POSITION_COLORS, POSITION_LABELS } from '../labels';
import { useActionError } from './useActionError';
import { usePeople } from '../../org/api';

const ID_LIKE = /^[0-9a-f]{8}-[0-9a-f-]{20,}$/i;

type Dialog =
  | { kind: 'start' }
  | { kind: 'respond'; c: Consultation; current?: Position }
  | { kind: 'round'; c: Consultation }
  | { kind: 'settle'; c: Consultation }
  | null;

function myPosition(c: Consultation, me: Me): Position | undefined {
  const last = [...c.rounds].sort((a, b) => b.roundNo - a.roundNo)[0];
  if (!last || last.closedAt) return undefined;
  return last.positions.find((p) => p.partyUserId === me.id) ?? last.positions.find((p) => !!p.partyDepartmentId && p.partyDepartmentId === me.departmentId);
}

function ConsultationCard({ c, me, canManage, onAction }: { c: Consultation; me: Me; canManage: boolean; onAction: (d: Dialog) => void }) {
  const people = usePeople();
  /** `respondedBy` may be a user id: show the person's name (or nothing) instead. */
  const who = (v: string | null) => {
    if (!v) return null;
    const p = people.data?.items.find((x) => x.id === v);
    return p ? p.name : ID_LIKE.test(v) ? null : v;
  };
  const mine = c.status === 'open' ? myPosition(c, me) : undefined;
  const rounds = [...c.rounds].sort((a, b) => a.roundNo - b.roundNo);
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Space wrap size={6}>
          <span>{c.subject}</span>
          <StatusTag status={c.status} label={CONSULTATION_STATUS_LABELS[c.status]} />
          {c.consensus ? <Tag color="green">已达成一致</Tag> : c.openDisagreements.length > 0 ? <Tag color="red">存在分歧</Tag> : null}
        </Space>
      }
      extra={
        c.status === 'open' && (
          <Space wrap size={4}>
            {mine && mine.position === 'pending' && (
              <Button size="small" type="primary" onClick={() => onAction({ kind: 'respond', c, current: mine })}>
                {mine.position === 'pending' ? '反馈意见' : '修改意见'}
              </Button>
            )}
            {canManage && (
              <>
                <Button size="small" onClick={() => onAction({ kind: 'round', c })}>
                  再次征求
                </Button>
                <Button size="small" onClick={() => onAction({ kind: 'settle', c })}>
                  形成结论
                </Button>
              </>
            )}
          </Space>
        )
      }
    >
      {c.openDisagreements.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title="尚未解决的分歧"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {c.openDisagreements.map((d, i) => (
                <li key={i}>
                  <strong>{d.partyName}</strong>
                  {d.text ? `：${d.text}` : ''}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {c.outcome && (
        <Alert
          type={c.status === 'escalated' ? 'info' : 'success'}
          showIcon
          style={{ marginBottom: 8 }}
          title={c.status === 'escalated' ? '已报领导定夺' : '协商结论'}
          description={<span className="xt-pre">{c.outcome}</span>}
        />
      )}
      {rounds.map((r) => (
        <div key={r.id} className={`xt-round${r.closedAt ? '' : ' is-open'}`}>
          <Space wrap size={8}>
            <Typography.Text strong>第{r.roundNo}轮</Typography.Text>
            {r.dueDate && (
              <Typography.Text type="secondary">
                反馈期限 <ChineseDate value={r.dueDate} />
              </Typography.Text>
            )}
            {r.closedAt ? <Tag>已结束</Tag> : <Tag color="blue">进行中</Tag>}
          </Space>
          <div className="xt-pre" style={{ marginTop: 4 }}>
            {r.question}
          </div>
          <div className="xt-positions">
            {r.positions.map((p) => (
              <div key={p.id} className="xt-position">
                <div className="xt-position-head">
                  <Typography.Text strong>{p.partyName}</Typography.Text>
                  <Tag color={POSITION_COLORS[p.position]} style={{ marginInlineEnd: 0 }}>
                    {POSITION_LABELS[p.position]}
                  </Tag>
                </div>
                {p.text && <div className="xt-position-text">{p.text}</div>}
                {p.respondedAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {who(p.respondedBy) ? `${who(p.respondedBy)} · ` : ''}
                    <ChineseDate value={p.respondedAt} time />
                  </Typography.Text>
                )}
              </div>
            ))}
          </div>
        </div>
      ))}
    </Card>
  );
}

export function ConsultationsTab({ matter, me, mutations, canManage }: { matter: MatterDetail; me: Me; mutations: MatterMutations; canManage: boolean }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const onError = useActionError(mutations.refresh);
  const position = Form.useWatch('position', form);
  const close = () => {
    setDialog(null);
    form.resetFields();
  };

  const submit = async () => {
    if (!dialog) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      if (dialog.kind === 'start') {
        const body = checkWith(
          api.CreateConsultationBody,
          {
            subject: v.subject,
            question: v.question,
            departmentIds: v.departmentIds ?? [],
            userIds: v.userIds ?? [],
            dueWorkingDays: v.dueWorkingDays ?? null,
          },
          form,
        );
        if (!body) return;
        await mutations.startConsultation.mutateAsync(body);
        message.success('已发起征求意见');
      } else if (dialog.kind === 'respond') {
        const body = checkWith(api.RespondBody, { position: v.position, text: nn(v.text) }, form);
        if (!body) return;
        await mutations.respond.mutateAsync({ id: dialog.c.id, ...body });
        message.success('意见已反馈');
      } else if (dialog.kind === 'round') {
        await mutations.newRound.mutateAsync({
          id: dialog.c.id,
          version: dialog.c.version,
          question: v.question.trim(),
          dueWorkingDays: v.dueWorkingDays ?? null,
        });
        message.success('已发起新一轮征求意见');
      } else {
        await mutations.settle.mutateAsync({ id: dialog.c.id, version: dialog.c.version, outcome: v.outcome.trim(), escalate: !!v.escalate });
        message.success(v.escalate ? '已报领导定夺' : '协商结论已记录');
      }
      close();
    } catch (e) {
      if (onError(e, form)) close();
    }
  };

  const pending = mutations.startConsultation.isPending || mutations.respond.isPending || mutations.newRound.isPending || mutations.settle.isPending;
  const title = !dialog ? '' : { start: '发起征求意见', respond: '反馈意见', round: '再次征求意见', settle: '形成协商结论' }[dialog.kind];

  return (
    <>
      {canManage && (
        <div className="xt-toolbar">
          <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'start' })}>
            发起征求意见
          </Button>
        </div>
      )}
      {matter.consultations.length === 0 ? (
        <EmptyState description="尚未征求意见" />
      ) : (
        matter.consultations.map((c) => <ConsultationCard key={c.id} c={c} me={me} canManage={canManage} onAction={setDialog} />)
      )}
      <Modal title={title} open={!!dialog} onCancel={close} onOk={submit} okText="提交" confirmLoading={pending} destroyOnHidden forceRender width={600}>
        <Form form={form} layout="vertical" preserve={false}>
          {dialog?.kind === 'start' && (
            <>
              <Form.Item name="subject" htmlFor="consult-subject" label="征求意见事由" rules={[{ required: true, whitespace: true, message: '请填写事由' }]}>
                <Input id="consult-subject" maxLength={200} placeholder="如：关于某方案的意见" />
              </Form.Item>
              <Form.Item name="question" htmlFor="consult-question" label="征求内容" rules={[{ required: true, whitespace: true, message: '请填写征求内容' }]}>
                <Input.TextArea id="consult-question" rows={4} maxLength={2000} showCount />
              </Form.Item>
              <Form.Item name="departmentIds" label="征求部门">
                <DepartmentSelect mode="multiple" />
              </Form.Item>
              <Form.Item name="userIds" label="征求人员">
                <PersonSelect mode="multiple" />
              </Form.Item>
              <Form.Item name="dueWorkingDays" label="反馈期限（工作日）">
                <InputNumber min={1} max={60} precision={0} style={{ width: 200 }} suffix="个工作日" />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'respond' && (
            <>
              <Typography.Paragraph type="secondary">
                征求意见：{dialog.c.subject}（以{dialog.current?.partyName ?? '本人'}名义反馈）
              </Typography.Paragraph>
              <Form.Item
                name="position"
                label="意见"
                rules={[{ required: true, message: '请选择意见' }]}
                initialValue={dialog.current?.position !== 'pending' ? dialog.current?.position : undefined}
              >
                <Radio.Group
                  options={[
                    { value: 'agree', label: POSITION_LABELS.agree },
                    { value: 'agree_with_changes', label: POSITION_LABELS.agree_with_changes },
                    { value: 'disagree', label: POSITION_LABELS.disagree },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name="text"
                htmlFor="consult-text"
                label={position === 'agree' ? '补充说明（可选）' : '修改意见或理由'}
                initialValue={dialog.current?.text ?? undefined}
                rules={position && position !== 'agree' ? [{ required: true, whitespace: true, message: '有修改意见或不同意时须写明理由' }] : []}
              >
                <Input.TextArea id="consult-text" rows={4} maxLength={5000} showCount />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'round' && (
            <>
              <Form.Item name="question" label="本轮征求内容" rules={[{ required: true, whitespace: true, message: '请填写征求内容' }]}>
                <Input.TextArea rows={4} maxLength={2000} showCount placeholder="如：根据各方意见修改后的方案，请再次研提意见" />
              </Form.Item>
              <Form.Item name="dueWorkingDays" label="反馈期限（工作日）">
                <InputNumber min={1} max={60} precision={0} style={{ width: 200 }} suffix="个工作日" />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'settle' && (
            <>
              {dialog.c.openDisagreements.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={`仍有 ${dialog.c.openDisagreements.length} 方存在分歧，协商不成的可报领导定夺。`}
                />
              )}
              <Form.Item name="outcome" label="协商结论" rules={[{ required: true, whitespace: true, message: '请填写协商结论' }]}>
                <Input.TextArea rows={4} maxLength={2000} showCount />
              </Form.Item>
              <Form.Item name="escalate" valuePropName="checked" initialValue={false}>
                <Checkbox>分歧未能协商一致，报领导定夺</Checkbox>
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
