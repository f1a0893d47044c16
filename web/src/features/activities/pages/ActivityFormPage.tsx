import { Alert, App, Button, Card, Form, Space } from 'antd';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { useMe } from '../../../lib/auth';
import { errorMessage } from '../../../lib/http';
import { useCreateActivity } from '../api';
import { ActivityFields, placeServerError, toBody, type ActivityFormValues } from '../components/ActivityFields';
import { NO_EXCEPTIONS } from '../labels';
import '../activities.css';

/** 出席申请 (ACT-1): one entry point for every request that a leader attend. */
export function ActivityFormPage() {
  const me = useMe();
  const [form] = Form.useForm<ActivityFormValues>();
  const create = useCreateActivity();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      const a = await create.mutateAsync(toBody(v));
      message.success('出席申请已登记，等待办公室拟办');
      navigate(`/activities/${a.id}`, { replace: true });
    } catch (e) {
      if (!placeServerError(form, e)) message.error(errorMessage(e));
    }
  };

  return (
    <>
      <PageHeader
        title="登记出席申请"
        subTitle="邀请本机关领导出席会议、庆典、表彰、调研等活动，统一报办公室拟办、主要领导审批"
        breadcrumb={[{ title: '领导活动', to: '/activities' }, { title: '登记出席申请' }]}
      />
      <Card className="xt-act-form-card">
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="本系统为非涉密系统，不得登记涉密活动。" />
        <Form<ActivityFormValues>
          form={form}
          layout="vertical"
          requiredMark="optional"
          className="xt-act-form"
          initialValues={{
            heldInName: 'other',
            organiserName: me.departmentName ?? undefined,
            organiserDepartmentId: me.departmentId ?? undefined,
            travelMinutes: 20,
            requestedLeaderIds: [],
            exceptions: NO_EXCEPTIONS,
          }}
          onFinish={submit}
        >
          <ActivityFields />
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              提交申请
            </Button>
            <Button onClick={() => navigate('/activities')}>取消</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
