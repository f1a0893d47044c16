import { describe, expect, it } from 'vitest';
import type { CheckInput, Issuer } from '../types';
import { findings, notice, O, signer } from './fixtures';
import { ruleSuite } from './rule-suite';

/** A clean joint 通知: the organs in order, the first one 主办, each signed by its head. */
function joint(organs: string[], mainTo: string[] = [O.countyGov], over: Parameters<typeof notice>[2] = {}): CheckInput {
  const issuers: Issuer[] = organs.map((organ, i) => ({ organ, lead: i === 0 }));
  return notice(organs[0]!, mainTo, {
    issuers,
    signers: organs.map((o, i) => signer(o, `负责人${i + 1}`, { signedAt: '2024-06-05' })),
    ...over,
  });
}

describe('R-JOINT-01 联合行文机关同级', () => {
  ruleSuite('R-JOINT-01', {
    breaks: [
      [
        'a city government jointly with a county government',
        joint([O.cityGov, O.countyGov], [O.townGov]),
        { severity: 'error', path: 'document.issuers[1].organ', says: '县级' },
      ],
      ['a city finance bureau jointly with a county finance bureau', joint([O.cityFinance, O.countyFinance], [O.townGov]), { severity: 'error' }],
      ['a provincial department jointly with a city bureau', joint([O.provEdu, O.cityEdu], [O.countyEdu]), { severity: 'error', says: '省级' }],
      [
        'a county government jointly with the city finance bureau (lead second)',
        notice(O.countyGov, [O.townGov], {
          issuers: [
            { organ: O.countyGov, lead: true },
            { organ: O.cityFinance, lead: false },
          ],
        }),
        { path: 'document.issuers[1].organ' },
      ],
    ],
    passes: [
      ['the city party committee with the city government', joint([O.cityParty, O.cityGov])],
      ['two departments of the city government', joint([O.cityFinance, O.cityEdu])],
      ['a provincial government with a provincial department', joint([O.provGov, O.provEdu], [O.cityGov])],
      ['a single issuer', notice(O.cityGov, [O.countyGov])],
    ],
  });
});

describe('R-JOINT-02 党委政府各自职权内的工作不联合行文', () => {
  ruleSuite('R-JOINT-02', {
    breaks: [
      ['the city party committee with the city government', joint([O.cityParty, O.cityGov]), { severity: 'warning', path: 'document.issuers' }],
      ['the county party committee with the county government', joint([O.countyParty, O.countyGov], [O.townGov]), { severity: 'warning' }],
      [
        'the provincial government with the provincial party committee',
        joint([O.provGov, O.provParty], [O.cityGov]),
        { severity: 'warning', says: '职权范围' },
      ],
    ],
    passes: [
      ['the two general offices (两办)', joint([O.cityPartyOffice, O.cityGovOffice])],
      ['two government departments', joint([O.cityFinance, O.cityEdu])],
      ['a single government', notice(O.cityGov, [O.countyGov])],
      ['a government with the people’s congress standing committee', joint([O.cityGov, O.cityPc])],
    ],
  });
});

describe('R-JOINT-03 主办机关与发文字号', () => {
  ruleSuite('R-JOINT-03', {
    breaks: [
      [
        'a joint 通知 whose 主办机关 is listed second',
        joint([O.cityFinance, O.cityEdu], [O.countyGov], {
          issuers: [
            { organ: O.cityFinance, lead: false },
            { organ: O.cityEdu, lead: true },
          ],
        }),
        { severity: 'error', path: 'document.issuers[0]', says: '某市教育局' },
      ],
      [
        'a joint 通知 with two 主办机关',
        joint([O.cityFinance, O.cityEdu], [O.countyGov], {
          issuers: [
            { organ: O.cityFinance, lead: true },
            { organ: O.cityEdu, lead: true },
          ],
        }),
        { severity: 'error', path: 'document.issuers' },
      ],
      [
        'a joint 通知 carrying two 发文字号 (digest example)',
        joint([O.cityFinance, O.cityEdu], [O.countyGov], { docNo: '市财发〔2024〕3号、市教发〔2024〕5号' }),
        { severity: 'error', path: 'document.docNo' },
      ],
      ['a joint 通知 listing the same organ twice', joint([O.cityFinance, O.cityFinance]), { severity: 'error', path: 'document.issuers[1].organ' }],
    ],
    passes: [
      ['a joint 通知 with its 主办机关 first and one number', joint([O.cityFinance, O.cityEdu], [O.countyGov], { docNo: '市财发〔2024〕3号' })],
      ['a joint 通知 not yet numbered', joint([O.cityFinance, O.cityEdu], [O.countyGov], { docNo: null })],
      [
        'a joint 通知 with no lead flag (the first organ leads)',
        joint([O.cityFinance, O.cityEdu], [O.countyGov], {
          issuers: [
            { organ: O.cityFinance, lead: false },
            { organ: O.cityEdu, lead: false },
          ],
        }),
      ],
      ['a single issuer (not joint)', notice(O.cityGov, [O.countyGov])],
    ],
  });
});

describe('joint worked example', () => {
  it('R-JOINT-01 R-JOINT-03: a district with the city finance bureau carrying two numbers gets both errors', () => {
    const input = joint([O.countyGov, O.cityFinance], [O.townGov], { docNo: '县政发〔2024〕1号，市财发〔2024〕2号' });
    const rules = findings(input).map((f) => f.rule);
    expect(rules).toContain('R-JOINT-01');
    expect(rules).toContain('R-JOINT-03');
  });
  it('R-SIGN-03 a clean joint 通知 signed by all co-issuers has no joint finding', () => {
    const got = findings(joint([O.cityFinance, O.cityEdu], [O.countyEdu])).filter((f) => /JOINT|SIGN/.test(f.rule));
    expect(got).toEqual([]);
  });
});
