/**
 * Bad input is told as an office user reads it (issue #8 items 9 and 11): the message names the
 * field and says what is wrong in plain Chinese, control characters are refused in every field,
 * and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../test/app';
import { testDialects } from '../test/db';

describe.each(testDialects())('validation messages [%s]', (dialect) => {
  let t: TestApp;
  let office: Agent;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    office = await t.login('office');
  });
  afterAll(async () => t?.close());

  const matters = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('matters')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const create = (body: Record<string, unknown>) => office.post('/api/v1/matters', { kind: 'coordination', title: '关于某项工作的协调', ...body });

  // [case, body, field path, the message's words]
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['a decimal where an integer goes', { dueWorkingDays: 2.5 }, 'body.dueWorkingDays', '应为整数'],
    ['text where a number goes', { dueWorkingDays: '三' }, 'body.dueWorkingDays', '应为数字，不能是文字'],
    ['a number too large', { dueWorkingDays: 251 }, 'body.dueWorkingDays', '不能大于250'],
    ['a text too long', { description: '长'.repeat(5001) }, 'body.description', '不能超过5000个字'],
    ['a list too long', { accessUserIds: Array.from({ length: 101 }, (_, i) => `u${i}`) }, 'body.accessUserIds', '最多100项'],
    ['a value outside the list', { priority: 'top' }, 'body.priority', '紧急程度应为'],
    ['a yes/no given as text', { restricted: 'yes' }, 'body.restricted', '应为是或否（true/false）'],
    ['a line break in a one-line title', { title: '关于某项工作\n的协调' }, 'body.title', '不能换行'],
  ];
  it.each(cases)('X-8 %s is told in plain Chinese, naming the field, and nothing is stored', async (_, body, path, words) => {
    const before = await matters();
    const res = await create(body);
    expect(res.statusCode, res.body).toBe(400);
    const e = res.json().error;
    expect(e.path).toBe(path);
    expect(e.message).toContain(words);
    // after the field's name: no zod jargon, no English but the codes a value may take
    const said = e.message.slice(e.message.indexOf('：') + 1);
    expect(said).not.toMatch(/期望|实际接收|数值过|expected|received|Invalid/i);
    expect(await matters()).toBe(before);
  });

  it('X-8 an impossible date is told as an impossible date, a malformed one as a format', async () => {
    const m = (await create({})).json();
    const task = (await office.post(`/api/v1/matters/${m.id}/tasks`, { title: '报送材料', assigneeUserId: office.userId })).json();
    const impossible = await office.post(`/api/v1/tasks/${task.id}/extend`, { dueDate: '2026-02-30', reason: '延期' });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().error).toMatchObject({ path: 'body.dueDate', message: expect.stringContaining('日期不存在：2026-02-30') });
    const malformed = await office.post(`/api/v1/tasks/${task.id}/extend`, { dueDate: '2026/12/30', reason: '延期' });
    expect(malformed.json().error.message).toContain('日期格式应为 YYYY-MM-DD');
  });

  it('X-8 a __proto__ key is refused as such, not as invalid JSON', async () => {
    const before = await matters();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/matters',
      headers: { ...office.headers, 'content-type': 'application/json' },
      payload: '{"kind":"coordination","title":"关于某项工作","__proto__":{"admin":true}}',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).not.toBe('invalid_json');
    expect(res.json().error.message).toContain('__proto__');
    expect(await matters()).toBe(before);
  });

  const controls: [string, string][] = [
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['ESC', '\u001b'],
    ['DEL', '\u007f'],
    ['a C1 control', '\u0085'],
  ];
  it.each(controls)('X-8 a title holding %s is refused with the field named and nothing stored', async (_, ch) => {
    const before = await matters();
    const res = await create({ title: `关于某项工作${ch}的协调` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.path).toBe('body.title');
    expect(res.json().error.message).toMatch(/请求体字段 title：不能包含控制字符（U\+00[0-9A-F]{2}/);
    expect(await matters()).toBe(before);
  });

  it('X-8 line breaks and tabs stay allowed in multi-line fields', async () => {
    const res = await create({ description: '一、背景\n\t二、请示事项\r\n三、建议' });
    expect(res.statusCode, res.body).toBe(200);
  });
});
