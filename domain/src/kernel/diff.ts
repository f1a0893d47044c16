/**
 * Field-by-field difference between two versions of a matter's structured content (a draft's
 * fields, later minutes), for a reviewer to see what changed (K-4). Pure, no I/O.
 *
 * - Objects are compared key by key, nested objects recursively (`field` = `签发.意见`).
 * - Lists of plain values (主送、抄送) give one entry for the list with `parts`: each item kept,
 *   added or removed, in order (`[{op:'same',value:'市财政局'},{op:'added',value:'市审计局'}]`).
 * - Lists of objects (附件说明、议定事项) are aligned by their `id` (or `key`) when every item has
 *   one, otherwise by content; an item that moved on in place is diffed inside (`议定事项[2].承办`).
 * - Long texts (a line break, or longer than `longText` characters) get `parts` by sentence and
 *   line: unchanged runs, removed runs and added runs, so that joining the `same` and `removed`
 *   parts gives the old text back and the `same` and `added` parts the new one. `parts` are given
 *   only when the two texts share something; otherwise `before`/`after` say it all.
 * - A missing key and a key whose value is `undefined` are the same thing (JSON has no undefined).
 */

export type DiffKind = 'added' | 'removed' | 'changed';
export type DiffPartOp = 'same' | 'added' | 'removed';

/** A run of text (long texts) or one item (lists of plain values). */
export interface DiffPart {
  op: DiffPartOp;
  value: unknown;
}

export interface FieldChange {
  /** readable path: `标题`, `主送`, `签发.意见`, `议定事项[2].承办` */
  field: string;
  /** the same path as keys and indexes (indexes of the new version; of the old one for `removed`) */
  path: (string | number)[];
  kind: DiffKind;
  /** absent for `added` */
  before?: unknown;
  /** absent for `removed` */
  after?: unknown;
  parts?: DiffPart[];
}

export interface DiffOptions {
  /** a text longer than this (or with a line break) is diffed by sentence and line; default 40 */
  longText?: number;
}

type Obj = Record<string, unknown>;

function isPlainObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isScalar(v: unknown): boolean {
  return v === null || (typeof v !== 'object' && typeof v !== 'function');
}

/** Structural equality of JSON-like values; key order does not matter, undefined keys are absent. */
export function contentEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => contentEqual(x, b[i]));
  }
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false;
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && contentEqual(a[k], b[k]));
  }
  // NaN is not JSON, but do not report it as a change against itself.
  return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
}

/** `['议定事项', 2, '承办']` → `议定事项[2].承办` */
export function formatFieldPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sequence alignment (longest common subsequence), shared by lists and texts.

type Op = { op: 'same'; a: number; b: number } | { op: 'removed'; a: number } | { op: 'added'; b: number };

/** Above this many table cells the middle of two sequences is reported as replaced whole. */
const MAX_CELLS = 2_000_000;

function align<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && eq(a[start], b[start])) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && eq(a[endA - 1], b[endB - 1])) {
    endA -= 1;
    endB -= 1;
  }
  const ops: Op[] = [];
  for (let i = 0; i < start; i++) ops.push({ op: 'same', a: i, b: i });
  const n = endA - start;
  const m = endB - start;
  if (n > 0 && m > 0 && n * m <= MAX_CELLS) {
    // lcs[i][j] = length of the LCS of a[start+i..endA) and b[start+j..endB)
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] = eq(a[start + i], b[start + j]) ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (eq(a[start + i], b[start + j])) {
        ops.push({ op: 'same', a: start + i, b: start + j });
        i += 1;
        j += 1;
      } else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
        ops.push({ op: 'removed', a: start + i });
        i += 1;
      } else {
        ops.push({ op: 'added', b: start + j });
        j += 1;
      }
    }
    for (; i < n; i++) ops.push({ op: 'removed', a: start + i });
    for (; j < m; j++) ops.push({ op: 'added', b: start + j });
  } else {
    for (let i = start; i < endA; i++) ops.push({ op: 'removed', a: i });
    for (let j = start; j < endB; j++) ops.push({ op: 'added', b: j });
  }
  for (let k = 0; k < a.length - endA; k++) ops.push({ op: 'same', a: endA + k, b: endB + k });
  return ops;
}

// ---------------------------------------------------------------------------------------------
// Texts

const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';', '…']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '】', '》', '"', "'"]);

/**
 * A text cut into sentences and lines: each piece ends after a sentence mark (with its closing
 * quotes) or a line break; joining the pieces gives the text back.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const chars = Array.from(text);
  let cur = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    cur += c;
    if (c === '\n') {
      out.push(cur);
      cur = '';
      continue;
    }
    if (SENTENCE_END.has(c)) {
      while (i + 1 < chars.length && (SENTENCE_END.has(chars[i + 1]) || CLOSERS.has(chars[i + 1]))) cur += chars[++i];
      out.push(cur);
      cur = '';
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** Text parts (merged runs) turning `before` into `after`, by sentence and line. */
export function diffText(before: string, after: string): DiffPart[] {
  const a = splitSentences(before);
  const b = splitSentences(after);
  const parts: { op: DiffPartOp; value: string }[] = [];
  const push = (op: DiffPartOp, value: string) => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.value += value;
    else parts.push({ op, value });
  };
  // Within a changed stretch, removals first, then additions: reads as "was … now …".
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) push('removed', removed);
    if (added) push('added', added);
    removed = '';
    added = '';
  };
  for (const o of align(a, b, (x, y) => x === y)) {
    if (o.op === 'same') {
      flush();
      push('same', a[o.a]);
    } else if (o.op === 'removed') removed += a[o.a];
    else added += b[o.b];
  }
  flush();
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Values

function identity(v: unknown): string | number | undefined {
  if (!isPlainObject(v)) return undefined;
  for (const k of ['id', 'key']) {
    const x = v[k];
    if (typeof x === 'string' || typeof x === 'number') return x;
  }
  return undefined;
}

/** Every item an object with an `id`/`key`, unique within its list. */
function keyed(list: readonly unknown[]): boolean {
  const seen = new Set<string | number>();
  for (const item of list) {
    const id = identity(item);
    if (id === undefined || seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}

class Differ {
  readonly out: FieldChange[] = [];
  constructor(private readonly longText: number) {}

  private emit(path: (string | number)[], kind: DiffKind, before: unknown, after: unknown, parts?: DiffPart[]) {
    const c: FieldChange = { field: formatFieldPath(path), path, kind };
    if (kind !== 'added') c.before = before;
    if (kind !== 'removed') c.after = after;
    if (parts) c.parts = parts;
    this.out.push(c);
  }

  objects(a: Obj, b: Obj, path: (string | number)[]) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))];
    for (const k of keys) {
      const x = a[k];
      const y = b[k];
      if (x === undefined && y === undefined) continue;
      if (x === undefined) this.emit([...path, k], 'added', undefined, y);
      else if (y === undefined) this.emit([...path, k], 'removed', x, undefined);
      else this.value(x, y, [...path, k]);
    }
  }

  value(a: unknown, b: unknown, path: (string | number)[]) {
    if (contentEqual(a, b)) return;
    if (isPlainObject(a) && isPlainObject(b)) return this.objects(a, b, path);
    if (Array.isArray(a) && Array.isArray(b)) return this.lists(a, b, path);
    if (typeof a === 'string' && typeof b === 'string' && this.isLong(a, b)) {
      const parts = diffText(a, b);
      return this.emit(path, 'changed', a, b, parts.some((p) => p.op === 'same') ? parts : undefined);
    }
    this.emit(path, 'changed', a, b);
  }

  private isLong(a: string, b: string): boolean {
    return a.includes('\n') || b.includes('\n') || a.length > this.longText || b.length > this.longText;
  }

  lists(a: unknown[], b: unknown[], path: (string | number)[]) {
    if (a.every(isScalar) && b.every(isScalar)) {
      const parts: DiffPart[] = align(a, b, (x, y) => contentEqual(x, y)).map((o) =>
        o.op === 'same' ? { op: 'same', value: a[o.a] } : o.op === 'removed' ? { op: 'removed', value: a[o.a] } : { op: 'added', value: b[o.b] },
      );
      return this.emit(path, 'changed', a, b, parts);
    }
    if (keyed(a) && keyed(b)) {
      for (const o of align(a, b, (x, y) => identity(x) === identity(y))) {
        if (o.op === 'same') this.value(a[o.a], b[o.b], [...path, o.b]);
        else if (o.op === 'removed') this.emit([...path, o.a], 'removed', a[o.a], undefined);
        else this.emit([...path, o.b], 'added', undefined, b[o.b]);
      }
      return;
    }
    // Align equal items; inside each changed stretch pair the old items with the new ones in order.
    let removed: number[] = [];
    let added: number[] = [];
    const flush = () => {
      const paired = Math.min(removed.length, added.length);
      for (let k = 0; k < paired; k++) this.value(a[removed[k]], b[added[k]], [...path, added[k]]);
      for (const i of removed.slice(paired)) this.emit([...path, i], 'removed', a[i], undefined);
      for (const j of added.slice(paired)) this.emit([...path, j], 'added', undefined, b[j]);
      removed = [];
      added = [];
    };
    for (const o of align(a, b, (x, y) => contentEqual(x, y))) {
      if (o.op === 'same') flush();
      else if (o.op === 'removed') removed.push(o.a);
      else added.push(o.b);
    }
    flush();
  }
}

/**
 * The changes from content `before` to content `after` (two versions of one matter's content),
 * in the order of the fields. `before` null or undefined = nothing yet: every field is `added`.
 * `diffContent(x, x)` is always empty.
 */
export function diffContent(before: Obj | null | undefined, after: Obj | null | undefined, opts: DiffOptions = {}): FieldChange[] {
  const d = new Differ(opts.longText ?? 40);
  d.objects(before ?? {}, after ?? {}, []);
  return d.out;
}
