import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/app';
import { testDialects } from '../../test/db';
import { runTx } from '../../platform/db/tx';
import { createContentVersions } from '../versions';

async function userId(t: TestApp, username: string) {
  return (await t.ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

const draft1 = {
  标题: '关于开展安全生产大检查的通知',
  主送: ['各区人民政府', '市财政局', '市教育局'],
  正文: '为切实做好岁末年初安全生产工作，现就有关事项通知如下。各单位要高度重视。请于12月10日前报送自查报告。',
  签发: { 签发人: null, 意见: null },
};
const draft2 = {
  ...draft1,
  主送: ['各区人民政府', '市财政局', '市审计局', '市教育局'],
  正文: '为切实做好岁末年初安全生产工作，现就有关事项通知如下。各单位要高度重视，主要负责同志亲自部署。请于12月10日前报送自查报告。',
  附注: '联系人：文电科，电话：12345678',
};

describe.each(testDialects())('K-4 content versions [%s]', (dialect) => {
  let t: TestApp;
  let office: Agent;
  let liaison: Agent;
  let drafter: Agent;
  let admin: Agent;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    office = await t.login('office');
    liaison = await t.login('liaison');
    drafter = await t.login('drafter');
    admin = await t.login('admin');
  });
  afterAll(async () => t?.close());

  const newMatter = async (extra: Record<string, unknown> = {}) => {
    const res = await office.post('/api/v1/matters', { kind: 'coordination', title: '起草安全生产大检查通知', ...extra });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; version: number };
  };
  const save = (agent: Agent, matterId: string, body: Record<string, unknown>) => agent.post(`/api/v1/matters/${matterId}/versions`, body);

  it(`K-4 saves versions 1, 2 with author, time and reason; lists and reads each [${dialect}]`, async () => {
    const m = await newMatter();
    const r1 = await save(office, m.id, { content: draft1, reason: '拟稿', kind: 'outgoing.draft', baseVersionNo: 0 });
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json()).toMatchObject({ no: 1, kind: 'outgoing.draft', reason: '拟稿', authorName: '王建国', content: draft1, attachments: [] });
    expect(r1.json().createdAt).toBe(t.clock.now().toISOString());
    const r2 = await save(office, m.id, { content: draft2, reason: '根据核稿意见修改', baseVersionNo: 1 });
    expect(r2.statusCode, r2.body).toBe(200);
    // The kind carries over from the version before.
    expect(r2.json()).toMatchObject({ no: 2, kind: 'outgoing.draft', reason: '根据核稿意见修改' });

    const list = (await office.get(`/api/v1/matters/${m.id}/versions`)).json();
    expect(list.items.map((v: { no: number; reason: string }) => [v.no, v.reason])).toEqual([
      [1, '拟稿'],
      [2, '根据核稿意见修改'],
    ]);
    expect(list.items[0]).not.toHaveProperty('content');
    const v1 = (await office.get(`/api/v1/matters/${m.id}/versions/1`)).json();
    expect(v1.content).toEqual(draft1);
    expect((await office.get(`/api/v1/matters/${m.id}/versions/3`)).statusCode).toBe(404);

    // Audited in the matter's history, with the fields that changed.
    const detail = (await office.get(`/api/v1/matters/${m.id}`)).json();
    const saved = detail.history.filter((h: { action: string }) => h.action === 'content.version_saved');
    expect(saved).toHaveLength(2);
    expect(JSON.parse(saved[1].detail)).toMatchObject({ versionNo: 2, reason: '根据核稿意见修改', changedFields: ['主送', '正文', '附注'] });
    // Saving a version does not move the matter's own version (its compare-and-set stays valid).
    expect(detail.version).toBe(m.version);
  });

  it(`K-4 diff of two versions over HTTP, field by field, long text by sentence [${dialect}]`, async () => {
    const m = await newMatter();
    await save(office, m.id, { content: draft1, reason: '拟稿' });
    await save(office, m.id, { content: draft2, reason: '修改' });
    const res = await office.get(`/api/v1/matters/${m.id}/versions/diff?from=1&to=2`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ matterId: m.id, from: 1, to: 2 });
    expect(d.changes.map((c: { kind: string; field: string }) => `${c.kind} ${c.field}`)).toEqual(['changed 主送', 'changed 正文', 'added 附注']);
    const recipients = d.changes[0];
    expect(recipients.parts.filter((p: { op: string }) => p.op !== 'same')).toEqual([{ op: 'added', value: '市审计局' }]);
    const body = d.changes[1];
    expect(body.parts).toEqual([
      { op: 'same', value: '为切实做好岁末年初安全生产工作，现就有关事项通知如下。' },
      { op: 'removed', value: '各单位要高度重视。' },
      { op: 'added', value: '各单位要高度重视，主要负责同志亲自部署。' },
      { op: 'same', value: '请于12月10日前报送自查报告。' },
    ]);
    expect(d.changes[2]).toMatchObject({ field: '附注', kind: 'added', after: draft2.附注 });
    expect(d.changes[2]).not.toHaveProperty('before');

    // Defaults: the latest against the one before; from=0 is "nothing yet".
    expect((await office.get(`/api/v1/matters/${m.id}/versions/diff`)).json()).toEqual(d);
    const first = (await office.get(`/api/v1/matters/${m.id}/versions/diff?from=0&to=1`)).json();
    expect(first.changes.every((c: { kind: string }) => c.kind === 'added')).toBe(true);
    expect((await office.get(`/api/v1/matters/${m.id}/versions/diff?from=1&to=1`)).json().changes).toEqual([]);
    expect((await office.get(`/api/v1/matters/${m.id}/versions/diff?from=1&to=7`)).statusCode).toBe(404);
    const bad = await office.get(`/api/v1/matters/${m.id}/versions/diff?to=abc`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.path).toBe('query.to');
  });

  it(`K-4 versions are immutable: no route changes them and the database refuses UPDATE and DELETE [${dialect}]`, async () => {
    const m = await newMatter();
    await save(office, m.id, { content: draft1, reason: '拟稿' });
    await save(office, m.id, { content: draft2, reason: '修改' });
    const url = `/api/v1/matters/${m.id}/versions/1`;
    for (const res of [await office.put(url, { content: {} }), await office.patch(url, { content: {} }), await office.delete(url)])
      expect(res.statusCode).toBe(404);
    await expect(t.ctx.db.updateTable('content_versions').set({ reason: '篡改' }).where('matter_id', '=', m.id).execute()).rejects.toThrow(/immutable/);
    await expect(t.ctx.db.deleteFrom('content_versions').where('matter_id', '=', m.id).execute()).rejects.toThrow(/immutable/);
    const v1 = (await office.get(`/api/v1/matters/${m.id}/versions/1`)).json();
    expect(v1).toMatchObject({ no: 1, reason: '拟稿', content: draft1 });
  });

  it(`K-4 a save based on a version that is no longer the latest is 409 stale_version [${dialect}]`, async () => {
    const m = await newMatter();
    expect((await save(office, m.id, { content: draft1, reason: '拟稿', baseVersionNo: 0 })).statusCode).toBe(200);
    expect((await save(office, m.id, { content: draft2, reason: '修改', baseVersionNo: 1 })).statusCode).toBe(200);
    const stale = await save(office, m.id, { content: { ...draft1, 标题: '改过的标题' }, reason: '在旧稿上修改', baseVersionNo: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    expect(stale.json().error.message).toMatch(/第1版.*第2版/);
    expect((await save(office, m.id, { content: draft1, reason: 'x', baseVersionNo: 5 })).json().error.code).toBe('stale_version');
    // Two people save on the same base at once: exactly one wins, the other is told to refresh.
    const [a, b] = await Promise.all([
      save(office, m.id, { content: { ...draft2, 标题: '甲的修改' }, reason: '甲', baseVersionNo: 2 }),
      save(office, m.id, { content: { ...draft2, 标题: '乙的修改' }, reason: '乙', baseVersionNo: 2 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((a.statusCode === 409 ? a : b).json().error.code).toBe('stale_version');
    const list = (await office.get(`/api/v1/matters/${m.id}/versions`)).json();
    expect(list.items.map((v: { no: number }) => v.no)).toEqual([1, 2, 3]);
  });

  it(`K-4 concurrent saves of one matter get consecutive version numbers [${dialect}]`, async () => {
    const m = await newMatter();
    const versions = createContentVersions(t.ctx);
    const by = await userId(t, 'office');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => runTx(t.ctx.db, (tx) => versions.save(tx, { matterId: m.id, by, content: { 序号: i }, reason: `第${i}次保存` }))),
    );
    expect(results.map((r) => r.no).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // A save in a transaction that rolls back leaves no version behind.
    await expect(
      runTx(t.ctx.db, async (tx) => {
        await versions.save(tx, { matterId: m.id, by, content: { 序号: 'x' }, reason: '回滚' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await versions.latestNo(t.ctx.db, m.id)).toBe(20);
  });

  it(`K-4 need-to-know: a matter the actor may not see is 404 on every versions route [${dialect}]`, async () => {
    const m = await newMatter({ restricted: true });
    await save(office, m.id, { content: draft1, reason: '拟稿' });
    for (const url of [`/api/v1/matters/${m.id}/versions`, `/api/v1/matters/${m.id}/versions/1`, `/api/v1/matters/${m.id}/versions/diff?from=0&to=1`]) {
      const res = await liaison.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.message).toContain('不存在或您无权查看');
    }
    expect((await save(liaison, m.id, { content: draft2, reason: '越权' })).statusCode).toBe(404);
    expect((await liaison.get('/api/v1/matters/no-such-matter/versions')).statusCode).toBe(404);
  });

  it(`K-4 the owner or the office saves; others who may see the matter only read; administrators neither [${dialect}]`, async () => {
    const drafterId = await userId(t, 'drafter');
    const liaisonId = await userId(t, 'liaison');
    const m = await newMatter({ ownerId: drafterId, restricted: true, accessUserIds: [drafterId, liaisonId] });
    const own = await save(drafter, m.id, { content: draft1, reason: '拟稿' });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().authorName).toBe('吴晓东');
    expect((await liaison.get(`/api/v1/matters/${m.id}/versions/1`)).statusCode).toBe(200);
    const refused = await save(liaison, m.id, { content: draft2, reason: '修改' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/承办人或办公室/);
    expect((await save(admin, m.id, { content: draft2, reason: '修改' })).statusCode).toBe(403);
    expect((await save(office, m.id, { content: draft2, reason: '核稿修改' })).json().no).toBe(2);
  });

  it(`K-4 malformed saves are 400 naming the field; a closed matter takes no new version [${dialect}]`, async () => {
    const m = await newMatter();
    const cases: [Record<string, unknown>, string][] = [
      [{ content: '正文', reason: '拟稿' }, 'body.content'],
      [{ content: ['a'], reason: '拟稿' }, 'body.content'],
      [{ content: draft1 }, 'body.reason'],
      [{ content: draft1, reason: '  ' }, 'body.reason'],
      [{ content: draft1, reason: '拟稿', baseVersionNo: -1 }, 'body.baseVersionNo'],
      [{ content: { 正文: 'x'.repeat(1_000_001) }, reason: '拟稿' }, 'body.content'],
      // Neither PostgreSQL's text nor its jsonb can hold NUL or an unpaired surrogate: refused on both databases.
      [{ content: { 正文: '甲\u0000乙' }, reason: '拟稿' }, 'body.content'],
      [{ content: { 附件: [{ 名称: '\ud800' }] }, reason: '拟稿' }, 'body.content'],
      [{ content: draft1, reason: '拟\u0000稿' }, 'body.reason'],
    ];
    for (const [body, path] of cases) {
      const res = await save(office, m.id, body);
      expect(res.statusCode, path).toBe(400);
      // The field itself, or (for a NUL character, refused before the schema) the string inside it.
      expect(res.json().error.path === path || res.json().error.path.startsWith(`${path}.`), res.json().error.path).toBe(true);
    }
    expect((await office.get(`/api/v1/matters/${m.id}/versions`)).json().items).toEqual([]);
    expect((await office.get(`/api/v1/matters/${m.id}/versions/diff`)).statusCode).toBe(404);

    const current = (await office.get(`/api/v1/matters/${m.id}`)).json();
    const cancel = await office.post(`/api/v1/matters/${m.id}/events/cancel`, { version: current.version, comment: '不再需要' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const closed = await save(office, m.id, { content: draft1, reason: '拟稿' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('invalid_state');
  });

  it(`K-4 attachments belong to a version: added to the latest one, listed with it, never removed [${dialect}]`, async () => {
    const m = await newMatter();
    await save(office, m.id, { content: draft1, reason: '拟稿' });
    await save(office, m.id, { content: draft2, reason: '修改' });
    const file = { filename: '附件1 检查方案.txt', mime: 'text/plain', contentBase64: Buffer.from('检查方案').toString('base64') };
    const up = await office.post(`/api/v1/matters/${m.id}/attachments`, { ...file, contentVersionNo: 2 });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ filename: file.filename, contentVersionNo: 2, canDelete: false });
    const loose = await office.post(`/api/v1/matters/${m.id}/attachments`, { ...file, filename: '参考资料.txt' });
    expect(loose.json()).toMatchObject({ contentVersionNo: null, canDelete: true });

    expect((await office.get(`/api/v1/matters/${m.id}/versions/2`)).json().attachments.map((a: { filename: string }) => a.filename)).toEqual([file.filename]);
    expect((await office.get(`/api/v1/matters/${m.id}/versions/1`)).json().attachments).toEqual([]);
    const all = (await office.get(`/api/v1/matters/${m.id}/attachments`)).json().items;
    expect(all.map((a: { contentVersionNo: number | null }) => a.contentVersionNo)).toEqual([2, null]);

    const older = await office.post(`/api/v1/matters/${m.id}/attachments`, { ...file, contentVersionNo: 1 });
    expect(older.statusCode).toBe(409);
    expect(older.json().error.code).toBe('stale_version');
    const missing = await office.post(`/api/v1/matters/${m.id}/attachments`, { ...file, contentVersionNo: 9 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.path).toBe('body.contentVersionNo');

    const del = await office.delete(`/api/v1/attachments/${up.json().id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.code).toBe('invalid_state');
    expect((await office.delete(`/api/v1/attachments/${loose.json().id}`)).statusCode).toBe(200);
  });
});
