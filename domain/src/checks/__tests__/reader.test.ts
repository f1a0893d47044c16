/**
 * IN-2 reading a whole document (check-contract.md, “Reading a whole document”): the reader finds
 * every element of a 公文 in the GB/T 9704-2012 order and gives back the contract's document and
 * the fields it looked for and could not find.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveDirection } from '../context';
import { printDocument } from '../print-text';
import { READ_FIELDS, checkText, readDocument, type ReadDocument } from '../reader';
import { isoOfPrintedDate } from '../reader-lines';
import { createOrganIndex, splitNameList } from '../reader-organs';
import type { DocType } from '../types';
import { O } from './fixtures';
import { CORPUS, READER_ORGANS, expected } from './reader-corpus';

const byName = (name: string) => READER_ORGANS.find((o) => o.name === name)!;

describe('IN-2 reading documents in the national layout', () => {
  it('IN-2 the corpus has at least 15 documents, of every kind the issue names', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(15);
    const types = new Set(CORPUS.map((c) => c.document.type));
    for (const t of ['通知', '请示', '报告', '批复', '函', '意见', '决定', '通告', '纪要'] as const) expect(types.has(t), t).toBe(true);
    expect(CORPUS.some((c) => c.document.issuers.length > 1)).toBe(true); // joint
    expect(CORPUS.some((c) => c.document.attachments.length > 1)).toBe(true);
    expect(CORPUS.some((c) => c.document.secrecy !== 'none' && c.document.urgency !== 'none')).toBe(true);
  });

  it.each(CORPUS.map((c) => [c.name, c] as const))('IN-2 reads %s', (_name, c) => {
    const r = readDocument(c.text, READER_ORGANS);
    expect(r.document).toEqual(c.document);
    expect(r.unread).toEqual(c.unread);
    expect(r.parts.unplaced).toEqual([]);
  });

  it('IN-2 reads the same with Windows line ends, blank lines between paragraphs and paragraphs indented by full-width spaces', () => {
    for (const c of CORPUS) {
      const messy = c.text
        .split('\n')
        .map((l) => `\u3000\u3000${l}  `)
        .join('\r\n\r\n');
      const r = readDocument(`\uFEFF${messy}\r\n`, READER_ORGANS);
      expect(r.document, c.name).toEqual(c.document);
      expect(r.unread, c.name).toEqual(c.unread);
    }
  });

  it('IN-2 the separator line is optional: without it the same fields are read (only a 版式 it alone showed is not)', () => {
    for (const c of CORPUS) {
      const text = c.text
        .split('\n')
        .filter((l) => !/^[─—_═]+$/u.test(l))
        .join('\n');
      const r = readDocument(text, READER_ORGANS);
      // a mark without “文件” over a single line (通用) or over the double line (信函): the line was the only sign
      expect(r.document, c.name).toEqual({ ...c.document, layout: c.layoutFromLine ? null : c.document.layout });
      expect(r.unread, c.name).toEqual(c.unread);
    }
  });

  it('IN-2 a title wrapped over two lines, 签发人 on its own line and a letter-spaced 版头 are read', () => {
    const text = [
      '某 县 人 民 政 府 文 件',
      '县政发〔2024〕18号',
      '签发人：王某　李某',
      '某县人民政府关于追加2024年',
      '防汛经费的请示',
      '某市人民政府：',
      '特请求市政府追加我县防汛经费500万元。',
      '妥否，请批示。',
      '某县人民政府',
      '2024年6月3日',
      '（联系人：张某，电话：12345678）',
    ].join('\n');
    const r = readDocument(text, READER_ORGANS);
    expect(r.document).toEqual(
      expected('请示', {
        layout: '通用',
        issuers: [O.countyGov],
        title: '某县人民政府关于追加2024年防汛经费的请示',
        mainTo: [O.cityGov],
        docNo: '县政发〔2024〕18号',
        date: '2024年6月3日',
        signatory: ['王某', '李某'],
        matters: ['追加2024年防汛经费'],
        body: '特请求市政府追加我县防汛经费500万元。\n妥否，请批示。\n某县人民政府\n2024年6月3日',
        note: '（联系人：张某，电话：12345678）',
      }),
    );
    expect(r.unread).toEqual([]);
    expect(r.parts.mark).toEqual(['某 县 人 民 政 府 文 件']);
  });

  it('IN-2 what was read is also kept as printed: 版头 lines, separator, heading levels, 署名, 印发 line, the date as a calendar date', () => {
    const c = CORPUS[0]!;
    const p = readDocument(c.text, READER_ORGANS).parts;
    expect(p.mark).toEqual(['某市人民政府文件']);
    expect(p.markNames).toEqual([{ name: '某市人民政府', organs: [O.cityGov], collective: false }]);
    expect(p.separator).toBe('single');
    expect(p.headings.map((h) => [h.level, h.mark])).toEqual([
      [1, '一、'],
      [2, '（一）'],
      [2, '（二）'],
      [3, '1.'],
      [3, '2.'],
      [4, '（1）'],
      [4, '（2）'],
      [1, '二、'],
    ]);
    expect(p.mainTo).toEqual([
      { name: '各县人民政府', organs: [O.countyGov, O.otherCountyGov], collective: true },
      { name: '市政府各部门', organs: [O.cityFinance, O.cityEdu, O.cityTransport], collective: true },
    ]);
    expect(p.signature).toEqual([{ name: '某市人民政府', organs: [O.cityGov], collective: false }]);
    expect(p.dateIso).toBe('2024-06-05');
    expect(p.printedBy).toBe('某市人民政府办公室');
    expect(p.printedAt).toBe('2024年6月5日');
    expect(p.body[0]).toMatch(/^为做好/u);
    const classified = readDocument(CORPUS.find((x) => x.document.secrecy !== 'none')!.text, READER_ORGANS).parts;
    expect([classified.copyNo, classified.secrecy, classified.urgency]).toEqual(['000123', '机密★1年', '特急']);
  });

  it('IN-2 成文日期 in Chinese numerals is kept as printed and understood as a date', () => {
    expect(isoOfPrintedDate('二〇二四年三月五日')).toBe('2024-03-05');
    expect(isoOfPrintedDate('二○二四年十二月三十一日')).toBe('2024-12-31');
    expect(isoOfPrintedDate('2024年3月5日')).toBe('2024-03-05');
    expect(isoOfPrintedDate('二〇二四年二月三十日')).toBeNull();
    expect(isoOfPrintedDate('２０２４年３月５日')).toBe('2024-03-05');
  });
});

describe('IN-2 unread: the fields looked for and not found, never guessed', () => {
  const notice = CORPUS[0]!;

  it('IN-2 fields that are optional for the document are not unread when rightly absent: 签发人 of a 下行文, 份号 and 保密期限 of an unclassified one, 主送 of a 通告/决定', () => {
    expect(readDocument(notice.text, READER_ORGANS).unread).toEqual([]);
    const decision = CORPUS.find((c) => c.document.type === '决定')!;
    expect(readDocument(decision.text, READER_ORGANS).document.mainTo).toEqual([]);
    expect(readDocument(decision.text, READER_ORGANS).unread).toEqual([]);
  });

  it('IN-2 a draft (no 版头) is not expected to carry 发文字号, 签发人 or 成文日期 yet', () => {
    const r = readDocument('某县教育局关于申请维修校舍经费的请示\n某县人民政府：\n特请求县政府拨付维修经费80万元。\n妥否，请批示。', READER_ORGANS);
    expect(r.document.docNo).toBeNull();
    expect(r.unread).toEqual([]);
  });

  it('IN-2 an issued 上行文 without 签发人, a classified one without 份号 or 保密期限, an 附件说明 whose attachments are not in the text: unread', () => {
    const text = [
      '机密',
      '某县人民政府文件',
      '县政发〔2024〕30号',
      '某县人民政府关于紧急调拨抗旱物资的请示',
      '某市人民政府：',
      '特请求调拨水泵50台。',
      '附件：水泵分配表',
      '某县人民政府',
      '2024年8月1日',
    ].join('\n');
    const r = readDocument(text, READER_ORGANS);
    expect(r.unread).toEqual(['signatory', 'secrecyTerm', 'copyNo', 'attachments']);
    expect(r.document.secrecy).toBe('机密');
    expect(r.document.secrecyTerm).toBeNull();
    expect(r.document.attachmentNote).toEqual(['附件：水泵分配表']);
    expect(r.document.attachments).toEqual([]);
  });

  it('IN-2 a 批复 that cites no 请示, a document in the system but without a date or a 发文字号 under its 版头: unread', () => {
    const text = [
      '某市人民政府文件',
      '某市人民政府关于同意某县追加防汛经费的批复',
      '某县人民政府：',
      '经研究，同意追加你县防汛经费300万元。',
      '此复。',
      '某市人民政府',
    ].join('\n');
    const r = readDocument(text, READER_ORGANS);
    expect(r.unread).toEqual(['docNo', 'date', 'replyTo']);
    expect(r.document.replyTo).toBeNull();
  });

  it('IN-2 organs not in the organisation are not guessed: the 发文机关 and 主送 are unread, the names stay in the parts', () => {
    const c = CORPUS[1]!;
    const r = readDocument(c.text, [byName('某市人民政府')]);
    expect(r.document.issuers).toEqual([]);
    expect(r.document.mainTo).toEqual([O.cityGov]);
    expect(r.unread).toEqual(['issuers', 'copyTo']);
    expect(r.parts.markNames).toEqual([{ name: '某县人民政府', organs: [], collective: false }]);
    const none = readDocument(c.text);
    expect(none.unread).toEqual(['issuers', 'mainTo', 'copyTo']);
    expect(none.document.type).toBe('请示');
  });

  it('IN-2 a text that is not a 公文 reads as little as it shows, and says what is missing', () => {
    const r = readDocument('今天天气很好，我们去公园散步。\n晚上回家吃饭。', READER_ORGANS);
    expect(r.unread).toEqual(['type', 'issuers', 'title']);
    expect(r.document.body).toBe('今天天气很好，我们去公园散步。\n晚上回家吃饭。');
    expect(readDocument('', READER_ORGANS).unread).toEqual(['type', 'issuers', 'title', 'body']);
  });

  it('IN-2 unread lists fields in the contract’s order and only fields the reader looks for', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.array(fc.constantFrom(...CORPUS.map((c) => c.text)), { maxLength: 1 }), (noise, docs) => {
        const r = readDocument(`${docs[0] ?? ''}\n${noise}`, READER_ORGANS);
        const order = r.unread.map((f) => READ_FIELDS.indexOf(f));
        expect(order.every((v, i) => v >= 0 && (i === 0 || v > (order[i - 1] ?? -1)))).toBe(true);
        expect(typeof r.document.body).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});

describe('IN-2 organ names resolved against the organisation', () => {
  const idx = createOrganIndex(READER_ORGANS);
  const one = (name: string, home?: string) => idx.resolve(name, home ? idx.byId(home) : null)?.organs.map((o) => o.id) ?? null;

  it('IN-2 full names, 规范化简称 and the usual variants (政府/人民政府, 某县委, 人大常委会, 某镇党委)', () => {
    expect(one('某市人民政府')).toEqual([O.cityGov]);
    expect(one('某市政府')).toEqual([O.cityGov]);
    expect(one('某县政府')).toEqual([O.countyGov]);
    expect(one('某县委')).toEqual([O.countyParty]);
    expect(one('中共某市委')).toEqual([O.cityParty]);
    expect(one('某镇党委')).toEqual([O.townParty]);
    expect(one('某市人大常委会')).toEqual([O.cityPc]);
    expect(one('某市人民政府 办公室')).toEqual([O.cityGovOffice]);
  });

  it('IN-2 a name without its place is resolved from the document’s own organ, and left unresolved when it could be several', () => {
    expect(one('市财政局', O.countyGov)).toEqual([O.cityFinance]);
    expect(one('县政府', O.countyEdu)).toEqual([O.countyGov]);
    expect(one('县政府', O.cityGov)).toBeNull(); // 某县 or 另一县: not guessed
    expect(one('市财政局')).toEqual([O.cityFinance]); // the only 市财政局 of the organisation
    expect(one('县政府')).toBeNull(); // 某县, 另一县 or 远县: no document organ to tell
  });

  it('IN-2 统称 stand for their members; one with no fixed members (各有关单位) is not resolved', () => {
    expect(one('各县（市、区）人民政府', O.cityGov)).toEqual([O.countyGov, O.otherCountyGov]);
    expect(one('各乡镇人民政府', O.countyGovOffice)).toEqual([O.townGov]);
    expect(one('县政府各部门', O.countyGov)).toEqual([O.countyEdu, O.countyFinance]);
    expect(one('各有关单位', O.cityGov)).toBeNull();
    expect(splitNameList('各县（市、区）人民政府，市政府各部门、各直属机构：')).toEqual(['各县（市、区）人民政府', '市政府各部门', '各直属机构']);
    expect(splitNameList('各市、县人民政府。')).toEqual(['各市、县人民政府']);
  });

  it('IN-2 the 发文机关代字 names the organ when nothing else in the text does', () => {
    const r = readDocument('市政办发〔2024〕3号\n关于做好值班工作的通知\n各县人民政府：\n请做好节日期间值班工作。', READER_ORGANS);
    expect(r.document.issuers).toEqual([{ organ: O.cityGovOffice, lead: true }]);
  });
});

describe('IN-2 read, then check (the contract’s output object)', () => {
  it('IN-2 checkText gives {document, unread, findings} with the engine’s findings on what was read', () => {
    const c = CORPUS.find((x) => x.unread.includes('signatory'))!;
    const r = checkText(c.text, READER_ORGANS);
    expect(Object.keys(r.output)).toEqual(['document', 'unread', 'findings']);
    expect(r.checked).toBe(true);
    expect(r.output.document).toEqual(c.document);
    expect(r.output.findings).toContainEqual(expect.objectContaining({ rule: 'X-03', severity: 'error', path: 'document.signatory' }));
  });

  it('IN-2 a clean request reads and checks clean; 成文日期 in Chinese numerals is reported by F-03', () => {
    expect(checkText(CORPUS[1]!.text, READER_ORGANS).output.findings).toEqual([]);
    const party = CORPUS.find((x) => x.document.date === '二〇二四年三月五日')!;
    expect(checkText(party.text, READER_ORGANS).output.findings.map((f) => f.rule)).toContain('F-03');
  });

  it('IN-2 without a 文种 or a 发文机关 the document cannot be checked: findings are empty and checked is false', () => {
    const bad = CORPUS.find((x) => x.unread.includes('type'))!;
    const r = checkText(bad.text, READER_ORGANS);
    expect(r.checked).toBe(false);
    expect(r.output.findings).toEqual([]);
    expect(r.output.unread).toEqual(['type']);
  });
});

// ---------------------------------------------------------------------------------------------
// The property: random valid fields → printed in the national order → read back the same

const ISSUING: string[] = [O.cityGov, O.cityGovOffice, O.cityEdu, O.cityFinance, O.countyGov, O.countyEdu, O.countyParty, O.cityParty, O.townGov];
const TYPES: DocType[] = ['通知', '请示', '报告', '批复', '函', '意见', '决定', '通告', '通报'];
const SUBJECTS = ['做好2024年防汛工作', '追加防汛经费', '加强安全生产管理', '开展农村公路建设', '规范政务服务事项办理', '调整部分收费标准'];
const SENTENCES = [
  '为切实做好有关工作，现将有关事项通知如下：',
  '各单位要高度重视，明确责任分工。',
  '今年以来，全市各项工作稳步推进，取得明显成效。',
  '请于2024年10月底前将落实情况书面报送。',
  '经研究，同意你单位的意见。',
  '特此报告。',
];
const HEADINGS = ['一、总体要求', '二、主要任务', '（一）加强组织领导。', '（二）强化督促检查。', '1.压实工作责任。', '（1）按时报送材料。'];
const ATTACHMENT_TITLES = ['经费测算表', '任务分工方案', '受灾情况统计', '先进集体名单'];
const PEOPLE = ['王某', '李某', '张某某', '赵某'];
const index = createOrganIndex(READER_ORGANS);
const nameOf = (id: string) => index.byId(id)!.name;

const docArb = fc
  .record({
    type: fc.constantFrom(...TYPES),
    lead: fc.constantFrom(...ISSUING),
    partner: fc.option(fc.constantFrom(...ISSUING), { nil: null }),
    mainTo: fc.uniqueArray(fc.constantFrom(...READER_ORGANS.map((o) => o.id)), { minLength: 1, maxLength: 3 }),
    dropMainTo: fc.boolean(),
    copyTo: fc.uniqueArray(fc.constantFrom(...READER_ORGANS.map((o) => o.id)), { maxLength: 2 }),
    subject: fc.constantFrom(...SUBJECTS),
    code: fc.constantFrom('市政发', '县政发', '市教发', '市政办发', '县发'),
    year: fc.integer({ min: 2013, max: 2030 }),
    seq: fc.integer({ min: 1, max: 300 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    chineseDate: fc.boolean(),
    signatory: fc.uniqueArray(fc.constantFrom(...PEOPLE), { minLength: 1, maxLength: 2 }),
    printSignatory: fc.boolean(),
    secrecy: fc.constantFrom('none', 'none', '秘密', '机密', '绝密'),
    copyNo: fc.integer({ min: 1, max: 999999 }),
    term: fc.integer({ min: 1, max: 10 }),
    urgency: fc.constantFrom('none', 'none', '特急', '加急'),
    body: fc.array(fc.constantFrom(...SENTENCES, ...HEADINGS), { minLength: 1, maxLength: 6 }),
    attachments: fc.uniqueArray(fc.constantFrom(...ATTACHMENT_TITLES), { maxLength: 3 }),
    note: fc.constantFrom(null, '（此件公开发布）', '（联系人：张某，电话：12345678）'),
    printed: fc.boolean(),
  })
  .map((g) => {
    const issuers = g.partner && g.partner !== g.lead ? [g.lead, g.partner] : [g.lead];
    let mainTo = g.mainTo.filter((id) => !issuers.includes(id));
    if (g.type === '批复') mainTo = mainTo.slice(0, 1);
    if ((g.type === '通告' || g.type === '决定') && g.dropMainTo) mainTo = [];
    if (mainTo.length === 0 && g.type !== '通告' && g.type !== '决定') mainTo = [issuers.includes(O.provGov) ? O.cityGov : O.provGov];
    const copyTo = g.copyTo.filter((id) => !issuers.includes(id) && !mainTo.includes(id));
    const up = deriveDirection((a, b) => index.relation.relation(a, b), g.lead, mainTo) === '上行';
    const cn = (n: number) => String(n).replace(/\d/gu, (d) => '〇一二三四五六七八九'[Number(d)] ?? d);
    const small = (n: number) => (n < 10 ? cn(n) : n === 10 ? '十' : n < 20 ? `十${cn(n - 10)}` : `${cn(Math.floor(n / 10))}十${n % 10 ? cn(n % 10) : ''}`);
    const date = g.chineseDate ? `${cn(g.year)}年${small(g.month)}月${small(g.day)}日` : `${g.year}年${g.month}月${g.day}日`;
    const docNo = `${g.code}〔${g.year}〕${g.seq}号`;
    const citation = `你单位《关于${g.subject}的请示》（县政发〔${g.year}〕${g.seq + 1}号）收悉。`;
    const bodyLines = [...(g.type === '批复' ? [citation] : []), ...g.body];
    const names = issuers.map(nameOf);
    const n = g.attachments.length;
    const doc: ReadDocument = expected(g.type, {
      layout: '通用',
      issuers,
      title: `${names.join('\u3000')}关于${g.subject}的${g.type}`,
      mainTo,
      copyTo,
      docNo,
      date,
      signatory: up || g.printSignatory ? g.signatory : [],
      secrecy: g.secrecy as ReadDocument['secrecy'],
      secrecyTerm: g.secrecy === 'none' ? null : `${g.secrecy}★${g.term}年`,
      copyNo: g.secrecy === 'none' ? null : String(g.copyNo).padStart(6, '0'),
      urgency: g.urgency as ReadDocument['urgency'],
      matters: g.type === '请示' ? [g.subject] : [],
      body: [...bodyLines, ...names, date].join('\n'),
      attachmentNote: n === 0 ? [] : n === 1 ? [`附件：${g.attachments[0]}`] : g.attachments.map((t, i) => (i === 0 ? `附件：1.${t}` : `${i + 1}.${t}`)),
      attachments: g.attachments.map((title, i) => ({ no: i + 1, title })),
      note: g.note,
      replyTo: g.type === '批复' ? { type: '请示', issuer: mainTo[0]!, docNo: `县政发〔${g.year}〕${g.seq + 1}号` } : null,
    });
    return { doc, printed: g.printed };
  });

describe('IN-2 property: printed in the national order, read back the same', () => {
  it('IN-2 a document generated from random valid fields, printed as text in the GB/T 9704 order, reads back to the same fields with nothing unread', () => {
    fc.assert(
      fc.property(docArb, ({ doc, printed }) => {
        const text = printDocument(
          { ...doc, type: doc.type! },
          { organs: READER_ORGANS, ...(printed ? { printedBy: '某市人民政府办公室', printedAt: doc.date } : {}) },
        );
        const r = readDocument(text, READER_ORGANS);
        expect(r.document, text).toEqual(doc);
        expect(r.unread, text).toEqual([]);
        expect(r.parts.unplaced, text).toEqual([]);
        if (printed) expect(r.parts.printedBy).toBe('某市人民政府办公室');
      }),
      { numRuns: 400 },
    );
  });

  it('IN-2 the printer prints every corpus document so that it reads back the same', () => {
    for (const c of CORPUS.filter((x) => x.document.type !== null && x.unread.length === 0)) {
      const text = printDocument({ ...c.document, type: c.document.type! }, { organs: READER_ORGANS });
      // the printer gives every document its 版头: a text that had none comes back in the 通用 layout
      expect(readDocument(text, READER_ORGANS).document, `${c.name}\n${text}`).toEqual({ ...c.document, layout: c.document.layout ?? '通用' });
    }
  });
});
