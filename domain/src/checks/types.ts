/**
 * Types of the 公文合规检查 contract (../shared/spec/check-contract.md).
 * The input shape is fixed by that contract; the zod schema in `input.ts` validates raw JSON
 * into exactly these types. Rules (one module per family under `rules/`) read a `CheckContext`
 * and return findings; they never throw and never do I/O.
 */

export const ORGAN_KINDS = [
  '党委',
  '政府',
  '人大',
  '人大常委会',
  '政协',
  '部门',
  '办公厅室',
  '内设机构',
  '议事协调机构',
  '事业单位',
  '群团',
  '企业',
  '其他',
] as const;
export type OrganKind = (typeof ORGAN_KINDS)[number];

export const DOC_TYPES = ['决议', '决定', '命令', '令', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要'] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const LAYOUTS = ['通用', '信函', '命令', '纪要'] as const;
export type Layout = (typeof LAYOUTS)[number];

export interface CheckOrgan {
  id: string;
  name: string;
  kind: OrganKind;
  /** 1 national, 2 provincial, 3 city, 4 county, 5 township */
  level: number;
  /** direct superiors (leading organs) */
  superiors: string[];
  /** for 部门/办公厅室/内设机构/议事协调机构: the organ it belongs to */
  parent: string | null;
}

export interface Issuer {
  organ: string;
  lead: boolean;
}
/** an addressee: an organ id, or a named person of an organ */
export type Addressee = string | { person: string; organ: string };

export interface Signer {
  organ: string;
  name: string;
  role: '主要负责人' | '分管负责人' | '受权';
  proxy: boolean;
  opinion: string | null;
  signedAt: string | null;
}

export interface DocFlags {
  important: boolean;
  involvesOtherUnits: boolean;
  countersignComplete: boolean;
  skipLevelReason: string | null;
  leaderAssigned: string | null;
  govApprovedRef: string | null;
  directive: boolean;
  forwardedFrom: string | null;
  stanceOpinion: string | null;
}

export interface CheckDocument {
  type: DocType;
  layout: Layout | null;
  issuers: Issuer[];
  title: string;
  mainTo: Addressee[];
  copyTo: Addressee[];
  docNo: string | null;
  date: string | null;
  signers: Signer[];
  signatory: string[];
  secrecy: 'none' | '秘密' | '机密' | '绝密';
  secrecyTerm: string | null;
  copyNo: string | null;
  urgency: 'none' | '特急' | '加急';
  matters: string[];
  body: string;
  attachmentNote: string[];
  attachments: { no: number; title: string }[];
  note: string | null;
  replyTo: { type: string; issuer: string; docNo: string } | null;
  flags: DocFlags;
}

export interface CheckInput {
  organs: CheckOrgan[];
  document: CheckDocument;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  rule: string;
  severity: Severity;
  /** Simplified Chinese: what is wrong and how to put it right */
  message: string;
  /** the field concerned, e.g. `document.mainTo[1]` */
  path: string;
}

export type Relation = 'superior' | 'subordinate' | 'peer' | 'unrelated' | 'self';
export type Direction = '上行' | '下行' | '平行';

/** What every rule receives: the validated input plus derived facts computed once. */
export interface CheckContext {
  input: CheckInput;
  doc: CheckDocument;
  organs: ReadonlyMap<string, CheckOrgan>;
  /** issuing organs, lead first */
  issuers: CheckOrgan[];
  /** the lead issuer (first with lead: true, else the first) */
  lead: CheckOrgan;
  /** relation of `b` as seen from `a`: relation(a, b) === 'superior' means b is a's superior */
  relation(a: string, b: string): Relation;
  /** direction of the document from the lead issuer to the main addressees (never typed in) */
  direction: Direction;
}

export interface RuleDef {
  id: string;
  severity: Severity;
  /** what it checks, in Chinese, one sentence (goes into docs/rules.md) */
  title: string;
  /** source article or clause, e.g. 《条例》第十五条 or GB/T 9704-2012 7.2.3 */
  source: string;
  check(ctx: CheckContext): Finding[];
}
