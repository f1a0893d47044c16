import { useEffect } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Select, Skeleton, Switch, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, errorMessage, isConflict } from '../../../lib/http';
import { fmtDateTime } from '../../../lib/format';
import { useActivityRules, useSaveActivityRules } from '../api';
import { ACTIVITY_CATEGORIES } from '../labels';

interface Values {
  quota: { enabled: boolean; period: 'month' | 'quarter' | 'year'; max: number; warnRatio: number };
  onlyLeaderInCharge: { enabled: boolean };
  publicOccasions: { enabled: boolean; categories: string[]; maxFirstLine: number; preferSecondLine: boolean };
  exceptions: { enabled: boolean };
  reminders: { dayBeforeAt: Dayjs | null; marginMinutes: number; escalateAfterMinutes: number };
}

const PERIODS = [
  { value: 'month', label: '每月' },
  { value: 'quarter', label: '每季度' },
  { value: 'year', label: '每年' },
];

/** 活动规则 (ACT-2): the administrator edits the rules, stored as data with a version. */
export function ActivityRulesTab() {
  const q = useActivityRules();
  const save = useSaveActivityRules();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();

  useEffect(() => {
    if (!q.data) return;
    const s = q.data.settings as unknown as Omit<Values, 'reminders'> & {
      reminders: { dayBeforeAt: string; marginMinutes: number; escalateAfterMinutes: number };
    };
    form.setFieldsValue({ ...s, reminders: { ...s.reminders, dayBeforeAt: s.reminders?.dayBeforeAt ? dayjs(s.reminders.dayBeforeAt, 'HH:mm') : null } });
  }, [q.data, form]);

  if (q.isPending) return <Skeleton active />;
  if (q.isError) return <Alert type="error" showIcon title="加载失败" description={errorMessage(q.error)} />;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const settings = { ...v, reminders: { ...v.reminders, dayBeforeAt: v.reminders.dayBeforeAt ? v.reminders.dayBeforeAt.format('HH:mm') : '' } };
    try {
      await save.mutateAsync({ version: q.data.version, settings });
      message.success('活动规则已保存');
    } catch (e) {
      if (isConflict(e)) {
        message.warning('规则已被他人修改，已刷新为最新设置');
        void q.refetch();
        return;
      }
      if (e instanceof ApiError && e.status === 400 && e.path) {
        const name = e.path
          .replace(/^body\.settings\./, '')
          .replace(/^body\./, '')
          .split('.')
          .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
        const field = typeof name[name.length - 1] === 'number' ? name.slice(0, -1) : name;
        try {
          form.setFields([{ name: field as never, errors: [e.message] }]);
          form.scrollToField(field as never);
          return;
        } catch {
          /* not a field of the form */
        }
      }
      message.error(errorMessage(e));
    }
  };

  const sw = <Switch checkedChildren="启用" unCheckedChildren="停用" />;
  return (
    <Form<Values> form={form} layout="vertical" className="xt-act-rules-form" requiredMark={false}>
      <Typography.Paragraph type="secondary">
        规则用于登记出席申请时的自动判断和办公室拟办建议。当前版本：{q.data.version}
        {q.data.updatedAt ? `，最后修改于 ${fmtDateTime(q.data.updatedAt)}` : '（系统默认）'}
      </Typography.Paragraph>
      <Card size="small" title="以党委、政府名义举办活动的数量控制" className="xt-act-card">
        <div className="xt-act-grid is-4">
          <Form.Item name={['quota', 'enabled']} label="状态" valuePropName="checked">
            {sw}
          </Form.Item>
          <Form.Item name={['quota', 'period']} label="统计周期" rules={[{ required: true, message: '请选择统计周期' }]}>
            <Select options={PERIODS} />
          </Form.Item>
          <Form.Item name={['quota', 'max']} label="数量上限" rules={[{ required: true, message: '请填写数量上限' }]}>
            <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} suffix="项" />
          </Form.Item>
          <Form.Item
            name={['quota', 'warnRatio']}
            label="预警比例"
            tooltip="达到上限的该比例时提示，如 0.8 表示 80%"
            rules={[{ required: true, message: '请填写预警比例' }]}
          >
            <InputNumber min={0.05} max={1} step={0.05} style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Card>
      <Card size="small" title="只安排分管领导出席（不陪会）" className="xt-act-card">
        <Form.Item
          name={['onlyLeaderInCharge', 'enabled']}
          label="状态"
          valuePropName="checked"
          extra="以党委、政府名义召开的会议，默认只安排分管该项工作的领导出席，其他领导不陪会"
        >
          {sw}
        </Form.Item>
      </Card>
      <Card size="small" title="公开场合多安排二线领导" className="xt-act-card">
        <div className="xt-act-grid">
          <Form.Item name={['publicOccasions', 'enabled']} label="状态" valuePropName="checked">
            {sw}
          </Form.Item>
          <Form.Item name={['publicOccasions', 'preferSecondLine']} label="优先推荐二线领导" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </div>
        <Form.Item name={['publicOccasions', 'categories']} label="适用的活动类别">
          <Select mode="multiple" options={ACTIVITY_CATEGORIES.map((c) => ({ value: c, label: c }))} placeholder="选择类别" />
        </Form.Item>
        <Form.Item name={['publicOccasions', 'maxFirstLine']} label="一线领导人数上限" rules={[{ required: true, message: '请填写人数上限' }]}>
          <InputNumber min={0} max={20} precision={0} style={{ width: 200 }} suffix="人" />
        </Form.Item>
      </Card>
      <Card size="small" title="特殊情况灵活掌握" className="xt-act-card">
        <Form.Item
          name={['exceptions', 'enabled']}
          label="状态"
          valuePropName="checked"
          extra="上级领导出席、统一部署的纪念活动等情形，可邀请本机关相关领导出席"
        >
          {sw}
        </Form.Item>
      </Card>
      <Card size="small" title="提醒" className="xt-act-card">
        <div className="xt-act-grid is-3">
          <Form.Item name={['reminders', 'dayBeforeAt']} label="提前一天提醒时间" rules={[{ required: true, message: '请选择时间' }]}>
            <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name={['reminders', 'marginMinutes']}
            label="出发提醒提前量"
            tooltip="在路程时间之外再提前的分钟数"
            rules={[{ required: true, message: '请填写提前量' }]}
          >
            <InputNumber min={0} max={720} precision={0} style={{ width: '100%' }} suffix="分钟" />
          </Form.Item>
          <Form.Item
            name={['reminders', 'escalateAfterMinutes']}
            label="未确认出发后上报"
            tooltip="应出发时间后仍未确认“已出发”的，报办公室主任"
            rules={[{ required: true, message: '请填写时限' }]}
          >
            <InputNumber min={1} max={720} precision={0} style={{ width: '100%' }} suffix="分钟" />
          </Form.Item>
        </div>
      </Card>
      <Button type="primary" onClick={submit} loading={save.isPending}>
        保存规则
      </Button>
    </Form>
  );
}
