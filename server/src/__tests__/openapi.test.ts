/**
 * X-8 The OpenAPI description (GET /api/docs/json) is one an integrator can use: it passes the
 * Redocly linter (redocly.yaml at the root), openapi-typescript makes named types of it, every
 * operation is identified, described, secured and lists its errors — and what it says about
 * security is what the server does, and its request examples are requests the server accepts.
 * The document does not depend on the database: one SQLite app is enough.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../test/app';
import { CSRF_SCHEME, SESSION_SCHEME } from '../platform/openapi';

type Json = Record<string, any>;
interface Operation {
  method: string;
  path: string;
  op: Json;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);

function operationsOf(doc: Json): Operation[] {
  return Object.entries(doc.paths as Json).flatMap(([p, item]) =>
    Object.entries(item as Json)
      .filter(([m]) => METHODS.includes(m))
      .map(([method, op]) => ({ method, path: p, op: op as Json })),
  );
}
const label = (o: Operation) => `${o.method.toUpperCase()} ${o.path}`;
/** The security that applies to an operation: its own, or the document's. */
const securityOf = (doc: Json, o: Operation): Json[] => o.op.security ?? doc.security ?? [];
/** A URL for an operation, its path parameters filled with a value no record has. */
const probeUrl = (p: string) => p.replace(/\{[^}]+\}/g, 'probe-00000001');

/** The Redocly CLI, run with node (its `bin` from its package.json: no shell, no PATH). */
async function redoclyLint(file: string): Promise<{ totals: { errors: number; warnings: number }; problems: Json[] }> {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('@redocly/cli/package.json');
  const bin = path.resolve(path.dirname(pkgFile), (JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { bin: { redocly: string } }).bin.redocly);
  const args = [bin, 'lint', file, '--format=json', '--max-problems=100000', `--config=${path.join(ROOT, 'redocly.yaml')}`];
  // Redocly exits 1 when it finds errors: its report is on stdout either way
  const stdout = await promisify(execFile)(process.execPath, args, {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
  })
    .then((r) => r.stdout)
    .catch((err: { stdout?: string }) => err.stdout ?? '');
  return JSON.parse(stdout.slice(stdout.indexOf('{')));
}

describe('X-8 the OpenAPI description', () => {
  let t: TestApp;
  let doc: Json;
  let ops: Operation[];
  /** every route the app registers under /api, as `GET /api/v1/matters/{id}` */
  const routes: string[] = [];
  beforeAll(async () => {
    t = await createTestApp('sqlite', {
      onRoute: (r) => {
        if ((r.schema as { hide?: boolean } | undefined)?.hide || !r.url.startsWith('/api')) return;
        for (const m of [r.method].flat()) if (m !== 'HEAD') routes.push(`${m} ${r.url.replace(/:([A-Za-z]+)/g, '{$1}')}`);
      },
    });
    doc = t.app.swagger() as unknown as Json;
    ops = operationsOf(doc);
  });
  afterAll(async () => t?.close());

  it('X-8 is served at /api/docs/json, OpenAPI 3.1, with a non-empty servers list, a description, tags and every route of the API', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers?.length).toBeGreaterThan(0);
    expect(doc.info.description.length).toBeGreaterThan(200);
    const tags = new Set((doc.tags as Json[]).map((x) => x.name));
    for (const o of ops) expect(tags, label(o)).toContain(o.op.tags?.[0]);
    expect(ops.length).toBeGreaterThan(100);
    expect(new Set(ops.map(label))).toEqual(new Set(routes));
    expect(routes).toContain('GET /api/health');
    expect(routes).toContain('GET /api/feeds/{token}/leaders.ics');
  });

  it('X-8 passes the Redocly linter (recommended rules and redocly.yaml) with no errors', { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xietiao-openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      fs.writeFileSync(file, JSON.stringify(doc, null, 2));
      const report = await redoclyLint(file);
      const problems = report.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} (${p.location?.[0]?.pointer ?? ''})`);
      console.log(`Redocly: ${report.totals.errors} errors, ${report.totals.warnings} warnings`);
      expect(
        problems.filter((p) => p.startsWith('error')),
        problems.join('\n'),
      ).toEqual([]);
      expect(report.totals.errors).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('X-8 openapi-typescript generates named types for the main objects under components.schemas', { timeout: 60_000 }, async () => {
    const ts = astToString(await openapiTS(doc as never));
    const schemas = /\n {4}schemas: \{\n([\s\S]*?)\n {4}\};/.exec(ts)?.[1];
    expect(schemas, 'components.schemas').toBeTruthy();
    const names = new Set([...schemas!.matchAll(/^ {8}(\w+): /gm)].map((m) => m[1]));
    for (const name of [
      'Activity',
      'Matter',
      'Task',
      'Person',
      'Department',
      'ErrorBody',
      'Notification',
      'Attachment',
      'ContentVersion',
      'MatterSummaryPage',
      'TaskPage',
      'LoginRequest',
      'CreateMatterRequest',
      'CreateActivityRequest',
    ])
      expect(names, name).toContain(name);
    // the operations use them
    expect(ts).toMatch(/getActivity: \{[\s\S]*?200: \{[\s\S]*?"application\/json": components\["schemas"\]\["Activity"\]/);
    expect(ts).toMatch(/createMatter: \{[\s\S]*?requestBody: \{[\s\S]*?"application\/json": components\["schemas"\]\["CreateMatterRequest"\]/);
  });

  it('X-8 every operation has a unique camelCase operationId, a summary, a description and one tag', () => {
    const ids = ops.map((o) => o.op.operationId);
    for (const o of ops) {
      expect(o.op.operationId, `${label(o)} has no operationId`).toMatch(/^[a-z][a-zA-Z0-9]+$/);
      expect(o.op.summary, `${label(o)} summary`).toBeTruthy();
      expect(o.op.description?.length, `${label(o)} description`).toBeGreaterThan(5);
      expect(o.op.tags, `${label(o)} tags`).toHaveLength(1);
    }
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(twice, 'operationIds used twice').toEqual([]);
  });

  it('X-8 every response is described ("Default Response" never), and every error response is the ErrorBody', () => {
    expect(JSON.stringify(doc)).not.toContain('Default Response');
    for (const o of ops) {
      const codes = Object.keys(o.op.responses);
      expect(
        codes.some((c) => c.startsWith('2')),
        `${label(o)} success`,
      ).toBe(true);
      expect(
        codes.some((c) => c.startsWith('4')),
        `${label(o)} 4xx`,
      ).toBe(true);
      expect(codes, label(o)).toContain('500');
      for (const [code, r] of Object.entries(o.op.responses as Record<string, Json>)) {
        expect(r.description?.length, `${label(o)} ${code}`).toBeGreaterThan(1);
        if (Number(code) >= 400)
          expect(r.content, `${label(o)} ${code}`).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } });
      }
    }
  });

  it('X-8 the error responses follow from the route: 400 always, 401 with a session, 403 on writes, 404 with a record id, 409 on changes, 413/415 with a body, 429 on login', () => {
    const byId = new Map(ops.map((o) => [o.op.operationId as string, o]));
    const codes = (id: string) => Object.keys(byId.get(id)!.op.responses);
    for (const o of ops) {
      const c = Object.keys(o.op.responses);
      expect(c, label(o)).toContain('400');
      if (o.path.startsWith('/api/v1/') && o.op.security?.length !== 0 && !o.op.security?.some((s: Json) => Object.keys(s).length === 0))
        expect(c, label(o)).toContain('401');
      if (UNSAFE.has(o.method)) expect(c, label(o)).toContain('403');
      if (/\{(id|[a-z]+Id|no|token)\}/.test(o.path)) expect(c, label(o)).toContain('404');
      if (o.op.requestBody) expect(c, label(o)).toEqual(expect.arrayContaining(['413', '415']));
      else expect(c, label(o)).not.toContain('413');
    }
    expect(codes('login')).toEqual(expect.arrayContaining(['401', '429']));
    expect(codes('getMatter')).not.toContain('403');
    expect(codes('listAuditEvents')).toContain('403');
    expect(codes('fireMatterEvent')).toContain('422');
    expect(codes('createMatter')).toContain('409');
    expect(codes('checkDocument')).not.toContain('409');
    expect(codes('getHealth')).not.toContain('401');
    expect(byId.get('uploadAttachment')!.op.responses['413'].description).toContain('13.4MB');
  });

  it('X-8 security: the session cookie (xt_session) by default, the CSRF header on writes, [] on public routes', () => {
    const schemes = doc.components.securitySchemes;
    expect(schemes[SESSION_SCHEME]).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'xt_session' });
    expect(schemes[CSRF_SCHEME]).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-csrf-token' });
    expect(doc.security).toEqual([{ [SESSION_SCHEME]: [] }]);
    const byId = new Map(ops.map((o) => [o.op.operationId as string, o]));
    for (const id of ['login', 'getHealth', 'getLeadersFeed', 'getLeaderFeed']) expect(byId.get(id)!.op.security, id).toEqual([]);
    expect(byId.get('logout')!.op.security).toEqual([{}, { [SESSION_SCHEME]: [], [CSRF_SCHEME]: [] }]);
    for (const o of ops) {
      const security = securityOf(doc, o);
      expect(Array.isArray(security), label(o)).toBe(true);
      if (UNSAFE.has(o.method) && security.length) expect(security.at(-1), label(o)).toEqual({ [SESSION_SCHEME]: [], [CSRF_SCHEME]: [] });
    }
  });

  it('X-8 the documented security is what the server does: 401 without a session exactly where one is required, 403 csrf_failed without the token exactly where one is required', async () => {
    const office = await t.login('office');
    const cookieOnly = { cookie: office.headers.cookie };
    const wrong: string[] = [];
    for (const o of ops) {
      const security = securityOf(doc, o);
      const anonymous = security.length === 0 || security.some((s) => Object.keys(s).length === 0);
      const method = o.method.toUpperCase() as 'GET';
      const bare = await t.app.inject({ method, url: probeUrl(o.path) });
      if ((bare.statusCode === 401) !== !anonymous) wrong.push(`${label(o)}: no session → ${bare.statusCode}, documented ${JSON.stringify(security)}`);
      if (!UNSAFE.has(o.method)) continue;
      const csrf = security.some((s) => CSRF_SCHEME in s);
      const res = await t.app.inject({ method, url: probeUrl(o.path), headers: cookieOnly });
      const refused = res.statusCode === 403 && res.json().error?.code === 'csrf_failed';
      if (refused !== csrf)
        wrong.push(`${label(o)}: session without x-csrf-token → ${res.statusCode} ${res.body.slice(0, 80)}, documented ${JSON.stringify(security)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('X-8 timestamps are documented as date-time and days as date', () => {
    const formats = new Map<string, Set<string>>();
    function walk(s: Json | undefined, key: string) {
      if (!s || typeof s !== 'object') return;
      if (s.format) formats.set(key, new Set([...(formats.get(key) ?? []), s.format]));
      for (const sub of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? []), s.items].filter(Boolean)) walk(sub, key);
      for (const [k, v] of Object.entries((s.properties ?? {}) as Json)) walk(v, k);
    }
    for (const s of Object.values(doc.components.schemas as Json)) walk(s as Json, '');
    for (const [key, set] of formats) expect([...set], key).toHaveLength(1);
    for (const key of ['createdAt', 'updatedAt', 'completedAt', 'startsAt', 'endsAt', 'at', 'readAt', 'assignedAt'])
      expect(formats.get(key), key).toEqual(new Set(['date-time']));
    for (const key of ['dueDate', 'date', 'start', 'end']) expect(formats.get(key), key).toEqual(new Set(['date']));
    const task = doc.components.schemas.Task.properties;
    expect(task.createdAt).toEqual({ type: 'string', format: 'date-time' });
  });

  it('X-8 the request examples (login, register a matter, file an activity) are requests the server accepts', async () => {
    const schemas = doc.components.schemas as Json;
    const example = (name: string) => schemas[name].examples?.[0];
    for (const name of ['LoginRequest', 'CreateMatterRequest', 'CreateActivityRequest', 'AttachmentUpload']) {
      expect(example(name), name).toBeTruthy();
      const zod = z.globalRegistry._idmap.get(name) as z.ZodType;
      expect(zod.safeParse(example(name)).success, name).toBe(true);
    }
    // the operations show them on the request too
    const byId = new Map(ops.map((o) => [o.op.operationId as string, o]));
    expect(byId.get('createMatter')!.op.requestBody.content['application/json'].example).toEqual(example('CreateMatterRequest'));

    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: example('LoginRequest') });
    expect(login.statusCode, login.body).toBe(200);
    const office = await t.login('office');
    const matter = await office.post('/api/v1/matters', example('CreateMatterRequest'));
    expect(matter.statusCode, matter.body).toBe(200);
    const activity = await office.post('/api/v1/activities', example('CreateActivityRequest'));
    expect(activity.statusCode, activity.body).toBe(200);
    const upload = await office.post(`/api/v1/matters/${matter.json().id}/attachments`, example('AttachmentUpload'));
    expect(upload.statusCode, upload.body).toBe(200);
  });
});
