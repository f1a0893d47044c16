import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
/** Where /api goes in `vite dev` / `vite preview` (the Fastify server). */
const apiTarget = process.env.XIETIAO_API ?? 'http://localhost:3000';

/** Vendor chunks: React, antd (with its rc-* and icons), the shared domain (zod schemas). */
function chunkName(id: string): string | null {
  if (!id.includes('node_modules')) return /[\\/]domain[\\/]src[\\/]/.test(id) ? 'domain' : null;
  if (/node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/.test(id)) return 'react';
  if (/node_modules[\\/](@ant-design[\\/]icons|@ant-design[\\/]icons-svg)[\\/]/.test(id)) return 'antd-icons';
  if (
    /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|stylis|dayjs|classnames|clsx|@babel[\\/]runtime|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view|json2mq|string-convert|toggle-selection|copy-to-clipboard|resize-observer-polyfill)[\\/]/.test(
      id,
    )
  )
    return 'antd';
  if (/node_modules[\\/](zod|chinese-days)[\\/]/.test(id)) return 'domain';
  if (/node_modules[\\/]@tanstack[\\/]/.test(id)) return 'query';
  return null;
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
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
          groups: [{ name: (id: string) => chunkName(id), debugName: 'vendor', priority: 10 }],
        },
      },
    },
  },
});
