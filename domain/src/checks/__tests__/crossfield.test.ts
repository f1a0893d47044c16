import { describe, expect, it } from 'vitest';
import { buildContext } from '../context';
import { crossFieldRules, estimateFirstPage, rawCrossFieldRules } from '../rules/crossfield';
import type { CheckDocument, CheckInput, CheckOrgan } from '../types';
import { baseDoc, baseNotice, O, ORGANS, signer, type DocOverrides } from './fixtures';
import { assertWellBehaved, ruleTable, runAll } from './format-helpers';

const req = (over: DocOverrides = {}): CheckInput => baseDoc(over);
const notice = (over: DocOverrides = {}, organs?: CheckOrgan[]): CheckInput => baseNotice(over, organs);
const sec = (secrecy: CheckDocument['secrecy'], secrecyTerm: string | null, copyNo: string | null = '000001'): CheckInput =>
  req({ secrecy, secrecyTerm, copyNo });

/** 某市人民政府's 批复 to 某县人民政府's 请示 */
const reply = (over: DocOverrides = {}): CheckInput =>
  baseNotice({
    type: '批复',
    title: '某市人民政府关于某县追加防汛经费的批复',
    mainTo: [O.countyGov],
    docNo: '市政复〔2024〕3号',
    replyTo: { type: '请示', issuer: O.countyGov, docNo: '县政发〔2024〕18号' },
    body: '你县《关于追加防汛经费的请示》（县政发〔2024〕18号）收悉。经研究，同意追加防汛经费500万元。',
    ...over,
  });

/** a joint 请示 of 某县人民政府 (lead) and 中共某县委员会 to 某市人民政府 */
const jointUp = (over: DocOverrides = {}): CheckInput =>
  baseDoc({
    issuers: [
      { organ: O.countyGov, lead: true },
      { organ: O.countyParty, lead: false },
    ],
    title: '某县人民政府 中共某县委员会关于追加防汛经费的请示',
    signers: [signer(O.countyGov, '王某', { signedAt: '2024-06-03' }), signer(O.countyParty, '赵某', { signedAt: '2024-06-05' })],
    signatory: ['王某', '赵某'],
    date: '2024年6月5日',
    ...over,
  });

/** a 议案 of `issuer` to `to` */
const motion = (issuer: string, to: string[]): CheckInput =>
  baseDoc({
    type: '议案',
    issuers: [{ organ: issuer, lead: true }],
    title: '关于提请审议《某县防汛条例（草案）》的议案',
    mainTo: to,
    copyTo: [],
    matters: [],
    signatory: [],
    signers: [signer(issuer, '王某')],
    note: null,
  });

/** a 函 from `from` to `to` */
const letter = (from: string, to: string[]): CheckInput =>
  baseDoc({
    type: '函',
    issuers: [{ organ: from, lead: true }],
    title: '关于商洽防汛物资调配事宜的函',
    mainTo: to,
    copyTo: [],
    matters: [],
    signatory: [],
    signers: [signer(from, '王某')],
  });

/** many county governments under 某市人民政府 (for the first-page estimate) */
function manyCounties(n: number): CheckOrgan[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `c${i}`,
    name: `某某第${i + 1}县人民政府`,
    kind: '政府' as const,
    level: 4,
    superiors: [O.cityGov],
    parent: null,
  }));
}
const crowd = (n: number, over: DocOverrides = {}): CheckInput => {
  const extra = manyCounties(n);
  return notice({ mainTo: extra.map((o) => o.id), ...over }, [...ORGANS, ...extra]);
};

describe('cross-field rules — registry', () => {
  it('X-01…X-18 are all defined once, in order, with Chinese title and a source', () => {
    expect(crossFieldRules.map((r) => r.id)).toEqual(Array.from({ length: 18 }, (_, i) => `X-${String(i + 1).padStart(2, '0')}`));
    for (const r of crossFieldRules) {
      expect(r.title).toMatch(/[\u4e00-\u9fa5]/u);
      expect(r.source.length).toBeGreaterThan(3);
    }
  });
  it('X-rules find nothing on the clean fixtures', () => {
    for (const input of [req(), notice(), reply()]) {
      expect(runAll(input).filter((f) => f.rule.startsWith('X-'))).toEqual([]);
    }
  });
});

describe('X-01 涉密公文的份号和保密期限', () => {
  ruleTable(
    'X-01',
    [
      { name: 'a 秘密 document without 份号', input: sec('秘密', '1年', null), path: 'document.copyNo', message: /份号/u },
      { name: 'a 机密 document without 保密期限', input: sec('机密', null), path: 'document.secrecyTerm', message: /保密期限/u },
      { name: 'a 绝密 document without either', input: sec('绝密', null, null), path: 'document.copyNo' },
      { name: 'a 保密期限 on an unclassified document', input: sec('none', '1年', null), path: 'document.secrecyTerm', message: /未标注密级/u },
    ],
    [
      { name: 'an unclassified document', input: req() },
      { name: 'a 秘密 document with 份号 and 1年', input: sec('秘密', '秘密★1年') },
      { name: 'an unclassified document with a 份号', input: sec('none', null, '000001') },
    ],
  );
});

describe('X-02 保密期限上限', () => {
  ruleTable(
    'X-02',
    [
      { name: '秘密 for 11 years', input: sec('秘密', '11年'), path: 'document.secrecyTerm', message: /10年/u },
      { name: '机密 for 21 years', input: sec('机密', '机密★21年'), message: /20年/u },
      { name: '秘密 for 130 months', input: sec('秘密', '130个月') },
      { name: '绝密 长期', input: sec('绝密', '绝密★长期'), message: /长期/u },
    ],
    [
      { name: '秘密 for 10 years', input: sec('秘密', '10年') },
      { name: '绝密 for 30 years', input: sec('绝密', '30年') },
      { name: '机密 for 6 months', input: sec('机密', '6个月') },
      { name: 'an unclassified document', input: req() },
    ],
  );
});

describe('X-03 上行文签发人', () => {
  ruleTable(
    'X-03',
    [
      { name: 'a signed 请示 without 签发人', input: req({ signatory: [] }), path: 'document.signatory', message: /王某/u },
      { name: 'a 签发人 who did not sign', input: req({ signatory: ['赵某'] }), path: 'document.signatory[0]', message: /赵某/u },
      { name: 'a joint 请示 that prints only one of two signers', input: jointUp({ signatory: ['王某'] }), message: /赵某/u },
      { name: 'a dated 请示 without signature records or 签发人', input: req({ signers: [], signatory: [] }) },
    ],
    [
      { name: 'the clean 请示', input: req() },
      { name: 'a joint 请示 that prints both signers', input: jointUp() },
      { name: 'a draft 请示 not yet signed', input: req({ signers: [], signatory: [], date: null }) },
      { name: 'a 通知 going down (no 签发人 needed)', input: notice() },
      { name: 'a proxy mark after the name: 王某（代）', input: req({ signatory: ['王某（代）'] }) },
    ],
  );
});

describe('X-04 发文字号年份与成文日期', () => {
  ruleTable(
    'X-04',
    [
      { name: 'a 2023 number on a 2024 document', input: req({ docNo: '县政发〔2023〕18号' }), path: 'document.docNo', message: /2023.*2024/u },
      {
        name: 'a 2025 number dated 2024年12月31日',
        input: req({ docNo: '县政发〔2025〕1号', date: '2024年12月31日', signers: [signer(O.countyGov, '王某', { signedAt: '2024-12-31' })] }),
      },
      { name: 'a malformed number with another year', input: req({ docNo: '县政发[2023]18号' }) },
    ],
    [
      { name: 'the clean 请示', input: req() },
      { name: 'no number yet', input: req({ docNo: null }) },
      { name: 'a 令号 without a year', input: notice({ type: '令', layout: '命令', title: '某市人民政府令', mainTo: [], docNo: '第5号' }) },
    ],
  );
});

describe('X-05 发文字号重号', () => {
  ruleTable(
    'X-05',
    [
      { name: 'a 批复 numbered like the 请示 it answers', input: reply({ docNo: '县政发〔2024〕18号' }), path: 'document.docNo', message: /所答复/u },
      {
        name: 'a body that cites another document with this number',
        input: notice({ body: '根据《某市人民政府关于防汛工作的意见》（市政发〔2024〕7号），现通知如下。' }),
        message: /正文引用/u,
      },
      {
        name: 'a cited number that differs only in bracket style',
        input: notice({ body: '根据《某市人民政府关于防汛工作的意见》（市政发[2024]7号），现通知如下。' }),
      },
    ],
    [
      { name: 'a 批复 with its own number', input: reply() },
      { name: 'a document not yet numbered', input: reply({ docNo: null }) },
      { name: 'a body citing a different number', input: notice({ body: '根据《某市人民政府关于防汛工作的意见》（市政发〔2024〕6号），现通知如下。' }) },
    ],
  );
});

describe('X-06 成文日期与签发日期', () => {
  ruleTable(
    'X-06',
    [
      { name: 'a date before the signature', input: req({ date: '2024年6月2日' }), path: 'document.date', message: /2024年6月3日/u },
      { name: 'a joint document dated at the first, not the last, signature', input: jointUp({ date: '2024年6月3日' }), message: /最后签发.*2024年6月5日/u },
      {
        name: 'a 决定 whose date differs from the meeting date in its title',
        input: notice({ type: '决定', title: '某市人民政府关于表彰防汛先进集体的决定（2024年6月1日市人民政府常务会议通过）' }),
        message: /会议通过日期/u,
      },
    ],
    [
      { name: 'the clean 请示', input: req() },
      { name: 'a joint document dated at the last signature', input: jointUp() },
      {
        name: 'a 决议 (dated by its meeting, not by signatures)',
        input: notice({ type: '决议', title: '某市人民政府关于防汛工作的决议', date: '2024年6月1日' }),
      },
      { name: 'a document without signature records', input: req({ signers: [] }) },
    ],
  );
});

describe('X-07 印发日期不早于成文日期', () => {
  const printed = (line: string): CheckInput => req({ body: `请示事项如下。\n妥否，请批示。\n抄送：某市财政局。\n${line}` });
  ruleTable(
    'X-07',
    [
      { name: 'printed the day before it was signed', input: printed('某县人民政府办公室 2024年6月2日印发'), path: 'document.body', message: /早于/u },
      { name: 'printed a year before', input: printed('某县人民政府办公室 2023年6月3日印发') },
      { name: 'printed before, written with leading zeros', input: printed('某县人民政府办公室 2024年05月30日印发') },
    ],
    [
      { name: 'printed the same day', input: printed('某县人民政府办公室 2024年6月3日印发') },
      { name: 'printed later', input: printed('某县人民政府办公室 2024年6月5日印发') },
      { name: 'no 印发 line', input: req() },
    ],
  );
});

describe('X-08 标题与文种', () => {
  ruleTable(
    'X-08',
    [
      { name: 'a 通报 whose title ends in 通知', input: notice({ type: '通报' }), path: 'document.title', message: /“通知”.*“通报”/u, severity: 'error' },
      { name: 'a colon inside the title', input: notice({ title: '某市人民政府关于防汛工作：做好2024年汛期准备的通知' }), severity: 'warning', message: /：/u },
      {
        name: 'a title naming another organ as issuer',
        input: req({ title: '某市人民政府关于追加防汛经费的请示' }),
        severity: 'warning',
        message: /不是本文的发文机关/u,
      },
      { name: 'a comma inside the title', input: notice({ title: '某市人民政府关于加强防汛，做好救灾工作的通知' }), severity: 'warning' },
    ],
    [
      { name: 'the clean titles', input: req() },
      { name: 'a 书名号 with brackets inside', input: notice({ title: '某市人民政府关于印发《某市防汛应急预案（试行）》的通知' }) },
      { name: 'quotation marks, a 顿号 and a year range', input: notice({ title: '某市人民政府关于开展“安全生产月”、防汛演练和2024—2026年隐患排查的通知' }) },
      { name: 'a 命令 titled …令 (one 文种)', input: notice({ type: '命令', layout: '命令', title: '某市人民政府令', mainTo: [], docNo: '第5号' }) },
    ],
  );
});

describe('X-09 附件说明与附件', () => {
  ruleTable(
    'X-09',
    [
      {
        name: 'two attachments but one line in the note',
        input: req({ attachmentNote: ['附件：1.经费测算表'] }),
        path: 'document.attachmentNote',
        message: /1个附件.*2个附件/u,
      },
      {
        name: 'a name that differs from the attachment heading',
        input: req({
          attachments: [
            { no: 1, title: '经费测算明细表' },
            { no: 2, title: '受灾情况统计' },
          ],
        }),
        path: 'document.attachmentNote[0]',
        message: /一致/u,
      },
      { name: 'attachments without a note', input: req({ attachmentNote: [] }), path: 'document.attachmentNote' },
      { name: 'a note without attachments', input: req({ attachments: [] }), path: 'document.attachments' },
      {
        name: 'attachments numbered 1 and 3',
        input: req({
          attachmentNote: ['附件：1.经费测算表', '3.受灾情况统计'],
          attachments: [
            { no: 1, title: '经费测算表' },
            { no: 3, title: '受灾情况统计' },
          ],
        }),
        path: 'document.attachments[1]',
      },
    ],
    [
      { name: 'the clean 请示 (two attachments)', input: req() },
      { name: 'no attachments', input: notice() },
      { name: 'a single attachment', input: req({ attachmentNote: ['附件：经费测算表'], attachments: [{ no: 1, title: '经费测算表' }] }) },
      {
        name: 'a wrapped name',
        input: req({
          attachmentNote: ['附件：1.经费测算表', '2.某县2024年汛期受灾情况', '统计表'],
          attachments: [
            { no: 1, title: '经费测算表' },
            { no: 2, title: '某县2024年汛期受灾情况统计表' },
          ],
        }),
      },
    ],
  );
});

describe('X-10 层次不越级', () => {
  const body = (...lines: string[]): CheckInput => notice({ body: ['现将有关事项通知如下：', ...lines].join('\n') });
  ruleTable(
    'X-10',
    [
      // changed (issue #10): “一、” then “1.” is accepted when the text has no “（一）” level at all;
      // it is still a skip when another part of the same text uses “（一）”
      {
        name: '“1.” directly under “一、” while another part uses “（一）”',
        input: body('一、总体要求', '1.加强培训', '二、保障措施', '（一）组织保障'),
        path: 'document.body',
        message: /跳过了“（一）”/u,
      },
      { name: '“（1）” directly under “（一）”', input: body('一、总体要求', '（一）工作目标', '（1）明确分工'), message: /跳过了“1\.”/u },
      { name: '“（1）” directly under “一、”', input: body('一、总体要求', '（1）明确分工') },
    ],
    [
      { name: 'all four levels in order', input: body('一、总体要求', '（一）工作目标', '1.加强培训', '（1）明确分工', '二、保障措施') },
      { name: 'a short list that uses “1.” only', input: body('1.加强培训', '2.明确分工') },
      {
        name: 'a two-level text: “一、” then “1.”, no “（一）” anywhere',
        input: body('一、总体要求', '1.加强培训', '2.明确分工', '二、保障措施', '1.组织保障'),
      },
      { name: 'a return from a deep level to the top', input: body('一、总体要求', '（一）工作目标', '二、保障措施', '（一）组织保障') },
    ],
  );
});

describe('X-11 署名与发文机关', () => {
  const closing = (...lines: string[]): string => ['请示事项如下。', '妥否，请批示。', ...lines].join('\n');
  ruleTable(
    'X-11',
    [
      {
        name: 'a 署名 of the 办公室 on the government’s document',
        input: req({ body: closing('某县人民政府办公室', '2024年6月3日') }),
        path: 'document.body',
        message: /不是本文的发文机关/u,
      },
      { name: 'a joint document signed by the lead only', input: jointUp({ body: closing('某县人民政府', '2024年6月5日') }), message: /缺少：中共某县委员会/u },
      {
        name: 'a joint document signed in the wrong order',
        input: jointUp({ body: closing('中共某县委员会', '某县人民政府', '2024年6月5日') }),
        message: /主办机关/u,
      },
    ],
    [
      { name: 'a 署名 of the issuer', input: req({ body: closing('某县人民政府', '2024年6月3日') }) },
      { name: 'a joint 署名 in issuer order', input: jointUp({ body: closing('某县人民政府', '中共某县委员会', '2024年6月5日') }) },
      { name: 'a 规范化简称 (not judged)', input: req({ body: closing('县政府', '2024年6月3日') }) },
      { name: 'a body without a closing block', input: req() },
      {
        name: 'a 纪要 (no seal)',
        input: notice({ type: '纪要', layout: '纪要', title: '某市人民政府常务会议纪要', body: '会议议定如下。\n某县人民政府办公室\n2024年6月5日' }),
      },
    ],
  );
});

describe('X-12 公布性公文的主送与纪要格式', () => {
  const minutes = (over: DocOverrides = {}): CheckInput =>
    notice({
      type: '纪要',
      layout: '纪要',
      title: '某市人民政府常务会议纪要',
      mainTo: [],
      docNo: '（第3号）',
      body: '会议议定如下：\n一、同意追加防汛经费。',
      ...over,
    });
  ruleTable(
    'X-12',
    [
      {
        name: 'a 公告 with 主送',
        input: notice({ type: '公告', title: '某市人民政府关于汛期河道管理的公告' }),
        path: 'document.mainTo',
        message: /一般不标注主送/u,
      },
      { name: 'a 通告 with 主送', input: notice({ type: '通告', title: '某市人民政府关于汛期禁止下河游泳的通告' }), path: 'document.mainTo' },
      { name: 'a 纪要 in the 通用 layout', input: minutes({ layout: '通用' }), path: 'document.layout', message: /纪要格式/u },
      {
        name: 'a 纪要 with a 署名 and date at the end',
        input: minutes({ body: '会议议定如下：\n一、同意追加防汛经费。\n某市人民政府\n2024年6月5日' }),
        path: 'document.body',
        message: /不加盖印章/u,
      },
    ],
    [
      { name: 'a 公告 without 主送', input: notice({ type: '公告', title: '某市人民政府关于汛期河道管理的公告', mainTo: [] }) },
      { name: 'a 纪要 in the 纪要 layout', input: minutes() },
      { name: 'a 通知 with 主送', input: notice() },
    ],
  );
});

describe('X-13 请示附注联系人和电话', () => {
  ruleTable(
    'X-13',
    [
      { name: 'a 请示 without 附注', input: req({ note: null }), path: 'document.note', message: /联系人和联系电话/u },
      { name: 'a 附注 with the contact person only', input: req({ note: '（联系人：张某）' }), message: /联系电话/u },
      { name: 'a 附注 with the telephone only', input: req({ note: '（电话：12345678）' }), message: /联系人/u },
    ],
    [
      { name: 'the clean 请示', input: req() },
      { name: 'a mobile number', input: req({ note: '（联系人：张某，手机：13800000000）' }) },
      { name: 'a 报告 without 附注', input: req({ type: '报告', title: '某县人民政府关于防汛工作情况的报告', matters: [], note: null }) },
    ],
  );
});

describe('X-14 批复与所答复的请示', () => {
  ruleTable(
    'X-14',
    [
      { name: 'a 批复 without replyTo', input: reply({ replyTo: null }), path: 'document.replyTo', message: /所答复的请示/u },
      {
        name: 'a 批复 answering a 报告',
        input: reply({ replyTo: { type: '报告', issuer: O.countyGov, docNo: '县政发〔2024〕18号' } }),
        path: 'document.replyTo.type',
      },
      { name: 'a 批复 not addressed to the requesting organ', input: reply({ mainTo: [O.otherCountyGov] }), path: 'document.mainTo', message: /某县人民政府/u },
      { name: 'a 批复 without the 请示’s number', input: reply({ replyTo: { type: '请示', issuer: O.countyGov, docNo: '' } }), path: 'document.replyTo.docNo' },
    ],
    [
      { name: 'a 批复 to the requesting organ', input: reply() },
      { name: 'a 批复 to the requesting organ and another', input: reply({ mainTo: [O.countyGov, O.otherCountyGov] }) },
      { name: 'a 通知 (no replyTo needed)', input: notice() },
    ],
  );
});

describe('X-15 议案', () => {
  ruleTable(
    'X-15',
    [
      { name: 'a county government to the city 人大常委会', input: motion(O.countyGov, [O.cityPc]), path: 'document.mainTo[0]', message: /同一级/u },
      { name: 'a department as issuer', input: motion(O.countyEdu, [O.countyPc]), path: 'document.issuers[0]', message: /人民政府/u },
      { name: 'a 议案 to a government', input: motion(O.countyGov, [O.cityGov]), path: 'document.mainTo[0]', message: /不是人大机关/u },
      { name: 'a 议案 without 主送', input: motion(O.countyGov, []), path: 'document.mainTo' },
    ],
    [
      { name: 'a county government to the county 人大常委会', input: motion(O.countyGov, [O.countyPc]) },
      { name: 'a city government to the city 人大常委会', input: motion(O.cityGov, [O.cityPc]) },
      { name: 'a 请示 (not a 议案)', input: req() },
    ],
  );
});

describe('X-16 请示、报告只上行', () => {
  ruleTable(
    'X-16',
    [
      { name: 'a 请示 to a subordinate', input: req({ mainTo: [O.townGov], copyTo: [] }), path: 'document.type', message: /下行/u },
      {
        name: 'a 报告 to a peer',
        input: req({ type: '报告', title: '某县人民政府关于防汛工作情况的报告', matters: [], mainTo: [O.otherCountyGov], copyTo: [] }),
        message: /平行/u,
      },
      {
        name: 'a 请示 to an unrelated organ',
        input: baseDoc({
          issuers: [{ organ: O.cityFinance, lead: true }],
          title: '某市财政局关于追加防汛经费的请示',
          mainTo: [O.countyGov],
          copyTo: [],
          signers: [signer(O.cityFinance, '钱某')],
          signatory: ['钱某'],
        }),
        message: /函/u,
      },
      { name: 'a 请示 without 主送', input: req({ mainTo: [] }), path: 'document.mainTo' },
    ],
    [
      { name: 'the clean 请示', input: req() },
      {
        name: 'a 报告 of a department to its government',
        input: baseDoc({
          type: '报告',
          issuers: [{ organ: O.countyEdu, lead: true }],
          title: '某县教育局关于防汛工作情况的报告',
          mainTo: [O.countyGov],
          copyTo: [],
          matters: [],
          signers: [signer(O.countyEdu, '孙某')],
          signatory: ['孙某'],
        }),
      },
      {
        name: 'a 请示 of a town to its county',
        input: baseDoc({
          issuers: [{ organ: O.townGov, lead: true }],
          title: '某镇人民政府关于追加防汛经费的请示',
          mainTo: [O.countyGov],
          copyTo: [],
          signers: [signer(O.townGov, '周某')],
          signatory: ['周某'],
        }),
      },
    ],
  );
});

describe('X-17 函不用于上下级', () => {
  ruleTable(
    'X-17',
    [
      { name: 'a 函 to the superior government', input: letter(O.countyGov, [O.cityGov]), path: 'document.mainTo[0]', message: /上级/u },
      { name: 'a 函 to a subordinate government', input: letter(O.cityGov, [O.countyGov]), message: /下级/u },
      { name: 'a 函 of a department to its own government', input: letter(O.countyEdu, [O.countyGov]), path: 'document.mainTo[0]' },
      { name: 'a 函 to a peer and a subordinate', input: letter(O.cityGov, [O.otherCityGov, O.countyGov]), path: 'document.mainTo[1]' },
    ],
    [
      { name: 'a 函 to a peer government', input: letter(O.countyGov, [O.otherCountyGov]) },
      { name: 'a 函 to an unrelated organ', input: letter(O.cityFinance, [O.countyGov]) },
      { name: 'a 函 between two departments', input: letter(O.countyEdu, [O.countyFinance]) },
    ],
  );
});

describe('X-18 首页显示正文', () => {
  ruleTable(
    'X-18',
    [
      { name: 'a 通知 to 40 county governments', input: crowd(40), path: 'document.mainTo', message: /移至版记/u },
      {
        name: 'a long two-line title and 25 addressees',
        input: crowd(25, { title: '某市人民政府关于进一步做好2024年主汛期防汛抗旱和地质灾害防治及城市内涝治理工作的通知' }),
      },
      { name: 'a 信函 to 60 county governments', input: crowd(60, { type: '函', layout: '信函', title: '某市人民政府关于商请协助防汛的函' }) },
    ],
    [
      { name: 'the clean 通知', input: notice() },
      { name: 'a 通知 to 8 county governments', input: crowd(8) },
      {
        name: 'a 信函 to 30 county governments (the 信函 head is short)',
        input: crowd(30, { type: '函', layout: '信函', title: '某市人民政府关于商请协助防汛的函' }),
      },
      { name: 'a 令 (no title or 主送 above the body)', input: crowd(60, { type: '令', layout: '命令', title: '某市人民政府令', docNo: '第5号' }) },
    ],
  );
  it('X-18 estimate leaves 7–9 body lines under a two-line title and a one-line 主送 (as on the GB/T 9704 sample page)', () => {
    const e = estimateFirstPage(buildContext(notice()));
    expect(e?.titleLines).toBe(2);
    expect(e?.mainToLines).toBe(1);
    expect(e?.bodyLinesLeft).toBeGreaterThanOrEqual(7);
    expect(e?.bodyLinesLeft).toBeLessThanOrEqual(9);
  });
});

describe('X-rules never throw', () => {
  it('X-01…X-18 return arrays for a context without a document', () => {
    for (const r of crossFieldRules) expect(r.check({} as never)).toEqual([]);
  });
  it('X-01…X-18 (without the safe net) never throw and give well-formed findings on random documents', () => {
    assertWellBehaved(rawCrossFieldRules, 200);
  }, 30_000);
});
