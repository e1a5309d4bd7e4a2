/**
 * End-to-end support: make sure the web app is built, run the real server on a free port with a fresh data
 * directory (it migrates and loads the demo data on first start), and drive Debian's Chromium. A spec calls
 * `e2eSuite(…)` (at the end of this file) for all of that; the pieces stay exported for the specs that start
 * servers themselves (several-servers).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
  type Request,
} from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const webDir = join(root, 'web');
const builtIndex = join(webDir, 'dist', 'index.html');

/** Newest modification time of the web sources (not the build), to catch a stale dist. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds web/dist when it is missing — or older than the sources, so the browser never tests yesterday's app.
 * Set JALON_E2E_SKIP_BUILD=1 to use whatever is built.
 */
export function ensureWebBuilt(): void {
  if (process.env.JALON_E2E_SKIP_BUILD === '1' && existsSync(builtIndex)) return;
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newestSource(webDir)) return;
  const result = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status ?? result.signal})`);
}

/** A port nothing listens on now, for a server to take. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  /** the demo accounts `jalon start` created and printed on its first run: e-mail → password */
  accounts: Record<string, string>;
  /** stops the server and removes its data directory */
  stop(): Promise<void>;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolveExit) => {
    const timer = setTimeout(() => resolveExit(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveExit(true);
    });
  });
}

/** A first start's data directory, stopped, and the demo accounts it printed (./global-setup.ts). */
export interface StartedTemplate {
  dataDir: string;
  accounts: Record<string, string>;
}

/** The run's template, when the e2e project's global setup made one (not outside a Vitest run). */
function startedTemplate(): StartedTemplate | undefined {
  try {
    return inject('e2eTemplate');
  } catch {
    return undefined;
  }
}

export interface StartOptions {
  /**
   * The limit for the server to say it listens and answer: 300 s by default (JALON_E2E_START_TIMEOUT_MS), as
   * a first start migrates and loads the demo data, which took 116 s at a load average of 17 on two cores.
   */
  timeoutMs?: number;
  /** extra environment, e.g. DATABASE_URL to run on a PostgreSQL server instead of a fresh PGlite directory */
  env?: Record<string, string>;
  /**
   * an existing data directory (left in place on stop) instead of a fresh one; a fresh one is a copy of the
   * run's template (./global-setup.ts) unless the server runs on PostgreSQL
   */
  dataDir?: string;
}

/** What the server prints once it accepts connections (Fastify's log line, then Jalon's own). */
const listening = /Server listening at|Jalon is running on/;

const tail = (text: string, lines = 30) => text.trimEnd().split('\n').slice(-lines).join('\n');

/**
 * `node bin/jalon.mjs start` with PORT and a fresh JALON_DATA_DIR; resolves once the server has said it
 * listens and answered /api/health. It waits for those events, not for a time: the limit only turns a server
 * that never gets there into an error naming what it printed.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  // servers started together (several-servers.e2e.ts): the port one found free may be taken by the other before
  // this one listens on it; the server then exits saying so, and starts again on another
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerOn(await freePort(), options);
    } catch (error) {
      if (attempt === 3 || !String(error).includes('EADDRINUSE')) throw error;
    }
  }
}

async function startServerOn(
  port: number,
  {
    timeoutMs = Number(process.env.JALON_E2E_START_TIMEOUT_MS ?? 300_000),
    env = {},
    dataDir: givenDataDir,
  }: StartOptions,
): Promise<RunningServer> {
  const dataDir = givenDataDir ?? mkdtempSync(join(tmpdir(), 'jalon-e2e-'));
  // the demo data as a first start leaves them, without paying that start again (./global-setup.ts)
  const template =
    givenDataDir || (env.DATABASE_URL ?? process.env.DATABASE_URL) ? undefined : startedTemplate();
  if (template)
    cpSync(template.dataDir, dataDir, { recursive: true, filter: (path) => !path.endsWith('jalon.lock') });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const child = spawn(process.execPath, [join(root, 'bin', 'jalon.mjs'), 'start'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', JALON_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // the start-up output is short (the accounts, a few log lines): its first 64 kB hold the accounts
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout = (stdout + chunk.toString()).slice(-64_000);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-16_000);
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 10_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    if (!givenDataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  const failure = (what: string) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
    return new Error(
      `${what} (after ${seconds} s, load average ${load}; JALON_E2E_START_TIMEOUT_MS sets the limit)\n` +
        `--- the server's stderr, last lines:\n${tail(stderr) || '(nothing)'}\n` +
        `--- its stdout, last lines:\n${tail(stdout, 10) || '(nothing)'}`,
    );
  };

  try {
    await new Promise<void>((resolveReady, rejectReady) => {
      const limit = setTimeout(
        () => rejectReady(failure(`the server did not say it was listening within ${timeoutMs / 1000} s`)),
        timeoutMs,
      );
      const settle = (error?: Error) => {
        clearTimeout(limit);
        child.stdout?.off('data', onStdout);
        child.off('exit', onExit);
        child.off('error', onError);
        if (error) rejectReady(error);
        else resolveReady();
      };
      // after the listener above has kept the chunk
      const onStdout = () => {
        if (listening.test(stdout)) settle();
      };
      const onExit = (code: number | null, signal: string | null) =>
        settle(failure(`the server exited before it was ready (${code ?? signal})`));
      const onError = (error: Error) => settle(failure(`the server could not be started: ${error.message}`));
      child.stdout?.on('data', onStdout);
      child.once('exit', onExit);
      child.once('error', onError);
    });
    const left = Math.max(timeoutMs - (Date.now() - started), 30_000);
    const health = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(left) }).catch(
      (error: unknown) => {
        throw failure(`the server said it was listening but /api/health did not answer: ${String(error)}`);
      },
    );
    if (!health.ok)
      throw failure(`the server said it was listening but /api/health answered ${health.status}`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dataDir, stop, accounts: template?.accounts ?? demoAccounts(stdout) };
}

/** The demo accounts from the start-up output: lines "  admin@jalon.demo   abcd-efgh-jkmn-pqrs   administrator". */
function demoAccounts(output: string): Record<string, string> {
  const accounts: Record<string, string> = {};
  for (const m of output.matchAll(/^\s+(\S+@jalon\.demo)\s+([a-z0-9]{4}(?:-[a-z0-9]{4}){3})\s/gm))
    accounts[m[1]!] = m[2]!;
  return accounts;
}

/**
 * Signs a page's browser context in as one of the demo accounts (through the API, as the sign-in page does:
 * the cookie lands in the context's jar).
 */
export async function signIn(page: Page, server: RunningServer, email = 'admin@jalon.demo'): Promise<void> {
  const password = server.accounts[email];
  if (!password) throw new Error(`no demo account ${email} in the server's output`);
  const response = await page.request.post(`${server.url}/api/v1/session`, { data: { email, password } });
  if (!response.ok())
    throw new Error(`sign-in of ${email} failed: ${response.status()} ${await response.text()}`);
}

/** Debian's Chromium (never a downloaded browser), headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Opens a page and waits until it has drawn its heading and nothing it asked for is still on its way: no request
 * pending across two frames, so that one made once an answer is drawn is seen. Playwright's `networkidle` waited
 * for the same thing plus 500 ms of quiet, a time: 31 s of the 62 visits of every-page.e2e.ts.
 */
export async function openPage(page: Page, address: string, timeoutMs = 30_000): Promise<void> {
  const pending = new Set<Request>();
  const asked = (request: Request) => pending.add(request);
  const answered = (request: Request) => pending.delete(request);
  page.on('request', asked);
  page.on('requestfinished', answered);
  page.on('requestfailed', answered);
  const twoFrames = () =>
    page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  try {
    await page.goto(address);
    await page.locator('h1').first().waitFor({ timeout: timeoutMs });
    const limit = Date.now() + timeoutMs;
    for (let quiet = 0; quiet < 2;) {
      await twoFrames();
      quiet = pending.size === 0 ? quiet + 1 : 0;
      if (Date.now() > limit)
        throw new Error(
          `${address}: still waiting for ${[...pending].map((r) => r.url()).join(', ')} after ${timeoutMs / 1000} s`,
        );
    }
  } finally {
    page.off('request', asked);
    page.off('requestfinished', answered);
    page.off('requestfailed', answered);
  }
}

/** Where the e2e run leaves its screenshots, for a human to look at. */
export const screenshotDir = process.env.JALON_SCREENSHOT_DIR ?? '/tmp/jalon-shots';

/** The desktop a spec's first page gets unless it says otherwise: 1280×900, French. */
export const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, locale: 'fr-FR' };
/** A taller desktop (1280×1000), French: the people of the workflow specs, one browser context each. */
export const tallDesktop: BrowserContextOptions = {
  viewport: { width: 1280, height: 1000 },
  locale: 'fr-FR',
};
/** A 390 px telephone, French. */
export const telephone: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  locale: 'fr-FR',
};

export interface E2eSuiteOptions {
  /** startServer's options, or a function giving them once the earlier hooks have run */
  server?: StartOptions | (() => StartOptions);
  /** the first page's browser context (default `desktop`); `false` for no first page */
  context?: BrowserContextOptions | false;
  /** signs the first page in as this demo account */
  signIn?: string;
  /** more set-up once the server, the browser and the first page are there, in the same hook */
  setUp?: (e2e: E2eSuite) => Promise<void>;
  /** the set-up hook's limit; the e2e project's hookTimeout (vitest.config.ts) when not given */
  timeoutMs?: number;
}

export interface E2eSuite {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** the first page's context */
  readonly context: BrowserContext;
  /** the first page */
  readonly page: Page;
  /** the server's address of a path */
  url(path: string): string;
  /** a page in a context of its own (default `desktop`), signed in when an e-mail is given; closed with the suite */
  newPage(options?: { context?: BrowserContextOptions; signIn?: string }): Promise<Page>;
}

/**
 * The set-up every browser spec shares, as vitest hooks of the file (or describe) that calls it: builds the web
 * app when stale, starts a server on a fresh data directory, launches Chromium, opens the first page (signed in
 * when asked) and makes the screenshot folder; after all, closes the browser and stops the server. What the spec
 * reads is on the returned object once the hook has run.
 */
export function e2eSuite(options: E2eSuiteOptions = {}): E2eSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`e2e suite: no ${what} (the set-up hook has not run or failed)`);
    return value;
  };
  const suite: E2eSuite = {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    get context() {
      return started(context, 'first page (context: false)');
    },
    get page() {
      return started(page, 'first page (context: false)');
    },
    url: (path) => suite.server.url + path,
    async newPage({ context: contextOptions = desktop, signIn: email } = {}) {
      const opened = await (await suite.browser.newContext(contextOptions)).newPage();
      if (email) await signIn(opened, suite.server, email);
      return opened;
    },
  };
  beforeAll(async () => {
    ensureWebBuilt();
    mkdirSync(screenshotDir, { recursive: true });
    server = await startServer(typeof options.server === 'function' ? options.server() : options.server);
    browser = await launchBrowser();
    if (options.context !== false) {
      context = await browser.newContext(options.context ?? desktop);
      page = await context.newPage();
      if (options.signIn) await signIn(page, server, options.signIn);
    }
    await options.setUp?.(suite);
  }, options.timeoutMs);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });
  return suite;
}
