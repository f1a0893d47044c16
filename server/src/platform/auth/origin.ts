/**
 * Where an unsafe request comes from. A browser names the page that sends a POST/PUT/PATCH/
 * DELETE in `Origin` (and `Referer`); a request from another site — a form or a script on
 * evil.example.com riding the session cookie — is refused before anything else, on top of the
 * CSRF token. Our own origin is the request's host (`Host`, or `X-Forwarded-Host` from a trusted
 * proxy) or one of the configured `ALLOWED_ORIGINS` (a reverse proxy that rewrites `Host`).
 * A request with neither header is not from a browser page (curl, scripts, app.inject in tests)
 * and is let through: the session and its CSRF token still apply.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';

/** `https://oa.example.gov.cn:8443/x` → `https://oa.example.gov.cn:8443`; null when not an http(s) URL. */
function originOf(text: string): URL | null {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** The configured list (`ALLOWED_ORIGINS=https://oa.example.gov.cn,https://10.1.2.3:8443`) as origins; a bad entry is an error at start. */
export function parseAllowedOrigins(list: string | string[] | undefined): string[] {
  const items = (Array.isArray(list) ? list : (list ?? '').split(',')).map((s) => s.trim()).filter(Boolean);
  return items.map((item) => {
    const u = originOf(item);
    if (!u) throw new Error(`ALLOWED_ORIGINS：无效的来源地址 ${item}（应形如 https://oa.example.gov.cn）`);
    return u.origin;
  });
}

/**
 * Whether the request's Origin (or, without one, its Referer) is ours. Undefined when the request
 * carries neither: not a browser page.
 */
export function isOwnOrigin(req: Pick<FastifyRequest, 'headers' | 'host'>, allowed: readonly string[]): boolean | undefined {
  const origin = req.headers.origin;
  const referer = req.headers.referer;
  const claimed = origin !== undefined ? origin : referer;
  if (claimed === undefined) return undefined;
  // `Origin: null` (a sandboxed frame, a redirect, a file:// page) is nobody we know
  const u = typeof claimed === 'string' ? originOf(claimed) : null;
  if (!u) return false;
  if (allowed.includes(u.origin)) return true;
  return !!req.host && u.host === req.host.toLowerCase();
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** 403 for an unsafe request from another site's page. */
export function checkOrigin(req: FastifyRequest, allowed: readonly string[]): void {
  if (!UNSAFE.has(req.method)) return;
  if (isOwnOrigin(req, allowed) === false) {
    throw new AppError(
      403,
      'origin_refused',
      '请求来源不是本系统的页面（Origin/Referer 不符），已拒绝。请在本系统页面中操作；如经反向代理访问，请管理员配置 ALLOWED_ORIGINS',
    );
  }
}
