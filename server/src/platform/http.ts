/**
 * HTTP conventions: zod on every route (body, params, query, response), the one error shape
 * `{error:{code,message,path?}}` with Chinese messages, 400 for bad input, never a 500 for it.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from './errors';
import { isConcurrencyFailure } from './db/tx';
import { api } from '@xietiao/domain';

/** PostgreSQL 23505 or SQLite's UNIQUE / PRIMARY KEY constraint. */
function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

z.config(z.locales.zhCN());
z.config({ customError: api.chineseIssueMessage });

const CONTEXT_LABEL: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/** `/a/0/b` → `a[0].b` */
export function jsonPointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .filter(Boolean)
    .map((seg, i) => (/^\d+$/.test(seg) ? `[${seg}]` : i === 0 ? seg : `.${seg}`))
    .join('');
}

/**
 * Control characters no field means: C0 (U+0000–U+001F) but tab, line feed and carriage return
 * (single-line fields refuse those in their schema), DEL and C1 (U+007F–U+009F). PostgreSQL text
 * cannot even store NUL (22021, a 500 on that database only).
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The first string (or key) holding a control character in a request part, as `body.title`, with the character. */
export function findControlCharacter(value: unknown, path: string, depth = 0): { path: string; char: string } | undefined {
  if (typeof value === 'string') {
    const m = CONTROL.exec(value);
    return m ? { path, char: m[0] } : undefined;
  }
  if (depth > 64 || value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    const inKey = CONTROL.exec(k);
    if (inKey) return { path, char: inKey[0] };
    const found = findControlCharacter(v, Array.isArray(value) ? `${path}[${k}]` : `${path}.${k}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export function errorBody(code: string, message: string, path?: string) {
  return { error: { code, message, ...(path ? { path } : {}) } };
}

/** A key that would reach an object's prototype if the body were merged into another object. */
function poisonedKey(value: unknown, depth = 0): string | undefined {
  if (depth > 64 || value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (k === '__proto__') return '__proto__';
    if (k === 'constructor' && v !== null && typeof v === 'object' && Object.hasOwn(v, 'prototype')) return 'constructor.prototype';
    const inner = poisonedKey(v, depth + 1);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * JSON bodies: parsed as JSON, and a body that would poison a prototype (`__proto__`,
 * `constructor.prototype`) is refused as such — valid JSON, but no field of ours is called that.
 */
function installJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(new AppError(400, 'invalid_json', '请求体为空：Content-Type 为 application/json 时须提供 JSON 内容', 'body'), undefined);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      done(new AppError(400, 'invalid_json', '请求体不是有效的 JSON，请检查格式', 'body'), undefined);
      return;
    }
    const key = poisonedKey(parsed);
    if (key) done(new AppError(400, 'validation_failed', `请求体不能包含名为 ${key} 的字段`, 'body'), undefined);
    else done(null, parsed);
  });
}

export function installErrorHandling(app: FastifyInstance): void {
  installJsonParser(app);
  app.addHook('preValidation', async (req) => {
    const found = findControlCharacter(req.params, 'params') ?? findControlCharacter(req.query, 'query') ?? findControlCharacter(req.body, 'body');
    if (found) {
      const where = found.path;
      const ctx = /^(params|query|body)/.exec(where)?.[1] ?? 'body';
      const field = where.slice(ctx.length).replace(/^\./, '');
      const label = CONTEXT_LABEL[ctx === 'query' ? 'querystring' : ctx];
      const what = `不能包含控制字符（${codePoint(found.char)}${found.char === '\u0000' ? '，空字符' : ''}）`;
      throw new AppError(400, 'validation_failed', field ? `${label}字段 ${field}：${what}` : `${label}${what}`, where);
    }
  });
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send(errorBody(err.code, err.message, err.path));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const ctx = (err as { validationContext?: string }).validationContext ?? 'body';
      const field = jsonPointerToPath(first.instancePath);
      const path = field ? `${ctx === 'querystring' ? 'query' : ctx}.${field}` : ctx === 'querystring' ? 'query' : ctx;
      const where = CONTEXT_LABEL[ctx] ?? ctx;
      const message = field ? `${where}字段 ${field}：${first.message}` : `${where}无效：${first.message}`;
      return reply.status(400).send(errorBody('validation_failed', message, path));
    }
    // A database refusal that escaped a service is still a client-visible race, not a crash.
    if (isConcurrencyFailure(err)) {
      return reply.status(409).send(errorBody('concurrent_update', '系统繁忙，多人同时修改了相关记录，请稍后重试'));
    }
    if (isUniqueViolation(err)) {
      return reply.status(409).send(errorBody('duplicate', '该记录已存在（与已有记录重复），请刷新后查看'));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
      return reply.status(500).send(errorBody('internal', '服务器内部错误（响应格式不符），请联系管理员'));
    }
    const status = err.statusCode ?? 500;
    if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (status === 400 && /JSON/i.test(err.message))) {
      return reply.status(400).send(errorBody('invalid_json', '请求体不是有效的 JSON，请检查格式', 'body'));
    }
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.status(400).send(errorBody('invalid_json', '请求体为空：Content-Type 为 application/json 时须提供 JSON 内容', 'body'));
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send(errorBody('unsupported_media_type', '不支持的内容类型，请使用 application/json'));
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const limit = req.routeOptions.bodyLimit;
      const size = limit >= 1024 * 1024 ? `${Number((limit / 1024 / 1024).toFixed(1))}MB` : `${Math.round(limit / 1024)}KB`;
      return reply.status(413).send(errorBody('payload_too_large', `请求体过大：此接口最多接受${size}，请精简内容后重试`));
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send(errorBody('bad_request', `请求无效：${err.message}`));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('internal', '服务器内部错误，请稍后重试或联系管理员'));
  });
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send(errorBody('not_found', `接口不存在：${req.method} ${req.url.split('?')[0]}`));
  });
}
