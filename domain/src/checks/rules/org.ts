/**
 * 内设机构对外行文 (《条例》第十七条) — R-ORG-01.
 * A 内设机构 whose name ends with 办公厅/办公室 counts as an 办公厅（室） and may write outwards.
 * “对外” = any 主送/抄送 outside the organ the 内设机构 belongs to (following `parent` only: a
 * lower-level department led by that organ is still outside), or no addressee at all
 * (a published document is external too).
 */
import type { Finding, RuleDef } from '../types';
import { addressees, finding, isOfficeLike } from './util';

const ORG01: RuleDef = {
  id: 'R-ORG-01',
  severity: 'error',
  title: '部门内设机构除办公厅（室）外不得对外正式行文',
  source: '《条例》第十七条',
  check(ctx) {
    const out: Finding[] = [];
    const all = [...addressees(ctx, 'mainTo'), ...addressees(ctx, 'copyTo')];
    ctx.doc.issuers.forEach((iss, i) => {
      const o = ctx.organs.get(iss.organ);
      if (!o || o.kind !== '内设机构' || isOfficeLike(o)) return;
      const home = o.parent ?? o.superiors[0] ?? null;
      // inside the organ = the organ itself or anything belonging to it through `parent`
      const internal = (id: string): boolean => {
        const seen = new Set<string>();
        let cur: string | null = id;
        while (cur !== null && !seen.has(cur)) {
          if (cur === home) return true;
          seen.add(cur);
          cur = ctx.organs.get(cur)?.parent ?? null;
        }
        return false;
      };
      const external = all.filter((a) => !internal(a.organ));
      if (all.length > 0 && external.length === 0) return;
      const homeName = home !== null ? (ctx.organs.get(home)?.name ?? home) : '所属机关';
      const to = external.map((a) => ctx.organs.get(a.organ)?.name ?? a.organ).join('、');
      out.push(
        finding(
          'R-ORG-01',
          'error',
          `${o.name}是${homeName}的内设机构，除办公厅（室）外不得对外正式行文` + (to ? `（本文发往${to}）` : '') + `：请以${homeName}的名义行文`,
          `document.issuers[${i}].organ`,
        ),
      );
    });
    return out;
  },
};

export const orgRules: RuleDef[] = [ORG01];
