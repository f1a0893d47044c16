import { useEffect, useId, useState } from 'react';
import { Alert, App, Button, Checkbox, Empty, Form, Input, Typography } from 'antd';
import { api } from '@xietiao/domain';
import { allows } from '../../../lib/actions';
import { fmtDateTime } from '../../../lib/format';
import { applyServerError, checkWith } from '../../../lib/forms';
import { errorMessage, isStale } from '../../../lib/http';
import { useQueryClient } from '@tanstack/react-query';
import { outgoingKeys, useSaveIntent, type OutgoingDetail } from '../api';
import { InstructionItem } from './InstructionsPanel';

interface Values {
  text?: string;
  sourceIds: string[];
  reason?: string;
}

/** The 统一意图 read beside the 交代 it rests on (OUT-1); the sources it names are marked. */
export function IntentView({ d }: { d: OutgoingDetail }) {
  const uid = useId();
  const sources = new Set(d.intent?.sourceIds ?? []);
  return (
    <div className="xt-out-two">
      <section aria-labelledby={`${uid}-text`}>
        <Typography.Title level={2} className="xt-out-h" id={`${uid}-text`}>
          统一意图
        </Typography.Title>
        {d.intent ? (
          <>
            <Typography.Paragraph className="xt-out-pre xt-out-intent" data-testid="intent-text">
              {d.intent.text}
            </Typography.Paragraph>
            <Typography.Text type="secondary">
              {d.intent.authorName} 于 {fmtDateTime(d.intent.createdAt)} 拟定（第{d.intentVersions.length}稿）
            </Typography.Text>
          </>
        ) : (
          <Empty description="办公室尚未拟定统一意图" />
        )}
      </section>
      <section aria-labelledby={`${uid}-sources`}>
        <Typography.Title level={2} className="xt-out-h" id={`${uid}-sources`}>
          依据的领导交代
        </Typography.Title>
        {d.instructions
          .filter((i) => sources.has(i.id))
          .map((i) => (
            <InstructionItem key={i.id} i={i} highlight />
          ))}
        {d.intent && sources.size === 0 && <Typography.Text type="secondary">未注明</Typography.Text>}
      </section>
    </div>
  );
}

interface SourcesProps {
  instructions: OutgoingDetail['instructions'];
  id?: string;
  value?: string[];
  onChange?: (v: string[]) => void;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
}

/** The 交代 to tick as sources: a labelled group (the form's aria state on the group, not on a plain div). */
function SourcesField({ instructions, id, value, onChange, 'aria-invalid': invalid, 'aria-describedby': describedBy }: SourcesProps) {
  return (
    <fieldset id={id} className="xt-out-sources-set" aria-label="所依据的领导交代" aria-invalid={invalid} aria-describedby={describedBy}>
      <Checkbox.Group className="xt-out-sources" value={value} onChange={(v) => onChange?.(v as string[])}>
        {instructions.map((i) => (
          <Checkbox key={i.id} value={i.id} aria-label={`依据${i.leaderName}的交代`}>
            <InstructionItem i={i} />
          </Checkbox>
        ))}
      </Checkbox.Group>
    </fieldset>
  );
}

/** The office writes the 统一意图 with the 交代 beside it, ticking the ones it rests on; each save a version. */
export function IntentPanel({ d }: { d: OutgoingDetail }) {
  const [form] = Form.useForm<Values>();
  const save = useSaveIntent(d.id);
  const { message } = App.useApp();
  const [stale, setStale] = useState(false);
  const qc = useQueryClient();
  const base = d.intentVersions.at(-1)?.no ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another version arrives
  useEffect(() => {
    form.setFieldsValue({ text: d.intent?.text ?? '', sourceIds: d.intent?.sourceIds ?? [] });
    setStale(false);
  }, [base]);

  if (!allows(d, 'writeIntent')) return <IntentView d={d} />;

  const onFinish = async (v: Values) => {
    const body = checkWith(
      api.OutgoingIntentBody,
      { baseVersionNo: base, text: v.text ?? '', sourceIds: v.sourceIds ?? [], reason: v.reason?.trim() || undefined },
      form,
    );
    if (!body) return;
    try {
      await save.mutateAsync(body);
      message.success('统一意图已保存为新版本');
      form.setFieldValue('reason', '');
    } catch (e) {
      if (isStale(e)) setStale(true);
      else if (!applyServerError(form, e)) message.error(errorMessage(e));
    }
  };

  return (
    <Form<Values>
      form={form}
      name="out-intent"
      layout="vertical"
      onFinish={onFinish}
      initialValues={{ text: d.intent?.text ?? '', sourceIds: d.intent?.sourceIds ?? [] }}
    >
      <div className="xt-out-two">
        <section aria-labelledby="out-intent-sources">
          <Typography.Title level={2} className="xt-out-h" id="out-intent-sources">
            领导交代（勾选所依据的）
          </Typography.Title>
          {d.instructions.length === 0 ? (
            <Empty description="请先在“领导交代”中记录交代" />
          ) : (
            <Form.Item name="sourceIds" rules={[{ required: true, message: '至少注明一条所依据的领导交代' }]}>
              <SourcesField instructions={d.instructions} />
            </Form.Item>
          )}
        </section>
        <section aria-labelledby="out-intent-text">
          <Typography.Title level={2} className="xt-out-h" id="out-intent-text">
            统一意图{base ? `（第${d.intentVersions.length}稿）` : ''}
          </Typography.Title>
          {stale && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="其后已有人保存了新的统一意图：请重新载入后再修改"
              action={
                <Button size="small" onClick={() => qc.invalidateQueries({ queryKey: outgoingKeys.detail(d.id) })}>
                  重新载入
                </Button>
              }
            />
          )}
          <Form.Item name="text" label="统一意图" rules={[{ required: true, whitespace: true, message: '请填写统一意图' }]}>
            <Input.TextArea autoSize={{ minRows: 6, maxRows: 18 }} maxLength={8000} />
          </Form.Item>
          <Form.Item name="reason" label="修改说明">
            <Input maxLength={200} placeholder="如：综合两位领导的交代" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} disabled={d.instructions.length === 0}>
            保存统一意图
          </Button>
        </section>
      </div>
    </Form>
  );
}
