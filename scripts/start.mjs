#!/usr/bin/env node
// npm start [-- <extra args>] — build web/dist if missing or stale, then run
// `node server/bin/xietiao.mjs start` with this process's stdio and environment
// (PORT, HOST, DATA_DIR, DATABASE_URL, XIETIAO_DEMO, WEB_DIST … — see docs/operations.md).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureWebBuilt } from './webbuild.mjs';

if (!ensureWebBuilt()) {
  if (existsSync(join(ROOT, 'web', 'dist', 'index.html'))) {
    console.error('[xietiao] web build failed — serving the previous build in web/dist.');
  } else {
    console.error('[xietiao] web build failed and there is no previous build; fix it or run `npm run build` to see why.');
    process.exit(1);
  }
}

const child = spawn(process.execPath, [join(ROOT, 'server', 'bin', 'xietiao.mjs'), 'start', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: process.env,
});

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
  });
}

child.on('error', (err) => {
  console.error(`[xietiao] could not start the server: ${err.message}`);
  process.exit(1);
});

child.on('exit', (code, signal) => {
  if (signal) {
    // Die the same way the server did, so callers see the real cause.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 0);
});
