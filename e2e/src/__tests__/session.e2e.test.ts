// The session ends while a page is open: the next request meets 401 and a login dialog —
// "登录已失效，请重新登录", the account's name shown and not editable — opens over the page, which
// stays as it was with what was typed; after logging in again the request goes through. 返回登录页
// falls back to /login; should the login answer with another person, the page is reloaded so that
// nothing of the previous person's page stays.
//
// The session is ended from outside the browser, as an expiry or a logout elsewhere would: the
// browser's own cookie logs out through the API (POST /auth/logout deletes the session row).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, DEMO_PASSWORD, login, PHONE, screenshot, WIDE } from '../harness.ts';

describe('登录失效', () => {
  const suite = browserSuite();
  const { withPage } = suite;
  const api = (path: string) => `${suite.server.baseUrl}/api/v1${path}`;

  /** End the page's session on the server, with the page's own cookie (and its CSRF token). */
  async function endSession(page: Page) {
    const cookie = (await page.context().cookies()).find((c) => c.name === 'xt_session');
    expect(cookie, 'the session cookie').toBeTruthy();
    const header = `xt_session=${cookie!.value}`;
    const me = await fetch(api('/auth/me'), { headers: { cookie: header } });
    expect(me.status).toBe(200);
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const out = await fetch(api('/auth/logout'), {
      method: 'POST',
      headers: { cookie: header, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(200);
    expect((await fetch(api('/auth/me'), { headers: { cookie: header } })).status).toBe(401);
  }

  /** 协调事项 → 新建协调事项, the title and the description typed. */
  async function startMatter(page: Page, title: string, description: string) {
    await page.goto(suite.server.baseUrl + '/matters');
    await page.getByRole('button', { name: '新建协调事项' }).first().click();
    await page.locator('#matter-title').fill(title);
    await page.locator('#matter-description').fill(description);
  }

  const dialog = (page: Page) => page.locator('.xt-session-dialog');

  it('X-4 the session ends while a new matter is typed: the login dialog keeps the text and the matter is registered after logging in again', async () => {
    await withPage('session-dialog', WIDE, async (page) => {
      await login(page, suite.server.baseUrl, 'office');
      const title = '关于协调解决城区道路占道施工审批问题';
      const description = '多部门职责交叉，需明确牵头单位和办理时限。';
      await startMatter(page, title, description);
      const before = page.url();

      await endSession(page);
      await page.getByRole('button', { name: /登\s*记/ }).click();

      const d = dialog(page);
      await d.waitFor();
      expect(await d.innerText()).toContain('登录已失效，请重新登录');
      // the page behind the dialog (and the page's own dialog with the typed text) is blurred
      expect(await page.locator('#root').evaluate((el) => getComputedStyle(el).filter)).toContain('blur');
      expect(await page.locator('#matter-title').evaluate((el) => getComputedStyle(el.closest('body > *')!).filter)).toContain('blur');
      expect(await d.evaluate((el) => getComputedStyle(el.closest('body > *')!).filter)).toBe('none');
      const account = d.locator('#session-username');
      expect(await account.inputValue()).toBe('office');
      expect(await account.getAttribute('readonly')).not.toBeNull();
      // the page and the form are still there, as typed
      expect(page.url()).toBe(before);
      expect(await page.locator('#matter-title').inputValue()).toBe(title);
      expect(await page.locator('#matter-description').inputValue()).toBe(description);
      await page.waitForTimeout(400); // the modal's opening animation
      await screenshot(page, 'session-dialog');

      // a wrong password is said in the dialog, which stays
      await d.locator('#session-password').fill('not-the-password');
      await d.getByRole('button', { name: /^登\s*录$/ }).click();
      await d.locator('.ant-form-item-explain-error').waitFor();
      expect(await d.isVisible()).toBe(true);

      // the right one, sent with Enter once the error has gone (it moves the buttons as it goes)
      await d.locator('#session-password').fill(DEMO_PASSWORD);
      await expect.poll(() => d.locator('.ant-form-item-explain-error').count()).toBe(0);
      await d.locator('#session-password').press('Enter');
      // the waiting request went through, with the new session's CSRF token
      await page.waitForURL(/\/matters\/[0-9a-f-]{20,}$/);
      await page.getByRole('heading', { name: title }).waitFor();
      expect(await page.locator('.ant-layout-content').innerText()).toContain(description);
      expect(await dialog(page).count()).toBe(0);
      await screenshot(page, 'session-after-relogin');
    });
  });

  it('X-4 返回登录页 in the dialog falls back to /login, which returns to the page (390 px phone)', async () => {
    await withPage('session-dialog-phone', PHONE, async (page) => {
      await login(page, suite.server.baseUrl, 'office');
      await startMatter(page, '关于协调某项工作的事项', '');
      await endSession(page);
      await page.getByRole('button', { name: /登\s*记/ }).click();
      const d = dialog(page);
      await d.waitFor();
      await page.waitForTimeout(400);
      // the dialog fits the phone's width
      const box = await d.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, 'session-dialog-phone');
      await d.getByRole('button', { name: '返回登录页' }).click();
      await page.waitForURL(/\/login\?next=%2Fmatters&expired=1$/);
      // the login page says why, and signing in returns to the page
      await page.getByRole('status').filter({ hasText: '登录已失效，请重新登录' }).waitFor();
      await page.getByLabel('用户名').fill('office');
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.waitForURL(/\/matters$/);
    });
  });

  it('X-4 a different person answering the dialog’s login gets the page reloaded: nothing of the previous person’s page stays', async () => {
    await withPage('session-other-user', WIDE, async (page) => {
      await login(page, suite.server.baseUrl, 'office');
      await startMatter(page, '办公室正在起草的事项', '只应办公室主任看到的说明');
      const officeName = await page.locator('.xt-user-name').innerText();
      await endSession(page);
      // the login the dialog sends is answered for another account (as if the account behind the
      // name had changed): the server's answer decides who is logged in, not the dialog
      await page.route('**/api/v1/auth/login', (route) =>
        route.continue({ postData: JSON.stringify({ username: 'liaison', password: DEMO_PASSWORD }), headers: { ...route.request().headers() } }),
      );
      await page.getByRole('button', { name: /登\s*记/ }).click();
      const d = dialog(page);
      await d.waitFor();
      await d.locator('#session-password').fill(DEMO_PASSWORD);
      await d.getByRole('button', { name: /^登\s*录$/ }).click();
      // reloaded as the other person: the form and its text are gone
      const shownName = () =>
        page
          .locator('.xt-user-name')
          .innerText({ timeout: 1_000 })
          .catch(() => officeName);
      await expect.poll(shownName, { timeout: 30_000 }).not.toBe(officeName);
      expect(await page.locator('#matter-title').count()).toBe(0);
      expect(await page.content()).not.toContain('只应办公室主任看到的说明');
      expect(await dialog(page).count()).toBe(0);
    });
  });
});
