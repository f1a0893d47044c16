// Shared by scripts/start.mjs and scripts/test.mjs: build web/dist when it is
// missing or older than any source file of the web app.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WEB = join(ROOT, 'web');
const DIST = join(WEB, 'dist');
// Inputs of `vite build` besides web/src.
const WEB_INPUTS = ['index.html', 'vite.config.ts', 'vite.config.js', 'vite.config.mjs', 'package.json', 'tsconfig.json', 'public'];

function newestMtime(path, skip = () => false) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (skip(entry)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry), skip));
  }
  return newest;
}

function oldestDistMtime() {
  const index = join(DIST, 'index.html');
  return existsSync(index) ? statSync(index).mtimeMs : 0;
}

/** Why web/dist must be (re)built, or null when it is up to date. */
export function webBuildReason() {
  const built = oldestDistMtime();
  if (!built) return 'web/dist is missing';
  const skip = (name) => name === 'node_modules' || name === 'dist';
  // The domain package is bundled into the web app too.
  const inputs = [join(WEB, 'src'), join(ROOT, 'domain', 'src'), ...WEB_INPUTS.map((f) => join(WEB, f))];
  for (const input of inputs) {
    if (newestMtime(input, skip) > built) return `${input.slice(ROOT.length + 1)} changed since the last build`;
  }
  return null;
}

/** Build the web app if needed. Returns true on success (or nothing to do). */
export function ensureWebBuilt({ log = console.error } = {}) {
  if (process.env.XIETIAO_SKIP_WEB_BUILD === '1') return true;
  const reason = webBuildReason();
  if (!reason) return true;
  if (!existsSync(join(WEB, 'src'))) {
    log(`[xietiao] ${reason}, but web/src does not exist — skipping the web build.`);
    return false;
  }
  log(`[xietiao] building the web app (${reason}) …`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build', '-w', 'web'], { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    log(`[xietiao] web build failed (exit ${r.status ?? r.signal}).`);
    return false;
  }
  return true;
}
