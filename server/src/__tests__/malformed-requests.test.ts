/**
 * K-10 Standing guard for every route, present and future.
 *
 * Every route is collected as the app registers it (Fastify's onRoute hook, `buildApp({ onRoute })`)
 * and malformed requests are derived from the route's own zod schemas (body, params, querystring):
 * wrong types, missing required fields, null, 100 000-character strings, arrays where scalars
 * belong, too-long arrays, blank strings, impossible dates and local times without an offset,
 * values outside an enum, U+0000, numbers out of range (2147483648: one past PostgreSQL's integer),
 * ids of records that do not exist, odd path segments, invalid JSON text, an empty JSON body, a
 * body that is null / an array / a string, `__proto__` keys, 20 000 levels of nesting, text/plain.
 * Realistic values (real demo ids in paths and id fields, the record's current version) fill the
 * rest of each request, so one field at a time is wrong and the body checks and services are reached.
 *
 * Values come from fast-check with a fixed seed, so a run is reproducible. Knobs: K10_SEED=n another
 * seed; K10_CASES=n cases per route (default 16, a seeded round robin over the route's fields),
 * K10_CASES=all every derived case; K10_REPORT=file.json writes the failures as JSON.
 *
 * Every derived case is classified by the route's own schema before it is sent:
 * - `invalid`: the schema refuses it. The answer must be a 4xx; a 400 must be the one error shape
 *   with a Chinese message and, for a malformed field, a `path` naming that field. The schema
 *   refuses it before any handler runs, so it is sent once, by the next of the four users in turn.
 * - `unknown-id`: the schema accepts it but an id names no record. Sent as the office, a liaison,
 *   an administrator and an anonymous client: never a 5xx; a write with a path naming nothing must
 *   not succeed, and one with a body field naming nothing must not store that id anywhere.
 * - `edge`: the schema accepts it (a huge but allowed number, an extra query key). Sent as all four:
 *   never a 5xx. U+0000 is one of these, and must be refused with a 400 naming the field.
 * - A huge string, an unbounded array or an impossible date that the schema ACCEPTS is itself a
 *   failure (the schema lets a bad value through), checked on every derived case, sampled or not.
 * A case the schema accepts for another reason (an optional field left out) is a valid request and
 * is not sent: it could legitimately change data.
 *
 * State: the row count of every table, the sum of every `version` column and the audit head are
 * read around each request that reaches a service and after each run of schema-refused requests;
 * what a 4xx answered must change none of them. The audit chain is verified at the end.
 * A new route needs nothing written here: the hook finds it and its schemas drive the cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { RouteOptions } from 'fastify';
import { createTestApp, type TestApp } from '../test/app';
import { testDialects } from '../test/db';
import { DEMO_PASSWORD } from '../seed/demo';
import { seedDemoMatters } from '../seed/demo-matters';
import { seedDemoActivities } from '../seed/demo-activities';
import { verifyAudit } from '../platform/audit';

const SEED = Number(process.env.K10_SEED ?? 20261127);
const MAX_CASES = process.env.K10_CASES === 'all' ? Infinity : Number(process.env.K10_CASES ?? 16);
const HUGE = 100_000;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Tables a refused request may change by design: a login refused with 401/429 records the failure
 * for throttling (per user and address, then per account). Most malformed logins are refused by the schema
 * before that, but a probe the schema accepts (an odd username) reaches the service and is counted.
 */
const EXCLUDED_TABLES = new Set(['login_attempts', 'kysely_migration', 'kysely_migration_lock']);
/** A refused login of an existing user is audited (`auth.login_failed`) on purpose. */
const AUDITED_REFUSALS = new Set(['POST /api/v1/auth/login']);

type Schema = z.ZodType;
type Seg = string | number;
type Where = 'body' | 'query' | 'params';
interface Route {
  method: string;
  url: string;
  body?: Schema;
  querystring?: Schema;
  params?: Schema;
}
type Kind = 'invalid' | 'unknown-id' | 'edge';
interface Case {
  label: string;
  kind: Kind;
  group: string;
  params: Record<string, string>;
  query?: Record<string, unknown>;
  /** a JSON value to send */
  body?: unknown;
  /** raw text to send instead of JSON */
  raw?: { text: string; contentType: string };
  /** the field the malformation is in, e.g. body.title, query.from */
  field?: string;
  /** the schema let a value through that it should refuse */
  leak?: string;
  /** accepted by the schema, yet the server must refuse it (U+0000, which no field takes) */
  refuse?: boolean;
  /** the id of nothing this case carries in a body or query field */
  unknownId?: string;
}
interface Failure {
  route: string;
  user: string;
  label: string;
  problem: string;
  request?: string;
  status?: number;
  response?: string;
}

// ── zod 4 introspection ──
interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  getter?: () => Schema;
  element?: Schema;
  shape?: Record<string, Schema>;
  entries?: Record<string, string>;
  values?: unknown[];
  options?: Schema[];
  coerce?: boolean;
  checks?: { _zod: { def: { check: string; maximum?: number; minimum?: number } } }[];
}
const def = (s: Schema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);
function core(s: Schema): Schema {
  const d = def(s);
  if (WRAPPERS.has(d.type) && d.innerType) return core(d.innerType);
  if (d.type === 'pipe' && d.in) return core(d.in);
  if (d.type === 'lazy' && d.getter) return core(d.getter());
  return s;
}
function maxLength(s: Schema): number | undefined {
  const checks = def(core(s)).checks ?? [];
  const m = checks
    .map((c) => c._zod.def)
    .filter((c) => c.check === 'max_length')
    .map((c) => c.maximum ?? Infinity);
  return m.length ? Math.min(...m) : undefined;
}
function minLength(s: Schema): number {
  const checks = def(core(s)).checks ?? [];
  return Math.max(
    0,
    ...checks
      .map((c) => c._zod.def)
      .filter((c) => c.check === 'min_length')
      .map((c) => c.minimum ?? 0),
  );
}
const accepts = (s: Schema, v: unknown) => s.safeParse(v).success;
const isIdName = (name: string) => /^id$|Ids?$|^token$/.test(name);
const isDateName = (name: string) => /(At|Date)$|^(from|to|start|end|date)$/.test(name);
const jsonPath = (p: Seg[]) => p.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join('');
const fieldName = (p: Seg[]) => String([...p].reverse().find((s) => typeof s === 'string') ?? '');

function getAt(obj: unknown, p: Seg[]): unknown {
  return p.reduce<unknown>((o, k) => (o as Record<Seg, unknown> | undefined)?.[k], obj);
}
function setAt(obj: unknown, p: Seg[], value: unknown, remove = false): unknown {
  const copy = structuredClone(obj) as Record<Seg, unknown>;
  const parent = getAt(copy, p.slice(0, -1)) as Record<Seg, unknown>;
  const last = p[p.length - 1];
  if (remove) delete parent[last];
  else parent[last] = value;
  return copy;
}

/** Real demo ids so that cases get past "not found" and reach the body checks and the service. */
interface RealIds {
  bySegment: Record<string, string>;
  byParam: Record<string, string>;
  version: Record<string, number>;
  /** the version of the record the route's path names, for `version` fields */
  current: { version: number };
  forField(name: string): string | undefined;
}

/** A value the schema accepts (optional fields included), preferring realistic ones (real ids, real dates) by the field's name. */
function sample(s: Schema, name: string, where: Where, ids: RealIds): unknown {
  const d = def(s);
  if (WRAPPERS.has(d.type) && d.innerType) return sample(d.innerType, name, where, ids);
  if (d.type === 'pipe' && d.in) return sample(d.in, name, where, ids);
  if (d.type === 'lazy' && d.getter) return sample(d.getter(), name, where, ids);
  const str = (v: unknown) => (where === 'body' ? v : String(v));
  switch (d.type) {
    case 'string': {
      const candidates = [
        ...nameHints(name, ids),
        '测试内容',
        '2026-12-01T09:00:00+08:00',
        '2026-12-01',
        'probe.user',
        'Probe-pass-2026',
        'text/plain',
        'aGVsbG8=',
        'abcdefghijkl',
      ];
      return candidates.find((c) => accepts(s, c)) ?? 'x'.repeat(Math.max(1, minLength(s)));
    }
    case 'number': {
      const n = s as unknown as { minValue: number | null; maxValue: number | null };
      let v = name === 'version' ? ids.current.version : 1;
      if (n.minValue != null && v < n.minValue) v = n.minValue;
      if (n.maxValue != null && v > n.maxValue) v = n.maxValue;
      return str(v);
    }
    case 'boolean':
      return str(false);
    case 'enum':
      return Object.values(d.entries ?? {})[0];
    case 'literal':
      return d.values?.[0];
    case 'array': {
      const el = sample(d.element!, name, where, ids);
      return Array.from({ length: Math.max(1, minLength(s)) }, () => el);
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, f] of Object.entries(d.shape ?? {})) {
        const v = sample(f, k, where, ids);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    case 'record':
      return {};
    case 'union': {
      for (const o of d.options ?? []) {
        const v = sample(o, name, where, ids);
        if (accepts(o, v)) return v;
      }
      return undefined;
    }
    default:
      return str('x');
  }
}
function nameHints(name: string, ids: RealIds): string[] {
  if (isIdName(name)) {
    const id = ids.forField(name);
    return id ? [id] : [];
  }
  if (/endsAt$/.test(name)) return ['2026-12-01T11:00:00+08:00'];
  if (/At$/.test(name)) return ['2026-12-01T09:00:00+08:00'];
  if (name === 'to') return ['2026-12-31'];
  if (name === 'start') return ['2026-11-30'];
  if (isDateName(name)) return ['2026-12-01'];
  if (/username/i.test(name)) return ['probe.user'];
  if (/password/i.test(name)) return ['Probe-pass-2026'];
  return [];
}

/** Every field of an object schema, nested objects and the first element of arrays included. */
function targets(s: Schema, prefix: Seg[] = []): { path: Seg[]; schema: Schema }[] {
  const d = def(core(s));
  const out: { path: Seg[]; schema: Schema }[] = [];
  if (d.type === 'object') {
    for (const [k, f] of Object.entries(d.shape ?? {})) {
      out.push({ path: [...prefix, k], schema: f });
      out.push(...targets(f, [...prefix, k]));
    }
  } else if (d.type === 'array' && d.element) {
    out.push({ path: [...prefix, 0], schema: d.element });
    out.push(...targets(d.element, [...prefix, 0]));
  }
  return out;
}

// ── fast-check: seeded values ──
function hashSeed(text: string): number {
  let h = SEED | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
function makeGen(key: string) {
  let n = 0;
  return <T>(arb: fc.Arbitrary<T>): T => fc.sample(arb, { seed: hashSeed(`${key}#${n++}`), numRuns: 1 })[0];
}
const hugeChar = fc.constantFrom('x', '字', '𠀀', '"', '\\', '<', '%');
const badDates = fc.constantFrom(
  '2026-13-45',
  '2026-02-30',
  'yesterday',
  '2026-12-01T09:00:00',
  '2026-12-01 09:00',
  '20261201',
  '2026-12-01T25:00:00Z',
  '0000-00-00',
  '+275760-09-13',
  '2026-1-1',
  '明天',
);
const weirdIds = fc.constantFrom("' OR '1'='1", '../../etc/passwd', '\u0000', '中文编号', 'null', 'undefined', '-1', '%00', '<script>');
const badNumbers = fc.constantFrom(-1, 0, 1.5, -0.5, 1e21, 2147483648, -2147483649, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2);
const badQueryNumbers = fc.constantFrom('abc', '-1', '0', '1.5', '1e400', 'NaN', 'Infinity', '0x10', '2147483648', '9007199254740993', ' ');
const invalidJson = fc.constantFrom('{"a":', '{a:1}', "{'x':1}", '[1,2', 'undefined', '{"x":1}}', '{"x":"\\uZZZZ"}', '\u0000', 'nul');
function otherType(gen: ReturnType<typeof makeGen>, value: unknown): unknown {
  const kinds: fc.Arbitrary<unknown>[] = [];
  if (typeof value !== 'number') kinds.push(fc.integer({ min: -1000, max: 1000 }));
  if (typeof value !== 'string') kinds.push(fc.string({ minLength: 1, maxLength: 8 }));
  if (typeof value !== 'boolean') kinds.push(fc.boolean());
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    kinds.push(fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.integer(), { maxKeys: 2 }));
  if (!Array.isArray(value)) kinds.push(fc.array(fc.integer(), { maxLength: 2 }));
  return gen(fc.oneof(...kinds));
}

/** All cases derived from one route's schemas, each classified by the schema itself. */
function deriveCases(route: Route, ids: RealIds): { all: Case[]; picked: Case[] } {
  const key = `${route.method} ${route.url}`;
  const gen = makeGen(key);
  const paramNames = [...route.url.matchAll(/:([A-Za-z_]\w*)/g)].map((m) => m[1]);
  const realParams: Record<string, string> = {};
  const segs = route.url.split('/');
  for (const p of paramNames) {
    const i = segs.findIndex((s) => s === `:${p}` || s.startsWith(`:${p}.`));
    const seg = segs[i - 1] ?? '';
    // a real record's id, else (a year, a date, a version number) a value the params schema accepts
    const ps = route.params ? def(core(route.params)).shape?.[p] : undefined;
    const sampled = ps && !isIdName(p) ? sample(ps, p, 'params', ids) : undefined;
    realParams[p] = ids.byParam[p] ?? ids.bySegment[seg] ?? (ps && accepts(ps, sampled) ? String(sampled) : gen(fc.uuid()));
  }
  const firstParam = paramNames[0] ? realParams[paramNames[0]] : undefined;
  ids.current.version = (firstParam && ids.version[firstParam]) || 1;

  const cases: Case[] = [];
  const bodyBase = route.body ? sample(route.body, '', 'body', ids) : undefined;
  const queryBase = route.querystring ? (sample(route.querystring, '', 'query', ids) as Record<string, unknown>) : undefined;
  const valid = (c: Pick<Case, 'params' | 'query' | 'body'>) =>
    (!route.params || accepts(route.params, c.params)) &&
    (!route.querystring || accepts(route.querystring, c.query ?? {})) &&
    (!route.body || accepts(route.body, c.body));
  const baseOk = valid({ params: realParams, query: queryBase, body: bodyBase });
  const push = (c: Omit<Case, 'kind'> & { kind?: Kind }, acceptedAs?: Kind | 'leak') => {
    const ok = c.raw ? false : valid(c);
    if (!ok) cases.push({ ...c, kind: 'invalid', field: baseOk ? c.field : undefined, leak: undefined });
    else if (acceptedAs === 'leak') cases.push({ ...c, kind: 'edge' });
    else if (acceptedAs) cases.push({ ...c, kind: acceptedAs, leak: undefined });
    // accepted for another reason: a valid request, not sent
  };
  const common = { params: realParams, query: queryBase, body: bodyBase };

  // params
  for (const p of paramNames) {
    const g = `params.${p}`;
    const withParam = (v: string) => ({ ...realParams, [p]: v });
    push({ ...common, group: g, label: `${g}: id of nothing`, params: withParam(gen(fc.uuid())), field: g }, 'unknown-id');
    push({ ...common, group: g, label: `${g}: odd text`, params: withParam(gen(weirdIds)), field: g }, 'unknown-id');
    push({ ...common, group: g, label: `${g}: NUL character`, params: withParam(`${realParams[p]}\u0000`), field: g, refuse: true }, 'unknown-id');
    push({ ...common, group: g, label: `${g}: 70 characters`, params: withParam('a'.repeat(70)), field: g }, 'unknown-id');
    push({ ...common, group: g, label: `${g}: 300 characters`, params: withParam(gen(hugeChar).repeat(300)), field: g }, 'unknown-id');
    const ps = route.params ? def(core(route.params)).shape?.[p] : undefined;
    if (ps && def(core(ps)).type === 'number')
      push({ ...common, group: g, label: `${g}: 2147483648`, params: withParam('2147483648'), field: g }, 'unknown-id');
  }

  // querystring fields
  if (route.querystring && queryBase) {
    for (const [name, fs] of Object.entries(def(core(route.querystring)).shape ?? {})) {
      const g = `query.${name}`;
      const withQ = (v: unknown, remove = false) =>
        (remove ? setAt(queryBase, [name], undefined, true) : { ...queryBase, [name]: v }) as Record<string, unknown>;
      const c = def(core(fs));
      const cur = queryBase[name] ?? 'x';
      push({ ...common, group: g, label: `${g}: missing`, query: withQ(undefined, true), field: g });
      push(
        { ...common, group: g, label: `${g}: not a number/date/enum`, query: withQ(gen(badQueryNumbers)), field: g },
        c.coerce || c.type === 'number' ? 'edge' : undefined,
      );
      if (c.type === 'number') push({ ...common, group: g, label: `${g}: 2147483648`, query: withQ('2147483648'), field: g }, 'edge');
      push({ ...common, group: g, label: `${g}: repeated`, query: withQ([cur, gen(fc.string({ maxLength: 6 }))]), field: g });
      push({ ...common, group: g, label: `${g}: empty`, query: withQ(''), field: g });
      const huge = gen(hugeChar).repeat(HUGE);
      push({ ...common, group: g, label: `${g}: ${HUGE} characters`, query: withQ(huge), field: g, leak: hugeLeak(fs, huge) }, 'leak');
      if (c.type === 'enum' || c.type === 'literal')
        push({ ...common, group: g, label: `${g}: not one of the options`, query: withQ('no-such-option'), field: g });
      if (isDateName(name) || dateLike(fs)) {
        const bad = gen(badDates);
        push(
          {
            ...common,
            group: g,
            label: `${g}: bad date ${JSON.stringify(bad)}`,
            query: withQ(bad),
            field: g,
            leak: `${g} accepts the impossible date ${JSON.stringify(bad)}`,
          },
          'leak',
        );
      }
      if (isIdName(name)) push({ ...common, group: g, label: `${g}: id of nothing`, query: withQ(gen(fc.uuid())), field: g }, 'edge');
      push({ ...common, group: g, label: `${g}: NUL character`, query: withQ(`${typeof cur === 'string' ? cur : 'x'}\u0000`), field: g, refuse: true }, 'edge');
    }
    push(
      {
        ...common,
        group: 'query',
        label: 'query: unknown keys',
        query: { ...queryBase, [gen(fc.constantFrom('__proto__', 'constructor', 'x'))]: gen(fc.string()) },
      },
      'edge',
    );
  } else if (route.method === 'GET') {
    push({ ...common, group: 'query', label: 'query: keys the route does not take', query: { id: gen(fc.uuid()), q: gen(hugeChar).repeat(1000) } }, 'edge');
  }

  // body fields
  if (route.body && bodyBase !== undefined) {
    for (const { path, schema: fs } of targets(route.body)) {
      if (getAt(bodyBase, path.slice(0, -1)) === undefined) continue;
      const name = fieldName(path);
      const field = `body.${jsonPath(path)}`;
      const g = field;
      const cur = getAt(bodyBase, path);
      const at = (v: unknown) => setAt(bodyBase, path, v);
      const c = def(core(fs));
      push({ ...common, group: g, label: `${field}: wrong type`, body: at(otherType(gen, cur)), field });
      push({ ...common, group: g, label: `${field}: null`, body: at(null), field });
      if (typeof path[path.length - 1] === 'string')
        push({ ...common, group: g, label: `${field}: missing`, body: setAt(bodyBase, path, undefined, true), field });
      if (c.type !== 'array') push({ ...common, group: g, label: `${field}: an array instead of a value`, body: at([cur ?? 'x']), field });
      if (c.type === 'string') {
        const huge = gen(hugeChar).repeat(HUGE);
        push({ ...common, group: g, label: `${field}: ${HUGE} characters`, body: at(huge), field, leak: hugeLeak(fs, huge) }, 'leak');
        push({ ...common, group: g, label: `${field}: blank`, body: at(gen(fc.constantFrom('', ' ', '   \t\n'))), field });
        push(
          {
            ...common,
            group: g,
            label: `${field}: NUL and control characters`,
            body: at(`${typeof cur === 'string' ? cur : 'x'}\u0000\u0007`),
            field,
            refuse: true,
          },
          'edge',
        );
      }
      if (c.type === 'enum' || c.type === 'literal')
        push({ ...common, group: g, label: `${field}: not one of the options`, body: at('no-such-option'), field });
      if (c.type === 'number') {
        const n = gen(badNumbers);
        push({ ...common, group: g, label: `${field}: number ${n}`, body: at(n), field }, 'edge');
        // one past PostgreSQL's integer: a schema without a max lets it reach an int column
        push({ ...common, group: g, label: `${field}: number 2147483648`, body: at(2147483648), field }, 'edge');
      }
      if (c.type === 'array') {
        const max = maxLength(fs);
        const el = Array.isArray(cur) && cur.length ? cur[0] : 'x';
        const long = Array.from({ length: Math.min((max ?? 10_000) + 1, 10_001) }, () => el);
        push(
          {
            ...common,
            group: g,
            label: `${field}: ${long.length} elements`,
            body: at(long),
            field,
            leak: max === undefined ? `${field} accepts ${long.length} elements: give the array a max` : undefined,
          },
          max === undefined ? 'leak' : undefined,
        );
      }
      if (c.type === 'string' && (isDateName(name) || dateLike(fs))) {
        const bad = gen(badDates);
        push(
          {
            ...common,
            group: g,
            label: `${field}: bad date ${JSON.stringify(bad)}`,
            body: at(bad),
            field,
            leak: `${field} accepts the impossible date ${JSON.stringify(bad)}`,
          },
          'leak',
        );
      }
      if (isIdName(name) && c.type === 'string') {
        const nothing = gen(fc.uuid());
        push({ ...common, group: g, label: `${field}: id of nothing`, body: at(nothing), field, unknownId: nothing }, 'unknown-id');
      }
    }
    // the body as a whole
    const g = 'body';
    push({ ...common, group: g, label: 'body: JSON null', body: null, field: 'body' });
    push({ ...common, group: g, label: 'body: an array', body: [bodyBase], field: 'body' });
    push({ ...common, group: g, label: 'body: a string', body: gen(fc.string()), field: 'body' });
    push({ ...common, group: g, label: 'body: {}', body: {}, field: 'body' });
    push({
      ...common,
      group: g,
      label: 'body: an unknown key',
      body: { ...(bodyBase as object), [gen(fc.constantFrom('unexpected', 'isAdmin', 'id'))]: gen(fc.string()) },
    });
  }
  if (UNSAFE.has(route.method)) {
    const g = 'raw';
    push({ ...common, group: g, label: 'raw: invalid JSON', raw: { text: gen(invalidJson), contentType: 'application/json' } });
    push({ ...common, group: g, label: 'raw: empty JSON body', raw: { text: '', contentType: 'application/json' } });
    push({
      ...common,
      group: g,
      label: 'raw: prototype pollution',
      raw: {
        text: `{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}${bodyBase && typeof bodyBase === 'object' ? `,${JSON.stringify(bodyBase).slice(1, -1)}` : ''}}`.replace(
          /,}$/,
          '}',
        ),
        contentType: 'application/json',
      },
    });
    // Without a body schema these two are requests the route accepts (it ignores its body): not sent.
    if (route.body) {
      push({
        ...common,
        group: g,
        label: 'raw: 20 000 levels of nesting',
        raw: { text: `${'['.repeat(20_000)}${']'.repeat(20_000)}`, contentType: 'application/json' },
      });
      push({ ...common, group: g, label: 'raw: text/plain', raw: { text: JSON.stringify(bodyBase ?? {}), contentType: 'text/plain' } });
    }
  }

  // Bounded and reproducible: a seeded round robin over the targets, so every field gets its turn.
  if (cases.length <= MAX_CASES) return { all: cases, picked: cases };
  const groups = new Map<string, Case[]>();
  for (const c of cases) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  const order = gen(fc.shuffledSubarray([...groups.keys()], { minLength: groups.size, maxLength: groups.size }));
  // within a target, the cases that reach a service (ids of nothing, edge values) go first
  const reach = (c: Case) => (c.kind === 'invalid' ? 1 : 0);
  const queues = order.map((k) =>
    gen(fc.shuffledSubarray(groups.get(k)!, { minLength: groups.get(k)!.length, maxLength: groups.get(k)!.length })).sort((a, b) => reach(a) - reach(b)),
  );
  const picked: Case[] = [];
  for (let round = 0; picked.length < MAX_CASES; round++) {
    let any = false;
    for (const q of queues)
      if (q[round] && picked.length < MAX_CASES) {
        picked.push(q[round]);
        any = true;
      }
    if (!any) break;
  }
  return { all: cases, picked };
}
function dateLike(s: Schema): boolean {
  return !accepts(s, '测试内容') && !accepts(s, 'abcdefghijklmnopqrstuvwxyz0123') && (accepts(s, '2026-12-01') || accepts(s, '2026-12-01T09:00:00+08:00'));
}
function hugeLeak(s: Schema, huge: string): string | undefined {
  const max = maxLength(s);
  return max !== undefined && max >= huge.length ? undefined : 'accepts a 100000-character string: give it a max length';
}

// ── state ──
async function stateReader(t: TestApp) {
  const db = t.ctx.db;
  const tables =
    t.ctx.dialect === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)).rows.map((r) => r.name)
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = ${t.tdb.schema} and table_type = 'BASE TABLE'`.execute(db)
        ).rows.map((r) => r.name);
  const watched = tables.filter((n) => !EXCLUDED_TABLES.has(n)).sort();
  const versioned: string[] = [];
  const columns: Record<string, string[]> = {};
  for (const n of watched) {
    const cols =
      t.ctx.dialect === 'sqlite'
        ? (await sql<{ name: string }>`select name from pragma_table_info(${n})`.execute(db)).rows.map((r) => r.name)
        : (
            await sql<{
              name: string;
            }>`select column_name as name from information_schema.columns where table_schema = ${t.tdb.schema} and table_name = ${n}`.execute(db)
          ).rows.map((r) => r.name);
    if (cols.includes('version')) versioned.push(n);
    columns[n] = cols;
  }
  const q = (n: string) => `"${n.replace(/"/g, '""')}"`;
  const parts = [
    ...watched.map((n) => `(select count(*) from ${q(n)}) as ${q(n)}`),
    ...versioned.map((n) => `(select coalesce(sum(version), 0) from ${q(n)}) as ${q(`${n}.version`)}`),
  ];
  const query = sql.raw<Record<string, unknown>>(`select ${parts.join(', ')}`);
  const snapshot = async (): Promise<Record<string, string>> => {
    const row = (await query.execute(db)).rows[0];
    const head = await db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirst();
    return { ...Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v)])), audit_head: `${head?.seq}:${head?.hash}` };
  };
  /** Where a value is stored (table.column), the audit trail aside: it may record what was asked. */
  const whereStored = async (value: string): Promise<string[]> => {
    const found: string[] = [];
    for (const [n, cols] of Object.entries(columns)) {
      if (n === 'audit_events') continue;
      for (const col of cols) {
        const c = t.ctx.dialect === 'postgres' ? `${q(col)}::text` : q(col);
        const row = (await sql.raw<{ n: unknown }>(`select count(*) as n from ${q(n)} where ${c} like '%${value.replace(/[^0-9a-f-]/gi, '')}%'`).execute(db))
          .rows[0];
        if (Number(row?.n) > 0) found.push(`${n}.${col}`);
      }
    }
    return found;
  };
  return { tables, snapshot, whereStored };
}
function diff(a: Record<string, string>, b: Record<string, string>, ignoreAudit: boolean): string[] {
  return Object.keys({ ...a, ...b })
    .filter((k) => a[k] !== b[k] && !(ignoreAudit && (k === 'audit_head' || k.startsWith('audit_events'))))
    .map((k) => `${k}: ${a[k]} → ${b[k]}`);
}

// ── users ──
interface Client {
  name: string;
  headers: Record<string, string>;
}
async function loginClient(t: TestApp, username: string): Promise<Client> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'xt_session');
  return { name: username, headers: { cookie: `xt_session=${cookie?.value}`, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken } };
}

/**
 * Where a path segment's records live when the table is not named after it; any other segment
 * (`number-series`, `steps`, a future one) is looked up in the table of its own name.
 */
const TABLE_OF_SEGMENT: Record<string, string> = {
  people: 'users',
  toread: 'read_items',
  consultations: 'step_groups',
  numbers: 'assigned_numbers',
  participants: 'step_participants',
  versions: 'content_versions',
};

async function realIds(t: TestApp, routes: Route[], tables: string[]): Promise<RealIds> {
  const db = t.ctx.db;
  const office = await db.selectFrom('users').select(['id', 'feed_token']).where('username', '=', 'office').executeTakeFirstOrThrow();
  const liaison = await db.selectFrom('users').select(['id', 'department_id', 'version']).where('username', '=', 'liaison').executeTakeFirstOrThrow();
  const leader = await db.selectFrom('leaders').select('user_id').orderBy('precedence').executeTakeFirstOrThrow();
  const matters = await db.selectFrom('matters').select(['id', 'kind', 'version', 'status']).orderBy('created_at').execute();
  const matter = matters.find((m) => m.kind === 'coordination' && m.status === 'coordinating') ?? matters.find((m) => m.kind === 'coordination');
  const other = matters.find((m) => m.kind === 'coordination' && m.id !== matter?.id);
  const activity = matters.find((m) => m.kind === 'activity' && m.status === 'awaiting_approval') ?? matters.find((m) => m.kind === 'activity');
  const organs = await db.selectFrom('organs').select(['id', 'version', 'is_self']).orderBy('level').execute();
  const self = organs.find((o) => o.is_self === 1) ?? organs[0];
  const otherOrgan = organs.find((o) => o.id !== self.id) ?? self;
  const department =
    (await db
      .selectFrom('departments')
      .select(['id', 'version'])
      .where('id', '=', liaison.department_id ?? '')
      .executeTakeFirst()) ?? (await db.selectFrom('departments').select(['id', 'version']).executeTakeFirstOrThrow());
  const bySegment: Record<string, string> = {};
  const version: Record<string, number> = {};
  const put = (seg: string, row: { id?: unknown; version?: unknown } | undefined) => {
    if (!row || typeof row.id !== 'string') return;
    bySegment[seg] = row.id;
    if (row.version != null) version[row.id] = Number(row.version);
  };
  // Any other segment before a parameter: the first record of its table, preferring the office's or the demo matter's.
  for (const seg of new Set(routes.flatMap((r) => r.url.split('/').filter((_, i, a) => a[i + 1]?.startsWith(':'))))) {
    const table = TABLE_OF_SEGMENT[seg] ?? seg.replace(/-/g, '_');
    if (!tables.includes(table)) continue;
    const q = (n: string) => `"${n.replace(/"/g, '""')}"`;
    for (const where of [`where user_id = '${office.id}'`, `where matter_id = '${matter?.id}'`, '']) {
      const row = await sql
        .raw<Record<string, unknown>>(`select * from ${q(table)} ${where} limit 1`)
        .execute(db)
        .then(
          (r) => r.rows[0],
          () => undefined,
        );
      if (row) {
        put(seg, row);
        break;
      }
    }
  }
  put('matters', matter);
  put('activities', activity);
  put('organs', self);
  put('departments', department);
  put('people', liaison);
  version[otherOrgan.id] = Number(otherOrgan.version);
  return {
    bySegment,
    version,
    current: { version: 1 },
    byParam: { otherId: otherOrgan.id, leaderId: leader.user_id, token: office.feed_token, event: 'startExecution' },
    forField(name) {
      if (/leader/i.test(name)) return leader.user_id;
      if (/department/i.test(name)) return department.id;
      if (/organ|parent|superior/i.test(name)) return otherOrgan.id;
      if (/user|staff|secretary|owner|assignee|actor|party|participant/i.test(name)) return liaison.id;
      if (/matter|^toId$/i.test(name)) return other?.id;
      return undefined;
    },
  };
}

function buildRequest(route: Route, c: Case) {
  let url = route.url.replace(/:([A-Za-z_]\w*)/g, (_, p: string) => encodeURIComponent(c.params[p] ?? ''));
  if (c.query) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(c.query)) {
      if (v === undefined) continue;
      for (const item of Array.isArray(v) ? v : [v]) qs.append(k, String(item));
    }
    const s = qs.toString();
    if (s) url += `?${s}`;
  }
  const method = route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  if (c.raw) return { method, url, payload: c.raw.text, contentType: c.raw.contentType };
  if (route.method === 'GET' || c.body === undefined) return { method, url };
  return { method, url, payload: JSON.stringify(c.body), contentType: 'application/json' };
}
const clip = (s: string, n = 400) => (s.length > n ? `${s.slice(0, n)}…（共${s.length}字符）` : s);
const CJK = /[\u4e00-\u9fff]/;

describe.each(testDialects())('K-10 standing guards [%s]', (dialect) => {
  let t: TestApp;
  const routes: Route[] = [];
  beforeAll(async () => {
    t = await createTestApp(dialect, {
      onRoute: (r: RouteOptions) => {
        const schema = (r.schema ?? {}) as { body?: Schema; querystring?: Schema; params?: Schema; hide?: boolean };
        if (schema.hide || !r.url.startsWith('/api')) return;
        for (const method of [r.method].flat()) {
          if (method === 'HEAD' || method === 'OPTIONS') continue;
          routes.push({ method, url: r.url, body: schema.body, querystring: schema.querystring, params: schema.params });
        }
      },
    });
    await seedDemoMatters(t.ctx);
    await seedDemoActivities(t.ctx);
  });
  afterAll(async () => t?.close());

  it(`K-10 malformed requests derived from every route's schemas: no 5xx, nothing changes [${dialect}]`, async () => {
    const office = await loginClient(t, 'office');
    const { tables, snapshot: read, whereStored } = await stateReader(t);
    // an attachment, so the attachment routes have a real record to aim at
    const ids0 = await realIds(t, routes, tables);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/matters/${ids0.bySegment.matters}/attachments`,
      headers: office.headers,
      payload: { filename: '说明.txt', mime: 'text/plain', contentBase64: 'aGVsbG8=' },
    });
    const ids = await realIds(t, routes, tables);
    const clients: Client[] = [office, await loginClient(t, 'liaison'), await loginClient(t, 'admin'), { name: 'anonymous', headers: {} }];
    const failures: Failure[] = [];
    const leaks = new Set<string>();
    let fired = 0;
    let turn = 0;
    const covered = routes.filter((r) => r.url.startsWith('/api/v1/') || r.url.startsWith('/api/feeds/') || r.url === '/api/health');
    expect(covered.length).toBeGreaterThan(50);

    // State is read around every request that may reach a service, and after each run of requests
    // the schema refuses (they never reach a handler, so a change there names the whole run).
    let before = await read();
    let refused: { client: string; label: string; request: string; status: number }[] = [];
    const settle = async (route: string, ignoreAudit: boolean, blame = true) => {
      const after = await read();
      const changed = diff(before, after, ignoreAudit);
      if (changed.length && refused.length && blame) {
        const r = refused[refused.length - 1];
        failures.push({
          route,
          user: refused.map((x) => x.client).join(','),
          label: refused.map((x) => x.label).join(' | '),
          problem: `${refused.length === 1 ? `answered ${r.status}` : `one of ${refused.length} refused requests`} but changed: ${changed.join('; ')}`,
          request: refused.map((x) => x.request).join('\n           '),
        });
      }
      before = after;
      refused = [];
    };
    for (const route of covered) {
      const key = `${route.method} ${route.url}`;
      const ignoreAudit = AUDITED_REFUSALS.has(key);
      const derived = deriveCases(route, ids);
      // What the schema lets through is checked on every derived case, sent or not.
      for (const c of derived.all) {
        if (c.leak && !leaks.has(`${key} ${c.field}`)) {
          leaks.add(`${key} ${c.field}`);
          failures.push({
            route: key,
            user: '-',
            label: c.label,
            problem: `the schema lets a bad value through: ${c.field} ${c.leak.replace(`${c.field} `, '')}`,
          });
        }
      }
      for (const c of derived.picked) {
        const req = buildRequest(route, c);
        const shown = `${req.method} ${clip(req.url, 200)}${'payload' in req && req.payload !== undefined ? ` ${clip(String(req.payload), 300)}` : ''}`;
        // A request the schema refuses never reaches a handler, whoever sends it: one user each,
        // in turn. Requests that reach the services go out as every user.
        const reachesService = c.kind !== 'invalid';
        const senders = reachesService ? clients : [clients[turn++ % clients.length]];
        if (reachesService) await settle(key, ignoreAudit);
        for (const client of senders) {
          const res = await t.app.inject({
            method: req.method,
            url: req.url,
            payload: 'payload' in req ? req.payload : undefined,
            headers: { ...client.headers, ...('contentType' in req && req.contentType ? { 'content-type': req.contentType } : {}) },
          });
          fired++;
          const status = res.statusCode;
          const fail = (problem: string) =>
            failures.push({ route: key, user: client.name, label: c.label, problem, request: shown, status, response: clip(res.body) });
          if (status >= 500) fail('5xx');
          if (status >= 400 && status < 500) {
            refused.push({ client: client.name, label: c.label, request: shown, status });
            if (status === 400) {
              let err: { code?: unknown; message?: unknown; path?: unknown } | undefined;
              try {
                err = (res.json() as { error?: typeof err }).error;
              } catch {
                /* not JSON */
              }
              if (!err || typeof err.code !== 'string' || typeof err.message !== 'string') fail('a 400 without the error shape {error:{code,message,path?}}');
              else {
                if (!CJK.test(err.message)) fail('a 400 whose message is not Chinese');
                if ((c.kind === 'invalid' || c.refuse) && c.field && err.code === 'validation_failed') {
                  const p = String(err.path ?? '');
                  if (!(p === c.field || p.startsWith(`${c.field}.`) || p.startsWith(`${c.field}[`)))
                    fail(`the 400 names ${JSON.stringify(err.path)} instead of ${c.field}`);
                }
              }
            }
          } else if (status < 400) {
            if (c.kind === 'invalid') fail(`a request the schema refuses was answered ${status}`);
            if (c.refuse) fail(`a request with U+0000 in ${c.field} was answered ${status}: it must be refused with a 400`);
            if (c.kind === 'unknown-id' && UNSAFE.has(route.method) && status < 300) {
              // a body field's id of nothing may be ignored, never stored; a path naming nothing is never a success
              const stored = c.unknownId ? await whereStored(c.unknownId) : ['(the path)'];
              if (stored.length) fail(`a write naming a record that does not exist was answered ${status} and stored it in ${stored.join(', ')}`);
            }
          }
          // a request that reached a service is compared on its own; an accepted one moves the baseline
          // (after a refused-by-schema request that was accepted — already a failure — nothing is blamed)
          if (reachesService || status < 400) await settle(key, ignoreAudit, reachesService || status >= 400);
        }
      }
      await settle(key, ignoreAudit);
    }
    if (process.env.K10_REPORT) (await import('node:fs')).writeFileSync(process.env.K10_REPORT, JSON.stringify(failures, null, 1));
    const chain = await verifyAudit(t.ctx.db);
    expect(chain.ok, JSON.stringify(chain)).toBe(true);
    const report = failures
      .slice(0, 60)
      .map(
        (f) => `\n• ${f.route} as ${f.user} — ${f.label}\n  ${f.problem}${f.request ? `\n  request: ${f.request}\n  response: ${f.status} ${f.response}` : ''}`,
      )
      .join('');
    const more = failures.length > 60 ? `\n…and ${failures.length - 60} more` : '';
    expect(failures, `${failures.length} failures in ${fired} requests to ${covered.length} routes (seed ${SEED}):${report}${more}`).toEqual([]);
    expect(fired).toBeGreaterThan(covered.length * 4);
  }, 300_000);
});
