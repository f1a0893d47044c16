// 发文 (OUT-1 and the draft): the office creates a 发文, records two leaders' 交代 (one by phone on a
// leader's behalf), writes the 统一意图; the drafter of 市教育局 fills the draft beside it, sees a
// checker finding, fixes it, saves a second version and reads the diff of the two. Then the
// matter page on a phone.
import { join } from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, login, PHONE, SCREENSHOT_DIR, WIDE } from '../harness.ts';

/** A full-page screenshot, cut at `maxHeight` pixels. */
async function fullShot(page: Page, name: string, maxHeight = 2000) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const { width } = page.viewportSize()!;
  await page.evaluate(() => window.scrollTo(0, 0));
  const height = Math.min(maxHeight, await page.evaluate(() => document.documentElement.scrollHeight));
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, clip: { x: 0, y: 0, width, height } });
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core (WCAG 2.1 A/AA and best practices) on the page as it is: the critical and serious violations. */
async function blockingAxe(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const found: { id: string; impact: string | null; targets: string[] }[] = await page.evaluate(async () => {
    const r = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n: any) => String(n.target)) }));
  });
  return found
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.targets.slice(0, 3).join(' | ')}`);
}

/** axe on every tab of the 发文 page. */
async function axeTabs(page: Page, who: string): Promise<string[]> {
  const out: string[] = [];
  for (const tab of ['领导交代', '统一意图', '拟稿', '版本']) {
    await page.getByRole('tab', { name: new RegExp(tab) }).click();
    await page.waitForTimeout(800);
    out.push(...(await blockingAxe(page, `${who} ${tab}`)));
  }
  return out;
}

/** choose an option of an antd Select by typing part of its text */
async function choose(page: Page, inputId: string, text: string) {
  await page.locator(`#${inputId}`).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}

describe('发文：从领导交代到文稿', () => {
  const suite = browserSuite();
  const { withPage } = suite;
  const title = '关于做好2027年春季学期开学工作';
  let url = '';

  it('OUT-1 the office creates a 发文, records two leaders’ 交代 and writes the 统一意图 beside them', async () => {
    await withPage('outgoing-brief', WIDE, async (page) => {
      await login(page, suite.server.baseUrl, 'office');
      await page.goto(`${suite.server.baseUrl}/outgoing`);
      await page.getByRole('heading', { name: '发文', exact: true }).waitFor();
      await page.getByRole('button', { name: '新建发文' }).click();
      await page.locator('#out-create_title').fill(title);
      await choose(page, 'out-create_draftingDepartmentId', '市教育局');
      await choose(page, 'out-create_leaderIds', '张国华');
      await choose(page, 'out-create_leaderIds', '王芳');
      await page.keyboard.press('Escape');
      await choose(page, 'out-create_docType', '通知');
      await page
        .getByRole('button', { name: /新\s*建/ })
        .last()
        .click();
      await page.waitForURL(/\/outgoing\/[0-9a-f-]{20,}$/);
      url = page.url();
      await page.getByRole('heading', { name: title }).waitFor();
      expect(await page.locator('.xt-out-card').innerText()).toContain('张国华、王芳');

      // 交代: the office records both; 张国华's in person, 王芳's by phone
      for (const [leader, channel, text] of [
        ['张国华', '当面交代', '开学工作要把安全放在首位，文件要简短。'],
        ['王芳', '电话交代', '请把农村学校校车安全写进去。'],
      ] as const) {
        await choose(page, 'out-instr_leaderId', leader);
        await choose(page, 'out-instr_channel', channel);
        await page.locator('#out-instr_text').fill(text);
        await page.getByRole('button', { name: '记录交代' }).click();
        await page.getByTestId('instruction').filter({ hasText: text }).waitFor();
      }
      const items = page.getByTestId('instruction');
      await expect.poll(() => items.count()).toBe(2);
      expect(await items.nth(1).innerText()).toContain('办公室王建国代记');
      expect(await items.nth(1).innerText()).toContain('电话交代');
      await fullShot(page, 'outgoing-instructions');

      // 统一意图, the 交代 beside it
      await page.getByRole('tab', { name: '统一意图' }).click();
      await page.getByRole('checkbox', { name: '依据张国华的交代' }).check();
      await page.getByRole('checkbox', { name: '依据王芳的交代' }).check();
      await page.locator('#out-intent_text').fill('以安全为重点部署春季开学工作：突出校园安全和农村学校校车安全，文件简明扼要。');
      await page.locator('#out-intent_reason').fill('综合两位领导的交代');
      await page.getByRole('button', { name: '保存统一意图' }).click();
      await page.getByText('（第1稿）').waitFor();
      await fullShot(page, 'outgoing-intent');
      expect(await axeTabs(page, 'office')).toEqual([]);
      // the list, with the new 发文 in it
      await page.goto(`${suite.server.baseUrl}/outgoing`);
      await page.getByRole('link', { name: title }).waitFor();
      expect(await blockingAxe(page, 'office list')).toEqual([]);
    });
  });

  it('OUT-1 the drafter sees the intent beside its sources, fills the draft, sees a finding, fixes it, saves two versions and reads the diff', async () => {
    await withPage('outgoing-draft', WIDE, async (page) => {
      await login(page, suite.server.baseUrl, 'drafter');
      await page.goto(`${url}?tab=draft`);
      await page.getByText('以安全为重点部署春季开学工作').first().waitFor();
      // the sources beside the intent
      await page.getByText('请把农村学校校车安全写进去。').first().waitFor();

      await choose(page, 'out-draft_draft_issuers', '某市人民政府');
      await page.keyboard.press('Escape');
      await choose(page, 'out-draft_draft_mainTo', '甲县人民政府');
      await choose(page, 'out-draft_draft_mainTo', '乙县人民政府');
      await page.keyboard.press('Escape');
      await page.locator('#out-draft_draft_title').fill('某市人民政府关于做好2027年春季学期开学工作');
      await page.locator('#out-draft_draft_body_0_text').fill('为做好2027年春季学期开学工作，确保校园安全稳定，现将有关事项通知如下。');
      await page.getByRole('button', { name: '添加段落' }).click();
      await choose(page, 'out-draft_draft_body_1_level', '一级标题');
      await page.locator('#out-draft_draft_body_1_text').fill('一、切实做好校园和校车安全工作');
      // the checker, live: the title does not end with its 文种
      const findings = page.getByTestId('findings');
      await findings.locator('[data-rule="F-20"]').waitFor({ timeout: 15_000 });
      expect(await findings.innerText()).toContain('未以法定文种结尾');
      await fullShot(page, 'outgoing-draft-finding');
      await page.locator('#out-draft_reason').fill('初稿');
      await page.getByRole('button', { name: '保存为新版本' }).click();
      await page.getByText('已保存为第1稿').waitFor();

      // the fix, checked again before saving
      await page.locator('#out-draft_draft_title').fill('某市人民政府关于做好2027年春季学期开学工作的通知');
      await expect.poll(() => findings.locator('[data-rule="F-20"]').count(), { timeout: 15_000 }).toBe(0);
      await page.locator('#out-draft_reason').fill('标题补上文种');
      await page.getByRole('button', { name: '保存为新版本' }).click();
      await page.getByText('已保存为第2稿').waitFor();
      await fullShot(page, 'outgoing-draft-fixed');

      // 版本: the two drafts and their diff
      await page.getByRole('tab', { name: /版本/ }).click();
      await page.getByText('标题补上文种').waitFor();
      const diff = page.getByTestId('diff');
      await diff.waitFor();
      const text = await diff.innerText();
      expect(text).toContain('标题');
      expect(await diff.locator('ins').first().innerText()).toContain('的通知');
      await fullShot(page, 'outgoing-versions');
      expect(await axeTabs(page, 'drafter')).toEqual([]);
    });
  });

  it('OUT-1 the matter page on a phone (390×844): no sideways scrolling, the draft and its findings readable', async () => {
    await withPage('outgoing-phone', PHONE, async (page) => {
      await login(page, suite.server.baseUrl, 'office');
      await page.goto(`${url}?tab=draft`);
      await page.getByTestId('findings').waitFor();
      await page.locator('#out-draft_draft_title').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await fullShot(page, 'outgoing-phone-draft', 3000);
      await page.getByRole('tab', { name: /领导交代/ }).click();
      await page.getByTestId('instruction').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await fullShot(page, 'outgoing-phone-instructions');
      expect(await axeTabs(page, 'office (phone)')).toEqual([]);
    });
  });
});
