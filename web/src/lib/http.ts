import { QueryClient } from '@tanstack/react-query';

/** An error answered by the API in its one error shape `{error:{code,message,path}}`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly path?: string;
  constructor(status: number, code: string, message: string, path?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.path = path;
  }
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: '提交的内容有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '您没有执行此操作的权限',
  404: '未找到相关内容，或您无权查看',
  409: '数据已被他人更新，请刷新后重试',
  422: '当前状态不允许此操作',
  429: '尝试次数过多，请稍后再试',
  500: '服务器出现错误，请稍后再试',
  502: '服务暂不可用，请稍后再试',
  503: '服务暂不可用，请稍后再试',
};

let csrfToken: string | null = null;
/** Whose session the token belongs to: a token refused because another tab logged in again is renewed only for the same person. */
let sessionUserId: string | null = null;
/** Set from the `Me` object (login response or /auth/me); sent on every unsafe method. */
export function setCsrfToken(token: string | null, userId?: string | null): void {
  csrfToken = token;
  if (userId !== undefined || token === null) sessionUserId = userId ?? null;
}

/** The session the browser's cookie holds now (another tab may have renewed it), or null. */
async function currentSession(): Promise<{ id: string; csrfToken: string } | null> {
  try {
    return await send<{ id: string; csrfToken: string }>('GET', '/auth/me', { noRedirect: true }, true);
  } catch {
    return null;
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  const s = sp.toString();
  return s ? `${path}?${s}` : path;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** on 401 neither ask to log in again nor redirect to /login (used by /auth/me and /auth/login) */
  noRedirect?: boolean;
  signal?: AbortSignal;
}

const API_BASE = '/api/v1';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function redirectToLogin(): void {
  if (window.location.pathname === '/login') return;
  const next = window.location.pathname + window.location.search;
  queryClient.clear();
  // The login page says why the person is there (登录已失效，请重新登录).
  window.location.assign(`/login?next=${encodeURIComponent(next)}&expired=1`);
}

/**
 * Asked when a request meets 401 (the session ended while the page was open): the login dialog
 * (components/SessionDialog.tsx). Resolves true once the same person has logged in again — the
 * request is then sent again, with the new session's CSRF token — or false when they gave up
 * (the request falls back to the redirect to /login).
 */
export type SessionExpiredHandler = () => Promise<boolean>;
let expiredHandler: SessionExpiredHandler | null = null;
/** One dialog for every request that meets 401 meanwhile: they all wait for it. */
let renewing: Promise<boolean> | null = null;
/** Counts the sessions renewed through the dialog: a 401 to a request sent before the last renewal is retried at once. */
let sessionGeneration = 0;

/** Install (or, with null, remove) the session-expired handler. Returns a function that removes it. */
export function onSessionExpired(handler: SessionExpiredHandler | null): () => void {
  expiredHandler = handler;
  return () => {
    if (expiredHandler === handler) expiredHandler = null;
  };
}

function renewSession(): Promise<boolean> {
  const handler = expiredHandler;
  if (!handler) return Promise.resolve(false);
  if (!renewing) {
    renewing = handler()
      .catch(() => false)
      .then((ok) => {
        renewing = null;
        if (ok) sessionGeneration += 1;
        return ok;
      });
  }
  return renewing;
}

export function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  return send<T>(method, path, opts, false);
}

async function send<T>(method: string, path: string, opts: RequestOptions, retried: boolean): Promise<T> {
  const generation = sessionGeneration;
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers, signal: opts.signal };
  if (opts.body instanceof FormData) {
    init.body = opts.body; // multipart: the browser sets the content type with its boundary
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(opts.body);
  }
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(withQuery(API_BASE + path, opts.query), init);
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试');
  }

  const text = await res.text();
  let data: unknown;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (res.ok) return data as T;

  const err = (data as { error?: { code?: string; message?: string; path?: string } } | undefined)?.error;
  const apiError = new ApiError(
    res.status,
    err?.code ?? `http_${res.status}`,
    err?.message || FALLBACK_MESSAGES[res.status] || `请求失败（${res.status}）`,
    err?.path,
  );
  if (res.status === 403 && err?.code === 'csrf_failed' && !retried && !opts.noRedirect) {
    // Another tab logged in again (the login dialog): the cookie is the new session's, this tab's
    // token the old one's. The token is checked before any handler runs, so nothing was done:
    // the same person's request is sent again with the new token; another person's session
    // means this page is not theirs, and it is reloaded.
    const now = await currentSession();
    if (now && sessionUserId && now.id === sessionUserId) {
      csrfToken = now.csrfToken;
      return send<T>(method, path, opts, true);
    }
    if (now && sessionUserId && now.id !== sessionUserId) window.location.reload();
  }
  if (res.status === 401 && !opts.noRedirect) {
    // the session ended: log in again in the dialog (the page and what was typed stay) and send it again
    if (!retried && (generation !== sessionGeneration || (await renewSession()))) return send<T>(method, path, opts, true);
    redirectToLogin();
  }
  throw apiError;
}

export const http = {
  get: <T>(path: string, query?: Query, opts?: Omit<RequestOptions, 'query' | 'body'>) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: Omit<RequestOptions, 'body'>) => request<T>('POST', path, { ...opts, body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** A message for any error thrown by a query or mutation. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && /[\u4e00-\u9fa5]/.test(e.message)) return e.message;
  return '操作失败，请稍后再试';
}

/** Any 409: the record is not as the page showed it (refresh it). */
export function isConflict(e: unknown): boolean {
  return e instanceof ApiError && e.status === 409;
}

/** Someone else changed the record first (or the database could not serialise the change). */
export function isStale(e: unknown): boolean {
  return e instanceof ApiError && (e.code === 'stale_version' || e.code === 'concurrent_update');
}

/** A unique value (a name, a number) is already taken. */
export function isDuplicate(e: unknown): boolean {
  return e instanceof ApiError && e.code === 'duplicate';
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: true,
      retry: (count, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});
