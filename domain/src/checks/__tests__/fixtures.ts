/**
 * Shared test fixtures for the 公文合规检查 rules: a realistic organ set over five levels and
 * builders for clean documents that pass every rule (a 请示 going up, a 通知 going down).
 * Build variants with `baseDoc({ ... })` / `baseNotice({ ... })`; `flags` overrides are merged.
 */
import { checkDocument } from '../engine';
import type { Addressee, CheckDocument, CheckInput, CheckOrgan, DocFlags, Finding, OrganKind } from '../types';

function organ(id: string, name: string, kind: OrganKind, level: number, superiors: string[] = [], parent: string | null = null): CheckOrgan {
  return { id, name, kind, level, superiors, parent };
}

/** Organ ids, so tests read like the org chart. */
export const O = {
  provGov: 'prov-gov',
  provParty: 'prov-party',
  provGovOffice: 'prov-gov-office',
  provEdu: 'prov-edu',
  provFinance: 'prov-finance',
  cityParty: 'city-party',
  cityPartyOffice: 'city-party-office',
  cityGov: 'city-gov',
  cityGovOffice: 'city-gov-office',
  cityFinance: 'city-finance',
  cityFinanceBudget: 'city-finance-budget',
  cityFinanceOffice: 'city-finance-office',
  cityEdu: 'city-edu',
  cityTransport: 'city-transport',
  cityFlood: 'city-flood',
  cityArchive: 'city-archive',
  cityPc: 'city-pc',
  otherCityGov: 'other-city-gov',
  countyParty: 'county-party',
  countyGov: 'county-gov',
  countyGovOffice: 'county-gov-office',
  countyEdu: 'county-edu',
  countyFinance: 'county-finance',
  countyPc: 'county-pc',
  otherCountyGov: 'other-county-gov',
  farCountyGov: 'far-county-gov',
  townGov: 'town-gov',
  townParty: 'town-party',
  otherTownGov: 'other-town-gov',
} as const;

export const ORGANS: CheckOrgan[] = [
  organ(O.provGov, '某省人民政府', '政府', 2),
  organ(O.provParty, '中共某省委员会', '党委', 2),
  organ(O.provGovOffice, '某省人民政府办公厅', '办公厅室', 2, [O.provGov], O.provGov),
  organ(O.provEdu, '某省教育厅', '部门', 2, [O.provGov], O.provGov),
  organ(O.provFinance, '某省财政厅', '部门', 2, [O.provGov], O.provGov),
  organ(O.cityParty, '中共某市委员会', '党委', 3, [O.provParty]),
  organ(O.cityPartyOffice, '中共某市委办公室', '办公厅室', 3, [O.cityParty], O.cityParty),
  organ(O.cityGov, '某市人民政府', '政府', 3, [O.provGov]),
  organ(O.cityGovOffice, '某市人民政府办公室', '办公厅室', 3, [O.cityGov], O.cityGov),
  organ(O.cityFinance, '某市财政局', '部门', 3, [O.cityGov, O.provFinance], O.cityGov),
  organ(O.cityFinanceBudget, '某市财政局预算科', '内设机构', 3, [O.cityFinance], O.cityFinance),
  organ(O.cityFinanceOffice, '某市财政局办公室', '内设机构', 3, [O.cityFinance], O.cityFinance),
  organ(O.cityEdu, '某市教育局', '部门', 3, [O.cityGov, O.provEdu], O.cityGov),
  organ(O.cityTransport, '某市交通运输局', '部门', 3, [O.cityGov], O.cityGov),
  organ(O.cityFlood, '某市防汛抗旱指挥部', '议事协调机构', 3, [O.cityGov], O.cityGov),
  organ(O.cityArchive, '某市档案馆', '事业单位', 3, [O.cityGov]),
  organ(O.cityPc, '某市人民代表大会常务委员会', '人大常委会', 3),
  organ(O.otherCityGov, '另一市人民政府', '政府', 3, [O.provGov]),
  organ(O.countyParty, '中共某县委员会', '党委', 4, [O.cityParty]),
  organ(O.countyGov, '某县人民政府', '政府', 4, [O.cityGov]),
  organ(O.countyGovOffice, '某县人民政府办公室', '办公厅室', 4, [O.countyGov], O.countyGov),
  organ(O.countyEdu, '某县教育局', '部门', 4, [O.countyGov, O.cityEdu], O.countyGov),
  organ(O.countyFinance, '某县财政局', '部门', 4, [O.countyGov, O.cityFinance], O.countyGov),
  organ(O.countyPc, '某县人民代表大会常务委员会', '人大常委会', 4),
  organ(O.otherCountyGov, '另一县人民政府', '政府', 4, [O.cityGov]),
  organ(O.farCountyGov, '远县人民政府', '政府', 4, [O.otherCityGov]),
  organ(O.townGov, '某镇人民政府', '政府', 5, [O.countyGov]),
  organ(O.townParty, '中共某镇委员会', '党委', 5, [O.countyParty]),
  organ(O.otherTownGov, '另一镇人民政府', '政府', 5, [O.otherCountyGov]),
];

export const NO_FLAGS: DocFlags = {
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

export type DocOverrides = Partial<Omit<CheckDocument, 'flags'>> & { flags?: Partial<DocFlags> };

function build(base: CheckDocument, overrides: DocOverrides, organs: CheckOrgan[]): CheckInput {
  const { flags, ...rest } = overrides;
  return {
    organs: organs.map((o) => ({ ...o, superiors: [...o.superiors] })),
    document: { ...base, ...rest, flags: { ...base.flags, ...(flags ?? {}) } },
  };
}

/** The clean 请示 of the digest's worked example: 某县人民政府 → 某市人民政府. */
export function baseRequestDoc(): CheckDocument {
  return {
    type: '请示',
    layout: '通用',
    issuers: [{ organ: O.countyGov, lead: true }],
    title: '某县人民政府关于追加防汛经费的请示',
    mainTo: [O.cityGov],
    copyTo: [O.cityFinance],
    docNo: '县政发〔2024〕18号',
    date: '2024年6月3日',
    signers: [{ organ: O.countyGov, name: '王某', role: '主要负责人', proxy: false, opinion: '同意', signedAt: '2024-06-03' }],
    signatory: ['王某'],
    secrecy: 'none',
    secrecyTerm: null,
    copyNo: null,
    urgency: 'none',
    matters: ['追加防汛经费'],
    body:
      '今年6月以来，我县遭受持续强降雨，防汛任务十分繁重，现有防汛经费已不能满足需要。' +
      '为保障防汛抢险工作顺利开展，特请求市政府追加我县2024年防汛经费500万元，用于抢险物资储备和受损设施修复。\n妥否，请批示。',
    attachmentNote: ['附件：1.经费测算表', '2.受灾情况统计'],
    attachments: [
      { no: 1, title: '经费测算表' },
      { no: 2, title: '受灾情况统计' },
    ],
    note: '（联系人：张某，电话：12345678）',
    replyTo: null,
    flags: { ...NO_FLAGS },
  };
}

/** A clean 通知: 某市人民政府 → 某县人民政府, 另一县人民政府. */
export function baseNoticeDoc(): CheckDocument {
  return {
    type: '通知',
    layout: '通用',
    issuers: [{ organ: O.cityGov, lead: true }],
    title: '某市人民政府关于做好2024年防汛工作的通知',
    mainTo: [O.countyGov, O.otherCountyGov],
    copyTo: [],
    docNo: '市政发〔2024〕7号',
    date: '2024年6月5日',
    signers: [{ organ: O.cityGov, name: '李某', role: '主要负责人', proxy: false, opinion: '同意', signedAt: '2024-06-05' }],
    signatory: [],
    secrecy: 'none',
    secrecyTerm: null,
    copyNo: null,
    urgency: 'none',
    matters: [],
    body:
      '为做好2024年防汛工作，确保人民群众生命财产安全，现将有关事项通知如下：\n' +
      '一、压实防汛责任\n各县人民政府对本行政区域防汛工作负总责。\n二、加强值班值守\n汛期实行24小时值班制度。',
    attachmentNote: [],
    attachments: [],
    note: null,
    replyTo: null,
    flags: { ...NO_FLAGS },
  };
}

/** A clean 请示 (county government to its city government), with overrides. */
export function baseDoc(overrides: DocOverrides = {}, organs: CheckOrgan[] = ORGANS): CheckInput {
  return build(baseRequestDoc(), overrides, organs);
}

/** A clean 通知 (city government to two county governments), with overrides. */
export function baseNotice(overrides: DocOverrides = {}, organs: CheckOrgan[] = ORGANS): CheckInput {
  return build(baseNoticeDoc(), overrides, organs);
}

/** A signer record, defaults to a 主要负责人 signing with 同意 on 2024-06-03. */
export function signer(organ: string, name: string, over: Partial<CheckDocument['signers'][number]> = {}): CheckDocument['signers'][number] {
  return { organ, name, role: '主要负责人', proxy: false, opinion: '同意', signedAt: '2024-06-03', ...over };
}

/** The raw JSON form of `baseDoc()` (what a CLI user would write), deep-copied. */
export function rawBase(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(baseDoc())) as Record<string, unknown>;
}

/**
 * A clean 请示-shaped document from `issuer` to `mainTo`, signed by the issuer's 主要负责人
 * and with no 抄送; override anything else (type, title, body…).
 */
export function request(issuer: string, mainTo: Addressee[], overrides: DocOverrides = {}): CheckInput {
  return baseDoc({
    issuers: [{ organ: issuer, lead: true }],
    mainTo,
    copyTo: [],
    signers: [signer(issuer, '王某')],
    ...overrides,
  });
}

/** A clean 通知-shaped document from `issuer` to `mainTo`, signed by the issuer's 主要负责人. */
export function notice(issuer: string, mainTo: Addressee[], overrides: DocOverrides = {}): CheckInput {
  return baseNotice({
    issuers: [{ organ: issuer, lead: true }],
    mainTo,
    copyTo: [],
    signers: [signer(issuer, '李某', { signedAt: '2024-06-05' })],
    ...overrides,
  });
}

/** All findings of the full engine for `input`. */
export function findings(input: CheckInput): Finding[] {
  return checkDocument(input).findings;
}

/** Findings of one rule for `input` (through the full engine). */
export function findingsOf(input: CheckInput, rule: string): Finding[] {
  return findings(input).filter((f) => f.rule === rule);
}
