import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Four projects: node tests (core + server, against real PGlite and PostgreSQL; the few that mock a module
// apart), web component tests in jsdom, and end-to-end tests driving Debian's Chromium against a real server.

/** The files that replace a module for themselves (vi.mock, fake timers): they need a module graph of their own. */
const mocking = [
  'server/modules/auth/sign-in-guard.test.ts',
  'server/modules/imports/import-once.test.ts',
  'server/cli/user.command.test.ts',
  'server/db/scheduled-backups.test.ts',
];

const node = {
  environment: 'node' as const,
  // names the run for its PostgreSQL test templates, drops them after (server/test/global-setup.ts)
  globalSetup: ['server/test/global-setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    // every core: Vitest's default leaves one free (cores − 1), which on two cores ran the whole suite one file
    // at a time
    maxWorkers: availableParallelism(),
    projects: [
      {
        test: {
          ...node,
          name: 'node',
          include: ['core/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: mocking,
          // the files of one worker share their modules: each loaded the whole server again (≈ 190 s of a
          // run, docs/performance.md "The test suite's time"); a file that changes a module's setting puts it back
          isolate: false,
        },
      },
      {
        test: { ...node, name: 'node (own modules)', include: mocking },
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
          // one first start (migrations, demo data) per run, which each spec's server copies
          globalSetup: ['e2e/support/global-setup.ts'],
          testTimeout: 120_000,
          // a beforeAll builds the web app and starts a server, whose first start may take up to startServer's
          // 300 s limit on a loaded machine (e2e/support/app.ts)
          hookTimeout: 420_000,
          // expect.poll waits for a state, never for a time: its 1 s default failed sign-in.e2e at load 30 (the page
          // answered after 1.4 s); a wrong state still fails, only later
          expect: { poll: { timeout: 30_000 } },
          // one spec at a time: two at once (each its own server, data directory and Chromium) took as long,
          // 460 s against 486 s, the two cores already busy with one (docs/performance.md, "The test suite's time")
          fileParallelism: false,
        },
      },
    ],
  },
});
