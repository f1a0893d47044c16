import dayjs, { type Dayjs } from 'dayjs';
import type { CheckDocument, CheckOrgan, DocType } from '@xietiao/domain/checks/types';
import { chineseDate, type SIGNER_ROLES } from './labels';

export interface SignerRow {
  organ?: string;
  name?: string;
  role?: (typeof SIGNER_ROLES)[number];
  proxy?: boolean;
  opinion?: string;
  signedAt?: Dayjs | null;
}

/** The form's values; `toDocument` turns them into the check input's document. */
export interface CheckFormValues {
  type?: CheckDocument['type'];
  layout?: CheckDocument['layout'];
  issuers?: string[];
  mainTo?: string[];
  copyTo?: string[];
  title?: string;
  docNo?: string;
  date?: string;
  signatory?: string[];
  signers?: SignerRow[];
  secrecy?: CheckDocument['secrecy'];
  secrecyTerm?: string;
  copyNo?: string;
  urgency?: CheckDocument['urgency'];
  matters?: string[];
  body?: string;
  attachmentNote?: string;
  attachments?: { no?: number | null; title?: string }[];
  note?: string;
  replyTo?: { issuer?: string; docNo?: string };
  flags?: {
    important?: boolean;
    involvesOtherUnits?: boolean;
    countersignComplete?: boolean;
    directive?: boolean;
    skipLevelReason?: string;
    leaderAssigned?: string;
    govApprovedRef?: string;
    forwardedFrom?: string;
    stanceOpinion?: string;
  };
}

export const EMPTY_VALUES: CheckFormValues = {
  type: undefined,
  layout: null,
  issuers: [],
  mainTo: [],
  copyTo: [],
  title: '',
  docNo: '',
  date: '',
  signatory: [],
  signers: [],
  secrecy: 'none',
  secrecyTerm: '',
  copyNo: '',
  urgency: 'none',
  matters: [],
  body: '',
  attachmentNote: '',
  attachments: [],
  note: '',
  replyTo: { issuer: undefined, docNo: '' },
  flags: {
    important: false,
    involvesOtherUnits: false,
    countersignComplete: false,
    directive: false,
    skipLevelReason: '',
    leaderAssigned: '',
    govApprovedRef: '',
    forwardedFrom: '',
    stanceOpinion: '',
  },
};

const text = (v: string | undefined | null): string | null => {
  const t = (v ?? '').trim();
  return t === '' ? null : t;
};

/**
 * The check input's `document` from the form. Incomplete rows stay in (a signer without an organ…)
 * so that the server names what is missing; blank list entries are dropped.
 */
export function toDocument(v: CheckFormValues): Record<string, unknown> {
  const f = v.flags ?? {};
  const signers = (v.signers ?? []).filter(Boolean).map((s) => ({
    organ: s.organ,
    name: (s.name ?? '').trim(),
    role: s.role,
    proxy: !!s.proxy,
    opinion: text(s.opinion),
    signedAt: s.signedAt ? s.signedAt.format('YYYY-MM-DD') : null,
  }));
  return {
    type: v.type,
    layout: v.layout ?? null,
    issuers: (v.issuers ?? []).map((organ, i) => ({ organ, lead: i === 0 })),
    title: (v.title ?? '').trim(),
    mainTo: v.mainTo ?? [],
    copyTo: v.copyTo ?? [],
    docNo: text(v.docNo),
    date: text(v.date),
    signers,
    signatory: (v.signatory ?? []).map((s) => s.trim()).filter(Boolean),
    secrecy: v.secrecy ?? 'none',
    secrecyTerm: v.secrecy && v.secrecy !== 'none' ? text(v.secrecyTerm) : null,
    copyNo: v.secrecy && v.secrecy !== 'none' ? text(v.copyNo) : null,
    urgency: v.urgency ?? 'none',
    matters: (v.matters ?? []).map((m) => (m ?? '').trim()).filter(Boolean),
    body: v.body ?? '',
    attachmentNote: (v.attachmentNote ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
    attachments: (v.attachments ?? [])
      .filter((a) => a && (text(a.title) !== null || a.no != null))
      .map((a, i) => ({ no: a.no ?? i + 1, title: (a.title ?? '').trim() })),
    note: text(v.note),
    replyTo: v.replyTo?.issuer ? { type: '请示', issuer: v.replyTo.issuer, docNo: (v.replyTo.docNo ?? '').trim() } : null,
    flags: {
      important: !!f.important,
      involvesOtherUnits: !!f.involvesOtherUnits,
      countersignComplete: !!f.countersignComplete,
      directive: !!f.directive,
      skipLevelReason: text(f.skipLevelReason),
      leaderAssigned: text(f.leaderAssigned),
      govApprovedRef: text(f.govApprovedRef),
      forwardedFrom: text(f.forwardedFrom),
      stanceOpinion: text(f.stanceOpinion),
    },
  };
}

/** A document as the check input (or as read from a whole text, 文种 possibly null) → the form's values; `toDocument` gives it back. */
export function fromDocument(d: Omit<CheckDocument, 'type'> & { type: DocType | null }): CheckFormValues {
  const organOf = (a: CheckDocument['mainTo'][number]) => (typeof a === 'string' ? a : a.organ);
  const issuers = [...d.issuers].sort((a, b) => Number(b.lead) - Number(a.lead)).map((i) => i.organ);
  return {
    ...EMPTY_VALUES,
    type: d.type ?? undefined,
    layout: d.layout,
    issuers,
    mainTo: d.mainTo.map(organOf),
    copyTo: d.copyTo.map(organOf),
    title: d.title,
    docNo: d.docNo ?? '',
    date: d.date ?? '',
    signatory: [...d.signatory],
    signers: d.signers.map((s) => ({
      organ: s.organ,
      name: s.name,
      role: s.role,
      proxy: s.proxy,
      opinion: s.opinion ?? '',
      signedAt: s.signedAt ? dayjs(s.signedAt) : null,
    })),
    secrecy: d.secrecy,
    secrecyTerm: d.secrecyTerm ?? '',
    copyNo: d.copyNo ?? '',
    urgency: d.urgency,
    matters: [...d.matters],
    body: d.body,
    attachmentNote: d.attachmentNote.join('\n'),
    attachments: d.attachments.map((a) => ({ ...a })),
    note: d.note ?? '',
    replyTo: { issuer: d.replyTo?.issuer, docNo: d.replyTo?.docNo ?? '' },
    flags: {
      important: d.flags.important,
      involvesOtherUnits: d.flags.involvesOtherUnits,
      countersignComplete: d.flags.countersignComplete,
      directive: d.flags.directive,
      skipLevelReason: d.flags.skipLevelReason ?? '',
      leaderAssigned: d.flags.leaderAssigned ?? '',
      govApprovedRef: d.flags.govApprovedRef ?? '',
      forwardedFrom: d.flags.forwardedFrom ?? '',
      stanceOpinion: d.flags.stanceOpinion ?? '',
    },
  };
}

/** Is a form field (a key of FIELD_LABELS) still empty? */
export function isBlank(v: CheckFormValues, field: string): boolean {
  if (field === 'replyTo') return !v.replyTo?.issuer;
  const value = (v as Record<string, unknown>)[field];
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/**
 * 载入示例：有问题的请示 — a county government asks the city government, with several problems:
 * two 主送, “[]” in the 发文字号, a title that is not “……关于……的请示”, no 签发人, no 联系人 in 附注.
 * Organs are picked by name from the demo organisation, falling back on their place in it.
 */
export function brokenRequestSample(organs: readonly CheckOrgan[]): CheckFormValues | null {
  const byName = (n: string) => organs.find((o) => o.name === n);
  const county = byName('甲县人民政府') ?? organs.find((o) => o.kind === '政府' && o.superiors.some((s) => organs.find((x) => x.id === s)?.kind === '政府'));
  if (!county) return null;
  const city =
    byName('某市人民政府') && county.superiors.includes(byName('某市人民政府')!.id)
      ? byName('某市人民政府')!
      : organs.find((o) => o.id === county.superiors[0]);
  if (!city) return null;
  const second =
    byName('某市财政局') ?? organs.find((o) => o.parent === city.id && o.kind === '部门') ?? organs.find((o) => o.id !== city.id && o.id !== county.id);
  const short = county.name.replace(/人民政府$/, '');
  return {
    ...EMPTY_VALUES,
    type: '请示',
    layout: '通用',
    issuers: [county.id],
    mainTo: second ? [city.id, second.id] : [city.id],
    title: `${county.name}追加${short}防汛救灾经费的申请`,
    docNo: `${short.slice(0, 1)}政发[${new Date().getFullYear()}]12号`,
    date: chineseDate(),
    body:
      `今年入汛以来，${short}连续遭受强降雨袭击，部分乡镇受灾严重，现有防汛经费已不能满足抢险救灾需要。\n` +
      `为保障人民群众生命财产安全，恳请${city.name}追加${short}防汛救灾经费300万元，用于水毁设施修复和受灾群众安置。\n` +
      '妥否，请批示。',
    matters: ['追加防汛救灾经费300万元'],
  };
}
