/**
 * The login form, written without antd: it is the first page a new user opens, often on a slow
 * county line, so it loads React and this file only (about a tenth of the app). The same form
 * serves the standalone login shell (a visit that starts at /login) and the app's /login route.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import './login.css';

export const DEMO_USERS: [string, string][] = [
  ['office', '办公室主任'],
  ['clerk', '收发员'],
  ['leader', '主要领导'],
  ['liaison', '部门联络员'],
  ['admin', '系统管理员'],
  ['auditor', '安全审计员'],
];
export const DEMO_PASSWORD = 'xietiao-demo';

/**
 * Only a page of this app, never another site or the login page itself. The value is resolved as
 * the browser would resolve it — browsers read `\` as `/` and drop tabs and newlines, so
 * `/\evil.example` and `/%09/evil.example` name another host — and only the same origin passes.
 */
export function safeNext(next: string | null, origin: string = window.location.origin): string | null {
  if (!next?.startsWith('/')) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin || url.pathname === '/login' || url.pathname.startsWith('/login/')) return null;
  return url.pathname + url.search + url.hash;
}

export interface LoginFormProps {
  /** Signs in; rejects with an Error whose message is shown (Chinese, from the server). */
  login(username: string, password: string): Promise<unknown>;
  /** A notice shown above the form (e.g. why the user is here). */
  notice?: string | null;
}

export function LoginForm({ login, notice }: LoginFormProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});
  const [submitting, setSubmitting] = useState(false);
  const userRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);
  const ids = useId();

  useEffect(() => {
    document.title = '登录 — 协调';
  }, []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: typeof fieldErrors = {};
    if (!username.trim()) errs.username = '请输入用户名';
    if (!password) errs.password = '请输入密码';
    setFieldErrors(errs);
    if (errs.username) return userRef.current?.focus();
    if (errs.password) return passRef.current?.focus();
    setError(null);
    setSubmitting(true);
    try {
      await login(username.trim(), password);
    } catch (err) {
      setError(err instanceof Error && err.message ? err.message : '登录失败，请稍后再试');
      setSubmitting(false);
    }
  };

  const field = (name: 'username' | 'password', label: string, input: ReactElement) => (
    <div className={`xt-lf-field${fieldErrors[name] ? ' has-error' : ''}`}>
      <label htmlFor={name}>{label}</label>
      {input}
      {fieldErrors[name] && (
        <div className="xt-lf-field-error" id={`${name}-error`}>
          {fieldErrors[name]}
        </div>
      )}
    </div>
  );

  return (
    <div className="xt-login">
      <header className="xt-login-top">
        <span className="xt-lf-mark" aria-hidden>
          协
        </span>
        <p className="xt-lf-system">协调 · 办公室协同工作系统</p>
        <p className="xt-lf-sub">党政机关办公室协调工作平台</p>
      </header>
      <main className="xt-lf-card" aria-labelledby={`${ids}-title`}>
        <h1 id={`${ids}-title`} className="xt-lf-title">
          用户登录
        </h1>
        {notice && (
          <div className="xt-lf-alert is-info" role="status">
            {notice}
          </div>
        )}
        {error && (
          <div className="xt-lf-alert is-error" role="alert">
            {error}
          </div>
        )}
        <form onSubmit={onSubmit} noValidate autoComplete="on">
          {field(
            'username',
            '用户名',
            <input
              ref={userRef}
              id="username"
              name="username"
              autoComplete="username"
              placeholder="用户名"
              // biome-ignore lint/a11y/noAutofocus: the only task of this page is to sign in
              autoFocus
              value={username}
              aria-invalid={!!fieldErrors.username}
              aria-describedby={fieldErrors.username ? 'username-error' : undefined}
              onChange={(e) => setUsername(e.target.value)}
            />,
          )}
          {field(
            'password',
            '密码',
            <input
              ref={passRef}
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              placeholder="密码"
              value={password}
              aria-invalid={!!fieldErrors.password}
              aria-describedby={fieldErrors.password ? 'password-error' : undefined}
              onChange={(e) => setPassword(e.target.value)}
            />,
          )}
          <button type="submit" className="xt-lf-submit" disabled={submitting} aria-busy={submitting}>
            {submitting ? '正在登录…' : '登录'}
          </button>
        </form>
        <section className="xt-lf-alert is-warning xt-lf-demo" aria-label="演示系统">
          <strong>演示系统</strong>
          <p>
            本系统为演示系统，数据均为虚构，不得处理涉密信息。演示账号密码均为 <code>{DEMO_PASSWORD}</code>。
          </p>
          <div className="xt-demo-users">
            {DEMO_USERS.map(([u, label]) => (
              <button
                key={u}
                type="button"
                title={`使用 ${u} 登录`}
                onClick={() => {
                  setUsername(u);
                  setPassword(DEMO_PASSWORD);
                  setFieldErrors({});
                }}
              >
                <code>{u}</code> {label}
              </button>
            ))}
          </div>
        </section>
      </main>
      <footer className="xt-login-foot">协调 · 办公室协同工作系统（演示版）</footer>
    </div>
  );
}
