/**
 * One headless Chromium (Debian's, never a downloaded browser) shared by every PDF: launched on the first
 * PDF (~1 s), reused after (a page takes tens of milliseconds), closed after a minute without work so a
 * short-lived process does not stay alive for it, and killed with the process on exit (Playwright kills the
 * browsers it launched on `exit`; `closePdfBrowser()` closes it sooner, as the CLI does).
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const IDLE_MS = 60_000;

let browser: Promise<Browser> | undefined;
let busy = 0;
let idleTimer: NodeJS.Timeout | undefined;
/** the browser the pending launch resolved to, to recognise it when it disconnects */
let current: Browser | undefined;
let launches = 0;

/** How many times a browser was launched in this process (to check it is reused). */
export const pdfBrowserLaunches = () => launches;

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium is not installed where we look: says how to install it (the API logs it, the CLI prints it). */
export class ChromiumMissingError extends Error {
  constructor(path: string) {
    super(
      `PDF export needs Chromium, which was not found at ${path}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH to its executable).`,
    );
    this.name = 'ChromiumMissingError';
  }
}

async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  // loaded on the first PDF only: the server starts without it
  const { chromium } = await import('playwright-core').catch(() => {
    throw new Error('PDF export needs the playwright-core package: run `npm install`.');
  });
  // a process that handles its signals itself (the server closes its database, then exits) keeps doing so;
  // Playwright kills the browser on `exit` either way. Otherwise Playwright closes the browser on a signal.
  const unhandled = (signal: NodeJS.Signals) => process.listenerCount(signal) === 0;
  const launched = await chromium.launch({
    executablePath,
    args: ARGS,
    handleSIGINT: unhandled('SIGINT'),
    handleSIGTERM: unhandled('SIGTERM'),
    handleSIGHUP: unhandled('SIGHUP'),
  });
  launches++;
  // a browser that crashed or was killed is replaced by the next PDF
  launched.on('disconnected', () => {
    if (current === launched) {
      current = undefined;
      browser = undefined;
    }
  });
  current = launched;
  return launched;
}

function startIdleTimer() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (busy === 0) void closePdfBrowser();
  }, IDLE_MS);
  idleTimer.unref();
}

/** Runs `work` on a fresh page of the shared browser (its own context: no cookies or storage shared). */
export async function withChromiumPage<T>(work: (page: Page) => Promise<T>): Promise<T> {
  busy++;
  clearTimeout(idleTimer);
  try {
    if (!browser) {
      browser = launch();
      browser.catch(() => {
        browser = undefined;
      });
    }
    const context = await (await browser).newContext({ javaScriptEnabled: false, offline: true });
    try {
      return await work(await context.newPage());
    } finally {
      await context.close().catch(() => undefined);
    }
  } finally {
    busy--;
    if (browser) startIdleTimer();
  }
}

/** Closes the shared browser now (the next PDF launches another). */
export async function closePdfBrowser(): Promise<void> {
  clearTimeout(idleTimer);
  const closing = browser;
  browser = undefined;
  current = undefined;
  if (closing) await (await closing.catch(() => undefined))?.close();
}
