import { describe, expect, it } from 'vitest';
import { formatRules, rawFormatRules } from '../rules/format';
import { closingBlock, docNoProblems, findDocNoTokens, headingOf, parseAttachmentNote, parseCnDateStrict, parseTitle } from '../text';
import type { CheckInput, CheckDocument } from '../types';
import { baseDoc, baseNotice, O, type DocOverrides } from './fixtures';
import { assertWellBehaved, ruleTable, runAll } from './format-helpers';

/** the clean 请示 (某县人民政府 → 某市人民政府) with overrides */
const req = (over: DocOverrides = {}): CheckInput => baseDoc(over);
/** the clean 通知 (某市人民政府 → two county governments) with overrides */
const notice = (over: DocOverrides = {}): CheckInput => baseNotice(over);
/** a 令 of 某市人民政府 in the 命令格式 */
const order = (over: DocOverrides = {}): CheckInput => baseNotice({ type: '令', layout: '命令', title: '某市人民政府令', mainTo: [], docNo: '第5号', ...over });
/** a 意见 sent up by 某县人民政府 */
const upOpinion = (body: string): CheckInput => baseDoc({ type: '意见', title: '某县人民政府关于加强防汛工作的意见', matters: [], body });
/** the 请示 with a body ending in the given lines */
const reqBody = (...lines: string[]): CheckInput => req({ body: ['现将有关情况请示如下。', ...lines].join('\n') });
const noticeBody = (...lines: string[]): CheckInput => notice({ body: ['现将有关事项通知如下：', ...lines].join('\n') });
/** cast for values the contract schema rejects but a stored document may carry */
const urgency = (u: string) => u as unknown as CheckDocument['urgency'];

describe('format rules — registry', () => {
  it('F-01…F-22 are all defined once, in order, with Chinese title and a source', () => {
    expect(formatRules.map((r) => r.id)).toEqual(Array.from({ length: 22 }, (_, i) => `F-${String(i + 1).padStart(2, '0')}`));
    for (const r of formatRules) {
      expect(r.title).toMatch(/[\u4e00-\u9fa5]/u);
      expect(r.source.length).toBeGreaterThan(3);
      expect(['error', 'warning', 'info']).toContain(r.severity);
    }
  });
  it('F-rules find nothing on the clean fixtures', () => {
    for (const input of [req(), notice()]) {
      expect(runAll(input).filter((f) => f.rule.startsWith('F-'))).toEqual([]);
    }
  });
});

describe('F-01 发文字号', () => {
  ruleTable(
    'F-01',
    [
      { name: 'a docNo with square brackets: 县政发[2024]18号', input: req({ docNo: '县政发[2024]18号' }), path: 'document.docNo', message: /六角括号/u },
      { name: 'a docNo with round brackets: 国办发（2023）5号', input: req({ docNo: '国办发（2023）5号' }), message: /六角括号/u },
      { name: 'a docNo with 【】: 国办发【2023】5号', input: req({ docNo: '国办发【2023】5号' }), message: /六角括号/u },
      { name: 'a two-digit year: 国办发〔23〕5号', input: req({ docNo: '国办发〔23〕5号' }), message: /四位/u },
      { name: 'a leading zero: 国办发〔2023〕05号', input: req({ docNo: '国办发〔2023〕05号' }), message: /虚位/u },
      { name: 'a 第 before the number: 国办发〔2023〕第5号', input: req({ docNo: '国办发〔2023〕第5号' }), message: /“第”/u },
      { name: 'a missing 号: 国办发〔2023〕5', input: req({ docNo: '国办发〔2023〕5' }), message: /号/u },
      { name: 'an extra space: 国办发〔2023〕 5号', input: req({ docNo: '国办发〔2023〕 5号' }), message: /空格/u },
      { name: 'a missing 代字: 〔2023〕5号', input: req({ docNo: '〔2023〕5号' }), message: /代字/u },
    ],
    [
      { name: '国办发〔2023〕5号', input: req({ docNo: '国办发〔2023〕5号' }) },
      { name: '京政发〔2024〕12号', input: req({ docNo: '京政发〔2024〕12号' }) },
      { name: '国办函〔2023〕105号 (信函格式)', input: notice({ type: '函', layout: '信函', docNo: '国办函〔2023〕105号' }) },
      { name: 'a document not yet registered (no docNo)', input: req({ docNo: null }) },
      {
        name: 'a 纪要编号 （第3号） in the 纪要格式',
        input: notice({ type: '纪要', layout: '纪要', title: '某市人民政府常务会议纪要', mainTo: [], docNo: '（第3号）' }),
      },
      { name: 'a 令号 (checked by F-02 instead)', input: order({ docNo: '第733号' }) },
    ],
  );
});

describe('F-02 令号', () => {
  ruleTable(
    'F-02',
    [
      { name: 'a leading zero: 第0733号', input: order({ docNo: '第0733号' }), path: 'document.docNo', message: /虚位/u },
      { name: 'a year in the 令号: 〔2020〕733号', input: order({ docNo: '〔2020〕733号' }), message: /年份/u },
      { name: 'the organ name in the 令号: 某市人民政府令第5号', input: order({ docNo: '某市人民政府令第5号' }), message: /只印/u },
      {
        name: 'a 命令 in the 通用 layout with 第5 (no 号)',
        input: order({ type: '命令', layout: '通用', title: '某市人民政府命令', docNo: '第5' }),
        message: /号/u,
      },
    ],
    [
      { name: '第733号', input: order({ docNo: '第733号' }) },
      { name: '第1号', input: order({ docNo: '第1号' }) },
      { name: 'a 令 without a number yet', input: order({ docNo: null }) },
      { name: 'a 通知 (no 令号 to check)', input: notice({ docNo: '市政发〔2024〕7号' }) },
    ],
  );
});

describe('F-03 成文日期', () => {
  ruleTable(
    'F-03',
    [
      { name: 'leading zeros: 2024年06月03日', input: req({ date: '2024年06月03日' }), path: 'document.date', message: /虚位/u },
      { name: 'Chinese numerals: 二〇二四年六月三日', input: req({ date: '二〇二四年六月三日' }), message: /阿拉伯数字/u },
      { name: 'dots: 2024.6.3', input: req({ date: '2024.6.3' }), message: /分隔/u },
      { name: 'a short year: 24年6月3日', input: req({ date: '24年6月3日' }), message: /四位/u },
      { name: 'a day that does not exist: 2023年2月29日', input: req({ date: '2023年2月29日' }), message: /不存在/u },
      { name: 'a day that does not exist: 2023年4月31日', input: req({ date: '2023年4月31日' }), message: /不存在/u },
    ],
    [
      { name: '2024年6月3日', input: req({ date: '2024年6月3日' }) },
      { name: 'a leap day 2024年2月29日', input: req({ date: '2024年2月29日' }) },
      { name: '2023年12月31日', input: req({ date: '2023年12月31日' }) },
      { name: 'a document not yet signed (no date)', input: req({ date: null, signers: [], signatory: [] }) },
    ],
  );
});

describe('F-04 印发机关和印发日期', () => {
  ruleTable(
    'F-04',
    [
      {
        name: 'a 印发 line with leading zeros',
        input: reqBody('抄送：某市财政局。', '某县人民政府办公室 2024年06月05日印发'),
        path: 'document.body',
        message: /虚位/u,
      },
      { name: 'a 印发 line without the organ', input: reqBody('2024年6月5日印发'), message: /缺少印发机关/u },
      { name: 'a 印发 line without a space between organ and date', input: reqBody('某县人民政府办公室2024年6月5日印发'), message: /留空/u },
      { name: 'a 印发 line in Chinese numerals', input: reqBody('某县人民政府办公室 二〇二四年六月五日印发'), message: /阿拉伯数字/u },
    ],
    [
      { name: 'a correct 印发 line', input: reqBody('抄送：某市财政局。', '某县人民政府办公室 2024年6月5日印发') },
      { name: 'a body without 版记', input: req() },
      { name: 'a sentence that mentions 印发', input: reqBody('该办法已于2024年6月5日印发。') },
    ],
  );
});

describe('F-05 密级和保密期限', () => {
  const sec = (secrecy: CheckDocument['secrecy'], secrecyTerm: string | null): CheckInput => req({ secrecy, secrecyTerm, copyNo: '000001' });
  ruleTable(
    'F-05',
    [
      { name: 'a term in Chinese numerals: 秘密★一年', input: sec('秘密', '秘密★一年'), path: 'document.secrecyTerm', message: /阿拉伯数字/u },
      { name: 'an asterisk instead of ★: 秘密*1年', input: sec('秘密', '秘密*1年'), message: /★/u },
      { name: 'a level that contradicts the document: 机密★1年 on a 秘密 document', input: sec('秘密', '机密★1年'), message: /不一致/u },
      { name: 'a term that is not a duration: 内部', input: sec('秘密', '内部'), message: /应写作/u },
    ],
    [
      { name: 'a bare term 1年', input: sec('秘密', '1年') },
      { name: '秘密★1年', input: sec('秘密', '秘密★1年') },
      { name: '机密★10年', input: sec('机密', '机密★10年') },
      { name: '绝密★长期', input: sec('绝密', '绝密★长期') },
      { name: 'a term in months: 6个月', input: sec('秘密', '6个月') },
    ],
  );
});

describe('F-06 紧急程度', () => {
  ruleTable(
    'F-06',
    [
      { name: 'a stored urgency 急件', input: req({ urgency: urgency('急件') }), path: 'document.urgency', message: /特急.*加急/u },
      {
        name: 'the urgency written in the title: 【特急】…',
        input: req({ urgency: '特急', title: '【特急】某县人民政府关于追加防汛经费的请示' }),
        path: 'document.title',
        message: /版头/u,
      },
      { name: 'the urgency as a title prefix: 加急：…', input: req({ title: '加急：某县人民政府关于追加防汛经费的请示' }), path: 'document.title' },
      {
        name: 'the urgency as a title suffix: …（急件）',
        input: notice({ title: '某市人民政府关于做好2024年防汛工作的通知（急件）' }),
        path: 'document.title',
      },
    ],
    [
      { name: 'urgency 特急', input: req({ urgency: '特急' }) },
      { name: 'urgency 加急', input: req({ urgency: '加急' }) },
      { name: 'a 紧急通知 (the word is part of the 事由, not a mark)', input: notice({ urgency: '特急', title: '某市人民政府关于做好防汛工作的紧急通知' }) },
      { name: 'no urgency', input: notice() },
    ],
  );
});

describe('F-07 电报紧急程度', () => {
  ruleTable(
    'F-07',
    [
      { name: 'a stored urgency 特提', input: req({ urgency: urgency('特提') }), path: 'document.urgency', message: /电报/u },
      { name: 'a stored urgency 平急', input: notice({ urgency: urgency('平急') }), path: 'document.urgency', message: /电报/u },
      { name: 'a title marked 【平急】', input: notice({ title: '【平急】某市人民政府关于做好防汛工作的通知' }), path: 'document.title' },
    ],
    [
      { name: 'urgency 特急', input: req({ urgency: '特急' }) },
      { name: 'no urgency', input: req() },
      { name: 'a title that merely contains the characters 特提 inside a word', input: req({ title: '某县人民政府关于特提拔干部备案的请示' }) },
    ],
  );
});

describe('F-08 份号', () => {
  const copy = (copyNo: string | null): CheckInput => req({ copyNo });
  ruleTable(
    'F-08',
    [
      { name: 'seven digits (GB/T 9704-1999): 0000001', input: copy('0000001'), path: 'document.copyNo', message: /1999/u },
      { name: 'one digit: 1', input: copy('1'), message: /000001/u },
      { name: 'letters: A00001', input: copy('A00001'), message: /阿拉伯数字/u },
      { name: 'all zeros: 000000', input: copy('000000'), message: /000001/u },
    ],
    [
      { name: '000001', input: copy('000001') },
      { name: '123456', input: copy('123456') },
      { name: 'no 份号 on an unclassified document', input: copy(null) },
    ],
  );
});

describe('F-09 页码', () => {
  ruleTable(
    'F-09',
    [
      { name: 'a page line -1-', input: reqBody('-1-', '第二段。'), path: 'document.body', message: /— 1 —/u },
      { name: 'a page line 第1页', input: reqBody('第1页') },
      { name: 'a page line with a leading zero — 01 —', input: reqBody('— 01 —') },
      { name: 'a page line 第2页 共5页', input: reqBody('第2页 共5页') },
    ],
    [
      { name: 'a correct page line — 1 —', input: reqBody('— 1 —') },
      { name: 'a body without page lines', input: req() },
      { name: 'numbered headings that are not page numbers', input: reqBody('1.加强培训', '（1）明确分工') },
    ],
  );
});

describe('F-10 附件说明（单个附件）', () => {
  const one = (line: string): CheckInput => req({ attachmentNote: [line], attachments: [{ no: 1, title: '2024年度项目清单' }] });
  ruleTable(
    'F-10',
    [
      {
        name: 'a trailing full stop: 附件：2024年度项目清单。',
        input: one('附件：2024年度项目清单。'),
        path: 'document.attachmentNote[0]',
        message: /不加标点/u,
      },
      { name: 'a half-width colon: 附件:2024年度项目清单', input: one('附件:2024年度项目清单'), message: /全角冒号/u },
      { name: 'a number on a single attachment: 附件：1.2024年度项目清单', input: one('附件：1.2024年度项目清单'), message: /不编序号/u },
      { name: 'no 附件 head: 2024年度项目清单', input: one('2024年度项目清单'), message: /“附件”/u },
    ],
    [
      { name: '附件：2024年度项目清单', input: one('附件：2024年度项目清单') },
      { name: 'a document without attachments', input: req({ attachmentNote: [], attachments: [] }) },
      { name: 'several attachments (F-11/F-12 apply)', input: req() },
      {
        name: 'one long name wrapped over two lines',
        input: req({ attachmentNote: ['附件：某县2024年汛期受灾情况', '统计表'], attachments: [{ no: 1, title: '某县2024年汛期受灾情况统计表' }] }),
      },
    ],
  );
});

describe('F-11 附件说明（多个附件，首行）', () => {
  const many = (first: string): CheckInput => req({ attachmentNote: [first, '2.受灾情况统计'] });
  ruleTable(
    'F-11',
    [
      { name: 'a 顿号 after the number: 附件：1、经费测算表', input: many('附件：1、经费测算表'), path: 'document.attachmentNote[0]', message: /下脚点/u },
      { name: 'a half-width colon: 附件:1.经费测算表', input: many('附件:1.经费测算表'), message: /全角冒号/u },
      { name: 'no number although there are two attachments', input: many('附件：经费测算表'), message: /编序号/u },
      { name: 'a trailing semicolon: 附件：1.经费测算表；', input: many('附件：1.经费测算表；'), message: /不加标点/u },
      { name: 'a first item numbered 2', input: many('附件：2.经费测算表'), message: /应为“1”/u },
    ],
    [
      { name: '附件：1.经费测算表', input: many('附件：1.经费测算表') },
      { name: 'one space after the point, as in the standard: 附件：1. 经费测算表', input: many('附件：1. 经费测算表') },
      { name: 'a full-width point: 附件：1．经费测算表', input: many('附件：1．经费测算表') },
      { name: 'a single attachment (F-10 applies)', input: req({ attachmentNote: ['附件：经费测算表'], attachments: [{ no: 1, title: '经费测算表' }] }) },
      {
        name: 'a single name wrapped over two lines (one attachment)',
        input: req({ attachmentNote: ['附件：某县2024年汛期受灾情况', '统计表'], attachments: [{ no: 1, title: '某县2024年汛期受灾情况统计表' }] }),
      },
    ],
  );
});

describe('F-12 附件说明（第二项起）', () => {
  const lines = (...rest: string[]): CheckInput =>
    req({
      attachmentNote: ['附件：1.经费测算表', ...rest],
      attachments: [{ no: 1, title: '经费测算表' }, ...rest.map((_, i) => ({ no: i + 2, title: `表${i + 2}` }))],
    });
  ruleTable(
    'F-12',
    [
      { name: 'a 顿号 after the number: 2、受灾情况统计', input: lines('2、受灾情况统计'), path: 'document.attachmentNote[1]', message: /下脚点/u },
      { name: 'a skipped number: 3.受灾情况统计 after 1.', input: lines('3.受灾情况统计'), message: /应为“2”/u },
      { name: 'a trailing full stop: 2.受灾情况统计。', input: lines('2.受灾情况统计。'), message: /不加标点/u },
      { name: 'no point after the number: 2受灾情况统计', input: lines('2受灾情况统计'), message: /下脚点/u },
    ],
    [
      { name: '2.受灾情况统计', input: lines('2.受灾情况统计') },
      { name: 'three items 2. and 3.', input: lines('2.受灾情况统计', '3.物资清单') },
      { name: 'a wrapped name continued on the next line', input: req({ attachmentNote: ['附件：1.经费测算表', '2.某县2024年汛期受灾情况', '统计表'] }) },
      { name: 'a single attachment', input: req({ attachmentNote: ['附件：经费测算表'], attachments: [{ no: 1, title: '经费测算表' }] }) },
    ],
  );
});

describe('F-13 附注', () => {
  ruleTable(
    'F-13',
    [
      { name: 'half-width parentheses: (此件公开发布)', input: req({ note: '(此件公开发布)' }), path: 'document.note', message: /全角/u },
      { name: 'no parentheses', input: req({ note: '联系人：张某，电话：12345678' }), message: /圆括号/u },
      { name: 'text outside the parentheses', input: req({ note: '（联系人：张某）电话：12345678' }), message: /括号外/u },
      { name: 'mixed parentheses: (联系人：张某）', input: req({ note: '(联系人：张某）' }), message: /全角/u },
    ],
    [
      { name: '（此件公开发布）', input: notice({ note: '（此件公开发布）' }) },
      { name: '（联系人：张某，电话：12345678）', input: req() },
      { name: 'no 附注', input: notice({ note: null }) },
      { name: 'nested parentheses （此件发至县级（含））', input: notice({ note: '（此件发至县级（含））' }) },
    ],
  );
});

describe('F-14 主送机关行', () => {
  ruleTable(
    'F-14',
    [
      {
        name: 'a 主送 line with a half-width colon',
        input: req({ body: '某市人民政府:\n今年6月以来，我县遭受持续强降雨。' }),
        path: 'document.body',
        message: /全角冒号/u,
      },
      {
        name: 'several addressees ending with a half-width colon',
        input: notice({ body: '某县人民政府、另一县人民政府:\n现将有关事项通知如下。' }),
        message: /全角冒号/u,
      },
      { name: 'the 主送 line without any colon', input: notice({ body: '某县人民政府，另一县人民政府\n现将有关事项通知如下。' }), message: /缺少全角冒号/u },
    ],
    [
      { name: 'a 主送 line with a full-width colon', input: req({ body: '某市人民政府：\n今年6月以来，我县遭受持续强降雨。' }) },
      { name: 'a body that starts with the text', input: req() },
      { name: 'a first line that is a lead-in sentence', input: notice() },
    ],
  );
});

describe('F-15 抄送行', () => {
  ruleTable(
    'F-15',
    [
      { name: 'a 抄送 line without the final full stop', input: reqBody('抄送：某市财政局，某市应急管理局'), path: 'document.body', message: /句号/u },
      { name: 'a 抄送 line with a half-width colon', input: reqBody('抄送:某市财政局。'), message: /全角冒号/u },
      { name: 'the obsolete 抄报', input: reqBody('抄报：某省人民政府。'), message: /抄报/u },
      { name: 'a letter-spaced 抄 送', input: reqBody('抄 送：某市财政局。'), message: /空格/u },
    ],
    [
      { name: '抄送：某市财政局，某市应急管理局。', input: reqBody('抄送：某市财政局，某市应急管理局。') },
      { name: 'a body without 版记', input: req() },
      {
        name: 'a 版记 with a correct 抄送 line and 印发 line',
        input: reqBody('抄送：市委办公厅，市人大常委会办公厅。', '某县人民政府办公室 2024年6月5日印发'),
      },
      { name: 'a sentence that starts with 抄送 (no colon)', input: reqBody('抄送有关部门备案。') },
    ],
  );
});

describe('F-16…F-19 层次序数', () => {
  ruleTable(
    'F-16',
    [
      { name: 'a point after the numeral: 一.总体要求', input: noticeBody('一.总体要求'), path: 'document.body', message: /“一、”/u },
      { name: 'a comma after the numeral: 一，总体要求', input: noticeBody('一，总体要求') },
      { name: 'a space after the numeral: 二 加强领导', input: noticeBody('一、总体要求', '二 加强领导'), message: /“二、”/u },
    ],
    [
      { name: '一、总体要求', input: noticeBody('一、总体要求', '十二、其他') },
      { name: '一是加强领导 (not a heading)', input: noticeBody('一是加强领导，二是强化督查。') },
      { name: '十分重要 (a word, not a numeral)', input: noticeBody('十分重要的是压实责任。') },
    ],
  );
  ruleTable(
    'F-17',
    [
      { name: 'a 顿号 after the bracket: （一）、工作目标', input: noticeBody('一、总体要求', '（一）、工作目标'), message: /“（一）”/u },
      { name: 'half-width brackets: (一)工作目标', input: noticeBody('(一)工作目标') },
      { name: 'a point after the bracket: （二）．工作措施', input: noticeBody('（二）．工作措施') },
    ],
    [
      { name: '（一）工作目标', input: noticeBody('一、总体要求', '（一）工作目标') },
      { name: '（十二）其他事项', input: noticeBody('（十二）其他事项') },
      { name: 'a body without second-level headings', input: notice() },
    ],
  );
  ruleTable(
    'F-18',
    [
      { name: 'a 顿号: 1、加强培训', input: noticeBody('1、加强培训'), message: /“1\.”/u },
      { name: 'a comma: 2，明确分工', input: noticeBody('2，明确分工') },
      { name: 'a space: 3 强化考核', input: noticeBody('3 强化考核') },
    ],
    [
      { name: '1.加强培训', input: noticeBody('1.加强培训') },
      { name: 'a full-width point: 1．加强培训', input: noticeBody('1．加强培训') },
      { name: 'a year or a decimal at the start of a line', input: noticeBody('2024年以来，各地积极行动。', '1.5亿元资金已下达。') },
    ],
  );
  ruleTable(
    'F-19',
    [
      { name: 'half-width brackets: (1)明确分工', input: noticeBody('(1)明确分工'), message: /“（1）”/u },
      { name: 'a 顿号 after the bracket: （1）、明确分工', input: noticeBody('（1）、明确分工') },
      { name: 'a closing bracket only: 1）明确分工', input: noticeBody('1）明确分工') },
    ],
    [
      { name: '（1）明确分工', input: noticeBody('（1）明确分工') },
      { name: '（12）其他', input: noticeBody('（12）其他') },
      { name: 'a bracketed year （2024年） is not a heading', input: noticeBody('（2024年）全年任务已分解。') },
    ],
  );
});

describe('F-20 标题', () => {
  ruleTable(
    'F-20',
    [
      { name: 'a trailing full stop', input: req({ title: '某县人民政府关于追加防汛经费的请示。' }), path: 'document.title', message: /末尾不加标点/u },
      { name: 'a title ending in 申请 (not a 文种)', input: req({ title: '某县人民政府关于追加防汛经费的申请' }), message: /不是法定文种/u },
      { name: 'a title ending in 请示报告', input: req({ title: '某县人民政府关于追加防汛经费的请示报告' }), message: /请示报告/u },
      { name: 'a title ending in 汇报', input: req({ type: '报告', title: '某县人民政府关于2024年防汛工作情况的汇报' }), message: /汇报/u },
      { name: 'a title without any 文种', input: notice({ title: '某市人民政府关于做好2024年防汛工作' }), message: /未以法定文种结尾/u },
      { name: 'an empty title', input: notice({ title: '' }), message: /缺少标题/u },
    ],
    [
      { name: 'the clean 请示 title', input: req() },
      { name: 'a 通知 title', input: notice() },
      { name: 'a 令 title', input: order() },
      {
        name: 'a 决议 title followed by （…会议通过）',
        input: notice({ type: '决议', title: '某市人民代表大会关于2024年国民经济和社会发展计划的决议（2024年1月10日某市第十七届人民代表大会第三次会议通过）' }),
      },
    ],
  );
});

describe('F-21 引用公文', () => {
  ruleTable(
    'F-21',
    [
      {
        name: 'a document cited by number only: 根据国发〔2023〕5号文件',
        input: noticeBody('根据国发〔2023〕5号文件精神，结合我市实际，制定本通知。'),
        path: 'document.body',
        message: /先引标题|未先引标题/u,
      },
      {
        name: 'the number before the title',
        input: noticeBody('按照国发〔2023〕5号《国务院关于加强防汛工作的通知》要求，现通知如下。'),
        message: /国发〔2023〕5号/u,
      },
      {
        name: 'a cited number with square brackets',
        input: noticeBody('根据《国务院关于加强防汛工作的通知》（国发[2023]5号），现通知如下。'),
        message: /六角括号/u,
      },
    ],
    [
      { name: 'a citation 《标题》（字号）', input: noticeBody('根据《国务院关于加强防汛工作的通知》（国发〔2023〕5号），现通知如下。') },
      {
        name: 'two numbers for two titles in one bracket',
        input: noticeBody('根据《国务院关于加强防汛工作的通知》《国务院关于做好救灾工作的通知》（国发〔2023〕5号、国发〔2023〕6号）要求。'),
      },
      { name: 'a body without citations', input: notice() },
    ],
  );
});

describe('F-22 请示用语夹带', () => {
  ruleTable(
    'F-22',
    [
      { name: 'an 意见 sent up with 妥否，请批示', input: upOpinion('我县拟采取以下措施。\n妥否，请批示。'), path: 'document.body', message: /妥否，请批示/u },
      { name: 'an 意见 sent up with 请予批准', input: upOpinion('以上意见，请予批准。') },
      { name: 'an 意见 sent up with 当否，请批复', input: upOpinion('以上意见当否，请批复。') },
      {
        name: 'a 函 sent up with 请审批',
        input: baseDoc({ type: '函', title: '某县人民政府关于商请追加经费的函', matters: [], body: '现将方案报上，请审批。' }),
      },
    ],
    [
      { name: 'a 请示 with 妥否，请批示', input: req() },
      {
        name: 'a 报告 (left to R-ROUTE-06b)',
        input: baseDoc({ type: '报告', title: '某县人民政府关于防汛工作情况的报告', matters: [], body: '妥否，请批示。' }),
      },
      { name: 'an 意见 that mentions 报请批准 as a procedure', input: upOpinion('方案经县人民政府报请市人民政府批准后实施，报请批准程序另行办理。') },
      { name: 'a 通知 going down', input: noticeBody('所需经费请予批准的事项另行办理。') },
    ],
  );
});

describe('F-rules never throw', () => {
  it('F-01…F-22 return arrays on odd input', () => {
    const odd = req({
      title: '（',
      docNo: '〔',
      date: '年月日',
      body: '\n\n（\n(\n一\n1\n抄送\n印发\n— —',
      attachmentNote: ['', '附件', '2'],
      note: '（',
      secrecyTerm: '★',
      copyNo: '',
      signatory: [''],
    });
    for (const r of formatRules) expect(r.check({} as never)).toEqual([]);
    expect(Array.isArray(runAll(odd))).toBe(true);
  });
  it('F-01…F-22 (without the safe net) never throw and give well-formed findings on random documents', () => {
    assertWellBehaved(rawFormatRules, 200);
  }, 30_000);
  it('O is the fixture organ map (sanity)', () => {
    expect(O.countyGov).toBe('county-gov');
  });
});

describe('text helpers used by the F-rules', () => {
  it('F-01 docNoProblems is empty exactly for the catalogue examples', () => {
    for (const ok of ['国办发〔2023〕5号', '京政发〔2024〕12号', '国办函〔2023〕105号']) expect(docNoProblems(ok)).toEqual([]);
    for (const bad of [
      '国办发[2023]5号',
      '国办发（2023）5号',
      '国办发【2023】5号',
      '国办发〔23〕5号',
      '国办发〔2023〕05号',
      '国办发〔2023〕第5号',
      '国办发〔2023〕5',
      '国办发〔2023〕 5号',
    ]) {
      expect(docNoProblems(bad).length, bad).toBeGreaterThan(0);
    }
  });
  it('F-03 parseCnDateStrict accepts real dates only', () => {
    expect(parseCnDateStrict('2024年2月29日')).toEqual({ y: 2024, m: 2, d: 29 });
    for (const bad of ['2023年05月06日', '二〇二三年五月六日', '2023.5.6', '23年5月6日', '2023年2月29日', '2023年4月31日']) {
      expect(parseCnDateStrict(bad), bad).toBeNull();
    }
  });
  it('F-20 parseTitle splits issuer, subject and 文种, and keeps a meeting note apart', () => {
    const t = parseTitle('某县人民政府关于追加防汛经费的请示');
    expect([t.issuerPart, t.subject, t.genre]).toEqual(['某县人民政府', '追加防汛经费', '请示']);
    expect(parseTitle('某市人民政府令').genre).toBe('令');
    expect(parseTitle('关于某事的命令').genre).toBe('命令');
    expect(parseTitle('关于某事的请示报告').falseGenre).toBe('请示报告');
    const r = parseTitle('关于计划的决议（2024年1月10日某市第十七届人民代表大会第三次会议通过）');
    expect(r.genre).toBe('决议');
    expect(r.meetingDate).toEqual({ y: 2024, m: 1, d: 10 });
    expect(parseTitle('关于某事的通知。').trailingPunct).toBe('。');
  });
  it('F-16 headingOf recognises the four levels and their wrong forms', () => {
    expect(headingOf('一、总体要求')).toMatchObject({ level: 1, wellFormed: true });
    expect(headingOf('一.总体要求')).toMatchObject({ level: 1, wellFormed: false, expected: '一、' });
    expect(headingOf('（一）工作目标')).toMatchObject({ level: 2, wellFormed: true });
    expect(headingOf('(一)工作目标')).toMatchObject({ level: 2, wellFormed: false });
    expect(headingOf('1.加强培训')).toMatchObject({ level: 3, wellFormed: true });
    expect(headingOf('1、加强培训')).toMatchObject({ level: 3, wellFormed: false });
    expect(headingOf('（1）明确分工')).toMatchObject({ level: 4, wellFormed: true });
    expect(headingOf('1）明确分工')).toMatchObject({ level: 4, wellFormed: false });
    for (const text of ['一是加强', '十分重要', '2024年以来', '1.5亿元', '（2024年）', '二〇二四年']) expect(headingOf(text), text).toBeNull();
  });
  it('F-21 findDocNoTokens finds cited numbers without the words before them', () => {
    const toks = findDocNoTokens('根据国发〔2023〕5号文件和《通知》（国办发[2024]第6号）');
    expect(toks.map((t) => [t.text, t.wellFormed])).toEqual([
      ['国发〔2023〕5号', true],
      ['国办发[2024]第6号', false],
    ]);
  });
  it('F-12 parseAttachmentNote joins wrapped lines to the item above', () => {
    expect(parseAttachmentNote(['附件：1.经费测算表', '2.某县2024年汛期受灾情况', '统计表'])).toEqual([
      { no: 1, name: '经费测算表', line: 0 },
      { no: 2, name: '某县2024年汛期受灾情况统计表', line: 1 },
    ]);
    expect(parseAttachmentNote(['附件：经费测算表。'])).toEqual([{ no: null, name: '经费测算表', line: 0 }]);
  });
  it('F-04 closingBlock finds the 署名 lines above a closing date', () => {
    const b = closingBlock('正文。\n特此报告。\n某县人民政府\n中共某县委员会\n2024年6月5日');
    expect(b?.names.map((l) => l.text)).toEqual(['某县人民政府', '中共某县委员会']);
    expect(b?.ymd).toEqual({ y: 2024, m: 6, d: 5 });
    expect(closingBlock('正文。\n特此报告。')).toBeNull();
  });
});
