/**
 * Field capture on the slow link (issue 16 item 5, bench/slow-link.bench.ts), every byte through a throttling
 * proxy (e2e/support/throttling-proxy.ts: 400 kbit/s each way, 400 ms round trip) — the page's requests and
 * the service worker's alike:
 *
 * 1. the activity form's first download, signed in, by a browser that has nothing yet: until it is usable, then
 *    until the worker holds what the form needs offline;
 * 2. with the connection cut, activities recorded through the form, the first ones each with a phone-sized photo
 *    (4032 × 3024 JPEG) that the form resizes on the device as it always does; the rest copies of the first
 *    record under identities of their own (the form's own record, not a hand-made one);
 * 3. the connection back: until the outbox is empty, and the server holds them all with their photos.
 */
import type { Browser } from 'playwright-core';
import type { ActivityDetail, ActivityList } from '../../core/contracts/activities.js';
import { fillActivityForm } from './activity-form.js';
import type { ThrottlingProxy } from './throttling-proxy.js';
import { outboxCount, waitForKept, waitForOutbox } from './wait-for-state.js';

export interface FormDownload {
  usableAtMs: number;
  /** the worker controls the page and holds the form, its data and the outbox page */
  offlineReadyAtMs: number;
  /** bytes down until usable, and until ready offline */
  bytes: number;
  offlineReadyBytes: number;
  connections: number;
}

export interface OutboxSync {
  ms: number;
  activities: number;
  photos: number;
  /** the photos as the device kept them after resizing, and as the phone took them */
  photoBytes: number;
  originalPhotoBytes: number;
  /** bytes carried by the link during the sending, each way */
  up: number;
  down: number;
  connections: number;
}

/** Phone-sized photos (4032 × 3024, JPEG at 0.92, a scene with detail), made by the browser's canvas. */
export async function phonePhotos(browser: Browser, count: number): Promise<Buffer[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const photos: Buffer[] = [];
    for (let n = 0; n < count; n++) {
      const base64 = await page.evaluate(async (n: number) => {
        const canvas = document.createElement('canvas');
        canvas.width = 4032;
        canvas.height = 3024;
        const g = canvas.getContext('2d')!;
        const image = g.createImageData(4032, 3024);
        const d = image.data;
        // broad shapes (sky, ground, people) with grain and fine texture: compresses as a real scene does
        for (let y = 0; y < 3024; y++) {
          for (let x = 0; x < 4032; x++) {
            const i = (y * 4032 + x) * 4;
            const shape = Math.sin(x / (90 + n * 7)) * Math.cos(y / 70) * 50;
            const texture = Math.sin(x * 0.9 + y * 1.3) * 12;
            const grain = (Math.random() - 0.5) * 36;
            const v = 120 + shape + texture + grain + (y < 1100 ? 60 : 0);
            d[i] = v;
            d[i + 1] = v * 0.85 + (y > 1100 ? 20 : 0);
            d[i + 2] = v * (y < 1100 ? 1.1 : 0.6);
            d[i + 3] = 255;
          }
        }
        g.putImageData(image, 0, 0);
        const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', 0.92));
        const bytes = new Uint8Array(await blob!.arrayBuffer());
        let text = '';
        for (let i = 0; i < bytes.length; i += 0x8000)
          text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(text);
      }, n);
      photos.push(Buffer.from(base64, 'base64'));
    }
    return photos;
  } finally {
    await context.close();
  }
}

export async function fieldCaptureOnSlowLink(
  browser: Browser,
  link: ThrottlingProxy,
  server: { url: string; accounts: Record<string, string> },
  options: { slug: string; activities: number; photos: Buffer[]; marker: string },
): Promise<{ form: FormDownload; sync: OutboxSync }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
  });
  // tsx (esbuild, keeping names) wraps the named functions of evaluated code in `__name(…)`, which the page
  // does not have: an identity is enough
  await context.addInitScript('globalThis.__name = (f) => f');
  try {
    // signed in beforehand (not measured): the cookie is the host's, whatever the port
    const signIn = await context.request.post(`${server.url}/api/v1/session`, {
      data: { email: 'admin@jalon.demo', password: server.accounts['admin@jalon.demo'] },
    });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);
    const page = await context.newPage();
    const formUrl = `${link.url}/programmes/${options.slug}/activities/new`;

    // 1. the form's first download
    link.reset();
    const started = Date.now();
    await page.goto(formUrl, { waitUntil: 'commit', timeout: 120_000 });
    await page.getByLabel('Intitulé (français)').waitFor({ timeout: 120_000 });
    await page.getByRole('combobox', { name: 'Ajouter un lieu' }).fill('Markala');
    await page
      .getByRole('option', { name: /Markala/ })
      .first()
      .waitFor({ timeout: 120_000 });
    const usableAtMs = Date.now() - started;
    const usable = link.bytes();
    await waitForKept(
      page,
      ['activity-form-page', 'outbox-page'],
      [
        '/api/v1/session',
        `/api/v1/programmes/${options.slug}`,
        `/api/v1/programmes/${options.slug}/framework`,
        `/api/v1/programmes/${options.slug}/workplan`,
        '/api/v1/geography/areas?limit=1000',
      ],
      180_000,
    );
    const form: FormDownload = {
      usableAtMs,
      offlineReadyAtMs: Date.now() - started,
      bytes: usable.down,
      offlineReadyBytes: link.bytes().down,
      connections: link.bytes().connections,
    };

    // 2. offline: the form records, the first ones with a phone's photo each
    await context.setOffline(true);
    await page.waitForFunction(() => !navigator.onLine);
    for (const [n, photo] of options.photos.entries()) {
      await page.goto(formUrl);
      await fillActivityForm(page, {
        title: `${options.marker} — photo ${n + 1}`,
        women: 10 + n,
        men: 5 + n,
      });
      await page
        .getByTestId('photo-input')
        .setInputFiles({ name: `terrain-${n + 1}.jpg`, mimeType: 'image/jpeg', buffer: photo });
      await page.getByTestId('photos').locator('img').first().waitFor();
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.waitForURL(/\/outbox$/);
      await page.getByTestId('saved-offline').waitFor();
    }
    // the rest: the form's first record again under identities of their own, without its photo
    const photoBytes = await page.evaluate(
      ({ copies, marker }) =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('jalon-outbox');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('records', 'readwrite');
            const store = tx.objectStore('records');
            const all = store.getAll();
            let bytes = 0;
            all.onsuccess = () => {
              type Kept = {
                id: string;
                createdAt: string;
                body: { title: { fr: string } };
                photos: { bytes: ArrayBuffer }[];
              };
              const records = all.result as Kept[];
              for (const r of records) for (const p of r.photos) bytes += p.bytes.byteLength;
              const first = records.sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]!;
              for (let i = 0; i < copies; i++) {
                const id = crypto.randomUUID();
                const at = new Date(Date.parse(first.createdAt) + 60_000 + i).toISOString();
                store.put({
                  ...first,
                  id,
                  body: { ...first.body, clientId: id, title: { fr: `${marker} — causerie ${i + 1}` } },
                  photos: [],
                  createdAt: at,
                  updatedAt: at,
                });
              }
            };
            tx.oncomplete = () => {
              open.result.close();
              resolve(bytes);
            };
          };
        }),
      { copies: options.activities - options.photos.length, marker: options.marker },
    );
    const waiting = await outboxCount(page);
    if (waiting !== options.activities)
      throw new Error(`the outbox holds ${waiting}, not ${options.activities}`);

    // 3. the connection comes back: until the outbox is empty
    link.reset();
    const syncStart = Date.now();
    await context.setOffline(false);
    await waitForOutbox(page, 0, 600_000);
    const ms = Date.now() - syncStart;
    const carried = link.bytes();

    // the server holds every one, once, with its photo (asked directly, not through the slow link)
    const held = (await (
      await context.request.get(
        `${server.url}/api/v1/programmes/${options.slug}/activities?q=${encodeURIComponent(options.marker)}&limit=100`,
      )
    ).json()) as ActivityList;
    if (held.total !== options.activities)
      throw new Error(`the server holds ${held.total} activities, not ${options.activities}`);
    let attachments = 0;
    for (const item of held.items.filter((a) => a.title.fr.includes('— photo '))) {
      const detail = (await (
        await context.request.get(`${server.url}/api/v1/activities/${item.id}`)
      ).json()) as ActivityDetail;
      attachments += detail.attachments.length;
    }
    if (attachments !== options.photos.length)
      throw new Error(`the server holds ${attachments} photos, not ${options.photos.length}`);

    return {
      form,
      sync: {
        ms,
        activities: options.activities,
        photos: options.photos.length,
        photoBytes,
        originalPhotoBytes: options.photos.reduce((sum, p) => sum + p.length, 0),
        up: carried.up,
        down: carried.down,
        connections: carried.connections,
      },
    };
  } finally {
    await context.close();
  }
}
