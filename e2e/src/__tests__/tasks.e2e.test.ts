// 催办 and 延期 in the browser (K-8): the office chases a department's open task of a demo matter —
// the chase is shown with the task — and extends its deadline with a reason. The buttons come
// from the matter's allowedActions (K-6): a liaison, who may not assign tasks, sees neither.
import { describe, expect, it } from 'vitest';
import { browserSuite, login, screenshot, WIDE } from '../harness.ts';

const MATTER = '关于做好元旦春节期间安全生产工作的协调';
const TASK = '制定节日期间安全生产大检查方案';

describe('tasks in the browser', () => {
  const suite = browserSuite();

  it('K-8 the office chases a task (on record) and extends its deadline with a reason', async () => {
    await suite.withPage('tasks-chase', WIDE, async (page) => {
      await login(page, suite.server.baseUrl, 'office');
      await page.goto(`${suite.server.baseUrl}/matters`);
      await page.getByRole('link', { name: MATTER }).first().click();
      await page.getByRole('heading', { name: MATTER }).waitFor();
      const row = page.locator('tr', { hasText: TASK });
      await row.getByRole('button', { name: '催办' }).click();
      const chase = page.getByRole('dialog', { name: '催办' });
      await chase.locator('#task-chase-note').fill('请于明日下班前报送检查方案');
      await chase.getByRole('button', { name: '催办' }).click();
      await page.getByText('已催办，承办方已收到提醒').waitFor();
      // the system's own reminders (到期前提醒, 逾期催办) are on record too; the latest is the office's
      await row.getByText(/已催办\d+次（最近：.*王建国）/).waitFor();

      await row.getByRole('button', { name: '延期' }).click();
      const extend = page.getByRole('dialog', { name: '延长期限' });
      await extend.locator('#task-extend-reason').fill('需会同公安、交通部门联合制定');
      await extend.getByRole('button', { name: '延期' }).click();
      await page.getByText('期限已延长').waitFor();
      await page.getByRole('tab', { name: '办理记录' }).click();
      await page.getByText('延长期限').first().waitFor();
      await screenshot(page, 'tasks-chase-extend');
    });
  });

  it('K-6 a liaison sees no 催办 or 延期 on a matter where they may not assign tasks', async () => {
    await suite.withPage('tasks-liaison', WIDE, async (page) => {
      await login(page, suite.server.baseUrl, 'liaison');
      await page.goto(`${suite.server.baseUrl}/matters`);
      // nor a 新建协调事项 button — the office or a leader registers matters (me.mayRegister)
      await page.getByRole('link', { name: MATTER }).first().waitFor();
      expect(await page.getByRole('button', { name: '新建协调事项' }).count()).toBe(0);
      await page.getByRole('link', { name: MATTER }).first().click();
      await page.getByRole('heading', { name: MATTER }).waitFor();
      await page.locator('tr', { hasText: '开展校园及周边安全隐患排查并报送情况' }).waitFor();
      expect(await page.getByRole('button', { name: '催办' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: '延期' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: '交办任务' }).count()).toBe(0);
      // the liaison's department holds a task: it may complete it
      await page.locator('tr', { hasText: '开展校园及周边安全隐患排查并报送情况' }).getByRole('button', { name: '办结' }).waitFor();
    });
  });
});
