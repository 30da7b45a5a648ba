import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Real browsers, one at a time: the machine has two cores and each browser wants both.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // A browser that fails is a failure; no retries to hide flakiness.
    retry: 0,
    reporters: ['verbose'],
  },
});
