import { useMemo, useState, type ReactNode } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import * as K from '@xietiao/domain/api/kernel';
import {
  DEFAULT_NUMBER_TEMPLATES,
  NUMBER_CLASSES,
  NUMBER_CLASS_LABELS,
  codeProblems,
  formatNumber,
  templateProblems,
  type NumberClass,
} from '@xietiao/domain/kernel/numbering';
import { EmptyState } from '../../../components/EmptyState';
import { QueryError } from '../../../components/QueryError';
import { serverPagination } from '../../../components/pagination';
import { checkWith } from '../../../lib/forms';
import { errorMessage, http, isConflict, isStale } from '../../../lib/http';
import { fmtDateTime } from '../../../lib/format';
import type { Items, Page } from '../../../lib/types';
import { useOrgans } from '../../org/api';
import { placeServerError } from '../../org/formErrors';

type NumberSeries = z.infer<typeof K.NumberSeries>;
type AssignedNumber = z.infer<typeof K.AssignedNumber>;

const SERIES_FIELDS = ['organId', 'class', 'code', 'template', 'year', 'nextValue', 'active'];
const thisYear = () => Number(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }));
const classOptions = NUMBER_CLASSES.map((c) => ({ value: c, label: NUMBER_CLASS_LABELS[c] }));

const keys = {
  series: (q: object) => ['admin', 'number-series', q] as const,
  numbers: (id: string, q: object) => ['admin', 'number-series', id, 'numbers', q] as const,
};

function useNumberMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: ['admin', 'number-series'] }) });
}

interface SeriesValues {
  organId: string;
  class: NumberClass;
  code: string;
  template: string;
  year: number;
  nextValue: number;
  active: boolean;
}

/** The next number as it will be written, or what is wrong with the template (live, as typed). */
function Preview({ values }: { values: Partial<SeriesValues> }) {
  const { template = '', code = '', year, nextValue, class: cls } = values;
  const box = (type: 'info' | 'warning', content: ReactNode) => <Alert type={type} showIcon={false} style={{ marginBottom: 16 }} title={content} />;
  if (!template.trim()) return box('info', <Typography.Text type="secondary">请填写编号模板</Typography.Text>);
  const problems = templateProblems(template, { numberClass: cls, code: code.trim() || undefined, year: year ?? undefined });
  if (problems.length) return box('warning', <span className="xt-number-problem">{problems[0]}</span>);
  const text = formatNumber(template, { code: code.trim() || '（代字）', year: year ?? thisYear(), value: nextValue ?? 1 });
  return box(
    'info',
    <span>
      下一个编号：
      <Typography.Text strong className="xt-number-preview">
        {text}
      </Typography.Text>
    </span>,
  );
}

function SeriesForm({ series, open, onClose }: { series: NumberSeries | null; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<SeriesValues>();
  const organs = useOrgans();
  const { message } = App.useApp();
  const create = useNumberMutation((b: K.CreateNumberSeriesBody) => http.post<NumberSeries>('/number-series', b));
  const patch = useNumberMutation(({ id, ...b }: K.PatchNumberSeriesBody & { id: string }) =>
    http.patch<NumberSeries>(`/number-series/${encodeURIComponent(id)}`, b),
  );
  const values = Form.useWatch([], form) as Partial<SeriesValues> | undefined;
  const selfOrgan = organs.data?.items.find((o) => o.isSelf);
  const organOptions = (organs.data?.items ?? [])
    .filter((o) => o.active || o.id === series?.organId)
    .map((o) => ({ value: o.id, label: o.isSelf ? `${o.name}（本机关）` : o.name }));
  const locked = !!series && series.assignedCount > 0;

  const insert = (token: string) => form.setFieldValue('template', `${form.getFieldValue('template') ?? ''}${token}`);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      if (series) {
        const body = checkWith(
          K.PatchNumberSeriesBody,
          {
            code: v.code,
            template: v.template,
            active: v.active,
            ...(locked ? {} : { nextValue: v.nextValue }),
            version: series.version,
          },
          form,
        );
        if (!body) return;
        const cls = series.class;
        const problems = [
          ...codeProblems(v.code, cls).map((m) => ['code', m]),
          ...templateProblems(v.template, { numberClass: cls, code: v.code, year: series.year }).map((m) => ['template', m]),
        ];
        if (problems.length) {
          form.setFields([{ name: problems[0][0] as keyof SeriesValues, errors: [problems[0][1]] }]);
          return;
        }
        await patch.mutateAsync({ id: series.id, ...body });
        message.success('编号规则已保存');
      } else {
        const body = checkWith(K.CreateNumberSeriesBody, { ...v, code: v.code?.trim() }, form);
        if (!body) return;
        await create.mutateAsync(body);
        message.success('编号规则已新增');
      }
      onClose();
    } catch (e) {
      if (isStale(e)) {
        message.warning('该编号规则已被他人修改，已刷新为最新设置，请重新编辑');
        onClose();
      } else if (!placeServerError(form, e, { fields: SERIES_FIELDS, duplicateField: 'code' })) message.error(errorMessage(e));
    }
  };

  return (
    <Modal
      title={series ? '编辑编号规则' : '新增编号规则'}
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText="保存"
      confirmLoading={create.isPending || patch.isPending}
      destroyOnHidden
      width={620}
    >
      <Form<SeriesValues>
        form={form}
        layout="vertical"
        preserve={false}
        clearOnDestroy
        requiredMark={false}
        initialValues={
          series
            ? {
                organId: series.organId,
                class: series.class,
                code: series.code,
                template: series.template,
                year: series.year,
                nextValue: series.nextValue,
                active: series.active,
              }
            : {
                organId: selfOrgan?.id,
                class: 'outgoing',
                code: selfOrgan?.docCode ? `${selfOrgan.docCode}发` : '',
                template: DEFAULT_NUMBER_TEMPLATES.outgoing,
                year: thisYear(),
                nextValue: 1,
                active: true,
              }
        }
        onValuesChange={(changed: Partial<SeriesValues>) => {
          // A new series of another class starts from that class's usual template.
          if (!series && changed.class) form.setFieldValue('template', DEFAULT_NUMBER_TEMPLATES[changed.class]);
        }}
      >
        <Form.Item name="organId" label="机关" rules={[{ required: true, message: '请选择机关' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={organOptions} disabled={!!series} loading={organs.isPending} />
        </Form.Item>
        <Space wrap size={16}>
          <Form.Item name="class" label="编号类别" rules={[{ required: true, message: '请选择编号类别' }]}>
            <Select style={{ width: 160 }} options={classOptions} disabled={!!series} />
          </Form.Item>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} disabled={!!series} suffix="年" />
          </Form.Item>
          <Form.Item
            name="code"
            label="代字"
            rules={[{ required: true, whitespace: true, message: '请填写代字' }]}
            tooltip="发文机关代字，如 某政办发；收文、督办等编号的前缀"
          >
            <Input maxLength={20} style={{ width: 180 }} placeholder="如 某政办发" />
          </Form.Item>
        </Space>
        <Form.Item
          name="template"
          label="编号模板"
          rules={[{ required: true, whitespace: true, message: '请填写编号模板' }]}
          extra={
            <Space orientation="vertical" size={4} style={{ marginTop: 4 }}>
              <Space size={4} wrap>
                <span>插入：</span>
                {['{代字}', '{年}', '{号}', '〔', '〕'].map((tk) => (
                  <Button key={tk} size="small" onClick={() => insert(tk)}>
                    {tk}
                  </Button>
                ))}
              </Space>
              <span>
                {'{代字}'} 代字，{'{年}'} 四位年份，{'{号}'} 序号（{'{号:4}'} 补足4位；发文字号的序号不编虚位）
              </span>
            </Space>
          }
        >
          <Input maxLength={100} placeholder="{代字}〔{年}〕{号}号" />
        </Form.Item>
        <Preview values={values ?? {}} />
        <Space wrap size={16}>
          <Form.Item
            name="nextValue"
            label="起始号（下一个编号）"
            rules={[{ required: true, message: '请填写起始号' }]}
            extra={locked ? '已经给出过编号，起始号不能再改（编号不重号、不空号）' : '从纸质登记簿转入时，可从已用编号的下一个开始'}
          >
            <InputNumber min={1} max={999_999_999} precision={0} style={{ width: 160 }} disabled={locked} />
          </Form.Item>
          <Form.Item name="active" label="状态" valuePropName="checked">
            <Switch checkedChildren="启用" unCheckedChildren="停用" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function VoidDialog({ number, onClose }: { number: AssignedNumber | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const voidIt = useNumberMutation(({ id, reason }: { id: string; reason: string }) =>
    http.post<AssignedNumber>(`/numbers/${encodeURIComponent(id)}/void`, { reason }),
  );
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !number) return;
    const body = checkWith(K.VoidNumberBody, v, form);
    if (!body) return;
    try {
      await voidIt.mutateAsync({ id: number.id, reason: body.reason });
      message.success(`编号“${number.text}”已作废`);
      onClose();
    } catch (e) {
      if (!placeServerError(form, e, { fields: ['reason'] })) message.error(errorMessage(e));
      // Voided meanwhile by someone else: the register is refreshed, nothing left to do here.
      if (isConflict(e)) onClose();
    }
  };
  return (
    <Modal
      title="作废编号"
      open={!!number}
      onCancel={onClose}
      onOk={submit}
      okText="作废"
      okButtonProps={{ danger: true }}
      confirmLoading={voidIt.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        作废后，编号 <Typography.Text strong>{number?.text}</Typography.Text> 保留在登记簿中并注明作废，今后不再使用。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} clearOnDestroy requiredMark={false}>
        <Form.Item name="reason" label="作废原因" rules={[{ required: true, whitespace: true, message: '请填写作废原因' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：误取号，该文未印发" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function NumbersDrawer({ series, canVoid, onClose }: { series: NumberSeries | null; canVoid: boolean; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const [onlyVoided, setOnlyVoided] = useState(false);
  const [voiding, setVoiding] = useState<AssignedNumber | null>(null);
  const pageSize = 20;
  const q = useQuery({
    queryKey: keys.numbers(series?.id ?? '', { page, onlyVoided }),
    queryFn: () =>
      http.get<Page<AssignedNumber>>(`/number-series/${encodeURIComponent(series!.id)}/numbers`, { page, pageSize, voided: onlyVoided ? '1' : undefined }),
    enabled: !!series,
    placeholderData: keepPreviousData,
  });
  const columns: ColumnsType<AssignedNumber> = [
    {
      title: '编号',
      dataIndex: 'text',
      render: (v: string, n) => (
        <Space size={4} wrap>
          <Typography.Text delete={!!n.voidedAt}>{v}</Typography.Text>
          {n.voidedAt && <Tag color="red">已作废</Tag>}
        </Space>
      ),
    },
    {
      title: '事项',
      key: 'matter',
      responsive: ['md'],
      render: (_, n) => n.matterTitle ?? (n.matterId ? <Typography.Text type="secondary">（不在您的知悉范围内）</Typography.Text> : '—'),
    },
    {
      title: '取号',
      key: 'assigned',
      render: (_, n) => (
        <span>
          {n.assignedByName ?? '系统'}
          <br />
          <Typography.Text type="secondary">{fmtDateTime(n.assignedAt)}</Typography.Text>
        </span>
      ),
    },
    {
      title: '作废记录',
      key: 'void',
      render: (_, n) =>
        n.voidedAt ? (
          <span>
            {n.voidedByName ?? '系统'}，{fmtDateTime(n.voidedAt)}
            <br />
            <Typography.Text type="secondary">原因：{n.voidReason}</Typography.Text>
          </span>
        ) : (
          '—'
        ),
    },
    ...(canVoid
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_: unknown, n: AssignedNumber) =>
              n.voidedAt ? null : (
                <Button type="link" danger size="small" onClick={() => setVoiding(n)}>
                  作废
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <Drawer
      title={series ? `编号登记：${series.organName} ${series.classLabel}（${series.code}，${series.year}年）` : ''}
      open={!!series}
      onClose={onClose}
      size="large"
      destroyOnHidden
    >
      <Space style={{ marginBottom: 12 }} wrap>
        <Switch
          checked={onlyVoided}
          onChange={(v) => {
            setOnlyVoided(v);
            setPage(1);
          }}
          checkedChildren="只看作废"
          unCheckedChildren="全部"
        />
        {series && (
          <Typography.Text type="secondary">
            已编 {series.assignedCount} 个，其中作废 {series.voidedCount} 个；下一个：{series.nextText}
          </Typography.Text>
        )}
      </Space>
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Table<AssignedNumber>
          rowKey="id"
          size="small"
          loading={q.isFetching}
          columns={columns}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: <EmptyState description={onlyVoided ? '没有作废的编号' : '尚未给出编号'} /> }}
          pagination={serverPagination(page, pageSize, q.data?.total, setPage, { unit: '个编号', small: true })}
        />
      )}
      <VoidDialog number={voiding} onClose={() => setVoiding(null)} />
    </Drawer>
  );
}

/** 编号规则 (K-5): number series per organ, class and year; the register of numbers given out. */
export function NumberSeriesTab({ canEdit, canVoid }: { canEdit: boolean; canVoid: boolean }) {
  const [year, setYear] = useState<number | undefined>(undefined);
  const [cls, setCls] = useState<NumberClass | undefined>(undefined);
  const [editing, setEditing] = useState<NumberSeries | 'new' | null>(null);
  const [viewing, setViewing] = useState<NumberSeries | null>(null);
  const filter = useMemo(() => ({ year, class: cls }), [year, cls]);
  const q = useQuery({
    queryKey: keys.series(filter),
    queryFn: () => http.get<Items<NumberSeries>>('/number-series', filter),
    placeholderData: keepPreviousData,
  });
  const items = q.data?.items ?? [];
  const current = viewing ? (items.find((s) => s.id === viewing.id) ?? viewing) : null;

  if (q.isError) return <QueryError error={q.error} onRetry={() => q.refetch()} />;

  const columns: ColumnsType<NumberSeries> = [
    { title: '机关', dataIndex: 'organName', responsive: ['md'] },
    { title: '类别', dataIndex: 'classLabel', width: 100 },
    { title: '代字', dataIndex: 'code', width: 120 },
    { title: '年度', dataIndex: 'year', width: 80 },
    { title: '模板', dataIndex: 'template', responsive: ['lg'], render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: '下一个编号', dataIndex: 'nextText' },
    { title: '已编 / 作废', key: 'counts', width: 110, render: (_, s) => `${s.assignedCount} / ${s.voidedCount}` },
    { title: '状态', dataIndex: 'active', width: 80, render: (v: boolean) => (v ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_, s) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setViewing(s)}>
            编号登记
          </Button>
          {canEdit && (
            <Button type="link" size="small" onClick={() => setEditing(s)}>
              编辑
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">
        发文字号、收文编号、督办编号、纪要编号按机关、类别、代字和年度分别编号：登记时在同一事务中取下一个号，不重号、不空号；
        取错的号只能作废并写明原因，作废的号不再使用。新的一年第一次取号时，自动沿用上一年度的代字和模板从1开始。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="全部类别" style={{ width: 140 }} options={classOptions} value={cls} onChange={setCls} aria-label="编号类别" />
        <InputNumber
          placeholder="全部年度"
          min={2000}
          max={2100}
          precision={0}
          style={{ width: 120 }}
          value={year ?? null}
          onChange={(v) => setYear(v ?? undefined)}
          aria-label="年度"
        />
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增编号规则
          </Button>
        )}
      </Space>
      <Table<NumberSeries>
        rowKey="id"
        loading={q.isFetching}
        columns={columns}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: <EmptyState description="尚未设置编号规则" /> }}
      />
      <SeriesForm series={editing === 'new' ? null : editing} open={editing !== null} onClose={() => setEditing(null)} />
      <NumbersDrawer series={current} canVoid={canVoid} onClose={() => setViewing(null)} />
    </>
  );
}
