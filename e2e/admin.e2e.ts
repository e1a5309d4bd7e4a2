/**
 * People and trust in the browser: an administrator creates a focal point's account with its programme role;
 * that person signs in and must first choose their own password; the programme's change history shows it;
 * a stale save of an account meets the conflict dialog; the reports due list A-1's late reports.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSuite, screenshotDir } from './support/app.js';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshotDir, `admin-${name}.png`), fullPage: true });

describe('accounts, change history and reports due', () => {
  let page: Page;
  const email = 'awa.diallo@fao.test';
  const temporary = 'provisoire-mopti-2026';
  let userId = '';

  const e2e = e2eSuite({
    signIn: 'admin@jalon.demo',
    setUp: async (started) => {
      page = started.page;
    },
  });

  it('lets an administrator create a focal point account with its programme role', async () => {
    await page.goto(`${e2e.server.url}/`);
    await page.getByRole('button', { name: 'Mon compte' }).click();
    await page
      .getByRole('navigation', { name: 'Mon compte' })
      .getByRole('link', { name: 'Comptes et rôles' })
      .click();
    await page.waitForURL(`${e2e.server.url}/admin/users`);
    await page.getByTestId('user-coordination.a1@jalon.demo').waitFor();
    expect(await page.getByTestId('user-fao.a1@jalon.demo').textContent()).toContain(
      'PBF/MLI/A-1 · Point focal (FAO)',
    );
    await shot(page, 'users');

    await page.getByRole('button', { name: 'Créer un compte' }).click();
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Nom affiché').fill('Awa Diallo');
    await page.getByLabel('Mot de passe provisoire').fill(temporary);
    await shot(page, 'create');
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    await page.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    userId = page.url().split('/').at(-1)!;
    expect(await page.getByTestId('one-time-password').textContent()).toBe(temporary);

    await page.getByLabel('Programme').selectOption({ label: 'PBF/MLI/A-1' });
    await page.getByLabel('Rôle', { exact: true }).selectOption({ label: 'Point focal' });
    await page.getByLabel('Agence').selectOption('FAO');
    await page.getByRole('button', { name: 'Ajouter ce rôle' }).click();
    await expect
      .poll(() => page.getByTestId('memberships').textContent())
      .toContain('PBF/MLI/A-1 · Point focal (FAO)');
    await shot(page, 'user');
  });

  it('makes that person choose their own password at the first sign-in', async () => {
    const awa = await e2e.newPage();
    await awa.goto(`${e2e.server.url}/sign-in`);
    await awa.getByLabel('Adresse e-mail').fill(email);
    await awa.getByLabel('Mot de passe').fill(temporary);
    await awa.getByRole('button', { name: 'Se connecter' }).click();
    await awa.waitForURL(`${e2e.server.url}/account/password`);
    await expect
      .poll(() => awa.getByRole('alert').textContent())
      .toContain('Votre mot de passe est provisoire');
    // elsewhere in the app, still led back here
    await awa.goto(`${e2e.server.url}/programmes/pbf-mli-a-1`);
    await awa.waitForURL(`${e2e.server.url}/account/password`);
    await shot(awa, 'password');

    await awa.getByLabel('Mot de passe actuel (ou provisoire)').fill(temporary);
    await awa.getByLabel('Nouveau mot de passe').first().fill('les mangues de Sikasso');
    await awa.getByLabel('Nouveau mot de passe, encore une fois').fill('les mangues de Sikasso');
    await awa.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await awa.getByText('Mot de passe changé.').waitFor();
    await awa.goto(`${e2e.server.url}/programmes/pbf-mli-a-1`);
    await awa.getByRole('heading', { level: 1 }).waitFor();
    expect(awa.url()).toBe(`${e2e.server.url}/programmes/pbf-mli-a-1`);
    await expect.poll(() => awa.getByText('Connecté·e : Awa Diallo').count()).toBe(1);
    await awa.context().close();
  });

  it("shows the change in the programme's history, readable, and on its own page with the CSV export", async () => {
    await page.goto(`${e2e.server.url}/programmes/pbf-mli-a-1`);
    const panel = page.getByTestId('audit-panel');
    await panel.getByRole('button', { name: "Afficher l'historique" }).click();
    const created = panel
      .getByTestId('audit-event')
      .filter({ hasText: 'Rôle sur un programme' })
      .filter({ hasText: 'point focal' });
    await created.first().waitFor();
    expect(await created.first().textContent()).toContain('admin@jalon.demo');
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'admin-audit-panel.png') });

    await panel.getByRole('link', { name: 'Tout l’historique du programme' }).click();
    await page.waitForURL(`${e2e.server.url}/programmes/pbf-mli-a-1/audit`);
    await page.getByTestId('audit-event').first().waitFor();
    await page.getByLabel("Type d'objet").selectOption('memberships');
    // the newest event was already a role before the filter applied: wait for the filter itself
    const exportLink = page.getByRole('link', { name: 'Exporter (CSV)' });
    await expect
      .poll(() => exportLink.getAttribute('href'))
      .toBe('/api/v1/audit?programme=pbf-mli-a-1&entity=memberships&format=csv&limit=500');
    await expect.poll(() => page.getByTestId('audit-event').first().textContent()).toContain('point focal');
    const href = (await exportLink.getAttribute('href'))!;
    // by author: the demo data were written by Jalon itself, the new role by the administrator
    await page.getByLabel('Auteur (e-mail)').fill('admin@');
    await expect.poll(() => page.getByTestId('audit-event').count()).toBe(1);
    await page.getByLabel('Auteur (e-mail)').fill('');
    const csv = await page.request.get(`${e2e.server.url}${href}`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('focal_point');
    await shot(page, 'audit-page');
  });

  it('shows what changed when someone saved the account meanwhile, and saves mine on request', async () => {
    await page.goto(`${e2e.server.url}/admin/users/${userId}`);
    const name = page.getByLabel('Nom affiché');
    await name.waitFor();
    // a colleague renames the account in the meantime
    const session = await (await page.request.get(`${e2e.server.url}/api/v1/session`)).json();
    const users = await (await page.request.get(`${e2e.server.url}/api/v1/users`)).json();
    const current = users.items.find((u: { id: string }) => u.id === userId);
    const renamed = await page.request.patch(`${e2e.server.url}/api/v1/users/${userId}`, {
      data: { version: current.version, name: 'Awa Diallo (FAO Mopti)' },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(renamed.status()).toBe(200);

    await name.fill('Awa K. Diallo');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const dialog = page.getByTestId('version-conflict');
    await dialog.waitFor();
    const row = dialog.getByTestId('conflict-field-name');
    expect(await row.locator('[data-side="theirs"]').textContent()).toBe('Awa Diallo (FAO Mopti)');
    expect(await row.locator('[data-side="mine"]').textContent()).toBe('Awa K. Diallo');
    await page.screenshot({ path: join(screenshotDir, 'admin-conflict.png') });
    await dialog.getByRole('button', { name: 'Garder la mienne et enregistrer à nouveau' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Awa K. Diallo');
  });

  it('shows, in the activity form, only what a colleague changed meanwhile, and reloads it on request', async () => {
    const list = await (
      await page.request.get(`${e2e.server.url}/api/v1/programmes/prosmed/activities`)
    ).json();
    const activity = list.items[0];
    await page.goto(`${e2e.server.url}/activities/${activity.id}/edit`);
    const description = page.getByLabel('Description');
    await description.waitFor();
    const session = await (await page.request.get(`${e2e.server.url}/api/v1/session`)).json();
    const current = await (
      await page.request.get(`${e2e.server.url}/api/v1/activities/${activity.id}`)
    ).json();
    const changed = await page.request.patch(`${e2e.server.url}/api/v1/activities/${activity.id}`, {
      data: { version: current.version, partner: 'Association des femmes de Mopti' },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(changed.status()).toBe(200);

    await description.fill('Compte rendu complété après la séance.');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const dialog = page.getByTestId('version-conflict');
    await dialog.waitFor();
    // their partner, my description; nothing else differs
    expect(await dialog.locator('[data-testid^="conflict-field-"]').count()).toBe(2);
    expect(
      await dialog.getByTestId('conflict-field-partner').locator('[data-side="theirs"]').textContent(),
    ).toBe('Association des femmes de Mopti');
    expect(
      await dialog.getByTestId('conflict-field-description').locator('[data-side="mine"]').textContent(),
    ).toBe('Compte rendu complété après la séance.');
    await dialog.getByRole('button', { name: 'Recharger leur version' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Partenaire de mise en œuvre').inputValue()).toBe(
      'Association des femmes de Mopti',
    );
  });

  it("lists A-1's late reports on the reports due, and sums them up on the portfolio", async () => {
    const s = await e2e.newPage({ signIn: 'coordination.a1@jalon.demo' });
    await s.goto(`${e2e.server.url}/`);
    const summary = s.getByTestId('due-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/\d+ en retard/);
    await summary.getByRole('link', { name: 'Voir les échéances' }).click();
    await s.waitForURL(`${e2e.server.url}/due`);
    const late = s.locator('[data-testid="due-row"][data-late]').filter({ hasText: 'PBF/MLI/A-1' });
    await late.first().waitFor();
    const texts = await late.allTextContents();
    expect(texts.some((t) => t.includes('Final') && /En retard de [\d\s\u202f\u00a0]+ jours/.test(t))).toBe(
      true,
    );
    expect(texts.some((t) => t.includes('Semestriel 2021'))).toBe(true);
    // the 2020 annual report is approved: not late
    const annual2020 = s
      .getByTestId('due-row')
      .filter({ hasText: 'PBF/MLI/A-1' })
      .filter({ hasText: 'Annuel 2020' });
    expect(await annual2020.count()).toBe(0);
    await shot(s, 'due');
    await s.context().close();
  });

  it('fits a phone, in English: the account menu and the reports due', async () => {
    const p = await e2e.newPage({
      context: { viewport: { width: 375, height: 812 }, locale: 'en-GB' },
      signIn: 'secretariat@jalon.demo',
    });
    await p.goto(`${e2e.server.url}/due`);
    await p.locator('header label').filter({ hasText: 'English' }).click();
    await p.getByRole('heading', { name: 'Reports due' }).waitFor();
    await p.locator('[data-testid="due-row"][data-late]').first().waitFor();
    // the secretariat follows every programme: one at a time
    await p.getByLabel('Programme').selectOption({ label: 'PBF/MLI/A-2' });
    await expect
      .poll(async () => new Set(await p.getByTestId('due-row').locator('td:first-child').allTextContents()))
      .toEqual(new Set(['PBF/MLI/A-2']));
    await p.getByLabel('Programme').selectOption({ label: 'All your programmes' });
    await shot(p, 'due-phone-en');
    // nothing wider than the screen but the table, which scrolls in its own box
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await p.getByRole('button', { name: 'My account' }).click();
    const links = p.getByRole('navigation', { name: 'My account' });
    expect(await links.getByRole('link').allTextContents()).toEqual(['Reports due', 'My password']);
    expect(await links.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    await shot(p, 'due-phone-en');
    await p.context().close();
  });
});
