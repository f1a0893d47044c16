// 领导活动 on a phone (ACT-8, issue #8 item 13): every page of the leader-activities area — the
// list, the request form, an activity in each state the demo holds, the weekly table and the
// calendar — fits a 390 px screen for the office director and the principal leader. A table may
// scroll inside its own container; the page itself never scrolls sideways, and the 基本信息 and
// 推荐人选 cards clip nothing.
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addWorkingDays, chinaDate } from '../../../domain/src/calendar/workdays.ts';
import { browserSuite, DEMO_PASSWORD, login, PHONE, screenshot, SCREENSHOT_DIR, WIDE } from '../harness.ts';

/** A demo user's session for API calls: the cookie and the CSRF token. */
interface Session {
  call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<any>;
}
async function session(baseUrl: string, username: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status, `login ${username}`).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    async call(method, path, body) {
      const r = await fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      expect(r.status, `${method} ${path}: ${text}`).toBe(200);
      return JSON.parse(text);
    },
  };
}

interface Listed {
  id: string;
  title: string;
  status: string;
}

/** The whole page as screenshots of at most 1200 px each (`<name>-full-1.png`, …), so each can be read at full size. */
async function fullShot(page: Page, name: string, maxHeight = 6000) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const { width } = page.viewportSize()!;
  await page.evaluate(() => window.scrollTo(0, 0));
  const height = Math.min(maxHeight, await page.evaluate(() => document.documentElement.scrollHeight));
  for (let y = 0, i = 1; y < height; y += 1200, i++) {
    await page.screenshot({
      path: join(SCREENSHOT_DIR, `${name}-full-${i}.png`),
      fullPage: true,
      clip: { x: 0, y, width, height: Math.min(1200, height - y) },
    });
  }
}

/** Waits until the page has drawn its data: no skeleton, no spinner, no request for half a second. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
  await expect.poll(() => page.locator('.ant-skeleton, .ant-spin-spinning, .ant-table-placeholder .ant-spin').count(), { timeout: 15_000 }).toBe(0);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** The page is no wider than the screen, and nothing sticks out of its card (a table scrolling in its own box aside). */
async function expectFits(page: Page, what: string) {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  expect.soft(widths.page, `${what}: the page is ${widths.page} px wide on a ${widths.screen} px screen`).toBeLessThanOrEqual(widths.screen);
  const clipped = await page.evaluate(() => {
    const out: string[] = [];
    for (const card of document.querySelectorAll<HTMLElement>('.ant-card')) {
      const body = card.querySelector<HTMLElement>(':scope > .ant-card-body');
      if (!body) continue;
      const right = body.getBoundingClientRect().right + 1;
      for (const el of body.querySelectorAll<HTMLElement>('*')) {
        // a table that scrolls in its own container is allowed; what is inside it is measured against it
        if (el.closest('.ant-table-content, .ant-table-body, .xt-week-scroll')) continue;
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > right) {
          out.push(
            `${card.querySelector('.ant-card-head-title')?.textContent ?? '(card)'}: <${el.tagName.toLowerCase()} class="${el.className}"> ends at ${Math.round(r.right)} px`,
          );
          break;
        }
      }
    }
    return out;
  });
  expect.soft(clipped, `${what}: content sticks out of its card`).toEqual([]);
}

describe('领导活动 on a phone', () => {
  const suite = browserSuite();
  const { withPage } = suite;

  /**
   * Beyond the demo, three requests with everything long — title, organisers, place, a contact
   * with a telephone number and an e-mail address, a description with a URL, every ACT-3
   * exception (the visitor's rank too), four leaders asked for, held jointly in the Party
   * committee's and the government's name — one left submitted, one proposed with the system's
   * (long) 拟办意见, one approved with it: the 基本信息 after approval that overflowed (issue #8).
   */
  let longOnes: Promise<void> | undefined;
  function fileLongActivities(): Promise<void> {
    longOnes ??= (async () => {
      const base = suite.server.baseUrl;
      const [office, leader] = [await session(base, 'office'), await session(base, 'leader')];
      const demo = (await office.call('GET', '/activities?status=approved&pageSize=50')).items as Listed[];
      const sample = await office.call('GET', `/activities/${demo[0].id}`);
      const leaders = (sample.candidates as { leaderId: string }[]).map((c) => c.leaderId);
      const staffId = sample.activity.responsibleStaffId as string;
      // weeks after the demo's month of activities, so nothing clashes
      const day = addWorkingDays(chinaDate(new Date()), 30);
      const file = async (n: number) =>
        office.call('POST', '/activities', {
          category: '会议',
          title: `全市深化“放管服”改革优化营商环境暨数字政府建设推进工作会议（第${n + 1}次全体会议）`,
          organiserName: '市发展和改革委员会、市政务服务和数据管理局、市工业和信息化局',
          organiserDepartmentId: null,
          heldInName: 'party_and_government',
          startsAt: new Date(`${day}T${String(8 + 3 * n).padStart(2, '0')}:00:00+08:00`).toISOString(),
          endsAt: new Date(`${day}T${String(10 + 3 * n).padStart(2, '0')}:00:00+08:00`).toISOString(),
          place: '市行政中心东区三号楼二楼第一会议室（请从北门进入，凭会议通知入场）',
          travelMinutes: 35,
          area: '发展改革',
          contact: '周晓梅 0000-12345678 zhouxiaomei.fgw@example.gov.cn',
          description:
            '总结全市深化“放管服”改革和数字政府建设工作，部署下一阶段重点任务；会议材料见 https://www.example.gov.cn/zwgk/tzgg/2026/notice-0000000000000001.html 。请拟出席领导提前15分钟到达。',
          requestedLeaderIds: leaders.slice(0, 4),
          exceptions: {
            superiorLeaderAttends: true,
            superiorLeaderRankOrder: 5,
            unifiedCommemoration: true,
            advancesCentralWork: true,
            outstandingActivity: true,
          },
        });
      const propose = async (a: { id: string }) => {
        const s = await office.call('GET', `/activities/${a.id}/suggestion`);
        const now = await office.call('GET', `/activities/${a.id}`);
        return office.call('POST', `/activities/${a.id}/proposal`, {
          version: now.version,
          leaderIds: s.leaderIds,
          proposal: s.opinion,
          responsibleStaffId: staffId,
        });
      };
      await file(0);
      await propose(await file(1));
      const approved = await propose(await file(2));
      await leader.call('POST', `/activities/${approved.id}/approval`, { version: approved.version, decision: 'approve' });
    })();
    return longOnes;
  }

  /** Every activity the user may see, through the API with the page's session. */
  async function visible(page: Page): Promise<Listed[]> {
    const res = await page.request.get(`${suite.server.baseUrl}/api/v1/activities?pageSize=200`);
    expect(res.ok()).toBe(true);
    return ((await res.json()) as { items: Listed[] }).items;
  }

  for (const user of ['office', 'leader'] as const) {
    it(`ACT-8 every leader-activities page fits a 390 px phone for ${user === 'office' ? 'the office director' : 'the principal leader'}`, async () => {
      await fileLongActivities();
      await withPage(`activities-phone-${user}`, PHONE, async (page) => {
        await login(page, suite.server.baseUrl, user);

        await page.goto(`${suite.server.baseUrl}/activities`);
        await page.getByRole('heading', { name: '领导活动' }).waitFor();
        await page.locator('.ant-table-row').first().waitFor();
        await settle(page);
        await expectFits(page, 'the list');
        await screenshot(page, `activities-phone-${user}-list`);

        await page.goto(`${suite.server.baseUrl}/activities/new`);
        await page.getByRole('heading', { name: '登记出席申请' }).waitFor();
        // 举办名义 offers the Party committee and the government together (item 14)
        await page.getByRole('radio', { name: '以党委、政府名义' }).waitFor();
        await settle(page);
        await expectFits(page, 'the request form');
        await screenshot(page, `activities-phone-${user}-new`);
        await fullShot(page, `activities-phone-${user}-new`);

        // every activity, so every state the demo holds (the principal leader sees none before the office has proposed it)
        const all = await visible(page);
        const seen = new Set(all.map((a) => a.status));
        for (const s of user === 'office' ? ['submitted', 'awaiting_approval', 'approved', 'confirmed'] : ['awaiting_approval', 'approved', 'confirmed']) {
          expect(seen, `a demo activity in state ${s}`).toContain(s);
        }
        const perState = new Map<string, number>();
        for (const a of all) {
          const n = (perState.get(a.status) ?? 0) + 1;
          perState.set(a.status, n);
          await page.goto(`${suite.server.baseUrl}/activities/${a.id}`);
          await page.getByRole('heading', { name: a.title }).waitFor();
          await page.locator('[data-section="info"]').waitFor();
          await settle(page);
          await expectFits(page, `the ${a.status} activity「${a.title}」`);
          // 推荐人选 is a list on a phone, not a table of tall, mostly empty rows
          const candidates = page.locator('[data-section="candidates"]');
          if (await candidates.count()) {
            expect(await candidates.locator('table').count()).toBe(0);
            expect(await candidates.locator('.xt-act-candidate-list > li').count()).toBeGreaterThan(0);
          }
          await screenshot(page, `activities-phone-${user}-${a.status}-${n}`);
          await fullShot(page, `activities-phone-${user}-${a.status}-${n}`);
        }

        await page.goto(`${suite.server.baseUrl}/activities/week`);
        await page.locator('.xt-week-table').waitFor();
        await settle(page);
        await expectFits(page, 'the weekly table');
        await screenshot(page, `activities-phone-${user}-week`);
        // the table scrolls inside its box; the leaders' column stays in view
        const left = await page.evaluate(() => {
          const box = document.querySelector<HTMLElement>('.xt-week-scroll')!;
          box.scrollLeft = 400;
          const name = box.querySelector('tbody .xt-week-leader-col')!;
          return { box: box.getBoundingClientRect().left, name: name.getBoundingClientRect().left, scrolled: box.scrollLeft };
        });
        expect(left.scrolled).toBeGreaterThan(0);
        expect(Math.abs(left.name - left.box)).toBeLessThanOrEqual(1);
        await expectFits(page, 'the weekly table, scrolled');
        await screenshot(page, `activities-phone-${user}-week-scrolled`);

        for (const view of ['week', 'month', 'day'] as const) {
          await page.goto(`${suite.server.baseUrl}/activities/calendar?view=${view}`);
          await page.getByRole('heading', { name: '领导日程' }).waitFor();
          await settle(page);
          await expectFits(page, `the calendar (${view})`);
          await screenshot(page, `activities-phone-${user}-calendar-${view}`);
        }
      });
    });
  }

  it('ACT-8 the approved activity’s detail and the request form on a 1366 px screen', async () => {
    await fileLongActivities();
    await withPage('activities-wide-detail', WIDE, async (page) => {
      await login(page, suite.server.baseUrl, 'office');
      // the approved activity with the most to show: the long one
      const a = (await visible(page)).filter((x) => x.status === 'approved').sort((x, y) => y.title.length - x.title.length)[0]!;
      await page.goto(`${suite.server.baseUrl}/activities/${a.id}`);
      await page.getByRole('heading', { name: a.title }).waitFor();
      await page.locator('[data-section="info"]').waitFor();
      await settle(page);
      await expectFits(page, 'the approved activity');
      expect(await page.locator('[data-section="info"]').innerText()).toContain('以党委、政府名义');
      expect(await page.locator('[data-section="candidates"] table').count()).toBe(1);
      await screenshot(page, 'activities-wide-approved');
      await fullShot(page, 'activities-wide-approved');
      // the request form's 举办名义 with its four choices
      await page.goto(`${suite.server.baseUrl}/activities/new`);
      await page.getByRole('radio', { name: '以党委、政府名义' }).waitFor();
      await settle(page);
      await screenshot(page, 'activities-wide-new');
    });
  });
});
