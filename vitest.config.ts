import { defineConfig } from 'vitest/config';

// One Vitest process, three projects (Vitest 4 `test.projects`).
//   npx vitest run --project domain      # one tier
//   npm test -- server                   # filter by path
// Inline projects only inherit the root options when `extends: true`.
export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'domain',
          environment: 'node',
          include: ['domain/src/**/*.test.ts'],
          // property tests run hundreds of documents; give them room on a loaded 2-core machine
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/src/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'node',
          include: ['web/src/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/src/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One browser + one server at a time; screenshots and ports stay predictable.
          fileParallelism: false,
        },
      },
    ],
  },
});
