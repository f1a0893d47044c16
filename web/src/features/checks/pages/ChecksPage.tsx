import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Collapse, Form, Grid, Input, Row, Segmented, Select, Space, Switch, Tag } from 'antd';
import { ClearOutlined, ExperimentOutlined } from '@ant-design/icons';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { ApiError, errorMessage } from '../../../lib/http';
import { useCheckOrgans, useDocumentCheck, useReadText, type ReadInput } from '../api';
import { brokenRequestSample, EMPTY_VALUES, fromDocument, isBlank, toDocument, type CheckFormValues } from '../form';
import { chineseDate, describeLocation, DOC_TYPES, FIELD_LABELS, LAYOUTS, locate, SECRECY_OPTIONS, SEVERITIES, SEVERITY, URGENCY_OPTIONS } from '../labels';
import { CheckItem, FindingsContext, groupFindings, type FindingsState } from '../components/findings';
import { FindingsPanel } from '../components/FindingsPanel';
import { OrganSelect } from '../components/OrganSelect';
import { AttachmentsList, MattersList, SignersList } from '../components/ListFields';
import { ReadTextPanel } from '../components/ReadTextPanel';
import '../checks.css';

const DEBOUNCE_MS = 400;

/** `value`, once it has stayed the same (by JSON) for `ms`; and whether a newer one is waiting. */
function useDebounced<T>(value: T, ms: number): [T, boolean] {
  const key = JSON.stringify(value);
  const [state, setState] = useState<{ key: string; value: T }>({ key, value });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `value` (compared by JSON, not identity)
  useEffect(() => {
    const t = setTimeout(() => setState({ key, value }), ms);
    return () => clearTimeout(t);
  }, [key, ms]);
  return [state.value, state.key !== key];
}

const DOC_TYPE_OPTIONS = DOC_TYPES.map((t) => ({ value: t, label: t }));
const LAYOUT_OPTIONS = LAYOUTS.map((l) => ({ value: l, label: `${l}格式` }));
const FLAG_SWITCHES = [
  ['important', '重要公文', '重要公文和上行文由机关主要负责人签发；重要下行文应抄送发文机关的直接上级机关'],
  ['involvesOtherUnits', '涉及其他部门或地区职权', '起草时须征求相关部门或地区意见，力求达成一致'],
  ['countersignComplete', '已会签', '涉及的部门已会签并同意'],
  ['directive', '含指令性要求', '文中对受文机关提出须执行的要求'],
] as const;
const FLAG_TEXTS = [
  ['skipLevelReason', '越级理由', '如：重大突发事件。越级行文应同时抄送被越过的机关'],
  ['leaderAssigned', '上级负责人交办依据', '上级机关负责人直接交办的，可主送该负责人'],
  ['govApprovedRef', '经政府同意的依据', '部门经政府同意向下级政府行文时填写，正文须注明“经…政府同意”'],
  ['forwardedFrom', '转报的下级请示', '以本机关名义转报下级请示时，填写原请示的标题或文号'],
] as const;
const OTHER_KEY = 'other';
const MODES = [
  { value: 'form', label: '逐项填写' },
  { value: 'text', label: '粘贴或上传全文' },
] as const;
type Mode = (typeof MODES)[number]['value'];

/** What the last reading of a whole document gave: where from, and the fields it could not find. */
interface ReadState {
  source: string;
  unread: string[];
}

/**
 * 公文合规检查 — fill in a document, or paste / upload a whole one to have its fields read into the
 * form; the rule engine's findings appear beside the fields as you type.
 */
export function ChecksPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<CheckFormValues>();
  const screens = Grid.useBreakpoint();
  const wide = !!screens.lg;
  const orgs = useCheckOrgans();

  const values = Form.useWatch((v: CheckFormValues) => v, { form, preserve: true });
  const doc = useMemo(() => (values ? toDocument(values) : null), [values]);
  const [debounced, waiting] = useDebounced(doc, DEBOUNCE_MS);
  const check = useDocumentCheck(orgs.organs, orgs.dataUpdatedAt, debounced);

  const [mode, setMode] = useState<Mode>('form');
  const [read, setRead] = useState<ReadState | null>(null);
  const reader = useReadText();
  const onRead = (input: ReadInput) => {
    reader.mutate(input, {
      onSuccess: (res) => {
        form.resetFields();
        form.setFieldsValue(fromDocument(res.document));
        setRead({ source: 'file' in input ? `文件“${input.file.name}”` : '粘贴的全文', unread: res.unread });
        setMode('form');
        message.success(res.unread.length ? `已读取全文，有${res.unread.length}项未能读出，请核对` : '已读取全文并填入表单');
        window.scrollTo({ top: 0 });
      },
    });
  };
  // an unread field stops being marked once something is filled in
  const unread = useMemo(() => new Set(read && values ? read.unread.filter((f) => isBlank(values, f)) : []), [read, values]);

  const organName = useMemo(() => new Map(orgs.active.map((o) => [o.id, o.name])), [orgs.active]);
  const organAt = (field: string, index: number): string | undefined => {
    const list = (values as Record<string, unknown> | undefined)?.[field];
    return Array.isArray(list) && typeof list[index] === 'string' ? organName.get(list[index] as string) : undefined;
  };

  const badInput = check.error instanceof ApiError && check.error.status === 400 ? check.error : null;
  const otherError = check.isError && !badInput ? errorMessage(check.error) : null;
  const findings = check.isError ? null : (check.data?.findings ?? null);
  const missing = useMemo(() => {
    if (!badInput) return null;
    const loc = locate(badInput.path ?? '');
    const detail = badInput.path && badInput.message.startsWith(`${badInput.path}: `) ? badInput.message.slice(badInput.path.length + 2) : badInput.message;
    return { ...loc, message: detail };
  }, [badInput]);
  const byField = useMemo(() => groupFindings(findings ?? []), [findings]);
  const ctx: FindingsState = { byField, missing, organAt, unread };

  const type = values?.type;
  const secrecy = values?.secrecy ?? 'none';
  const showMatters = type === '请示' || (values?.matters?.length ?? 0) > 0 || byField.has('matters');
  const showReplyTo = type === '批复' || !!values?.replyTo?.issuer || byField.has('replyTo');

  // 其他情况 opens by itself when a finding (or a missing field) is about one of its flags
  const [openPanels, setOpenPanels] = useState<string[]>([]);
  const flagsConcerned = [...byField.keys()].some((k) => k.startsWith('flags.')) || !!missing?.field.startsWith('flags.');
  useEffect(() => {
    if (flagsConcerned) setOpenPanels((p) => (p.includes(OTHER_KEY) ? p : [...p, OTHER_KEY]));
  }, [flagsConcerned]);

  const loadSample = () => {
    const sample = brokenRequestSample(orgs.organs);
    if (!sample) {
      message.warning('组织机构中未找到示例所需的县、市人民政府，请手工填写');
      return;
    }
    form.resetFields();
    form.setFieldsValue(sample);
    setRead(null);
  };
  const clear = () => {
    form.resetFields();
    setRead(null);
  };

  const hint = missing ? { where: describeLocation(missing, (i) => organAt(missing.field, i)), detail: missing.message, field: missing.field } : null;
  const counts = SEVERITIES.map((s) => [s, findings?.filter((f) => f.severity === s).length ?? 0] as const);

  const panel = (
    <FindingsPanel
      findings={findings}
      checking={check.isFetching || waiting}
      hint={hint}
      error={otherError}
      onRetry={() => void check.refetch()}
      organAt={organAt}
    />
  );

  return (
    <>
      <PageHeader
        title="公文合规检查"
        subTitle="依据《党政机关公文处理工作条例》和 GB/T 9704-2012，边填写边检查文种、行文规则、格式和签发；也可粘贴或上传公文全文，读出各项后检查"
        extra={
          <>
            <Button icon={<ExperimentOutlined />} onClick={loadSample} disabled={!orgs.data}>
              载入示例：有问题的请示
            </Button>
            <Button icon={<ClearOutlined />} onClick={clear}>
              清空
            </Button>
          </>
        }
      />
      {orgs.isError ? (
        <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} />
      ) : (
        <FindingsContext.Provider value={ctx}>
          {!wide && (
            <button type="button" className="xt-chk-mini" onClick={() => document.querySelector('.xt-chk-panel')?.scrollIntoView({ behavior: 'smooth' })}>
              <span>检查结果：</span>
              {hint ? (
                <span className="xt-chk-mini-hint">请先填写：{hint.where}</span>
              ) : findings && findings.length === 0 ? (
                <Tag color="success">未发现问题</Tag>
              ) : (
                counts.map(([s, n]) => (
                  <Tag key={s} color={n ? SEVERITY[s].tag : 'default'}>
                    {SEVERITY[s].label} {n}
                  </Tag>
                ))
              )}
              <span className="xt-chk-mini-go">查看 ›</span>
            </button>
          )}
          <Row gutter={[16, 16]} className="xt-chk-layout">
            <Col xs={24} lg={15} xl={15}>
              <div className="xt-chk-mode">
                <Segmented<Mode> options={[...MODES]} value={mode} onChange={setMode} aria-label="填写方式" block={!wide} name="xt-chk-mode" />
              </div>
              {mode === 'text' && <ReadTextPanel reading={reader.isPending} error={reader.isError ? errorMessage(reader.error) : null} onRead={onRead} />}
              {read && (
                <Alert
                  className="xt-chk-read-result"
                  type={read.unread.length ? 'warning' : 'success'}
                  showIcon
                  closable={{ 'aria-label': '关闭读取结果' }}
                  onClose={() => setRead(null)}
                  title={`已从${read.source}读出各项，填入下方表单（可修改）`}
                  description={
                    read.unread.length ? (
                      <div className="xt-chk-unread-list">
                        未能读出：
                        {read.unread.map((f) => (
                          <Tag key={f} color="orange" data-unread-field={f}>
                            {FIELD_LABELS[f] ?? f}
                          </Tag>
                        ))}
                        请核对原文后补填，检查结果见{wide ? '右侧' : '下方'}。
                      </div>
                    ) : (
                      `各项均已读出，请核对；检查结果见${wide ? '右侧' : '下方'}。`
                    )
                  }
                />
              )}
              <Form<CheckFormValues> form={form} layout="vertical" initialValues={EMPTY_VALUES} className="xt-chk-form" requiredMark={false}>
                <Card size="small" title="版头" className="xt-chk-card">
                  <div className="xt-chk-grid">
                    <CheckItem field="type" name="type" label="文种">
                      <Select options={DOC_TYPE_OPTIONS} placeholder="选择文种" showSearch allowClear />
                    </CheckItem>
                    <CheckItem field="layout" name="layout" label="版式" tooltip="可不填；命令（令）、纪要和信函有各自的特定格式">
                      <Select options={LAYOUT_OPTIONS} placeholder="按文种（可不填）" allowClear />
                    </CheckItem>
                  </div>
                  <CheckItem field="issuers" name="issuers" label="发文机关" extra="联合行文时选择多个机关，第一个为主办机关">
                    <OrganSelect organs={orgs.active} loading={orgs.isPending} mode="multiple" leadFirst />
                  </CheckItem>
                  <div className="xt-chk-grid">
                    <CheckItem field="docNo" name="docNo" label="发文字号">
                      <Input placeholder="如：某政发〔2026〕12号" maxLength={50} />
                    </CheckItem>
                    <CheckItem field="signatory" name="signatory" label="签发人" tooltip="上行文应当标注签发人姓名；输入姓名后按回车">
                      <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['，', ',', '、', ' ']} placeholder="输入姓名后按回车" />
                    </CheckItem>
                    <CheckItem field="secrecy" name="secrecy" label="密级">
                      <Select options={SECRECY_OPTIONS} />
                    </CheckItem>
                    <CheckItem field="urgency" name="urgency" label="紧急程度">
                      <Select options={URGENCY_OPTIONS} />
                    </CheckItem>
                  </div>
                  {secrecy !== 'none' && (
                    <>
                      <Alert
                        type="warning"
                        showIcon
                        className="xt-chk-secret"
                        title="涉密公文不得在本系统处理"
                        description="本系统为非涉密系统，不得录入、存储或传输涉密公文及其内容。涉密公文请在涉密网络或涉密计算机上处理；此处仅可检查密级、保密期限和份号的标注格式，请勿填写涉密正文。"
                      />
                      <div className="xt-chk-grid">
                        <CheckItem field="secrecyTerm" name="secrecyTerm" label="保密期限">
                          <Input placeholder="如：1年" maxLength={20} />
                        </CheckItem>
                        <CheckItem field="copyNo" name="copyNo" label="份号">
                          <Input placeholder="6位数字，如：000001" maxLength={10} />
                        </CheckItem>
                      </div>
                    </>
                  )}
                </Card>

                <Card size="small" title="主体" className="xt-chk-card">
                  <CheckItem field="title" name="title" label="标题">
                    <Input placeholder="发文机关名称 + 关于……的 + 文种，如：甲县人民政府关于追加防汛经费的请示" maxLength={200} />
                  </CheckItem>
                  <CheckItem field="mainTo" name="mainTo" label="主送机关">
                    <OrganSelect organs={orgs.active} loading={orgs.isPending} mode="multiple" />
                  </CheckItem>
                  {showMatters && (
                    <CheckItem field="matters" label="请示事项" tooltip="请示应当一文一事，只列一个事项">
                      <MattersList />
                    </CheckItem>
                  )}
                  {showReplyTo && (
                    <CheckItem field="replyTo" label="答复的请示">
                      <div className="xt-chk-grid is-tight">
                        <Form.Item name={['replyTo', 'issuer']} noStyle>
                          <OrganSelect organs={orgs.active} placeholder="请示的发文机关" aria-label="答复的请示 发文机关" />
                        </Form.Item>
                        <Form.Item name={['replyTo', 'docNo']} noStyle>
                          <Input placeholder="请示的发文字号" aria-label="答复的请示 发文字号" maxLength={50} />
                        </Form.Item>
                      </div>
                    </CheckItem>
                  )}
                  <CheckItem field="body" name="body" label="正文">
                    <Input.TextArea autoSize={{ minRows: 5, maxRows: 16 }} placeholder="粘贴或输入正文" />
                  </CheckItem>
                  <div className="xt-chk-grid">
                    <CheckItem field="attachmentNote" name="attachmentNote" label="附件说明" extra="每行一项，按印制的样子填写">
                      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={'附件：1.经费测算表\n2.受灾情况统计'} />
                    </CheckItem>
                    <CheckItem field="attachments" label="附件">
                      <AttachmentsList />
                    </CheckItem>
                  </div>
                  <div className="xt-chk-grid">
                    <CheckItem field="date" label="成文日期" extra="按印制的样子填写，如 2026年11月27日">
                      <Space.Compact block>
                        <Form.Item name="date" noStyle>
                          <Input placeholder="××××年×月×日" maxLength={20} aria-label="成文日期" />
                        </Form.Item>
                        <Button onClick={() => form.setFieldValue('date', chineseDate())}>填入今天</Button>
                      </Space.Compact>
                    </CheckItem>
                    <CheckItem field="note" name="note" label="附注">
                      <Input placeholder="如：（联系人：张某，电话：12345678）" maxLength={200} />
                    </CheckItem>
                  </div>
                </Card>

                <Card size="small" title="版记与签发" className="xt-chk-card">
                  <CheckItem field="copyTo" name="copyTo" label="抄送机关">
                    <OrganSelect organs={orgs.active} loading={orgs.isPending} mode="multiple" />
                  </CheckItem>
                  <CheckItem field="signers" label="签发记录" tooltip="机关负责人签发时签署的意见、姓名和日期；联合发文由各机关负责人会签">
                    <SignersList organs={orgs.active} defaultOrgan={values?.issuers?.[0]} />
                  </CheckItem>
                </Card>

                <Collapse
                  className="xt-chk-card xt-chk-other"
                  activeKey={openPanels}
                  onChange={(k) => setOpenPanels(Array.isArray(k) ? k : [k])}
                  items={[
                    {
                      key: OTHER_KEY,
                      label: '其他情况（重要公文、会签、越级、转报等）',
                      forceRender: true,
                      children: (
                        <>
                          <div className="xt-chk-grid">
                            {FLAG_SWITCHES.map(([k, label, tip]) => (
                              <CheckItem key={k} field={`flags.${k}`} name={['flags', k]} label={label} tooltip={tip} valuePropName="checked">
                                <Switch checkedChildren="是" unCheckedChildren="否" />
                              </CheckItem>
                            ))}
                          </div>
                          <div className="xt-chk-grid">
                            {FLAG_TEXTS.map(([k, label, tip]) => (
                              <CheckItem key={k} field={`flags.${k}`} name={['flags', k]} label={label} tooltip={tip}>
                                <Input maxLength={200} />
                              </CheckItem>
                            ))}
                          </div>
                          <CheckItem
                            field="flags.stanceOpinion"
                            name={['flags', 'stanceOpinion']}
                            label="倾向性意见"
                            tooltip="转报下级请示时，本机关应提出倾向性意见"
                          >
                            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
                          </CheckItem>
                        </>
                      ),
                    },
                  ]}
                />
              </Form>
            </Col>
            <Col xs={24} lg={9} xl={9}>
              <div className="xt-chk-aside">{panel}</div>
            </Col>
          </Row>
        </FindingsContext.Provider>
      )}
    </>
  );
}
