// Smoke test: the real server (SQLite, demo organisation) + the built web app in Chromium.
import { describe, expect, it } from 'vitest';
import { browserSuite, DEMO_PASSWORD, login, PHONE, screenshot, WIDE } from '../harness.ts';

describe('smoke', () => {
  const suite = browserSuite();
  const { withPage } = suite;

  it('X-1 the login page is in Chinese and shows the demo accounts and their password', async () => {
    await withPage('login', WIDE, async (page) => {
      await page.goto(suite.server.baseUrl + '/');
      await page.locator('#username').or(page.getByPlaceholder('用户名')).first().waitFor();
      const text = await page.locator('body').innerText();
      expect(text).toContain('演示');
      expect(text).toContain(DEMO_PASSWORD);
      await screenshot(page, 'login');
    });
  });

  it('X-1 office staff logs in and sees the inbox (待办/已办/待阅) in Chinese', async () => {
    await withPage('workbench-office', WIDE, async (page) => {
      await login(page, suite.server.baseUrl, 'office');
      await page.getByText('待办').filter({ visible: true }).first().waitFor();
      const text = await page.locator('body').innerText();
      expect(text).toContain('工作台');
      expect(text).toContain('待办');
      expect(text).toContain('已办');
      expect(text).toContain('待阅');
      await screenshot(page, 'workbench-office');
    });
  });

  it('X-1 the workbench works on a phone-sized screen', async () => {
    await withPage('workbench-phone', PHONE, async (page) => {
      await login(page, suite.server.baseUrl, 'office');
      await page.getByText('待办').first().waitFor({ state: 'attached' });
      await screenshot(page, 'workbench-phone');
    });
  });
});
