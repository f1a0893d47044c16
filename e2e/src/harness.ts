// Browser-test harness: a real server on a free port with a throw-away SQLite database, and the
// system Chromium driven by playwright-core. Never run `npx playwright install` — CI and
// developer machines use /usr/bin/chromium (override with CHROMIUM_PATH).
//
// Env knobs: XIETIAO_E2E_VERBOSE=1 echoes server output; XIETIAO_E2E_KEEP=1 keeps the temp DATA_DIR.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOT_DIR = join(ROOT, 'reports', 'screenshots');
export const DEMO_PASSWORD = 'xietiao-demo';
const SERVER_BIN = process.env.XIETIAO_SERVER_BIN ?? join(ROOT, 'server', 'bin', 'xietiao.mjs');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HEALTH_TIMEOUT_MS = Number(process.env.XIETIAO_E2E_HEALTH_TIMEOUT_MS) || 60_000;

export interface RunningServer {
  baseUrl: string;
  port: number;
  dataDir: string;
  /** Last lines the server printed (stdout + stderr), for diagnostics. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartServerOptions {
  /** Load the demo organisation on the empty database (XIETIAO_DEMO). Default true. */
  demo?: boolean;
  /** Extra environment for the server process. */
  env?: Record<string, string>;
}

/** A TCP port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}

// Kill every server still running when the test worker exits (e.g. a forgotten stop()).
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) killTree(child, 'SIGKILL');
});

function killTree(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the whole process group (detached: true)
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** A bounded buffer of the server's last output lines. */
function outputTail(maxChars = 20_000) {
  let text = '';
  return {
    push(chunk: Buffer | string) {
      text += chunk.toString();
      if (text.length > maxChars) text = text.slice(-maxChars);
    },
    get: () => text,
  };
}

/**
 * Start `node server/bin/xietiao.mjs start` on a free port with a fresh temporary DATA_DIR
 * (SQLite; DATABASE_URL is removed). Resolves once GET /api/health answers {"status":"ok"}.
 */
export async function startServer({ demo = true, env = {} }: StartServerOptions = {}): Promise<RunningServer> {
  if (!existsSync(SERVER_BIN)) throw new Error(`server CLI not found at ${SERVER_BIN}`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'xietiao-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    WEB_DIST: join(ROOT, 'web', 'dist'),
    XIETIAO_DEMO: demo ? '1' : '0',
  };
  delete childEnv.DATABASE_URL;
  // Run it like `npm start` does: Vitest's NODE_ENV=test and VITEST* must not leak into the server.
  delete childEnv.NODE_ENV;
  for (const key of Object.keys(childEnv)) if (key.startsWith('VITEST')) delete childEnv[key];
  Object.assign(childEnv, env);

  const out = outputTail();
  const verbose = process.env.XIETIAO_E2E_VERBOSE === '1';
  const child = spawn(process.execPath, [SERVER_BIN, 'start'], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so stop() also ends any grandchildren
  });
  live.add(child);
  child.stdout!.on('data', (d) => {
    out.push(d);
    if (verbose) process.stdout.write(`[server:${port}] ${d}`);
  });
  child.stderr!.on('data', (d) => {
    out.push(d);
    if (verbose) process.stderr.write(`[server:${port}] ${d}`);
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      live.delete(child);
      resolve();
    }),
  );
  let spawnError: Error | undefined;
  child.once('error', (err) => {
    spawnError = err;
  });

  const stop = async () => {
    killTree(child, 'SIGTERM');
    const timer = setTimeout(() => killTree(child, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    if (process.env.XIETIAO_E2E_KEEP !== '1') rmSync(dataDir, { recursive: true, force: true });
  };

  const fail = async (why: string): Promise<never> => {
    await stop();
    throw new Error(`${why}\n--- server output (last lines) ---\n${out.get().trim() || '(nothing)'}\n---`);
  };

  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  for (;;) {
    if (spawnError) return fail(`could not spawn the server: ${spawnError.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      return fail(`server exited before it was ready (code ${child.exitCode ?? child.signalCode})`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) {
        const body = (await res.json().catch(() => null)) as { status?: string } | null;
        if (body?.status === 'ok') break;
      }
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) return fail(`server did not report healthy at ${baseUrl}/api/health within ${HEALTH_TIMEOUT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }

  return { baseUrl, port, dataDir, output: out.get, stop };
}

/** The system Chromium, headless. */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}; install it with \`apt-get install -y chromium\` (never \`npx playwright install\`).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

export interface NewPageOptions extends BrowserContextOptions {
  viewport?: { width: number; height: number };
}

/** A page in a fresh context (own cookies) with zh-CN locale and Beijing time. Close with page.context().close(). */
export async function newPage(browser: Browser, { viewport = { width: 1366, height: 768 }, ...rest }: NewPageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...rest,
  });
  return context.newPage();
}

/** Log in through the login form and wait for the workbench (工作台). */
export async function login(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  if (!page.url().startsWith(baseUrl)) await page.goto(baseUrl + '/');
  const user = page.locator('#username').or(page.getByPlaceholder('用户名')).first();
  const pass = page.locator('#password').or(page.getByPlaceholder('密码')).first();
  await user.waitFor({ timeout: 30_000 });
  await user.fill(username);
  await pass.fill(password);
  // antd puts a space between two CJK characters in a button: "登 录".
  await page
    .getByRole('button', { name: /登\s*录/ })
    .first()
    .click();
  try {
    await pass.waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByText('工作台').first().waitFor({ state: 'attached', timeout: 30_000 });
  } catch (err) {
    const alerts = await page
      .locator('.ant-message, .ant-alert, .ant-form-item-explain-error, [role="alert"]')
      .allInnerTexts()
      .catch(() => [] as string[]);
    throw new Error(
      `login as ${username} did not reach the 工作台 (url ${page.url()})` +
        (alerts.length ? `; page says: ${alerts.join(' | ')}` : '') +
        `\n${(err as Error).message}`,
    );
  }
}

/** Save reports/screenshots/<name>.png (viewport-sized). Returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path });
  return path;
}

export interface Viewport {
  width: number;
  height: number;
}
export const WIDE: Viewport = { width: 1366, height: 768 };
export const PHONE: Viewport = { width: 390, height: 844 };

export interface BrowserSuite {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A fresh browser context for `fn`; on failure a `failure-<name>` screenshot is kept. */
  withPage(name: string, viewport: Viewport, fn: (page: Page) => Promise<void>): Promise<void>;
}

/**
 * One server and one browser for a describe block: call at the top of `describe`, it registers
 * the beforeAll/afterAll hooks itself.
 */
export function browserSuite(opts: StartServerOptions = {}): BrowserSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(opts);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('server not started');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('browser not launched');
      return browser;
    },
    async withPage(name, viewport, fn) {
      if (!browser) throw new Error('browser not launched');
      const page = await newPage(browser, { viewport });
      try {
        await fn(page);
      } catch (err) {
        await screenshot(page, `failure-${name}`).catch(() => {});
        throw err;
      } finally {
        await page.context().close();
      }
    },
  };
}
