/**
 * Small helpers shared by `format.ts` and `crossfield.ts` (owned with them).
 */
import type { Addressee, CheckContext, Finding, RuleDef, Severity } from '../types';

/** A finding of `rule` (its default severity unless given). */
export function finding(rule: Pick<RuleDef, 'id' | 'severity'>, path: string, message: string, severity?: Severity): Finding {
  return { rule: rule.id, severity: severity ?? rule.severity, message, path };
}

/**
 * Wraps a rule's check so that it never throws: an unexpected exception (bad data that slipped
 * past the schema) yields no finding rather than breaking the whole check.
 */
export function safe(rule: RuleDef): RuleDef {
  const inner = rule.check;
  return {
    ...rule,
    check(ctx: CheckContext): Finding[] {
      try {
        return inner.call(rule, ctx);
      } catch {
        return [];
      }
    },
  };
}

/** The organ id of an addressee. */
export function addresseeOrgan(a: Addressee): string {
  return typeof a === 'string' ? a : a.organ;
}

/** Display name of an addressee (organ name, or “organ 某某” for a person). */
export function addresseeName(ctx: CheckContext, a: Addressee): string {
  if (typeof a === 'string') return ctx.organs.get(a)?.name ?? a;
  const o = ctx.organs.get(a.organ)?.name ?? a.organ;
  return `${o}${a.person}`;
}

export function organName(ctx: CheckContext, id: string): string {
  return ctx.organs.get(id)?.name ?? id;
}

/** 1-based line number for messages. */
export function lineNo(index: number): string {
  return `第${index + 1}行`;
}

/** Quote a user string in a message, shortened. */
export function q(s: string, max = 40): string {
  const t = s.length > max ? `${s.slice(0, max)}…` : s;
  return `“${t}”`;
}
