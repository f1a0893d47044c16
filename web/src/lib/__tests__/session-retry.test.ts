/**
 * X-4 the session ends while a page is open: every request that meets 401 waits for one login
 * dialog, and is sent again — with the new session's CSRF token — once the same person has logged
 * in; giving up falls back to the redirect to /login.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, http, onSessionExpired, setCsrfToken } from '../http';

interface Sent {
  method: string;
  url: string;
  csrf: string | undefined;
}

/** A fake API: 401 while `valid` is false; on a valid session answers the path it was asked. */
function fakeApi() {
  const state = { valid: true, csrf: 'csrf-1', sent: [] as Sent[] };
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    state.sent.push({ method: init.method ?? 'GET', url, csrf: headers['x-csrf-token'] });
    if (!state.valid) return new Response(JSON.stringify({ error: { code: 'unauthorized', message: '登录已失效，请重新登录' } }), { status: 401 });
    if (init.method !== 'GET' && headers['x-csrf-token'] !== state.csrf) {
      return new Response(JSON.stringify({ error: { code: 'csrf_failed', message: '安全校验失败' } }), { status: 403 });
    }
    return new Response(JSON.stringify({ url, body: init.body ? JSON.parse(String(init.body)) : null }), { status: 200 });
  });
  return { state, fetchMock };
}

/** A handler the test settles by hand: `open` counts the dialogs shown. */
function dialog() {
  const d = { open: 0, settle: (_ok: boolean) => {} };
  const off = onSessionExpired(
    () =>
      new Promise<boolean>((resolve) => {
        d.open += 1;
        d.settle = resolve;
      }),
  );
  return { d, off };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('X-4 login dialog on session expiry (lib/http.ts)', () => {
  let api: ReturnType<typeof fakeApi>;
  const assign = vi.fn();
  let off: () => void = () => {};

  beforeEach(() => {
    api = fakeApi();
    vi.stubGlobal('fetch', api.fetchMock);
    vi.stubGlobal('window', { location: { pathname: '/matters', search: '?status=open', assign } });
    assign.mockClear();
    setCsrfToken('csrf-1');
  });
  afterEach(() => {
    off();
    vi.unstubAllGlobals();
  });

  it('X-4 concurrent 401s wait for one dialog and are sent again with the new CSRF token once logged in', async () => {
    const h = dialog();
    off = h.off;
    api.state.valid = false;
    const save = http.post<{ body: unknown }>('/matters', { title: '关于协调某项工作的请示' });
    const list = http.get<{ url: string }>('/matters', { page: 1 });
    const patch = http.patch<{ body: unknown }>('/matters/m1', { version: 3 });
    await flush();
    await flush();
    expect(h.d.open).toBe(1);
    expect(api.state.sent).toHaveLength(3);

    // the person logs in again: a new session, a new CSRF token
    api.state.valid = true;
    api.state.csrf = 'csrf-2';
    setCsrfToken('csrf-2');
    h.d.settle(true);

    await expect(save).resolves.toEqual({ url: '/api/v1/matters', body: { title: '关于协调某项工作的请示' } });
    await expect(list).resolves.toMatchObject({ url: '/api/v1/matters?page=1' });
    await expect(patch).resolves.toMatchObject({ body: { version: 3 } });
    expect(h.d.open).toBe(1);
    const retried = api.state.sent.slice(3);
    expect(retried).toHaveLength(3);
    expect(retried.filter((s) => s.method !== 'GET').map((s) => s.csrf)).toEqual(['csrf-2', 'csrf-2']);
    expect(assign).not.toHaveBeenCalled();
  });

  it('X-4 a request sent before the renewal and answered 401 after it is sent again without a second dialog', async () => {
    const h = dialog();
    off = h.off;
    api.state.valid = false;
    const first = http.get('/inbox/counts');
    await flush();
    await flush();
    expect(h.d.open).toBe(1);
    // a slow request, sent with the old cookie, answers 401 only after the new login
    let answerSlow: (r: Response) => void = () => {};
    api.fetchMock.mockImplementationOnce(
      (url: string, init: RequestInit) =>
        new Promise<Response>((resolve) => {
          api.state.sent.push({ method: init.method ?? 'GET', url, csrf: undefined });
          answerSlow = resolve;
        }),
    );
    const slow = http.get<{ url: string }>('/notifications');
    await flush();
    api.state.valid = true;
    h.d.settle(true);
    await first;
    answerSlow(new Response('{}', { status: 401 }));
    await expect(slow).resolves.toMatchObject({ url: '/api/v1/notifications' });
    expect(h.d.open).toBe(1);
  });

  it('X-4 giving up (返回登录页) rejects the waiting requests with 401 and redirects to /login with the page to return to', async () => {
    const h = dialog();
    off = h.off;
    api.state.valid = false;
    const a = http.post('/matters', { title: 'x' });
    const b = http.get('/matters');
    await flush();
    await flush();
    h.d.settle(false);
    await expect(a).rejects.toMatchObject({ status: 401, message: '登录已失效，请重新登录' });
    await expect(b).rejects.toBeInstanceOf(ApiError);
    expect(assign).toHaveBeenCalledWith(`/login?next=${encodeURIComponent('/matters?status=open')}&expired=1`);
    expect(api.state.sent).toHaveLength(2);
  });

  it('X-4 /auth/me and /auth/login (noRedirect) never open the dialog; without a dialog a 401 redirects as before', async () => {
    const h = dialog();
    off = h.off;
    api.state.valid = false;
    await expect(http.get('/auth/me', undefined, { noRedirect: true })).rejects.toMatchObject({ status: 401 });
    await expect(http.post('/auth/login', { username: 'office', password: 'x' }, { noRedirect: true })).rejects.toMatchObject({ status: 401 });
    expect(h.d.open).toBe(0);
    expect(assign).not.toHaveBeenCalled();
    off();
    await expect(http.get('/matters')).rejects.toMatchObject({ status: 401 });
    expect(assign).toHaveBeenCalledTimes(1);
  });

  it('X-4 a request that meets 401 again after the dialog is not retried in a loop: it redirects', async () => {
    const h = dialog();
    off = h.off;
    api.state.valid = false;
    const a = http.get('/matters');
    await flush();
    await flush();
    h.d.settle(true); // the session is still not valid
    await expect(a).rejects.toMatchObject({ status: 401 });
    expect(api.state.sent).toHaveLength(2);
    expect(h.d.open).toBe(1);
    expect(assign).toHaveBeenCalledTimes(1);
  });

  it('X-4 a CSRF token refused because another tab logged in again is renewed for the same person and the write sent once more', async () => {
    // the cookie now holds the session another tab opened: its token is csrf-9, this tab holds csrf-1
    setCsrfToken('csrf-1', 'u1');
    api.state.csrf = 'csrf-9';
    const me = vi.fn(async () => new Response(JSON.stringify({ id: 'u1', csrfToken: 'csrf-9' }), { status: 200 }));
    const inner = api.fetchMock;
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => (url === '/api/v1/auth/me' ? me() : inner(url, init)));
    await expect(http.post<{ body: unknown }>('/matters', { title: '关于某事项的请示' })).resolves.toEqual({
      url: '/api/v1/matters',
      body: { title: '关于某事项的请示' },
    });
    expect(me).toHaveBeenCalledTimes(1);
    expect(api.state.sent.map((x) => x.csrf)).toEqual(['csrf-1', 'csrf-9']);
  });

  it('X-4 another person’s session in the cookie reloads the page instead of sending the write', async () => {
    const reload = vi.fn();
    vi.stubGlobal('window', { location: { pathname: '/matters', search: '', assign, reload } });
    setCsrfToken('csrf-1', 'u1');
    api.state.csrf = 'csrf-9';
    const inner = api.fetchMock;
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) =>
      url === '/api/v1/auth/me' ? new Response(JSON.stringify({ id: 'u2', csrfToken: 'csrf-9' }), { status: 200 }) : inner(url, init),
    );
    await expect(http.post('/matters', { title: 'x' })).rejects.toMatchObject({ status: 403, code: 'csrf_failed' });
    expect(reload).toHaveBeenCalledTimes(1);
    expect(api.state.sent).toHaveLength(1);
  });
});
