/**
 * Organ names as a whole document prints them, resolved against the organs given to the reader
 * (the organisation in the system, or an `--organs FILE`): full names, 规范化简称, the usual
 * variants (某市政府 = 某市人民政府, 某县委 = 中共某县委员会, 人大常委会), names without their
 * place written inside a document of one organ (市财政局, 县政府), and the 同类型机关统称 of a
 * 主送 line (各县（市、区）人民政府, 市政府各部门). A name that does not resolve to exactly one
 * organ (or, for a 统称, to a non-empty set) is left unresolved: never guessed.
 *
 * Pure, no I/O, never throws.
 */
import { createRelationIndex, type RelationIndex } from '../org/relation';
import type { CheckOrgan } from './types';

/** An organ as the reader takes it: the contract's organ, plus what the organisation records. */
export interface ReaderOrgan extends CheckOrgan {
  /** 规范化简称, e.g. 某市政府 */
  shortName?: string | null;
  /** 发文机关代字, e.g. 某政 (the 发文字号 某政发〔2024〕3号 starts with it) */
  docCode?: string | null;
}

/** Spaces removed (letter-spaced 版头 and 署名), half-width brackets made full-width. */
export function compact(s: string): string {
  return s
    .replace(/[\s\u3000]+/gu, '')
    .replace(/\(/gu, '（')
    .replace(/\)/gu, '）');
}

/** The endings of organ names (and of 统称), for telling a name from a sentence. */
const ORGAN_END =
  /(?:人民政府|政府|委员会|常委会|人大|政协|党委|党组|工委|县委|市委|省委|区委|办公厅|办公室|厅|局|委|办|部|院|署|会|中心|所|站|处|科|室|队|团|社|联|集团|公司|银行|学校|大学|学院|医院|机构|单位|部门|指挥部|小组|机关|馆|台|场|园|行|校|组|司)$/u;

/** A 统称 with no fixed members: it names no organ the reader could list. */
const VAGUE_COLLECTIVE = /^(?:各)?有关(?:部门|单位|机关|方面)$|^各有关(?:部门|单位|机关)$|^有关(?:部门|单位)$/u;

const UNIT = '(?:省|自治区|直辖市|市|州|地区|盟|县|区|旗|乡|镇|街道|乡镇)';
/** 各县（市、区）人民政府, 各乡镇人民政府, 各市、县人民政府 */
const GOV_COLLECTIVE = new RegExp(`^各${UNIT}(?:、?${UNIT})*(?:（[^）]*）)?(?:人民政府|政府)$`, 'u');
/** 各县（市、区）党委, 各县委 */
const PARTY_COLLECTIVE = new RegExp(`^各${UNIT}(?:、?${UNIT})*(?:（[^）]*）)?(?:党委|委)$`, 'u');
/** 市政府各部门, 各部门, 县直各部门, 各委、办、局 */
const DEPT_COLLECTIVE = /^(?:(?:省|市|州|县|区|镇|乡)(?:人民政府|政府)?(?:直)?)?各(?:部门|工作部门|委办局|委、办、局|厅局|委、厅、局)$/u;
/** 各直属机构, 市政府各直属机构, 各直属单位 */
const DIRECT_COLLECTIVE = /^(?:(?:省|市|州|县|区)(?:人民政府|政府)?)?各直属(?:机构|单位|事业单位)$/u;

/** Does the text read as one organ name or 统称 (not a sentence)? */
export function looksLikeOrganName(s: string): boolean {
  const t = compact(s);
  if (t.length < 2 || t.length > 40) return false;
  if (/[，。；;！？!?：:,“”"'《》]/u.test(t)) return false;
  if (/^\d/u.test(t)) return false;
  return ORGAN_END.test(t) || isCollective(t);
}

export function isCollective(s: string): boolean {
  const t = compact(s);
  return GOV_COLLECTIVE.test(t) || PARTY_COLLECTIVE.test(t) || DEPT_COLLECTIVE.test(t) || DIRECT_COLLECTIVE.test(t) || VAGUE_COLLECTIVE.test(t);
}

/** The usual variants of a name: 政府 ↔ 人民政府, 某县委 → 中共某县委员会, 人大常委会, 办 → 办公室. */
export function nameVariants(name: string): string[] {
  const n = compact(name);
  const out = new Set<string>([n]);
  const add = (s: string) => out.add(s);
  const gov = n.replace(/(?<!人民)政府/gu, '人民政府');
  add(gov);
  for (const v of [n, gov]) {
    add(v.replace(/人大常委会/u, '人民代表大会常务委员会'));
    if (/办$/u.test(v) && !/办公$/u.test(v)) add(`${v}公室`);
    // 某县委 / 中共某县委 → 中共某县委员会 (not 发展改革委 and the like: only after a unit word)
    const party = /^(?:中共)?(.*(?:省|自治区|市|州|县|区|旗|镇|乡))委$/u.exec(v);
    if (party) add(`中共${party[1]}委员会`);
    const partyCommittee = /^(?:中共)?(.*(?:省|自治区|市|州|县|区|旗|镇|乡))党委$/u.exec(v);
    if (partyCommittee) add(`中共${partyCommittee[1]}委员会`);
  }
  return [...out];
}

export interface Resolved {
  /** the organs the name stands for (one, or the members of a 统称) */
  organs: ReaderOrgan[];
  /** true for a 统称 (各县人民政府…) */
  collective: boolean;
}

export interface OrganIndex {
  readonly organs: readonly ReaderOrgan[];
  byId(id: string): ReaderOrgan | undefined;
  /** one organ or a 统称's members, relative to the document's own organ `home` when given; null when unresolved */
  resolve(name: string, home?: ReaderOrgan | null): Resolved | null;
  /** the organ whose 发文机关代字 begins a 发文字号's 代字 (the longest such 代字), or null */
  byDocCode(code: string): ReaderOrgan | null;
  /** `text` (spaces removed) cut into known organ names, or null when it is not wholly made of them */
  splitNames(text: string): ReaderOrgan[] | null;
  relation: RelationIndex<ReaderOrgan>;
}

const PLACE_ONLY = /^[\u4e00-\u9fa5]{1,12}$/u;

export function createOrganIndex(list: readonly ReaderOrgan[] = []): OrganIndex {
  const organs = list.filter((o, i) => list.findIndex((x) => x.id === o.id) === i);
  const ids = new Map(organs.map((o) => [o.id, o]));
  const relation = createRelationIndex(organs);
  // name → organs (more than one: ambiguous)
  const names = new Map<string, ReaderOrgan[]>();
  const put = (key: string, o: ReaderOrgan) => {
    const k = compact(key);
    if (k === '') return;
    const cur = names.get(k) ?? [];
    if (!cur.includes(o)) cur.push(o);
    names.set(k, cur);
  };
  for (const o of organs) put(o.name, o);
  // a short name never hides another organ's full name
  for (const o of organs) if (o.shortName && !names.has(compact(o.shortName))) put(o.shortName, o);
  const fullNames = organs.map((o) => ({ key: compact(o.name), o }));
  const allKeys = [...names.keys()].sort((a, b) => b.length - a.length);

  function exact(name: string): ReaderOrgan | null {
    for (const v of nameVariants(name)) {
      const hit = names.get(v);
      if (hit && hit.length === 1) return hit[0] ?? null;
    }
    return null;
  }

  /** the document's organ and its leading line (its own 上级 chain) */
  function family(home: ReaderOrgan): Set<string> {
    return new Set([home.id, ...relation.leadingLine(home.id)]);
  }

  /** the one candidate nearest to `home`: itself or a leading organ, else an organ belonging to one of them */
  function nearest(cands: ReaderOrgan[], home: ReaderOrgan | null | undefined): ReaderOrgan | null {
    if (cands.length === 1) return cands[0] ?? null;
    if (!home) return null;
    const fam = family(home);
    const tier1 = cands.filter((c) => fam.has(c.id));
    if (tier1.length === 1) return tier1[0] ?? null;
    if (tier1.length > 1) return null;
    const tier2 = cands.filter((c) => (c.parent !== null && fam.has(c.parent)) || c.superiors.some((s) => fam.has(s)));
    return tier2.length === 1 ? (tier2[0] ?? null) : null;
  }

  /** 市财政局 / 县政府: a name written without its place, inside one organ's document */
  function relative(name: string, home: ReaderOrgan | null | undefined): ReaderOrgan | null {
    const found = new Set<ReaderOrgan>();
    for (const v of nameVariants(name)) {
      const party = v.startsWith('中共');
      const bare = party ? v.slice(2) : v;
      if (!/^(?:省|自治区|市|州|县|区|旗|镇|乡)/u.test(bare)) continue;
      for (const { key, o } of fullNames) {
        if (party !== key.startsWith('中共')) continue;
        const k = party ? key.slice(2) : key;
        if (k.length <= bare.length || !k.endsWith(bare)) continue;
        const place = k.slice(0, k.length - bare.length);
        if (PLACE_ONLY.test(place) && !ORGAN_END.test(place)) found.add(o);
      }
    }
    return nearest([...found], home);
  }

  function homeGovernment(home: ReaderOrgan | null | undefined): ReaderOrgan | null {
    let cur = home ?? null;
    for (let i = 0; cur && i < 8; i++) {
      if (cur.kind === '政府') return cur;
      cur = cur.parent ? (ids.get(cur.parent) ?? null) : null;
    }
    return null;
  }
  function homeParty(home: ReaderOrgan | null | undefined): ReaderOrgan | null {
    let cur = home ?? null;
    for (let i = 0; cur && i < 8; i++) {
      if (cur.kind === '党委') return cur;
      cur = cur.parent ? (ids.get(cur.parent) ?? null) : null;
    }
    return null;
  }

  function collective(name: string, home: ReaderOrgan | null | undefined): ReaderOrgan[] | null {
    const t = compact(name);
    if (VAGUE_COLLECTIVE.test(t)) return null;
    let members: ReaderOrgan[] = [];
    if (GOV_COLLECTIVE.test(t)) {
      const gov = homeGovernment(home);
      if (gov) members = organs.filter((o) => o.kind === '政府' && o.superiors.includes(gov.id));
    } else if (PARTY_COLLECTIVE.test(t)) {
      const party = homeParty(home);
      if (party) members = organs.filter((o) => o.kind === '党委' && o.superiors.includes(party.id));
    } else if (DEPT_COLLECTIVE.test(t)) {
      const gov = homeGovernment(home);
      if (gov) members = organs.filter((o) => o.kind === '部门' && o.parent === gov.id);
    } else if (DIRECT_COLLECTIVE.test(t)) {
      const gov = homeGovernment(home);
      if (gov) members = organs.filter((o) => (o.kind === '事业单位' || o.kind === '议事协调机构') && (o.parent === gov.id || o.superiors.includes(gov.id)));
    } else return null;
    return members.length > 0 ? members : null;
  }

  function resolve(name: string, home?: ReaderOrgan | null): Resolved | null {
    const t = compact(name);
    if (t === '') return null;
    const one = exact(t) ?? relative(t, home);
    if (one) return { organs: [one], collective: false };
    if (isCollective(t)) {
      const members = collective(t, home);
      return members ? { organs: members, collective: true } : null;
    }
    return null;
  }

  function byDocCode(code: string): ReaderOrgan | null {
    const c = compact(code);
    let best: ReaderOrgan | null = null;
    let bestLen = 0;
    let tie = false;
    for (const o of organs) {
      const dc = o.docCode ? compact(o.docCode) : '';
      if (dc === '' || !c.startsWith(dc)) continue;
      if (dc.length > bestLen) {
        best = o;
        bestLen = dc.length;
        tie = false;
      } else if (dc.length === bestLen) tie = true;
    }
    return tie ? null : best;
  }

  function splitNames(text: string): ReaderOrgan[] | null {
    const t = compact(text);
    if (t === '') return null;
    const out: ReaderOrgan[] = [];
    let i = 0;
    while (i < t.length) {
      let matched = false;
      for (const key of allKeys) {
        if (!t.startsWith(key, i)) continue;
        const hit = names.get(key);
        const only = hit?.length === 1 ? hit[0] : undefined;
        if (!only) continue;
        out.push(only);
        i += key.length;
        matched = true;
        break;
      }
      if (!matched) return null;
    }
    return out;
  }

  return { organs, byId: (id) => ids.get(id), resolve, byDocCode, splitNames, relation };
}

/**
 * A printed list of names (主送, 抄送, 署名 on one line) cut into names: at “，”“；” always, at
 * “、” only where each piece reads as a name on its own (so that “各市、县人民政府” and
 * “各县（市、区）人民政府” stay whole), never inside brackets; a final “。” or “：” is dropped.
 */
export function splitNameList(line: string): string[] {
  const t = line.trim().replace(/[。.：:，,；;、\s]+$/u, '');
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of t) {
    if (c === '（' || c === '(') depth++;
    if (c === '）' || c === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[，,；;]/u.test(c)) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  const out: string[] = [];
  for (const p of parts.map((x) => x.trim()).filter(Boolean)) {
    const pieces = splitOutsideBrackets(p, '、').map((x) => x.trim());
    if (pieces.length > 1 && pieces.every((x) => x !== '' && looksLikeOrganName(x))) out.push(...pieces);
    else out.push(p);
  }
  return out.map(compact);
}

function splitOutsideBrackets(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of s) {
    if (c === '（' || c === '(') depth++;
    if (c === '）' || c === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && c === sep) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}
