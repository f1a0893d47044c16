// Printing (web/src/print.css). The 领导周活动安排表 (ACT-8) prints all nine leaders of the demo
// organ on ONE A4 landscape sheet — the demo week, and a busy week too; a list page and a matter's
// page print on A4 portrait with what they show and none of the application around it (the
// brand bar, the menu, the notification bell, buttons, filters, pagination).
//
// The PDF is Chromium's own (page.pdf with the CSS page size); its pages are counted and its text
// read with unpdf; the first sheet is rendered to reports/screenshots/ with pdftoppm when present.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { browserSuite, DEMO_PASSWORD, login, SCREENSHOT_DIR, WIDE } from '../harness.ts';

const DAY_MS = 86_400_000;
const LEADERS = ['张国华', '李卫东', '王芳', '赵建军', '刘志强', '周海涛', '孙立新', '吴国平', '郑秀兰'];

/** Monday of the China week `weeks` from now (YYYY-MM-DD). */
function chinaMonday(weeks: number): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  const wd = d.getUTCDay();
  return new Date(d.getTime() + ((wd === 0 ? -6 : 1 - wd) + 7 * weeks) * DAY_MS).toISOString().slice(0, 10);
}
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
/** `iso` at hh:mm China time as an ISO instant. */
const at = (iso: string, hm: string) => new Date(`${iso}T${hm}:00+08:00`).toISOString();

interface Printed {
  pages: number;
  /** width × height of each sheet, in points */
  sizes: [number, number][];
  text: string;
}

/** Print the page as Chromium does (the CSS @page sizes), keep the PDF and its first sheet as PNG. */
async function printToPdf(page: Page, name: string): Promise<Printed> {
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name}.pdf`);
  writeFileSync(file, pdf);
  // pdftoppm (poppler-utils) draws the first sheet for a person to look at; optional
  spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(SCREENSHOT_DIR, name)], { stdio: 'ignore' });
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const sizes: [number, number][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const v = (await doc.getPage(i)).getViewport({ scale: 1 });
    sizes.push([Math.round(v.width), Math.round(v.height)]);
  }
  const { text } = await extractText(doc, { mergePages: true });
  return { pages: doc.numPages, sizes, text: plain(text) };
}

// The PDF's fonts map some characters to their radical forms (⽴ for 立, ⻓ for 长): NFKC folds the
// Kangxi radicals; the few radical-supplement forms are folded here.
const RADICALS: Record<string, string> = {
  '⻓': '长',
  '⻅': '见',
  '⻔': '门',
  '⻛': '风',
  '⻜': '飞',
  '⻢': '马',
  '⻋': '车',
  '⻉': '贝',
  '⻚': '页',
  '⻄': '西',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻩': '黄',
  '⻬': '齐',
  '⻰': '龙',
  '⻨': '麦',
  '⻝': '食',
  '⻘': '青',
  '⻆': '角',
  '⻳': '龟',
};
/** Text as a reader sees it: unified characters, no white space. */
function plain(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2e80-\u2eff]/g, (c) => RADICALS[c] ?? c)
    .replace(/\s+/g, '');
}

/** Whether none of `selector` is visible (print media emulated). */
async function noneVisible(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluateAll((els) => els.every((el) => !(el as HTMLElement).checkVisibility()));
}

const A4_LANDSCAPE: [number, number] = [842, 595];
const A4_PORTRAIT: [number, number] = [595, 842];

describe('打印', () => {
  const suite = browserSuite();
  const { withPage } = suite;

  async function weekTable(page: Page, start?: string) {
    await page.goto(`${suite.server.baseUrl}/activities/week${start ? `?start=${start}` : ''}`);
    await page.locator('.xt-week-table tbody tr').first().waitFor();
    expect(await page.locator('.xt-week-table tbody tr').count()).toBe(9);
  }

  function expectWeekSheet(p: Printed) {
    expect(p.pages, 'the weekly table fills one sheet').toBe(1);
    expect(p.sizes[0]).toEqual(A4_LANDSCAPE);
    expect(p.text).toContain('领导周活动安排表');
    for (const name of LEADERS) expect(p.text).toContain(name);
    // none of the page's controls, nor the application around it
    for (const absent of ['打印', '导出Excel', '订阅日历', '本周', '工作台', '协调事项', '办公室协同工作系统', '王建国']) expect(p.text).not.toContain(absent);
  }

  it('ACT-8 the 周活动安排表 of the demo week prints its nine leaders on one A4 landscape sheet', async () => {
    await withPage('print-week', WIDE, async (page) => {
      await login(page, suite.server.baseUrl, 'office');
      await weekTable(page);
      expectWeekSheet(await printToPdf(page, 'print-week'));
    });
  });

  it('ACT-8 a busy week — every leader out on every working day, twice on some — still prints on one A4 landscape sheet', async () => {
    const base = suite.server.baseUrl;
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'office', password: DEMO_PASSWORD }),
    });
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    const call = async (method: string, path: string, body?: unknown) => {
      const r = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      expect(r.status, `${method} ${path}: ${text}`).toBe(200);
      return JSON.parse(text);
    };
    // three weeks ahead: clear of the demo's own absences (server/src/seed/demo.ts: up to 16 days ahead)
    const monday = chinaMonday(3);
    const week = (await call('GET', `/schedule/week?start=${monday}`)) as { rows: { leaderId: string }[] };
    expect(week.rows).toHaveLength(9);
    const slots: [number, string, string, string][] = [
      [0, '09:00', '11:30', 'business'],
      [1, '14:00', '17:30', 'business'],
      [2, '08:30', '10:30', 'business'],
      [2, '15:00', '17:30', 'blocked'],
      [3, '09:00', '12:00', 'business'],
      [4, '10:00', '11:00', 'business'],
      [4, '14:30', '16:00', 'blocked'],
    ];
    for (const [i, row] of week.rows.entries()) {
      for (const [day, from, to, kind] of slots.slice(0, i % 3 === 0 ? slots.length : 5)) {
        const d = addDays(monday, day);
        await call('POST', '/absences', { userId: row.leaderId, kind, startsAt: at(d, from), endsAt: at(d, to), note: '打印测试' });
      }
    }

    await withPage('print-week-busy', WIDE, async (page) => {
      await login(page, base, 'office');
      await weekTable(page, monday);
      expect(await page.locator('.xt-week-table .xt-sched-entry').count()).toBeGreaterThanOrEqual(50);
      expectWeekSheet(await printToPdf(page, 'print-week-busy'));
    });
  });

  it('the 协调事项 list and a matter’s page print on A4 portrait without the menu, the bar, the bell, buttons, filters or pagination', async () => {
    await withPage('print-matters', WIDE, async (page) => {
      await login(page, suite.server.baseUrl, 'office');
      await page.goto(`${suite.server.baseUrl}/matters`);
      const firstLink = page.locator('.ant-table-tbody a[href^="/matters/"]').first();
      await firstLink.waitFor();
      const matterTitle = (await firstLink.innerText()).trim();
      // on screen: the menu, the bar and the buttons are there
      expect(await page.locator('.ant-layout-sider').isVisible()).toBe(true);

      await page.emulateMedia({ media: 'print' });
      for (const chrome of ['.ant-layout-sider', '.ant-layout-header', '.xt-nav', '.ant-btn', '.ant-pagination', '.xt-toolbar', '[aria-label^="通知"]']) {
        expect(await noneVisible(page, chrome), `${chrome} hidden in print`).toBe(true);
      }
      expect(await page.locator('.ant-table').isVisible()).toBe(true);
      expect(await page.locator('.xt-page-title').isVisible()).toBe(true);
      // the list runs the sheet's width: nothing left of it for the menu
      const table = await page.locator('.ant-table').boundingBox();
      expect(table!.x).toBeLessThan(8);
      await page.emulateMedia({ media: null });
      const list = await printToPdf(page, 'print-matters');
      expect(list.sizes[0]).toEqual(A4_PORTRAIT);
      expect(list.text).toContain('协调事项');
      expect(list.text).toContain(plain(matterTitle));
      for (const absent of ['工作台', '领导活动', '新建协调事项', '办公室协同工作系统', '王建国']) expect(list.text).not.toContain(absent);

      await firstLink.click();
      await page.getByRole('heading', { name: matterTitle }).waitFor();
      await page.locator('.ant-tabs').first().waitFor();
      // the labels of the page's buttons that are not also words of its content (尚未交办任务 vs 交办任务)
      const buttons = await page.evaluate(() => {
        const main = document.querySelector('.ant-layout-content')!;
        const labels = [...main.querySelectorAll<HTMLElement>('.ant-btn')].filter((b) => b.checkVisibility()).map((b) => b.innerText.replace(/\s+/g, ''));
        const rest = main.cloneNode(true) as HTMLElement;
        for (const b of rest.querySelectorAll('.ant-btn')) b.remove();
        const words = (rest.textContent ?? '').replace(/\s+/g, '');
        return { all: labels.length, own: labels.filter((l) => l.length >= 2 && !words.includes(l)) };
      });
      expect(buttons.all).toBeGreaterThan(0);
      expect(buttons.own.length).toBeGreaterThan(0);
      await page.emulateMedia({ media: 'print' });
      for (const chrome of ['.ant-layout-sider', '.ant-layout-header', '.ant-btn', '.xt-page-header-extra']) {
        expect(await noneVisible(page, chrome), `${chrome} hidden in print`).toBe(true);
      }
      expect(await page.getByRole('heading', { name: matterTitle }).isVisible()).toBe(true);
      await page.emulateMedia({ media: null });
      const detail = await printToPdf(page, 'print-matter');
      expect(detail.sizes.every(([w, h]) => w === A4_PORTRAIT[0] && h === A4_PORTRAIT[1])).toBe(true);
      expect(detail.text).toContain(plain(matterTitle));
      for (const absent of ['工作台', '领导活动', '办公室协同工作系统']) expect(detail.text).not.toContain(absent);
      for (const label of buttons.own.map(plain)) expect(detail.text, `button ${label}`).not.toContain(label);
    });
  });
});
