/**
 * The portfolio's first visit on a Malian 3G link: Chromium throttled to 400 kbit/s each way and 400 ms of
 * latency (e2e/support/slow-link.ts), an empty cache, no service worker; the time until the four programme
 * cards are painted with their links. Target: 6 s. The engine does not matter (the link does): it runs once,
 * on the embedded database. Baseline: what the link alone needs for the same bytes — two round trips (the page,
 * then its files and data in parallel) plus every byte received before that moment at 50,000 bytes/s.
 */
import { ensureWebBuilt, launchBrowser, startServer } from '../e2e/support/app.js';
import { firstVisit, slowLink } from '../e2e/support/slow-link.js';
import { quick, runIfMain, timingOf, type Bench, type BenchResult } from './measure.js';

const TARGET_MS = 6_000;

export const slowLinkBench: Bench = async (engine) => {
  if (engine !== 'pglite') return [];
  ensureWebBuilt();
  const server = await startServer();
  const browser = await launchBrowser();
  const times: number[] = [];
  const floors: number[] = [];
  let peak = process.memoryUsage().rss;
  try {
    for (let i = 0; i < (quick ? 2 : 5); i++) {
      const visit = await firstVisit(browser, `${server.url}/`);
      const start = Math.min(...visit.transfers.map((t) => t.sentAt));
      const before = visit.transfers.filter((t) => (t.doneAt - start) * 1000 <= visit.usableAtMs);
      const bytes = before.reduce((sum, t) => sum + t.bytes, 0);
      times.push(visit.usableAtMs);
      floors.push(2 * slowLink.latency + (bytes / slowLink.downloadThroughput) * 1000);
      peak = Math.max(peak, process.memoryUsage().rss);
      await visit.context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const timing = timingOf('portfolio usable, first visit at 400 kbit/s + 400 ms', times, peak / 1024 / 1024);
  const baseline = timingOf('the link alone for the same bytes', floors, 0);
  const met = timing.medianMs <= TARGET_MS;
  const result: BenchResult = {
    ...timing,
    baseline,
    note: `target ≤ ${TARGET_MS / 1000} s: ${met ? 'met' : 'NOT MET'} (browser's clock; memory is this process's)`,
  };
  return [result];
};

await runIfMain(import.meta.url, slowLinkBench);
