/**
 * Defects found in review of the #10 wording heuristics (R-ROUTE-06b, R-ROUTE-10, F-21, X-05),
 * each with a test that failed before the fix. OUT-4 = 核稿 (review of a draft going out), IN-2 =
 * 初审 (check of a document received from a subordinate organ).
 *
 * 1. Time linear in the body: no end-anchored pattern over the whole prefix, bounded sentences.
 *    No time is asserted (timings stay out of tests): a long body is checked under a generous
 *    timeout that the quadratic version blew many times over, and the work done is counted —
 *    every request sentence and every citation found exactly once.
 * 2. A 代字 containing 经/和/及/与/以/在/为/的/第 is read whole.
 * 3. A stray opening quotation mark or 书名号 quotes nothing beyond its paragraph.
 * 4. Reports of past work (有望纳入, 申请到, 积极申请……已获批复) are not requests.
 * 5. “报经县政府同意后，由……实施” is a condition, not a stated approval.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../engine';
import { findDocNoTokens } from '../text';
import type { CheckInput, Finding } from '../types';
import { approvalStatements, clauseBefore, requestSentences, SENTENCE_REACH, sentenceAt } from '../wording';
import { baseDoc, baseNotice, O, ORGANS } from './fixtures';

/** A 报告 of 某县人民政府 to 某市人民政府 (the fixtures' organs). */
function report(body: string): CheckInput {
  return baseDoc({ type: '报告', title: '某县人民政府关于2024年防汛救灾工作情况的报告', matters: [], attachmentNote: [], attachments: [], body });
}

function timed(label: string, input: CheckInput): Finding[] {
  const t0 = performance.now();
  const { findings } = checkDocument(input);
  // printed, not asserted (the project keeps timings out of tests)
  console.log(`${label}: ${input.document.body.length} characters checked in ${(performance.now() - t0).toFixed(0)} ms`);
  return findings;
}

const LONG = { timeout: 20_000 }; // the quadratic version took 30 s and 257 s on these bodies

describe('1 — a long body is checked in time linear in its length', () => {
  /** paragraph `i` of a realistic 报告: two requests in other words, a proper and a bare citation */
  const paragraph = (i: number): string =>
    `${i}、关于第${i}批受灾乡镇的情况\n` +
    `今年入汛以来，第${i}片区遭受强降雨，直接经济损失${i}万元。根据《某市人民政府关于做好2024年防汛工作的通知》（市政发〔2024〕${i}号）要求，我县及时启动应急响应，累计转移群众${i}人。` +
    `按照市财预〔2024〕${i}号要求，我县已申请中央预算内资金，正在审核中。` +
    `由于县级财力有限，第${i}片区灾后重建资金缺口较大，恳请市政府予以支持。望市财政局尽快拨付第${i}片区专项补助资金。该片区项目有望纳入省级规划。\n`;

  it('IN-2 R-ROUTE-06b / F-21 a 报告 of 200,000 characters: each request sentence and each citation found once', LONG, () => {
    const parts: string[] = [];
    let length = 0;
    for (let i = 1; length < 200_000; i++) {
      const p = paragraph(i);
      parts.push(p);
      length += p.length;
    }
    const body = parts.join('');
    expect(body.length).toBeGreaterThanOrEqual(200_000);
    const found = timed('报告 with requests and citations', report(body));
    const requests = found.filter((f) => f.rule === 'R-ROUTE-06b' && f.severity === 'warning');
    // two request sentences per paragraph (恳请……支持, 望……拨付), none for 有望纳入 / 已申请
    expect(requests.length).toBe(2 * parts.length);
    expect(requests.some((f) => f.message.includes('有望纳入'))).toBe(false);
    // one bare citation per paragraph (按照市财预〔2024〕i号), the titled one accepted
    const citations = found.filter((f) => f.rule === 'F-21');
    expect(citations.length).toBe(parts.length);
    expect(citations.every((f) => f.message.includes('市财预〔2024〕'))).toBe(true);
  });

  it('IN-2 R-ROUTE-06b a body of 160,000 characters without punctuation: one sentence, reported once and quoted in part', LONG, () => {
    const unit = '灾后重建资金缺口较大恳请市政府予以支持望市财政局尽快拨付专项补助资金根据市政发〔2024〕5号精神';
    const body = unit.repeat(Math.ceil(160_000 / unit.length)).slice(0, 160_000);
    const found = timed('body without punctuation', report(body));
    const requests = found.filter((f) => f.rule === 'R-ROUTE-06b' && f.severity === 'warning');
    expect(requests.length).toBe(1);
    const hits = requestSentences(body);
    expect(hits.length).toBe(1);
    expect(hits[0]?.sentence.endsWith('……')).toBe(true);
    expect(hits[0]?.sentence.length).toBeLessThanOrEqual(2 * SENTENCE_REACH + 20);
  });

  it('OUT-4 sentences and clauses are read at most SENTENCE_REACH characters each way', () => {
    const text = `${'甲'.repeat(5000)}请市政府支持${'乙'.repeat(5000)}。`;
    const s = sentenceAt(text, 5000, 5006);
    expect(s.length).toBeLessThanOrEqual(2 * SENTENCE_REACH + 6);
    expect(s).toContain('请市政府支持');
    expect(clauseBefore(text, 5000).length).toBe(SENTENCE_REACH);
    // short sentences and clauses are read whole, as before
    expect(sentenceAt('灾情严重。恳请市政府予以支持，望批准。另。', 5)).toBe('恳请市政府予以支持，望批准。');
    expect(clauseBefore('灾情严重，县级财力有限恳请', 11)).toBe('县级财力有限');
  });

  it('IN-2 F-21 a 办文单 field is recognised from the text just before the number, anywhere in a long text', () => {
    const cite = (text: string) => findDocNoTokens(text).map((t) => [t.code, t.citation]);
    // at the start of the text, after a line break or a stop deep into a long text
    expect(cite('来文字号：市财预〔2020〕928号')).toEqual([['市财预', false]]);
    expect(cite(`${'情况说明。'.repeat(4000)}\n来文字号：市财预〔2020〕928号`)).toEqual([['市财预', false]]);
    expect(cite(`${'情况说明。'.repeat(4000)}收文编号：市财预〔2020〕928号`)).toEqual([['市财预', false]]);
    // the window read is not the start of the text: its first characters are not a field label
    expect(cite(`${'我'.repeat(60)}号${' '.repeat(36)}：市财预〔2020〕928号`)).toEqual([['市财预', true]]);
    // a citation deep into a long body is still read after its title
    const body = `${'情况说明。'.repeat(4000)}根据《某市人民政府关于做好防汛工作的通知》（市政发〔2024〕3号）要求，现报告如下。`;
    const f21 = checkDocument(report(body)).findings.filter((f) => f.rule === 'F-21');
    expect(f21).toEqual([]);
  });
});

describe('2 — a 代字 is read whole: single characters are cut only before it, never inside', () => {
  const code = (text: string) => findDocNoTokens(text).map((t) => t.code);

  it('OUT-4 F-21 / X-05 代字 containing 经、和、及、以、在、为、的 are read whole', () => {
    expect(code('（浙经信技术〔2024〕5号）')).toEqual(['浙经信技术']);
    expect(code('根据发改经体〔2024〕2号文件')).toEqual(['发改经体']);
    expect(code('按照农经发〔2024〕1号要求')).toEqual(['农经发']);
    expect(code('依据市经信发〔2024〕3号')).toEqual(['市经信发']);
    expect(code('《关于加强专项资金管理的通知》（市经信发〔2024〕3号）')).toEqual(['市经信发']);
  });

  it('OUT-4 F-21 the words of the sentence before the 代字 are still cut off', () => {
    expect(code('根据江政发〔2020〕28号文件精神')).toEqual(['江政发']);
    expect(code('今年我局按照国办发〔2019〕45号要求')).toEqual(['国办发']);
    expect(code('我局已转发江财预〔2024〕6号')).toEqual(['江财预']);
    expect(code('现将江政发〔2024〕3号转发给你们')).toEqual(['江政发']);
    expect(code('我局将江政发〔2024〕3号转发给各乡镇')).toEqual(['江政发']);
    expect(code('市政府办公室印发的江政办发〔2024〕4号')).toEqual(['江政办发']);
    expect(code('根据江政发〔2024〕1号和江政发〔2024〕2号')).toEqual(['江政发', '江政发']);
    expect(findDocNoTokens('县政府办公室转来的〔2020〕928号').map((t) => [t.code, t.citation])).toEqual([['', false]]);
  });

  it('OUT-4 X-05 a document numbered 市经信发〔2024〕3号 that cites 市经信发〔2024〕3号 has 重号', () => {
    const input = baseNotice({
      docNo: '市经信发〔2024〕3号',
      body: '根据《某市经济和信息化局关于推进工业企业技术改造的通知》（市经信发〔2024〕3号）要求，现将有关事项通知如下：\n一、压实责任\n各县人民政府对本行政区域工作负总责。',
    });
    const x05 = checkDocument(input).findings.filter((f) => f.rule === 'X-05');
    expect(x05.map((f) => f.severity)).toEqual(['error']);
  });
});

describe('3 — a stray opening mark quotes nothing beyond its paragraph', () => {
  const organs = new Map(ORGANS.map((o) => [o.id, o]));

  it('OUT-4 R-ROUTE-10 an approval after an unclosed “ is read', () => {
    const st = approvalStatements(organs, '为推进“放管服改革，经某县人民政府同意，现将《某县优化营商环境实施方案》印发给你们，请认真贯彻执行。');
    expect(st.map((s) => s.organs.map((o) => o.id))).toEqual([[O.countyGov]]);
    // an approval inside a quotation closed in its paragraph is still not the document's own
    expect(approvalStatements(organs, '会议强调“经某县人民政府同意的事项要抓好落实”。')).toEqual([]);
  });

  it('OUT-4 R-ROUTE-10 a county office’s notice with a stray “ before “经某县人民政府同意” is not flagged', () => {
    const input = baseNotice({
      issuers: [{ organ: O.countyGovOffice, lead: true }],
      title: '某县人民政府办公室关于印发某县优化营商环境实施方案的通知',
      docNo: '县政办发〔2024〕12号',
      mainTo: [O.townGov],
      signers: [{ organ: O.countyGovOffice, name: '李某', role: '主要负责人', proxy: false, opinion: '同意', signedAt: '2024-06-05' }],
      body: '各镇人民政府：\n为推进“放管服改革，经某县人民政府同意，现将《某县优化营商环境实施方案》印发给你们，请认真贯彻执行。',
    });
    expect(checkDocument(input).findings.filter((f) => f.rule === 'R-ROUTE-10')).toEqual([]);
  });

  it('IN-2 R-ROUTE-06b a request after an unclosed “ or 《 is caught; one inside closed marks is not', () => {
    expect(requestSentences('我县“十四五规划项目资金缺口较大，恳请市政府予以支持。').map((h) => h.phrase)).toEqual(['恳请市政府予以支持']);
    expect(requestSentences('依照《防汛条例的规定\n恳请市政府予以支持。').map((h) => h.phrase)).toEqual(['恳请市政府予以支持']);
    expect(requestSentences('群众反映“恳请政府予以支持”。')).toEqual([]);
    expect(requestSentences('我县已以《关于恳请支持污水处理厂建设的请示》上报。')).toEqual([]);
  });
});

describe('4 — reports of past work and prospects are not requests', () => {
  const passes = [
    '该项目有望纳入省级规划。',
    '预计年底前问题有望得到解决。',
    '今年我县共申请到上级补助资金500万元。',
    '我县积极申请中央预算内资金支持，已获批复。',
    '经多方争取，我县申请下来的补助资金已全部到位。',
    '我县努力向上级申请资金支持，项目进展顺利。',
  ];
  for (const s of passes) {
    it(`IN-2 R-ROUTE-06b accepts “${s}”`, () => {
      expect(requestSentences(s)).toEqual([]);
      expect(checkDocument(report(`${s}\n特此报告。`)).findings.filter((f) => f.rule === 'R-ROUTE-06b')).toEqual([]);
    });
  }
  const flags = [
    ['恳请市政府予以支持。', '恳请市政府予以支持'],
    ['以上意见如无不妥，望批准。', '望批准'],
    ['希望市政府给予支持。', '希望市政府给予支持'],
    ['请求市财政局尽快拨付专项补助资金。', '请求市财政局尽快拨付'],
    ['我县申请市政府安排专项资金300万元。', '申请市政府安排'],
    ['望市财政局尽快拨付补助资金，以解燃眉之急。', '望市财政局尽快拨付'],
  ] as const;
  for (const [s, phrase] of flags) {
    it(`IN-2 R-ROUTE-06b still flags “${s}”`, () => {
      expect(requestSentences(s).map((h) => h.phrase)).toEqual([phrase]);
    });
  }
  it('IN-2 R-ROUTE-06b a granted request is told from a request naming approved projects', () => {
    expect(requestSentences('我县申请市政府安排专项资金，已获批复。')).toEqual([]);
    expect(requestSentences('恳请市政府尽快拨付资金，确保已批准的项目按期开工。').map((h) => h.phrase)).toEqual(['恳请市政府尽快拨付']);
  });
});

describe('5 — “同意后，” states a condition, not an approval', () => {
  const organs = new Map(ORGANS.map((o) => [o.id, o]));

  it('OUT-4 R-ROUTE-10 “报经县政府同意后，由各乡镇组织实施” is not a stated approval', () => {
    expect(approvalStatements(organs, '实施方案报经县政府同意后，由各镇组织实施。')).toEqual([]);
    expect(approvalStatements(organs, '各镇的实施细则经县政府同意后，报县防指备案。')).toEqual([]);
    // an approval given, then what follows from it, is still read
    expect(approvalStatements(organs, '经县政府同意后，现将《实施方案》印发给你们。').map((s) => s.named)).toEqual([['县政府']]);
    expect(approvalStatements(organs, '经县政府同意，由各镇组织实施。').map((s) => s.named)).toEqual([['县政府']]);
  });

  it('OUT-4 R-ROUTE-10 a county office’s notice saying only “报经县政府同意后，由各镇组织实施” is warned', () => {
    const input = baseNotice({
      issuers: [{ organ: O.countyGovOffice, lead: true }],
      title: '某县人民政府办公室关于做好2024年防汛工作的通知',
      docNo: '县政办发〔2024〕13号',
      mainTo: [O.townGov],
      signers: [{ organ: O.countyGovOffice, name: '李某', role: '主要负责人', proxy: false, opinion: '同意', signedAt: '2024-06-05' }],
      body: '各镇人民政府：\n各镇要制定防汛工作实施方案，报经县政府同意后，由各镇组织实施。',
    });
    const r10 = checkDocument(input).findings.filter((f) => f.rule === 'R-ROUTE-10');
    expect(r10.map((f) => [f.severity, f.path])).toEqual([['warning', 'document.flags.govApprovedRef']]);
  });
});
