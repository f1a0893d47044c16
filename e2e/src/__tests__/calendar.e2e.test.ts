// 节假日日历 (K-8), driven through 系统管理 as the system administrator would: the year the
// statutory data does not cover is shown as missing; the administrator enters that year's
// notice (holidays and 调休) and sees the year entered and its days off in the month grid.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { browserSuite, DEMO_PASSWORD, screenshot, WIDE } from '../harness.ts';

/** 2027-01-01 → 2027年1月1日, as the date pickers show and accept it */
const cn = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

describe('节假日日历', () => {
  const suite = browserSuite();
  const { withPage } = suite;

  async function signInAdmin(page: Page) {
    await page.goto(suite.server.baseUrl + '/login');
    await page.locator('#username').fill('admin');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.locator('#password').waitFor({ state: 'detached', timeout: 30_000 });
    await page
      .locator('.ant-layout-content')
      .getByText(/系统管理/)
      .first()
      .waitFor();
  }

  /** Until no CSS animation runs in a modal or picker (they move what is clicked next). */
  async function settled(page: Page, within = '.ant-modal, .ant-select-dropdown, .ant-picker-dropdown, .ant-tabs-content') {
    await expect
      .poll(() =>
        page.evaluate(
          (sel) =>
            document.getAnimations().filter((a) => {
              const target = (a.effect as KeyframeEffect | null)?.target;
              return a instanceof CSSAnimation && a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity && !!target?.closest(sel);
            }).length,
          within,
        ),
      )
      .toBe(0);
  }

  /** Type a date into an antd picker input and confirm it with Enter. */
  async function typeDate(page: Page, input: Locator, value: string) {
    await input.click();
    await input.fill(value);
    await input.press('Enter');
    await expect.poll(() => input.inputValue()).toBe(value);
  }

  async function fillRange(page: Page, row: Locator, from: string, to: string) {
    const inputs = row.locator('.ant-picker-input input');
    await typeDate(page, inputs.nth(0), cn(from));
    await typeDate(page, inputs.nth(1), cn(to));
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-picker-dropdown:visible').count()).toBe(0);
  }

  it('K-8 the administrator sees the missing year, enters its notice and sees it entered', async () => {
    await withPage('calendar-admin', WIDE, async (page) => {
      await signInAdmin(page);
      await page.getByRole('tab', { name: '节假日日历' }).click();
      await page.waitForURL(/\/admin\/calendar/);

      // The first year without data (2027 while the package ends with 2026) is shown prominently.
      const missing = page.locator('.xt-cal-missing').first();
      await missing.waitFor();
      const title = await missing.locator('.ant-alert-title').innerText();
      const year = Number(/(\d{4})年缺少法定节假日数据/.exec(title)?.[1]);
      expect(year).toBeGreaterThanOrEqual(2027);
      expect(await missing.innerText()).toContain('期限待核对');
      await expect.poll(() => page.locator('.xt-cal-status').innerText()).toContain('缺少节假日数据');
      // Without data New Year's Day counts as an ordinary day.
      const newYear = page.locator(`.xt-cal-day[data-date="${year}-01-01"]`);
      await newYear.waitFor();
      expect(await newYear.getAttribute('data-source')).toBe('missing');
      await settled(page);
      await page.waitForTimeout(300);
      await screenshot(page, 'calendar-missing');

      await missing.getByRole('button', { name: `录入${year}年节假日安排` }).click();
      const dialog = page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: `录入${year}年节假日安排` }) });
      await dialog.waitFor();
      await settled(page);

      // The form starts with the seven statutory holidays; this notice fills three and removes the rest.
      const rows = dialog.locator('.xt-notice-holiday');
      expect(await rows.count()).toBe(7);
      const keep: Record<string, [string, string]> = {
        元旦: [`${year}-01-01`, `${year}-01-03`],
        劳动节: [`${year}-05-01`, `${year}-05-05`],
        国庆节: [`${year}-10-01`, `${year}-10-07`],
      };
      // 中秋节 (6th), 端午节 (5th), 清明节 (3rd), 春节 (2nd): from the last, as the rows renumber
      for (const n of [6, 5, 3, 2]) await dialog.getByRole('button', { name: `删除第${n}个假期` }).click();
      expect(await rows.count()).toBe(3);
      for (let i = 0; i < 3; i += 1) {
        const row = rows.nth(i);
        const name = await row.locator('.ant-select-selection-search input, input').first().inputValue();
        const [from, to] = keep[name];
        await fillRange(page, row, from, to);
      }
      await dialog.getByRole('button', { name: '添加调休上班日' }).click();
      const workday = dialog.locator('.xt-notice-workday').first();
      await typeDate(page, workday.locator('.ant-picker-input input'), cn(`${year}-09-26`));
      await page.keyboard.press('Escape');
      await workday.getByLabel('第1个调休上班日所属假期').fill('国庆节');
      await dialog.locator('.ant-modal-title').click();
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
      await settled(page);
      await screenshot(page, 'calendar-notice-form');

      await dialog.getByRole('button', { name: '保存' }).click();
      await page.getByText(`已录入${year}年节假日安排`).waitFor();
      await dialog.waitFor({ state: 'hidden' });

      // The year is entered: no missing alert for it, the status says so, the days are off.
      await expect.poll(() => page.locator('.xt-cal-status').innerText()).toContain('管理员已录入');
      expect(await page.locator('.xt-cal-missing', { hasText: `${year}年` }).count()).toBe(0);
      const status = await page.locator('.xt-cal-status').innerText();
      expect(status).toContain(`元旦：${cn(`${year}-01-01`)}至1月3日`);
      expect(status).toContain(cn(`${year}-09-26`));
      await expect.poll(() => newYear.getAttribute('data-working')).toBe('0');
      expect(await newYear.getAttribute('data-source')).toBe('notice');
      expect(await page.locator(`.xt-cal-day[data-date="${year}-10-05"]`).getAttribute('data-working')).toBe('0');
      expect(await page.locator(`.xt-cal-day[data-date="${year}-09-26"]`).getAttribute('data-working')).toBe('1');
      await expect.poll(() => page.locator('.ant-tabs-tab', { hasText: '节假日日历' }).locator('.ant-badge-dot').count()).toBe(0);

      // A single override on top: a day off with its reason, listed and marked in the grid.
      await page.locator(`.xt-cal-day[data-date="${year}-03-03"]`).click();
      const od = page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: '单日调整' }) });
      await od.waitFor();
      await settled(page);
      await od.getByLabel('调整原因').fill('根据市委办公室通知，机关停止办公一天');
      await od.getByRole('button', { name: '保存' }).click();
      await page.getByText(`已将${cn(`${year}-03-03`)}设为休息日`).waitFor();
      await expect.poll(() => page.locator(`.xt-cal-day[data-date="${year}-03-03"]`).getAttribute('data-source')).toBe('override');
      await page.locator('.ant-table-row', { hasText: '机关停止办公一天' }).waitFor();

      await page.locator('.xt-cal-status').scrollIntoViewIfNeeded();
      await settled(page);
      await page.waitForTimeout(300);
      await screenshot(page, 'calendar-entered');
    });
  });
});
