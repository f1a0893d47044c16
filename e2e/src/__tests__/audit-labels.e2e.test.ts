// 办理记录 and 审计日志 in words: a demo activity's history and the audit viewer show
// every action, state and field by its Chinese name, ids as names, times in China time; the raw
// codes and JSON only behind 查看原始数据. Screenshots at 1366×768 and 390×844.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ENTITY_LABELS, ENTITY_STATE_LABELS, auditActionGroups } from '../../../domain/src/labels/index.ts';
import { LIFECYCLES } from '../../../domain/src/lifecycles/index.ts';
import { STEP_LIFECYCLES } from '../../../domain/src/kernel/steps.ts';
import { browserSuite, DEMO_PASSWORD, login, PHONE, screenshot, WIDE, type Viewport } from '../harness.ts';

/** Every action, event and state code (`activity.proposal_recorded`, `approveWithChanges`, `awaiting_approval`): none may appear. */
const CODES = [
  ...auditActionGroups().flatMap((g) => g.actions.map((a) => a.code)),
  ...[...Object.values(LIFECYCLES), ...Object.values(STEP_LIFECYCLES)].flatMap((lc) => [...Object.keys(lc.events), ...Object.keys(lc.states)]),
  ...Object.values(ENTITY_STATE_LABELS).flatMap((t) => Object.keys(t)),
  ...Object.keys(ENTITY_LABELS),
];
const CODE = new RegExp(`(?<![\\w.])(${[...new Set(CODES)].map((c) => c.replace(/\./g, '\\.')).join('|')})(?![\\w])`);
const ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const CHINA_TIME = /\d{4}年\d{1,2}月\d{1,2}日\s+\d{2}:\d{2}/;

const ACTIVITY = '全市卫生健康工作推进会';
const NEW_TITLE = '文电科副科长（审计测试）';

describe('办理记录与审计日志', () => {
  const suite = browserSuite();
  const { withPage } = suite;

  /** A JSON API call as `username` from Node (the session cookie and CSRF token by hand). */
  async function apiAs(username: string) {
    const base = suite.server.baseUrl;
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const r = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      expect(r.status, `${method} ${path}: ${text}`).toBe(200);
      return JSON.parse(text) as T;
    };
  }

  async function signIn(page: Page, username: string, landing: RegExp) {
    await page.goto(suite.server.baseUrl + '/login');
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.locator('#password').waitFor({ state: 'detached', timeout: 30_000 });
    await page.locator('.ant-layout-content').getByText(landing).first().waitFor();
  }

  /** Until no antd motion runs in `within` (tabs, collapse, table expansion). */
  async function settled(page: Page) {
    await expect
      .poll(() =>
        page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity).length),
      )
      .toBe(0);
    await page.waitForTimeout(200);
  }

  async function shot(page: Page, name: string, at?: Locator) {
    if (at) await at.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await settled(page);
    await screenshot(page, name);
  }

  async function expectWords(where: Locator) {
    const text = await where.innerText();
    expect(text, 'a code is on screen').not.toMatch(CODE);
    expect(text, 'an id is on screen').not.toMatch(ID);
    return text;
  }

  for (const [size, viewport] of [
    ['wide', WIDE],
    ['phone', PHONE],
  ] as [string, Viewport][]) {
    it(`X-3 an activity's 办理记录 names every step, state and field in Chinese, in China time (${size})`, async () => {
      await withPage(`audit-labels-history-${size}`, viewport, async (page) => {
        await login(page, suite.server.baseUrl, 'office');
        const list = await page.evaluate(async (q) => (await fetch(`/api/v1/activities?q=${encodeURIComponent(q)}`)).json(), ACTIVITY);
        const id = (list as { items: { id: string; title: string }[] }).items.find((a) => a.title === ACTIVITY)!.id;
        await page.goto(`${suite.server.baseUrl}/activities/${id}?tab=history`);
        const history = page.locator('.xt-history');
        await history.waitFor();
        const text = await expectWords(history);
        for (const want of [
          '登记出席申请',
          '记录拟办意见',
          '提出拟办意见，报主要领导审批',
          '待主要领导审批',
          '已批准（待确认）',
          '确认出席',
          '已确认',
          '领导：',
        ])
          expect(text).toContain(want);
        expect(text).toMatch(CHINA_TIME);
        // the proposal's leader by name (王芳 is the demo's attendee)
        expect(text).toMatch(/领导：\s*王芳/);
        await shot(page, `audit-labels-history-${size}`, history.getByText('记录拟办意见').first());
      });
    });
  }

  it('X-3 the audit viewer shows actions, objects and states in Chinese, an edit as a field list, raw JSON behind a toggle', async () => {
    // a person edit by the system administrator: before/after of two fields, one an id (the department)
    const admin = await apiAs('admin');
    const people = await admin<{ items: { id: string; name: string; version: number; departmentId: string | null }[] }>('GET', '/people?q=刘洋');
    const clerk = people.items.find((p) => p.name === '刘洋')!;
    const depts = await admin<{ items: { id: string; name: string }[] }>('GET', '/departments');
    const dept = depts.items.find((d) => d.id !== clerk.departmentId)!;
    await admin('PATCH', `/people/${clerk.id}`, { version: clerk.version, title: NEW_TITLE, departmentId: dept.id });

    for (const [size, viewport] of [
      ['wide', WIDE],
      ['phone', PHONE],
    ] as [string, Viewport][]) {
      await withPage(`audit-labels-viewer-${size}`, viewport, async (page) => {
        await signIn(page, 'auditor', /审计日志/);
        await page.goto(`${suite.server.baseUrl}/admin/audit`);
        const table = page.locator('.ant-table');
        await table.locator('.ant-table-row').first().waitFor();
        const first = await expectWords(table);
        expect(first).toMatch(CHINA_TIME);
        await shot(page, `audit-labels-viewer-${size}`);

        // filter by an action chosen by its Chinese name
        await page.locator('.xt-audit-action').click();
        await page.keyboard.type('修改人员');
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '修改人员' }).first().click();
        const row = table.locator('.ant-table-row').first();
        await expect.poll(async () => (await table.locator('.ant-table-row').allInnerTexts()).every((t) => t.includes('修改人员'))).toBe(true);
        await row.click();
        const detail = table.locator('.xt-audit-row');
        await detail.waitFor();
        const words = await expectWords(detail);
        expect(words).toContain('修改人员');
        expect(words).toContain('用户 刘洋');
        expect(words).toContain(NEW_TITLE);
        expect(words).toContain(dept.name);
        expect(words).toMatch(/职务/);
        expect(words).toMatch(/部门/);
        await expect.poll(() => detail.locator('.xt-audit-raw').count()).toBe(0);
        await shot(page, `audit-labels-edit-${size}`, detail);

        // 查看原始数据: the codes and the JSON, for the auditor
        await detail.getByText('查看原始数据').click();
        const raw = detail.locator('.xt-audit-raw');
        await raw.waitFor();
        const json = JSON.parse(await raw.innerText()) as { before: Record<string, unknown>; after: Record<string, unknown> };
        expect(json.after).toMatchObject({ title: NEW_TITLE, departmentId: dept.id });
        expect(await detail.innerText()).toContain('org.person.updated');
        await shot(page, `audit-labels-raw-${size}`, raw);
      });
    }
  });
});
