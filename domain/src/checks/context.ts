/**
 * Builds the `CheckContext` every rule receives from a validated `CheckInput`: the organ map,
 * the issuers (lead first), the relation between organs (ORG-1) and the direction of the
 * document, which is derived from the organ graph and never typed in.
 */
import { createRelationIndex, type RelationIndex } from '../org/relation';
import type { Addressee, CheckContext, CheckInput, CheckOrgan, Direction, Relation } from './types';

/** The organ id an addressee stands for (a person addressee stands for their organ). */
export function addresseeOrgan(a: Addressee): string {
  return typeof a === 'string' ? a : a.organ;
}

/**
 * Direction from the lead issuer to the main addressees:
 * - 上行 when at least one main addressee is a (direct or transitive) superior of the lead issuer;
 *   a superior wins over a subordinate in a mixed 主送 so that the stricter 上行 rules apply
 *   (and R-ROUTE-03 then flags the subordinate);
 * - 下行 when at least one is a subordinate and none is a superior;
 * - 平行 otherwise: peers, unrelated organs, the issuer itself, or no 主送 at all (公告/通告/公报
 *   without 主送 have no addressee to derive a direction from).
 */
export function deriveDirection(relation: (a: string, b: string) => Relation, lead: string, mainTo: readonly Addressee[]): Direction {
  const rels = mainTo.map((a) => relation(lead, addresseeOrgan(a)));
  if (rels.includes('superior')) return '上行';
  if (rels.includes('subordinate')) return '下行';
  return '平行';
}

const indexes = new WeakMap<ReadonlyMap<string, CheckOrgan>, RelationIndex<CheckOrgan>>();

/** The (cached) relation index over a context's organ map: leading lines, bypassed organs… */
export function relationIndex(organs: ReadonlyMap<string, CheckOrgan>): RelationIndex<CheckOrgan> {
  let idx = indexes.get(organs);
  if (!idx) {
    idx = createRelationIndex(organs);
    indexes.set(organs, idx);
  }
  return idx;
}

export function buildContext(input: CheckInput): CheckContext {
  const organs = new Map<string, CheckOrgan>();
  for (const o of input.organs) if (!organs.has(o.id)) organs.set(o.id, o);
  const doc = input.document;
  const idx = relationIndex(organs);

  const leadEntry = doc.issuers.find((i) => i.lead) ?? doc.issuers[0];
  if (!leadEntry) throw new Error('document.issuers is empty');
  const byId = (id: string): CheckOrgan => {
    const o = organs.get(id);
    if (!o) throw new Error(`unknown organ ${id}`);
    return o;
  };
  const lead = byId(leadEntry.organ);
  const issuers: CheckOrgan[] = [lead];
  for (const i of doc.issuers) {
    const o = byId(i.organ);
    if (!issuers.includes(o)) issuers.push(o);
  }

  const memo = new Map<string, Relation>();
  const relation = (a: string, b: string): Relation => {
    const key = `${a}\u0000${b}`;
    let r = memo.get(key);
    if (r === undefined) {
      r = idx.relation(a, b);
      memo.set(key, r);
    }
    return r;
  };

  return {
    input,
    doc,
    organs,
    issuers,
    lead,
    relation,
    direction: deriveDirection(relation, lead.id, doc.mainTo),
  };
}
