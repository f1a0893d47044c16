import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../../lib/auth';
import { errorMessage } from '../../../lib/http';
import { isAdmin } from '../../../lib/roles';

const DEMO_USERS: [string, string][] = [
  ['office', '办公室主任'],
  ['clerk', '收发员'],
  ['leader', '主要领导'],
  ['liaison', '部门联络员'],
  ['admin', '系统管理员'],
  ['auditor', '安全审计员'],
];

function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;
}

export function LoginPage() {
  const { me, login } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [form] = Form.useForm<{ username: string; password: string }>();

  if (me) return <Navigate to={me.mustChangePassword ? '/password' : (safeNext(params.get('next')) ?? (isAdmin(me) ? '/admin' : '/'))} replace />;

  const onFinish = async (v: { username: string; password: string }) => {
    setError(null);
    setSubmitting(true);
    try {
      const who = await login(v.username.trim(), v.password);
      navigate(who.mustChangePassword ? '/password' : (safeNext(params.get('next')) ?? (isAdmin(who) ? '/admin' : '/')), { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="xt-login">
      <div className="xt-login-top">
        <span className="xt-brand-mark" aria-hidden>
          协
        </span>
        <h1>协调 · 办公室协同工作系统</h1>
        <p>党政机关办公室协调工作平台</p>
      </div>
      <Card className="xt-login-card" title="用户登录">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input id="username" prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password id="password" prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            登录
          </Button>
        </Form>
        <Alert
          style={{ marginTop: 16 }}
          type="warning"
          showIcon
          title="演示系统"
          description={
            <div>
              <div>
                本系统为演示系统，数据均为虚构，不得处理涉密信息。演示账号密码均为{' '}
                <Typography.Text code copyable>
                  xietiao-demo
                </Typography.Text>
                。
              </div>
              <div className="xt-demo-users">
                {DEMO_USERS.map(([u, label]) => (
                  <a
                    key={u}
                    href="#"
                    title={`使用 ${u} 登录`}
                    onClick={(e) => {
                      e.preventDefault();
                      form.setFieldsValue({ username: u, password: 'xietiao-demo' });
                    }}
                  >
                    <code>{u}</code> {label}
                  </a>
                ))}
              </div>
            </div>
          }
        />
      </Card>
      <div className="xt-login-foot">协调 · 办公室协同工作系统（演示版）</div>
    </div>
  );
}
