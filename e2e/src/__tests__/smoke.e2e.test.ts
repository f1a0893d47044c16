// Smoke test: the real server (SQLite, demo organisation) + the built web app in Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, login, newPage, screenshot, startServer, type RunningServer } from '../harness.ts';

describe('smoke', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Runs fn on a fresh page; on failure saves reports/screenshots/failure-<name>.png. */
  async function withPage(name: string, viewport: { width: number; height: number }, fn: (page: Page) => Promise<void>) {
    const page = await newPage(browser, { viewport });
    try {
      await fn(page);
    } catch (err) {
      await screenshot(page, `failure-${name}`).catch(() => {});
      throw err;
    } finally {
      await page.context().close();
    }
  }

  it('X-1 the login page is in Chinese and shows the demo accounts and their password', async () => {
    await withPage('login', { width: 1366, height: 768 }, async (page) => {
      await page.goto(server.baseUrl + '/');
      await page.locator('#username').or(page.getByPlaceholder('用户名')).first().waitFor();
      const text = await page.locator('body').innerText();
      expect(text).toContain('演示');
      expect(text).toContain(DEMO_PASSWORD);
      await screenshot(page, 'login');
    });
  });

  it('X-1 office staff logs in and sees the inbox (待办/已办/待阅) in Chinese', async () => {
    await withPage('workbench-office', { width: 1366, height: 768 }, async (page) => {
      await login(page, server.baseUrl, 'office');
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
    await withPage('workbench-phone', { width: 390, height: 844 }, async (page) => {
      await login(page, server.baseUrl, 'office');
      await page.getByText('待办').first().waitFor({ state: 'attached' });
      await screenshot(page, 'workbench-phone');
    });
  });
});
