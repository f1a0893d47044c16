import { describe, expect, it } from 'vitest';
import { baseDoc, baseNotice, findings, notice, O, request, signer } from './fixtures';
import { ruleSuite } from './rule-suite';

const person = (name: string, organ: string) => ({ person: name, organ });

describe('R-ROUTE-00 行文必要性', () => {
  ruleSuite('R-ROUTE-00', {
    breaks: [
      ['a 请示 with an empty body', baseDoc({ body: '' }), { severity: 'info', path: 'document.body', says: '正文为空' }],
      ['a 通知 whose body is only blanks', baseNotice({ body: '   \n ' }), { severity: 'info' }],
      [
        'a 报告 that states no purpose or basis',
        request(O.countyGov, [O.cityGov], {
          type: '报告',
          title: '某县人民政府关于防汛工作情况的报告',
          matters: [],
          body: '现将有关情况报告如下：一、……\n特此报告。',
        }),
        { severity: 'info', says: '行文目的' },
      ],
      [
        'a 函 that jumps straight to the request',
        request(O.countyGov, [O.otherCountyGov], { type: '函', title: '某县人民政府关于商请提供资料的函', matters: [], body: '请贵县协助提供有关资料。' }),
        { severity: 'info' },
      ],
    ],
    passes: [
      ['the clean 请示 (“今年6月以来……”)', baseDoc()],
      ['the clean 通知 (“为做好……”)', baseNotice()],
      [
        'a 批复 opening with “……收悉”',
        notice(O.cityGov, [O.countyGov], {
          type: '批复',
          title: '某市人民政府关于追加防汛经费的批复',
          body: '你县《关于追加防汛经费的请示》收悉。经研究，同意追加。',
        }),
      ],
      [
        'a 纪要 (not a type that must argue its purpose)',
        notice(O.cityGov, [], { type: '纪要', title: '某市人民政府常务会议纪要', body: '会议议定以下事项。' }),
      ],
      ['a 函 opening with “根据……”', request(O.countyGov, [O.otherCountyGov], { type: '函', matters: [], body: '根据省里统一部署，请贵县协助提供有关资料。' })],
    ],
  });
});

describe('R-ROUTE-01 越级行文', () => {
  ruleSuite('R-ROUTE-01', {
    breaks: [
      [
        'a township 请示 to the city without the county in 抄送 (digest example)',
        request(O.townGov, [O.cityGov]),
        { severity: 'error', path: 'document.copyTo', says: '某县人民政府' },
      ],
      [
        'a township 请示 to the city with no 越级理由',
        request(O.townGov, [O.cityGov], { copyTo: [O.countyGov] }),
        { severity: 'warning', path: 'document.flags.skipLevelReason', count: 1 },
      ],
      [
        'a county department writing to the city government without copying its own government',
        request(O.countyFinance, [O.cityGov], { copyTo: [O.cityFinance], flags: { skipLevelReason: '重大突发事件' } }),
        { severity: 'error', says: '某县人民政府', count: 1 },
      ],
      [
        'a city government office reporting to the province over the city government',
        request(O.cityGovOffice, [O.provGov], { type: '报告', matters: [], body: '为……特此报告。' }),
        { severity: 'warning', path: 'document.flags.skipLevelReason' },
      ],
      [
        'a city government writing down to a township without its county',
        notice(O.cityGov, [O.townGov]),
        { severity: 'warning', path: 'document.mainTo[0]', says: '某县人民政府' },
      ],
      [
        'a provincial department writing to a county department over the city department',
        notice(O.provEdu, [O.countyEdu]),
        { severity: 'warning', says: '某市教育局' },
      ],
    ],
    passes: [
      ['the clean 请示 (county to its city)', baseDoc()],
      [
        'a township 请示 to the city with a reason and the county copied (digest example)',
        request(O.townGov, [O.cityGov], { copyTo: [O.countyGov], flags: { skipLevelReason: '重大突发事件' } }),
      ],
      ['a city department 请示 to its competent provincial department', request(O.cityEdu, [O.provEdu])],
      ['a city 通知 to a county and its township together (多级行文)', notice(O.cityGov, [O.countyGov, O.townGov])],
      ['a city 通知 to a township with the county copied', notice(O.cityGov, [O.townGov], { copyTo: [O.countyGov] })],
      ['a 函 between two county governments', request(O.countyGov, [O.otherCountyGov], { type: '函', matters: [] })],
    ],
  });
});

describe('R-ROUTE-02 上行文主送一个上级机关', () => {
  ruleSuite('R-ROUTE-02', {
    breaks: [
      [
        'a 请示 sent to the city government and the city finance bureau (digest example)',
        baseDoc({ mainTo: [O.cityGov, O.cityFinance], copyTo: [] }),
        { severity: 'error', path: 'document.mainTo', says: '当前主送2个机关' },
      ],
      ['a 请示 sent to both leaders of a dual-led county department', request(O.countyEdu, [O.countyGov, O.cityEdu]), { severity: 'error' }],
      ['a 请示 sent to three organs', request(O.townGov, [O.countyGov, O.otherCountyGov, O.countyFinance]), { severity: 'error', says: '3个' }],
      [
        'a 报告 sent to two superiors (warning)',
        request(O.countyEdu, [O.countyGov, O.cityEdu], { type: '报告', matters: [], body: '为……特此报告。' }),
        { severity: 'warning', path: 'document.mainTo' },
      ],
      [
        'an upward 意见 sent to two superiors (warning)',
        request(O.cityFinance, [O.cityGov, O.provFinance], { type: '意见', matters: [], body: '为……提出如下意见。' }),
        { severity: 'warning' },
      ],
    ],
    passes: [
      ['the clean 请示 (one 主送)', baseDoc()],
      ['a 报告 with one 主送 and related superiors copied', request(O.countyEdu, [O.countyGov], { type: '报告', matters: [], copyTo: [O.cityEdu] })],
      ['a 通知 to two subordinates (下行)', baseNotice()],
      ['a 函 to two peers (平行)', request(O.cityFinance, [O.cityEdu, O.cityTransport], { type: '函', matters: [] })],
    ],
  });
});

describe('R-ROUTE-03 上行文不抄送下级机关', () => {
  ruleSuite('R-ROUTE-03', {
    breaks: [
      [
        'a county 请示 copied to its township (digest example)',
        baseDoc({ copyTo: [O.townGov] }),
        { severity: 'error', path: 'document.copyTo[0]', says: '某镇人民政府' },
      ],
      [
        'a county 报告 copied to its own education bureau',
        request(O.countyGov, [O.cityGov], { type: '报告', matters: [], copyTo: [O.countyEdu] }),
        { severity: 'error', path: 'document.copyTo[0]' },
      ],
      [
        'a 请示 copied to a related superior and a subordinate',
        baseDoc({ copyTo: [O.cityFinance, O.townGov] }),
        { severity: 'error', path: 'document.copyTo[1]', count: 1 },
      ],
      [
        'a 报告 whose 主送 mixes the city and a township',
        request(O.countyGov, [O.cityGov, O.townGov], { type: '报告', matters: [] }),
        { severity: 'error', path: 'document.mainTo[1]' },
      ],
      ['a city department 请示 copied to the county department it leads', request(O.cityEdu, [O.provEdu], { copyTo: [O.countyEdu] }), { severity: 'error' }],
    ],
    passes: [
      ['the clean 请示 (copied to a related city department)', baseDoc()],
      ['a 请示 copied to a peer county', baseDoc({ copyTo: [O.otherCountyGov] })],
      ['a 通知 (下行) copied to a township', notice(O.cityGov, [O.countyGov], { copyTo: [O.townGov] })],
      ['a 报告 copied to the city party committee', request(O.countyGov, [O.cityGov], { type: '报告', matters: [], copyTo: [O.cityParty] })],
    ],
  });
});

describe('R-ROUTE-04 部门向上级主管部门请示重大事项', () => {
  ruleSuite('R-ROUTE-04', {
    breaks: [
      [
        'a county education bureau asking the city bureau on a major matter without county approval',
        request(O.countyEdu, [O.cityEdu], { flags: { important: true } }),
        { severity: 'error', path: 'document.flags.govApprovedRef', says: '某县人民政府' },
      ],
      [
        'a city finance bureau reporting a major matter to the provincial department',
        request(O.cityFinance, [O.provFinance], { type: '报告', matters: [], flags: { important: true } }),
        { severity: 'error' },
      ],
      [
        'a major-matter 请示 with a blank approval record',
        request(O.cityEdu, [O.provEdu], { flags: { important: true, govApprovedRef: '  ' } }),
        { severity: 'error' },
      ],
      [
        'a department sending a remit matter to the higher government instead of its competent department',
        request(O.cityEdu, [O.provGov], { copyTo: [O.cityGov, O.provEdu] }),
        { severity: 'info', path: 'document.mainTo[0]', says: '某省教育厅' },
      ],
    ],
    passes: [
      [
        'a major-matter 请示 with the county government’s approval recorded',
        request(O.countyEdu, [O.cityEdu], { flags: { important: true, govApprovedRef: '县政府第12次常务会议同意' } }),
      ],
      ['a routine 请示 sent straight to the competent department', request(O.countyEdu, [O.cityEdu])],
      ['a county government 请示 on a major matter (not a department)', baseDoc({ flags: { important: true } })],
      ['a department 请示 on a major matter to its own government', request(O.countyEdu, [O.countyGov], { flags: { important: true } })],
    ],
  });
});

describe('R-ROUTE-05 转报请示', () => {
  const fwd = { forwardedFrom: '某镇人民政府关于修复水毁道路的请示' };
  ruleSuite('R-ROUTE-05', {
    breaks: [
      [
        'a forwarded 请示 without a stance',
        request(O.countyGov, [O.cityGov], { flags: fwd, body: '某镇遭受洪灾，道路损毁。经研究，建议市政府给予支持。妥否，请批示。' }),
        { severity: 'error', path: 'document.flags.stanceOpinion', count: 1 },
      ],
      [
        'a 请示 that forwards the original text (原文转报)',
        request(O.countyGov, [O.cityGov], {
          flags: { ...fwd, stanceOpinion: '同意' },
          body: '现将某镇人民政府《关于修复水毁道路的请示》转报你们，请审批。',
        }),
        { severity: 'error', path: 'document.body', count: 1 },
      ],
      [
        'a 原文转报 with no stance at all (two findings)',
        request(O.countyGov, [O.cityGov], { flags: fwd, body: '原文转报某镇人民政府的请示，请批示。' }),
        { count: 2 },
      ],
      [
        'a forwarded 请示 whose stance is blank',
        request(O.countyGov, [O.cityGov], { flags: { ...fwd, stanceOpinion: ' ' } }),
        { path: 'document.flags.stanceOpinion' },
      ],
    ],
    passes: [
      ['the clean 请示 (not forwarded)', baseDoc()],
      [
        'a forwarded 请示 with a stance stated in the body',
        request(O.countyGov, [O.cityGov], {
          flags: { ...fwd, stanceOpinion: '建议给予300万元补助' },
          body: '现将某镇人民政府《关于修复水毁道路的请示》转报你们。经审核，情况属实，我县建议市政府给予300万元补助。妥否，请批示。',
        }),
      ],
      ['a forwarded 报告 (the rule concerns 请示)', request(O.countyGov, [O.cityGov], { type: '报告', matters: [], flags: fwd, body: '为……特此报告。' })],
      ['a forwarded 请示 with a stance and its own text', request(O.countyGov, [O.cityGov], { flags: { ...fwd, stanceOpinion: '同意' } })],
    ],
  });
});

describe('R-ROUTE-06a 请示一文一事', () => {
  ruleSuite('R-ROUTE-06a', {
    breaks: [
      ['a 请示 with no 请示事项', baseDoc({ matters: [] }), { severity: 'error', path: 'document.matters' }],
      [
        'a 请示 asking for flood funds and an office repair (digest example)',
        baseDoc({ matters: ['追加防汛经费', '办公楼维修'] }),
        { severity: 'error', says: '2项' },
      ],
      ['a 请示 with three matters', baseDoc({ matters: ['甲', '乙', '丙'] }), { severity: 'error', says: '拆分为3件' }],
      [
        'a 请示 whose body asks for approval twice (warning)',
        baseDoc({ body: '为……特请求追加防汛经费，请予批准。另请求维修办公楼，妥否，请批示。' }),
        { severity: 'warning', path: 'document.body' },
      ],
    ],
    passes: [
      ['the clean 请示', baseDoc()],
      ['a 请示 closing with “请予批准” once', baseDoc({ body: '为保障防汛工作，特请求追加经费，请予批准。' })],
      ['a 请示 with no closing formula', baseDoc({ body: '为保障防汛工作，特请求追加经费。' })],
      ['a 报告 without 请示事项 (the rule concerns 请示)', request(O.countyGov, [O.cityGov], { type: '报告', matters: [] })],
    ],
  });
});

describe('R-ROUTE-06b 报告不得夹带请示事项', () => {
  const report = (body: string, matters: string[] = []) =>
    request(O.countyGov, [O.cityGov], { type: '报告', title: '某县人民政府关于防汛工作情况的报告', matters, body });
  ruleSuite('R-ROUTE-06b', {
    breaks: [
      ['a 报告 ending with “妥否，请批示”', report('为……现将情况报告如下。妥否，请批示。'), { severity: 'error', says: '妥否，请批示' }],
      ['a 报告 asking “请予批准”', report('为……拟追加经费500万元，请予批准。'), { severity: 'error', path: 'document.body' }],
      ['a 报告 ending with “当否，请批复”', report('为……当否，请批复。'), { severity: 'error' }],
      ['a 报告 listing a 请示事项', report('为……特此报告。', ['追加经费']), { severity: 'error', path: 'document.matters' }],
    ],
    passes: [
      ['a 报告 ending with “特此报告”', report('为……现将有关情况报告如下。特此报告。')],
      ['a 报告 mentioning a project already submitted (“已报请批准”)', report('为……该项目已报请批准，现将进展报告如下。特此报告。')],
      ['a 报告 mentioning a bill submitted (“提请审批”)', report('根据……已提请审批。特此报告。')],
      ['a 请示 with “妥否，请批示” (the rule concerns 报告)', baseDoc()],
    ],
  });
});

describe('R-ROUTE-07 不得向上级机关负责人个人报送公文', () => {
  ruleSuite('R-ROUTE-07', {
    breaks: [
      [
        'a 请示 addressed to the mayor in person',
        baseDoc({ mainTo: [person('李市长', O.cityGov)] }),
        { severity: 'error', path: 'document.mainTo[0]', says: '李市长' },
      ],
      [
        'a 函 addressed to a person of a peer organ',
        request(O.countyGov, [person('赵局长', O.otherCountyGov)], { type: '函', matters: [], flags: { leaderAssigned: '无' } }),
        { severity: 'error', says: '不应为个人' },
      ],
      ['a 请示 titled in the name of the county head', baseDoc({ title: '王某关于追加防汛经费的请示' }), { severity: 'error', path: 'document.title' }],
      [
        'a 报告 titled “县长关于……的报告”',
        request(O.countyGov, [O.cityGov], { type: '报告', matters: [], title: '县长关于防汛工作情况的报告' }),
        { severity: 'error', path: 'document.title' },
      ],
    ],
    passes: [
      ['the clean 请示', baseDoc()],
      [
        'a 报告 to the mayor on a matter he assigned directly',
        request(O.countyGov, [person('李市长', O.cityGov)], { type: '报告', matters: [], flags: { leaderAssigned: '李市长6月1日批示交办' } }),
      ],
      ['a 通知 (下行) titled with the organ', baseNotice()],
      [
        'an upward 报告 of a government office',
        request(O.cityGovOffice, [O.cityGov], { type: '报告', matters: [], title: '某市人民政府办公室关于值班情况的报告' }),
      ],
    ],
  });
});

describe('R-ROUTE-08 双重领导机关上行抄送另一上级', () => {
  ruleSuite('R-ROUTE-08', {
    breaks: [
      [
        'a dual-led county bureau 请示 to the county only',
        request(O.countyEdu, [O.countyGov]),
        { severity: 'info', path: 'document.copyTo', says: '某市教育局' },
      ],
      [
        'a city finance bureau 报告 to the city only',
        request(O.cityFinance, [O.cityGov], { type: '报告', matters: [] }),
        { severity: 'info', says: '某省财政厅' },
      ],
      ['a city education bureau 请示 to the provincial department only', request(O.cityEdu, [O.provEdu]), { severity: 'info', says: '某市人民政府' }],
    ],
    passes: [
      ['a dual-led bureau copying its other superior', request(O.countyEdu, [O.countyGov], { copyTo: [O.cityEdu] })],
      ['the clean 请示 (single superior)', baseDoc()],
      ['a dual-led bureau writing down (下行)', notice(O.cityEdu, [O.countyEdu], { copyTo: [O.countyGov] })],
      ['a city education bureau copying the city government', request(O.cityEdu, [O.provEdu], { copyTo: [O.cityGov] })],
    ],
  });
});

describe('R-ROUTE-09 重要下行文抄送直接上级', () => {
  ruleSuite('R-ROUTE-09', {
    breaks: [
      ['an important city 通知 not copied to the province', baseNotice({ flags: { important: true } }), { severity: 'warning', says: '某省人民政府' }],
      [
        'an important county 通知 to a township',
        notice(O.countyGov, [O.townGov], { flags: { important: true } }),
        { severity: 'warning', says: '某市人民政府' },
      ],
      [
        'an important city bureau 通知 copied to only one of its two superiors',
        notice(O.cityEdu, [O.countyEdu], { copyTo: [O.countyGov, O.cityGov], flags: { important: true } }),
        { severity: 'warning', says: '某省教育厅' },
      ],
    ],
    passes: [
      ['an important city 通知 copied to the province', baseNotice({ copyTo: [O.provGov], flags: { important: true } })],
      ['a routine city 通知', baseNotice()],
      ['an important 请示 (上行)', baseDoc({ flags: { important: true } })],
      [
        'an important city bureau 通知 copied to both superiors',
        notice(O.cityEdu, [O.countyEdu], { copyTo: [O.countyGov, O.cityGov, O.provEdu], flags: { important: true } }),
      ],
    ],
  });
});

describe('R-ROUTE-10 部门不得向下级党委政府发指令性公文', () => {
  const approved = { govApprovedRef: '市政府2024年第5次常务会议' };
  ruleSuite('R-ROUTE-10', {
    breaks: [
      [
        'a city transport bureau directive to county governments (digest example)',
        notice(O.cityTransport, [O.countyGov, O.otherCountyGov], {
          title: '某市交通运输局关于开展道路隐患排查的通知',
          body: '为……各县人民政府要于6月底前完成排查。',
        }),
        { severity: 'error', path: 'document.mainTo[0]', count: 2 },
      ],
      [
        'a bureau notice flagged as directive',
        notice(O.cityFinance, [O.countyGov], { flags: { directive: true } }),
        { severity: 'error', says: '某市人民政府' },
      ],
      [
        'an approved bureau notice that does not say so in the text',
        notice(O.cityTransport, [O.countyGov], { flags: { directive: true, ...approved } }),
        { severity: 'error', path: 'document.body', says: '经某市人民政府同意' },
      ],
      [
        'a 议事协调机构 directive to a county government',
        notice(O.cityFlood, [O.countyGov], { body: '为……各县必须于汛前完成物资储备。' }),
        { severity: 'error' },
      ],
      [
        'a provincial department directive to a county party committee',
        notice(O.provEdu, [O.countyParty], { flags: { directive: true } }),
        { severity: 'error' },
      ],
      [
        'a government office directive to county governments without a recorded authorisation (warning)',
        notice(O.cityGovOffice, [O.countyGov], { flags: { directive: true } }),
        { severity: 'warning', path: 'document.flags.govApprovedRef' },
      ],
      [
        'a government office 通知 to county party committees with no authorisation at all (warning)',
        notice(O.cityPartyOffice, [O.countyParty]),
        { severity: 'warning', says: '中共某市委员会' },
      ],
    ],
    passes: [
      [
        'an approved bureau notice stating “经市人民政府同意”',
        notice(O.cityTransport, [O.countyGov], {
          flags: { directive: true, ...approved },
          body: '经某市人民政府同意，现将有关事项通知如下：各县要于6月底前完成排查。',
        }),
      ],
      ['a city government directive to its counties', notice(O.cityGov, [O.countyGov], { flags: { directive: true } })],
      ['a city bureau directive to the county bureau (部门之间，Art 16(三))', notice(O.cityEdu, [O.countyEdu], { flags: { directive: true } })],
      ['a bureau 函 asking counties for data (not directive)', notice(O.cityTransport, [O.countyGov], { type: '函', body: '为……请于6月底前报送有关资料。' })],
      ['an authorised government office directive', notice(O.cityGovOffice, [O.countyGov], { flags: { directive: true, ...approved } })],
    ],
  });
});

describe('R-ROUTE-11 未协商一致不得向下行文', () => {
  const open = { involvesOtherUnits: true, countersignComplete: false };
  ruleSuite('R-ROUTE-11', {
    breaks: [
      [
        'a city 通知 touching other departments without countersign',
        baseNotice({ flags: open }),
        { severity: 'error', path: 'document.flags.countersignComplete' },
      ],
      ['a county 通知 to a township without countersign', notice(O.countyGov, [O.townGov], { flags: open }), { severity: 'error' }],
      ['a city bureau 通知 to the county bureau without countersign', notice(O.cityEdu, [O.countyEdu], { flags: open, signers: [] }), { severity: 'error' }],
    ],
    passes: [
      ['a city 通知 with countersign complete', baseNotice({ flags: { involvesOtherUnits: true, countersignComplete: true } })],
      ['a city 通知 that touches no other department', baseNotice()],
      ['an upward 请示 touching other departments (not 下行)', baseDoc({ flags: open, signers: [] })],
    ],
  });
});

describe('R-ROUTE-12 向双重领导下级行文抄送其另一上级', () => {
  ruleSuite('R-ROUTE-12', {
    breaks: [
      ['a city bureau 通知 to the dual-led county bureau', notice(O.cityEdu, [O.countyEdu]), { severity: 'info', says: '某县人民政府' }],
      ['a city government 通知 to a county bureau', notice(O.cityGov, [O.countyEdu], { copyTo: [O.countyGov] }), { severity: 'info', says: '某市教育局' }],
      ['a provincial department 通知 to a city bureau', notice(O.provFinance, [O.cityFinance]), { severity: 'info', says: '某市人民政府' }],
    ],
    passes: [
      ['a city bureau 通知 copying the county government', notice(O.cityEdu, [O.countyEdu], { copyTo: [O.countyGov] })],
      ['a city 通知 to county governments (single leader)', baseNotice()],
      ['an upward 请示 of a dual-led bureau', request(O.countyEdu, [O.countyGov], { copyTo: [O.cityEdu] })],
    ],
  });
});

describe('routing worked examples', () => {
  it('R-ROUTE-02 R-ROUTE-03 R-ROUTE-06a R-SIGN-01: the digest’s invalid 请示 gets every expected error', () => {
    const input = baseDoc({
      mainTo: [O.cityGov, O.cityFinance],
      copyTo: [O.townGov],
      matters: ['追加防汛经费', '办公楼维修'],
      signers: [signer(O.countyGov, '赵某', { role: '分管负责人' })],
      signatory: ['赵某'],
    });
    const rules = findings(input)
      .filter((f) => f.severity === 'error')
      .map((f) => f.rule);
    for (const r of ['R-ROUTE-02', 'R-ROUTE-03', 'R-ROUTE-06a', 'R-SIGN-01']) expect(rules).toContain(r);
  });
});
