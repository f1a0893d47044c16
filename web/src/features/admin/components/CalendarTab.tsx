/**
 * 节假日日历 (K-8): the system administrator sees, year by year, where the working-day calendar
 * comes from (the statutory data, the yearly notice they entered, or nothing — a missing year,
 * shown prominently), adjusts single days, and enters the State Council's yearly notice
 * (国务院办公厅关于某年部分节假日安排的通知) for a year the statutory data does not cover yet.
 */
import { useMemo, useState } from 'react';
import type { CSSProperties } from 'react';
import {
  Alert,
  App,
  AutoComplete,
  Badge,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { DatePicker, RangePicker } from '../../../components/Pickers';
import type { ColumnsType } from 'antd/es/table';
import { CalendarOutlined, DeleteOutlined, EditOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { api } from '@xietiao/domain';
import { ApiError, errorMessage, http } from '../../../lib/http';
import { chineseWeekday, fmtDate, fmtDateTime, today } from '../../../lib/format';

type CalendarYears = z.infer<typeof api.CalendarYears>;
type CalendarYear = z.infer<typeof api.CalendarYear>;
type CalendarOverride = z.infer<typeof api.CalendarOverride>;
type DayInfo = z.infer<typeof api.DayInfo>;
type YearNoticeInput = z.input<typeof api.YearNoticeInput>;
type YearStatus = CalendarYear['status'];

// ── API ──────────────────────────────────────────────────────────────────────

function useCalendarYears() {
  return useQuery({ queryKey: ['calendar', 'years'], queryFn: () => http.get<CalendarYears>('/calendar/years') });
}
function useCalendarYear(year: number) {
  return useQuery({ queryKey: ['calendar', 'year', year], queryFn: () => http.get<CalendarYear>(`/calendar/years/${year}`) });
}
function useCalendarDays(year: number) {
  return useQuery({
    queryKey: ['calendar', 'days', year],
    queryFn: () => http.get<{ items: DayInfo[] }>('/calendar/days', { from: `${year}-01-01`, to: `${year}-12-31` }),
  });
}
function useCalendarMutations() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['calendar'] });
  return {
    saveNotice: useMutation({
      mutationFn: ({ year, body }: { year: number; body: YearNoticeInput }) => http.put<CalendarYear>(`/calendar/years/${year}/notice`, body),
      onSuccess: done,
    }),
    removeNotice: useMutation({ mutationFn: (year: number) => http.del<CalendarYear>(`/calendar/years/${year}/notice`), onSuccess: done }),
    setOverride: useMutation({
      mutationFn: ({ date, working, reason }: { date: string; working: boolean; reason: string }) =>
        http.put<CalendarOverride>(`/calendar/overrides/${date}`, { working, reason }),
      onSuccess: done,
    }),
    removeOverride: useMutation({ mutationFn: (date: string) => http.del<{ ok: true }>(`/calendar/overrides/${date}`), onSuccess: done }),
  };
}

/** The tab's label, with a red dot while this year or the next has no holiday data. */
export function CalendarTabLabel() {
  const q = useCalendarYears();
  const missing = (q.data?.missing.length ?? 0) > 0;
  return (
    <Badge dot={missing} offset={[6, 0]}>
      <span>节假日日历</span>
    </Badge>
  );
}

// ── presentation helpers ─────────────────────────────────────────────────────

const STATUS_COLOR: Record<YearStatus, string> = { statutory: 'green', entered: 'blue', missing: 'red' };
const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];
const DATE_FORMATS = ['YYYY年M月D日', 'YYYY-MM-DD'];
const WEEK_HEAD = ['一', '二', '三', '四', '五', '六', '日'];

function StatusTag({ status }: { status: YearStatus }) {
  return <Tag color={STATUS_COLOR[status]}>{api.YEAR_STATUS_LABELS[status]}</Tag>;
}

function dayKind(d: DayInfo): 'holiday' | 'adjusted' | 'weekend' | 'workday' {
  if (!d.working) return d.label === '周末' ? 'weekend' : 'holiday';
  const wd = new Date(`${d.date}T00:00:00Z`).getUTCDay();
  return wd === 0 || wd === 6 ? 'adjusted' : 'workday';
}

const CELL: Record<ReturnType<typeof dayKind>, CSSProperties> = {
  holiday: { background: '#fff1f0', color: '#cf1322', fontWeight: 600 },
  adjusted: { background: '#fff7e6', color: '#d46b08', fontWeight: 600 },
  weekend: { background: '#fafafa', color: 'rgba(0,0,0,.56)' },
  workday: { background: '#fff', color: 'rgba(0,0,0,.88)' },
};
const MARK: Partial<Record<ReturnType<typeof dayKind>, string>> = { holiday: '休', adjusted: '班' };

function describeDay(d: DayInfo): string {
  const what = d.holidayName && (d.label === '法定节假日' || d.label === '调休上班') ? `${d.label}（${d.holidayName}）` : d.label;
  return `${fmtDate(d.date)} ${chineseWeekday(d.date)} · ${what} · ${api.DAY_SOURCE_LABELS[d.source]}`;
}

function MonthGrid({ month, days, onPick }: { month: number; days: DayInfo[]; onPick: (d: DayInfo) => void }) {
  const offset = days.length ? (new Date(`${days[0].date}T00:00:00Z`).getUTCDay() + 6) % 7 : 0;
  return (
    <Card size="small" title={`${month}月`} styles={{ body: { padding: 8 } }} className="xt-cal-month">
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, textAlign: 'center', fontSize: 12 }}>
        {WEEK_HEAD.map((w) => (
          <div key={w} style={{ color: 'rgba(0,0,0,.56)', padding: '2px 0' }}>
            {w}
          </div>
        ))}
        {Array.from({ length: offset }, (_, i) => (
          <div key={`pad-${i}`} />
        ))}
        {days.map((d) => {
          const kind = dayKind(d);
          const mark = MARK[kind];
          return (
            <Tooltip key={d.date} title={describeDay(d)} mouseEnterDelay={0.3}>
              <button
                type="button"
                className="xt-cal-day"
                data-date={d.date}
                data-working={d.working ? '1' : '0'}
                data-source={d.source}
                aria-label={describeDay(d)}
                onClick={() => onPick(d)}
                style={{
                  ...CELL[kind],
                  position: 'relative',
                  border: d.source === 'override' ? '2px solid #1677ff' : '1px solid #f0f0f0',
                  borderRadius: 4,
                  padding: '3px 0',
                  cursor: 'pointer',
                  font: 'inherit',
                  lineHeight: '18px',
                }}
              >
                {Number(d.date.slice(8))}
                {mark && <span style={{ position: 'absolute', top: 0, right: 2, fontSize: 9, lineHeight: '10px' }}>{mark}</span>}
              </button>
            </Tooltip>
          );
        })}
      </div>
    </Card>
  );
}

function Legend() {
  const item = (style: CSSProperties, text: string) => (
    <Space size={4}>
      <span style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, border: '1px solid #f0f0f0', ...style }} />
      {text}
    </Space>
  );
  return (
    <Space wrap size={16} style={{ fontSize: 12 }}>
      {item(CELL.holiday, '休：法定节假日')}
      {item(CELL.adjusted, '班：调休上班')}
      {item(CELL.weekend, '周末')}
      {item({ border: '2px solid #1677ff' }, '管理员单日调整')}
      <Typography.Text type="secondary">点击某一天可进行单日调整</Typography.Text>
    </Space>
  );
}

// ── the yearly notice form ───────────────────────────────────────────────────

interface NoticeValues {
  reference?: string;
  holidays: { name?: string; range?: [Dayjs | null, Dayjs | null] | null }[];
  workdays: { date?: Dayjs | null; name?: string }[];
}

/** `body.holidays[1].to` → ['holidays', 1, 'range'] (the form has one range field per holiday). */
function fieldOf(path: string): (string | number)[] | null {
  const parts = path
    .replace(/^body\.?/, '')
    .split(/[.[\]]/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (!parts.length) return null;
  if (parts[0] === 'holidays' && (parts[2] === 'from' || parts[2] === 'to')) return ['holidays', parts[1], 'range'];
  return parts;
}

function NoticeModal({ year, current, open, onClose }: { year: number; current: CalendarYear | undefined; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<NoticeValues>();
  const { message } = App.useApp();
  const { saveNotice } = useCalendarMutations();
  const nameOptions = HOLIDAY_NAMES.map((n) => ({ value: n }));

  const initial: NoticeValues = current?.notice
    ? {
        reference: current.reference ?? undefined,
        holidays: current.notice.holidays.map((h) => ({ name: h.name, range: [dayjs(h.from), dayjs(h.to)] })),
        workdays: current.notice.workdays.map((w) => ({ date: dayjs(w.date), name: w.name ?? undefined })),
      }
    : { reference: `国务院办公厅关于${year}年部分节假日安排的通知`, holidays: HOLIDAY_NAMES.map((name) => ({ name, range: null })), workdays: [] };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: YearNoticeInput = {
      reference: v.reference?.trim() || null,
      holidays: v.holidays.map((h) => ({ name: (h.name ?? '').trim(), from: h.range![0]!.format('YYYY-MM-DD'), to: h.range![1]!.format('YYYY-MM-DD') })),
      workdays: (v.workdays ?? []).map((w) => ({ date: w.date!.format('YYYY-MM-DD'), name: w.name?.trim() || null })),
    };
    try {
      await saveNotice.mutateAsync({ year, body });
      message.success(`已录入${year}年节假日安排`);
      onClose();
    } catch (e) {
      const name = e instanceof ApiError && e.status === 400 && e.path ? fieldOf(e.path) : null;
      if (name) {
        try {
          form.setFields([{ name: name as never, errors: [e instanceof Error ? e.message : ''] }]);
          form.scrollToField(name as never);
          return;
        } catch {
          /* not a field of the form */
        }
      }
      message.error(errorMessage(e));
    }
  };

  return (
    <Modal
      title={`录入${year}年节假日安排`}
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText="保存"
      confirmLoading={saveNotice.isPending}
      destroyOnHidden
      width={760}
      className="xt-cal-notice"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`请对照国务院办公厅发布的${year}年部分节假日安排通知逐项填写`}
        description="每个假期填写放假的起止日期（含其中的周末），调休上班的周六、周日逐日列出。保存后替换该年度此前录入的安排；未列出的日期按周一至周五上班、周六周日休息计算。"
      />
      <Form<NoticeValues> form={form} layout="vertical" initialValues={initial} requiredMark={false}>
        <Form.Item name="reference" label="通知名称或文号" rules={[{ max: 100, message: '不能超过100个字符' }]}>
          <Input placeholder={`如：国务院办公厅关于${year}年部分节假日安排的通知`} />
        </Form.Item>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          放假安排
        </Typography.Title>
        <Form.List
          name="holidays"
          rules={[
            {
              validator: async (_, list) => {
                if (!list || list.length < 1) throw new Error('至少填写一个节假日');
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }} className="xt-notice-holiday" data-index={i}>
                  <Form.Item
                    name={[f.name, 'name']}
                    rules={[
                      { required: true, whitespace: true, message: '请填写假期名称' },
                      { max: 20, message: '不能超过20个字符' },
                    ]}
                    style={{ marginBottom: 8 }}
                  >
                    <AutoComplete options={nameOptions} placeholder="假期名称" style={{ width: 160 }} aria-label={`第${i + 1}个假期的名称`} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'range']}
                    rules={[
                      {
                        validator: async (_, r) => {
                          if (!r || !r[0] || !r[1]) throw new Error('请选择放假的起止日期');
                        },
                      },
                    ]}
                    style={{ marginBottom: 8 }}
                  >
                    <RangePicker
                      format={DATE_FORMATS}
                      placeholder={['放假开始', '放假结束']}
                      defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-01-01`)]}
                      style={{ width: 340 }}
                    />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={`删除第${i + 1}个假期`} />
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', range: null })} style={{ marginBottom: 16 }}>
                添加假期
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5}>调休上班日期</Typography.Title>
        <Form.List name="workdays">
          {(fields, { add, remove }) => (
            <>
              {fields.length === 0 && <Typography.Paragraph type="secondary">通知中要求上班的周六、周日，逐日添加。</Typography.Paragraph>}
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }} className="xt-notice-workday" data-index={i}>
                  <Form.Item name={[f.name, 'date']} rules={[{ required: true, message: '请选择调休上班的日期' }]} style={{ marginBottom: 8 }}>
                    <DatePicker format={DATE_FORMATS} placeholder="上班日期" defaultPickerValue={dayjs(`${year}-01-01`)} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ max: 20, message: '不能超过20个字符' }]} style={{ marginBottom: 8 }}>
                    <AutoComplete options={nameOptions} placeholder="所属假期（可不填）" style={{ width: 180 }} aria-label={`第${i + 1}个调休上班日所属假期`} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={`删除第${i + 1}个调休上班日`} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ date: null, name: '' })}>
                添加调休上班日
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

// ── a single override ────────────────────────────────────────────────────────

interface OverrideValues {
  date: Dayjs | null;
  working: boolean;
  reason: string;
}

function OverrideModal({
  year,
  picked,
  lookup,
  open,
  onClose,
}: {
  year: number;
  picked: DayInfo | null;
  lookup: (date: string) => DayInfo | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<OverrideValues>();
  const { message } = App.useApp();
  const { setOverride, removeOverride } = useCalendarMutations();
  const chosen = Form.useWatch('date', form);
  // the day as it stands now (the picker may move to another date than the one clicked)
  const day = chosen === undefined ? picked : chosen ? (lookup(chosen.format('YYYY-MM-DD')) ?? null) : null;
  const isOverride = day?.source === 'override';

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !v.date) return;
    const date = v.date.format('YYYY-MM-DD');
    try {
      await setOverride.mutateAsync({ date, working: v.working, reason: v.reason.trim() });
      message.success(`已将${fmtDate(date)}设为${v.working ? '工作日' : '休息日'}`);
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.path) {
        const field = e.path.endsWith('reason') ? 'reason' : e.path.endsWith('working') ? 'working' : 'date';
        form.setFields([{ name: field, errors: [e.message] }]);
        return;
      }
      message.error(errorMessage(e));
    }
  };
  const cancelOverride = async () => {
    if (!day) return;
    try {
      await removeOverride.mutateAsync(day.date);
      message.success(`已取消${fmtDate(day.date)}的单日调整`);
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Modal
      title="单日调整"
      open={open}
      onCancel={onClose}
      destroyOnHidden
      width={520}
      footer={[
        isOverride && (
          <Popconfirm
            key="remove"
            title="取消该日的单日调整？"
            description="取消后该日恢复按法定数据或年度安排计算。"
            okText="取消调整"
            cancelText="返回"
            onConfirm={cancelOverride}
          >
            <Button danger icon={<DeleteOutlined />} loading={removeOverride.isPending}>
              取消调整
            </Button>
          </Popconfirm>
        ),
        <Button key="cancel" onClick={onClose}>
          关闭
        </Button>,
        <Button key="ok" type="primary" onClick={submit} loading={setOverride.isPending}>
          保存
        </Button>,
      ]}
    >
      {day && <Alert type={isOverride ? 'info' : 'warning'} showIcon style={{ marginBottom: 16 }} title={`当前：${describeDay(day)}`} />}
      <Form<OverrideValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ date: picked ? dayjs(picked.date) : null, working: picked ? !picked.working : false, reason: '' }}
      >
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker format={DATE_FORMATS} defaultPickerValue={dayjs(`${year}-01-01`)} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="working" label="调整为" rules={[{ required: true, message: '请选择工作日或休息日' }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: true, label: '工作日（上班）' },
              { value: false, label: '休息日（不上班）' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="调整原因"
          rules={[
            { required: true, whitespace: true, message: '请填写调整原因' },
            { max: 100, message: '不能超过100个字符' },
          ]}
        >
          <Input.TextArea rows={2} placeholder="如：根据市委办公室通知，因防汛工作需要照常上班" />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        调整只影响此后计算的办理期限；已经交办的任务期限不会自动改变。每次调整都记入审计日志。
      </Typography.Paragraph>
    </Modal>
  );
}

// ── the tab ──────────────────────────────────────────────────────────────────

export function CalendarTab() {
  const [params, setParams] = useSearchParams();
  const years = useCalendarYears();
  const thisYear = Number(today().slice(0, 4));
  const firstMissing = years.data?.missing[0];
  const year = Number(params.get('year')) || firstMissing || thisYear;
  const detail = useCalendarYear(year);
  const days = useCalendarDays(year);
  const { removeNotice } = useCalendarMutations();
  const { message } = App.useApp();
  const [noticeOpen, setNoticeOpen] = useState(false);
  const [picked, setPicked] = useState<DayInfo | null>(null);
  const [overrideOpen, setOverrideOpen] = useState(false);

  const setYear = (y: number) => {
    const next = new URLSearchParams(params);
    next.set('year', String(y));
    setParams(next, { replace: true });
  };
  const months = useMemo(() => {
    const by: DayInfo[][] = Array.from({ length: 12 }, () => []);
    for (const d of days.data?.items ?? []) by[Number(d.date.slice(5, 7)) - 1].push(d);
    return by;
  }, [days.data]);

  if (years.isPending) return <Skeleton active />;
  if (years.isError) return <Alert type="error" showIcon title="加载失败" description={errorMessage(years.error)} />;

  const options = [...years.data.items].reverse().map((y) => ({
    value: y.year,
    label: (
      <Space size={6}>
        <span>{y.year}年</span>
        <StatusTag status={y.status} />
      </Space>
    ),
  }));
  const summary = years.data.items.find((y) => y.year === year);
  const status: YearStatus = detail.data?.status ?? summary?.status ?? 'missing';
  // Pin the year in the address first: once its notice is saved it is no longer the default (first missing) year.
  const openOverride = (d: DayInfo | null) => {
    setYear(year);
    setPicked(d);
    setOverrideOpen(true);
  };
  const openNotice = (y: number) => {
    setYear(y);
    setNoticeOpen(true);
  };

  const overrideColumns: ColumnsType<CalendarOverride> = [
    { title: '日期', dataIndex: 'date', width: 200, render: (d: string) => `${fmtDate(d)} ${chineseWeekday(d)}` },
    { title: '调整为', dataIndex: 'working', width: 110, render: (w: boolean) => (w ? <Tag color="orange">工作日</Tag> : <Tag color="red">休息日</Tag>) },
    { title: '原因', dataIndex: 'reason' },
    { title: '设定人', dataIndex: 'createdByName', width: 110, responsive: ['md'] },
    { title: '设定时间', dataIndex: 'createdAt', width: 180, responsive: ['lg'], render: (v: string) => fmtDateTime(v) },
    {
      title: '操作',
      key: 'op',
      width: 90,
      render: (_, o) => (
        <Button size="small" type="link" onClick={() => openOverride(days.data?.items.find((d) => d.date === o.date) ?? null)}>
          修改
        </Button>
      ),
    },
  ];

  return (
    <div className="xt-calendar-tab">
      {years.data.missing.map((y) => (
        <Alert
          key={y}
          type="error"
          showIcon
          className="xt-cal-missing"
          style={{ marginBottom: 16 }}
          title={`${y}年缺少法定节假日数据`}
          description={`系统内置的节假日数据不含${y}年。录入前，${y}年的周一至周五一律按工作日计算，落在该年或跨入该年的办理期限都会标注“期限待核对”。国务院办公厅发布${y}年部分节假日安排的通知后，请及时录入。`}
          action={
            <Button type="primary" danger onClick={() => openNotice(y)}>
              录入{y}年节假日安排
            </Button>
          }
        />
      ))}

      <Space wrap size={16} style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Space wrap size={8}>
          <Typography.Text strong>年度</Typography.Text>
          <Select aria-label="年度" value={year} onChange={setYear} options={options} style={{ width: 200 }} />
          <StatusTag status={status} />
        </Space>
        <Space wrap size={8}>
          <Button icon={<CalendarOutlined />} onClick={() => openOverride(null)}>
            单日调整
          </Button>
          <Button type="primary" icon={<EditOutlined />} onClick={() => openNotice(year)}>
            {detail.data?.notice ? `修改${year}年节假日安排` : `录入${year}年节假日安排`}
          </Button>
        </Space>
      </Space>

      {detail.data && (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2, xl: 3 }}
          style={{ marginBottom: 16 }}
          className="xt-cal-status"
          styles={{ label: { whiteSpace: 'nowrap' } }}
        >
          <Descriptions.Item label="数据状态">
            {status === 'missing' ? (
              <Typography.Text type="danger" strong>
                缺少节假日数据（工作日按周一至周五计算）
              </Typography.Text>
            ) : status === 'entered' ? (
              '管理员已录入年度节假日安排'
            ) : (
              '使用国家法定节假日数据'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="内置法定数据">{detail.data.statutory ? '有' : '无'}</Descriptions.Item>
          <Descriptions.Item label="录入情况">
            {detail.data.notice ? `${detail.data.enteredByName ?? '—'} 于 ${fmtDateTime(detail.data.enteredAt)} 录入` : '未录入'}
          </Descriptions.Item>
          {detail.data.notice && (
            <>
              <Descriptions.Item label="依据">{detail.data.reference ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="放假安排" span={2}>
                <Space size={[4, 4]} wrap>
                  {detail.data.notice.holidays.map((h) => (
                    <Tag key={`${h.name}-${h.from}`} color="red">
                      {h.name}：{fmtDate(h.from)}
                      {h.to !== h.from ? `至${fmtDate(h.to).replace(/^\d+年/, '')}` : ''}
                    </Tag>
                  ))}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label="调休上班" span={3}>
                {detail.data.notice.workdays.length ? (
                  <Space size={[4, 4]} wrap>
                    {detail.data.notice.workdays.map((w) => (
                      <Tag key={w.date} color="orange">
                        {fmtDate(w.date)}（{chineseWeekday(w.date)}）{w.name ? ` ${w.name}` : ''}
                      </Tag>
                    ))}
                  </Space>
                ) : (
                  '无'
                )}
              </Descriptions.Item>
            </>
          )}
        </Descriptions>
      )}
      {detail.data?.notice && detail.data.statutory && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`内置数据已包含${year}年，可撤销管理员录入的安排`}
          action={
            <Popconfirm
              title={`撤销${year}年录入的节假日安排？`}
              okText="撤销"
              cancelText="返回"
              onConfirm={async () => {
                try {
                  await removeNotice.mutateAsync(year);
                  message.success('已撤销');
                } catch (e) {
                  message.error(errorMessage(e));
                }
              }}
            >
              <Button size="small">撤销录入</Button>
            </Popconfirm>
          }
        />
      )}

      <Legend />
      {days.isPending ? (
        <Skeleton active style={{ marginTop: 16 }} />
      ) : days.isError ? (
        <Alert type="error" showIcon title="日历加载失败" description={errorMessage(days.error)} style={{ marginTop: 16 }} />
      ) : (
        <Row gutter={[12, 12]} style={{ marginTop: 12 }} className="xt-cal-grid">
          {months.map((m, i) => (
            <Col key={i} xs={24} sm={12} lg={8} xl={6}>
              <MonthGrid month={i + 1} days={m} onPick={openOverride} />
            </Col>
          ))}
        </Row>
      )}

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {year}年单日调整
      </Typography.Title>
      <Table<CalendarOverride>
        rowKey="date"
        size="small"
        columns={overrideColumns}
        dataSource={detail.data?.overrides ?? []}
        loading={detail.isPending}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本年度没有单日调整" /> }}
      />

      {noticeOpen && <NoticeModal year={year} current={detail.data} open={noticeOpen} onClose={() => setNoticeOpen(false)} />}
      {overrideOpen && (
        <OverrideModal
          year={year}
          picked={picked}
          lookup={(d) => days.data?.items.find((x) => x.date === d)}
          open={overrideOpen}
          onClose={() => setOverrideOpen(false)}
        />
      )}
    </div>
  );
}
