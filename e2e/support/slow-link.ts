/**
 * A first visit of the portfolio on the link Jalon's users have: Chromium throttled through the DevTools
 * protocol to 400 kbit/s each way with 400 ms of latency, an empty cache, no service worker yet. Used by the
 * e2e test (it works, and what it downloads fits the budget) and by bench/slow-link.bench.ts (how long it takes).
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';

/** 400 kbit/s = 50,000 bytes/s each way, 400 ms added to every request (Network.emulateNetworkConditions). */
export const slowLink = {
  offline: false,
  latency: 400,
  downloadThroughput: 50_000,
  uploadThroughput: 50_000,
};
export interface Transfer {
  url: string;
  type: string;
  bytes: number;
  /** seconds on the browser's network clock, from the request to the last byte */
  sentAt: number;
  doneAt: number;
}

/** Every response of the page with its type and the bytes it took on the wire (encodedDataLength). */
async function recordTransfers(cdp: CDPSession): Promise<Transfer[]> {
  const transfers: Transfer[] = [];
  const sent = new Map<string, number>();
  const pending = new Map<string, { url: string; type: string; sentAt: number }>();
  cdp.on('Network.requestWillBeSent', (event) => {
    if (!sent.has(event.requestId)) sent.set(event.requestId, event.timestamp);
  });
  cdp.on('Network.responseReceived', (event) => {
    const sentAt = sent.get(event.requestId) ?? event.timestamp;
    pending.set(event.requestId, { url: event.response.url, type: event.type ?? 'Other', sentAt });
  });
  cdp.on('Network.loadingFinished', (event) => {
    const response = pending.get(event.requestId);
    if (response) transfers.push({ ...response, bytes: event.encodedDataLength, doneAt: event.timestamp });
  });
  await cdp.send('Network.enable');
  return transfers;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export interface Visit {
  context: BrowserContext;
  page: Page;
  /** what the first visit downloaded, before the test clicks anywhere */
  transfers: Transfer[];
  usableAtMs: number;
}

/** A first visit of the portfolio in a fresh context: empty HTTP cache, no service worker, nobody signed in. */
export async function firstVisit(target: Browser, url: string): Promise<Visit> {
  const context = await target.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const transfers = await recordTransfers(cdp);
  await cdp.send('Network.emulateNetworkConditions', slowLink);

  // The page notes, on its own clock (milliseconds since the navigation started), the first frame painted
  // with the four programme cards and their links: the test's own polling and round trips do not count.
  await page.addInitScript(() => {
    const record = window as unknown as { jalonUsableAt?: number };
    const observer = new MutationObserver(() => {
      const links = document.querySelectorAll('[data-testid^="programme-"] a[href^="/programmes/"]');
      if (links.length < 4) return;
      observer.disconnect();
      requestAnimationFrame(() => (record.jalonUsableAt = performance.now()));
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto(url, { waitUntil: 'commit' });
  const usable = await page.waitForFunction(
    () => (window as unknown as { jalonUsableAt?: number }).jalonUsableAt,
    undefined,
    { polling: 100, timeout: 30_000 },
  );
  const usableAtMs = Number(await usable.jsonValue());
  // whatever the first visit still downloads after that counts towards the budget too
  await page.waitForLoadState('networkidle');
  return { context, page, transfers: [...transfers], usableAtMs };
}
