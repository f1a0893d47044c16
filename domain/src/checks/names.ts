/**
 * Organ names as published documents write them: the region a name carries (某县 in
 * “某县人民政府”), the short forms in use (县政府, 县人民政府, 某县政府, 县委, 某县委, 市委市政府…),
 * and the resolution of such a mention in a body against the organ graph of the input.
 *
 * Also the 监督 relation of a 人民代表大会 and its 常务委员会 over the same-level 人民政府 (and
 * 监察委员会, 人民法院, 人民检察院). The contract's organ fields express it without a new field:
 * an organ of kind 人大 / 人大常委会 supervises an organ of the same `level` whose name carries the
 * same region (某县人民代表大会常务委员会 → 某县人民政府). It is not a leading relation, so it is
 * not written in `superiors` (which would say 领导) — see docs/rules.md, “Describing organs”.
 *
 * Pure, no I/O, never throws.
 */
import type { CheckOrgan } from './types';

// ---------------------------------------------------------------------------------------------
// Regions

/** Administrative unit words, longest first (自治区 before 区). */
const UNIT_WORDS = ['自治区', '自治州', '自治县', '自治旗', '特别行政区', '省', '市', '县', '区', '州', '旗', '盟', '镇', '乡', '街道'] as const;

/** The national level (国务院, 中共中央, 全国人大常委会) as a region. */
export const NATIONAL = '国家';

/** `region` without a place name: only a unit word (“县”, “市”) — says nothing about which one. */
function isBareUnit(region: string): boolean {
  return (UNIT_WORDS as readonly string[]).includes(region);
}

/** The unit word a region ends with (某县 → 县, 某自治区 → 自治区), or null. */
export function unitWord(region: string): string | null {
  for (const u of UNIT_WORDS) if (region.endsWith(u)) return u;
  return null;
}

const GOV_NAME = /^(?<r>.+?)(?:人民)?政府$/u;
const PARTY_NAME = [/^(?:中共|中国共产党)(?<r>.+?)委员会$/u, /^(?:中共|中国共产党)?(?<r>.+?)(?:党)?委$/u];
const PC_NAME = /^(?<r>.+?)(?:人民代表大会常务委员会|人大常委会)$/u;
const PEOPLES_CONGRESS_NAME = /^(?<r>.+?)(?:人民代表大会|人大)$/u;
const SUPERVISED_OTHER = /^(?<r>.+?)(?:监察委员会|人民法院|中级人民法院|高级人民法院|人民检察院|检察院)$/u;

/**
 * The region an organ's name carries, by its kind: “某县” for 某县人民政府, 中共某县委员会,
 * 某县人民代表大会常务委员会; NATIONAL for 国务院 / 中共中央 / 全国人大（常委会）; null when the name
 * does not say (an abbreviation, or a kind that is not a regional organ).
 */
export function regionOf(o: Pick<CheckOrgan, 'name' | 'kind'>): string | null {
  const name = o.name.replace(/[\s\u3000]+/gu, '');
  const pick = (re: RegExp): string | null => re.exec(name)?.groups?.r ?? null;
  let r: string | null = null;
  switch (o.kind) {
    case '政府':
      if (name === '国务院' || name === '中华人民共和国国务院' || name === '中央人民政府') return NATIONAL;
      r = pick(GOV_NAME);
      break;
    case '党委':
      if (name === '中共中央' || name === '中国共产党中央委员会' || name === '党中央') return NATIONAL;
      for (const re of PARTY_NAME) {
        r = pick(re);
        if (r) break;
      }
      break;
    case '人大常委会':
      r = pick(PC_NAME);
      break;
    case '人大':
      r = pick(PEOPLES_CONGRESS_NAME);
      break;
    default:
      r = pick(SUPERVISED_OTHER);
  }
  if (r === null || r === '') return null;
  if (r === '全国' || r === '中华人民共和国') return NATIONAL;
  return r;
}

/** Place-name suffixes of a region after each inner unit word: 某省某市某县 → 某市某县, 某县. */
function regionForms(region: string): string[] {
  const out = [region];
  for (let i = 1; i < region.length - 1; i++) {
    const before = region.slice(0, i);
    if (unitWord(before) && region.length - i >= 2) {
      const rest = region.slice(i);
      if (!out.includes(rest) && !isBareUnit(rest)) out.push(rest);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Short forms

/**
 * The names a body may use for an organ of kind 政府 / 党委 / 人大 / 人大常委会: the full name, the
 * region forms (某县人民政府, 某县政府, 某县委, 中共某县委…) and the unit-only forms that published
 * documents use for their own government (县人民政府, 县政府, 县委, 镇党委, 县人大常委会). Other kinds
 * get their full name only.
 */
export function organAliases(o: Pick<CheckOrgan, 'name' | 'kind'>): string[] {
  const full = o.name.replace(/[\s\u3000]+/gu, '');
  const out = new Set<string>([full]);
  const region = regionOf(o);
  if (region === NATIONAL) {
    const national: Record<string, string[]> = {
      政府: ['国务院', '中央人民政府'],
      党委: ['中共中央', '党中央'],
      人大常委会: ['全国人大常委会', '全国人民代表大会常务委员会'],
      人大: ['全国人大', '全国人民代表大会'],
    };
    for (const a of national[o.kind] ?? []) out.add(a);
    return [...out];
  }
  if (region === null) return [...out];
  const unit = unitWord(region);
  const forms = isBareUnit(region) ? [] : regionForms(region);
  const withUnit = [...forms, ...(unit ? [unit] : [])];
  for (const r of withUnit) {
    switch (o.kind) {
      case '政府':
        out.add(`${r}人民政府`);
        out.add(`${r}政府`);
        break;
      case '党委':
        if (r !== unit) {
          out.add(`中共${r}委员会`);
          out.add(`中共${r}委`);
        }
        out.add(`${r}委`);
        out.add(`${r}党委`);
        break;
      case '人大常委会':
        out.add(`${r}人民代表大会常务委员会`);
        out.add(`${r}人大常委会`);
        break;
      case '人大':
        out.add(`${r}人民代表大会`);
        out.add(`${r}人大`);
        break;
      default:
        break;
    }
  }
  return [...out];
}

interface AliasIndex {
  byAlias: Map<string, CheckOrgan[]>;
  maxLen: number;
}
const aliasIndexes = new WeakMap<ReadonlyMap<string, CheckOrgan>, AliasIndex>();

function aliasIndex(organs: ReadonlyMap<string, CheckOrgan>): AliasIndex {
  let ix = aliasIndexes.get(organs);
  if (ix) return ix;
  const byAlias = new Map<string, CheckOrgan[]>();
  let maxLen = 0;
  for (const o of organs.values()) {
    for (const a of organAliases(o)) {
      const list = byAlias.get(a) ?? [];
      if (!list.includes(o)) list.push(o);
      byAlias.set(a, list);
      maxLen = Math.max(maxLen, a.length);
    }
  }
  ix = { byAlias, maxLen };
  aliasIndexes.set(organs, ix);
  return ix;
}

/** Every organ of the graph a mention may stand for (“县政府” may stand for several). */
export function resolveMention(organs: ReadonlyMap<string, CheckOrgan>, mention: string): CheckOrgan[] {
  return aliasIndex(organs).byAlias.get(mention.replace(/[\s\u3000]+/gu, '')) ?? [];
}

export interface LeadingOrgans {
  /** each mention read, with the organs it may stand for */
  mentions: { text: string; organs: CheckOrgan[] }[];
  /** what follows the last mention */
  rest: string;
}

/**
 * Reads the organ names at the start of `text`, joined by 、/和/及/与 or written together
 * (“市委市政府”), longest name first; stops at the first text that is not a known name.
 */
export function leadingOrgans(organs: ReadonlyMap<string, CheckOrgan>, text: string): LeadingOrgans {
  const ix = aliasIndex(organs);
  const mentions: LeadingOrgans['mentions'] = [];
  let rest = text.replace(/^[\s\u3000]+/u, '');
  for (;;) {
    let hit: string | null = null;
    for (let len = Math.min(ix.maxLen, rest.length); len >= 2; len--) {
      const cand = rest.slice(0, len);
      if (ix.byAlias.has(cand)) {
        hit = cand;
        break;
      }
    }
    if (hit === null) break;
    mentions.push({ text: hit, organs: ix.byAlias.get(hit) ?? [] });
    rest = rest.slice(hit.length);
    const sep = /^(?:[、，,]|和|及|与|以及)/u.exec(rest);
    if (sep && mentions.length > 0) {
      const after = rest.slice(sep[0].length);
      // only a separator followed by another known name joins the list
      let next = false;
      for (let len = Math.min(ix.maxLen, after.length); len >= 2 && !next; len--) next = ix.byAlias.has(after.slice(0, len));
      if (!next) break;
      rest = after;
    }
  }
  return { mentions, rest };
}

// ---------------------------------------------------------------------------------------------
// 监督: 人大 / 人大常委会 over the same-level 人民政府 (and 监察委、法院、检察院)

const SUPERVISED_NAME = /(?:监察委员会|人民法院|人民检察院|检察院)$/u;

/** True when `body` (a 人大 or 人大常委会) supervises `organ` — see the module comment. */
export function supervises(body: CheckOrgan, organ: CheckOrgan): boolean {
  if (body.kind !== '人大' && body.kind !== '人大常委会') return false;
  const supervised = organ.kind === '政府' || (organ.kind !== '人大' && organ.kind !== '人大常委会' && SUPERVISED_NAME.test(organ.name));
  if (!supervised || body.level !== organ.level) return false;
  const a = regionOf(body);
  const b = regionOf(organ);
  // a name without its place (“县人大常委会”) cannot tell regions apart: the level decides
  if (a === null || b === null || isBareUnit(a) || isBareUnit(b)) return true;
  return a === b;
}
