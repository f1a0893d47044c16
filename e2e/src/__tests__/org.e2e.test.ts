// 组织机构 (ORG-1…4) and 系统管理 access, driven through the UI as an administrator,
// the office and a department liaison would. The tests share one server and run in order:
// ORG-2's department and ORG-1's organ are created by the earlier tests.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { browserSuite, DEMO_PASSWORD, login, newPage, PHONE, screenshot, WIDE } from '../harness.ts';

const DAY_MS = 86_400_000;

/** China wall-clock date `days` from now as {y, m, d}, moved past a weekend. */
function chinaDay(days: number): { y: number; m: number; d: number } {
  let t = new Date(Date.now() + 8 * 3600_000 + days * DAY_MS);
  while (t.getUTCDay() === 0 || t.getUTCDay() === 6) t = new Date(t.getTime() + DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

describe('组织机构', () => {
  const suite = browserSuite();
  const { withPage } = suite;

  /** Log in through the form; administrators land on 系统管理, others on 工作台 or the password page. */
  async function signIn(page: Page, username: string, password = DEMO_PASSWORD, landing: RegExp = /系统管理/) {
    await page.goto(suite.server.baseUrl + '/login');
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.locator('#password').waitFor({ state: 'detached', timeout: 30_000 });
    await page.locator('.ant-layout-content').getByText(landing).first().waitFor();
  }

  /** Open 组织机构 through the menu and a tab by its label. */
  async function openOrgTab(page: Page, tab: string) {
    if (new URL(page.url()).pathname !== '/org') {
      const menu = page.locator('.xt-nav').getByText('组织机构', { exact: true });
      if (!(await menu.isVisible())) await page.getByRole('button', { name: '打开菜单' }).click();
      await page.locator('.xt-nav').getByText('组织机构', { exact: true }).first().click();
      await page.waitForURL(/\/org/);
    }
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await expect.poll(() => page.getByRole('tab', { name: tab, exact: true }).getAttribute('aria-selected')).toBe('true');
  }

  /**
   * Choose an option of an antd Select (typing to filter when it is searchable) and wait until
   * the select shows it. The dropdown is found through the listbox the input controls.
   */
  async function choose(page: Page, select: Locator, option: string, { type = false }: { type?: boolean } = {}) {
    const root = select.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
    await settled(page);
    await select.click();
    if (type) await select.fill(option);
    const id = await select.getAttribute('id');
    const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${id}_list"]`) });
    await settled(page);
    await dropdown.locator(`.ant-select-item-option[title="${option}"]`).first().click();
    await expect.poll(() => root.innerText()).toContain(option);
  }

  /** Until no CSS animation runs (a modal or dropdown opening moves what is clicked next). */
  async function settled(page: Page, within = '.ant-modal, .ant-select-dropdown, .ant-picker-dropdown, .ant-drawer') {
    await expect
      .poll(() =>
        page.evaluate(
          (sel) =>
            document.getAnimations().filter((a) => {
              const target = (a.effect as KeyframeEffect | null)?.target;
              // keyframe animations (antd's zoom, fade, slide motions), not hover/focus transitions
              return a instanceof CSSAnimation && a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity && !!target?.closest(sel);
            }).length,
          within,
        ),
      )
      .toBe(0);
  }

  /** A screenshot once tabs, modals and drawers have finished moving. */
  async function shot(page: Page, name: string) {
    await settled(page, '.ant-modal, .ant-drawer, .ant-tabs-content');
    await page.waitForTimeout(300);
    await screenshot(page, name);
  }

  function dialog(page: Page, title: string | RegExp): Locator {
    return page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
  }

  /** The row of a table that contains `text`. */
  function row(page: Page, text: string): Locator {
    return page.locator('.ant-table-row').filter({ hasText: text });
  }

  async function relation(page: Page, from: string, to: string): Promise<string> {
    const tool = page.locator('.xt-relation-tool');
    await choose(page, tool.getByLabel('发文机关'), from, { type: true });
    await choose(page, tool.getByLabel('收文机关'), to, { type: true });
    await tool.getByRole('button', { name: '查询' }).click();
    const result = tool.locator('.xt-relation-result');
    await result.waitFor();
    return result.innerText();
  }

  it('ORG-1 the system administrator adds an organ under the city and the 行文关系查询 shows 上级/下级', async () => {
    await withPage('org-1', WIDE, async (page) => {
      await signIn(page, 'admin');
      await openOrgTab(page, '机关');
      await page.getByRole('button', { name: '新增机关' }).click();
      const d = dialog(page, '新增机关');
      await d.getByLabel('机关名称').fill('丙县人民政府');
      await d.getByLabel('简称').fill('丙县政府');
      await d.getByLabel('发文机关代字').fill('丙政');
      await choose(page, d.getByLabel('类别'), '政府');
      await choose(page, d.getByLabel('级别'), '县级');
      await choose(page, d.getByLabel('上级机关（领导机关）'), '某市人民政府', { type: true });
      await page.keyboard.press('Escape');
      await d.getByRole('button', { name: '保存' }).click();
      await page.getByText('机关已新增').waitFor();
      await d.waitFor({ state: 'hidden' });

      await page.getByPlaceholder('机关名称、简称、代字').fill('丙县');
      const r = row(page, '丙县人民政府');
      await r.waitFor();
      expect(await r.innerText()).toContain('县级');
      expect(await r.innerText()).toContain('政府');
      expect(await r.innerText()).toContain('某市政府');
      await page.getByPlaceholder('机关名称、简称、代字').fill('');

      const up = await relation(page, '丙县人民政府', '某市人民政府（本机关）');
      expect(up).toContain('上级');
      expect(up).toContain('上行文');

      await page.locator('.xt-relation-tool').getByRole('button', { name: '交换' }).click();
      await page.locator('.xt-relation-tool').getByRole('button', { name: '查询' }).click();
      const down = page.locator('.xt-relation-tool .xt-relation-result');
      await expect.poll(() => down.getAttribute('data-relation')).toBe('subordinate');
      expect(await down.innerText()).toContain('下级');

      const peer = await relation(page, '丙县人民政府', '甲县人民政府');
      expect(peer).toContain('平级');
      await shot(page, 'org-1-relation');

      // A server-side 400 lands on the field it names: an organ cannot lead itself (cycle).
      await row(page, '本机关').getByRole('button', { name: '编辑' }).click();
      const e = dialog(page, '编辑机关');
      await choose(page, e.getByLabel('上级机关（领导机关）'), '丙县人民政府', { type: true });
      await page.keyboard.press('Escape');
      await e.getByRole('button', { name: '保存' }).click();
      const err = e.locator('.ant-form-item').filter({ hasText: '上级机关（领导机关）' }).locator('.ant-form-item-explain-error');
      await err.waitFor();
      expect(await err.innerText()).toContain('循环');
      await e.getByRole('button', { name: /取\s*消/ }).click();
    });
  });

  it('ORG-2 the system administrator adds a department with its functions, edits it and deactivates it', async () => {
    await withPage('org-2', WIDE, async (page) => {
      await signIn(page, 'admin');
      await openOrgTab(page, '部门');
      await page.getByRole('button', { name: '新增部门' }).click();
      const d = dialog(page, '新增部门');
      await d.getByLabel('部门名称').fill('市统计局');
      await d.getByLabel('简称').fill('市统计局');
      await d.getByRole('textbox', { name: '职能 1' }).fill('负责全市统计调查和统计数据的收集、汇总、发布');
      await d.getByRole('button', { name: '添加一项职能' }).click();
      await d.getByRole('textbox', { name: '职能 2' }).fill('负责国民经济核算和统计执法检查');
      await d.getByRole('button', { name: '保存' }).click();
      await page.getByText('部门已新增').waitFor();
      await d.waitFor({ state: 'hidden' });
      const r = row(page, '市统计局');
      await r.waitFor();
      expect(await r.innerText()).toContain('负责全市统计调查');
      expect(await r.innerText()).toContain('负责国民经济核算');

      // edit the second function
      await r.getByRole('button', { name: '编辑' }).click();
      const e = dialog(page, '编辑部门');
      await e.getByRole('textbox', { name: '职能 2' }).fill('负责国民经济核算、统计执法检查和统计信息化建设');
      await e.getByRole('button', { name: '保存' }).click();
      await page.getByText('部门信息已保存').waitFor();
      await expect.poll(() => row(page, '市统计局').innerText()).toContain('统计信息化建设');

      // a duplicate name is refused at the name field (409 that is not a stale version)
      await page.getByRole('button', { name: '新增部门' }).click();
      const dup = dialog(page, '新增部门');
      await dup.getByLabel('部门名称').fill('市统计局');
      await dup.getByRole('button', { name: '保存' }).click();
      const nameErr = dup.locator('.ant-form-item').filter({ hasText: '部门名称' }).locator('.ant-form-item-explain-error');
      await nameErr.waitFor();
      expect(await nameErr.innerText()).toContain('已存在');
      await dup.getByRole('button', { name: /取\s*消/ }).click();

      // 409: someone else saves the department while the form is open
      await row(page, '市统计局').getByRole('button', { name: '编辑' }).click();
      const stale = dialog(page, '编辑部门');
      await stale.getByLabel('简称').fill('统计局');
      const other = await newPage(suite.browser, { viewport: WIDE });
      try {
        await signIn(other, 'admin');
        await openOrgTab(other, '部门');
        await row(other, '市统计局').getByRole('button', { name: '编辑' }).click();
        const o = dialog(other, '编辑部门');
        await o.getByLabel('部门名称').fill('市统计局（市普查中心）');
        await o.getByRole('button', { name: '保存' }).click();
        await other.getByText('部门信息已保存').waitFor();
      } finally {
        await other.context().close();
      }
      await stale.getByRole('button', { name: '保存' }).click();
      await page.getByText(/已被他人修改.*已刷新/).waitFor();
      await row(page, '市统计局（市普查中心）').waitFor();

      // deactivate
      await row(page, '市统计局（市普查中心）').getByRole('button', { name: '停用' }).click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s*定/ })
        .click();
      await page.getByText('已停用').first().waitFor();
      await expect
        .poll(async () => {
          const rows = row(page, '市统计局（市普查中心）');
          return (await rows.count()) === 0 || (await rows.innerText()).includes('已停用');
        })
        .toBe(true);
      await shot(page, 'org-2-departments');
    });
  });

  it('ORG-3 the system administrator creates a person; the security administrator gives them a role; the new person must change the password at first login', async () => {
    const initial = 'Tjj-start-2024';
    const changed = 'Tjj-changed-2025';
    await withPage('org-3-create', WIDE, async (page) => {
      await signIn(page, 'admin');
      await openOrgTab(page, '人员');
      await page.getByRole('button', { name: '新增人员' }).click();
      const d = dialog(page, '新增人员');
      await d.getByLabel('用户名').fill('tjj.liaison');
      await d.getByLabel('姓名').fill('田佳佳');
      await d.getByLabel('职务').fill('统计局联络员');
      await choose(page, d.getByLabel('所在部门'), '市教育局', { type: true });
      await choose(page, d.getByLabel('角色'), '拟稿人');
      await page.keyboard.press('Escape');
      await d.getByLabel('初始密码').fill(initial);
      await d.getByRole('button', { name: '保存' }).click();
      await page.getByText('人员已新增').waitFor();
      await d.waitFor({ state: 'hidden' });
      await page.getByPlaceholder('姓名、用户名').fill('田佳佳');
      await page.getByPlaceholder('姓名、用户名').press('Enter');
      const r = row(page, '田佳佳');
      await r.waitFor();
      expect(await r.innerText()).toContain('拟稿人');

      // the same username again: refused at the username field
      await page.getByRole('button', { name: '新增人员' }).click();
      const dup = dialog(page, '新增人员');
      await dup.getByLabel('用户名').fill('tjj.liaison');
      await dup.getByLabel('姓名').fill('田佳佳');
      await choose(page, dup.getByLabel('角色'), '拟稿人');
      await page.keyboard.press('Escape');
      await dup.getByLabel('初始密码').fill(initial);
      await dup.getByRole('button', { name: '保存' }).click();
      const err = dup.locator('.ant-form-item').filter({ hasText: '用户名' }).locator('.ant-form-item-explain-error');
      await err.waitFor();
      expect(await err.innerText()).toContain('已被使用');
    });

    await withPage('org-3-roles', WIDE, async (page) => {
      await signIn(page, 'secadmin');
      await openOrgTab(page, '人员');
      await page.getByPlaceholder('姓名、用户名').fill('tjj.liaison');
      await page.getByPlaceholder('姓名、用户名').press('Enter');
      const r = row(page, '田佳佳');
      await r.waitFor();
      await r.getByRole('button', { name: /管理/ }).click();
      await page.getByRole('menuitem', { name: '分配角色' }).click();
      const d = dialog(page, '分配角色');
      await expect.poll(() => d.getByLabel('拟稿人').isChecked()).toBe(true);
      await d.getByLabel('拟稿人').uncheck();
      await d.getByLabel('部门联络员').check();
      await d.getByRole('button', { name: '保存' }).click();
      await page.getByText('角色已更新').waitFor();
      await expect.poll(() => row(page, '田佳佳').innerText()).toContain('部门联络员');
      expect(await row(page, '田佳佳').innerText()).not.toContain('拟稿人');
    });

    await withPage('org-3-first-login', WIDE, async (page) => {
      await signIn(page, 'tjj.liaison', initial, /修改密码/);
      expect(page.url()).toMatch(/\/password$/);
      await page.getByText('首次登录').waitFor();
      await page.locator('#oldPassword').fill(initial);
      await page.locator('#newPassword').fill(changed);
      await page.locator('#confirmPassword').fill(changed);
      await page.getByRole('button', { name: '确认修改' }).click();
      await page.getByText('密码已修改').waitFor();
      await page.waitForURL((u) => u.pathname === '/');
      await page.getByText('工作台').first().waitFor();
    });

    await withPage('org-3-second-login', WIDE, async (page) => {
      await login(page, suite.server.baseUrl, 'tjj.liaison', changed);
      expect(new URL(page.url()).pathname).toBe('/');
    });
  });

  it('ORG-3 a leader profile: rank, precedence, 一线/二线 and 分管 are shown in the 领导 tab', async () => {
    await withPage('org-3-leaders', WIDE, async (page) => {
      await login(page, suite.server.baseUrl, 'office');
      await openOrgTab(page, '领导');
      const rows = page.locator('.ant-table-row');
      await rows.first().waitFor();
      const first = await rows.first().innerText();
      expect(first).toContain('张国华');
      expect(first).toContain('市长');
      expect(first).toContain('主要领导');
      expect(first).toContain('正厅级');
      expect(first).toContain('一线');
      expect(first).toContain('主持市政府全面工作');
      const wu = await row(page, '吴国平').innerText();
      expect(wu).toContain('二线');
      expect(wu).toContain('副厅级');
      expect(await row(page, '郑秀兰').innerText()).toContain('二线');
      // first-line leaders come before second-line ones
      const names = await rows.locator('td:nth-child(2)').allInnerTexts();
      expect(names.findIndex((n) => n.includes('孙立新'))).toBeLessThan(names.findIndex((n) => n.includes('吴国平')));
      expect(await row(page, '李卫东').innerText()).toContain('财政（市财政局）');
    });
  });

  it("ORG-4 the office records a leader's business trip and it shows in the 请假外出 list", async () => {
    await withPage('org-4', WIDE, async (page) => {
      await login(page, suite.server.baseUrl, 'office');
      await openOrgTab(page, '请假外出');
      const { y, m, d } = chinaDay(12);
      const { y: y2, m: m2, d: d2 } = chinaDay(13);
      const fmt = (yy: number, mm: number, dd: number, hm: string) => `${yy}年${mm}月${dd}日 ${hm}`;

      const record = async (start: string, end: string, note: string) => {
        await page.getByRole('button', { name: '登记请假外出' }).click();
        const f = dialog(page, '登记请假外出');
        await choose(page, f.getByLabel('领导'), '李卫东（常务副市长）', { type: true });
        await choose(page, f.getByLabel('类型'), '出差');
        // type each end and confirm it with Enter (the picker's OK button of an earlier, closing
        // dialog can still be in the page); then close the panel
        const inputs = f.locator('.ant-picker-range input');
        for (const [i, value] of [start, end].entries()) {
          await inputs.nth(i).click();
          await inputs.nth(i).fill(value);
          await inputs.nth(i).press('Enter');
          await expect.poll(() => inputs.nth(i).inputValue()).toBe(value);
        }
        // (Escape only while the panel is open: otherwise it would close the dialog)
        if (await page.locator('.ant-picker-dropdown:visible').count()) await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('.ant-picker-dropdown:visible').count()).toBe(0);
        await f.getByLabel('备注').fill(note);
        await f.getByRole('button', { name: '登记' }).click();
        return f;
      };

      const f = await record(fmt(y, m, d, '08:30'), fmt(y2, m2, d2, '18:00'), '赴省财政厅汇报工作');
      await page.getByText('已登记').waitFor();
      await f.waitFor({ state: 'hidden' });
      // ACT-6: when the trip falls on activities he was to attend, the office is told they are re-opened
      const notices = page.locator('.xt-absence-notices');
      if (
        await notices.waitFor({ timeout: 2000 }).then(
          () => true,
          () => false,
        )
      ) {
        expect(await notices.innerText()).toContain('已转为重新协调');
        await screenshot(page, 'org-4-absence-reopens');
        await notices.getByRole('button').click();
        await notices.waitFor({ state: 'hidden' });
      }
      const r = row(page, '赴省财政厅汇报工作');
      await r.waitFor();
      const text = await r.innerText();
      expect(text).toContain('李卫东');
      expect(text).toContain('出差');
      expect(text).toContain(`${m}月${d}日`);

      // an overlapping trip is refused at the 起止时间 field (server 400, path body.startsAt)
      const again = await record(fmt(y2, m2, d2, '09:00'), fmt(y2, m2, d2, '12:00'), '重叠的登记');
      const err = again.locator('.ant-form-item').filter({ hasText: '起止时间' }).locator('.ant-form-item-explain-error');
      await err.waitFor();
      expect(await err.innerText()).toContain('时间重叠');
      await again.getByRole('button', { name: /取\s*消/ }).click();
    });
  });

  it('X-4 a department liaison sees no 系统管理 menu and cannot open the admin pages', async () => {
    await withPage('x-4', WIDE, async (page) => {
      await login(page, suite.server.baseUrl, 'liaison');
      const nav = await page.locator('.xt-nav').innerText();
      expect(nav).toContain('组织机构');
      expect(nav).not.toContain('系统管理');
      await page.goto(suite.server.baseUrl + '/admin');
      await page.getByText('无权访问').waitFor();
      await page.goto(suite.server.baseUrl + '/admin/audit');
      await page.getByText('无权访问').waitFor();
      // the organisation pages are read-only for them
      await page.goto(suite.server.baseUrl + '/org?tab=people');
      await page.getByPlaceholder('姓名、用户名').fill('周晓梅');
      await page.getByPlaceholder('姓名、用户名').press('Enter');
      await row(page, '周晓梅').waitFor();
      expect(await page.getByRole('button', { name: '新增人员' }).count()).toBe(0);
      await page.goto(suite.server.baseUrl + '/org?tab=departments');
      await row(page, '市教育局').waitFor();
      expect(await page.getByRole('button', { name: '新增部门' }).count()).toBe(0);
    });
  });

  it('X-4 the security administrator lifts the wait after repeated wrong passwords, and the person logs in again', async () => {
    const attempt = (password: string) =>
      fetch(`${suite.server.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'reviewer', password }),
      }).then((r) => r.status);
    // five wrong passwords from this address, then even the right one must wait
    for (let i = 0; i < 5; i++) expect(await attempt('wrong-password')).toBe(401);
    expect(await attempt(DEMO_PASSWORD)).toBe(429);
    await withPage('org-unlock', WIDE, async (page) => {
      await signIn(page, 'secadmin');
      await openOrgTab(page, '人员');
      await page.getByPlaceholder('姓名、用户名').fill('reviewer');
      await page.getByPlaceholder('姓名、用户名').press('Enter');
      const r = row(page, 'reviewer');
      await r.waitFor();
      await r.getByRole('button', { name: /管理/ }).click();
      await page.getByRole('menuitem', { name: '解除登录锁定' }).click();
      await page.getByText(/已解除「.+」的登录锁定|的账号当前未被锁定/).waitFor();
      await screenshot(page, 'org-unlock');
    });
    expect(await attempt(DEMO_PASSWORD)).toBe(200);
  });

  it('the 组织机构 tabs on a 390 px phone screen', async () => {
    await withPage('org-phone-admin', PHONE, async (page) => {
      await signIn(page, 'admin');
      await shot(page, 'org-admin');
      for (const [tab, name] of [
        ['机关', 'organs'],
        ['部门', 'departments'],
        ['人员', 'people'],
      ] as const) {
        await openOrgTab(page, tab);
        await page.locator('.ant-table-row').first().waitFor();
        // on a phone a department row expands to show its functions
        if (name === 'departments')
          await page
            .getByRole('button', { name: /展开行|Expand row/ })
            .first()
            .click();
        await shot(page, `org-${name}`);
      }
      await page.getByRole('button', { name: '新增人员' }).click();
      await dialog(page, '新增人员').waitFor();
      await shot(page, 'org-people-form');
    });
    await withPage('org-phone-office', PHONE, async (page) => {
      await login(page, suite.server.baseUrl, 'office');
      for (const [tab, name] of [
        ['领导', 'leaders'],
        ['请假外出', 'absences'],
      ] as const) {
        await openOrgTab(page, tab);
        await page.locator('.ant-table-row').first().waitFor();
        await shot(page, `org-${name}`);
      }
    });
  });
});
