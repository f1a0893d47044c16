// The login page on a county office's line (#9): what it fetches, compressed and cached, and that
// signing in from it opens the app. No timings here: those are figures in bench/web.mjs.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, DEMO_PASSWORD, PHONE, screenshot, WIDE } from '../harness.ts';

interface Fetched {
  url: string;
  bytes: number;
  encoding: string | undefined;
  cacheControl: string | undefined;
  fromCache: boolean;
}

/** Everything the page fetches, with the bytes on the wire (CDP's encodedDataLength). */
async function recordFetches(page: Page): Promise<() => Fetched[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const byId = new Map<string, Fetched>();
  cdp.on('Network.responseReceived', (e) => {
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    byId.set(e.requestId, {
      url: e.response.url,
      bytes: 0,
      encoding: h['content-encoding'],
      cacheControl: h['cache-control'],
      fromCache: !!e.response.fromDiskCache || !!e.response.fromPrefetchCache,
    });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const f = byId.get(e.requestId);
    if (f) f.bytes = e.encodedDataLength;
  });
  return () => [...byId.values()];
}

const path = (url: string) => new URL(url).pathname;

describe('web platform: the login page', () => {
  const suite = browserSuite();

  it('loads React and its own small files only — no antd, router, query cache or domain — compressed, under 350 KB', async () => {
    await suite.withPage('login-weight', WIDE, async (page) => {
      const fetches = await recordFetches(page);
      await page.goto(`${suite.server.baseUrl}/login`);
      await page.getByRole('button', { name: '登录', exact: true }).waitFor();
      await page.waitForLoadState('networkidle');
      const fetched = fetches();
      const assets = fetched.filter((f) => path(f.url).startsWith('/assets/'));
      const names = assets.map((f) => path(f.url));
      expect(names.length).toBeGreaterThan(0);
      for (const heavy of ['antd', 'router', 'query', 'domain', 'AppRoot']) {
        expect(
          names.filter((n) => n.includes(`/${heavy}-`)),
          `${heavy} on the login page`,
        ).toEqual([]);
      }
      const total = fetched.reduce((sum, f) => sum + f.bytes, 0);
      expect(total, `bytes on the wire: ${fetched.map((f) => `${path(f.url)} ${f.bytes}`).join(', ')}`).toBeLessThan(350 * 1024);
      for (const f of assets) {
        if (f.bytes > 1500) expect(f.encoding, `${path(f.url)} compressed`).toBe('br');
        expect(f.cacheControl, `${path(f.url)} cached`).toBe('public, max-age=31536000, immutable');
      }
      const html = fetched.find((f) => path(f.url) === '/login');
      expect(html?.cacheControl).toBe('no-cache');
      expect(await page.title()).toBe('登录 — 协调');
      expect(await page.getByRole('main').count()).toBe(1);
      await screenshot(page, 'login-shell');
    });
  });

  it('on a second visit the hashed files come from the cache without a request', async () => {
    await suite.withPage('login-cache', WIDE, async (page) => {
      await page.goto(`${suite.server.baseUrl}/login`);
      await page.getByRole('button', { name: '登录', exact: true }).waitFor();
      await page.waitForLoadState('networkidle');
      const requested: string[] = [];
      page.on('request', (r) => requested.push(path(r.url())));
      const served: string[] = [];
      page.on('response', (r) => {
        if (path(r.url()).startsWith('/assets/')) served.push(`${path(r.url())} ${r.status()}`);
      });
      await page.goto(`${suite.server.baseUrl}/login`);
      await page.getByRole('button', { name: '登录', exact: true }).waitFor();
      await page.waitForLoadState('networkidle');
      // Chromium still reports cache hits as requests, but none reaches the server: no 304 revalidation.
      expect(served.filter((s) => s.endsWith(' 304'))).toEqual([]);
      expect(requested).toContain('/login');
    });
  });

  it('signs in from the shell and opens the page asked for; a wrong password is said in Chinese', async () => {
    await suite.withPage('login-shell-next', PHONE, async (page) => {
      await page.goto(`${suite.server.baseUrl}/login?next=${encodeURIComponent('/activities')}`);
      await page.getByLabel('用户名').fill('office');
      await page.getByLabel('密码').fill('wrong-password');
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/[\u4e00-\u9fa5]/);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.waitForURL(/\/activities$/);
      await page.locator('.ant-layout').first().waitFor();
      // Someone signed in who opens /login goes straight on.
      await page.goto(`${suite.server.baseUrl}/login?next=${encodeURIComponent('/matters')}`);
      await page.waitForURL(/\/matters$/);
    });
  });

  it('the demo accounts fill the form and an empty field is named', async () => {
    await suite.withPage('login-shell-demo', WIDE, async (page) => {
      await page.goto(`${suite.server.baseUrl}/login`);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.getByText('请输入用户名').waitFor();
      await page.getByRole('button', { name: /leader/ }).click();
      expect(await page.getByLabel('用户名').inputValue()).toBe('leader');
      expect(await page.getByLabel('密码').inputValue()).toBe(DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.getByText('工作台').first().waitFor();
    });
  });
});
