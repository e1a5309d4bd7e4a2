/**
 * The service worker (web/sw/) in Chromium against the real server: a first visit online — signed in, the
 * portfolio, then PROSMED — and the same pages again with the connection cut, read from what the worker saved,
 * under a banner that says they are saved data and since when. Signing out forgets them. Then a new
 * deployment under an open page: the page keeps working, and the next visit runs the new build.
 */
import type { FastifyInstance } from 'fastify';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.js';
import type { Database } from '../server/db/client.js';
import { createTestDatabase } from '../server/test/test-database.js';
import { desktop, e2eSuite, freePort, root, screenshotDir, signIn } from './support/app.js';

let page: Page;

const e2e = e2eSuite({
  setUp: async (started) => {
    page = started.page;
  },
});

const { url } = e2e;

/** The paths (with their query) of the API answers the worker holds, and whose they are. */
function savedData(target: Page): Promise<{ paths: string[]; person: string | null }> {
  return target.evaluate(async () => {
    const cache = await caches.open('jalon-data');
    const paths = (await cache.keys())
      .map((request) => new URL(request.url))
      .map((address) => address.pathname + address.search)
      .filter((path) => path !== '/__jalon/person');
    const marker = await cache.match('/__jalon/person');
    return { paths, person: marker ? await marker.text() : null };
  });
}

async function waitForSaved(target: Page, paths: string[]): Promise<void> {
  const deadline = Date.now() + 20_000;
  let saved: string[] = [];
  while (Date.now() < deadline) {
    saved = (await savedData(target)).paths;
    if (paths.every((path) => saved.includes(path))) return;
    await target.waitForTimeout(100);
  }
  throw new Error(`the worker did not save ${paths.join(', ')}; it holds ${saved.join(', ')}`);
}

const cards = () => page.locator('[data-testid^="programme-"]');
const banner = () => page.getByTestId('offline-banner');

describe('offline, after a first visit', () => {
  it('reads the portfolio online and the worker takes the page over', async () => {
    await signIn(page, e2e.server);
    await page.goto(url('/'));
    await cards().nth(3).waitFor();
    // registered after the page's load, it takes control of this very page (clients.claim)
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 20_000,
    });
    // what the page read before the worker existed is handed to it and saved
    await waitForSaved(page, ['/api/v1/session', '/api/v1/programmes']);
    const saved = await savedData(page);
    expect(saved.person).toMatch(/^[0-9a-f-]{36}$/);
    expect(await banner().count()).toBe(0);
    await page.screenshot({ path: join(screenshotDir, 'online-portfolio.png'), fullPage: true });
  });

  it('opens PROSMED online, which the worker saves too', async () => {
    await page.getByTestId('programme-prosmed').getByRole('link').first().click();
    await page.waitForURL(/\/programmes\/prosmed$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByTestId('framework-version').waitFor();
    await waitForSaved(page, ['/api/v1/programmes/prosmed', '/api/v1/programmes/prosmed/framework']);
    expect(await banner().count()).toBe(0);
  });

  it('shows PROSMED again with the connection cut, saying the data are saved ones and since when', async () => {
    const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    await e2e.context.setOffline(true);
    await page.reload();
    await banner().waitFor();
    expect(await banner().textContent()).toMatch(
      /Hors ligne — données enregistrées le \d{1,2} \S+ \d{4} à \d{2}:\d{2}/,
    );
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.getByTestId('framework-version').waitFor();
    // the header still knows who is signed in (the saved session, without its CSRF token)
    expect(await page.locator('header').textContent()).toContain('Connecté·e');
    await page.screenshot({ path: join(screenshotDir, 'offline-prosmed.png') });
  });

  it('shows the portfolio offline too, from the menu and from a new page load', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Portefeuille' }).click();
    await cards().nth(3).waitFor();
    expect(await cards().count()).toBe(4);
    await banner().waitFor();

    await page.goto(url('/'));
    await cards().nth(3).waitFor();
    await banner().waitFor();
    await page.screenshot({ path: join(screenshotDir, 'offline-portfolio.png'), fullPage: true });
  });

  it('keeps the banner while still offline, and drops it by itself once the connection is back', async () => {
    // trying again offline: the answers come from the saved ones again — wait for the retried answer itself
    const retried = page.waitForResponse(
      (answer) =>
        answer.url().endsWith('/api/v1/programmes') && answer.headers()['x-jalon-cached'] !== undefined,
    );
    await banner().getByRole('button', { name: 'Réessayer' }).click();
    await retried;
    await banner().waitFor();
    // the browser's `online` event refetches everything; fresh answers take the banner away
    await e2e.context.setOffline(false);
    await banner().waitFor({ state: 'detached' });
    await cards().nth(3).waitFor();
  });

  it('opens a page saved earlier when the connection drops while the app is open', async () => {
    // the app is running (the portfolio, online); the connection goes: the browser says so to the page
    await e2e.context.setOffline(true);
    // the page must know it is offline before it asks: under load the click could otherwise reach the server
    await page.waitForFunction(() => !navigator.onLine);
    await page.getByTestId('programme-prosmed').getByRole('link').first().click();
    await page.waitForURL(/\/programmes\/prosmed$/);
    await page.getByTestId('framework-version').waitFor({ timeout: 15_000 });
    await banner().waitFor();
    await e2e.context.setOffline(false);
    await banner().waitFor({ state: 'detached' });
    await page.getByRole('navigation').getByRole('link', { name: 'Portefeuille' }).click();
    await cards().nth(3).waitFor();
  });

  it("forgets a person's data when they sign out", async () => {
    await page.locator('header').getByRole('button', { name: 'Se déconnecter' }).click();
    await page.locator('header').getByRole('link', { name: 'Se connecter' }).waitFor();
    const deadline = Date.now() + 10_000;
    let saved = await savedData(page);
    while (saved.person !== 'nobody' && Date.now() < deadline) {
      await page.waitForTimeout(100);
      saved = await savedData(page);
    }
    expect(saved.person).toBe('nobody');
    // nothing of the signed-in person is left; only what was read anonymously since
    for (const path of saved.paths) expect(['/api/v1/session', '/api/v1/programmes']).toContain(path);
    const session = await page.evaluate(async () => {
      const answer = await (await caches.open('jalon-data')).match('/api/v1/session');
      return answer ? ((await answer.json()) as { user: unknown }) : null;
    });
    if (session) expect(session.user).toBeNull();
  });
});

/** A copy of the build in a folder of its own; `next` makes it a new deployment of the same app. */
function copyBuild(next: boolean): { dir: string; buildId: string; entry: string } {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-deploy-'));
  cpSync(join(root, 'web', 'dist'), dir, { recursive: true });
  let html = readFileSync(join(dir, 'index.html'), 'utf8');
  let worker = readFileSync(join(dir, 'sw.js'), 'utf8');
  let entry = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  let buildId = /id:`([0-9a-f]{12})`/.exec(worker)?.[1];
  if (!entry || !buildId) throw new Error('unexpected build: no entry script or no build id in sw.js');
  if (next) {
    // new hashes: the entry script under a new name, a new build id — as a rebuild after a change would
    const renamed = entry.replace(/\.js$/, 'n.js');
    for (const suffix of ['', '.br', '.gz'])
      renameSync(join(dir, entry + suffix), join(dir, renamed + suffix));
    html = html.replaceAll(entry, renamed);
    worker = worker.replaceAll(entry, renamed).replace(buildId, 'f'.repeat(12));
    entry = renamed;
    buildId = 'f'.repeat(12);
    writeFileSync(join(dir, 'index.html'), html);
    writeFileSync(join(dir, 'sw.js'), worker);
    for (const stale of ['index.html.br', 'index.html.gz', 'sw.js.br', 'sw.js.gz'])
      rmSync(join(dir, stale), { force: true });
  }
  return { dir, buildId, entry };
}

describe('a new deployment while a page is open', () => {
  type Build = ReturnType<typeof copyBuild>;
  const builds: { old: Build; next: Build } = {} as { old: Build; next: Build };
  let database: Database;
  let app: FastifyInstance | undefined;
  let port: number;
  let deployContext: BrowserContext;
  let open: Page;

  /** The server of one deployment, on the same address (a worker belongs to its origin). */
  async function deploy(dir: string): Promise<void> {
    await app?.close();
    app = await buildApp({ db: database.db, webDist: dir });
    await app.listen({ port, host: '127.0.0.1' });
  }
  const shells = () =>
    open.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('jalon-shell-')));

  beforeAll(async () => {
    builds.old = copyBuild(false);
    builds.next = copyBuild(true);
    database = await createTestDatabase('pglite', { seed: true });
    port = await freePort();
    await deploy(builds.old.dir);
    deployContext = await e2e.browser.newContext(desktop);
    open = await deployContext.newPage();
  });

  afterAll(async () => {
    await deployContext?.close();
    await app?.close();
    await database?.close();
    for (const build of [builds.old, builds.next])
      if (build) rmSync(build.dir, { recursive: true, force: true });
  });

  it('keeps the open page working, and runs the new build at the next visit', async () => {
    const address = `http://127.0.0.1:${port}`;
    await open.goto(address + '/');
    await open.locator('[data-testid^="programme-"]').nth(3).waitFor();
    await open.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 20_000,
    });
    expect(await shells()).toEqual([`jalon-shell-${builds.old.buildId}`]);

    await deploy(builds.next.dir);
    // the open page of the old build goes on: a lazy page it had not loaded yet still opens
    await open.getByRole('navigation').getByRole('link', { name: 'Importer' }).click();
    await open.waitForURL(/\/import$/);
    await open.getByRole('heading', { level: 1 }).waitFor();

    // the next visit gets the new build, whose worker takes over and drops the old shell
    await open.goto(address + '/');
    await open.locator('[data-testid^="programme-"]').nth(3).waitFor();
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (await shells()).join() !== `jalon-shell-${builds.next.buildId}`)
      await open.waitForTimeout(200);
    expect(await shells()).toEqual([`jalon-shell-${builds.next.buildId}`]);
    const shell = await open.evaluate(async (name) => {
      const cache = await caches.open(name);
      return (await cache.keys()).map((request) => new URL(request.url).pathname);
    }, `jalon-shell-${builds.next.buildId}`);
    expect(shell).toContain(builds.next.entry);
    expect(shell).not.toContain(builds.old.entry);

    // and offline, the new build's shell opens
    await deployContext.setOffline(true);
    await open.reload();
    await open.locator('[data-testid^="programme-"]').nth(3).waitFor();
    expect(await open.locator(`script[src="${builds.next.entry}"]`).count()).toBe(1);
    await deployContext.setOffline(false);
  });
});
