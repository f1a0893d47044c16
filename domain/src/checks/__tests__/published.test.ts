/**
 * Issue #10, “False alarms and misses seen on published documents”: each class of false alarm or
 * miss, with documents written as governments publish them — at least three that must pass and
 * three that must be flagged per class, through the full engine. OUT-4 = 核稿 (review of a
 * draft going out), IN-2 = 初审 (check of a document received from a subordinate organ).
 */
import { describe, expect, it } from 'vitest';
import { ORGAN_NOTES, RULE_NOTES } from '../docs';
import { RULES } from '../engine';
import { leadingOrgans, organAliases, regionOf, resolveMention, supervises } from '../names';
import { findDocNoTokens, parseDateAny, predates2012Rules } from '../text';
import type { CheckDocument, CheckInput, CheckOrgan, DocFlags, Finding, OrganKind, Severity } from '../types';
import { approvalStatements, requestSentences } from '../wording';
import { findings, NO_FLAGS } from './fixtures';

// ---------------------------------------------------------------------------------------------
// An organisation as a city and its counties describe it: governments, Party committees, their
// offices and departments, the 人大 and 人大常委会 (监督, described as docs/rules.md says: kind
// and level, the region in the name, not in `superiors`), a court.

function organ(id: string, name: string, kind: OrganKind, level: number, superiors: string[] = [], parent: string | null = null): CheckOrgan {
  return { id, name, kind, level, superiors, parent };
}

const P = {
  provGov: 'prov-gov',
  provParty: 'prov-party',
  cityGov: 'jz-gov',
  cityParty: 'jz-party',
  cityGovOffice: 'jz-gov-office',
  cityTransport: 'jz-transport',
  cityFinance: 'jz-finance',
  cityPc: 'jz-pc',
  countyGov: 'lh-gov',
  countyParty: 'lh-party',
  countyGovOffice: 'lh-gov-office',
  countyPartyOffice: 'lh-party-office',
  countyTransport: 'lh-transport',
  countyFinance: 'lh-finance',
  countyPc: 'lh-pc',
  countyCongress: 'lh-congress',
  countyCourt: 'lh-court',
  otherCountyGov: 'qx-gov',
  otherCountyPc: 'qx-pc',
  townGov: 'cg-gov',
  townParty: 'cg-party',
  villageGov: 'bs-gov',
  villageParty: 'bs-party',
} as const;

const ORGS: CheckOrgan[] = [
  organ(P.provGov, '东江省人民政府', '政府', 2),
  organ(P.provParty, '中共东江省委员会', '党委', 2),
  organ(P.cityGov, '江州市人民政府', '政府', 3, [P.provGov]),
  organ(P.cityParty, '中共江州市委员会', '党委', 3, [P.provParty]),
  organ(P.cityGovOffice, '江州市人民政府办公室', '办公厅室', 3, [P.cityGov], P.cityGov),
  organ(P.cityTransport, '江州市交通运输局', '部门', 3, [P.cityGov], P.cityGov),
  organ(P.cityFinance, '江州市财政局', '部门', 3, [P.cityGov], P.cityGov),
  organ(P.cityPc, '江州市人民代表大会常务委员会', '人大常委会', 3),
  organ(P.countyGov, '临河县人民政府', '政府', 4, [P.cityGov]),
  organ(P.countyParty, '中共临河县委员会', '党委', 4, [P.cityParty]),
  organ(P.countyGovOffice, '临河县人民政府办公室', '办公厅室', 4, [P.countyGov], P.countyGov),
  organ(P.countyPartyOffice, '中共临河县委办公室', '办公厅室', 4, [P.countyParty], P.countyParty),
  organ(P.countyTransport, '临河县交通运输局', '部门', 4, [P.countyGov, P.cityTransport], P.countyGov),
  organ(P.countyFinance, '临河县财政局', '部门', 4, [P.countyGov, P.cityFinance], P.countyGov),
  organ(P.countyPc, '临河县人民代表大会常务委员会', '人大常委会', 4, [], P.countyCongress),
  organ(P.countyCongress, '临河县人民代表大会', '人大', 4),
  organ(P.countyCourt, '临河县人民法院', '其他', 4),
  organ(P.otherCountyGov, '清溪县人民政府', '政府', 4, [P.cityGov]),
  organ(P.otherCountyPc, '清溪县人民代表大会常务委员会', '人大常委会', 4),
  organ(P.townGov, '临河县城关镇人民政府', '政府', 5, [P.countyGov]),
  organ(P.townParty, '中共临河县城关镇委员会', '党委', 5, [P.countyParty]),
  organ(P.villageGov, '临河县白沙乡人民政府', '政府', 5, [P.countyGov]),
  organ(P.villageParty, '中共临河县白沙乡委员会', '党委', 5, [P.countyParty]),
];

type Over = Partial<Omit<CheckDocument, 'flags'>> & { flags?: Partial<DocFlags> };

/** A published document: defaults are a clean, signed 通知 of 临河县人民政府 to its townships. */
function doc(over: Over): CheckInput {
  const { flags, ...rest } = over;
  const issuer = rest.issuers?.[0]?.organ ?? P.countyGov;
  const base: CheckDocument = {
    type: '通知',
    layout: '通用',
    issuers: [{ organ: issuer, lead: true }],
    title: '临河县人民政府关于做好2024年防汛工作的通知',
    mainTo: [P.townGov, P.villageGov],
    copyTo: [],
    docNo: '临政发〔2024〕9号',
    date: '2024年5月20日',
    signers: [{ organ: issuer, name: '周建国', role: '主要负责人', proxy: false, opinion: '同意', signedAt: '2024-05-20' }],
    signatory: [],
    secrecy: 'none',
    secrecyTerm: null,
    copyNo: null,
    urgency: 'none',
    matters: [],
    body: '为做好2024年防汛工作，现将有关事项通知如下。',
    attachmentNote: [],
    attachments: [],
    note: null,
    replyTo: null,
    flags: { ...NO_FLAGS },
  };
  return {
    organs: ORGS.map((o) => ({ ...o, superiors: [...o.superiors] })),
    document: { ...base, ...rest, flags: { ...base.flags, ...(flags ?? {}) } },
  };
}

interface Flag {
  severity?: Severity;
  /** a substring at least one message contains */
  says?: string;
  path?: string;
}
type Row = [req: 'OUT-4' | 'IN-2', name: string, input: CheckInput, expected?: Flag];

function of(input: CheckInput, rule: string): Finding[] {
  return findings(input).filter((f) => f.rule === rule);
}

/** Table tests of one class: every `flags` row yields a finding of `rule`, every `passes` row none. */
function table(rule: string, rows: { flags: Row[]; passes: Row[] }, accept?: (f: Finding) => boolean): void {
  for (const [req, name, input, exp] of rows.flags) {
    it(`${req} ${rule} flags ${name}`, () => {
      const got = of(input, rule);
      const match = got.filter(
        (f) =>
          (exp?.severity === undefined || f.severity === exp.severity) &&
          (exp?.says === undefined || f.message.includes(exp.says)) &&
          (exp?.path === undefined || f.path === exp.path),
      );
      expect(match.length, JSON.stringify(got)).toBeGreaterThan(0);
    });
  }
  for (const [req, name, input] of rows.passes) {
    it(`${req} ${rule} accepts ${name}`, () => {
      const got = of(input, rule).filter((f) => !accept?.(f));
      expect(got).toEqual([]);
    });
  }
}

// ---------------------------------------------------------------------------------------------

describe('class 1 — R-ROUTE-10: the body’s own statement of its government’s approval', () => {
  const officeNotice = (body: string, over: Over = {}): CheckInput =>
    doc({
      issuers: [{ organ: P.countyGovOffice, lead: true }],
      title: '临河县人民政府办公室关于印发临河县2024年防汛抗旱应急预案的通知',
      docNo: '临政办发〔2024〕15号',
      body,
      ...over,
    });
  table('R-ROUTE-10', {
    passes: [
      [
        'OUT-4',
        'a county office’s 通知 to its townships: “经县人民政府同意，现将……印发给你们”',
        officeNotice('各乡镇人民政府，县政府各部门：\n经县人民政府同意，现将《临河县2024年防汛抗旱应急预案》印发给你们，请认真贯彻执行。'),
      ],
      [
        'OUT-4',
        'a county office’s 通知: “已经县政府研究同意”',
        officeNotice('《临河县农村人居环境整治提升行动方案（2024—2026年）》已经县政府研究同意，现印发给你们，请结合实际认真组织实施。', {
          title: '临河县人民政府办公室关于印发临河县农村人居环境整治提升行动方案（2024—2026年）的通知',
        }),
      ],
      [
        'OUT-4',
        'a 两办 notice of the county Party and government offices: “经县委、县政府同意”',
        doc({
          issuers: [
            { organ: P.countyPartyOffice, lead: true },
            { organ: P.countyGovOffice, lead: false },
          ],
          title: '中共临河县委办公室 临河县人民政府办公室关于进一步加强基层减负工作的通知',
          docNo: '临办发〔2024〕6号',
          mainTo: [P.townParty, P.townGov, P.villageParty, P.villageGov],
          signers: [
            { organ: P.countyPartyOffice, name: '孙立新', role: '主要负责人', proxy: false, opinion: '同意', signedAt: '2024-05-20' },
            { organ: P.countyGovOffice, name: '刘海波', role: '主要负责人', proxy: false, opinion: '同意', signedAt: '2024-05-20' },
          ],
          body: '各乡镇党委、人民政府：\n经县委、县政府同意，现将《关于进一步加强基层减负工作的若干措施》印发给你们，请结合实际认真贯彻落实。',
        }),
      ],
      [
        'OUT-4',
        'a city office’s 通知 to the counties: “经市人民政府第35次常务会议研究同意”',
        doc({
          issuers: [{ organ: P.cityGovOffice, lead: true }],
          title: '江州市人民政府办公室关于印发江州市城市更新行动实施方案的通知',
          docNo: '江政办发〔2024〕21号',
          mainTo: [P.countyGov, P.otherCountyGov],
          body: '各县人民政府，市政府各部门：\n《江州市城市更新行动实施方案》经市人民政府第35次常务会议研究同意，现印发给你们，请认真组织实施。',
        }),
      ],
      [
        'OUT-4',
        'a city bureau’s directive to the counties stating “经江州市人民政府同意” (the statement is the 文中注明)',
        doc({
          issuers: [{ organ: P.cityTransport, lead: true }],
          title: '江州市交通运输局关于开展农村公路安全隐患排查整治的通知',
          docNo: '江交发〔2024〕33号',
          mainTo: [P.countyGov, P.otherCountyGov],
          body: '各县人民政府：\n经江州市人民政府同意，现就开展农村公路安全隐患排查整治通知如下：各县要于2024年8月31日前完成排查整治。',
        }),
      ],
      [
        'OUT-4',
        'a city bureau’s directive stating its government’s approval after a stray opening quotation mark (“为推进“放管服改革，经……同意”)',
        doc({
          issuers: [{ organ: P.cityTransport, lead: true }],
          title: '江州市交通运输局关于开展农村公路安全隐患排查整治的通知',
          docNo: '江交发〔2024〕34号',
          mainTo: [P.countyGov, P.otherCountyGov],
          body: '各县人民政府：\n为推进“放管服改革，经江州市人民政府同意，现就开展农村公路安全隐患排查整治通知如下：各县要于2024年8月31日前完成排查整治。',
        }),
      ],
    ],
    flags: [
      [
        'OUT-4',
        'a county office’s 通知 to its townships with no approval or authorisation at all',
        officeNotice('各乡镇人民政府：\n现将《临河县2024年防汛抗旱应急预案》印发给你们，请认真贯彻执行。'),
        { severity: 'warning', path: 'document.flags.govApprovedRef', says: '临河县人民政府' },
      ],
      [
        'OUT-4',
        'a county office citing the city government’s approval, not its own government’s',
        officeNotice('各乡镇人民政府：\n经市人民政府同意，现将《临河县2024年防汛抗旱应急预案》印发给你们，请认真贯彻执行。'),
        { severity: 'warning', says: '经市人民政府同意' },
      ],
      [
        'OUT-4',
        'a county office whose body only says the plan needs the government’s approval later (“须经县人民政府同意后方可实施”)',
        officeNotice('各乡镇人民政府：\n现将《临河县2024年防汛抗旱应急预案》印发给你们。各乡镇的实施细则须经县人民政府同意后方可实施。'),
        { severity: 'warning' },
      ],
      [
        'OUT-4',
        'a county office that says “未经县政府同意，不得擅自调整”',
        officeNotice('各乡镇人民政府：\n现将《临河县2024年防汛抗旱应急预案》印发给你们。预案未经县政府同意，不得擅自调整。'),
        { severity: 'warning' },
      ],
      [
        'OUT-4',
        'a county office whose body states a condition: “报经县政府同意后，由各乡镇组织实施”',
        officeNotice('各乡镇人民政府：\n各乡镇要结合实际制定防汛抗旱应急预案，报经县政府同意后，由各乡镇组织实施。'),
        { severity: 'warning', path: 'document.flags.govApprovedRef' },
      ],
      [
        'OUT-4',
        'a city bureau’s directive to the counties approved only by its own 党组 (“经局党组会议研究同意”)',
        doc({
          issuers: [{ organ: P.cityTransport, lead: true }],
          title: '江州市交通运输局关于开展农村公路安全隐患排查整治的通知',
          docNo: '江交发〔2024〕33号',
          mainTo: [P.countyGov, P.otherCountyGov],
          body: '各县人民政府：\n经局党组会议研究同意，现就开展农村公路安全隐患排查整治通知如下：各县要于2024年8月31日前完成排查整治。',
          flags: { govApprovedRef: '市政府2024年第12次常务会议纪要' },
        }),
        { severity: 'error', path: 'document.body', says: '经江州市人民政府同意' },
      ],
      [
        'OUT-4',
        'a city bureau’s directive to the counties whose approval sits only inside a cited title',
        doc({
          issuers: [{ organ: P.cityFinance, lead: true }],
          title: '江州市财政局关于加快2024年专项债券资金支出进度的通知',
          docNo: '江财预〔2024〕40号',
          mainTo: [P.countyGov, P.otherCountyGov],
          body: '各县人民政府：\n按照《关于经市人民政府同意调整专项债券用途的说明》，各县务必于9月底前完成支出。',
        }),
        { severity: 'error', path: 'document.mainTo[0]' },
      ],
    ],
  });

  it('OUT-4 R-ROUTE-10 names and short forms resolve against the organ graph', () => {
    const m = new Map(ORGS.map((o) => [o.id, o]));
    const ids = (s: string) => resolveMention(m, s).map((o) => o.id);
    expect(ids('县人民政府')).toEqual(expect.arrayContaining([P.countyGov, P.otherCountyGov]));
    expect(ids('县政府')).toContain(P.countyGov);
    expect(ids('临河县政府')).toEqual([P.countyGov]);
    expect(ids('县委')).toEqual([P.countyParty]);
    expect(ids('中共临河县委')).toEqual([P.countyParty]);
    expect(ids('市委')).toEqual([P.cityParty]);
    expect(ids('省委')).toEqual([P.provParty]);
    expect(ids('城关镇人民政府')).toEqual([P.townGov]);
    expect(ids('镇党委')).toEqual([P.townParty]);
    expect(leadingOrgans(m, '市委市政府研究').mentions.map((x) => x.text)).toEqual(['市委', '市政府']);
    expect(leadingOrgans(m, '县政府办公室').rest).toBe('办公室');
    expect(organAliases({ name: '国务院', kind: '政府' })).toContain('国务院');
    const st = approvalStatements(m, '经请示县政府同意，已经市委、市政府研究同意，经过努力通过验收。');
    expect(st.map((s) => s.named)).toEqual([['县政府'], ['市委', '市政府']]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('class 2 — X-08: standard brackets and 书名号 in titles', () => {
  const titled = (title: string, type: CheckDocument['type'] = '通知'): CheckInput => doc({ title, type });
  table('X-08', {
    passes: [
      ['OUT-4', 'an emergency plan issued on trial: “……应急预案（试行）的通知”', titled('临河县人民政府关于印发临河县突发公共事件总体应急预案（试行）的通知')],
      ['OUT-4', 'a plan with a year range: “……规划纲要（2015—2020年）的通知”', titled('临河县人民政府关于印发临河县旅游业发展规划纲要（2015—2020年）的通知')],
      ['OUT-4', 'a 书名号 around the measures issued, with （修订） inside', titled('临河县人民政府关于印发《临河县政府投资项目管理办法（修订）》的通知')],
      ['OUT-4', 'an interim rule: “……管理办法（暂行）的通知”', titled('临河县人民政府关于印发临河县农村集体资产管理办法（暂行）的通知')],
      [
        'OUT-4',
        'a draft sent out for comment: “……（征求意见稿）意见的函”',
        titled('临河县人民政府关于征求临河县国土空间总体规划（2021—2035年）（征求意见稿）意见的函', '函'),
      ],
      ['OUT-4', 'a yearly plan: “……（2024年度）的通知”', titled('临河县人民政府关于下达临河县重点建设项目计划（2024年度）的通知')],
      ['OUT-4', 'a batch: “……名录（第一批）的通知”', titled('临河县人民政府关于公布临河县历史建筑保护名录（第一批）的通知')],
    ],
    flags: [
      [
        'OUT-4',
        'half-width brackets: “……应急预案(试行)的通知”',
        titled('临河县人民政府关于印发临河县突发公共事件总体应急预案(试行)的通知'),
        { severity: 'warning', says: '(' },
      ],
      [
        'OUT-4',
        'a bracket that is not a status or a year: “（仅供参考）”',
        titled('临河县人民政府关于印发临河县防汛工作手册（仅供参考）的通知'),
        { severity: 'warning' },
      ],
      ['OUT-4', 'a colon inside the title', titled('临河县人民政府关于防汛工作：做好2024年汛期准备的通知'), { severity: 'warning', says: '：' }],
      [
        'OUT-4',
        'a standard bracket, but a title ending in 通知 on a 通报',
        titled('临河县人民政府关于印发临河县突发公共事件总体应急预案（试行）的通知', '通报'),
        { severity: 'error', says: '通报' },
      ],
    ],
  });
});

// ---------------------------------------------------------------------------------------------

describe('class 3 — R-ROUTE-06b: a 报告 that asks for something in other words', () => {
  /** a 报告 of 临河县交通运输局 to 江州市交通运输局 (its superior competent department) */
  const report = (body: string, over: Over = {}): CheckInput =>
    doc({
      type: '报告',
      issuers: [{ organ: P.countyTransport, lead: true }],
      title: '临河县交通运输局关于G205线临河段水毁修复工作情况的报告',
      docNo: '临交报〔2024〕7号',
      mainTo: [P.cityTransport],
      signatory: ['周建国'],
      body,
      ...over,
    });
  const countyReport = (body: string): CheckInput =>
    doc({
      type: '报告',
      title: '临河县人民政府关于2024年上半年防汛救灾工作情况的报告',
      docNo: '临政报〔2024〕11号',
      mainTo: [P.cityGov],
      signatory: ['周建国'],
      body,
    });
  table('R-ROUTE-06b', {
    flags: [
      [
        'IN-2',
        '“请贵局帮助解决28万元资金为谢”',
        report('今年7月以来，G205线临河段发生水毁塌方3处，我局已投入抢修资金42万元，目前尚有缺口。请贵局帮助解决28万元资金为谢。\n特此报告。'),
        { severity: 'warning', says: '请贵局帮助解决28万元资金为谢' },
      ],
      [
        'IN-2',
        '“恳请市政府予以支持”',
        countyReport('今年入汛以来，我县遭受4轮强降雨，直接经济损失1.2亿元。由于县级财力有限，灾后重建资金缺口较大，恳请市政府予以支持。\n特此报告。'),
        { severity: 'warning', says: '恳请市政府予以支持' },
      ],
      [
        'IN-2',
        '“请求市财政局拨付专项补助资金”',
        countyReport('为加快受损水利设施修复，请求市财政局尽快拨付专项补助资金120万元。\n特此报告。'),
        { severity: 'warning', says: '请求市财政局尽快拨付' },
      ],
      [
        'IN-2',
        '“以上意见如无不妥，望批准”',
        report('我局拟将G205线临河段修复工程纳入2024年省道养护计划。以上意见如无不妥，望批准。\n特此报告。'),
        { severity: 'warning', says: '望批准' },
      ],
      [
        'IN-2',
        '“希市政府在用地指标上给予倾斜”',
        countyReport('我县安置区建设用地指标缺口约120亩，希市政府在用地指标上给予倾斜。\n特此报告。'),
        { severity: 'warning', says: '给予倾斜' },
      ],
      [
        'IN-2',
        'the precise formula “妥否，请批示” (still an error)',
        report('现将修复方案报告如下。妥否，请批示。'),
        { severity: 'error', says: '妥否，请批示' },
      ],
      [
        'IN-2',
        'a request after a stray opening quotation mark (“我县“十四五规划……恳请市政府予以支持”)',
        countyReport('我县“十四五规划重点项目资金缺口较大，恳请市政府予以支持。\n特此报告。'),
        { severity: 'warning', says: '恳请市政府予以支持' },
      ],
    ],
    passes: [
      [
        'IN-2',
        'a report of instructions given to the townships (“下发紧急通知，请各乡镇统筹安排救灾资金”)',
        countyReport('灾情发生后，县政府第一时间下发紧急通知，请各乡镇统筹安排救灾资金，全力保障受灾群众基本生活。\n特此报告。'),
      ],
      [
        'IN-2',
        'a report of what was done (“已于5月12日致函市交通运输局，请其协调解决”)',
        report('我局已于5月12日致函江州市交通运输局，请其协调解决施工用地问题，目前该问题已得到解决。\n特此报告。'),
      ],
      [
        'IN-2',
        'a cited 请示 title inside 书名号',
        countyReport('我县已于2024年3月以《临河县人民政府关于恳请支持城关镇污水处理厂建设的请示》上报市政府，市政府已批复同意。\n特此报告。'),
      ],
      ['IN-2', 'a result reported: “申请的专项资金已全部拨付到位”', countyReport('今年我县申请的中央水利发展资金已全部拨付到位，项目均已开工。\n特此报告。')],
      [
        'IN-2',
        'a means: “希望通过此次专项整治解决群众反映强烈的问题”',
        countyReport('我县开展道路交通安全专项整治，希望通过此次专项整治解决群众反映强烈的问题。\n特此报告。'),
      ],
      ['IN-2', 'a prospect: “该项目有望纳入省级规划”', countyReport('城关镇污水处理厂项目前期工作已完成，该项目有望纳入省级规划。\n特此报告。')],
      ['IN-2', 'a prospect: “预计年底前问题有望得到解决”', countyReport('部分受灾群众住房修复进度较慢，预计年底前问题有望得到解决。\n特此报告。')],
      ['IN-2', 'a result: “共申请到上级补助资金500万元”', countyReport('今年我县共申请到上级补助资金500万元。\n特此报告。')],
      ['IN-2', 'past work: “积极申请中央预算内资金支持，已获批复”', countyReport('我县积极申请中央预算内资金支持，已获批复。\n特此报告。')],
      [
        'OUT-4',
        'a government’s 报告 to its 人大常委会 closing with “请予审议”',
        doc({
          type: '报告',
          title: '临河县人民政府关于2023年度国有资产管理情况的综合报告',
          mainTo: [P.countyPc],
          body: '根据《中华人民共和国预算法》和县人大常委会工作安排，现将2023年度全县国有资产管理情况报告如下。\n以上报告，请予审议。',
        }),
      ],
    ],
  });

  it('IN-2 R-ROUTE-06b quotes the whole sentence and reports each request sentence once', () => {
    const hits = requestSentences('资金缺口较大，恳请市政府予以支持，请求市财政局拨付资金。另，望批准。');
    expect(hits.map((h) => h.sentence)).toEqual(['资金缺口较大，恳请市政府予以支持，请求市财政局拨付资金。', '另，望批准。']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('class 4 — X-16 / X-15: a government’s 报告 to its own 人大常委会 (监督, not 领导)', () => {
  const toPc = (type: CheckDocument['type'], mainTo: string[], over: Over = {}): CheckInput =>
    doc({
      type,
      title: `临河县人民政府关于提请审议临河县2024年本级预算调整方案的${type}`,
      docNo: '临政〔2024〕18号',
      mainTo,
      body: '根据《中华人民共和国预算法》有关规定，现将临河县2024年本级预算调整方案提请县人大常委会审议。',
      ...over,
    });
  const rows = {
    passes: [
      [
        'OUT-4',
        'a county government’s 报告 to the county 人大常委会',
        toPc('报告', [P.countyPc], {
          title: '临河县人民政府关于2023年度环境状况和环境保护目标完成情况的报告',
          body: '根据《中华人民共和国环境保护法》规定，现将我县2023年度环境状况和环境保护目标完成情况报告如下。\n以上报告，请予审议。',
        }),
      ],
      [
        'OUT-4',
        'a city government’s 报告 to the city 人大常委会',
        toPc('报告', [P.cityPc], {
          issuers: [{ organ: P.cityGov, lead: true }],
          title: '江州市人民政府关于2023年度市级预算执行和其他财政收支审计工作情况的报告',
          docNo: '江政〔2024〕30号',
          body: '受市人民政府委托，现将2023年度市级预算执行和其他财政收支的审计情况报告如下。\n以上报告，请予审议。',
        }),
      ],
      [
        'OUT-4',
        'a county government’s 报告 to the county 人民代表大会',
        toPc('报告', [P.countyCongress], { title: '临河县人民政府关于临河县2023年国民经济和社会发展计划执行情况的报告' }),
      ],
      [
        'OUT-4',
        'the county court’s 报告 to the county 人大常委会',
        toPc('报告', [P.countyPc], { issuers: [{ organ: P.countyCourt, lead: true }], title: '临河县人民法院关于行政审判工作情况的报告' }),
      ],
      ['OUT-4', 'a 议案 to the county 人大常委会', toPc('议案', [P.countyPc])],
    ] as Row[],
    flags: [
      [
        'OUT-4',
        'a 请示 from the county government to the county 人大常委会',
        toPc('请示', [P.countyPc], { matters: ['预算调整'], title: '临河县人民政府关于2024年本级预算调整的请示' }),
        { severity: 'error', says: '监督关系' },
      ],
      [
        'OUT-4',
        'a 报告 to another county’s 人大常委会',
        toPc('报告', [P.otherCountyPc], { title: '临河县人民政府关于2023年度国有资产管理情况的综合报告' }),
        { severity: 'error', path: 'document.type' },
      ],
      [
        'OUT-4',
        'a county government’s 报告 to the city 人大常委会',
        toPc('报告', [P.cityPc], { title: '临河县人民政府关于2023年度国有资产管理情况的综合报告' }),
        { severity: 'error', path: 'document.type' },
      ],
    ] as Row[],
  };
  table('X-16', rows);

  table('X-15', {
    passes: [
      ['OUT-4', 'a 议案 to the county 人大常委会', toPc('议案', [P.countyPc])],
      ['OUT-4', 'a 议案 to the county 人民代表大会', toPc('议案', [P.countyCongress])],
      ['OUT-4', 'a city government’s 议案 to the city 人大常委会', toPc('议案', [P.cityPc], { issuers: [{ organ: P.cityGov, lead: true }] })],
    ],
    flags: [
      ['OUT-4', 'a 议案 to another county’s 人大常委会', toPc('议案', [P.otherCountyPc]), { severity: 'error', says: '所在地方' }],
      ['OUT-4', 'a 议案 to the city 人大常委会', toPc('议案', [P.cityPc]), { severity: 'error', says: '同一级' }],
      [
        'OUT-4',
        'a 议案 of the county 财政局',
        toPc('议案', [P.countyPc], { issuers: [{ organ: P.countyFinance, lead: true }] }),
        { severity: 'error', path: 'document.issuers[0]' },
      ],
    ],
  });

  it('OUT-4 X-16 the 监督 relation is read from kind, level and the region in the names (docs/rules.md)', () => {
    const by = (id: string) => ORGS.find((o) => o.id === id) as CheckOrgan;
    expect(regionOf(by(P.countyPc))).toBe('临河县');
    expect(supervises(by(P.countyPc), by(P.countyGov))).toBe(true);
    expect(supervises(by(P.countyCongress), by(P.countyGov))).toBe(true);
    expect(supervises(by(P.countyPc), by(P.countyCourt))).toBe(true);
    expect(supervises(by(P.otherCountyPc), by(P.countyGov))).toBe(false);
    expect(supervises(by(P.cityPc), by(P.countyGov))).toBe(false);
    expect(supervises(by(P.countyPc), by(P.countyFinance))).toBe(false);
    // a name without its place: the level decides
    expect(supervises(organ('x', '县人大常委会', '人大常委会', 4), by(P.countyGov))).toBe(true);
    // a 函 to the 人大常委会 is not a letter between 上下级
    expect(of(toPc('函', [P.countyPc], { title: '临河县人民政府关于商请县人大常委会开展执法检查的函' }), 'X-17')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('class 5a — F-21: numbers that are not document citations', () => {
  const received = (body: string): CheckInput =>
    doc({
      type: '报告',
      title: '临河县财政局关于2024年专项资金使用情况的报告',
      issuers: [{ organ: P.countyFinance, lead: true }],
      mainTo: [P.countyGov],
      body,
    });
  table('F-21', {
    passes: [
      ['IN-2', 'a routing slip’s bare number “〔2020〕928号”', received('临河县人民政府办公室收文处理单\n收文编号：〔2020〕928号\n来文单位：临河县财政局')],
      ['IN-2', 'a 办文单 field “来文字号：临财预〔2020〕928号”', received('办文单\n来文字号：临财预〔2020〕928号\n拟办意见：请县政府办公室阅处。')],
      ['IN-2', 'a register’s own number: “按照县长批示件〔2020〕928号要求”', received('为落实县长批示件〔2020〕928号要求，现将有关情况报告如下。')],
      ['IN-2', 'a number after a relative clause: “转来的〔2020〕928号”', received('县政府办公室转来的〔2020〕928号交办件已办理完毕，现将有关情况报告如下。')],
      [
        'IN-2',
        'a proper citation 《标题》（代字〔年份〕序号号）',
        received('根据《江州市人民政府关于加强专项资金管理的通知》（江政发〔2020〕28号）要求，现将有关情况报告如下。'),
      ],
    ],
    flags: [
      [
        'IN-2',
        'a citation by number only: “根据江政发〔2020〕28号文件精神”',
        received('根据江政发〔2020〕28号文件精神，现将有关情况报告如下。'),
        { says: '江政发〔2020〕28号' },
      ],
      [
        'IN-2',
        'a number after 按照: “按照国办发〔2019〕45号要求”',
        received('按照国办发〔2019〕45号要求，我局对专项资金进行了全面清理。'),
        { says: '国办发〔2019〕45号' },
      ],
      [
        'IN-2',
        'the number before the title: “依据临政办发〔2023〕12号《……》”',
        received('依据临政办发〔2023〕12号《临河县人民政府办公室关于规范专项资金管理的通知》，现将有关情况报告如下。'),
        { says: '临政办发〔2023〕12号' },
      ],
      ['IN-2', 'a number forwarded: “转发江财预〔2024〕6号”', received('我局已转发江财预〔2024〕6号，各单位正在落实。'), { says: '江财预〔2024〕6号' }],
      [
        'IN-2',
        'a number whose 代字 holds 经: “按照市经信发〔2024〕3号要求” (read whole, not “信发”)',
        received('按照市经信发〔2024〕3号要求，我局对技改专项资金进行了全面清理。'),
        { says: '“市经信发〔2024〕3号”' },
      ],
    ],
  });

  it('IN-2 F-21 findDocNoTokens tells citations from other numbers', () => {
    const t = findDocNoTokens('收文编号：〔2020〕928号；根据江政发〔2020〕28号文件；转来的〔2020〕5号');
    expect(t.map((x) => [x.text, x.code, x.citation])).toEqual([
      ['〔2020〕928号', '', false],
      ['江政发〔2020〕28号', '江政发', true],
      ['〔2020〕5号', '', false],
    ]);
  });
});

describe('class 5b — X-10: accepted heading layouts', () => {
  const body = (...lines: string[]): CheckInput => doc({ body: ['为做好2024年防汛工作，现将有关事项通知如下：', ...lines].join('\n') });
  table('X-10', {
    passes: [
      [
        'OUT-4',
        'a two-level text: “一、” then “1.”',
        body('一、压实防汛责任', '1.落实行政首长负责制', '2.明确包保责任人', '二、加强值班值守', '1.严格执行24小时值班'),
      ],
      ['OUT-4', '“一、” then “1.” then “（1）” with no “（一）” anywhere', body('一、工作任务', '1.隐患排查', '（1）水库', '（2）堤防', '2.物资储备')],
      ['OUT-4', 'the standard four levels', body('一、总体要求', '（一）指导思想', '1.坚持人民至上', '（1）转移避险', '二、保障措施')],
      ['OUT-4', 'a list that starts at “（一）”', body('（一）加强组织领导', '1.成立工作专班', '（二）强化督促检查')],
    ],
    flags: [
      ['OUT-4', '“（1）” directly under “一、”', body('一、工作任务', '（1）水库', '（2）堤防'), { says: '跳过了“（一）”' }],
      ['OUT-4', '“（1）” directly under “（一）”', body('一、工作任务', '（一）隐患排查', '（1）水库'), { says: '跳过了“1.”' }],
      [
        'OUT-4',
        '“1.” under one “一、” while another uses “（一）”',
        body('一、压实防汛责任', '1.落实行政首长负责制', '二、保障措施', '（一）资金保障'),
        { says: '层次应统一' },
      ],
    ],
  });
});

describe('class 5c — F-03: documents dated before the 条例 took effect (2012-07-01)', () => {
  const dated = (date: string, over: Over = {}): CheckInput =>
    doc({ date, docNo: `临政发〔${parseDateAny(date)?.y ?? 2011}〕9号`, signers: [], title: '临河县人民政府关于做好防汛工作的通知', ...over });
  table(
    'F-03',
    {
      passes: [
        ['IN-2', 'a 2011 document dated in Chinese numerals: 二〇一一年五月十八日', dated('二〇一一年五月十八日')],
        ['IN-2', 'a 2010 document dated with leading zeros: 2010年03月15日', dated('2010年03月15日')],
        ['IN-2', 'a 2012 document dated the day before: 二〇一二年六月三十日', dated('二〇一二年六月三十日')],
        ['IN-2', 'a 2008 document with ○ for zero: 二○○八年十二月一日', dated('二○○八年十二月一日')],
      ],
      flags: [
        ['IN-2', 'a document dated the day the 条例 took effect, with leading zeros: 2012年07月01日', dated('2012年07月01日'), { severity: 'error' }],
        ['IN-2', 'a 2013 document dated in Chinese numerals: 二〇一三年一月五日', dated('二〇一三年一月五日'), { severity: 'error', says: '阿拉伯数字' }],
        ['IN-2', 'a 2011 date that does not exist: 2011年2月30日', dated('2011年2月30日'), { severity: 'error', says: '不存在' }],
        ['IN-2', 'a 2011 document: only an info finding', dated('二〇一一年五月十八日'), { severity: 'info', says: '2011年5月18日' }],
      ],
    },
    (f) => f.severity === 'info', // a hint is not a finding against the document
  );

  it('IN-2 F-03 a pre-2012 document gets no error, only info; F-08 treats its 7-digit 份号 the same', () => {
    const input = dated('二〇一一年五月十八日', { secrecy: '秘密', secrecyTerm: '1年', copyNo: '0000012' });
    const fs = findings(input).filter((f) => f.rule === 'F-03' || f.rule === 'F-08');
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([
      ['F-03', 'info'],
      ['F-08', 'info'],
    ]);
    expect(predates2012Rules('2012年6月30日')).toBe(true);
    expect(predates2012Rules('2012年7月1日')).toBe(false);
    expect(parseDateAny('二〇一一年十二月三十一日')).toEqual({ y: 2011, m: 12, d: 31 });
  });
});

describe('docs/rules.md notes', () => {
  it('OUT-4 every rule note names a rule, and the organ note says how to describe the 人大常委会', () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const n of RULE_NOTES) expect(ids.has(n.id), n.id).toBe(true);
    for (const id of ['R-ROUTE-10', 'X-08', 'R-ROUTE-06b', 'X-16', 'F-21', 'X-10', 'F-03']) expect(RULE_NOTES.map((n) => n.id)).toContain(id);
    const organs = ORGAN_NOTES.join('\n');
    expect(organs).toContain('"kind": "人大常委会"');
    expect(organs).toContain('superiors');
  });
});
