/**
 * Field capture offline (issue 16, decision 0017), in Chromium on a phone's screen against the real server:
 * one visit online (the programme's activities), then the connection cut; the activity form opens, two
 * activities are recorded (one with a photo) into the outbox, which survives a reload; the connection comes
 * back and the server holds exactly two — and the same outbox sent again creates nothing. Then a visited
 * activity is changed offline while a colleague changes it online: the change is refused with the server's
 * words, kept on the device across a reload, and the person compares both and chooses.
 * Every wait is for a state (a cache entry, an element, the outbox's content), never for time.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ActivityDetail, ActivityList } from '../core/contracts/activities.js';
import { fillActivityForm } from './support/activity-form.js';
import { e2eSuite, root, screenshotDir, signIn, telephone } from './support/app.js';
import { outboxCount as countOutbox, waitForKept, waitForOutbox } from './support/wait-for-state.js';

let page: Page;
/** what the two activities' titles share, to find them on the server */
const marker = `Hors ligne ${Date.now().toString(36)}`;
const photo = join(root, 'server/seed/field/photos/inauguration-forage-groumera.jpg');

const e2e = e2eSuite({
  // a first start migrates and seeds the demo data: on a loaded machine that passed two minutes
  server: { timeoutMs: 360_000 },
  context: { ...telephone, deviceScaleFactor: 2 },
  setUp: async (started) => {
    page = started.page;
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`page: ${message.text()}`);
    });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  },
  // the build (when the web changed) and the first start together pass the default hook time under that load
  timeoutMs: 420_000,
});

const { url } = e2e;

/** The server's own answer (from Node: the browser's connection plays no part), signed in as the admin. */
let cookie: string | undefined;
async function fromServer<T>(path: string): Promise<T> {
  if (!cookie) {
    const answer = await fetch(url('/api/v1/session'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@jalon.demo', password: e2e.server.accounts['admin@jalon.demo'] }),
    });
    cookie = answer.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  }
  const answer = await fetch(url(path), { headers: { cookie, accept: 'application/json' } });
  if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as T;
}
/** A write from Node, as a colleague at another computer (the admin's second session). */
async function patchOnServer<T>(path: string, body: unknown): Promise<T> {
  await fromServer('/api/v1/session');
  const session = (await (
    await fetch(url('/api/v1/session'), { headers: { cookie: cookie!, accept: 'application/json' } })
  ).json()) as { csrfToken: string };
  const answer = await fetch(url(path), {
    method: 'PATCH',
    headers: { cookie: cookie!, 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
    body: JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as T;
}
const recordedOnServer = () =>
  fromServer<ActivityList>(`/api/v1/programmes/prosmed/activities?q=${encodeURIComponent(marker)}&limit=50`);

const outboxCount = () => countOutbox(page);

async function recordActivity(title: string, options: { photo?: string; women: number; men: number }) {
  await page.goto(url('/programmes/prosmed/activities/new'));
  await fillActivityForm(page, { title, women: options.women, men: options.men });
  // totals as you type
  await page
    .getByTestId('participants-total')
    .getByText(`Total des participants : ${options.women + options.men}`)
    .waitFor();
  if (options.photo) {
    await page.getByTestId('photo-input').setInputFiles(options.photo);
    await page.getByTestId('photos').locator('img').first().waitFor();
  }
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  try {
    await page.waitForURL(/\/outbox$/);
  } catch (error) {
    await page.screenshot({ path: join(screenshotDir, 'offline-capture-failed.png'), fullPage: true });
    throw error;
  }
  await page.getByTestId('saved-offline').waitFor();
}

describe('recording activities offline', () => {
  it('reads the programme’s activities online once: the worker keeps what the form needs', async () => {
    await signIn(page, e2e.server);
    await page.goto(url('/programmes/prosmed/activities'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 20_000,
    });
    await waitForKept(
      page,
      ['activity-form-page', 'outbox-page'],
      [
        '/api/v1/session',
        '/api/v1/programmes/prosmed',
        '/api/v1/programmes/prosmed/framework',
        '/api/v1/programmes/prosmed/workplan',
        '/api/v1/geography/areas?limit=1000',
      ],
    );
    // the list is readable on a phone: cards, nothing wider than the screen
    await page.getByTestId('activity-cards').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(screenshotDir, 'phone-activities-390.png') });
  });

  it('opens the form offline and records two activities, one with a photo, into the outbox', async () => {
    await e2e.context.setOffline(true);
    await page.waitForFunction(() => !navigator.onLine);
    await recordActivity(`${marker} — causerie à Markala`, { women: 14, men: 9 });
    await recordActivity(`${marker} — forage inauguré`, { photo, women: 30, men: 25 });
    const status = page.getByTestId('outbox-status');
    await status.and(page.locator('[data-pending="2"]')).waitFor();
    expect(await status.textContent()).toContain('2 activités en attente d’envoi');
    expect(await page.getByTestId('outbox-record').count()).toBe(2);
    await page.screenshot({ path: join(screenshotDir, 'phone-outbox-offline-390.png'), fullPage: true });
    expect((await recordedOnServer()).total).toBe(0);
  });

  it('keeps the outbox across a reload while still offline', async () => {
    await page.reload();
    await page.getByTestId('outbox-status').and(page.locator('[data-pending="2"]')).waitFor();
    expect(await outboxCount()).toBe(2);
  });

  it('sends the outbox when the connection returns: the server holds exactly two, the photo resized', async () => {
    // a copy of the outbox as it is, to send it a second time afterwards
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('jalon-outbox');
          open.onsuccess = () => {
            const all = open.result.transaction('records').objectStore('records').getAll();
            all.onsuccess = () => {
              (window as unknown as { outboxCopy: unknown[] }).outboxCopy = all.result;
              open.result.close();
              resolve();
            };
          };
        }),
    );
    await e2e.context.setOffline(false);
    await page.getByTestId('outbox-status').waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByTestId('outbox-empty').waitFor();
    expect(await outboxCount()).toBe(0);
    const held = await recordedOnServer();
    expect(held.total).toBe(2);
    const withPhoto = held.items.find((a) => a.title.fr.endsWith('forage inauguré'));
    if (!withPhoto) throw new Error('the activity with a photo is not on the server');
    const detail = await fromServer<ActivityDetail>(`/api/v1/activities/${withPhoto.id}`);
    expect(detail.attachments).toHaveLength(1);
    expect(detail.attachments[0]!.contentType).toBe('image/jpeg');
    expect(detail.attachments[0]!.size).toBeLessThanOrEqual(200 * 1024);
    expect(detail.totals.total).toBe(55);
    expect(detail.places.map((p) => p.area.name)).toContain('Markala');
  });

  it('creates nothing when the same outbox is sent again (answers lost on the way)', async () => {
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const copy = (window as unknown as { outboxCopy: unknown[] }).outboxCopy;
          const open = indexedDB.open('jalon-outbox');
          open.onsuccess = () => {
            const tx = open.result.transaction('records', 'readwrite');
            for (const record of copy) tx.objectStore('records').put(record);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
          };
        }),
    );
    expect(await outboxCount()).toBe(2);
    // the browser says the connection is back: the outbox is sent again
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await waitForOutbox(page, 0);
    const held = await recordedOnServer();
    expect(held.total).toBe(2);
    const withPhoto = held.items.find((a) => a.title.fr.endsWith('forage inauguré'))!;
    expect((await fromServer<ActivityDetail>(`/api/v1/activities/${withPhoto.id}`)).attachments).toHaveLength(
      1,
    );
  });

  it('changes a visited activity offline; a colleague’s change meanwhile is refused, kept and shown', async () => {
    const held = await recordedOnServer();
    const visited = held.items.find((a) => a.title.fr.endsWith('causerie à Markala'))!;
    const before = await fromServer<ActivityDetail>(`/api/v1/activities/${visited.id}`);
    // the activity is read online once: the worker keeps its answer
    await page.goto(url(`/activities/${visited.id}`));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await waitForKept(page, [], [`/api/v1/activities/${visited.id}`]);

    await e2e.context.setOffline(true);
    await page.waitForFunction(() => !navigator.onLine);
    await page.goto(url(`/activities/${visited.id}/edit`));
    const description = page.getByLabel('Description');
    await description.waitFor();
    expect(await page.getByLabel('Intitulé (français)').inputValue()).toBe(before.title.fr);
    await description.fill('Compte rendu complété au retour du village.');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/\/outbox$/);
    await page.getByTestId('saved-offline').waitFor();
    const change = page.locator('[data-testid="outbox-record"][data-change="true"]');
    expect(await change.getAttribute('data-status')).toBe('pending');

    // meanwhile a colleague changes the same activity online
    await patchOnServer(`/api/v1/activities/${visited.id}`, {
      version: before.version,
      partner: 'Association des femmes de Markala',
    });

    await e2e.context.setOffline(false);
    await page.locator('[data-testid="outbox-record"][data-refusal="version_conflict"]').waitFor({
      timeout: 30_000,
    });
    expect(await change.getAttribute('data-status')).toBe('refused');
    const message = await change.getByTestId('refusal-message').textContent();
    expect(message).toContain('modifié');
    await page.screenshot({ path: join(screenshotDir, 'phone-outbox-conflict-390.png'), fullPage: true });
    // the colleague's change stands; nothing of the refused change was written
    const theirs = await fromServer<ActivityDetail>(`/api/v1/activities/${visited.id}`);
    expect(theirs.partner).toBe('Association des femmes de Markala');
    expect(theirs.description).toBe(before.description);
    expect(theirs.version).toBe(before.version + 1);

    // kept on the device, marked, across a reload and another sending
    await page.reload();
    await page.locator('[data-testid="outbox-record"][data-refusal="version_conflict"]').waitFor();
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    expect(await outboxCount()).toBe(1);

    // the person opens it: both versions side by side; they keep theirs and send it over the current version
    await change.getByRole('link', { name: 'Corriger' }).click();
    const dialog = page.getByTestId('version-conflict');
    await dialog.waitFor();
    expect(
      await dialog.getByTestId('conflict-field-partner').locator('[data-side="theirs"]').textContent(),
    ).toBe('Association des femmes de Markala');
    expect(
      await dialog.getByTestId('conflict-field-description').locator('[data-side="mine"]').textContent(),
    ).toBe('Compte rendu complété au retour du village.');
    await page.screenshot({ path: join(screenshotDir, 'phone-change-conflict-390.png') });
    await dialog.getByRole('button', { name: 'Garder la mienne et enregistrer à nouveau' }).click();
    await page.waitForURL(new RegExp(`/activities/${visited.id}$`));
    const after = await fromServer<ActivityDetail>(`/api/v1/activities/${visited.id}`);
    expect(after.description).toBe('Compte rendu complété au retour du village.');
    expect(after.version).toBe(before.version + 2);
    expect(await outboxCount()).toBe(0);
  });

  it('fits a 360 px screen offline: the form without scrolling sideways', async () => {
    await e2e.context.setOffline(true);
    await page.waitForFunction(() => !navigator.onLine);
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(url('/programmes/prosmed/activities/new'));
    await page.getByTestId('offline-banner').waitFor();
    await page.getByLabel('Ajouter une catégorie').selectOption('local_authorities');
    await page.getByLabel('Autorités locales et traditionnelles — Femmes — Moins de 18 ans').fill('3');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(screenshotDir, 'phone-form-360.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(screenshotDir, 'phone-form-390.png'), fullPage: true });
    await e2e.context.setOffline(false);
  });
});
