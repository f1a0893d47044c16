import { describe } from 'vitest';
import type { Issuer } from '../types';
import { baseDoc, baseNotice, notice, O, request, signer } from './fixtures';
import { ruleSuite } from './rule-suite';

describe('R-ORG-01 内设机构不得对外正式行文', () => {
  ruleSuite('R-ORG-01', {
    breaks: [
      [
        'a budget section writing to a county finance bureau',
        notice(O.cityFinanceBudget, [O.countyFinance]),
        { severity: 'error', path: 'document.issuers[0].organ', says: '某市财政局' },
      ],
      ['a budget section reporting to the city government', request(O.cityFinanceBudget, [O.cityGov], { type: '报告', matters: [] }), { severity: 'error' }],
      ['a budget section publishing a 通告 with no addressee', notice(O.cityFinanceBudget, [], { type: '通告' }), { severity: 'error' }],
      [
        'a budget section as a co-issuer',
        notice(O.cityFinance, [O.countyFinance], {
          issuers: [
            { organ: O.cityFinance, lead: true },
            { organ: O.cityFinanceBudget, lead: false },
          ] as Issuer[],
        }),
        { path: 'document.issuers[1].organ' },
      ],
      [
        'a budget section writing internally but copying outside',
        notice(O.cityFinanceBudget, [O.cityFinance], { copyTo: [O.cityEdu] }),
        { severity: 'error', says: '某市教育局' },
      ],
    ],
    passes: [
      ['a department’s own office (办公室) writing out', notice(O.cityFinanceOffice, [O.countyFinance])],
      ['a budget section writing to its own bureau', request(O.cityFinanceBudget, [O.cityFinance], { type: '报告', matters: [] })],
      ['the city finance bureau itself', notice(O.cityFinance, [O.countyFinance])],
      ['a government general office', notice(O.cityGovOffice, [O.countyGov])],
    ],
  });
});

describe('R-SIGN-01 上行文和重要公文由主要负责人签发', () => {
  ruleSuite('R-SIGN-01', {
    breaks: [
      [
        'a 请示 signed by a deputy county head without “代” (digest example)',
        baseDoc({ signers: [signer(O.countyGov, '赵某', { role: '分管负责人' })], signatory: ['赵某'] }),
        { severity: 'error', path: 'document.signers[0].role', says: '分管负责人' },
      ],
      [
        'an important 通知 signed by a deputy mayor',
        baseNotice({ flags: { important: true }, copyTo: [O.provGov], signers: [signer(O.cityGov, '钱某', { role: '分管负责人', signedAt: '2024-06-05' })] }),
        { severity: 'error', says: '重要公文' },
      ],
      [
        'a 报告 signed “受权” by a government (not an office)',
        request(O.countyGov, [O.cityGov], { type: '报告', matters: [], signers: [signer(O.countyGov, '孙某', { role: '受权' })] }),
        { severity: 'error' },
      ],
      [
        'an upward joint document where one co-issuer was signed by a deputy',
        request(O.countyEdu, [O.cityEdu], {
          issuers: [
            { organ: O.countyEdu, lead: true },
            { organ: O.countyFinance, lead: false },
          ],
          signers: [signer(O.countyEdu, '王某'), signer(O.countyFinance, '周某', { role: '分管负责人' })],
        }),
        { severity: 'error', path: 'document.signers[1].role' },
      ],
    ],
    passes: [
      ['the clean 请示 signed by the county head', baseDoc()],
      ['a 请示 signed by a deputy on the head’s behalf (代)', baseDoc({ signers: [signer(O.countyGov, '赵某', { role: '分管负责人', proxy: true })] })],
      ['a routine 通知 signed by a deputy mayor', baseNotice({ signers: [signer(O.cityGov, '钱某', { role: '分管负责人' })] })],
      [
        'an office 报告 signed under authorisation (受权)',
        request(O.cityGovOffice, [O.cityGov], { type: '报告', matters: [], signers: [signer(O.cityGovOffice, '孙某', { role: '受权' })] }),
      ],
      ['a 请示 not yet signed', baseDoc({ signers: [] })],
    ],
  });
});

describe('R-SIGN-02 签署意见、姓名和完整日期', () => {
  const s = (over: Parameters<typeof signer>[2]) => baseDoc({ signers: [signer(O.countyGov, '王某', over)] });
  ruleSuite('R-SIGN-02', {
    breaks: [
      ['a signature without a name', s({ name: '' }), { severity: 'error', path: 'document.signers[0].name' }],
      ['a signature without a date', s({ signedAt: null }), { severity: 'error', path: 'document.signers[0].signedAt' }],
      ['a signature dated only by month', s({ signedAt: '2024-06' }), { severity: 'error', says: '不完整' }],
      ['a signature dated on an impossible day', s({ signedAt: '2024-02-30' }), { severity: 'error' }],
      ['a signature whose opinion is “不同意”', s({ opinion: '不同意，请修改后再报' }), { severity: 'error', path: 'document.signers[0].opinion' }],
      ['a signature without an opinion (warning)', s({ opinion: null }), { severity: 'warning', path: 'document.signers[0].opinion', count: 1 }],
    ],
    passes: [
      ['the clean signature', baseDoc()],
      ['a circled signature (圈阅 counts as 同意)', s({ opinion: '圈阅' })],
      ['a date written 2024年6月3日', s({ signedAt: '2024年6月3日' })],
      ['a leap-day date with a time', s({ signedAt: '2024-02-29T10:30:00+08:00' })],
      ['no signature yet', baseDoc({ signers: [] })],
    ],
  });
});

describe('R-SIGN-03 联合发文由所有联署机关负责人会签', () => {
  const two: Issuer[] = [
    { organ: O.cityParty, lead: true },
    { organ: O.cityGov, lead: false },
  ];
  ruleSuite('R-SIGN-03', {
    breaks: [
      [
        'a party–government joint 通知 signed only by the government',
        baseNotice({ issuers: two, signers: [signer(O.cityGov, '李某')] }),
        { severity: 'error', path: 'document.signers', says: '中共某市委员会' },
      ],
      ['a 请示 signed only by someone of another organ', baseDoc({ signers: [signer(O.cityFinance, '吴某')] }), { severity: 'error', says: '某县人民政府' }],
      [
        'a three-organ joint 通知 signed by the lead only',
        notice(O.cityFinance, [O.countyFinance], {
          issuers: [
            { organ: O.cityFinance, lead: true },
            { organ: O.cityEdu, lead: false },
            { organ: O.cityTransport, lead: false },
          ],
          signers: [signer(O.cityFinance, '郑某')],
        }),
        { severity: 'error', says: '某市教育局、某市交通运输局', count: 1 },
      ],
    ],
    passes: [
      ['a joint 通知 signed by both heads', baseNotice({ issuers: two, signers: [signer(O.cityParty, '陈某'), signer(O.cityGov, '李某')] })],
      ['a joint 通知 not yet signed', baseNotice({ issuers: two, signers: [] })],
      ['the clean single-issuer 请示', baseDoc()],
    ],
  });
});

describe('R-SIGN-04 会签完成后方可签发', () => {
  const open = { involvesOtherUnits: true, countersignComplete: false };
  ruleSuite('R-SIGN-04', {
    breaks: [
      [
        'a signed 请示 touching other departments before countersign',
        baseDoc({ flags: open }),
        { severity: 'error', path: 'document.flags.countersignComplete' },
      ],
      ['a signed 函 between peers before countersign', request(O.cityFinance, [O.cityEdu], { type: '函', matters: [], flags: open }), { severity: 'error' }],
      ['a signed 报告 before countersign', request(O.countyGov, [O.cityGov], { type: '报告', matters: [], flags: open }), { severity: 'error' }],
    ],
    passes: [
      ['an unsigned 请示 still in countersign', baseDoc({ flags: open, signers: [] })],
      ['a signed 请示 after countersign', baseDoc({ flags: { involvesOtherUnits: true, countersignComplete: true } })],
      ['a signed 通知 (下行, left to R-ROUTE-11)', baseNotice({ flags: open })],
    ],
  });
});
