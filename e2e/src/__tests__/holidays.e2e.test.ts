// Holidays wherever dates are shown or picked (X-2, ACT-8): the 领导日程's month, week and day
// views name the holiday (国庆节) and the 调休 working days (国庆节调休上班), and the panels of the
// app's date pickers mark them (休 / 班, the name as title and aria-label) — all from the server's
// working-day calendar, so a day the system administrator sets (K-8) shows as well.
//
// 国庆节 2026: 1–7 October off, Sunday 20 September and Saturday 10 October worked (statutory data).
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { browserSuite, DEMO_PASSWORD, login, PHONE, screenshot, WIDE } from '../harness.ts';

describe('节假日标注', () => {
  const suite = browserSuite();
  const { withPage } = suite;

  /** The mark inside `scope`: its visible text and its accessible name. */
  async function markOf(scope: Locator) {
    const mark = scope.locator('.xt-day-mark');
    if ((await mark.count()) === 0) return null;
    return {
      text: (await mark.first().innerText()).trim(),
      label: await mark.first().getAttribute('aria-label'),
      title: await mark.first().getAttribute('title'),
    };
  }

  /** Open a picker (its input) and wait for its panel. */
  async function openPicker(page: Page, input: Locator): Promise<Locator> {
    await input.click();
    const panel = page.locator('.ant-picker-dropdown:visible');
    await panel.waitFor();
    return panel;
  }

  it('X-2 ACT-8 the 领导日程 names 国庆节 and 调休上班 in its month, week and day views, and its date picker marks them', async () => {
    await withPage('holidays-schedule', WIDE, async (page) => {
      await login(page, suite.server.baseUrl, 'office');
      const base = `${suite.server.baseUrl}/activities/calendar`;

      // month: the holiday's name in the cell of each day off, 调休上班 on the Saturday worked
      await page.goto(`${base}?view=month&date=2026-10-01`);
      const month = page.locator('.xt-sched-month');
      await month.locator('td[title="2026-10-01"] .xt-day-mark').waitFor();
      expect(await markOf(month.locator('td[title="2026-10-01"]'))).toEqual({ text: '国庆节', label: '国庆节', title: '国庆节' });
      expect((await markOf(month.locator('td[title="2026-10-04"]')))?.text).toBe('国庆节'); // a Sunday within the holiday
      expect(await markOf(month.locator('td[title="2026-10-10"]'))).toEqual({ text: '国庆节调休上班', label: '国庆节调休上班', title: '国庆节调休上班' });
      expect(await markOf(month.locator('td[title="2026-10-08"]'))).toBeNull(); // back at work, an ordinary Thursday
      expect(await markOf(month.locator('td[title="2026-10-17"]'))).toBeNull(); // an ordinary Saturday
      await screenshot(page, 'holidays-schedule-month');

      // week: under the weekday of each column
      await page.goto(`${base}?view=week&date=2026-10-01`);
      const day = (d: string) => page.locator(`.xt-sched-day[data-date="${d}"] .xt-sched-day-head`);
      await day('2026-10-01').locator('.xt-day-mark').waitFor();
      for (const d of ['2026-09-28', '2026-09-29', '2026-09-30']) expect(await markOf(day(d))).toBeNull();
      for (const d of ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04']) expect((await markOf(day(d)))?.text).toBe('国庆节');
      await screenshot(page, 'holidays-schedule-week');

      // day: beside the heading
      await page.goto(`${base}?view=day&date=2026-09-20`);
      await page.locator('.xt-sched-toolbar .xt-day-mark').waitFor();
      expect(await markOf(page.locator('.xt-sched-toolbar'))).toMatchObject({ text: '国庆节调休上班', label: '国庆节调休上班' });

      // the view's date picker: 休 on the days off, 班 on the days worked, the name as title and aria-label
      await page.goto(`${base}?view=day&date=2026-10-01`);
      const panel = await openPicker(page, page.locator('.xt-sched-toolbar .ant-picker input'));
      await panel.locator('td[title="2026-10-01"] .xt-day-mark').waitFor();
      expect(await markOf(panel.locator('td[title="2026-10-01"]'))).toEqual({ text: '休', label: '国庆节', title: '国庆节' });
      expect(await markOf(panel.locator('td[title="2026-10-07"]'))).toEqual({ text: '休', label: '国庆节', title: '国庆节' });
      expect(await markOf(panel.locator('td[title="2026-10-10"]'))).toEqual({ text: '班', label: '国庆节调休上班', title: '国庆节调休上班' });
      expect(await markOf(panel.locator('td[title="2026-10-09"]'))).toBeNull();
      expect(await markOf(panel.locator('td[title="2026-10-11"]'))).toBeNull(); // an ordinary Sunday
      // the screen reader hears the name with the date
      expect(await panel.getByRole('img', { name: '国庆节', exact: true }).count()).toBe(7);
      await screenshot(page, 'holidays-picker');
    });
  });

  it('X-2 the 领导活动 list’s date-range picker marks the holidays; a day the system administrator sets off shows too (from the server)', async () => {
    // the system administrator makes Monday 12 October 2026 a day off (K-8)
    const base = suite.server.baseUrl;
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    const put = await fetch(`${base}/api/v1/calendar/overrides/2026-10-12`, {
      method: 'PUT',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ working: false, reason: '市政府决定顺延休息一天' }),
    });
    expect(put.status, await put.clone().text()).toBe(200);

    await withPage('holidays-range-picker', PHONE, async (page) => {
      await login(page, base, 'office');
      await page.goto(`${base}/activities`);
      await page.getByRole('heading', { name: '领导活动' }).waitFor();
      const panel = await openPicker(page, page.locator('.ant-picker-range input').first());
      // from this month back to October 2026
      const target = panel.locator('td[title="2026-10-01"]');
      for (let i = 0; i < 24 && (await target.count()) === 0; i++) {
        await panel.locator('.ant-picker-header-prev-btn').first().click();
      }
      await target.locator('.xt-day-mark').waitFor();
      expect(await markOf(target)).toEqual({ text: '休', label: '国庆节', title: '国庆节' });
      expect(await markOf(panel.locator('td[title="2026-10-10"]'))).toMatchObject({ text: '班', label: '国庆节调休上班' });
      expect(await markOf(panel.locator('td[title="2026-10-12"]'))).toEqual({ text: '休', label: '休息日（管理员设定）', title: '休息日（管理员设定）' });
      await screenshot(page, 'holidays-range-picker-phone');
    });

    // and the 领导日程 week shows the administrator's day off by its label
    await withPage('holidays-override-week', WIDE, async (page) => {
      await login(page, base, 'office');
      await page.goto(`${base}/activities/calendar?view=week&date=2026-10-12`);
      const head = page.locator('.xt-sched-day[data-date="2026-10-12"] .xt-sched-day-head');
      await head.locator('.xt-day-mark').waitFor();
      expect((await markOf(head))?.text).toBe('休息日（管理员设定）');
    });
  });

  it('X-2 a leader’s 我的日程 on the 工作台 names the day when today is not an ordinary day', async () => {
    const base = suite.server.baseUrl;
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const weekend = [0, 6].includes(new Date(`${today}T00:00:00Z`).getUTCDay());
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
    });
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    // a weekday made a day off, or a weekend made a working day: either way today gets a mark
    const put = await fetch(`${base}/api/v1/calendar/overrides/${today}`, {
      method: 'PUT',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ working: weekend, reason: '测试：今天的安排' }),
    });
    expect(put.status, await put.clone().text()).toBe(200);
    await withPage('holidays-my-schedule', PHONE, async (page) => {
      await login(page, base, 'leader');
      const day = page.locator(`.xt-my-schedule-day[data-date="${today}"]`);
      await day.locator('.xt-day-mark').waitFor();
      expect((await markOf(day))?.label).toBe(weekend ? '工作日（管理员设定）' : '休息日（管理员设定）');
      await screenshot(page, 'holidays-my-schedule-phone');
    });
  });
});
