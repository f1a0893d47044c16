/** OUT-1 and the draft over HTTP: a 发文 from the drafting brief to an edited, versioned, checked draft. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../../test/app';
import { testDialects } from '../../../test/db';
import { ManualClock } from '../../../platform/clock';

const uid = async (t: TestApp, username: string) =>
  (await t.ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const did = async (t: TestApp, name: string) => (await t.ctx.db.selectFrom('departments').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
const oid = async (t: TestApp, name: string) => (await t.ctx.db.selectFrom('organs').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

describe.each(testDialects())('OUT 发文: drafting brief and draft [%s]', (dialect) => {
  let t: TestApp;
  let office: Agent, drafter: Agent, liaison: Agent, leader: Agent, deputy: Agent, wangfangA: Agent, finDrafter: Agent, admin: Agent;
  let leaderId: string, deputyId: string, wangfang: string, edu: string, fin: string, gov: string, countyA: string, countyB: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: new ManualClock('2026-11-27T01:00:00Z') });
    [office, drafter, liaison, leader, deputy, wangfangA, admin] = await Promise.all(
      ['office', 'drafter', 'liaison', 'leader', 'deputy', 'wangfang', 'admin'].map((u) => t.login(u)),
    );
    await t.ctx.db
      .updateTable('users')
      .set({
        password_hash: (await t.ctx.db.selectFrom('users').select('password_hash').where('username', '=', 'drafter').executeTakeFirstOrThrow()).password_hash,
      })
      .where('username', '=', 'czj.drafter')
      .execute();
    finDrafter = await t.login('czj.drafter');
    leaderId = await uid(t, 'leader');
    deputyId = await uid(t, 'deputy');
    wangfang = await uid(t, 'wangfang');
    edu = await did(t, '市教育局');
    fin = await did(t, '市财政局');
    gov = await oid(t, '某市人民政府');
    countyA = await oid(t, '甲县人民政府');
    countyB = await oid(t, '乙县人民政府');
  });
  afterAll(async () => t?.close());

  const brief = (over: Record<string, unknown> = {}) => ({
    title: '关于做好2027年春季学期开学工作',
    draftingDepartmentId: edu,
    leaderIds: [leaderId, wangfang],
    docType: '通知',
    secrecy: 'none',
    urgency: 'none',
    ...over,
  });
  const draft = (over: Record<string, unknown> = {}) => ({
    docType: '通知',
    issuers: [gov],
    mainTo: [countyA, countyB],
    copyTo: [],
    title: '某市人民政府关于做好2027年春季学期开学工作',
    body: [
      { level: 0, text: '为做好2027年春季学期开学工作，现将有关事项通知如下。' },
      { level: 1, text: '一、总体要求' },
      { level: 0, text: '各县人民政府要高度重视，确保平稳有序开学。' },
    ],
    attachments: ['开学工作检查表'],
    note: null,
    secrecy: 'none',
    secrecyTerm: null,
    urgency: 'none',
    publicity: '主动公开',
    ...over,
  });
  const create = async (who: Agent = office, over: Record<string, unknown> = {}) => {
    const res = await who.post('/api/v1/outgoing', brief(over));
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('OUT-1 the office creates a 发文 for a department from two leaders; it is 拟稿中 and those involved see it', async () => {
    const d = await create();
    expect(d).toMatchObject({ status: 'drafting', statusLabel: '拟稿中', docType: '通知', draftingDepartment: { id: edu, name: '市教育局' } });
    expect(d.leaders.map((l: { id: string }) => l.id)).toEqual([leaderId, wangfang]);
    expect(d.allowedActions.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['brief', 'writeIntent', 'editDraft']));
    expect(d.allowedActions.find((a: { action: string }) => a.action === 'saveVersion')).toBeUndefined();
    for (const who of [drafter, liaison, leader, wangfangA]) expect((await who.get(`/api/v1/outgoing/${d.id}`)).statusCode).toBe(200);
    // need-to-know: a leader not asked, another department's drafter and the administrator do not see it
    for (const who of [deputy, finDrafter, admin]) expect((await who.get(`/api/v1/outgoing/${d.id}`)).statusCode).toBe(404);
    expect((await deputy.get('/api/v1/outgoing')).json().items.map((i: { id: string }) => i.id)).not.toContain(d.id);
    expect((await drafter.get('/api/v1/outgoing')).json().items.map((i: { id: string }) => i.id)).toContain(d.id);
  });

  it('OUT-1 who may create: a liaison or drafter for their own department only; leaders and administrators not; bad input is 400 naming the field', async () => {
    expect((await liaison.post('/api/v1/outgoing', brief())).statusCode).toBe(200);
    const other = await liaison.post('/api/v1/outgoing', brief({ draftingDepartmentId: fin }));
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toContain('本部门');
    expect((await leader.post('/api/v1/outgoing', brief())).statusCode).toBe(403);
    expect((await admin.post('/api/v1/outgoing', brief())).statusCode).toBe(403);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ title: '  ' }, 'body.title', /不能为空/],
      [{ leaderIds: [] }, 'body.leaderIds', /至少选择一位/],
      [{ leaderIds: [deputyId, deputyId] }, 'body.leaderIds', /不能重复/],
      [{ docType: '便函' }, 'body.docType', /文种/],
      [{ secrecy: '秘密' }, 'body.secrecy', /涉密不上网/],
      [{ leaderIds: [await uid(t, 'office')] }, 'body.leaderIds[0]', /在职领导/],
      [{ draftingDepartmentId: 'nope' }, 'body.draftingDepartmentId', /起草部门/],
    ];
    const before = Number(
      (
        await t.ctx.db
          .selectFrom('matters')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    for (const [over, path, msg] of cases) {
      const res = await office.post('/api/v1/outgoing', brief(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().error.path).toBe(path);
      expect(res.json().error.message).toMatch(msg);
    }
    expect(
      Number(
        (
          await t.ctx.db
            .selectFrom('matters')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(before);
  });

  it('OUT-1 leaders record their own 交代; the office records one given by phone on a leader’s behalf, marked so; others are refused', async () => {
    let d = await create();
    const own = await leader.post(`/api/v1/outgoing/${d.id}/instructions`, {
      version: d.version,
      leaderId,
      text: '开学工作要突出安全，文件要短。',
      givenOn: '2026-11-26',
      channel: 'written',
    });
    expect(own.statusCode, own.body).toBe(200);
    d = own.json();
    const phone = await office.post(`/api/v1/outgoing/${d.id}/instructions`, {
      version: d.version,
      leaderId: wangfang,
      text: '请把农村学校的校车安全写进去。',
      givenOn: '2026-11-27',
      channel: 'phone',
    });
    expect(phone.statusCode, phone.body).toBe(200);
    d = phone.json();
    expect(d.instructions.map((i: Record<string, unknown>) => [i.leaderName, i.channel, i.onBehalf, i.recordedByName, i.givenOn])).toEqual([
      ['张国华', 'written', false, '张国华', '2026-11-26'],
      ['王芳', 'phone', true, '王建国', '2026-11-27'],
    ]);
    // a leader may not record another leader's 交代; a stale version is 409; a future date, a leader not on the 发文 400
    const refusals: [Agent, Record<string, unknown>, number, string?][] = [
      [leader, { leaderId: wangfang }, 403],
      [wangfangA, { leaderId: wangfang, version: d.version - 1 }, 409],
      [office, { givenOn: '2026-11-28' }, 400, 'body.givenOn'],
      [office, { givenOn: '2026-02-30' }, 400, 'body.givenOn'],
      [office, { leaderId: deputyId }, 400, 'body.leaderId'],
      [office, { text: '' }, 400, 'body.text'],
      [office, { channel: 'fax' }, 400, 'body.channel'],
      [drafter, {}, 403],
      [deputy, {}, 404],
    ];
    for (const [who, over, code, path] of refusals) {
      const res = await who.post(`/api/v1/outgoing/${d.id}/instructions`, {
        version: d.version,
        leaderId: wangfang,
        text: '补充交代',
        givenOn: '2026-11-27',
        channel: 'in_person',
        ...over,
      });
      expect(res.statusCode, `${JSON.stringify(over)} ${res.body}`).toBe(code);
      if (path) expect(res.json().error.path).toBe(path);
    }
    expect((await office.get(`/api/v1/outgoing/${d.id}`)).json().instructions).toHaveLength(2);
  });

  it('OUT-1 the office writes the 统一意图 from the 交代 (each save a version, sources named); the drafter sees it; only the office writes it', async () => {
    let d = await create();
    d = (
      await leader.post(`/api/v1/outgoing/${d.id}/instructions`, {
        version: d.version,
        leaderId,
        text: '突出安全。',
        givenOn: '2026-11-26',
        channel: 'written',
      })
    ).json();
    d = (
      await office.post(`/api/v1/outgoing/${d.id}/instructions`, {
        version: d.version,
        leaderId: wangfang,
        text: '写校车安全。',
        givenOn: '2026-11-27',
        channel: 'phone',
      })
    ).json();
    const [a, b] = d.instructions.map((i: { id: string }) => i.id);
    const first = await office.post(`/api/v1/outgoing/${d.id}/intent`, { baseVersionNo: 0, text: '以安全为重点部署开学工作。', sourceIds: [a] });
    expect(first.statusCode, first.body).toBe(200);
    const second = await office.post(`/api/v1/outgoing/${d.id}/intent`, {
      baseVersionNo: first.json().intent.versionNo,
      text: '以安全为重点部署开学工作，写明校车安全。',
      sourceIds: [a, b],
    });
    expect(second.statusCode, second.body).toBe(200);
    const seen = (await drafter.get(`/api/v1/outgoing/${d.id}`)).json();
    expect(seen.intent).toMatchObject({ text: '以安全为重点部署开学工作，写明校车安全。', sourceIds: [a, b], authorName: '王建国' });
    expect(seen.intentVersions).toHaveLength(2);
    expect(seen.draftVersions).toHaveLength(0);
    const stale = await office.post(`/api/v1/outgoing/${d.id}/intent`, { baseVersionNo: first.json().intent.versionNo, text: '旧稿上的修改', sourceIds: [a] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    expect((await drafter.post(`/api/v1/outgoing/${d.id}/intent`, { baseVersionNo: 2, text: '拟稿人改意图', sourceIds: [a] })).statusCode).toBe(403);
    const badSource = await office.post(`/api/v1/outgoing/${d.id}/intent`, { baseVersionNo: 2, text: '意图', sourceIds: ['x'] });
    expect(badSource.statusCode).toBe(400);
    expect(badSource.json().error.path).toBe('body.sourceIds[0]');
    expect((await office.post(`/api/v1/outgoing/${d.id}/intent`, { baseVersionNo: 2, text: '意图', sourceIds: [] })).json().error.path).toBe('body.sourceIds');
  });

  it('OUT-1 the draft: every save a version with the checker’s findings; a live check saves nothing; a stale save is 409; a readable diff of two versions', async () => {
    const d = await create();
    const checked = await drafter.post(`/api/v1/outgoing/${d.id}/draft/check`, { draft: draft() });
    expect(checked.statusCode, checked.body).toBe(200);
    const f20 = checked.json().findings.find((f: { rule: string }) => f.rule === 'F-20');
    expect(f20).toMatchObject({ severity: 'error', field: 'title' });
    expect(f20.message).toContain('文种');
    expect((await drafter.get(`/api/v1/outgoing/${d.id}`)).json().draftVersions).toHaveLength(0);

    const v1 = await drafter.post(`/api/v1/outgoing/${d.id}/draft`, { baseVersionNo: 0, draft: draft(), reason: '初稿' });
    expect(v1.statusCode, v1.body).toBe(200);
    expect(v1.json().draft.versionNo).toBe(1);
    expect(v1.json().findings.map((f: { rule: string }) => f.rule)).toContain('F-20');
    // the fix: the title ends with its 文种
    const fixed = draft({ title: '某市人民政府关于做好2027年春季学期开学工作的通知' });
    const v2 = await drafter.post(`/api/v1/outgoing/${d.id}/draft`, { baseVersionNo: 1, draft: fixed, reason: '标题补上文种' });
    expect(v2.statusCode, v2.body).toBe(200);
    expect(v2.json().findings.map((f: { rule: string }) => f.rule)).not.toContain('F-20');
    expect(v2.json().draftVersions.map((v: { no: number; reason: string; authorName: string }) => [v.no, v.reason, v.authorName])).toEqual([
      [1, '初稿', '吴晓东'],
      [2, '标题补上文种', '吴晓东'],
    ]);
    // the office edits too; someone editing from version 1 now is refused, nothing stored
    const stale = await office.post(`/api/v1/outgoing/${d.id}/draft`, { baseVersionNo: 1, draft: draft({ note: '旧稿' }) });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    expect((await office.get(`/api/v1/outgoing/${d.id}`)).json().draftVersions).toHaveLength(2);
    // an intent saved meanwhile does not make the draft stale
    await office.post(`/api/v1/outgoing/${d.id}/instructions`, {
      version: v2.json().version,
      leaderId,
      text: '要简短。',
      givenOn: '2026-11-27',
      channel: 'in_person',
    });
    const inst = (await office.get(`/api/v1/outgoing/${d.id}`)).json().instructions[0].id;
    expect((await office.post(`/api/v1/outgoing/${d.id}/intent`, { baseVersionNo: 0, text: '简短部署。', sourceIds: [inst] })).statusCode).toBe(200);
    const v3 = await office.post(`/api/v1/outgoing/${d.id}/draft`, {
      baseVersionNo: 2,
      draft: { ...fixed, copyTo: [await oid(t, '中共某市委员会')] },
      reason: '加抄送',
    });
    expect(v3.statusCode, v3.body).toBe(200);
    // the diff of the two drafts, field by field (the kernel's diff)
    const diff = await drafter.get(`/api/v1/matters/${d.id}/versions/diff?from=1&to=2`);
    expect(diff.statusCode).toBe(200);
    expect(diff.json().changes).toEqual([
      expect.objectContaining({
        field: 'title',
        before: '某市人民政府关于做好2027年春季学期开学工作',
        after: '某市人民政府关于做好2027年春季学期开学工作的通知',
      }),
    ]);
    // the generic versions route saves nothing of a 发文
    const generic = await drafter.post(`/api/v1/matters/${d.id}/versions`, { content: { title: 'x' }, reason: '绕过' });
    expect(generic.statusCode).toBe(403);
  });

  it('OUT-1 the draft refused: not the drafter or the office, unknown organs, empty title, bad levels, classified — 400 naming the field, nothing stored', async () => {
    const d = await create();
    for (const who of [leader, wangfangA])
      expect((await who.post(`/api/v1/outgoing/${d.id}/draft`, { baseVersionNo: 0, draft: draft() })).statusCode).toBe(403);
    expect((await leader.post(`/api/v1/outgoing/${d.id}/draft/check`, { draft: draft() })).statusCode).toBe(403);
    expect((await finDrafter.post(`/api/v1/outgoing/${d.id}/draft`, { baseVersionNo: 0, draft: draft() })).statusCode).toBe(404);
    // the liaison of the drafting department is a drafter too
    expect((await liaison.post(`/api/v1/outgoing/${d.id}/draft/check`, { draft: draft() })).statusCode).toBe(200);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ mainTo: [countyA, 'no-such-organ'] }, 'body.draft.mainTo[1]', /不是本系统中的机关/],
      [{ issuers: [] }, 'body.draft.issuers', /至少选择一个发文机关/],
      [{ title: '' }, 'body.draft.title', /不能为空/],
      [{ body: [{ level: 7, text: '段落' }] }, 'body.draft.body[0].level', /段落层次/],
      [{ body: [] }, 'body.draft.body', /正文至少一段/],
      [{ secrecy: '机密', secrecyTerm: '10年' }, 'body.draft.secrecy', /涉密不上网/],
      [{ publicity: '公开' }, 'body.draft.publicity', /公开属性/],
      [{ copyTo: [countyA, countyA] }, 'body.draft.copyTo', /不能重复/],
    ];
    for (const [over, path, msg] of cases) {
      const res = await drafter.post(`/api/v1/outgoing/${d.id}/draft`, { baseVersionNo: 0, draft: draft(over) });
      expect(res.statusCode, `${JSON.stringify(over)} ${res.body}`).toBe(400);
      expect(res.json().error.path).toBe(path);
      expect(res.json().error.message).toMatch(msg);
    }
    expect((await drafter.get(`/api/v1/outgoing/${d.id}`)).json().draftVersions).toHaveLength(0);
  });

  it('OUT-1 the policy by state: after 拟稿 (in 审核) the draft and the intent are closed (409 invalid_state); a 停办 发文 takes no more 交代; versions are read under need-to-know', async () => {
    let d = await create();
    d = (await drafter.post(`/api/v1/outgoing/${d.id}/draft`, { baseVersionNo: 0, draft: draft() })).json();
    // a test fixture: the review slice will move it there through its command
    const setState = async (status: string, closed: boolean) =>
      t.ctx.db
        .updateTable('matters')
        .set({ status, closed_at: closed ? new Date().toISOString() : null })
        .where('id', '=', d.id)
        .execute();
    await setState('review', false);
    const seen = (await drafter.get(`/api/v1/outgoing/${d.id}`)).json();
    expect(seen.allowedActions.map((a: { action: string }) => a.action)).not.toContain('editDraft');
    const save = await drafter.post(`/api/v1/outgoing/${d.id}/draft`, { baseVersionNo: 1, draft: draft({ note: '审核中修改' }) });
    expect(save.statusCode).toBe(409);
    expect(save.json().error.code).toBe('invalid_state');
    expect(save.json().error.message).toContain('审核中');
    expect((await office.post(`/api/v1/outgoing/${d.id}/intent`, { baseVersionNo: 0, text: '意图', sourceIds: ['x'] })).json().error.code).toBe(
      'invalid_state',
    );
    // 交代 may still come while the document is under way
    const late = await leader.post(`/api/v1/outgoing/${d.id}/instructions`, {
      version: seen.version,
      leaderId,
      text: '审核时补充交代。',
      givenOn: '2026-11-27',
      channel: 'written',
    });
    expect(late.statusCode, late.body).toBe(200);
    await setState('cancelled', true);
    const closed = await leader.post(`/api/v1/outgoing/${d.id}/instructions`, {
      version: late.json().version,
      leaderId,
      text: '再补充。',
      givenOn: '2026-11-27',
      channel: 'written',
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('invalid_state');
    // the generic events route fires nothing of a 发文 (every event is owned by its command)
    const ev = await office.post(`/api/v1/matters/${d.id}/events/cancel`, { version: late.json().version, comment: '不再发文' });
    expect(ev.statusCode).toBe(422);
    expect(ev.json().error.code).toBe('owned_event');
    expect((await deputy.get(`/api/v1/matters/${d.id}/versions`)).statusCode).toBe(404);
    expect((await deputy.get(`/api/v1/matters/${d.id}/versions/diff?from=0&to=1`)).statusCode).toBe(404);
    expect((await drafter.get(`/api/v1/matters/${d.id}/versions`)).json().items).toHaveLength(1);
  });
});
