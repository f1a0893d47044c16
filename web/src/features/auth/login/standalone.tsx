/**
 * The login shell: what a visit that starts at /login loads (React, the form, its CSS — no antd,
 * no router, no query cache). After signing in it opens the app at the page asked for; the app's
 * own layout then sends a user who must change the password, or an administrator, where they go.
 */
import type { ReactNode } from 'react';
import { LoginForm, safeNext } from './LoginForm';

interface ErrorBody {
  error?: { message?: string };
}

async function post(path: string, body: unknown): Promise<Response> {
  try {
    return await fetch(`/api/v1${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new Error('无法连接服务器，请检查网络后重试');
  }
}

function target(): string {
  return safeNext(new URLSearchParams(window.location.search).get('next')) ?? '/';
}

async function login(username: string, password: string): Promise<void> {
  const res = await post('/auth/login', { username, password });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as ErrorBody;
    throw new Error(body.error?.message || (res.status === 429 ? '尝试次数过多，请稍后再试' : `登录失败（${res.status}）`));
  }
  window.location.assign(target());
}

export function mountLogin(root: { render(node: ReactNode): void }): void {
  root.render(<LoginForm login={login} notice={noticeFor(new URLSearchParams(window.location.search))} />);
  // Someone already signed in who opens /login goes straight on.
  fetch('/api/v1/auth/me', { credentials: 'same-origin', headers: { accept: 'application/json' } })
    .then((res) => {
      if (res.ok) window.location.replace(target());
    })
    .catch(() => undefined);
}

/** `?expired=1`: the session ended. */
export function noticeFor(params: URLSearchParams): string | null {
  return params.get('expired') === '1' ? '登录已失效，请重新登录' : null;
}
