// 公文合规检查 (/checks), reading a whole document: a pasted text or an uploaded DOCX is read by the
// server (POST /api/v1/checks/text) against the demo organisation; what was read fills the form,
// the fields it could not read are named, and the findings appear beside the fields.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { blocksOf, buildDocx } from '../../../server/src/modules/checks/__tests__/docx-builder.ts';
import { browserSuite, login, PHONE, screenshot, WIDE } from '../harness.ts';

/** A 请示 of the demo organisation (甲县人民政府 to 某市人民政府) without 签发人: X-03. */
const REQUEST = [
  '甲县人民政府文件',
  '甲政发〔2026〕12号',
  '──────────────────────',
  '甲县人民政府关于追加防汛救灾经费的请示',
  '某市人民政府：',
  '今年入汛以来，我县连续遭受强降雨袭击，部分乡镇受灾严重。为保障人民群众生命财产安全，特请求市政府追加我县防汛救灾经费300万元。',
  '妥否，请批示。',
  '甲县人民政府',
  '2026年6月3日',
  '（联系人：李华，电话：0000-12345678）',
  '──────────────────────',
  '抄送：市财政局。',
  '──────────────────────',
  '甲县人民政府办公室　　2026年6月3日印发',
].join('\n');

/** A clean 通知 of 某市人民政府 to the counties and the city's departments. */
const NOTICE = [
  '某市人民政府文件',
  '某政发〔2026〕30号',
  '──────────────────────',
  '某市人民政府关于做好2026年防汛工作的通知',
  '各县人民政府，市政府各部门：',
  '为做好2026年防汛工作，确保人民群众生命财产安全，现将有关事项通知如下：',
  '一、压实防汛责任',
  '各县人民政府对本行政区域防汛工作负总责。',
  '二、加强值班值守',
  '汛期实行24小时值班制度。',
  '某市人民政府',
  '2026年5月20日',
  '（此件公开发布）',
  '──────────────────────',
  '某市人民政府办公室　　2026年5月20日印发',
].join('\n');

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's critical and serious violations (WCAG 2.1 A/AA and best practices, as a11y.e2e.test.ts runs it), as “rule: element” lines; evaluated through DevTools under the app's CSP. */
async function blockingA11y(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const r = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations'],
    });
    return r.violations
      .filter((v: any) => v.impact === 'critical' || v.impact === 'serious')
      .flatMap((v: any) => v.nodes.map((n: any) => `${v.id}: ${String(n.html).slice(0, 120)}`));
  });
}

describe('公文合规检查：读取全文', () => {
  const suite = browserSuite();
  const { withPage } = suite;

  async function openChecks(page: Page) {
    await login(page, suite.server.baseUrl, 'office');
    await page.goto(suite.server.baseUrl + '/checks');
    await page.getByRole('heading', { name: '公文合规检查' }).waitFor();
  }
  const field = (page: Page, key: string): Locator => page.locator(`.xt-chk-f-${key}`);
  const panel = (page: Page): Locator => page.locator('.xt-chk-panel');
  const panelRules = (page: Page) => panel(page).locator('.xt-chk-list .xt-chk-rule').allInnerTexts();
  const readMode = (page: Page) => page.locator('.xt-chk-mode').getByText('粘贴或上传全文').click();

  async function pasteAndRead(page: Page, text: string) {
    await readMode(page);
    await page.getByLabel('公文全文').fill(text);
    await page.getByRole('button', { name: '读取并检查' }).click();
    await page.locator('.xt-chk-read-result').waitFor({ timeout: 15_000 });
  }

  it('IN-2 a pasted 请示 is read into the form: fields filled, the unread 签发人 named, its finding beside it; filling it in clears it', async () => {
    await withPage('checks-text', WIDE, async (page) => {
      await openChecks(page);
      await pasteAndRead(page, REQUEST);

      // what was read, in the form's own fields (editable)
      await expect.poll(() => field(page, 'type').innerText()).toContain('请示');
      expect(await field(page, 'layout').innerText()).toContain('通用格式');
      expect(await field(page, 'issuers').innerText()).toContain('甲县人民政府');
      expect(await field(page, 'docNo').locator('input').inputValue()).toBe('甲政发〔2026〕12号');
      expect(await field(page, 'title').locator('input').inputValue()).toBe('甲县人民政府关于追加防汛救灾经费的请示');
      expect(await field(page, 'mainTo').innerText()).toContain('某市人民政府');
      expect(await field(page, 'copyTo').innerText()).toContain('某市财政局');
      expect(await page.getByLabel('成文日期').inputValue()).toBe('2026年6月3日');
      expect(await field(page, 'note').locator('input').inputValue()).toBe('（联系人：李华，电话：0000-12345678）');
      expect(await field(page, 'body').locator('textarea').inputValue()).toContain('妥否，请批示。');

      // the field it could not read is named, above the form and at the field
      const result = page.locator('.xt-chk-read-result');
      expect(await result.innerText()).toContain('已从粘贴的全文读出各项');
      expect(await result.locator('[data-unread-field]').allInnerTexts()).toEqual(['签发人']);
      await field(page, 'signatory').locator('[data-unread="signatory"]').waitFor();
      // …and the finding beside it
      await field(page, 'signatory').locator('[data-rule="X-03"]').waitFor({ timeout: 15_000 });
      await expect.poll(() => panelRules(page), { timeout: 15_000 }).toEqual(['X-03']);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'checks-text-read');
      expect(await blockingA11y(page)).toEqual([]);
      await readMode(page);
      await page.locator('.xt-chk-read').waitFor();
      expect(await blockingA11y(page)).toEqual([]);
      await page.locator('.xt-chk-mode').getByText('逐项填写').click();

      // fill in the 签发人: the mark and the finding go
      await field(page, 'signatory').locator('input').first().click();
      await page.keyboard.type('张国强');
      await page.keyboard.press('Enter');
      await field(page, 'signatory').locator('[data-unread]').waitFor({ state: 'detached' });
      await panel(page).getByText('未发现问题').waitFor({ timeout: 15_000 });
    });
  });

  it('IN-2 an uploaded DOCX (made here, 版头 in red, the separator a drawn border) is read into the form; a file that is not a DOCX is refused', async () => {
    await withPage('checks-text-docx', WIDE, async (page) => {
      await openChecks(page);
      await readMode(page);
      const docx = await buildDocx(blocksOf(NOTICE, ['某市人民政府文件']));
      const input = page.locator('.xt-chk-read input[type=file]');
      await input.setInputFiles({ name: '防汛通知.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx });
      const result = page.locator('.xt-chk-read-result');
      await result.waitFor({ timeout: 15_000 });
      expect(await result.innerText()).toContain('已从文件“防汛通知.docx”读出各项');
      expect(await result.innerText()).toContain('各项均已读出');
      await expect.poll(() => field(page, 'type').innerText()).toContain('通知');
      expect(await field(page, 'issuers').innerText()).toContain('某市人民政府');
      const mainTo = await field(page, 'mainTo').innerText();
      for (const name of ['甲县人民政府', '乙县人民政府', '某市财政局']) expect(mainTo).toContain(name);
      expect(await field(page, 'note').locator('input').inputValue()).toBe('（此件公开发布）');
      await panel(page).getByText('未发现问题').waitFor({ timeout: 15_000 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'checks-text-docx');

      await readMode(page);
      await page.locator('.xt-chk-read input[type=file]').setInputFiles({ name: '请示.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n') });
      await expect.poll(() => page.locator('.xt-chk-read-error').innerText(), { timeout: 15_000 }).toContain('PDF');
      await screenshot(page, 'checks-text-refused');
    });
  });

  it('IN-2 reading a whole document works on a phone', async () => {
    await withPage('checks-text-phone', PHONE, async (page) => {
      await openChecks(page);
      await readMode(page);
      await page.getByLabel('公文全文').fill(REQUEST);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'checks-text-phone-paste');
      await page.getByRole('button', { name: '读取并检查' }).click();
      await page.locator('.xt-chk-read-result').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.locator('.xt-chk-mini').innerText(), { timeout: 15_000 }).toContain('错误 1');
      await field(page, 'type').locator('.xt-chk-msg.is-missing').waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'checks-text-phone');
    });
  });
});
