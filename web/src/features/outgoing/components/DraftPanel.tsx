import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, Select, Space, Spin, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '@xietiao/domain';
import { useOrgans } from '../../org/api';
import { allows } from '../../../lib/actions';
import { fmtDateTime } from '../../../lib/format';
import { checkWith } from '../../../lib/forms';
import { errorMessage, isStale } from '../../../lib/http';
import { outgoingKeys, useDraftCheck, useSaveDraft, type OutgoingDetail, type OutgoingDraft, type OutgoingFinding } from '../api';
import { DOC_TYPE_OPTIONS, DRAFT_FIELD_LABELS, LEVEL_OPTIONS, PUBLICITY_OPTIONS, SEVERITY_COLORS, SEVERITY_LABELS, URGENCY_OPTIONS } from '../labels';
import { IntentView } from './IntentPanel';

type Values = { draft: OutgoingDraft; reason?: string };

function blank(d: OutgoingDetail): OutgoingDraft {
  return {
    docType: d.docType,
    issuers: [],
    mainTo: [],
    copyTo: [],
    title: d.title,
    body: [{ level: 0, text: '' }],
    attachments: [],
    note: null,
    matters: [],
    secrecy: 'none',
    secrecyTerm: null,
    urgency: d.urgency,
    publicity: '主动公开',
  };
}

/** The form's values as the API takes them (empty 附注 → null). */
function normalise(v: Partial<OutgoingDraft> | undefined): unknown {
  if (!v) return null;
  return {
    ...v,
    note: v.note?.trim() ? v.note : null,
    secrecy: 'none',
    secrecyTerm: null,
    attachments: v.attachments ?? [],
    matters: (v.matters ?? []).filter((m) => typeof m === 'string' && m.trim() !== ''),
    copyTo: v.copyTo ?? [],
    mainTo: v.mainTo ?? [],
  };
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** 检查结果 beside the fields: each finding with its severity and the field it concerns. */
export function Findings({ findings, checking, hint }: { findings: OutgoingFinding[] | null; checking?: boolean; hint?: string | null }) {
  return (
    <Card size="small" title="规则检查" className="xt-out-findings" extra={checking ? <Spin size="small" /> : null}>
      <div aria-live="polite" data-testid="findings">
        {hint ? (
          <Typography.Text type="secondary">{hint}</Typography.Text>
        ) : findings === null ? (
          <Typography.Text type="secondary">填写文稿后自动检查</Typography.Text>
        ) : findings.length === 0 ? (
          <Typography.Text type="success">未发现问题</Typography.Text>
        ) : (
          <ul className="xt-out-finding-list">
            {findings.map((f, i) => (
              <li key={`${f.rule}-${f.path}-${i}`} data-rule={f.rule} data-severity={f.severity}>
                <Tag color={SEVERITY_COLORS[f.severity]}>{SEVERITY_LABELS[f.severity]}</Tag>
                {f.field && <strong>{DRAFT_FIELD_LABELS[f.field] ?? f.field}：</strong>}
                <span>{f.message}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

/** 拟稿: the structured fields; every save a new version; the checker's findings live beside them. */
export function DraftPanel({ d }: { d: OutgoingDetail }) {
  const editable = allows(d, 'editDraft');
  const [form] = Form.useForm<Values>();
  const save = useSaveDraft(d.id);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const organs = useOrgans();
  const [stale, setStale] = useState(false);
  const base = d.draft?.versionNo ?? 0;
  const organOptions = useMemo(
    () =>
      (organs.data?.items ?? [])
        .filter((o) => o.active)
        .sort((a, b) => a.level - b.level || a.name.localeCompare(b.name, 'zh-CN'))
        .map((o) => ({ value: o.id, label: o.name })),
    [organs.data],
  );
  const initial = d.draft?.draft ?? blank(d);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another version arrives
  useEffect(() => {
    form.setFieldsValue({ draft: d.draft?.draft ?? blank(d) });
    setStale(false);
  }, [base]);

  const watched = Form.useWatch('draft', form) as Partial<OutgoingDraft> | undefined;
  const debounced = useDebounced(watched ? JSON.stringify(normalise(watched)) : null, 600);
  const parsed = useMemo(() => (debounced === null ? null : api.OutgoingDraft.safeParse(JSON.parse(debounced))), [debounced]);
  const live = useDraftCheck(d.id, parsed?.success ? parsed.data : null, editable);
  const firstIssue = parsed && !parsed.success ? parsed.error.issues[0] : null;
  const hint = firstIssue ? `请先填写${DRAFT_FIELD_LABELS[String(firstIssue.path[0])] ?? '文稿'}：${firstIssue.message}` : null;
  // until the form has been read (and checked), the findings on the saved draft
  const findings = editable && live.data ? live.data.findings : d.draft ? d.findings : null;

  if (!editable && !d.draft) return <Empty description="尚无文稿" />;

  const onFinish = async (v: Values) => {
    const body = checkWith(api.OutgoingDraftBody, { baseVersionNo: base, draft: normalise(v.draft), reason: v.reason?.trim() || undefined }, form);
    if (!body) return;
    try {
      const r = await save.mutateAsync(body);
      message.success(`已保存为第${r.draftVersions.length}稿`);
      form.setFieldValue('reason', '');
    } catch (e) {
      if (isStale(e)) setStale(true);
      else message.error(errorMessage(e));
    }
  };

  return (
    <>
      <IntentView d={d} />
      <div className="xt-out-draft">
        <Form<Values>
          form={form}
          name="out-draft"
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ draft: initial }}
          disabled={!editable}
          className="xt-out-draft-form"
        >
          <Typography.Title level={2} className="xt-out-h">
            文稿{base ? `（当前第${d.draftVersions.length}稿，${d.draft?.authorName} ${fmtDateTime(d.draft?.createdAt)}）` : '（尚未保存）'}
          </Typography.Title>
          {stale && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="您修改期间已有人保存了新的文稿：请重新载入最新版本后再修改"
              action={
                <Button size="small" onClick={() => qc.invalidateQueries({ queryKey: outgoingKeys.detail(d.id) })}>
                  重新载入
                </Button>
              }
            />
          )}
          <div className="xt-out-row">
            <Form.Item name={['draft', 'docType']} label="文种" rules={[{ required: true, message: '请选择文种' }]}>
              <Select options={DOC_TYPE_OPTIONS} style={{ minWidth: 120 }} />
            </Form.Item>
            <Form.Item name={['draft', 'urgency']} label="紧急程度">
              <Select options={URGENCY_OPTIONS} style={{ minWidth: 120 }} />
            </Form.Item>
            <Form.Item name={['draft', 'publicity']} label="公开属性">
              <Select options={PUBLICITY_OPTIONS} style={{ minWidth: 140 }} />
            </Form.Item>
            <Form.Item label="密级">
              <span>非密</span>
            </Form.Item>
          </div>
          <Form.Item name={['draft', 'issuers']} label="发文机关（主办机关在前）" rules={[{ required: true, message: '至少选择一个发文机关' }]}>
            <Select mode="multiple" options={organOptions} loading={organs.isPending} optionFilterProp="label" placeholder="选择发文机关" />
          </Form.Item>
          <Form.Item name={['draft', 'mainTo']} label="主送机关">
            <Select mode="multiple" options={organOptions} loading={organs.isPending} optionFilterProp="label" placeholder="选择主送机关" />
          </Form.Item>
          <Form.Item name={['draft', 'copyTo']} label="抄送机关">
            <Select mode="multiple" options={organOptions} loading={organs.isPending} optionFilterProp="label" placeholder="选择抄送机关" />
          </Form.Item>
          <Form.Item name={['draft', 'title']} label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <fieldset className="xt-out-fieldset">
            <legend>正文</legend>
            <Form.List name={['draft', 'body']}>
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <div key={f.key} className="xt-out-para">
                      <Form.Item name={[f.name, 'level']} label={`第${i + 1}段层次`} className="xt-out-para-level">
                        <Select options={LEVEL_OPTIONS} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'text']}
                        label={`第${i + 1}段文字`}
                        className="xt-out-para-text"
                        rules={[{ required: true, whitespace: true, message: '段落不能为空' }]}
                      >
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 12 }} />
                      </Form.Item>
                      {editable && fields.length > 1 && (
                        <Button
                          type="text"
                          icon={<DeleteOutlined />}
                          aria-label={`删除第${i + 1}段`}
                          onClick={() => remove(f.name)}
                          className="xt-out-para-del"
                        />
                      )}
                    </div>
                  ))}
                  {editable && (
                    <Button icon={<PlusOutlined />} onClick={() => add({ level: 0, text: '' })}>
                      添加段落
                    </Button>
                  )}
                </>
              )}
            </Form.List>
          </fieldset>
          <fieldset className="xt-out-fieldset">
            <legend>附件说明</legend>
            <Form.List name={['draft', 'attachments']}>
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Space.Compact key={f.key} className="xt-out-attach">
                      <Form.Item name={f.name} label={`附件${i + 1}名称`} rules={[{ required: true, whitespace: true, message: '请填写附件名称' }]}>
                        <Input maxLength={200} />
                      </Form.Item>
                      {editable && <Button type="text" icon={<DeleteOutlined />} aria-label={`删除附件${i + 1}`} onClick={() => remove(f.name)} />}
                    </Space.Compact>
                  ))}
                  {editable && (
                    <Button icon={<PlusOutlined />} onClick={() => add('')}>
                      添加附件
                    </Button>
                  )}
                </>
              )}
            </Form.List>
          </fieldset>
          {watched?.docType === '请示' && (
            <Form.Item name={['draft', 'matters', 0]} label="请示事项（一文一事）">
              <Input maxLength={200} />
            </Form.Item>
          )}
          <Form.Item name={['draft', 'note']} label="附注">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} placeholder="如：（联系人：张某，电话：12345678）" />
          </Form.Item>
          {editable && (
            <>
              <Form.Item name="reason" label="修改说明">
                <Input maxLength={200} placeholder="如：标题补上文种" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                保存为新版本
              </Button>
            </>
          )}
        </Form>
        <aside className="xt-out-draft-side" aria-label="规则检查结果">
          <Findings findings={findings} checking={editable && live.isFetching} hint={editable ? hint : null} />
          {editable && live.isError && <Alert type="error" showIcon title={errorMessage(live.error)} style={{ marginTop: 8 }} />}
        </aside>
      </div>
    </>
  );
}
