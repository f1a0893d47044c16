// The leader's 工作台 (X-1, ACT-8): their schedule today and for the coming week sits above the
// inbox, and the approval and confirmation tasks in 待办 carry a deadline (the working day before
// the activity), on a desk screen and on a phone.
import { describe, expect, it } from 'vitest';
import { browserSuite, login, PHONE, screenshot, WIDE } from '../harness.ts';

describe('the leader’s workbench', () => {
  const suite = browserSuite();

  for (const [name, viewport] of [
    ['desk', WIDE],
    ['phone', PHONE],
  ] as const) {
    it(`X-1 ACT-8 the principal leader sees this week's schedule and deadlines on the 待办 (${name})`, async () => {
      await suite.withPage(`workbench-leader-${name}`, viewport, async (page) => {
        await login(page, suite.server.baseUrl, 'leader');
        const schedule = page.locator('.xt-my-schedule');
        await schedule.waitFor();
        await schedule.getByText('我的日程（今天和未来一周）').waitFor();
        await schedule
          .locator('.xt-my-schedule-day')
          .first()
          .getByText(/^今天（.+）$/)
          .waitFor();
        // the demo's own 公务外出 for the principal leader on the next working day, 14:30–17:30 Beijing time
        await schedule.getByText('14:30–17:30').waitFor();
        // the demo's activities awaiting approval are in 待办 with a date, not "—"
        const rows = page.locator('.ant-table-row', { hasText: '请审批' });
        await rows.first().waitFor();
        if (name === 'desk') expect(await rows.first().locator('td').nth(3).innerText()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        await page.waitForTimeout(300);
        await screenshot(page, `workbench-leader-${name}`);
        // the notifications open inside the screen, also on a phone
        await page.getByRole('button', { name: /^通知，/ }).click();
        const panel = page.locator('.xt-notify-panel');
        await panel.waitFor();
        await page.waitForTimeout(300);
        const box = (await panel.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
        await screenshot(page, `workbench-notifications-${name}`);
      });
    });
  }
});
