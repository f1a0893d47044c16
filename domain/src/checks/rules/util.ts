/** Small helpers shared by the rule families (no I/O, never throw on validated input). */
import { addresseeOrgan, relationIndex } from '../context';
import type { Addressee, CheckContext, CheckOrgan, Finding, Severity } from '../types';
import { directLeaders, type RelationIndex } from '../../org/relation';

export { addresseeOrgan, directLeaders };

export function finding(rule: string, severity: Severity, message: string, path: string): Finding {
  return { rule, severity, message, path };
}

/** The organ's name, or its id if unknown. */
export function nm(ctx: CheckContext, id: string): string {
  return ctx.organs.get(id)?.name ?? id;
}

/** Names joined with 、 */
export function names(ctx: CheckContext, ids: readonly string[]): string {
  return ids.map((id) => nm(ctx, id)).join('、');
}

export function idx(ctx: CheckContext): RelationIndex<CheckOrgan> {
  return relationIndex(ctx.organs);
}

export interface AddresseeRef {
  organ: string;
  person: string | null;
  index: number;
  path: string;
}

export function addressees(ctx: CheckContext, key: 'mainTo' | 'copyTo'): AddresseeRef[] {
  return ctx.doc[key].map((a: Addressee, index) => ({
    organ: addresseeOrgan(a),
    person: typeof a === 'string' ? null : a.person,
    index,
    path: `document.${key}[${index}]`,
  }));
}

/** Organ ids named anywhere on the document: issuers, 主送, 抄送. */
export function namedOrgans(ctx: CheckContext): Set<string> {
  const s = new Set<string>(ctx.issuers.map((o) => o.id));
  for (const a of [...ctx.doc.mainTo, ...ctx.doc.copyTo]) s.add(addresseeOrgan(a));
  return s;
}

/** Non-blank string */
export function filled(v: string | null | undefined): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

export const DEPARTMENT_KINDS: ReadonlySet<string> = new Set(['部门', '办公厅室', '内设机构', '议事协调机构']);

/**
 * An 办公厅（室）: kind 办公厅室, or a 内设机构 whose name ends with 办公厅/办公室 (a department's
 * own office, which Art 17 allows to write outwards).
 */
export function isOfficeLike(o: CheckOrgan): boolean {
  return o.kind === '办公厅室' || (o.kind === '内设机构' && /办公[厅室]$/.test(o.name));
}

/**
 * The 党委 or 政府 an organ belongs to: itself if it is one, else the first 党委/政府 found by
 * following `parent`, then `superiors` (nearest first); null when there is none.
 */
export function homeOrgan(ctx: CheckContext, o: CheckOrgan): CheckOrgan | null {
  if (o.kind === '党委' || o.kind === '政府') return o;
  const seen = new Set<string>([o.id]);
  let cur: CheckOrgan | undefined = o;
  while (cur && cur.parent !== null && !seen.has(cur.parent)) {
    seen.add(cur.parent);
    cur = ctx.organs.get(cur.parent);
    if (cur && (cur.kind === '党委' || cur.kind === '政府')) return cur;
  }
  for (const id of idx(ctx).leadingLine(o.id)) {
    const x = ctx.organs.get(id);
    if (x && (x.kind === '党委' || x.kind === '政府')) return x;
  }
  return null;
}

export function levelLabel(level: number): string {
  return ({ 1: '国家级', 2: '省级', 3: '市级', 4: '县级', 5: '乡镇级' } as Record<number, string>)[level] ?? `第${level}级`;
}

/** Full calendar date: YYYY-MM-DD (optionally followed by a time) or YYYY年M月D日. */
export function isFullDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\S*)?$/.exec(v.trim()) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(v.trim());
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] as number;
  return y >= 1900 && d <= days;
}
