/** OUT-1 the draft's fields as the rule checker reads them. */
import { describe, expect, it } from 'vitest';
import { checkDocument, type CheckOrgan } from '../../checks/index';
import { OutgoingDraft } from '../../api/outgoing';
import { draftBodyText, draftCheckInput, type OutgoingDraft as Draft } from '../draft';

const organs: CheckOrgan[] = [
  { id: 'pgov', name: '某省人民政府', kind: '政府', level: 2, superiors: [], parent: null },
  { id: 'gov', name: '某市人民政府', kind: '政府', level: 3, superiors: ['pgov'], parent: null },
  { id: 'ca', name: '甲县人民政府', kind: '政府', level: 4, superiors: ['gov'], parent: null },
  { id: 'cb', name: '乙县人民政府', kind: '政府', level: 4, superiors: ['gov'], parent: null },
];
const draft: Draft = {
  docType: '通知',
  issuers: ['gov'],
  mainTo: ['ca', 'cb'],
  copyTo: [],
  title: '某市人民政府关于做好2027年春季学期开学工作的通知',
  body: [
    { level: 0, text: '为做好开学工作，现将有关事项通知如下。' },
    { level: 1, text: '一、总体要求' },
  ],
  attachments: ['开学工作检查表', '联系人名单'],
  note: null,
  matters: [],
  secrecy: 'none',
  secrecyTerm: null,
  urgency: '加急',
  publicity: '主动公开',
};

describe('OUT-1 the draft and the rule checker', () => {
  it('OUT-1 maps the fields: issuers lead first, addressees, body one paragraph a line, 附件说明 numbered; nothing of registration or signature yet', () => {
    const { document: doc } = draftCheckInput(draft, organs);
    expect(doc.issuers).toEqual([{ organ: 'gov', lead: true }]);
    expect(doc.mainTo).toEqual(['ca', 'cb']);
    expect(doc.body).toBe('为做好开学工作，现将有关事项通知如下。\n一、总体要求');
    expect(draftBodyText(draft)).toBe(doc.body);
    expect(doc.attachmentNote).toEqual(['附件：1. 开学工作检查表', '2. 联系人名单']);
    expect(draftCheckInput({ ...draft, attachments: ['开学工作检查表'] }, organs).document.attachmentNote).toEqual(['附件：开学工作检查表']);
    expect(doc.attachments).toEqual([
      { no: 1, title: '开学工作检查表' },
      { no: 2, title: '联系人名单' },
    ]);
    expect(doc.urgency).toBe('加急');
    expect([doc.docNo, doc.date, doc.signers]).toEqual([null, null, []]);
  });

  it('OUT-1 a clean draft has no error; a title without its 文种 and a 请示 to two organs are found', () => {
    expect(checkDocument(draftCheckInput(draft, organs)).findings.filter((f) => f.severity === 'error')).toEqual([]);
    const noType = checkDocument(draftCheckInput({ ...draft, title: '某市人民政府关于做好开学工作' }, organs)).findings;
    expect(noType.map((f) => [f.rule, f.path])).toContainEqual(['F-20', 'document.title']);
    const request = checkDocument(
      draftCheckInput({ ...draft, docType: '请示', title: '某市人民政府关于开学经费的请示', mainTo: ['pgov', 'ca'], matters: ['开学经费'] }, organs),
    ).findings;
    expect(request.map((f) => f.rule)).toContain('R-ROUTE-02');
  });

  it('OUT-1 the schema: Chinese messages naming the problem; classified drafts refused (涉密不上网)', () => {
    const bad = OutgoingDraft.safeParse({ ...draft, issuers: [], secrecy: '秘密', body: [{ level: 5, text: '' }] });
    expect(bad.success).toBe(false);
    const byPath = Object.fromEntries((bad.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(byPath.issuers).toBe('至少选择一个发文机关');
    expect(byPath['body.0.level']).toMatch(/段落层次/);
    expect(byPath['body.0.text']).toBe('段落不能为空');
    expect(OutgoingDraft.safeParse({ ...draft, secrecy: '秘密' }).error?.issues[0].message).toMatch(/涉密不上网/);
    expect(OutgoingDraft.parse({ ...draft, note: '' }).note).toBeNull();
  });
});
