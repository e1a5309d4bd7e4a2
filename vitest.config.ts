import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Three projects: node tests (core + server, against real PGlite and PostgreSQL), web component tests in
// jsdom, and end-to-end tests driving Debian's Chromium against a real server.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['core/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          // names the run for its PostgreSQL test templates, drops them after (server/test/global-setup.ts)
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'web',
          include: ['web/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['web/test-setup.ts'],
          // the first test of a file also loads its page's modules: under the full suite's load on two cores that
          // alone passed Vitest's default 5 s (the report editor's first test, 6.1 s in one CI run)
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 120_000,
          // a beforeAll builds the web app and starts a server, whose first start may take up to startServer's
          // 300 s limit on a loaded machine (e2e/support/app.ts)
          hookTimeout: 420_000,
          // expect.poll waits for a state, never for a time: its 1 s default failed sign-in.e2e at load 30 (the page
          // answered after 1.4 s); a wrong state still fails, only later
          expect: { poll: { timeout: 30_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
