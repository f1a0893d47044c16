import { Checkbox, Form, Input, InputNumber, Radio, Select, type FormInstance } from 'antd';
import { DatePicker } from '../../../components/Pickers';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../../../lib/http';
import { nn } from '../../../lib/forms';
import { ACTIVITY_CATEGORIES, EXCEPTION_KEYS, EXCEPTION_LABELS, HELD_IN_NAME_SHORT } from '../labels';
import type { ActivityExceptions, ExceptionFlag, HeldInName } from '@xietiao/domain';
import { LeaderSelect, NO_DEPARTMENT, OrganiserDepartmentSelect, SuperiorRankSelect } from './pickers';

export interface ActivityFormValues {
  category?: string;
  title?: string;
  organiserName?: string;
  /** a department's id, or NO_DEPARTMENT (sent as null) */
  organiserDepartmentId?: string | null;
  heldInName?: HeldInName;
  startsAt?: Dayjs | null;
  endsAt?: Dayjs | null;
  place?: string;
  travelMinutes?: number | null;
  area?: string;
  requestedLeaderIds?: string[];
  exceptions?: Partial<ActivityExceptions>;
  description?: string;
  contact?: string;
}

const TIME_FORMAT = 'YYYY-MM-DD HH:mm';
const CATEGORY_OPTIONS = ACTIVITY_CATEGORIES.map((c) => ({ value: c, label: c }));

/** An instant at minute precision, as ISO (UTC, Z). */
export function toIso(d: Dayjs | null | undefined): string {
  return d ? d.second(0).millisecond(0).toDate().toISOString() : '';
}

/** The request body (ActivityRequestBody) from the form values. */
export function toBody(v: ActivityFormValues) {
  return {
    category: v.category as (typeof ACTIVITY_CATEGORIES)[number],
    title: (v.title ?? '').trim(),
    organiserName: (v.organiserName ?? '').trim(),
    // required by the form; a missing one is left for the server to refuse, never defaulted
    organiserDepartmentId: v.organiserDepartmentId === NO_DEPARTMENT ? null : (v.organiserDepartmentId as string),
    heldInName: v.heldInName ?? 'other',
    startsAt: toIso(v.startsAt),
    endsAt: toIso(v.endsAt),
    place: (v.place ?? '').trim(),
    travelMinutes: v.travelMinutes ?? 0,
    area: nn(v.area),
    requestedLeaderIds: v.requestedLeaderIds ?? [],
    exceptions: {
      ...(Object.fromEntries(EXCEPTION_KEYS.map((k) => [k, !!v.exceptions?.[k]])) as Record<ExceptionFlag, boolean>),
      superiorLeaderRankOrder: v.exceptions?.superiorLeaderAttends ? (v.exceptions.superiorLeaderRankOrder ?? null) : null,
    } satisfies ActivityExceptions,
    description: nn(v.description),
    contact: nn(v.contact),
  };
}

/**
 * Puts a 400's `error.path` (body.startsAt, body.requestedLeaderIds[0], body.exceptions.x) onto that
 * field. Returns true when it did.
 */
export function placeServerError(form: FormInstance, e: unknown): boolean {
  if (!(e instanceof ApiError) || e.status !== 400 || !e.path) return false;
  const parts = e.path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  if (!parts.length) return false;
  const known = new Set([
    'category',
    'title',
    'organiserName',
    'organiserDepartmentId',
    'heldInName',
    'startsAt',
    'endsAt',
    'place',
    'travelMinutes',
    'area',
    'requestedLeaderIds',
    'exceptions',
    'description',
    'contact',
    'version',
  ]);
  if (!known.has(parts[0]) || parts[0] === 'version') return false;
  const name = parts[0] === 'exceptions' && parts[1] ? ['exceptions', parts[1]] : [parts[0]];
  form.setFields([{ name, errors: [e.message] }]);
  form.scrollToField(name);
  return true;
}

function disabledPast(d: Dayjs) {
  return d.endOf('day').isBefore(new Date());
}

/** The fields of an attendance request (出席申请), shared by the request page and the edit dialog. */
export function ActivityFields() {
  const superiorAttends = Form.useWatch(['exceptions', 'superiorLeaderAttends'], Form.useFormInstance()) === true;
  return (
    <>
      <div className="xt-act-grid">
        <Form.Item name="category" htmlFor="act-category" label="活动类别" rules={[{ required: true, message: '请选择活动类别' }]}>
          <Select id="act-category" options={CATEGORY_OPTIONS} placeholder="选择类别" showSearch />
        </Form.Item>
        <Form.Item name="heldInName" label="举办名义" rules={[{ required: true, message: '请选择举办名义' }]}>
          <Radio.Group className="xt-act-held" options={Object.entries(HELD_IN_NAME_SHORT).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      </div>
      <Form.Item
        name="title"
        htmlFor="act-title"
        label="活动名称"
        rules={[
          { required: true, whitespace: true, message: '请填写活动名称' },
          { max: 200, message: '不能超过200个字符' },
        ]}
      >
        <Input id="act-title" maxLength={200} placeholder="如：全市教育工作会议" />
      </Form.Item>
      <div className="xt-act-grid">
        <Form.Item
          name="organiserName"
          htmlFor="act-organiser"
          label="主办单位"
          rules={[
            { required: true, whitespace: true, message: '请填写主办单位' },
            { max: 100, message: '不能超过100个字符' },
          ]}
        >
          <Input id="act-organiser" maxLength={100} placeholder="如：市教育局" />
        </Form.Item>
        <Form.Item
          name="organiserDepartmentId"
          htmlFor="act-department"
          label="主办部门"
          tooltip="本机关的主办或承办部门，用于判断分管领导；外单位主办的选“无”，按工作领域判断"
          rules={[{ required: true, message: '请选择主办部门（外单位主办的选“无”）' }]}
        >
          <OrganiserDepartmentSelect id="act-department" />
        </Form.Item>
        <Form.Item name="startsAt" htmlFor="act-starts" label="开始时间" rules={[{ required: true, message: '请选择开始时间' }]}>
          <DatePicker
            id="act-starts"
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format={TIME_FORMAT}
            style={{ width: '100%' }}
            disabledDate={disabledPast}
            placeholder="选择开始时间"
          />
        </Form.Item>
        <Form.Item
          name="endsAt"
          htmlFor="act-ends"
          label="结束时间"
          dependencies={['startsAt']}
          rules={[
            { required: true, message: '请选择结束时间' },
            ({ getFieldValue }) => ({
              validator: (_, v: Dayjs | null) => {
                const s = getFieldValue('startsAt') as Dayjs | null;
                return !v || !s || v.isAfter(s) ? Promise.resolve() : Promise.reject(new Error('结束时间必须晚于开始时间'));
              },
            }),
          ]}
        >
          <DatePicker
            id="act-ends"
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format={TIME_FORMAT}
            style={{ width: '100%' }}
            disabledDate={disabledPast}
            placeholder="选择结束时间"
          />
        </Form.Item>
        <Form.Item
          name="place"
          htmlFor="act-place"
          label="地点"
          rules={[
            { required: true, whitespace: true, message: '请填写地点' },
            { max: 200, message: '不能超过200个字符' },
          ]}
        >
          <Input id="act-place" maxLength={200} placeholder="如：市会议中心第一会议室" />
        </Form.Item>
        <Form.Item
          name="travelMinutes"
          htmlFor="act-travel"
          label="预计路程（分钟）"
          tooltip="单程；用于提醒领导按时出发"
          rules={[{ required: true, message: '请填写预计路程时间' }]}
        >
          <InputNumber id="act-travel" min={0} max={720} precision={0} style={{ width: '100%' }} suffix="分钟" />
        </Form.Item>
        <Form.Item name="area" htmlFor="act-area" label="工作领域" tooltip="用于匹配领导分管工作，如：教育、安全生产">
          <Input id="act-area" maxLength={50} placeholder="如：教育" />
        </Form.Item>
        <Form.Item name="contact" htmlFor="act-contact" label="联系人">
          <Input id="act-contact" maxLength={100} placeholder="姓名及电话" />
        </Form.Item>
      </div>
      <Form.Item name="requestedLeaderIds" htmlFor="act-leaders" label="拟邀请领导" extra="可不选，由办公室根据分工和日程提出拟办意见">
        <LeaderSelect id="act-leaders" mode="multiple" />
      </Form.Item>
      <Form.Item label="特殊情况" tooltip="符合下列情形的，可灵活掌握邀请本机关相关领导出席" className="xt-act-exceptions">
        {EXCEPTION_KEYS.map((k) => (
          <Form.Item key={k} name={['exceptions', k]} valuePropName="checked" noStyle>
            <Checkbox className="xt-act-exception" data-exception={k}>
              {EXCEPTION_LABELS[k]}
            </Checkbox>
          </Form.Item>
        ))}
      </Form.Item>
      {superiorAttends && (
        <Form.Item
          name={['exceptions', 'superiorLeaderRankOrder']}
          htmlFor="act-superior-rank"
          label="来访上级领导级别"
          tooltip="按来访领导相当于本机关哪一级别领导选择，系统据此建议陪同的领导（相当于主要领导或更高的，建议主要领导出席）"
          rules={[{ required: true, message: '请选择来访上级领导的级别' }]}
        >
          <SuperiorRankSelect id="act-superior-rank" />
        </Form.Item>
      )}
      <Form.Item name="description" htmlFor="act-description" label="说明">
        <Input.TextArea id="act-description" rows={3} maxLength={5000} placeholder="活动内容、规模、议程，需领导讲话或颁奖等" />
      </Form.Item>
    </>
  );
}
