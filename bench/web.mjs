// The web app on a slow line (#9): the login page and the 工作台 as a county office's browser
// gets them. Prints figures; asserts nothing.
//
//   node bench/web.mjs                       # from the repository root (builds web/dist if stale)
//   node bench/web.mjs --runs 5 --mbps 2 --rtt 100 --no-lighthouse
//
// What it does:
// 1. starts `xietiao start` on a free port with a fresh SQLite DATA_DIR and the demo organisation;
// 2. in Debian's Chromium (playwright-core, a new context each run, so nothing is cached), with
//    CDP network emulation at --mbps down (default 2), half that up, --rtt ms (default 100):
//    opens /login and times "login page ready" (navigation start until the 登录 button is on the
//    screen and the form answers a click), and sums the bytes on the wire (CDP encodedDataLength,
//    headers included) of everything the page fetched until then and until the network is quiet;
//    then, signed in, the same for the 工作台 (ready: its heading and first list are drawn);
//    then a second visit to the login page in the same context (the cache warm);
// 3. runs Lighthouse 12 (mobile, its default simulated throttling: 1.6 Mbps, 150 ms RTT, 4× CPU)
//    on /login and on / (the 工作台, signed in with the session cookie), --runs times each, and
//    prints the median performance score with FCP, LCP, TBT, CLS and Speed Index.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const RUNS = Number(opt('runs', process.env.BENCH_RUNS ?? 3));
const MBPS = Number(opt('mbps', 2));
const RTT = Number(opt('rtt', 100));
const LIGHTHOUSE = !args.includes('--no-lighthouse');
// Lighthouse's throttling: 'simulate' (its default: a trace taken unthrottled, replayed by a model
// of a slow phone) or 'devtools' (the throttling applied in Chromium and the page measured as it loads).
const THROTTLING = opt('throttling', 'simulate');

// BENCH_WEB_DIST: measure another build (e.g. an experiment) instead of web/dist.
const WEB_DIST = process.env.BENCH_WEB_DIST ?? join(ROOT, 'web', 'dist');
if (!process.env.BENCH_WEB_DIST) {
  const { ensureWebBuilt } = await import(join(ROOT, 'scripts', 'webbuild.mjs'));
  if (!ensureWebBuilt()) process.exit(1);
}
const ONLY = opt('only', ''); // 'login' or 'work': Lighthouse on one page only

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function startServer() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'xietiao-bench-web-'));
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, WEB_DIST, XIETIAO_DEMO: '1' };
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  const child = spawn(process.execPath, [join(ROOT, 'server', 'bin', 'xietiao.mjs'), 'start'], { cwd: ROOT, env, stdio: 'ignore', detached: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** Bytes on the wire per request, from CDP (headers and body, as compressed). */
async function wireMeter(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const bytes = new Map();
  const urls = new Map();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
  return {
    cdp,
    total: () => [...bytes.values()].reduce((a, b) => a + b, 0),
    count: () => bytes.size,
    urls: () => [...bytes.keys()].map((id) => urls.get(id)),
    reset: () => bytes.clear(),
  };
}

async function throttle(cdp) {
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: RTT,
    downloadThroughput: (MBPS * 1_000_000) / 8,
    uploadThroughput: (MBPS * 500_000) / 8,
  });
}

async function timeVisit(page, url, ready) {
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await ready();
  return Date.now() - t0;
}

async function chromiumFigures(baseUrl) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const rows = { login: [], loginBytes: [], loginQuietBytes: [], loginRequests: [], work: [], workBytes: [], warmLogin: [], warmBytes: [] };
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      const meter = await wireMeter(page);
      await throttle(meter.cdp);
      const loginReady = async () => {
        await page.getByRole('button', { name: '登录', exact: true }).waitFor({ state: 'visible' });
      };
      rows.login.push(await timeVisit(page, `${baseUrl}/login`, loginReady));
      rows.loginBytes.push(meter.total());
      await page.waitForLoadState('networkidle');
      rows.loginQuietBytes.push(meter.total());
      rows.loginRequests.push(meter.count());
      if (run === 0)
        console.log(
          `  login page fetched: ${meter
            .urls()
            .map((u) => u.replace(baseUrl, ''))
            .join(' ')}`,
        );

      // Sign in (unthrottled typing), then time the 工作台 from the click.
      await page.getByLabel('用户名').fill('office');
      await page.getByLabel('密码').fill('xietiao-demo');
      meter.reset();
      const t0 = Date.now();
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.getByRole('heading', { name: '工作台' }).first().waitFor({ state: 'visible', timeout: 60_000 });
      await page.locator('.ant-list, .ant-table, .ant-empty').first().waitFor({ state: 'visible', timeout: 60_000 });
      rows.work.push(Date.now() - t0);
      await page.waitForLoadState('networkidle');
      rows.workBytes.push(meter.total());

      // The second visit: the hashed assets come from the cache without a request.
      await context.clearCookies();
      meter.reset();
      rows.warmLogin.push(await timeVisit(page, `${baseUrl}/login`, loginReady));
      await page.waitForLoadState('networkidle');
      rows.warmBytes.push(meter.total());
      await context.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`Chromium at ${MBPS} Mbps down / ${MBPS / 2} Mbps up, ${RTT} ms RTT, no cache (median of ${RUNS}):`);
  console.log(`  login page ready        ${sec(median(rows.login))}   (runs ${rows.login.map(sec).join(' / ')})`);
  console.log(
    `  login initial transfer  ${kb(median(rows.loginBytes))} until ready, ${kb(median(rows.loginQuietBytes))} until the network is quiet, ${median(rows.loginRequests)} requests`,
  );
  console.log(`  工作台 after 登录        ${sec(median(rows.work))}   ${kb(median(rows.workBytes))} transferred`);
  console.log(`  login again (cache warm) ${sec(median(rows.warmLogin))}   ${kb(median(rows.warmBytes))} transferred`);
}

async function sessionCookie(baseUrl) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ username: 'office', password: 'xietiao-demo' }),
  });
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  return cookie.join('; ');
}

async function lighthouseFigures(baseUrl) {
  const { default: lighthouse } = await import('lighthouse');
  const port = await freePort();
  const userDir = mkdtempSync(join(tmpdir(), 'xietiao-bench-chrome-'));
  const chrome = spawn(CHROMIUM, [...FLAGS, `--remote-debugging-port=${port}`, `--user-data-dir=${userDir}`, 'about:blank'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    const cookie = await sessionCookie(baseUrl);
    for (const [label, path, headers] of [
      ['login page', '/login', undefined],
      ['工作台', '/', { Cookie: cookie }],
    ]) {
      if (ONLY && (ONLY === 'login') !== (path === '/login')) continue;
      const scores = [];
      const metrics = { fcp: [], lcp: [], tbt: [], cls: [], si: [] };
      for (let run = 0; run < RUNS; run++) {
        const result = await lighthouse(`${baseUrl}${path}`, {
          port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
          extraHeaders: headers,
          throttlingMethod: THROTTLING,
        });
        const lhr = result.lhr;
        scores.push(Math.round(lhr.categories.performance.score * 100));
        if (process.env.BENCH_LH_DETAILS) {
          const shot = lhr.audits['final-screenshot']?.details?.data;
          if (shot) writeFileSync(join(tmpdir(), `lighthouse-${path === '/' ? 'work' : 'login'}.jpg`), Buffer.from(shot.split(',')[1], 'base64'));
          for (const id of [
            'bootup-time',
            'mainthread-work-breakdown',
            'largest-contentful-paint-element',
            'network-dependency-tree-insight',
            'critical-request-chains',
            'long-tasks',
          ]) {
            const a = lhr.audits[id];
            if (a) console.log(id, a.displayValue ?? '', JSON.stringify(a.details ?? null).slice(0, 2500));
          }
        }
        metrics.fcp.push(lhr.audits['first-contentful-paint'].numericValue);
        metrics.lcp.push(lhr.audits['largest-contentful-paint'].numericValue);
        metrics.tbt.push(lhr.audits['total-blocking-time'].numericValue);
        metrics.cls.push(lhr.audits['cumulative-layout-shift'].numericValue);
        metrics.si.push(lhr.audits['speed-index'].numericValue);
      }
      console.log(
        `  ${label.padEnd(10)} performance ${median(scores)} (runs ${scores.join(' / ')}); FCP ${sec(median(metrics.fcp))}, LCP ${sec(median(metrics.lcp))}, TBT ${median(metrics.tbt).toFixed(0)} ms, CLS ${median(metrics.cls).toFixed(3)}, Speed Index ${sec(median(metrics.si))}`,
      );
    }
  } finally {
    chrome.kill('SIGTERM');
    await new Promise((r) => chrome.once('exit', r));
    rmSync(userDir, { recursive: true, force: true, maxRetries: 5 });
  }
}

const server = await startServer();
try {
  if (!args.includes('--no-chromium')) await chromiumFigures(server.baseUrl);
  if (LIGHTHOUSE) {
    console.log(
      `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile (simulated 1.6 Mbps, 150 ms RTT, 4× CPU), median of ${RUNS}:`,
    );
    await lighthouseFigures(server.baseUrl);
  }
} finally {
  server.stop();
}
