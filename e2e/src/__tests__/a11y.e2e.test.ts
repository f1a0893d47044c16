// Accessibility (issue #9, GB/T 37668 / WCAG 2.1 AA): axe-core finds no critical or serious
// violation on any page — every page the menu offers, for every demo account (read from the
// server's start-up banner, so a new account is covered too), each page's tabs, and the detail
// pages (a matter, an activity, the request form, 领导日程's day and month views, 修改密码) —
// and on the login page. Keyboard users get a "跳到主要内容" skip link as the first Tab stop,
// focus moves to the page's h1 after a client-side route change, and every page has its own
// tab title "<page name> — 协调".
//
// axe runs inside the page under the app's own CSP (script-src 'self'): an inline <script> (what
// page.addScriptTag({content}) inserts) is refused by that policy, so the source is evaluated
// through the DevTools protocol (page.evaluate), which CSP does not govern. The page keeps its
// policy, so nothing the test sees differs from what a user gets.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, DEMO_PASSWORD, PHONE, ROOT, screenshot, WIDE } from '../harness.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** What the menu is built from: every path in it must be reached through the rendered menu. */
const NAV_SOURCE = readFileSync(join(ROOT, 'web', 'src', 'components', 'nav.tsx'), 'utf8');
const SITE = '协调';
const TITLE_SEP = ' — ';

interface AxeNode {
  target: string;
  summary: string;
  html: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}
interface PageResult {
  where: string;
  violations: AxeViolation[];
}

const BLOCKING = new Set(['critical', 'serious']);

/** Run axe-core on the page as it is now. WCAG 2.0/2.1 A and AA plus axe's best practices, and label-content-name-mismatch (WCAG 2.5.3). */
async function axe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const a = (window as any).axe;
    const r = await a.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations'],
    });
    return r.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n: any) => ({
        target: n.target.map((t: unknown) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' '),
        summary: String(n.failureSummary ?? '').replace(/\s+/g, ' '),
        html: String(n.html).slice(0, 160),
      })),
    }));
  });
}

/**
 * Wait until the page has loaded its data and antd's motions have ended: colour contrast measured
 * halfway through a fade or a button turning from disabled to enabled is not what the user reads.
 */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
  await page
    .waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .ant-btn-loading'), null, { timeout: 15_000 })
    .catch(() => {});
  await page.waitForTimeout(200);
  await page
    .waitForFunction(
      () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY),
      null,
      { timeout: 5_000, polling: 100 },
    )
    .catch(() => {});
}

function blocking(results: PageResult[]): PageResult[] {
  return results.map((r) => ({ where: r.where, violations: r.violations.filter((v) => BLOCKING.has(v.impact ?? '')) })).filter((r) => r.violations.length > 0);
}

/** The violations, readably: page, rule, impact, the elements (at most 8 each) and what is wrong. */
function report(results: PageResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`\n■ ${r.where}`);
    for (const v of r.violations) {
      lines.push(`  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length}) ${v.helpUrl}`);
      for (const n of v.nodes.slice(0, 8)) lines.push(`      ${n.target}\n        ${n.summary}`);
      if (v.nodes.length > 8) lines.push(`      … and ${v.nodes.length - 8} more`);
    }
  }
  return lines.join('\n');
}

/** One line per page: how many violations of each impact. */
function tally(results: PageResult[]): string {
  return results
    .map((r) => {
      const by: Record<string, number> = {};
      for (const v of r.violations) by[v.impact ?? 'none'] = (by[v.impact ?? 'none'] ?? 0) + v.nodes.length;
      const counts = (['c:critical', 's:serious', 'm:moderate', 'n:minor'] as const).map((k) => `${k[0]}${by[k.slice(2)] ?? 0}`).join(' ');
      return `  ${counts}  ${r.where}${r.violations.length ? `  — ${r.violations.map((v) => `${v.id}(${v.impact})`).join(', ')}` : ''}`;
    })
    .join('\n');
}

function expectClean(results: PageResult[]) {
  console.log(`[a11y] axe on ${results.length} page states (c=critical s=serious m=moderate n=minor element counts):\n${tally(results)}`);
  const bad = blocking(results);
  expect(bad.length, `axe found critical or serious violations on ${bad.length} of ${results.length} page states:${report(bad)}`).toBe(0);
}

/** The demo accounts of the start-up banner ("演示账号（密码均为 …）：" then "  username  姓名（说明）"). */
async function demoAccounts(output: () => string): Promise<{ username: string; label: string }[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = output();
    const at = text.indexOf('演示账号');
    if (at >= 0) {
      const accounts = [...text.slice(at).matchAll(/^ {2}(\S+) +(\S+（.+）)$/gm)].map((m) => ({ username: m[1], label: m[2] }));
      if (accounts.length > 0) return accounts;
    }
    if (Date.now() > deadline) throw new Error(`no demo accounts in the server's start-up output:\n${text}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Log in through the form and wait for the landing page's heading (工作台, or 系统管理 for the 三员). */
async function signIn(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/login`);
  const user = page.locator('#username').or(page.getByPlaceholder('用户名')).first();
  const pass = page.locator('#password').or(page.getByPlaceholder('密码')).first();
  await user.fill(username);
  await pass.fill(DEMO_PASSWORD);
  await page
    .getByRole('button', { name: /登\s*录/ })
    .first()
    .click();
  await pass.waitFor({ state: 'detached', timeout: 30_000 });
  await page.locator('main h1').first().waitFor({ timeout: 30_000 });
  await settle(page);
}

const nav = (page: Page) => page.locator('.xt-nav');
const selectedMenu = async (page: Page) => (await nav(page).locator('li.ant-menu-item-selected').allInnerTexts()).map((t) => t.trim())[0];

/** Open every closed group of the side menu. */
async function openMenuGroups(page: Page) {
  for (;;) {
    const closed = nav(page).locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title');
    if ((await closed.count()) === 0) return;
    await closed.first().click();
    await page.waitForTimeout(250);
  }
}

/** The labels of the menu's leaves (what leads to a page), in menu order. */
async function menuLabels(page: Page): Promise<string[]> {
  await openMenuGroups(page);
  return (await nav(page).locator('li.ant-menu-item').allInnerTexts()).map((t) => t.trim());
}

/** Click a menu leaf and wait for its page. */
async function clickMenu(page: Page, label: string) {
  await openMenuGroups(page);
  const before = page.url();
  await nav(page).locator('li.ant-menu-item').filter({ hasText: label }).first().click();
  await page.waitForFunction((u) => location.href !== u, before, { timeout: 10_000 }).catch(() => {});
  await page.locator('main h1').first().waitFor({ timeout: 20_000 });
  await settle(page);
}

const h1Text = (page: Page) => page.locator('main h1').first().innerText();

/** The tab title names the page shown: "<its h1> — 协调". */
async function expectOwnTitle(page: Page, where: string) {
  expect(await page.title(), `${where}: the tab title`).toBe(`${(await h1Text(page)).trim()}${TITLE_SEP}${SITE}`);
}

/** Each tab of the page's tab bars (clicked in turn), axe on each; the first (active) tab is the page itself. */
async function axeTabs(page: Page, where: string, results: PageResult[]) {
  const tabs = page.locator('main .ant-tabs-nav [role="tab"]');
  const n = await tabs.count();
  for (let i = 0; i < n; i++) {
    const tab = tabs.nth(i);
    if ((await tab.getAttribute('aria-selected')) === 'true') continue;
    if ((await tab.getAttribute('aria-disabled')) === 'true') continue;
    const name = (await tab.innerText()).trim();
    await tab.click();
    await settle(page);
    results.push({ where: `${where} › ${name} (${new URL(page.url()).pathname}${new URL(page.url()).search})`, violations: await axe(page) });
  }
}

/** axe on the page as it is, then on each of its tabs. */
async function axePage(page: Page, where: string, results: PageResult[]) {
  const url = new URL(page.url());
  results.push({ where: `${where} (${url.pathname}${url.search})`, violations: await axe(page) });
  await axeTabs(page, where, results);
}

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  const suite = browserSuite();

  it('the login page has no critical or serious axe violation and its own tab title', async () => {
    await suite.withPage('a11y-login', WIDE, async (page) => {
      await page.goto(`${suite.server.baseUrl}/login`);
      await page.locator('#username').or(page.getByPlaceholder('用户名')).first().waitFor();
      await settle(page);
      const results: PageResult[] = [{ where: 'login (desk)', violations: await axe(page) }];
      await page.setViewportSize(PHONE);
      await settle(page);
      results.push({ where: 'login (phone)', violations: await axe(page) });
      expectClean(results);
      expect(await page.title()).toBe(`登录${TITLE_SEP}${SITE}`);
    });
  });

  it('every page of the menu, with its tabs, has no critical or serious axe violation, for every demo account', async () => {
    const accounts = await demoAccounts(suite.server.output);
    const results: PageResult[] = [];
    const reached = new Set<string>();
    for (const account of accounts) {
      await suite.withPage(`a11y-menu-${account.username}`, WIDE, async (page) => {
        await signIn(page, suite.server.baseUrl, account.username);
        const who = `${account.username}`;
        // the landing page as it is after logging in
        await axePage(page, `${who}: ${await h1Text(page)}`, results);
        const labels = await menuLabels(page);
        expect(labels.length, `${who} has a menu`).toBeGreaterThan(0);
        for (const label of labels) {
          if ((await selectedMenu(page)) === label) {
            reached.add(new URL(page.url()).pathname); // the landing page, checked above
            continue;
          }
          await clickMenu(page, label);
          reached.add(new URL(page.url()).pathname);
          await axePage(page, `${who}: 菜单「${label}」`, results);
        }
      });
    }
    expectClean(results);
    // every page of the menu definition was reached through the rendered menu by some account
    const declared = [...NAV_SOURCE.matchAll(/path: '(\/[^']*)'/g)].map((m) => m[1]);
    expect(declared.length).toBeGreaterThan(0);
    expect(
      declared.filter((p) => !reached.has(p)),
      `menu paths no demo account reached (reached: ${[...reached].join(' ')})`,
    ).toEqual([]);
  }, 1_200_000);

  it('the detail pages — a matter, an activity, the request form, 领导日程 by day and month, 修改密码, an unknown page — have no critical or serious axe violation', async () => {
    const results: PageResult[] = [];
    const base = suite.server.baseUrl;
    for (const username of ['office', 'leader', 'liaison']) {
      await suite.withPage(`a11y-detail-${username}`, WIDE, async (page) => {
        await signIn(page, base, username);
        // a matter: the first one in 协调事项
        await page.goto(`${base}/matters`);
        await settle(page);
        const matter = page.locator('main .ant-table-row a[href^="/matters/"]').first();
        if (await matter.count()) {
          await matter.click();
          await page.locator('main h1').first().waitFor();
          await settle(page);
          await expectOwnTitle(page, `${username}: 协调事项详情`);
          if (username === 'office') await screenshot(page, 'a11y-matter-desk');
          await axePage(page, `${username}: 协调事项详情`, results);
        }
        // an activity: the first one in 活动列表
        await page.goto(`${base}/activities`);
        await settle(page);
        if (username === 'office') await screenshot(page, 'a11y-activities-desk'); // the status and leader tags
        const activity = page.locator('main .ant-table-row a[href^="/activities/"]').first();
        await activity.waitFor();
        await activity.click();
        await page.locator('main h1').first().waitFor();
        await settle(page);
        await expectOwnTitle(page, `${username}: 活动详情`);
        await axePage(page, `${username}: 活动详情`, results);
        for (const [path, name] of [
          ['/activities/new', '登记出席申请'],
          ['/activities/calendar?view=day', '领导日程（日）'],
          ['/activities/calendar?view=month', '领导日程（月）'],
          ['/password', '修改密码'],
          ['/no-such-page', '页面不存在'],
        ] as const) {
          await page.goto(base + path);
          await page.locator('main h1').first().waitFor();
          await settle(page);
          await expectOwnTitle(page, `${username}: ${name}`);
          await axePage(page, `${username}: ${name}`, results);
        }
      });
    }
    expectClean(results);
  }, 600_000);

  it('the layout on a phone — the page, the menu drawer, the user menu, the notifications — has no critical or serious axe violation', async () => {
    const results: PageResult[] = [];
    await suite.withPage('a11y-phone', PHONE, async (page) => {
      await signIn(page, suite.server.baseUrl, 'office');
      results.push({ where: 'office: 工作台 (phone)', violations: await axe(page) });
      await page.getByRole('button', { name: '打开菜单' }).click();
      await nav(page).waitFor();
      await settle(page);
      results.push({ where: 'office: 功能导航 drawer (phone)', violations: await axe(page) });
      await page.keyboard.press('Escape');
      await settle(page);
      await page.getByRole('button', { name: /^通知，/ }).click();
      await page.locator('.xt-notify-panel').waitFor();
      await settle(page);
      results.push({ where: 'office: 通知 (phone)', violations: await axe(page) });
      await screenshot(page, 'a11y-phone-notifications');
      await page.keyboard.press('Escape');
      await page.locator('.xt-user-btn').click();
      await page.getByRole('menuitem', { name: '修改密码' }).waitFor();
      await settle(page);
      results.push({ where: 'office: 用户菜单 (phone)', violations: await axe(page) });
      await page.keyboard.press('Escape');
      await page.goto(`${suite.server.baseUrl}/matters`);
      await page.locator('main h1').first().waitFor();
      await settle(page);
      results.push({ where: 'office: 协调事项 (phone)', violations: await axe(page) });
      await screenshot(page, 'a11y-matters-phone');
    });
    expectClean(results);
  });

  it('on a phone, a page chosen in the menu drawer has the focus on its h1 once the drawer has closed', async () => {
    await suite.withPage('a11y-route-focus-phone', PHONE, async (page) => {
      await signIn(page, suite.server.baseUrl, 'office');
      await page.getByRole('button', { name: '打开菜单' }).click();
      await nav(page).waitFor();
      await page.waitForTimeout(400);
      await clickMenu(page, '协调事项');
      await nav(page).waitFor({ state: 'hidden' });
      await page.waitForTimeout(500); // the drawer's closing motion, after which it would give the focus back to its button
      const active = await page.evaluate(() => ({
        tag: document.activeElement?.tagName.toLowerCase(),
        text: (document.activeElement as HTMLElement | null)?.innerText.trim(),
      }));
      expect(active).toEqual({ tag: 'h1', text: '协调事项' });
      expect(await page.title()).toBe(`协调事项${TITLE_SEP}${SITE}`);
      // closed with Escape instead, the drawer gives the focus back to the menu button
      await page.getByRole('button', { name: '打开菜单' }).focus();
      await page.keyboard.press('Enter');
      await nav(page).waitFor();
      await page.waitForTimeout(400);
      await page.keyboard.press('Escape');
      await nav(page).waitFor({ state: 'hidden' });
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('打开菜单');
    });
  });

  it('"跳到主要内容" is the first Tab stop and moves focus to the main content', async () => {
    await suite.withPage('a11y-skip-link', WIDE, async (page) => {
      await signIn(page, suite.server.baseUrl, 'office');
      // a fresh load, as after a bookmark: nothing is focused yet
      await page.goto(`${suite.server.baseUrl}/matters`);
      await page.locator('main h1').first().waitFor();
      await settle(page);
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { text: el?.innerText.trim(), href: el?.getAttribute('href'), visible: !!el && el.getBoundingClientRect().height > 0 };
      });
      expect(first).toEqual({ text: '跳到主要内容', href: '#main', visible: true });
      await screenshot(page, 'a11y-skip-link');
      await page.keyboard.press('Enter');
      const focused = await page.evaluate(() => ({ id: document.activeElement?.id, tag: document.activeElement?.tagName.toLowerCase() }));
      expect(focused).toEqual({ id: 'main', tag: 'main' });
      // the next Tab stop is inside the main content, not back in the brand bar or the menu
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    });
  });

  it('after a click on a menu link the page’s h1 has the focus and the tab title is "<page> — 协调"', async () => {
    for (const username of ['office', 'admin', 'auditor']) {
      await suite.withPage(`a11y-route-focus-${username}`, WIDE, async (page) => {
        await signIn(page, suite.server.baseUrl, username);
        const landing = await h1Text(page);
        expect(await page.title(), `${username}: the landing page's title`).toBe(`${landing}${TITLE_SEP}${SITE}`);
        const labels = await menuLabels(page);
        // twice round the menu, so that each page is reached from another one
        for (const label of [...labels, ...labels]) {
          if ((await selectedMenu(page)) === label) continue;
          await clickMenu(page, label);
          const h1 = await h1Text(page);
          const active = await page.evaluate(() => {
            const el = document.activeElement as HTMLElement | null;
            return { tag: el?.tagName.toLowerCase(), text: el?.innerText.trim(), tabIndex: el?.tabIndex };
          });
          expect(active, `${username}: focus after 菜单「${label}」`).toEqual({ tag: 'h1', text: h1, tabIndex: -1 });
          expect(await page.title(), `${username}: title after 菜单「${label}」`).toBe(`${h1}${TITLE_SEP}${SITE}`);
        }
      });
    }
  }, 300_000);
});
