/**
 * Reading a whole document (check-contract.md, “Reading a whole document”): a 公文 as plain text
 * (paragraphs separated by newlines, as pasted, saved as .txt or taken out of a DOCX) is read
 * into the contract's input document by the places and patterns of its elements in the
 * GB/T 9704-2012 order:
 *
 *   版头  份号 · 密级和保密期限 · 紧急程度 · 发文机关标志 · 发文字号 · 签发人 · 分隔线
 *   主体  标题 · 主送机关 · 正文 · 附件说明 · 发文机关署名 · 成文日期 · 附注 · 附件
 *   版记  抄送机关 · 印发机关和印发日期
 *
 * Nothing depends on colour or on lines being drawn: the red 版头 and the separator are known by
 * their text and their place (a separator line is optional). Organ names are resolved against the
 * organs given (reader-organs.ts). What the reader looked for and could not find is listed in
 * `unread`, and the document carries the field's empty value — it never guesses. Which fields
 * are looked for depends on the document (docs/rules.md, “Reading a whole document”).
 *
 * Pure, no I/O, never throws.
 */
import { deriveDirection } from './context';
import { checkDocument } from './engine';
import { parseCheckInput } from './input';
import {
  ATTACHMENT_LABEL_RE,
  ATTACHMENT_NOTE_RE,
  COPY_NO_RE,
  DATE_LINE_RE,
  DISTRIBUTION_RE,
  DOC_NO_RE,
  MINUTES_NO_RE,
  NAME_DATE_RE,
  NOTE_RE,
  NUMBERED_ITEM_RE,
  ORDER_NO_RE,
  PERSON_SIGNATURE_RE,
  PRINT_COUNT_RE,
  PRINT_LINE_RE,
  SECRECY_RE,
  SENTENCE_PUNCT_RE,
  SIGNATORY_RE,
  URGENCY_RE,
  isoOfPrintedDate,
  separatorKind,
  textLines,
} from './reader-lines';
import { compact, createOrganIndex, looksLikeOrganName, splitNameList, type OrganIndex, type ReaderOrgan } from './reader-organs';
import { headingOf, parseTitle } from './text';
import { DOC_TYPES, type CheckDocument, type CheckOrgan, type DocFlags, type DocType, type Finding, type Layout } from './types';

export type { ReaderOrgan } from './reader-organs';

/** The document fields the reader looks for, in the contract's order (the order of `unread`). */
export const READ_FIELDS = [
  'type',
  'issuers',
  'title',
  'mainTo',
  'copyTo',
  'docNo',
  'date',
  'signatory',
  'secrecyTerm',
  'copyNo',
  'matters',
  'body',
  'attachmentNote',
  'attachments',
  'replyTo',
] as const;
export type ReadField = (typeof READ_FIELDS)[number];

/** Chinese labels of the fields, for showing what was read and what was not. */
export const READ_FIELD_LABELS: Readonly<Record<ReadField, string>> = {
  type: '文种',
  issuers: '发文机关',
  title: '标题',
  mainTo: '主送机关',
  copyTo: '抄送机关',
  docNo: '发文字号',
  date: '成文日期',
  signatory: '签发人',
  secrecyTerm: '保密期限',
  copyNo: '份号',
  matters: '请示事项',
  body: '正文',
  attachmentNote: '附件说明',
  attachments: '附件',
  replyTo: '答复的请示',
};

/** The document as read: the contract's input document, except that a 文种 not found is null. */
export interface ReadDocument extends Omit<CheckDocument, 'type'> {
  type: DocType | null;
}

export interface ReadHeading {
  /** 0-based line of the 正文 */
  line: number;
  level: 1 | 2 | 3 | 4;
  /** the numbering as printed (一、 （一） 1. （1）) */
  mark: string;
  text: string;
}

/** A name read in the text, and the organs it was resolved to (empty: not resolved). */
export interface ReadName {
  name: string;
  organs: string[];
  /** a 统称 (各县人民政府…) standing for several organs */
  collective: boolean;
}

/** Every element as printed, for showing what was read (the document holds the checked form). */
export interface ReadParts {
  copyNo: string | null;
  /** the 密级 line as printed (机密★1年), null when the document is not classified */
  secrecy: string | null;
  urgency: string | null;
  /** the 发文机关标志 lines as printed */
  mark: string[];
  /** the organ names in the 发文机关标志 */
  markNames: ReadName[];
  docNo: string | null;
  signatory: string[];
  /** the separator below the 版头: a line of ─/—/_ (single) or ═ (the 信函 double line); null when the text has none */
  separator: 'single' | 'double' | null;
  title: string | null;
  mainTo: ReadName[];
  /** the 正文 alone (without 署名 and 成文日期) */
  body: string[];
  headings: ReadHeading[];
  attachmentNote: string[];
  /** the 发文机关署名 lines */
  signature: ReadName[];
  date: string | null;
  /** the 成文日期 as YYYY-MM-DD, when it is a calendar date */
  dateIso: string | null;
  note: string | null;
  attachments: { no: number; title: string }[];
  copyTo: ReadName[];
  /** 版记: 印发机关 and 印发日期 */
  printedBy: string | null;
  printedAt: string | null;
  /** lines that belong to none of the elements (kept, never dropped silently) */
  unplaced: string[];
}

export interface ReadResult {
  document: ReadDocument;
  unread: ReadField[];
  parts: ReadParts;
}

const NO_FLAGS: DocFlags = {
  important: false,
  involvesOtherUnits: false,
  countersignComplete: false,
  skipLevelReason: null,
  leaderAssigned: null,
  govApprovedRef: null,
  directive: false,
  forwardedFrom: null,
  stanceOpinion: null,
};

/** 文种 that are published or minuted without a 主送 (gongwen-rules.md §1.3 (8)), so a missing 主送 is not unread. */
const NO_MAIN_TO: ReadonlySet<DocType> = new Set<DocType>(['公告', '通告', '公报', '纪要', '命令', '令', '决议', '决定']);

// ---------------------------------------------------------------------------------------------
// 版头

type MarkKind = 'file' | 'plain' | 'minutes' | 'order';

interface Head {
  end: number;
  copyNo: string | null;
  secrecy: CheckDocument['secrecy'];
  secrecyLine: string | null;
  secrecyTerm: string | null;
  urgency: CheckDocument['urgency'];
  mark: string[];
  markKind: MarkKind | null;
  /** names of the 发文机关标志, in order */
  markNames: string[];
  docNo: string | null;
  signatory: string[];
  separator: 'single' | 'double' | null;
  /** 纪要: the line under the mark (印发机关 and date) */
  minutesOrgan: string | null;
  minutesDate: string | null;
  unplaced: string[];
}

/** A 版头 token that stands for an organ: a known name or one that reads as an organ name. */
function organToken(idx: OrganIndex, t: string): boolean {
  return idx.resolve(t) !== null || idx.splitNames(t) !== null || looksLikeOrganName(t);
}

/** The organ names of a 发文机关标志 line (without 文件/令), as read: known names, else the words between spaces. */
function markNamesOf(idx: OrganIndex, line: string): string[] {
  const tokens = line.split(/\s+/u).filter(Boolean);
  const whole = compact(line);
  if (idx.resolve(whole)) return [whole];
  const split = idx.splitNames(whole);
  if (split && split.length > 1) {
    // keep the names as printed: cut the line where the known names end
    const out: string[] = [];
    let rest = whole;
    for (const o of split) {
      const keys = [o.name, o.shortName ?? ''].map(compact).filter((k) => k !== '' && rest.startsWith(k));
      const key = keys.sort((a, b) => b.length - a.length)[0] ?? '';
      out.push(key);
      rest = rest.slice(key.length);
    }
    return out;
  }
  if (tokens.length > 1) return tokens.map(compact);
  return [whole];
}

function readHead(lines: readonly string[], idx: OrganIndex): Head {
  const h: Head = {
    end: 0,
    copyNo: null,
    secrecy: 'none',
    secrecyLine: null,
    secrecyTerm: null,
    urgency: 'none',
    mark: [],
    markKind: null,
    markNames: [],
    docNo: null,
    signatory: [],
    separator: null,
    minutesOrgan: null,
    minutesDate: null,
    unplaced: [],
  };

  const setSecrecy = (t: string): boolean => {
    const m = SECRECY_RE.exec(t);
    if (!m?.groups || h.secrecyLine) return false;
    h.secrecy = m.groups.level as CheckDocument['secrecy'];
    h.secrecyLine = t;
    h.secrecyTerm = m.groups.term ? t : null;
    return true;
  };
  const addMark = (line: string, kind: MarkKind, names: string[]) => {
    h.mark.push(line);
    if (h.markKind === null || h.markKind === 'plain') h.markKind = kind;
    h.markNames.push(...names);
  };
  const markAllowed = () => h.docNo === null && h.separator === null && h.markKind !== 'minutes' && h.markKind !== 'order';

  /** the whole line as an element; true when it was taken */
  const classify = (line: string): boolean => {
    const sep = separatorKind(line);
    if (sep) {
      // the first rule below the 版头 (信函: the double line under the mark)
      if (h.separator === null) h.separator = sep;
      else if (sep === 'double') h.separator = 'double';
      return true;
    }
    const sig = SIGNATORY_RE.exec(line);
    if (sig?.groups) {
      const before = (sig.groups.before ?? '').trim();
      if (before !== '' && !(DOC_NO_RE.test(compact(before)) && h.docNo === null)) return false;
      if (before !== '') h.docNo = before;
      h.signatory = (sig.groups.names ?? '')
        .split(/[\s、，,；;]+/u)
        .map((n) => n.trim())
        .filter(Boolean);
      return true;
    }
    if (setSecrecy(line)) return true;
    const whole = compact(line);
    if (!SENTENCE_PUNCT_RE.test(whole) && !whole.includes('关于') && !/[，,：:]/u.test(whole)) {
      if (/文件$/u.test(whole) && markAllowed()) {
        const prefix = line.replace(/\s*文\s*件\s*$/u, '');
        const names = compact(prefix) === '' ? [] : markNamesOf(idx, prefix);
        if (names.every((n) => organToken(idx, n))) {
          addMark(line, 'file', names);
          return true;
        }
      }
      if (/纪要$/u.test(whole) && whole.length <= 40 && h.markKind === null && h.mark.length === 0) {
        addMark(line, 'minutes', []);
        return true;
      }
      if (/令$/u.test(whole) && !/命令$/u.test(whole) && markAllowed() && h.mark.length === 0) {
        const prefix = whole.slice(0, -1);
        if (prefix !== '' && organToken(idx, prefix)) {
          addMark(line, 'order', [prefix]);
          return true;
        }
      }
    }
    // token by token: 份号 机密★1年 特急 / 某市教育局 某市财政局 / 某政办发〔2024〕3号 / 纪要 and 令 numbers
    const tokens = line.split(/\s+/u).filter(Boolean);
    const taken: (() => void)[] = [];
    const organs: string[] = [];
    for (const t of tokens) {
      const c = compact(t);
      if (COPY_NO_RE.test(c) && h.copyNo === null && (h.mark.length === 0 || h.separator === 'double')) taken.push(() => (h.copyNo = c));
      else if (SECRECY_RE.test(c) && h.secrecyLine === null) taken.push(() => setSecrecy(c));
      else if (URGENCY_RE.test(c) && h.urgency === 'none') taken.push(() => (h.urgency = c as CheckDocument['urgency']));
      else if (DOC_NO_RE.test(c) && h.docNo === null && h.markKind !== 'order') taken.push(() => (h.docNo = t));
      else if (ORDER_NO_RE.test(c) && h.markKind === 'order' && h.docNo === null) taken.push(() => (h.docNo = t));
      else if (MINUTES_NO_RE.test(c) && h.markKind === 'minutes' && h.docNo === null) taken.push(() => (h.docNo = t));
      else if (DATE_LINE_RE.test(c) && h.markKind === 'minutes' && h.minutesDate === null) taken.push(() => (h.minutesDate = t));
      else if (c === '文件' && organs.length + h.markNames.length > 0 && markAllowed()) taken.push(() => h.markKind === 'plain' && (h.markKind = 'file'));
      else if (!SENTENCE_PUNCT_RE.test(c) && !/[，,：:]/u.test(c) && !c.includes('关于') && organToken(idx, c)) organs.push(c);
      else return false;
    }
    if (organs.length > 0) {
      if (h.markKind === 'minutes' && h.minutesOrgan === null) h.minutesOrgan = organs.join('');
      else if (markAllowed()) {
        const names = organs.flatMap((o) => markNamesOf(idx, o));
        // a plain organ name is the mark only on its own line or beside 文件 (never beside a 发文字号)
        if (taken.length > 0 && !tokens.some((t) => compact(t) === '文件')) return false;
        h.mark.push(line);
        if (h.markKind === null) h.markKind = 'plain';
        h.markNames.push(...names);
      } else return false;
    }
    for (const f of taken) f();
    return true;
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (classify(line)) {
      i++;
      continue;
    }
    // lines the reader does not know, above a separator that closes the 版头: kept as unplaced
    const sepAt = lines.slice(i + 1, i + 6).findIndex((l) => separatorKind(l) !== null);
    if (h.mark.length > 0 && sepAt >= 0 && h.separator === null) {
      const between = lines.slice(i, i + 1 + sepAt);
      if (between.every((l) => parseTitle(l).genre === null && !l.includes('关于'))) {
        h.unplaced.push(...between);
        i += 1 + sepAt;
        continue;
      }
    }
    break;
  }
  h.end = i;
  return h;
}

// ---------------------------------------------------------------------------------------------
// 版记 (from the end)

interface Tail {
  start: number;
  copyTo: string[];
  distribution: string | null;
  mainTo: string[];
  printedBy: string | null;
  printedAt: string | null;
}

function readTail(lines: readonly string[], from: number): Tail {
  const t: Tail = { start: lines.length, copyTo: [], distribution: null, mainTo: [], printedBy: null, printedAt: null };
  let j = lines.length - 1;
  let found = false;
  while (j >= from) {
    const line = lines[j] ?? '';
    if (separatorKind(line) || PRINT_COUNT_RE.test(line)) {
      j--;
      continue;
    }
    const p = PRINT_LINE_RE.exec(line);
    if (p?.groups && t.printedAt === null) {
      t.printedBy = (p.groups.org ?? '').trim() || null;
      t.printedAt = (p.groups.date ?? '').trim();
      found = true;
      j--;
      continue;
    }
    // a 抄送 block: its label line and the wrapped lines below it
    let c = -1;
    for (let k = j; k >= Math.max(from, j - 3); k--) {
      const l = lines[k] ?? '';
      if (DISTRIBUTION_RE.test(l)) {
        c = k;
        break;
      }
      if (separatorKind(l) || PRINT_LINE_RE.test(l) || SENTENCE_PUNCT_RE.test(l.replace(/。$/u, '')) || DATE_LINE_RE.test(l)) break;
    }
    if (c < 0) break;
    const block = lines.slice(c, j + 1).join('');
    const m = DISTRIBUTION_RE.exec(block);
    const label = compact(m?.groups?.label ?? '');
    const names = splitNameList(m?.groups?.rest ?? '');
    if (label === '主送') t.mainTo = names;
    else {
      t.copyTo = [...names, ...t.copyTo];
      if (label === '分送') t.distribution = block;
    }
    found = true;
    j = c - 1;
  }
  t.start = found ? j + 1 : lines.length;
  // trailing separators without a 抄送 or 印发 line still close the text
  if (!found) {
    let k = lines.length - 1;
    while (k >= from && separatorKind(lines[k] ?? '')) k--;
    t.start = k + 1;
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// 主体

function isTitleEnding(t: string): boolean {
  const p = parseTitle(t);
  return p.genre !== null || p.falseGenre !== null;
}

function titleLike(line: string): boolean {
  return !SENTENCE_PUNCT_RE.test(line) && !/[：:]$/u.test(line) && !/[，,]/u.test(line) && line.length <= 80;
}

/** The title: the first line (or up to three wrapped lines) ending with a 文种. */
function readTitle(lines: readonly string[], i: number, end: number): { title: string; end: number } | null {
  const first = lines[i];
  if (first === undefined || i >= end || !titleLike(first)) return null;
  let joined = '';
  for (let k = 0; k < 3 && i + k < end; k++) {
    const l = lines[i + k] ?? '';
    if (!titleLike(l) || (k > 0 && (headingOf(l) || ATTACHMENT_NOTE_RE.test(l)))) break;
    joined += l;
    if (isTitleEnding(joined)) {
      let stop = i + k + 1;
      // a 决议/决定 title is followed by （2024年6月3日××会议通过）
      const next = lines[stop];
      if (next !== undefined && stop < end && NOTE_RE.test(next) && /通过|批准/u.test(next)) {
        joined += next;
        stop++;
      }
      return { title: joined, end: stop };
    }
  }
  // a title without a 文种 (F-20 says what is wrong with it): one short line, no sentence punctuation
  if (first.length <= 60 && !DATE_LINE_RE.test(first) && !headingOf(first)) return { title: first, end: i + 1 };
  return null;
}

/** The 主送 line(s): names ending with a colon, right below the title. */
function readMainToLine(idx: OrganIndex, lines: readonly string[], i: number, end: number): { names: string[]; end: number } | null {
  let joined = '';
  for (let k = 0; k < 3 && i + k < end; k++) {
    const l = lines[i + k] ?? '';
    if (SENTENCE_PUNCT_RE.test(l)) return null;
    joined += l;
    if (/[：:]$/u.test(l)) {
      const names = splitNameList(joined);
      if (names.length > 0 && names.every((n) => looksLikeOrganName(n) || idx.resolve(n) !== null)) return { names, end: i + k + 1 };
      return null;
    }
  }
  return null;
}

function signatureLike(idx: OrganIndex, line: string): boolean {
  if (line.length > 40 || SENTENCE_PUNCT_RE.test(line) || /[，,：:]/u.test(line)) return false;
  if (headingOf(line) || ATTACHMENT_NOTE_RE.test(line) || NUMBERED_ITEM_RE.test(line) || NOTE_RE.test(line)) return false;
  if (PERSON_SIGNATURE_RE.test(line)) return true;
  const tokens = line.split(/\s+/u).filter(Boolean);
  return tokens.every((t) => idx.resolve(t) !== null || idx.splitNames(t) !== null || looksLikeOrganName(t));
}

/** 你县《关于……的请示》（甲政发〔2024〕12号）收悉 */
const REPLY_RE =
  /(?<who>[^，。；《]{0,30}?)《(?<title>[^》]{2,120})》\s*[（(](?<docNo>[^（）()]{2,30}?号)[）)]\s*(?:及[^，。]*?)?收悉|(?<who2>[^，。；《]{0,30}?)(?<title2>关于[^，。；（(]{2,120}?的(?:请示|报告|函))\s*[（(](?<docNo2>[^（）()]{2,30}?号)[）)]\s*收悉/u;

// ---------------------------------------------------------------------------------------------

export function readDocument(text: string, organs: readonly ReaderOrgan[] = []): ReadResult {
  const idx = createOrganIndex(organs);
  const lines = textLines(text);
  const head = readHead(lines, idx);
  const tail = readTail(lines, head.end);
  const unplaced: string[] = [...head.unplaced];

  // 附件 pages: after the 成文日期 (or anywhere, in a draft without one), each under its own label
  let attachStart = tail.start;
  for (let k = head.end; k < tail.start; k++) {
    if (!ATTACHMENT_LABEL_RE.test(compact(lines[k] ?? ''))) continue;
    const dated = lines.slice(head.end, k).some((l) => DATE_LINE_RE.test(compact(l)) || NAME_DATE_RE.test(l));
    const anyDate = lines.slice(head.end, tail.start).some((l) => DATE_LINE_RE.test(compact(l)));
    if (dated || !anyDate) {
      attachStart = k;
      break;
    }
  }
  const attachments: { no: number; title: string }[] = [];
  for (let k = attachStart; k < tail.start; k++) {
    const m = ATTACHMENT_LABEL_RE.exec(compact(lines[k] ?? ''));
    if (!m) continue;
    const next = lines[k + 1];
    const title = next !== undefined && k + 1 < tail.start && !ATTACHMENT_LABEL_RE.test(compact(next)) ? next : '';
    const no = m.groups?.no ? Number(m.groups.no.replace(/[０-９]/gu, (c) => String('０１２３４５６７８９'.indexOf(c)))) : attachments.length + 1;
    attachments.push({ no, title });
  }

  // 标题, 主送
  const minutes = head.markKind === 'minutes';
  const order = head.markKind === 'order';
  let i = head.end;
  // 纪要 and 命令 formats: the 纪要标志 / 发文机关标志 (××纪要, ××令) stands as the title
  const markTitle = compact(head.mark.join(''));
  let title: string | null = order ? markTitle : null;
  if (!order) {
    const t = readTitle(lines, i, attachStart);
    if (t && (!minutes || /纪要$/u.test(compact(t.title)))) {
      title = t.title;
      i = t.end;
    } else if (minutes) title = markTitle;
  }
  let mainToNames: string[] = [];
  const mt = readMainToLine(idx, lines, i, attachStart);
  if (mt) {
    mainToNames = mt.names;
    i = mt.end;
  } else if (tail.mainTo.length > 0) mainToNames = tail.mainTo;
  const bodyStart = i;

  // 成文日期: the last date line of the 主体; 署名 right above it; 附注 right below it
  let dateAt = -1;
  for (let k = attachStart - 1; k >= bodyStart; k--) {
    const l = lines[k] ?? '';
    if (DATE_LINE_RE.test(compact(l)) || (NAME_DATE_RE.test(l) && signatureLike(idx, NAME_DATE_RE.exec(l)?.groups?.name ?? ''))) {
      dateAt = k;
      break;
    }
  }
  let date: string | null = head.minutesDate;
  const signatureLines: string[] = [];
  let closingStart = attachStart;
  let note: string | null = null;
  if (dateAt >= 0) {
    const l = lines[dateAt] ?? '';
    const nd = DATE_LINE_RE.test(compact(l)) ? null : NAME_DATE_RE.exec(l);
    date = nd?.groups ? (nd.groups.date ?? '').trim() : l;
    if (nd?.groups?.name) signatureLines.push(nd.groups.name.trim());
    let k = dateAt - 1;
    while (k >= bodyStart && dateAt - k <= 6 && signatureLike(idx, lines[k] ?? '')) k--;
    signatureLines.unshift(...lines.slice(k + 1, dateAt));
    closingStart = k + 1;
    const notes: string[] = [];
    let n = dateAt + 1;
    while (n < attachStart && NOTE_RE.test(lines[n] ?? '')) notes.push(lines[n++] ?? '');
    if (notes.length) note = notes.join('\n');
    unplaced.push(...lines.slice(n, attachStart));
  } else {
    // a draft without a 成文日期: a 附注 may still end it
    let n = attachStart;
    while (n - 1 >= bodyStart && NOTE_RE.test(lines[n - 1] ?? '') && !/通过|批准/u.test(lines[n - 1] ?? '')) n--;
    if (n < attachStart) note = lines.slice(n, attachStart).join('\n');
    closingStart = n;
  }

  // 附件说明: 附件：1.××× and its numbered (or wrapped) lines, between the 正文 and the 署名
  let noteAt = -1;
  for (let k = closingStart - 1; k >= bodyStart; k--) {
    if (ATTACHMENT_NOTE_RE.test(lines[k] ?? '')) {
      noteAt = k;
      break;
    }
  }
  if (noteAt >= 0) {
    const rest = lines.slice(noteAt + 1, closingStart);
    if (!rest.every((l) => NUMBERED_ITEM_RE.test(l) || (l.length <= 40 && !SENTENCE_PUNCT_RE.test(l) && !headingOf(l)))) noteAt = -1;
  }
  const attachmentNote = noteAt >= 0 ? lines.slice(noteAt, closingStart) : [];
  const bodyEnd = noteAt >= 0 ? noteAt : closingStart;
  const bodyLines = lines.slice(bodyStart, bodyEnd);
  const headings: ReadHeading[] = [];
  bodyLines.forEach((l, line) => {
    const hd = headingOf(l);
    if (hd) headings.push({ line, level: hd.level, mark: hd.mark.trim() || hd.mark, text: l });
  });

  // 发文机关: 版头, else 署名, else the title's 发文机关名称, else the 纪要 line, else the 代字
  const nameOf = (name: string, home: ReaderOrgan | null): ReadName => {
    const r = idx.resolve(name, home);
    return { name, organs: r ? r.organs.map((o) => o.id) : [], collective: r?.collective ?? false };
  };
  const markNames = head.markNames.map((n) => nameOf(n, null));
  const markLead = markNames[0]?.organs.length === 1 ? (idx.byId(markNames[0].organs[0] ?? '') ?? null) : null;
  const signature: ReadName[] = signatureLines.flatMap((l) => {
    if (PERSON_SIGNATURE_RE.test(l)) return [{ name: l, organs: [], collective: false }];
    const whole = nameOf(compact(l), markLead);
    if (whole.organs.length > 0) return [whole];
    const tokens = l.split(/\s+/u).filter(Boolean);
    if (tokens.length > 1) return tokens.map((t) => nameOf(compact(t), markLead));
    const split = idx.splitNames(l);
    if (split && split.length > 1) return split.map((o) => ({ name: o.name, organs: [o.id], collective: false }));
    return [whole];
  });
  const organSignature = signature.filter((s) => !PERSON_SIGNATURE_RE.test(s.name));
  const titleIssuer = title ? parseTitle(title).issuerPart : '';

  const ids = (names: readonly ReadName[]) => names.flatMap((n) => n.organs);
  const complete = (names: readonly ReadName[]) => names.length > 0 && names.every((n) => n.organs.length > 0);
  let issuerIds: string[] = [];
  let issuersComplete = false;
  const M = ids(markNames);
  const S = ids(organSignature);
  if (markNames.length > 0 && M.length > 0) {
    // the 版头 may carry only the 主办机关 (条例 Art 9(4)): the 署名 then names all of them
    const joint = M.every((id) => S.includes(id));
    issuerIds = joint ? [...M, ...S.filter((id) => !M.includes(id))] : M;
    issuersComplete = complete(markNames) && (!joint || complete(organSignature));
  } else if (organSignature.length > 0 && S.length > 0) {
    issuerIds = S;
    issuersComplete = complete(organSignature);
  } else if (markNames.length === 0 && organSignature.length === 0 && titleIssuer !== '') {
    const r = nameOf(titleIssuer, null);
    issuerIds = r.organs.length === 1 ? r.organs : [];
    issuersComplete = issuerIds.length === 1;
  }
  if (issuerIds.length === 0 && minutes && head.minutesOrgan) {
    const r = nameOf(head.minutesOrgan, null);
    issuerIds = r.organs.length === 1 ? r.organs : [];
    issuersComplete = issuerIds.length === 1;
  }
  if (issuerIds.length === 0 && markNames.length === 0 && organSignature.length === 0 && head.docNo) {
    const code = /^[\u4e00-\u9fa5]+/u.exec(compact(head.docNo))?.[0] ?? '';
    const o = code ? idx.byDocCode(code) : null;
    if (o) {
      issuerIds = [o.id];
      issuersComplete = true;
    }
  }
  issuerIds = issuerIds.filter((id, k) => issuerIds.indexOf(id) === k);
  const lead = issuerIds[0] ? (idx.byId(issuerIds[0]) ?? null) : null;

  // 主送, 抄送 (relative to the lead issuer)
  const mainTo = mainToNames.map((n) => nameOf(n, lead));
  const copyTo = tail.copyTo.map((n) => nameOf(n, lead));
  const uniq = (list: string[]) => list.filter((id, k) => list.indexOf(id) === k);
  const mainToIds = uniq(ids(mainTo));
  const copyToIds = uniq(ids(copyTo)).filter((id) => !mainToIds.includes(id));

  // 文种, 版式
  const titleParts = title ? parseTitle(title) : null;
  let type: DocType | null = titleParts?.genre ?? null;
  if (minutes && (type === null || title === markTitle)) type = '纪要';
  if (order && type === null) type = '令';
  if (type !== null && !(DOC_TYPES as readonly string[]).includes(type)) type = null;
  let layout: Layout | null = null;
  if (minutes) layout = '纪要';
  else if (order) layout = '命令';
  else if (head.separator === 'double') layout = '信函';
  else if (head.markKind === 'file' || (head.markKind === 'plain' && head.separator === 'single')) layout = '通用';

  // 请示事项: the 事由 of the title (a 请示 names its one matter there); 批复: the 请示 it answers
  const matters = type === '请示' && titleParts && titleParts.subject.trim() !== '' ? [titleParts.subject.trim()] : [];
  let replyTo: ReadDocument['replyTo'] = null;
  if (type === '批复') {
    const opening = bodyLines.slice(0, 3).join('');
    const m = REPLY_RE.exec(opening);
    const g = m?.groups;
    if (g) {
      const who = compact(g.who ?? g.who2 ?? '');
      const cited = g.title ?? g.title2 ?? '';
      const docNo = (g.docNo ?? g.docNo2 ?? '').trim();
      const genre = parseTitle(cited).genre;
      let issuer: string | null = null;
      const named = who.replace(/^(?:现将|对|你们?|贵)/u, '');
      if (/^(?:你|贵)/u.test(who) || who === '') issuer = mainToIds.length === 1 ? (mainToIds[0] ?? null) : null;
      else {
        const r = idx.resolve(named, lead);
        issuer = r && r.organs.length === 1 ? (r.organs[0]?.id ?? null) : null;
      }
      if (issuer && genre) replyTo = { type: genre, issuer, docNo };
    }
  }

  const body = [...bodyLines, ...(dateAt >= 0 ? [...lines.slice(closingStart, dateAt), lines[dateAt] ?? ''] : [])].join('\n');

  const document: ReadDocument = {
    type,
    layout,
    issuers: issuerIds.map((organ, k) => ({ organ, lead: k === 0 })),
    title: title ?? '',
    mainTo: mainToIds,
    copyTo: copyToIds,
    docNo: head.docNo,
    date,
    signers: [],
    signatory: head.signatory,
    secrecy: head.secrecy,
    secrecyTerm: head.secrecyTerm,
    copyNo: head.copyNo,
    urgency: head.urgency,
    matters,
    body,
    attachmentNote,
    attachments,
    note,
    replyTo,
    flags: { ...NO_FLAGS },
  };

  // what was looked for and not found (docs/rules.md, “Reading a whole document”)
  const issued = head.mark.length > 0;
  const unread = new Set<ReadField>();
  if (type === null) unread.add('type');
  if (issuerIds.length === 0 || !issuersComplete) unread.add('issuers');
  if (title === null) unread.add('title');
  if (mainToNames.length > 0 ? !complete(mainTo) : type !== null && !NO_MAIN_TO.has(type)) unread.add('mainTo');
  if (tail.copyTo.length > 0 && !complete(copyTo)) unread.add('copyTo');
  if (issued && head.docNo === null) unread.add('docNo');
  if ((issued || signatureLines.length > 0 || tail.printedAt !== null) && date === null) unread.add('date');
  if (issued && head.signatory.length === 0 && upward(idx, type, lead, mainToIds)) unread.add('signatory');
  if (head.secrecy !== 'none' && head.secrecyTerm === null) unread.add('secrecyTerm');
  if (head.secrecy !== 'none' && head.copyNo === null) unread.add('copyNo');
  if (type === '请示' && matters.length === 0) unread.add('matters');
  if (bodyLines.length === 0) unread.add('body');
  if (attachments.length > 0 && attachmentNote.length === 0) unread.add('attachmentNote');
  if (attachmentNote.length > 0 && attachments.length === 0) unread.add('attachments');
  if (type === '批复' && replyTo === null) unread.add('replyTo');

  const parts: ReadParts = {
    copyNo: head.copyNo,
    secrecy: head.secrecyLine,
    urgency: head.urgency === 'none' ? null : head.urgency,
    mark: head.mark,
    markNames,
    docNo: head.docNo,
    signatory: head.signatory,
    separator: head.separator,
    title,
    mainTo,
    body: bodyLines,
    headings,
    attachmentNote,
    signature,
    date,
    dateIso: isoOfPrintedDate(date),
    note,
    attachments,
    copyTo,
    printedBy: tail.printedBy,
    printedAt: tail.printedAt,
    unplaced,
  };
  return { document, unread: READ_FIELDS.filter((f) => unread.has(f)), parts };
}

/**
 * Is the document going up (so that it must carry 签发人, 条例 Art 9(6))? From the organ graph
 * when the lead issuer and the 主送 are known (as the engine derives it); else by the 文种 that
 * only go up (请示, 报告).
 */
function upward(idx: OrganIndex, type: DocType | null, lead: ReaderOrgan | null, mainTo: readonly string[]): boolean {
  if (lead && mainTo.length > 0) return deriveDirection((a, b) => idx.relation.relation(a, b), lead.id, mainTo) === '上行';
  return type === '请示' || type === '报告';
}

// ---------------------------------------------------------------------------------------------
// Read, then check (the output object of the contract)

/** The contract's output object for a whole document. */
export interface TextCheckOutput {
  document: ReadDocument;
  unread: ReadField[];
  findings: Finding[];
}

export interface TextCheckResult {
  output: TextCheckOutput;
  read: ReadResult;
  /**
   * false when the engine could not check the document: its 文种 or 发文机关 (the fields every
   * check needs) was not read. `findings` is then empty.
   */
  checked: boolean;
}

/** The contract's organ (without the reader's extra fields). */
export function toCheckOrgan(o: ReaderOrgan): CheckOrgan {
  return { id: o.id, name: o.name, kind: o.kind, level: o.level, superiors: [...o.superiors], parent: o.parent };
}

/** Read a whole document, then check what was read with the rule engine. Never throws. */
export function checkText(text: string, organs: readonly ReaderOrgan[] = []): TextCheckResult {
  const read = readDocument(text, organs);
  const { document, unread } = read;
  let findings: Finding[] = [];
  let checked = false;
  if (document.type !== null && document.issuers.length > 0) {
    const parsed = parseCheckInput({ organs: organs.map(toCheckOrgan), document });
    if (parsed.ok) {
      findings = checkDocument(parsed.input).findings;
      checked = true;
    }
  }
  return { output: { document, unread, findings }, read, checked };
}

export type ReaderOrgansResult = { ok: true; organs: ReaderOrgan[] } | { ok: false; path: string; message: string };

const optText = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * An organ list given to the reader (`--organs FILE`): the contract's `organs` array (or an object
 * with one, such as a check input file), validated as the contract's organs are — the same
 * messages, naming the path (`organs[2].kind: …`). The organisation's `shortName` and `docCode`,
 * which the contract does not know, are kept when present. Never throws.
 */
export function parseReaderOrgans(raw: unknown): ReaderOrgansResult {
  const list: unknown =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw) && Array.isArray((raw as { organs?: unknown }).organs)
      ? (raw as { organs: unknown }).organs
      : raw;
  const first = Array.isArray(list) ? (list[0] as { id?: unknown } | undefined) : undefined;
  const id = typeof first?.id === 'string' && first.id !== '' ? first.id : '-';
  // the organs are validated by the contract's schema; the stand-in document only carries the first organ's id
  const parsed = parseCheckInput({ organs: list, document: { type: '通知', issuers: [{ organ: id }], title: '', mainTo: [], body: '' } });
  if (!parsed.ok) return parsed.path.startsWith('document') ? { ok: false, path: 'organs', message: 'organs: 应为机关列表' } : parsed;
  const items = list as Record<string, unknown>[];
  return {
    ok: true,
    organs: parsed.input.organs.map((o, i) => ({ ...o, shortName: optText(items[i]?.shortName), docCode: optText(items[i]?.docCode) })),
  };
}
