/**
 * Validation of raw JSON into a `CheckInput` (check-contract.md, “Input”).
 * - Optional fields get their defaults; unknown fields are ignored (stripped).
 * - A missing required field, a wrong type, an unknown 文种 / enum value, a duplicate organ id or
 *   an organ id that is not declared in `organs` is bad input: `{ ok: false, path, message }`,
 *   where `path` is like `document.mainTo[1]` and `message` (Chinese) starts with the path.
 * - `null` is accepted wherever a field is optional and means “use the default”.
 */
import { z } from 'zod';
import { DOC_TYPES, LAYOUTS, ORGAN_KINDS, type CheckInput } from './types';

function withDefault<T extends z.ZodType>(schema: T, def: () => z.output<T>) {
  return schema.nullish().transform((v): z.output<T> => (v ?? def()) as z.output<T>);
}
/** optional, nullable → `null` */
function orNull<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((v): z.output<T> | null => (v ?? null) as z.output<T> | null);
}
const optStr = orNull(z.string());
const optBool = withDefault(z.boolean(), () => false);
const strList = withDefault(z.array(z.string()), () => []);

export const OrganSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(ORGAN_KINDS),
  level: z.number().int().min(1).max(9),
  superiors: strList,
  parent: optStr,
});

export const AddresseeSchema = z.union([z.string().min(1), z.object({ person: z.string().min(1), organ: z.string().min(1) })]);

export const SignerSchema = z.object({
  organ: z.string().min(1),
  name: z.string(),
  role: z.enum(['主要负责人', '分管负责人', '受权']),
  proxy: optBool,
  opinion: optStr,
  signedAt: optStr,
});

export const FlagsSchema = z.object({
  important: optBool,
  involvesOtherUnits: optBool,
  countersignComplete: optBool,
  skipLevelReason: optStr,
  leaderAssigned: optStr,
  govApprovedRef: optStr,
  directive: optBool,
  forwardedFrom: optStr,
  stanceOpinion: optStr,
});

const NO_FLAGS = () => FlagsSchema.parse({});

export const DocumentSchema = z.object({
  type: z.enum(DOC_TYPES),
  layout: orNull(z.enum(LAYOUTS)),
  issuers: z.array(z.object({ organ: z.string().min(1), lead: optBool })).min(1),
  title: z.string(),
  mainTo: z.array(AddresseeSchema),
  copyTo: withDefault(z.array(AddresseeSchema), () => []),
  docNo: optStr,
  date: optStr,
  signers: withDefault(z.array(SignerSchema), () => []),
  signatory: strList,
  secrecy: withDefault(z.enum(['none', '秘密', '机密', '绝密']), () => 'none' as const),
  secrecyTerm: optStr,
  copyNo: optStr,
  urgency: withDefault(z.enum(['none', '特急', '加急']), () => 'none' as const),
  matters: strList,
  body: z.string(),
  attachmentNote: strList,
  attachments: withDefault(z.array(z.object({ no: z.number().int(), title: z.string() })), () => []),
  note: optStr,
  replyTo: orNull(z.object({ type: z.string(), issuer: z.string().min(1), docNo: withDefault(z.string(), () => '') })),
  flags: withDefault(FlagsSchema, NO_FLAGS),
});

export const CheckInputSchema = z.object({
  organs: z.array(OrganSchema).min(1),
  document: DocumentSchema,
});

export type ParseResult = { ok: true; input: CheckInput } | { ok: false; path: string; message: string };

/** `['document', 'mainTo', 1]` → `document.mainTo[1]`; the root is `$`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '$' : out;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = raw;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p as string];
  }
  return cur;
}

const TYPE_NAMES: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  boolean: '布尔值（true/false）',
  array: '数组',
  object: '对象',
  null: 'null',
  undefined: '空',
};

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && !Number.isFinite(v)) return 'number';
  return typeof v;
}

function show(v: unknown): string {
  if (typeof v === 'string') return `"${v}"`;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

const ENUM_LABELS: Record<string, string> = {
  type: '未知文种',
  kind: '未知机关类型',
  layout: '未知版式',
  role: '未知签发人身份',
  secrecy: '未知密级',
  urgency: '未知紧急程度',
};

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const value = valueAt(raw, issue.path);
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.path.length === 0) return '输入应为 JSON 对象';
      if (value === undefined) return '缺少必填字段';
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `类型错误：应为${expected}，实际为${TYPE_NAMES[typeOf(value)] ?? typeOf(value)} ${show(value)}`;
    }
    case 'invalid_value': {
      if (value === undefined) {
        const what = typeof last === 'string' && ENUM_LABELS[last] ? ENUM_LABELS[last].replace(/^未知/, '') : '';
        return what ? `缺少必填字段（${what}）` : '缺少必填字段';
      }
      const label = (typeof last === 'string' && ENUM_LABELS[last]) || '取值无效';
      const allowed = issue.values.map((v) => String(v)).join('、');
      return `${label} ${show(value)}，应为以下之一：${allowed}`;
    }
    case 'too_small': {
      if (issue.origin === 'array') return `至少需要 ${String(issue.minimum)} 项`;
      if (issue.origin === 'string') return '不能为空';
      return `不能小于 ${String(issue.minimum)}`;
    }
    case 'too_big': {
      if (issue.origin === 'array') return `不能超过 ${String(issue.maximum)} 项`;
      if (issue.origin === 'string') return `不能超过 ${String(issue.maximum)} 个字符`;
      return `不能大于 ${String(issue.maximum)}`;
    }
    case 'invalid_union':
      return `格式错误：应为机关 id（字符串）或 {"person": 姓名, "organ": 机关 id}，实际为 ${show(value)}`;
    default:
      return `格式错误：${issue.message}`;
  }
}

function fail(path: string, what: string): ParseResult {
  return { ok: false, path, message: `${path}: ${what}` };
}

/** Cross-reference checks after the shape is right: organ ids unique and every reference known. */
function checkReferences(input: CheckInput): ParseResult | null {
  const ids = new Set<string>();
  for (const [i, o] of input.organs.entries()) {
    if (ids.has(o.id)) return fail(`organs[${i}].id`, `机关 id "${o.id}" 重复，每个机关的 id 必须唯一`);
    ids.add(o.id);
  }
  const unknown = (path: string, id: string) => fail(path, `未知机关 "${id}"，请先在 organs 中列出该机关`);
  for (const [i, o] of input.organs.entries()) {
    for (const [j, s] of o.superiors.entries()) if (!ids.has(s)) return unknown(`organs[${i}].superiors[${j}]`, s);
    if (o.parent !== null && !ids.has(o.parent)) return unknown(`organs[${i}].parent`, o.parent);
  }
  const d = input.document;
  for (const [i, x] of d.issuers.entries()) if (!ids.has(x.organ)) return unknown(`document.issuers[${i}].organ`, x.organ);
  for (const key of ['mainTo', 'copyTo'] as const) {
    for (const [i, a] of d[key].entries()) {
      if (typeof a === 'string') {
        if (!ids.has(a)) return unknown(`document.${key}[${i}]`, a);
      } else if (!ids.has(a.organ)) return unknown(`document.${key}[${i}].organ`, a.organ);
    }
  }
  for (const [i, s] of d.signers.entries()) if (!ids.has(s.organ)) return unknown(`document.signers[${i}].organ`, s.organ);
  if (d.replyTo && !ids.has(d.replyTo.issuer)) return unknown('document.replyTo.issuer', d.replyTo.issuer);
  return null;
}

/** Validates raw JSON (already `JSON.parse`d) into a `CheckInput`. Never throws. */
export function parseCheckInput(raw: unknown): ParseResult {
  let parsed: ReturnType<typeof CheckInputSchema.safeParse>;
  try {
    parsed = CheckInputSchema.safeParse(raw);
  } catch (e) {
    return fail('$', `无法解析输入：${e instanceof Error ? e.message : String(e)}`);
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (!issue) return fail('$', '输入格式错误');
    return fail(formatPath(issue.path), describeIssue(issue, raw));
  }
  const input: CheckInput = parsed.data;
  return checkReferences(input) ?? { ok: true, input };
}
