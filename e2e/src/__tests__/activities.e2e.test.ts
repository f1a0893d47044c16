// 领导活动 (ACT-1, ACT-4, ACT-8): a department liaison files an attendance request, the office
// proposes with the system's suggestion, the principal leader approves on a phone, and the
// approved activity appears in the weekly table and the leader's calendar.
//
// The date: a working day 5 (or 4, 6, 3) days ahead of the real clock at 10:00 China time, not
// on 王芳's demo leave (server/src/seed/demo.ts: days 8–9 ahead, moved past weekends) nor on the day of
// her demo 全市卫生健康工作推进会 (server/src/seed/demo-activities.ts: 3 working days ahead).
import { join } from 'node:path';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addWorkingDays, isWorkingDay } from '../../../domain/src/calendar/workdays.ts';
import { browserSuite, login, PHONE, screenshot, WIDE, SCREENSHOT_DIR } from '../harness.ts';

const DAY_MS = 86_400_000;

/** China date (YYYY-MM-DD) `days` from now. */
function chinaDay(now: Date, days: number): string {
  return new Date(now.getTime() + 8 * 3600_000 + days * DAY_MS).toISOString().slice(0, 10);
}
/** As the demo seed computes absence days: `days` ahead, moved past a weekend. */
function seedDay(now: Date, days: number): string {
  let d = new Date(now.getTime() + 8 * 3600_000 + days * DAY_MS);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d = new Date(d.getTime() + DAY_MS);
  return d.toISOString().slice(0, 10);
}
function pickDate(now = new Date()): string {
  const leaveFrom = seedDay(now, 8);
  const leaveTo = seedDay(now, 9);
  // 王芳 is confirmed for the demo 全市卫生健康工作推进会, 3 working days ahead (server/src/seed/demo-activities.ts)
  const wangfangBusy = addWorkingDays(chinaDay(now, 0), 3);
  for (const offset of [5, 4, 6, 3, 7, 2]) {
    const d = chinaDay(now, offset);
    if (isWorkingDay(d) && (d < leaveFrom || d > leaveTo) && d !== wangfangBusy) return d;
  }
  throw new Error('no suitable working day found');
}
function mondayOf(d: string): string {
  const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
  return new Date(Date.parse(`${d}T00:00:00Z`) + (wd === 0 ? -6 : 1 - wd) * DAY_MS).toISOString().slice(0, 10);
}

/** A full-page screenshot, cut at `maxHeight` pixels. */
async function fullShot(page: Page, name: string, maxHeight = 1600) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const { width } = page.viewportSize()!;
  await page.evaluate(() => window.scrollTo(0, 0));
  const height = Math.min(maxHeight, await page.evaluate(() => document.documentElement.scrollHeight));
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, clip: { x: 0, y: 0, width, height } });
}

describe('领导活动', () => {
  const suite = browserSuite();
  const { withPage } = suite;
  const date = pickDate();
  const title = `全市教育工作会议（${Number(date.slice(5, 7))}月${Number(date.slice(8))}日）`;
  let activityUrl = '';

  /** choose an option of an antd Select by typing part of its text */
  async function choose(page: Page, inputId: string, text: string) {
    await page.locator(`#${inputId}`).click();
    await page.keyboard.type(text);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  }

  /** type a date-time into an antd DatePicker (showTime) and confirm with 确定 */
  async function pickTime(page: Page, inputId: string, value: string) {
    const input = page.locator(`#${inputId}`);
    await input.click();
    await input.fill(value);
    await page.locator('.ant-picker-dropdown:visible .ant-picker-ok button').click();
    await expect.poll(() => page.locator('.ant-picker-dropdown:visible').count()).toBe(0);
    await expect.poll(() => input.inputValue()).toBe(value);
  }

  it('ACT-1 a department liaison files an attendance request', async () => {
    await withPage('activities-form', WIDE, async (page) => {
      await login(page, suite.server.baseUrl, 'liaison');
      await page.goto(suite.server.baseUrl + '/activities');
      await page.getByRole('heading', { name: '领导活动' }).waitFor();
      await page.getByRole('button', { name: '登记出席申请' }).first().click();
      await page.getByRole('heading', { name: '登记出席申请' }).waitFor();

      await choose(page, 'act-category', '会议');
      await page.locator('#act-title').fill(title);
      await page.locator('#act-organiser').fill('市教育局');
      await page.getByRole('radio', { name: '以政府名义' }).check();
      await pickTime(page, 'act-starts', `${date} 10:00`);
      await pickTime(page, 'act-ends', `${date} 12:00`);
      await page.locator('#act-place').fill('市会议中心第一会议室');
      await page.locator('#act-travel').fill('25');
      await page.locator('#act-area').fill('教育');
      await page.locator('#act-contact').fill('周晓梅 0000-12345678');
      await choose(page, 'act-leaders', '王芳');
      await page.keyboard.press('Escape');
      await page.getByRole('checkbox', { name: '对中心工作有重大推动作用的专业会议' }).check();
      // a visiting superior leader's rank is asked for with the flag, and goes with it
      const superior = page.getByRole('checkbox', { name: '上级主管部门派相当于本级领导级别以上的领导同志出席' });
      await superior.check();
      await page.locator('#act-superior-rank').click();
      const firstRank = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
      await expect.poll(() => firstRank.innerText().catch(() => '')).toContain('正厅级及以上（与本机关市长相当）');
      await page.keyboard.press('Escape');
      await superior.uncheck();
      await expect.poll(() => page.locator('#act-superior-rank').count()).toBe(0);
      await page.locator('#act-description').fill('总结本年度教育工作，部署明年重点任务；请分管副市长出席并讲话。');
      // 邀请函等附件: picked now, uploaded right after the request is created
      const invitation = join(mkdtempSync(join(tmpdir(), 'xietiao-e2e-')), '邀请函.pdf');
      writeFileSync(invitation, '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
      await page.setInputFiles('#act-attachments', invitation);
      await page.locator('.ant-upload-list').getByText('邀请函.pdf').waitFor();
      // the 主办部门 decides the leader in charge: it has no default and must be chosen
      const deptItem = page.locator('.ant-form-item', { has: page.locator('#act-department') });
      await page.getByRole('button', { name: '提交申请' }).click();
      await deptItem.getByText('请选择主办部门（外单位主办的选“无”）').waitFor();
      expect(page.url()).toMatch(/\/activities\/new$/);
      await choose(page, 'act-department', '市教育局');
      await expect.poll(() => deptItem.locator('.ant-form-item-explain-error').count()).toBe(0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await fullShot(page, 'activities-form');

      await page.getByRole('button', { name: '提交申请' }).click();
      await page.waitForURL(/\/activities\/[0-9a-f-]{20,}$/);
      activityUrl = page.url();
      await page.getByRole('heading', { name: title }).waitFor();
      const header = await page.locator('.xt-page-header').innerText();
      expect(header).toContain('已登记（待拟办）');
      expect(header).toContain('10:00–12:00');
      expect(header).toContain('市会议中心第一会议室');
      await page.locator('[data-section="rules"]').waitFor();
      // the invitation was uploaded before the detail page opened
      const attachments = page.locator('[data-section="attachments"]');
      await attachments.locator('.xt-attachment-name', { hasText: '邀请函.pdf' }).waitFor();
      const attachmentText = await attachments.innerText();
      expect(attachmentText).toContain('附件（1）');
      expect(attachmentText).toMatch(/\d+(\.\d)? KB/);
      expect(await attachments.locator('a.xt-attachment-name').getAttribute('href')).toMatch(/^\/api\/v1\/attachments\/.+/);
      await fullShot(page, 'activities-attachments');
    });
  });

  it('ACT-4 the office proposes and the principal leader approves on a phone-width screen', async () => {
    expect(activityUrl).not.toBe('');
    await withPage('activities-propose', WIDE, async (page) => {
      await login(page, suite.server.baseUrl, 'office');
      await page.goto(suite.server.baseUrl + '/activities');
      await page.getByRole('link', { name: title }).click();
      await page.getByRole('heading', { name: title }).waitFor();
      const proposal = page.locator('[data-section="proposal"]');
      await proposal.waitFor();
      // the system's suggestion fills the leaders and the 拟办意见
      await expect.poll(() => page.locator('#proposal-text').inputValue(), { timeout: 15_000 }).not.toBe('');
      await expect
        .poll(() => proposal.locator('.ant-select-selection-item').allInnerTexts())
        .toEqual(expect.arrayContaining([expect.stringContaining('王芳')]));
      await page.locator('[data-section="candidates"]').waitFor();
      expect(await page.locator('[data-section="rules"] .ant-alert').count()).toBeGreaterThan(0);
      await choose(page, 'proposal-staff', '孙丽');
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await fullShot(page, 'activities-detail-office');

      await proposal.getByRole('button', { name: '报主要领导审批' }).click();
      await page.locator('.xt-page-header').getByText('待主要领导审批').waitFor();
    });

    await withPage('activities-approve-phone', PHONE, async (page) => {
      await login(page, suite.server.baseUrl, 'leader');
      await page.goto(activityUrl);
      await page.getByRole('heading', { name: title }).waitFor();
      const approval = page.locator('[data-section="approval"]');
      await approval.waitFor();
      expect(await approval.innerText()).toContain('王芳');
      await approval.getByText('同意', { exact: true }).click();
      await page.locator('#approval-instruction').fill('同意。请王芳同志出席并讲话。');
      // nothing wider than the phone
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await screenshot(page, 'activities-approve-phone');

      await approval.getByRole('button', { name: '提交审批' }).click();
      await page.locator('.xt-page-header').getByText('已批准（待确认）').waitFor();
      const assigned = await page.locator('[data-section="assignments"]').innerText();
      expect(assigned).toContain('王芳');
      expect(assigned).toContain('待确认');
    });
  });

  it('ACT-8 the weekly table shows the approved activity', async () => {
    await withPage('activities-week', WIDE, async (page) => {
      await login(page, suite.server.baseUrl, 'office');
      await page.goto(suite.server.baseUrl + '/activities');
      await page.locator('.xt-nav').getByText('周活动安排表').click();
      await page.getByRole('heading', { name: '领导周活动安排表', exact: true }).waitFor();
      await page.goto(`${suite.server.baseUrl}/activities/week?start=${mondayOf(date)}`);
      const table = page.locator('.xt-week-table');
      await table.waitFor();
      const row = table.locator('tbody tr', { hasText: '王芳' });
      const cell = row.locator(`td[data-date="${date}"]`);
      await cell.getByText(title).waitFor();
      expect(await cell.innerText()).toContain('10:00–12:00');
      expect(await cell.innerText()).toContain('市会议中心第一会议室');
      expect(await page.locator('.xt-week-title').innerText()).toContain('领导周活动安排表');
      await fullShot(page, 'activities-week');

      // 订阅日历: absolute ICS addresses
      await page.getByRole('button', { name: '订阅日历' }).click();
      const feed = page.locator('[data-feed="all"]');
      await feed.waitFor();
      expect(await feed.innerText()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/feeds\/.+\/leaders\.ics/);
      await page.keyboard.press('Escape');

      // 领导日程: 王芳's month
      await page.goto(`${suite.server.baseUrl}/activities/calendar?view=month&date=${date}`);
      await page.getByRole('heading', { name: '领导日程' }).waitFor();
      await page.locator('.xt-sched-toolbar .ant-select').first().click();
      await page.keyboard.type('王芳');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '王芳' }).first().click();
      await page.locator('.xt-sched-month').getByText(title).first().waitFor();
      await fullShot(page, 'activities-calendar');
    });
  });
});
