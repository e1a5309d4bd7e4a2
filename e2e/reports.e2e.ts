/**
 * Reports in a real browser against the real server and its demo data: A-1's approved 2020 report with its
 * checks (texts over their limits) and links to each place; a new PROSMED annual 2023 report written,
 * counted, autosaved and kept after a reload; a second writer changing the same text meanwhile (through the
 * API, from the old version) and the conflict dialog with both versions; the submission refused with its
 * errors listed.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ReportDetail } from '../core/contracts/report.js';
import { e2eSuite, screenshotDir, signIn } from './support/app.js';

let page: Page;

const e2e = e2eSuite({
  // an administrator reads every programme and writes reports
  signIn: 'admin@jalon.demo',
  setUp: async (started) => {
    page = started.page;
  },
});

const { url } = e2e;

/** A read through the signed-in browser context (its session cookie). */
async function read<T>(path: string): Promise<T> {
  const response = await page.request.get(url(path));
  if (!response.ok()) throw new Error(`GET ${path}: ${response.status()}`);
  return (await response.json()) as T;
}

/**
 * Another person, in another browser: PROSMED's coordinator, signed in through the API (a session cookie
 * and its CSRF token), who saves the same report.
 */
async function otherWriterPatch(id: string, body: unknown): Promise<{ status: number; body: ReportDetail }> {
  const email = 'coordination.prosmed@jalon.demo';
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const session = await fetch(url('/api/v1/session'), {
    method: 'POST',
    headers,
    body: JSON.stringify({ email, password: e2e.server.accounts[email] }),
  });
  if (session.ok) {
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    headers.cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    headers['x-csrf-token'] = csrfToken;
  }
  const response = await fetch(url(`/api/v1/reports/${id}`), {
    method: 'PATCH',
    headers,
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as ReportDetail };
}

/** The narrative of Part I every test writes in, by the id the editor gives it (its content path). */
const overallStatus = () => page.locator('[id="report-fields.overall_status"]');
const counterOf = (id: string) =>
  page.locator('.text-field', { has: page.locator(`[id="${id}"]`) }).locator('.char-counter');
/** fr-FR groups thousands with a narrow no-break space */
const fr = (n: number) => n.toLocaleString('fr-FR');

let prosmedReportId = '';

describe('A-1, annual report 2020 (approved, from the seeds)', () => {
  it('opens from the programme page and lists its checks, a text over its limit first', async () => {
    await page.goto(url('/programmes/pbf-mli-a-1'));
    await page.getByRole('link', { name: 'Rapports', exact: true }).click();
    await page.waitForURL(/\/programmes\/pbf-mli-a-1\/reports$/);
    await page.getByRole('link', { name: 'Rapport annuel 2020' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Rapport annuel 2020' }).waitFor();

    // accepted: locked with its reason, frozen, read-only
    const lock = await page.getByTestId('approved-banner').textContent();
    expect(lock).toContain('Rapport accepté — verrouillé');
    expect(lock).toMatch(/Accepté le \d+ \S+ \d{4}/);
    expect(await overallStatus().getAttribute('readonly')).not.toBeNull();

    // the seed's Part I narrative is 1 959 characters for a limit of 1 500: counted, flagged, listed
    const counter = counterOf('report-fields.overall_status');
    expect((await counter.textContent())?.startsWith(`${fr(1959)} / ${fr(1500)}`)).toBe(true);
    expect(await counter.getAttribute('data-over')).toBe('true');
    const checks = page.getByTestId('checks');
    expect(await checks.textContent()).toContain('1959 caractères pour une limite de 1500');

    // a check is a link to its place: the field gets the focus
    await checks.getByRole('button', { name: /1959 caractères/ }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'report-fields.overall_status');

    expect(await page.getByTestId('history').textContent()).toContain('Importé');
    await page.screenshot({ path: join(screenshotDir, 'report-a1-2020.png') });
  });
});

describe('PROSMED, a new annual report 2023', () => {
  const text = 'Les audiences foraines ont repris en mars 2023 dans les cercles de Mopti et de Ségou.';

  it('is created from the reports list and opens pre-filled as a draft', async () => {
    await page.goto(url('/programmes/prosmed/reports'));
    await page.getByTestId('new-report').click();
    await page.getByTestId('new-report-year').selectOption('2023');
    await page.getByTestId('new-report-type').selectOption('annual');
    await page.getByRole('button', { name: 'Créer et ouvrir' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    prosmedReportId = page.url().split('/').at(-1) ?? '';
    await page.getByRole('heading', { level: 1, name: 'Rapport annuel 2023' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Brouillon');
    // Part V is there, grouped by outcome and output
    await page.getByTestId('row-1.1.1').waitFor();
  });

  it('counts the characters while one types, saves by itself, and keeps the text after a reload', async () => {
    await overallStatus().click();
    await overallStatus().pressSequentially(text, { delay: 5 });
    const counter = counterOf('report-fields.overall_status');
    expect(await counter.textContent()).toBe(`${[...text].length} / ${fr(1500)}`);
    await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(screenshotDir, 'report-prosmed-2023.png') });

    const saved = await read<ReportDetail>(`/api/v1/reports/${prosmedReportId}`);
    expect(saved.model.content.fields.overall_status).toBe(text);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Rapport annuel 2023' }).waitFor();
    expect(await overallStatus().inputValue()).toBe(text);
  });

  it('shows both versions when someone else saved the same text meanwhile, and saves the one chosen', async () => {
    const before = await read<ReportDetail>(`/api/v1/reports/${prosmedReportId}`);
    const theirs = 'Version d’Awa : les audiences foraines ont repris en avril 2023.';
    // a second writer, from the version this page holds
    const other = await otherWriterPatch(prosmedReportId, {
      version: before.version,
      changes: [{ path: 'fields.overall_status', value: theirs }],
    });
    expect(other.status).toBe(200);

    const mine = `${text} Deux sessions ont eu lieu.`;
    await overallStatus().fill(mine);
    await overallStatus().blur();

    const dialog = page.getByTestId('conflict-dialog');
    await dialog.waitFor({ timeout: 15_000 });
    expect(await dialog.getByTestId('conflict-mine').textContent()).toBe(mine);
    expect(await dialog.getByTestId('conflict-theirs').textContent()).toBe(theirs);
    expect(await dialog.textContent()).toContain('Partie 1');
    await page.waitForTimeout(300); // the dialog's fade-in
    await page.screenshot({ path: join(screenshotDir, 'report-conflict.png') });

    await dialog.getByLabel('Garder la mienne').check();
    await dialog.getByRole('button', { name: 'Appliquer mes choix' }).click();
    await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: 15_000 });
    const after = await read<ReportDetail>(`/api/v1/reports/${prosmedReportId}`);
    expect(after.model.content.fields.overall_status).toBe(mine);
    expect(after.version).toBeGreaterThan(other.body.version);
  });

  it('is refused at submission while required answers are missing, each listed with its place', async () => {
    await page.getByRole('button', { name: 'Soumettre' }).click();
    const errors = page.getByTestId('submit-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toContain('Budget pour évaluation finale');
    expect(await page.locator('main').textContent()).toContain('Brouillon');
  });

  it('reads well on a 375 px screen', async () => {
    const phone = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'fr-FR' });
    try {
      const small = await phone.newPage();
      await signIn(small, e2e.server);
      await small.goto(url('/programmes/prosmed/reports'));
      await small.getByTestId('reports-table').waitFor();
      await small.screenshot({ path: join(screenshotDir, 'reports-list-375.png') });
      await small.goto(url(`/reports/${prosmedReportId}`));
      await small.getByTestId('row-1.1.1').waitFor();
      // nothing in the report runs past the right edge of a phone (the app's header is not this page's)
      const overflowing = await small.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
          .map((el) => `${el.tagName}.${el.className}`),
      );
      expect(overflowing).toEqual([]);
      await small.screenshot({ path: join(screenshotDir, 'report-prosmed-2023-375.png') });
    } finally {
      await phone.close();
    }
  });
});
