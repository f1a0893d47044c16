import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { ApiError } from './http';

type NamePath = (string | number)[];

function toNamePath(path: string | readonly PropertyKey[]): NamePath {
  // `body.functions[1]` → ['functions', 1]
  const parts = typeof path === 'string' ? path.split(/[./[\]]/).filter(Boolean) : path.map((p) => String(p));
  const cleaned = parts[0] === 'body' ? parts.slice(1) : parts;
  return cleaned.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function fieldExists(form: FormInstance, name: NamePath): boolean {
  try {
    const all = form.getFieldsValue(true) as Record<string, unknown>;
    return name.length > 0 && Object.hasOwn(all, name[0]);
  } catch {
    return false;
  }
}

/**
 * Puts a server error that names a field (`{error:{path}}`) onto that field of the form.
 * Returns true when it did, so the caller can skip a toast.
 */
export function applyServerError(form: FormInstance, e: unknown, aliases: Record<string, string> = {}): boolean {
  if (!(e instanceof ApiError) || (e.status !== 400 && e.status !== 409) || !e.path) return false;
  let name = toNamePath(e.path);
  if (name.length && aliases[String(name[0])]) name = [aliases[String(name[0])], ...name.slice(1)];
  if (!fieldExists(form, name)) return false;
  form.setFields([{ name, errors: [e.message] }]);
  form.scrollToField(name);
  return true;
}

/**
 * Checks a body against the shared zod schema before it is sent, with the schema's own Chinese
 * messages on the fields. Returns the parsed body, or null (errors are on the form).
 */
export function checkWith<S extends z.ZodType>(schema: S, body: unknown, form: FormInstance, aliases: Record<string, string> = {}): z.output<S> | null {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const fields: { name: NamePath; errors: string[] }[] = [];
  const unplaced: string[] = [];
  for (const issue of r.error.issues) {
    let name = toNamePath(issue.path);
    if (name.length && aliases[String(name[0])]) name = [aliases[String(name[0])], ...name.slice(1)];
    if (fieldExists(form, name)) fields.push({ name, errors: [issue.message] });
    else unplaced.push(issue.message);
  }
  if (fields.length) {
    const merged = new Map<string, { name: NamePath; errors: string[] }>();
    for (const f of fields) {
      const k = f.name.join('.');
      const hit = merged.get(k);
      if (hit) hit.errors.push(...f.errors.filter((e) => !hit.errors.includes(e)));
      else merged.set(k, { name: f.name, errors: [...f.errors] });
    }
    form.setFields([...merged.values()]);
    form.scrollToField(fields[0].name);
  }
  if (unplaced.length && !fields.length) throw new ApiError(400, 'invalid', unplaced[0]);
  return null;
}

/** '' → null, trimmed strings. */
export function nn(v: unknown): string | null {
  if (typeof v !== 'string') return v == null ? null : String(v);
  const t = v.trim();
  return t === '' ? null : t;
}
