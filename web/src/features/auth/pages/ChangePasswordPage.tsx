import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '@xietiao/domain';
import { PageHeader } from '../../../components/PageHeader';
import { useAuth } from '../../../lib/auth';
import { applyServerError, checkWith } from '../../../lib/forms';
import { errorMessage } from '../../../lib/http';
import { isAdmin } from '../../../lib/roles';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordPage() {
  const { me, changePassword } = useAuth();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const forced = !!me?.mustChangePassword;

  const onFinish = async (v: Values) => {
    const body = checkWith(api.ChangePasswordBody, { oldPassword: v.oldPassword, newPassword: v.newPassword }, form);
    if (!body) return;
    try {
      await changePassword(body.oldPassword, body.newPassword);
      message.success('密码已修改');
      form.resetFields();
      navigate(isAdmin(me) ? '/admin' : '/', { replace: true });
    } catch (e) {
      if (!applyServerError(form, e)) message.error(errorMessage(e));
    }
  };

  return (
    <>
      <PageHeader title="修改密码" />
      <Card style={{ maxWidth: 520 }}>
        {forced && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="首次登录或密码已被重置，请先修改密码后再使用系统。" />}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
            <Input.Password id="oldPassword" autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label="新密码" extra="至少10位，须同时包含字母和数字" rules={[{ required: true, message: '请输入新密码' }]}>
            <Input.Password id="newPassword" autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            htmlFor="confirmPassword"
            label="确认新密码"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
              }),
            ]}
          >
            <Input.Password id="confirmPassword" autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            确认修改
          </Button>
        </Form>
      </Card>
    </>
  );
}
