/**
 * The OpenAPI description of the API, served at /api/docs (UI) and /api/docs/json.
 *
 * A route says what only it knows: its `operationId`, `summary`, `description`, `tags`, its zod
 * schemas, `produces` for a file download, and an error response only when it is particular to
 * it (a 422 business rule, a 403 on a read, the login's 401 and 429). Everything that follows from
 * facts about a route is derived here, in one place, so that it cannot drift route by route:
 *
 * - security: the session cookie (`xt_session`) everywhere but the public routes (`config.public`
 *   and everything outside /api/v1, see auth/plugin.ts), which get `security: []`; unsafe methods
 *   add the CSRF header (`x-csrf-token`) — both must be sent;
 * - error responses, all with the one `ErrorBody` (errors.ts, http.ts): 400 for all (control
 *   characters are refused everywhere; input checks; JSON bodies), 401 for a session needed, 403 for
 *   unsafe methods (CSRF token, Origin, policy), 404 for a path parameter that names a record,
 *   409 for a change of state, 413 and 415 for a request body, 500 for all;
 * - the success response's description, from the title of the schema it returns;
 * - the components: the schemas named with `.meta({ id })` in domain/src/api, only those used.
 */
import type { FastifyDynamicSwaggerOptions, SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import type { RouteOptions } from 'fastify';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSRF_EXEMPT } from './auth/plugin';

type Json = Record<string, any>;

export const SESSION_SCHEME = 'session';
export const CSRF_SCHEME = 'csrfToken';
const SCHEMAS = '#/components/schemas/';
const ERROR_BODY = { $ref: `${SCHEMAS}ErrorBody` };
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** POSTs that compute or check and change nothing: no 409. */
const READ_ONLY = new Set(['checkDocument', 'checkText', 'verifyAuditChain']);
/** A path parameter that names a stored record: unknown, or not the caller's to see, is 404. */
const RECORD_PARAM = /^(id|no|token)$|Id$/;

const TAGS = [
  { name: 'auth', description: '登录、退出、当前用户、修改密码、解除登录锁定' },
  { name: 'org', description: '组织机构：机关、部门、人员、角色、领导、外出和请假（ORG-1…4）' },
  { name: 'matters', description: '事项（协调内核）：登记、流转、任务、征求意见、领导批示、关联、分送、流程定义' },
  { name: 'steps', description: '办理步骤：会签、传阅、承办、审批、征求意见及其参与者（K-3）' },
  { name: 'versions', description: '事项内容的版本及其比较（K-4）' },
  { name: 'attachments', description: '事项的附件' },
  { name: 'numbers', description: '编号规则和已编号登记（K-5）' },
  { name: 'activities', description: '领导公务活动：出席申请、拟办、审批、确认、提醒，领导日程和周安排表，日历订阅（ACT-1…8）' },
  { name: 'outgoing', description: '发文：领导交代、统一意图、结构化文稿（每次保存一个版本）及规则引擎检查（OUT-1）' },
  { name: 'inbox', description: '待办、已办、待阅和通知（X-1）' },
  { name: 'calendar', description: '工作日历：法定节假日、调休、年度通知和单日调整，按工作日计算期限（X-2、K-8）' },
  { name: 'checks', description: '公文合规检查' },
  { name: 'audit', description: '审计日志及其链式校验（X-3），仅限安全审计员' },
  { name: 'system', description: '系统状态' },
];

const DESCRIPTION = `党政机关办公室协调工作系统（协调）的 HTTP 接口。本说明由各接口的 zod 模式生成，与服务器实际的校验一致；详见 docs/api.md。

## 会话
1. \`POST /api/v1/auth/login\` 提交用户名和密码。成功时服务器设置会话 Cookie \`xt_session\`（HttpOnly、SameSite=Lax），响应中的 \`csrfToken\` 是本次会话的 CSRF 令牌。
2. 以后的请求都带上这个 Cookie。除登录、退出、健康检查和日历订阅（ICS）外，所有接口都需要会话，没有会话时为 401 \`unauthorized\`。
3. 修改类请求（POST、PUT、PATCH、DELETE，登录除外）还须在请求头 \`x-csrf-token\` 中带上 \`csrfToken\`，否则为 403 \`csrf_failed\`。令牌也可随时从 \`GET /api/v1/auth/me\` 取得。
4. 浏览器页面发出的修改类请求，其 \`Origin\`（没有时为 \`Referer\`）须是本系统的地址，否则为 403 \`origin_refused\`；不带这两个请求头的请求（脚本、服务间调用）不做此项检查。

## 错误
所有错误响应的请求体都是 \`ErrorBody\`：\`{"error": {"code", "message", "path"?}}\`。客户端依据 \`error.code\` 处理，\`message\` 是给用户看的中文说明，\`path\` 指出出错的字段（如 \`body.title\`）。404 也表示“不在您的知悉范围内”，二者不作区分。

## 约定
- 修改已有记录时提交其 \`version\`（乐观锁）；记录已被他人修改时为 409 \`stale_version\`，请重新读取后重试。
- 分页列表用 \`page\`（从 1 开始）和 \`pageSize\`（不超过 200），返回 \`{items, total, page, pageSize}\`；历史类列表只精确计数到上限，超过时 \`totalCapped\` 为 true。
- 时间为带时区的 ISO-8601（响应中为 UTC，如 \`2026-11-27T01:00:00.000Z\`），日期为 \`YYYY-MM-DD\`，工作日按法定节假日和调休计算。
- 请求体默认不超过 64KB（上传附件、保存内容版本和公文检查另有上限），超过时为 413。

## 生成类型
\`npx openapi-typescript https://服务器地址/api/docs/json -o xietiao-api.d.ts\`，命名的数据结构在 \`components["schemas"]\` 中（如 \`Matter\`、\`Activity\`、\`Task\`）。`;

/** What the documentation needs of routes that are not in a routes file (app.ts). */
const APP_ROUTES: Record<string, { operationId: string; tags: string[]; summary: string; description: string; success: string }> = {
  'GET /api/health': {
    operationId: 'getHealth',
    tags: ['system'],
    summary: '健康检查',
    description: '服务在运行时返回 `{"status":"ok"}`，供负载均衡和监控探测；不需要登录。',
    success: '服务正常',
  },
};

/** What the success response of a file download is, by its media type. */
function fileDescription(mimes: readonly string[]): string {
  if (mimes.length === 1 && mimes[0] === 'text/calendar') return 'iCalendar（ICS）日历，时间为 UTC；只含订阅地址所属人员可以看到的活动';
  if (mimes.length === 1 && mimes[0].includes('spreadsheetml')) return 'Excel 工作簿（XLSX）；Content-Disposition 给出文件名';
  return '文件内容，Content-Type 为上传时的类型，Content-Disposition 给出文件名';
}

interface RouteFacts {
  method: string;
  url: string;
  operationId: string | undefined;
  unsafe: boolean;
  /** 401 without a session */
  needsSession: boolean;
  /** a request with a session must carry its CSRF token */
  csrf: boolean;
  hasInput: boolean;
  hasBody: boolean;
  recordParams: string[];
  bodyLimit: number;
}

function factsOf(route: RouteOptions, raw: Json, defaultBodyLimit: number): RouteFacts {
  const method = [route.method].flat()[0].toUpperCase();
  const url = route.url;
  const unsafe = UNSAFE.has(method);
  const api = url.startsWith('/api/v1/');
  return {
    method,
    url,
    operationId: raw.operationId,
    unsafe,
    needsSession: api && route.config?.public !== true,
    csrf: unsafe && api && !CSRF_EXEMPT.has(url),
    hasInput: !!(raw.params || raw.querystring || raw.body),
    hasBody: !!raw.body,
    recordParams: [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]).filter((p) => RECORD_PARAM.test(p)),
    bodyLimit: route.bodyLimit ?? defaultBodyLimit,
  };
}

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${Number((bytes / 1024 / 1024).toFixed(1))}MB` : `${Math.round(bytes / 1024)}KB`);

/** The error responses of a route: derived from its facts, plus those it declares itself (with their description, if any). */
function errorResponses(f: RouteFacts, declared: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const has = (code: number) => String(code) in declared;
  const text = (code: number, fallback: string) => declared[code] ?? fallback;
  // Every route refuses control characters in its query string (http.ts), input or not.
  const causes = f.hasInput
    ? ['validation_failed：参数、查询参数或请求体不符合要求，path 指出字段（如 body.title）', 'bad_request：输入在业务上不成立']
    : ['validation_failed：请求中含有控制字符（如 U+0000）'];
  if (f.unsafe) causes.push('invalid_json：请求体不是有效的 JSON');
  out[400] = text(400, `请求无效。${causes.join('；')}`);
  if (f.needsSession || has(401)) out[401] = text(401, 'unauthorized：未登录或会话已过期，请先登录');
  if (f.unsafe || has(403)) {
    const causes = [declared[403] ?? (f.needsSession ? 'forbidden：您没有权限执行此操作' : undefined)];
    if (f.csrf) causes.push('csrf_failed：缺少 x-csrf-token 请求头或其值不是本次会话的令牌');
    if (f.unsafe) causes.push('origin_refused：请求来自其他站点的页面（Origin/Referer 不是本系统的地址）');
    out[403] = `拒绝执行。${causes.filter(Boolean).join('；')}`;
  }
  if (f.recordParams.length || has(404)) {
    out[404] = text(404, `not_found：${f.recordParams.join('、')} 所指的记录不存在，或不在您的知悉范围内（二者不作区分）`);
  }
  if ((f.unsafe && !READ_ONLY.has(f.operationId ?? '')) || has(409)) {
    out[409] = text(
      409,
      '冲突。stale_version：记录已被他人修改，请重新读取后重试；invalid_state：记录当前的状态不允许此操作；duplicate：名称、编号等唯一的值已被占用；concurrent_update：多人同时修改，请稍后重试',
    );
  }
  if (f.hasBody) {
    out[413] = `payload_too_large：请求体超过此接口的上限（${size(f.bodyLimit)}）`;
    out[415] = 'unsupported_media_type：请求体须为 JSON（Content-Type: application/json）';
  }
  if (has(422)) out[422] = text(422, 'rule_violation：业务规则不允许此操作，message 说明原因');
  if (has(429)) out[429] = text(429, 'too_many_requests：请求过于频繁，请稍后再试');
  out[500] = 'internal：服务器内部错误，请稍后重试或联系管理员';
  return out;
}

/** The title (or id) of a named schema, from the zod registry. */
function titleOf(ref: unknown): string | undefined {
  if (typeof ref !== 'string' || !ref.startsWith(SCHEMAS)) return undefined;
  const id = ref.slice(SCHEMAS.length);
  const schema = z.globalRegistry._idmap.get(id);
  const meta = schema ? z.globalRegistry.get(schema) : undefined;
  return meta?.title ?? id;
}

/** A success response's description: its schema's own, the title of the named schema it is (or lists), or the operation's summary. */
function successDescription(json: Json, f: RouteFacts, summary: string | undefined): string {
  if (typeof json.description === 'string' && json.description) return json.description;
  const named = titleOf(json.$ref);
  if (named) return f.unsafe && json.$ref !== `${SCHEMAS}Ok` ? `成功，返回${named}` : named;
  const items = json.properties?.items;
  const listed = items?.type === 'array' ? titleOf(items.items?.$ref) : undefined;
  if (listed) return `${listed}列表`;
  return summary ? `成功：${summary}` : '成功';
}

/** The per-route transform: the zod schemas to JSON Schema (fastify-type-provider-zod), then what follows from the route's facts. */
export function createOpenApiTransform(opts: { defaultBodyLimit: number }): SwaggerTransform {
  const zodTransform = createJsonSchemaTransform({});
  return (input) => {
    const { schema: transformed, url } = zodTransform(input as Parameters<typeof zodTransform>[0]);
    const raw = (input.schema ?? {}) as Json;
    if (raw.hide) return { schema: transformed, url };
    const route = input.route;
    const method = [route.method].flat()[0].toUpperCase();
    const schema: Json = { ...(transformed ?? {}), ...(APP_ROUTES[`${method} ${route.url}`] ?? {}) };
    const success: string | undefined = schema.success;
    delete schema.success;
    const f = factsOf(route, schema, opts.defaultBodyLimit);

    const response: Json = { ...(schema.response ?? {}) };
    const declared: Record<string, string | undefined> = {};
    for (const [code, json] of Object.entries(response)) {
      if (Number(code) >= 400) {
        declared[code] = (json as Json).description;
        delete response[code];
      } else {
        response[code] = { ...(json as Json), description: success ?? successDescription(json as Json, f, schema.summary) };
      }
    }
    if (Array.isArray(schema.produces) && !Object.keys(response).some((c) => c.startsWith('2'))) {
      const mimes: string[] = schema.produces;
      response[200] = {
        description: success ?? fileDescription(mimes),
        content: Object.fromEntries(mimes.map((m) => [m, { schema: m.startsWith('text/') ? { type: 'string' } : { type: 'string', format: 'binary' } }])),
      };
    }
    for (const [code, description] of Object.entries(errorResponses(f, declared))) {
      response[code] = { description, content: { 'application/json': { schema: ERROR_BODY } } };
    }
    schema.response = response;

    if (!f.needsSession) schema.security = f.csrf ? [{}, { [SESSION_SCHEME]: [], [CSRF_SCHEME]: [] }] : [];
    else if (f.csrf) schema.security = [{ [SESSION_SCHEME]: [], [CSRF_SCHEME]: [] }];
    // else: the document's own `security`, the session cookie
    return { schema, url };
  };
}

function refsIn(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) for (const n of node) refsIn(n, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(SCHEMAS)) out.add(v.slice(SCHEMAS.length));
      else refsIn(v, out);
    }
  }
}

function renameRefs(node: unknown, names: Map<string, string>): void {
  if (Array.isArray(node)) for (const n of node) renameRefs(n, names);
  else if (node && typeof node === 'object') {
    const o = node as Json;
    for (const [k, v] of Object.entries(o)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(SCHEMAS)) {
        const to = names.get(v.slice(SCHEMAS.length));
        if (to) o.$ref = SCHEMAS + to;
      } else renameRefs(v, names);
    }
  }
}

/**
 * The components as an integrator wants them. fastify-type-provider-zod writes every named zod
 * schema twice, as the server reads it (`XInput`) and as it writes it (`X`): only the ones the
 * paths use are kept, and a schema used only as input keeps its plain name (`LoginRequest`, not
 * `LoginRequestInput`). The examples of a named request body are shown on the request too.
 */
export function tidyDocument(doc: Json): Json {
  const schemas: Json = doc.components?.schemas ?? {};
  const used = new Set<string>();
  refsIn({ ...doc, components: { ...doc.components, schemas: {} } }, used);
  for (const queue = [...used]; queue.length; ) {
    const found = new Set<string>();
    refsIn(schemas[queue.pop()!], found);
    for (const name of found) if (!used.has(name)) used.add(name), queue.push(name);
  }
  const names = new Map<string, string>();
  for (const name of used) {
    const base = name.replace(/Input$/, '');
    if (base !== name && z.globalRegistry._idmap.has(base) && !used.has(base)) names.set(name, base);
  }
  renameRefs(doc.paths, names);
  const kept: Json = {};
  for (const name of [...used].sort((a, b) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b))) {
    // zod marks each as a document of its own (`$schema`, and an `$id` that is only a fragment): inside this one they are not
    const { $schema: _dialect, $id: _id, ...schema } = schemas[name] as Json;
    renameRefs(schema, names);
    kept[names.get(name) ?? name] = schema;
  }
  for (const item of Object.values(doc.paths ?? {}) as Json[]) {
    for (const op of Object.values(item) as Json[]) {
      for (const media of Object.values(op?.requestBody?.content ?? {}) as Json[]) {
        const ref: unknown = media.schema?.$ref;
        const examples = typeof ref === 'string' ? kept[ref.slice(SCHEMAS.length)]?.examples : undefined;
        if (Array.isArray(examples) && examples.length && media.example === undefined && media.examples === undefined) media.example = examples[0];
      }
    }
  }
  return { ...doc, components: { ...doc.components, schemas: kept } };
}

/** The options of @fastify/swagger: the document's frame, the per-route transform and the tidying of the whole. */
export function openApiOptions(opts: { version: string; defaultBodyLimit: number }): FastifyDynamicSwaggerOptions {
  const zodTransformObject = createJsonSchemaTransformObject({});
  const transformObject: SwaggerTransformObject = (input) => tidyDocument(zodTransformObject(input) as Json);
  return {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Xietiao 协调 API', version: opts.version, description: DESCRIPTION },
      servers: [{ url: '/', description: '本服务器（接口在 /api 下；经反向代理访问时为其对外地址）' }],
      tags: TAGS,
      security: [{ [SESSION_SCHEME]: [] }],
      components: {
        securitySchemes: {
          [SESSION_SCHEME]: {
            type: 'apiKey',
            in: 'cookie',
            name: 'xt_session',
            description: '会话 Cookie，由 POST /api/v1/auth/login 设置（HttpOnly、SameSite=Lax），退出登录、停用账号或过期后失效。',
          },
          [CSRF_SCHEME]: {
            type: 'apiKey',
            in: 'header',
            name: 'x-csrf-token',
            description:
              '本次会话的 CSRF 令牌（登录响应或 GET /api/v1/auth/me 中的 csrfToken）。有会话的修改类请求（POST、PUT、PATCH、DELETE）都须带上，登录除外；缺少或不符时为 403 csrf_failed。',
          },
        },
      },
    },
    transform: createOpenApiTransform(opts),
    transformObject,
  };
}
