import type { FormInstance } from 'antd';
import { ApiError, isDuplicate } from '../../lib/http';

type NamePath = (string | number)[];

export interface PlaceOptions {
  /** the form's top-level field names (a server path outside them is not placed) */
  fields: readonly string[];
  /** server field → form field, e.g. { startsAt: 'range' } */
  aliases?: Record<string, string>;
  /** fields that are a Form.List (an index in the path names one of its rows); other arrays are one control */
  lists?: readonly string[];
  /** where a 409 that is not a stale version (e.g. a name already in use) belongs */
  duplicateField?: string;
}

/** 'body.charges[1].departmentId' → ['charges', 1, 'departmentId'] */
export function serverPath(path: string): NamePath {
  const parts = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** A 409 for a stale version (someone else saved first), not a uniqueness refusal. */
export { isStale } from '../../lib/http';

/**
 * Puts a server refusal that names a field onto that field: a 400 at `error.path`, or a
 * uniqueness 409 on `duplicateField`. Returns true when it did (no toast needed then).
 */
export function placeServerError(form: FormInstance, e: unknown, opts: PlaceOptions): boolean {
  if (!(e instanceof ApiError)) return false;
  let name: NamePath | null = null;
  if (e.status === 400 && e.path) {
    const p = serverPath(e.path);
    if (p.length && opts.aliases?.[String(p[0])]) p[0] = opts.aliases[String(p[0])];
    if (p.length && opts.fields.includes(String(p[0]))) name = opts.lists?.includes(String(p[0])) ? p : [p[0]];
  } else if (isDuplicate(e) && opts.duplicateField) {
    name = [opts.duplicateField];
  }
  if (!name) return false;
  form.setFields([{ name, errors: [e.message] }]);
  form.scrollToField(name);
  return true;
}
