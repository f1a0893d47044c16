import { useEffect, useRef, useState } from 'react';
import { Alert, Form, Input, Modal, type InputRef } from 'antd';
import { errorMessage, onSessionExpired } from '../lib/http';
import type { Me } from '../lib/types';

interface Props {
  /** the person logged in now (null on the login page: a 401 there goes on to /login as before) */
  me: Me | null;
  /** log in again without clearing the page's queries (lib/auth.tsx) */
  relogin(username: string, password: string): Promise<Me>;
}

/**
 * 登录已失效: when a request meets 401 while a page is open, this dialog asks for the password of
 * the same account (its name shown, not editable) over the page, which stays mounted with what was
 * typed. Logging in sends the waiting requests again (lib/http.ts queues them behind this one
 * dialog); 返回登录页 falls back to the redirect to /login. Should the login answer with another
 * person, the page is reloaded: nobody sees what the previous person had open.
 */
export function SessionDialog({ me, relogin }: Props) {
  const [form] = Form.useForm<{ password: string }>();
  const [account, setAccount] = useState<Me | null>(null);
  const [busy, setBusy] = useState(false);
  const meRef = useRef(me);
  meRef.current = me;
  const settle = useRef<((ok: boolean) => void) | null>(null);
  const passwordRef = useRef<InputRef>(null);

  useEffect(() => {
    const off = onSessionExpired(() => {
      const who = meRef.current;
      if (!who) return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        settle.current = resolve;
        setAccount(who);
      });
    });
    return () => {
      off();
      settle.current?.(false);
      settle.current = null;
    };
  }, []);

  const finish = (ok: boolean) => {
    const resolve = settle.current;
    settle.current = null;
    setAccount(null);
    setBusy(false);
    resolve?.(ok);
  };

  const submit = async ({ password }: { password: string }) => {
    if (!account) return;
    setBusy(true);
    try {
      const again = await relogin(account.username, password);
      if (again.id !== account.id) {
        // another person's session now: nothing of the previous person's page may stay
        window.location.reload();
        return;
      }
      finish(true);
    } catch (e) {
      setBusy(false);
      form.setFields([{ name: 'password', errors: [errorMessage(e)] }]);
    }
  };

  // While nobody is signed in, the page behind the dialog is not shown (nor printed): the form
  // stays mounted with what was typed, but blurred, and it comes back once the same person is in.
  useEffect(() => {
    if (!account) return;
    document.body.classList.add('xt-session-locked');
    return () => document.body.classList.remove('xt-session-locked');
  }, [account]);

  return (
    <Modal
      open={!!account}
      title="重新登录"
      okText="登录"
      cancelText="返回登录页"
      onOk={() => form.submit()}
      onCancel={() => finish(false)}
      afterOpenChange={(open) => open && passwordRef.current?.focus()}
      confirmLoading={busy}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      zIndex={2000}
      width={420}
      className="xt-session-dialog"
      rootClassName="xt-session-root"
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="登录已失效，请重新登录"
        description="您填写的内容已保留；重新登录后将继续刚才的操作。"
      />
      {account && (
        <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} autoComplete="on">
          <Form.Item label="用户名" htmlFor="session-username" extra={account.name}>
            <Input id="session-username" value={account.username} readOnly variant="filled" autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label="密码" htmlFor="session-password" rules={[{ required: true, message: '请输入密码' }]} style={{ marginBottom: 0 }}>
            <Input.Password
              ref={passwordRef}
              id="session-password"
              autoFocus
              autoComplete="current-password"
              placeholder="请输入密码"
              onPressEnter={() => form.submit()}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
