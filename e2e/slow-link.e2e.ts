/**
 * The web app on the link its users have: Chromium throttled to 400 kbit/s each way with 400 ms of latency,
 * a first visit (empty cache, no service worker yet) of the portfolio. It works — the four programme cards
 * appear and their links open the programme — and the JavaScript and CSS the browser downloads for it weigh at
 * most 250 KB as transferred (compressed, headers included). How long it takes (the 6 s target) is measured by
 * bench/slow-link.bench.ts, not asserted here: a busy test machine slows the JavaScript, not the link.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eSuite, screenshotDir } from './support/app.js';
import { firstVisit, kb, type Visit } from './support/slow-link.js';

const firstLoadBudgetBytes = 250 * 1024;

// firstVisit opens its own context: an empty cache, no service worker yet
const e2e = e2eSuite({ context: false });

describe('the portfolio on a slow link (400 kbit/s, 400 ms)', () => {
  let visit: Visit;

  beforeAll(async () => {
    visit = await firstVisit(e2e.browser, e2e.url('/'));
    await visit.page.screenshot({ path: join(screenshotDir, 'slow-link-portfolio.png') });
  }, 120_000);

  afterAll(async () => {
    await visit?.context.close();
  });

  it('shows the portfolio, whose cards open their programme', async () => {
    console.log(`slow link: portfolio usable after ${(visit.usableAtMs / 1000).toFixed(2)} s (first visit)`);
    // the cards are links that work: React is running, not just painted
    await visit.page.getByTestId('programme-prosmed').getByRole('link').first().click();
    await visit.page.waitForURL(/\/programmes\/prosmed$/);
  });

  it('downloads at most 250 KB of JavaScript and CSS for it', () => {
    const code = visit.transfers.filter((t) => t.type === 'Script' || t.type === 'Stylesheet');
    const total = code.reduce((sum, t) => sum + t.bytes, 0);
    console.log(`first load: ${kb(total)} of JavaScript and CSS in ${code.length} files (budget 250 KB)`);
    expect(code.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(firstLoadBudgetBytes);
  });
});
