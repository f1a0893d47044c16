/**
 * ORG-1 — relation between two organs (上级 / 下级 / 平级 / 不相隶属), computed from the organ
 * graph. Pure functions, no I/O; used by the 公文合规检查 rules and by the server's organisation
 * module, so they take a generic organ shape.
 *
 * Definitions (decided from gongwen-rules.md §1.4 and the contract's `level` field):
 * - A organ's *leading organs* (领导机关) are its `superiors` plus its `parent` (the organ a
 *   部门/办公厅室/内设机构/议事协调机构 belongs to). 上级 = a direct or transitive leading organ;
 *   下级 = the converse. This is the 隶属关系 of Art 14 (“行文关系根据隶属关系和职权范围确定”).
 * - 平级 (peer) = the same `level` number and neither lies in the other's leading line,
 *   whatever the system or region: two departments of one government (市财政局 / 市教育局),
 *   two county governments under one city, two counties of different cities, 市委 and 市政府,
 *   市政府 and 市人大常委会. These are the “同级机关” of Art 15(一) and Art 17.
 * - 不相隶属 (unrelated) = different levels and no leading line, e.g. 市财政局 and a county
 *   government, 省教育厅 and a city government. (In the 条例's sense of 函, peers are also
 *   “不相隶属机关”; the product only reserves the label for the different-level case so that
 *   平级 can be shown separately.) An unknown organ id is also 不相隶属.
 * - 本机关 (self) = the same id.
 * Cycles in bad data are tolerated (every walk keeps a visited set).
 */

export interface RelationOrgan {
  id: string;
  level: number;
  kind: string;
  superiors: readonly string[];
  parent: string | null;
}

export type OrganRelation = 'self' | 'superior' | 'subordinate' | 'peer' | 'unrelated';

export type OrganCollection<O extends RelationOrgan = RelationOrgan> = ReadonlyMap<string, O> | readonly O[];

export const RELATION_LABELS: Readonly<Record<OrganRelation, string>> = Object.freeze({
  superior: '上级',
  subordinate: '下级',
  peer: '平级',
  unrelated: '不相隶属',
  self: '本机关',
});

function toMap<O extends RelationOrgan>(organs: OrganCollection<O>): ReadonlyMap<string, O> {
  if (organs instanceof Map) return organs;
  const m = new Map<string, O>();
  for (const o of organs as readonly O[]) if (!m.has(o.id)) m.set(o.id, o);
  return m;
}

/** Direct leading organs of `organ`: its superiors plus its parent, without duplicates or itself. */
export function directLeaders(organ: RelationOrgan): string[] {
  const out: string[] = [];
  for (const id of [...organ.superiors, ...(organ.parent != null ? [organ.parent] : [])]) {
    if (id !== organ.id && !out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * Walks the graph of leading organs. Builds, per organ, the set of all its (transitive)
 * leading organs; results are cached, so one index serves many queries.
 */
export interface RelationIndex<O extends RelationOrgan = RelationOrgan> {
  readonly organs: ReadonlyMap<string, O>;
  /** all direct and transitive leading organs of `id` (ids listed but unknown are included) */
  leadingLine(id: string): ReadonlySet<string>;
  /** relation of `b` as seen from `a` */
  relation(a: string, b: string): OrganRelation;
  /** true when `b` is one of `a`'s direct leading organs (superiors or parent) */
  isDirectLeader(a: string, b: string): boolean;
  /**
   * Organs strictly between `lower` and `upper` in the leading line: leading organs of `lower`
   * of which `upper` is itself a leading organ (the organs a 越级行文 bypasses), in a stable
   * order (nearest first). Empty when `upper` is not above `lower` or is a direct leader.
   */
  between(lower: string, upper: string): string[];
}

export function createRelationIndex<O extends RelationOrgan>(organs: OrganCollection<O>): RelationIndex<O> {
  const map = toMap(organs);
  const cache = new Map<string, ReadonlySet<string>>();

  function leadingLine(id: string): ReadonlySet<string> {
    const hit = cache.get(id);
    if (hit) return hit;
    // breadth-first, so the set's insertion order is "nearest first"
    const seen = new Set<string>();
    const queue: string[] = [];
    const start = map.get(id);
    if (start) queue.push(...directLeaders(start));
    while (queue.length > 0) {
      const cur = queue.shift() as string;
      if (cur === id || seen.has(cur)) continue;
      seen.add(cur);
      const o = map.get(cur);
      if (o) for (const next of directLeaders(o)) if (!seen.has(next)) queue.push(next);
    }
    cache.set(id, seen);
    return seen;
  }

  function relation(a: string, b: string): OrganRelation {
    if (a === b) return 'self';
    if (leadingLine(a).has(b)) return 'superior';
    if (leadingLine(b).has(a)) return 'subordinate';
    const oa = map.get(a);
    const ob = map.get(b);
    if (oa && ob && oa.level === ob.level) return 'peer';
    return 'unrelated';
  }

  function isDirectLeader(a: string, b: string): boolean {
    const oa = map.get(a);
    return oa ? directLeaders(oa).includes(b) : false;
  }

  function between(lower: string, upper: string): string[] {
    if (!leadingLine(lower).has(upper) || isDirectLeader(lower, upper)) return [];
    const out: string[] = [];
    for (const x of leadingLine(lower)) {
      if (x !== upper && leadingLine(x).has(upper)) out.push(x);
    }
    return out;
  }

  return { organs: map, leadingLine, relation, isDirectLeader, between };
}

/** Relation of `b` as seen from `a` (`'superior'` means b is a's 上级). */
export function organRelation<O extends RelationOrgan>(organs: OrganCollection<O>, a: string, b: string): OrganRelation {
  return createRelationIndex(organs).relation(a, b);
}

/** All direct and transitive leading organs of `id`. */
export function leadingLine<O extends RelationOrgan>(organs: OrganCollection<O>, id: string): string[] {
  return [...createRelationIndex(organs).leadingLine(id)];
}

/** Organs bypassed when `lower` writes directly to `upper` (empty if not a 越级 path). */
export function organsBetween<O extends RelationOrgan>(organs: OrganCollection<O>, lower: string, upper: string): string[] {
  return createRelationIndex(organs).between(lower, upper);
}
