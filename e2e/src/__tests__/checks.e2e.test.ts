// 公文合规检查 (/checks): the rule engine's findings beside the fields, live as the user types.
// The fixes below were worked out by calling the engine (domain/src/checks) directly: a 请示 from
// 甲县人民政府 to 某市人民政府 is clean once it has one 主送, a 发文字号 with 〔〕, a title of the form
// “……关于……的请示”, a 签发人 and 联系人/电话 in the 附注.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { browserSuite, login, PHONE, screenshot, WIDE } from '../harness.ts';

describe('公文合规检查', () => {
  const suite = browserSuite();
  const { withPage } = suite;

  async function openChecks(page: Page) {
    await login(page, suite.server.baseUrl, 'office');
    await page.goto(suite.server.baseUrl + '/checks');
    await page.getByRole('heading', { name: '公文合规检查' }).waitFor();
  }

  /** the form item of a field (see fieldClass in web/src/features/checks/components/findings.tsx) */
  const field = (page: Page, key: string): Locator => page.locator(`.xt-chk-f-${key}`);
  /**
   * Choose an option of a field's select. Under load the click on an option can land while the
   * dropdown is still opening and be lost (the dropdown stays open); then it is clicked again.
   */
  async function choose(page: Page, key: string, option: string) {
    await field(page, key).locator('.ant-select').click();
    const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option });
    for (let attempt = 1; ; attempt++) {
      await item.click();
      // a chosen option closes the dropdown; a lost click leaves it open
      try {
        await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached', timeout: 3000 });
        return;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
  }

  const panel = (page: Page): Locator => page.locator('.xt-chk-panel');
  /** the rule IDs the summary panel lists */
  const panelRules = (page: Page) => panel(page).locator('.xt-chk-list .xt-chk-rule').allInnerTexts();

  async function waitRuleGone(page: Page, key: string, rule: string) {
    await expect.poll(() => field(page, key).locator(`[data-rule="${rule}"]`).count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(async () => (await panelRules(page)).includes(rule), { timeout: 10_000 }).toBe(false);
  }

  /** choose an organ in an organ multi-select by typing part of its name */
  async function chooseOrgan(page: Page, key: string, name: string) {
    await field(page, key).locator('input').first().click();
    await page.keyboard.type(name);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().click();
    await page.keyboard.press('Escape');
  }

  it('OUT-4 the 公文合规检查 page shows findings beside the fields of a broken 请示 and none once it is fixed', async () => {
    await withPage('checks', WIDE, async (page) => {
      await openChecks(page);

      // a blank form is not an error: the page asks for what is missing first
      await panel(page).getByText('请先填写').waitFor();
      await expect.poll(() => panel(page).innerText()).toContain('文种');

      await page.getByRole('button', { name: '载入示例：有问题的请示' }).click();
      await expect.poll(async () => (await panelRules(page)).sort(), { timeout: 15_000 }).toEqual(['F-01', 'F-20', 'R-ROUTE-02', 'X-03', 'X-13']);

      // each finding is shown beside its field, coloured by severity
      await field(page, 'docNo').locator('[data-rule="F-01"]').waitFor();
      await field(page, 'title').locator('[data-rule="F-20"]').waitFor();
      await field(page, 'mainTo').locator('[data-rule="R-ROUTE-02"]').waitFor();
      await field(page, 'signatory').locator('[data-rule="X-03"]').waitFor();
      await field(page, 'note').locator('[data-rule="X-13"]').waitFor();
      expect(await field(page, 'docNo').getAttribute('class')).toContain('ant-form-item-has-error');
      expect(await field(page, 'note').getAttribute('class')).toContain('ant-form-item-has-warning');
      expect(await field(page, 'docNo').innerText()).toContain('六角括号');
      const counts = await panel(page).locator('.xt-chk-counts').innerText();
      expect(counts).toContain('错误 4');
      expect(counts).toContain('警告 1');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'checks-broken');

      // 1. 主送 only the direct superior; the other organ goes to 抄送
      const mainTo = field(page, 'mainTo');
      await mainTo.getByText('某市财政局').waitFor();
      await mainTo.locator('.anticon-close').last().click();
      await waitRuleGone(page, 'mainTo', 'R-ROUTE-02');
      expect(await mainTo.innerText()).not.toContain('某市财政局');
      await chooseOrgan(page, 'copyTo', '某市财政局');
      await expect.poll(() => field(page, 'copyTo').innerText()).toContain('某市财政局');

      // 2. 发文字号 with 〔〕
      const docNo = field(page, 'docNo').locator('input');
      await docNo.fill(`甲政发〔${new Date().getFullYear()}〕12号`);
      await waitRuleGone(page, 'docNo', 'F-01');

      // 3. title: 发文机关 + 关于……的 + 请示
      await field(page, 'title').locator('input').fill('甲县人民政府关于追加防汛救灾经费的请示');
      await waitRuleGone(page, 'title', 'F-20');

      // 4. 签发人 (a tags input: type the name, press Enter)
      await field(page, 'signatory').locator('input').first().click();
      await page.keyboard.type('张国强');
      await page.keyboard.press('Enter');
      await waitRuleGone(page, 'signatory', 'X-03');

      // 5. 附注 with 联系人 and 电话
      await field(page, 'note').locator('input').fill('（联系人：李华，电话：0000-12345678）');
      await waitRuleGone(page, 'note', 'X-13');

      await panel(page).getByText('未发现问题').waitFor({ timeout: 15_000 });
      expect(await panelRules(page)).toEqual([]);
      expect(await page.locator('.xt-chk-form [data-rule]').count()).toBe(0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'checks-clean');
    });
  });

  it('IN-2 the intake check names what is missing, warns that classified documents may not be processed here, and works on a phone', async () => {
    await withPage('checks-phone', PHONE, async (page) => {
      await openChecks(page);
      await page.locator('.xt-chk-mini').getByText('请先填写').waitFor();

      // classified: a warning that the system may not process it
      await choose(page, 'secrecy', '机密');
      await page.getByText('涉密公文不得在本系统处理').waitFor();
      await choose(page, 'secrecy', '无（非涉密）');
      await page.getByText('涉密公文不得在本系统处理').waitFor({ state: 'detached' });

      await page.getByRole('button', { name: '载入示例：有问题的请示' }).click();
      await field(page, 'docNo').locator('[data-rule="F-01"]').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.locator('.xt-chk-mini').innerText()).toContain('错误 4');
      // no horizontal scrolling on a phone
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'checks-phone');
    });
  });
});
