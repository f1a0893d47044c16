import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/app';
import { testDialects } from '../../test/db';

describe.each(testDialects())('attachments [%s]', (dialect) => {
  let t: TestApp;
  let liaison: Agent, office: Agent;
  let activityId: string;
  const pdf = Buffer.from('%PDF-1.4\n% 邀请函\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  beforeAll(async () => {
    t = await createTestApp(dialect);
    [liaison, office] = await Promise.all([t.login('liaison'), t.login('office')]);
    const edu = (await t.ctx.db.selectFrom('departments').select('id').where('name', '=', '市教育局').executeTakeFirstOrThrow()).id;
    const a = await liaison.post('/api/v1/activities', {
      category: '会议',
      title: '带附件的出席申请',
      organiserName: '市教育局',
      organiserDepartmentId: edu,
      heldInName: 'other',
      startsAt: '2026-12-15T02:00:00Z',
      endsAt: '2026-12-15T03:00:00Z',
      place: '市教育局会议室',
      travelMinutes: 15,
    });
    expect(a.statusCode, a.body).toBe(200);
    activityId = a.json().id;
  });
  afterAll(async () => t?.close());

  it('ACT-1 the organiser attaches the invitation; the office sees and downloads it intact', async () => {
    const up = await liaison.post(`/api/v1/matters/${activityId}/attachments`, {
      filename: '邀请函.pdf',
      mime: 'application/pdf',
      contentBase64: pdf.toString('base64'),
    });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ filename: '邀请函.pdf', size: pdf.length, canDelete: true });
    const detail = (await office.get(`/api/v1/activities/${activityId}`)).json();
    expect(detail.attachments.map((a: { filename: string }) => a.filename)).toEqual(['邀请函.pdf']);
    const file = await office.get(`/api/v1/attachments/${up.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('邀请函.pdf'));
    expect(Buffer.compare(file.rawPayload, pdf)).toBe(0);
  });

  it('X-4 nobody without need-to-know lists, downloads or deletes an attachment', async () => {
    const up = (
      await liaison.post(`/api/v1/matters/${activityId}/attachments`, {
        filename: '议程.txt',
        mime: 'text/plain',
        contentBase64: Buffer.from('议程').toString('base64'),
      })
    ).json();
    const other = await t.ctx.db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select('users.username')
      .where('user_roles.role', '=', 'liaison')
      .where('users.username', '!=', 'liaison')
      .executeTakeFirstOrThrow();
    const stranger = await t.login(other.username);
    expect((await stranger.get(`/api/v1/matters/${activityId}/attachments`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/v1/attachments/${up.id}`)).statusCode).toBe(404);
    expect((await stranger.delete(`/api/v1/attachments/${up.id}`)).statusCode).toBe(404);
    expect((await (await t.login('admin')).get(`/api/v1/attachments/${up.id}`)).statusCode).toBe(404);
  });

  it('ACT-1 refuses a wrong type, bad content or a bad name with the field named, and writes nothing', async () => {
    const before = (await office.get(`/api/v1/matters/${activityId}/attachments`)).json().items.length;
    const cases: [Record<string, unknown>, string][] = [
      [{ filename: 'x.exe', mime: 'application/x-msdownload', contentBase64: 'AAAA' }, 'body.mime'],
      [{ filename: 'x.pdf', mime: 'application/pdf', contentBase64: '不是base64' }, 'body.contentBase64'],
      [{ filename: '../x.pdf', mime: 'application/pdf', contentBase64: 'AAAA' }, 'body.filename'],
      [{ filename: '', mime: 'application/pdf', contentBase64: 'AAAA' }, 'body.filename'],
    ];
    for (const [body, path] of cases) {
      const res = await liaison.post(`/api/v1/matters/${activityId}/attachments`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.path).toBe(path);
    }
    expect((await office.get(`/api/v1/matters/${activityId}/attachments`)).json().items.length).toBe(before);
  });

  it('ACT-1 only the uploader or the office deletes, and not after the matter is closed', async () => {
    const up = (
      await office.post(`/api/v1/matters/${activityId}/attachments`, {
        filename: '拟办单.txt',
        mime: 'text/plain',
        contentBase64: Buffer.from('拟办').toString('base64'),
      })
    ).json();
    expect((await liaison.delete(`/api/v1/attachments/${up.id}`)).statusCode).toBe(403);
    expect((await office.delete(`/api/v1/attachments/${up.id}`)).statusCode).toBe(200);
    expect((await office.delete(`/api/v1/attachments/${up.id}`)).statusCode).toBe(404);
    const a = (await office.get(`/api/v1/activities/${activityId}`)).json();
    expect((await office.post(`/api/v1/matters/${activityId}/events/cancel`, { version: a.version, comment: '主办方取消' })).statusCode).toBe(200);
    const late = await liaison.post(`/api/v1/matters/${activityId}/attachments`, { filename: '补充.txt', mime: 'text/plain', contentBase64: 'AAAA' });
    expect(late.statusCode).toBe(409);
  });
});
