/**
 * Waiting for a state the page can only read asynchronously (Cache Storage, IndexedDB). Playwright's
 * `page.waitForFunction` does not await a promise its predicate returns: a promise is truthy, so an `async`
 * predicate "holds" at its first call, whatever it would resolve to — which made the offline tests go offline
 * before the worker had kept anything, and the slow-link bench read an outbox "sent" in 0.3 s. Here the
 * predicate is evaluated (and awaited) again until it holds.
 */
import type { Page } from 'playwright-core';

export async function waitForState<Arg>(
  page: Page,
  what: string,
  predicate: (arg: Arg) => Promise<boolean>,
  arg: Arg,
  options: { timeout?: number; interval?: number } = {},
): Promise<void> {
  const timeout = options.timeout ?? 30_000;
  const deadline = Date.now() + timeout;
  // Playwright's types unbox handles in the argument; plain data is passed as it is
  const check = predicate as unknown as (arg: unknown) => Promise<boolean>;
  for (;;) {
    if (await page.evaluate(check, arg as unknown)) return;
    if (Date.now() > deadline) throw new Error(`waited ${timeout} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, options.interval ?? 200));
  }
}

/** The number of records in the outbox (Dexie's database `jalon-outbox`, read without Dexie). */
export function outboxCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('jalon-outbox');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('records').objectStore('records').count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
  );
}

/** Until the outbox holds `count` records. */
export async function waitForOutbox(page: Page, count: number, timeout = 30_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let held = await outboxCount(page);
  while (held !== count) {
    if (Date.now() > deadline)
      throw new Error(`waited ${timeout} ms for ${count} records in the outbox: ${held}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    held = await outboxCount(page);
  }
}

/**
 * Until the service worker controls the page and holds every given file (a part of its name is enough) and
 * answer (a path's start is enough): what a page needs to open offline.
 */
export function waitForKept(page: Page, files: string[], answers: string[], timeout = 30_000): Promise<void> {
  return waitForState(
    page,
    `the worker to hold ${[...files, ...answers].join(', ')}`,
    async ([files, answers]) => {
      if (!navigator.serviceWorker.controller) return false;
      const names = async (cache: string) =>
        (await (await caches.open(cache)).keys()).map((r) => new URL(r.url).pathname + new URL(r.url).search);
      const assets = await names('jalon-assets');
      const data = await names('jalon-data');
      return (
        files.every((f) => assets.some((a) => a.includes(f))) &&
        answers.every((a) => data.some((d) => d.startsWith(a)))
      );
    },
    [files, answers] as const,
    { timeout },
  );
}
