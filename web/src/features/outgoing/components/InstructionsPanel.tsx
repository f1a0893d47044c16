import { App, Button, Form, Input, List, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '@xietiao/domain';
import { DatePicker } from '../../../components/Pickers';
import { useMe } from '../../../lib/auth';
import { allows } from '../../../lib/actions';
import { fmtDate, fmtDateTime, today } from '../../../lib/format';
import { applyServerError, checkWith } from '../../../lib/forms';
import { errorMessage } from '../../../lib/http';
import { isOffice } from '../../../lib/roles';
import { useRecordInstruction, type OutgoingDetail } from '../api';
import { CHANNEL_LABELS, CHANNEL_OPTIONS } from '../labels';

type Instruction = OutgoingDetail['instructions'][number];

/** One 交代: who, when, how, and who recorded it (the office on a leader's behalf is marked). */
export function InstructionItem({ i, highlight }: { i: Instruction; highlight?: boolean }) {
  return (
    <div className={`xt-out-instruction${highlight ? ' is-source' : ''}`} data-testid="instruction">
      <div className="xt-out-instruction-head">
        <strong>{i.leaderName}</strong>
        <span>{fmtDate(i.givenOn)}</span>
        <Tag>{CHANNEL_LABELS[i.channel] ?? i.channel}</Tag>
        {i.onBehalf && <Tag color="gold">办公室{i.recordedByName}代记</Tag>}
      </div>
      <Typography.Paragraph className="xt-out-pre">{i.text}</Typography.Paragraph>
    </div>
  );
}

interface Values {
  leaderId?: string;
  givenOn?: Dayjs;
  channel?: string;
  text?: string;
}

/** 交代 (OUT-1): the list, and the form for a leader's own or (the office) on a leader's behalf. */
export function InstructionsPanel({ d }: { d: OutgoingDetail }) {
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const record = useRecordInstruction(d.id);
  const { message } = App.useApp();
  const office = isOffice(me);
  const leaders = office ? d.leaders : d.leaders.filter((l) => l.id === me.id);

  const onFinish = async (v: Values) => {
    const body = checkWith(
      api.OutgoingInstructionBody,
      { version: d.version, leaderId: v.leaderId ?? '', givenOn: v.givenOn?.format('YYYY-MM-DD') ?? '', channel: v.channel, text: v.text ?? '' },
      form,
    );
    if (!body) return;
    try {
      await record.mutateAsync(body);
      message.success('交代已记录');
      form.resetFields();
    } catch (e) {
      if (!applyServerError(form, e)) message.error(errorMessage(e));
    }
  };

  return (
    <div className="xt-out-two">
      <section aria-labelledby="out-instr-list">
        <Typography.Title level={2} className="xt-out-h" id="out-instr-list">
          领导交代（{d.instructions.length}）
        </Typography.Title>
        <List
          dataSource={d.instructions}
          locale={{ emptyText: '尚未记录领导交代' }}
          renderItem={(i) => (
            <List.Item>
              <InstructionItem i={i} />
            </List.Item>
          )}
        />
      </section>
      {allows(d, 'brief') && leaders.length > 0 && (
        <section aria-labelledby="out-instr-add">
          <Typography.Title level={2} className="xt-out-h" id="out-instr-add">
            {office ? '记录交代（可代领导记录）' : '记录我的交代'}
          </Typography.Title>
          <Form<Values>
            form={form}
            name="out-instr"
            layout="vertical"
            onFinish={onFinish}
            initialValues={{ leaderId: leaders.length === 1 ? leaders[0].id : undefined, givenOn: dayjs(today()), channel: office ? 'phone' : 'written' }}
          >
            <Form.Item name="leaderId" label="交代的领导" rules={[{ required: true, message: '请选择交代的领导' }]}>
              <Select options={leaders.map((l) => ({ value: l.id, label: l.name }))} placeholder="选择领导" />
            </Form.Item>
            <div className="xt-out-row">
              <Form.Item name="givenOn" label="交代日期" rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker disabledDate={(day) => day.isAfter(dayjs(today()), 'day')} />
              </Form.Item>
              <Form.Item name="channel" label="交代方式" rules={[{ required: true, message: '请选择交代方式' }]}>
                <Select options={CHANNEL_OPTIONS} style={{ minWidth: 140 }} />
              </Form.Item>
            </div>
            <Form.Item name="text" label="交代内容" rules={[{ required: true, whitespace: true, message: '请填写交代内容' }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={record.isPending}>
              记录交代
            </Button>
          </Form>
        </section>
      )}
      {d.instructions.length > 0 && (
        <Typography.Text type="secondary" className="xt-out-foot">
          最近记录：{fmtDateTime(d.instructions[d.instructions.length - 1].createdAt)}
        </Typography.Text>
      )}
    </div>
  );
}
