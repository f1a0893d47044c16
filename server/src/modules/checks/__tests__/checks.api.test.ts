import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJson } from '@xietiao/domain/checks/index';
import { O, ORGANS, rawBase } from '@xietiao/domain/checks/__tests__/fixtures';
import { createTestApp, type Agent, type TestApp } from '../../../test/app';
import { testDialects } from '../../../test/db';

const URL = '/api/v1/checks/document';

type Raw = { organs: unknown[]; document: Record<string, unknown> };
const base = () => rawBase() as Raw;

describe.each(testDialects())('POST /api/v1/checks/document [%s]', (dialect) => {
  let t: TestApp;
  let office: Agent;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    office = await t.login('office');
  });
  afterAll(async () => t?.close());

  it('check-contract: a clean document gives 200 {"findings": []}', async () => {
    const res = await office.post(URL, base());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ findings: [] });
  });

  it('check-contract: a broken 请示 gives 200 with the engine’s findings, rule IDs and paths, sorted', async () => {
    const raw = base();
    raw.document.mainTo = [O.cityGov, O.otherCityGov];
    raw.document.matters = ['追加防汛经费', '购置抢险车辆'];
    raw.document.signatory = [];
    raw.document.note = null;
    const res = await office.post(URL, raw);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { findings: { rule: string; severity: string; message: string; path: string }[] };
    expect(Object.keys(body)).toEqual(['findings']);
    expect(body.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['R-ROUTE-02', 'R-ROUTE-06a', 'X-03', 'X-13']));
    expect(body.findings).toContainEqual(expect.objectContaining({ rule: 'R-ROUTE-02', severity: 'error', path: 'document.mainTo' }));
    const want = checkJson(raw);
    expect(want.ok && want.result).toEqual(body); // the same engine, the same order as the command line
  });

  it('check-contract: unknown fields are ignored', async () => {
    const raw = base() as Raw & { extra?: unknown };
    raw.extra = { anything: 1 };
    raw.document.comment = '草稿';
    const res = await office.post(URL, raw);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ findings: [] });
  });

  it.each([
    [
      'an unknown organ',
      (r: Raw) => {
        r.document.mainTo = [O.cityGov, 'x'];
      },
      'document.mainTo[1]',
      /未知机关 "x"/,
    ],
    [
      'a wrong type',
      (r: Raw) => {
        r.document.title = 42;
      },
      'document.title',
      /类型错误/,
    ],
    [
      'an unknown 文种',
      (r: Raw) => {
        r.document.type = '申请';
      },
      'document.type',
      /未知文种 "申请"/,
    ],
    [
      'a missing document',
      (r: Raw) => {
        delete (r as Partial<Raw>).document;
      },
      'document',
      /缺少必填字段/,
    ],
    [
      'a missing organ kind',
      (r: Raw) => {
        delete (r.organs[2] as Record<string, unknown>).kind;
      },
      'organs[2].kind',
      /机关类型/,
    ],
  ])('check-contract: %s gives 400 with error.path naming the offending path', async (_what, mutate, path, message) => {
    const raw = base();
    mutate(raw);
    const res = await office.post(URL, raw);
    expect(res.statusCode, res.body).toBe(400);
    const err = (res.json() as { error: { code: string; message: string; path: string } }).error;
    expect(err.path).toBe(path);
    expect(err.message.startsWith(`${path}: `), err.message).toBe(true);
    expect(err.message).toMatch(message);
  });

  it('check-contract: a body that is not an object gives 400', async () => {
    const res = await office.post(URL, [ORGANS]);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toBeTruthy();
  });

  it('check-contract: without a logged-in session the check answers 401', async () => {
    const res = await t.app.inject({ method: 'POST', url: URL, payload: base() });
    expect(res.statusCode, res.body).toBe(401);
    expect(res.json().error.code).toBe('unauthorized');
  });
});
