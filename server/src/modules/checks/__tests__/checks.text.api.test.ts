/**
 * IN-2 POST /api/v1/checks/text (check-contract.md, “Reading a whole document”): a whole document
 * as JSON {"text"} or as a multipart DOCX upload, read against the organisation in the system
 * (the demo organisation), answered with {document, unread, findings}.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText, type ReaderOrgan } from '@xietiao/domain/checks/index';
import { createTestApp, type Agent, type TestApp } from '../../../test/app';
import { testDialects } from '../../../test/db';
import { BODY_LIMITS } from '../../../app';
import { systemCheckOrgans } from '../../org/check-organs';
import { buildDocx, blocksOf } from './docx-builder';

const URL = '/api/v1/checks/text';

/** A 请示 of the demo organisation: 甲县人民政府 to 某市人民政府, without 签发人 (X-03) and with a 抄送 to 某市财政局. */
const REQUEST = [
  '甲县人民政府文件',
  '甲政发〔2026〕12号',
  '──────────────────────',
  '甲县人民政府关于追加防汛救灾经费的请示',
  '某市人民政府：',
  '今年入汛以来，我县连续遭受强降雨袭击，部分乡镇受灾严重。为保障人民群众生命财产安全，特请求市政府追加我县防汛救灾经费300万元。',
  '妥否，请批示。',
  '甲县人民政府',
  '2026年6月3日',
  '（联系人：李华，电话：0000-12345678）',
  '──────────────────────',
  '抄送：市财政局。',
  '──────────────────────',
  '甲县人民政府办公室　　2026年6月3日印发',
].join('\n');

interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer | string;
}
/** A multipart/form-data request body. */
function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----xietiao${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disp = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disp}\r\n${p.contentType ? `Content-Type: ${p.contentType}\r\n` : ''}\r\n`));
    chunks.push(typeof p.data === 'string' ? Buffer.from(p.data) : p.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe.each(testDialects())('POST /api/v1/checks/text [%s]', (dialect) => {
  let t: TestApp;
  let office: Agent;
  let organs: ReaderOrgan[];
  const id = (name: string) => organs.find((o) => o.name === name)!.id;
  const upload = (parts: Part[], headers: Record<string, string> = office.headers) => {
    const mp = multipart(parts);
    return t.app.inject({ method: 'POST', url: URL, headers: { ...headers, ...mp.headers }, payload: mp.payload });
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    office = await t.login('office');
    organs = await systemCheckOrgans(t.ctx.db);
  });
  afterAll(async () => t?.close());

  it('IN-2 a pasted text gives 200 {document, unread, findings}, organs resolved against the organisation in the system', async () => {
    const res = await office.post(URL, { text: REQUEST });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['document', 'unread', 'findings']);
    expect(body.document).toMatchObject({
      type: '请示',
      layout: '通用',
      issuers: [{ organ: id('甲县人民政府'), lead: true }],
      title: '甲县人民政府关于追加防汛救灾经费的请示',
      mainTo: [id('某市人民政府')],
      copyTo: [id('某市财政局')],
      docNo: '甲政发〔2026〕12号',
      date: '2026年6月3日',
      signatory: [],
      matters: ['追加防汛救灾经费'],
      note: '（联系人：李华，电话：0000-12345678）',
    });
    expect(body.unread).toEqual(['signatory']);
    expect(body.findings).toContainEqual(expect.objectContaining({ rule: 'X-03', severity: 'error', path: 'document.signatory' }));
    // the same reader and engine as the command line
    expect(body).toEqual(JSON.parse(JSON.stringify(checkText(REQUEST, organs).output)));
  });

  it('IN-2 a DOCX upload (multipart, field file) gives the same object as its text', async () => {
    const docx = await buildDocx(blocksOf(REQUEST, ['甲县人民政府文件']));
    const res = await upload([{ name: 'file', filename: '请示.docx', contentType: DOCX_TYPE, data: docx }]);
    expect(res.statusCode, res.body).toBe(200);
    const json = await office.post(URL, { text: REQUEST });
    expect(res.json()).toEqual(json.json());
  });

  it('IN-2 a text field in a multipart form is read like the JSON text', async () => {
    const res = await upload([{ name: 'text', data: REQUEST }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().document.issuers).toEqual([{ organ: id('甲县人民政府'), lead: true }]);
  });

  it('IN-2 names not in the organisation are not guessed: unread, and a text without 文种 or 发文机关 is answered with no findings', async () => {
    const res = await office.post(URL, { text: REQUEST.replace('某市人民政府：', '某市人民政府，某市气象局：') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().unread).toEqual(['mainTo', 'signatory']);
    expect(res.json().document.mainTo).toEqual([id('某市人民政府')]);
    const notADocument = await office.post(URL, { text: '今天开会，讨论了几件事。' });
    expect(notADocument.statusCode).toBe(200);
    expect(notADocument.json()).toMatchObject({ unread: ['type', 'issuers', 'title'], findings: [] });
  });

  it.each([
    ['no text', {}, /缺少必填字段/],
    ['an empty text', { text: '   ' }, /不能为空/],
    ['a text that is not a string', { text: 42 }, /text/],
  ])('IN-2 %s gives 400 with a Chinese message naming body.text', async (_what, body, message) => {
    const res = await office.post(URL, body);
    expect(res.statusCode, res.body).toBe(400);
    const err = res.json().error;
    expect(err.path).toBe('body.text');
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(/[\u4e00-\u9fa5]/u);
  });

  it('IN-2 a body that is not JSON gives 400 invalid_json', async () => {
    const res = await t.app.inject({ method: 'POST', url: URL, headers: { ...office.headers, 'content-type': 'application/json' }, payload: '{"text": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
  });

  it('IN-2 a file that is not a DOCX gives 415 with a Chinese message naming the file; a damaged DOCX or an empty one 400; no file 400', async () => {
    const pdf = await upload([{ name: 'file', filename: '请示.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.7\n') }]);
    expect(pdf.statusCode, pdf.body).toBe(415);
    expect(pdf.json().error).toMatchObject({ code: 'unsupported_media_type', path: 'body.file' });
    expect(pdf.json().error.message).toContain('请示.pdf');
    expect(pdf.json().error.message).toContain('PDF');
    const doc = await upload([
      { name: 'file', filename: '请示.doc', contentType: 'application/msword', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]) },
    ]);
    expect(doc.statusCode).toBe(415);
    expect(doc.json().error.message).toContain('另存为 .docx');
    const txt = await upload([{ name: 'file', filename: '请示.docx', contentType: DOCX_TYPE, data: Buffer.from(REQUEST) }]);
    expect(txt.statusCode).toBe(415);
    expect(txt.json().error.message).toContain('不是 DOCX 文件');

    const good = await buildDocx(blocksOf(REQUEST));
    const damaged = await upload([{ name: 'file', filename: '请示.docx', contentType: DOCX_TYPE, data: good.subarray(0, 2000) }]);
    expect(damaged.statusCode, damaged.body).toBe(400);
    expect(damaged.json().error.message).toContain('已损坏');
    const empty = await upload([{ name: 'file', filename: '空.docx', contentType: DOCX_TYPE, data: Buffer.alloc(0) }]);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.path).toBe('body.file');
    const blank = await upload([{ name: 'file', filename: '空白.docx', contentType: DOCX_TYPE, data: await buildDocx([{ text: '' }]) }]);
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.message).toContain('没有文字');
    const none = await upload([{ name: 'other', data: 'x' }]);
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toMatchObject({ path: 'body.file', message: expect.stringContaining('.docx') });
  });

  it('IN-2 a body of another type gives 415 (text/plain 400: the body must be the JSON object); a file over the route’s limit (BODY_LIMITS) gives 413', async () => {
    const xml = await t.app.inject({ method: 'POST', url: URL, headers: { ...office.headers, 'content-type': 'application/xml' }, payload: '<text/>' });
    expect(xml.statusCode).toBe(415);
    const plain = await t.app.inject({ method: 'POST', url: URL, headers: { ...office.headers, 'content-type': 'text/plain' }, payload: REQUEST });
    expect(plain.statusCode).toBe(400);
    expect(plain.json().error.path).toBe('body');
    const limit = BODY_LIMITS[`POST ${URL}`]!;
    expect(limit).toBeGreaterThanOrEqual(1024 * 1024);
    const big = Buffer.concat([await buildDocx(blocksOf(REQUEST)), Buffer.alloc(limit + 1)]);
    const res = await upload([{ name: 'file', filename: '大.docx', contentType: DOCX_TYPE, data: big }]);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
    expect(res.json().error.message).toContain('10MB');
  });

  it('IN-2 the route is for logged-in users, as the other checks: 401 without a session, 403 without the CSRF token', async () => {
    const anon = await t.app.inject({ method: 'POST', url: URL, payload: { text: REQUEST } });
    expect(anon.statusCode).toBe(401);
    const noCsrf = await t.app.inject({ method: 'POST', url: URL, headers: { cookie: office.headers.cookie }, payload: { text: REQUEST } });
    expect(noCsrf.statusCode).toBe(403);
    const liaison = await t.login('liaison');
    expect((await liaison.post(URL, { text: REQUEST })).statusCode).toBe(200);
  });
});
