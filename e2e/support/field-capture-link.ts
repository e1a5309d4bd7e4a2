/**
 * Field capture on the slow link (issue 16 item 5, bench/slow-link.bench.ts): the activity form's first
 * download, signed in, by a browser that has nothing yet; and the sending of an outbox of 20 activities with 5
 * photos. Chromium throttled as in `slowLink` (400 kbit/s each way, 400 ms), the service worker blocked so that
 * every byte goes through the throttled page (DevTools throttling does not apply to a worker).
 */
import type { Browser } from 'playwright-core';
import { slowLink, type Transfer } from './slow-link.js';

export interface FormDownload {
  usableAtMs: number;
  bytes: number;
  files: number;
}

export interface OutboxSync {
  ms: number;
  uploadedBytes: number;
  activities: number;
  photos: number;
}

/**
 * Signs a fresh context in (through the API, unthrottled), then opens /programmes/:slug/activities/new on the
 * slow link; usable = the title box, the agencies and the place search ready. Then writes `activities` records
 * (the first `photos` with a 1,280 × 960 JPEG made by the page's canvas, as the form makes them) into the
 * outbox and tells the page the connection is back: until the outbox is empty.
 */
export async function fieldCaptureOnSlowLink(
  browser: Browser,
  server: { url: string; accounts: Record<string, string> },
  options: { slug: string; organisation: string; activities: number; photos: number },
): Promise<{ form: FormDownload; sync: OutboxSync }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'fr-FR',
    serviceWorkers: 'block',
  });
  try {
    const signIn = await context.request.post(`${server.url}/api/v1/session`, {
      data: { email: 'admin@jalon.demo', password: server.accounts['admin@jalon.demo'] },
    });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const transfers: Transfer[] = [];
    const sent = new Map<string, number>();
    cdp.on('Network.requestWillBeSent', (event) => {
      sent.set(event.requestId, event.timestamp);
    });
    cdp.on('Network.loadingFinished', (event) => {
      transfers.push({
        url: '',
        type: '',
        bytes: event.encodedDataLength,
        sentAt: sent.get(event.requestId) ?? event.timestamp,
        doneAt: event.timestamp,
      });
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', slowLink);

    const started = Date.now();
    await page.goto(`${server.url}/programmes/${options.slug}/activities/new`, { waitUntil: 'commit' });
    await page.getByLabel('Intitulé (français)').waitFor({ timeout: 60_000 });
    await page.locator(`select option[value="${options.organisation}"]`).first().waitFor({
      state: 'attached',
      timeout: 60_000,
    });
    await page.getByRole('combobox', { name: 'Ajouter un lieu' }).fill('Markala');
    await page
      .getByRole('option', { name: /Markala/ })
      .first()
      .waitFor({ timeout: 60_000 });
    const usableAtMs = Date.now() - started;
    const form = {
      usableAtMs,
      bytes: transfers.reduce((sum, t) => sum + t.bytes, 0),
      files: transfers.length,
    };

    // tsx (esbuild, keeping names) wraps the named functions of the evaluated code in `__name(…)`, which the
    // page does not have: an identity is enough
    await page.evaluate('globalThis.__name = (f) => f');
    // the outbox, as the form fills it (Dexie's database, written without Dexie)
    const uploadedBytes = await page.evaluate(async ({ slug, organisation, activities, photos }) => {
      const owner = ((await (await fetch('/api/v1/session')).json()) as { user: { id: string } }).user.id;
      const photo = async (n: number) => {
        const canvas = document.createElement('canvas');
        canvas.width = 1280;
        canvas.height = 960;
        const g = canvas.getContext('2d')!;
        // a photo-like picture: noise compresses as badly as a real scene
        const image = g.createImageData(1280, 960);
        for (let i = 0; i < image.data.length; i += 4) {
          const v = (Math.sin(i * 0.0007 + n) * 60 + 128 + Math.random() * 40) | 0;
          image.data[i] = v;
          image.data[i + 1] = (v * 0.9) | 0;
          image.data[i + 2] = (v * 0.7) | 0;
          image.data[i + 3] = 255;
        }
        g.putImageData(image, 0, 0);
        let blob: Blob | null = null;
        for (const q of [0.8, 0.6, 0.45, 0.3]) {
          blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', q));
          if (blob && blob.size <= 200 * 1024) break;
        }
        return { name: `photo-${n}.jpg`, type: 'image/jpeg', bytes: await blob!.arrayBuffer() };
      };
      const records: ({ body: unknown; photos: { bytes: ArrayBuffer }[] } & Record<string, unknown>)[] = [];
      for (let i = 0; i < activities; i++) {
        const id = crypto.randomUUID();
        const now = new Date(Date.now() + i).toISOString();
        records.push({
          id,
          slug,
          body: {
            clientId: id,
            kind: 'sensitisation',
            title: { fr: `Banc d’essai — causerie ${i + 1}` },
            startDate: '2025-03-12',
            organisation,
            places: [{ area: 'ML-4.SEGOU.MARKALA', note: null }],
            participants: [
              { category: 'community_members', sex: 'female', ageGroup: 'age_18_35', count: 10 + i },
              { category: 'community_members', sex: 'male', ageGroup: 'age_36_plus', count: 5 + i },
            ],
          },
          form: null,
          photos: i < photos ? [await photo(i)] : [],
          status: 'pending',
          refusal: null,
          activityId: null,
          photosSent: [],
          owner,
          lang: 'fr',
          createdAt: now,
          updatedAt: now,
        });
      }
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('jalon-outbox');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('records', 'readwrite');
          for (const record of records) tx.objectStore('records').put(record);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      });
      return records.reduce(
        (sum, r) =>
          sum + JSON.stringify(r.body).length + r.photos.reduce((n, p) => n + p.bytes.byteLength, 0),
        0,
      );
    }, options);
    const syncStart = Date.now();
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('jalon-outbox');
          open.onsuccess = () => {
            const count = open.result.transaction('records').objectStore('records').count();
            count.onsuccess = () => {
              open.result.close();
              resolve(count.result === 0);
            };
          };
        }),
      undefined,
      { timeout: 300_000, polling: 250 },
    );
    const sync = {
      ms: Date.now() - syncStart,
      uploadedBytes,
      activities: options.activities,
      photos: options.photos,
    };
    return { form, sync };
  } finally {
    await context.close();
  }
}
