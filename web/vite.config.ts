import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
/** Where /api goes in `vite dev` / `vite preview` (the Fastify server). */
const apiTarget = process.env.XIETIAO_API ?? 'http://localhost:3000';

/**
 * Vendor chunks: React (all the login shell needs besides its own file), the router, antd with
 * its rc-* and dayjs, the icons, the query cache, the shared domain (zod schemas, the holiday
 * table). A group takes its modules' dependencies with it, so the groups are taken in priority
 * order: React first, or antd's group would swallow React and the login shell would load antd.
 */
const ANTD =
  /node_modules[\\/](antd|@ant-design[\\/](?!icons)|@rc-component|rc-[^\\/]+|@emotion|stylis|dayjs|classnames|clsx|@babel[\\/]runtime|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view|json2mq|string-convert|toggle-selection|copy-to-clipboard|resize-observer-polyfill)[\\/]/;
const VENDOR_GROUPS = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 60 },
  { name: 'router', test: /node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/, priority: 50 },
  { name: 'antd-icons', test: /node_modules[\\/]@ant-design[\\/]icons(-svg)?[\\/]/, priority: 40 },
  { name: 'antd', test: ANTD, priority: 30 },
  { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 20 },
  { name: 'domain', test: /node_modules[\\/](zod|chinese-days)[\\/]|[\\/]domain[\\/]src[\\/]/, priority: 10 },
];

/**
 * Write `file.br` and `file.gz` beside every text asset of the build, compressed once at the
 * highest levels, so that the server sends them as they are (@fastify/static `preCompressed`)
 * instead of compressing on every request — or not at all.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'xietiao-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const file = join(dir, name);
          return statSync(file).isDirectory() ? walk(file) : [file];
        });
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(file)) continue;
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(data, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: { port: 4173, proxy: { '/api': { target: apiTarget, changeOrigin: false } } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1400,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: VENDOR_GROUPS,
        },
      },
    },
  },
});
