import path from 'node:path';
import { defineConfig } from 'vitest/config';

// End-to-end: the built app served by `scripts/start.ts` in demo mode (its own embedded PostgreSQL and data folder),
// driven by Playwright in Debian's Chromium. Files run one after another: one server, two cores.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/support/server.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
