/**
 * Field data in a real browser against the real server and its demo data (PROSMED, Q4 2023): the dashboard
 * with its map, one click from a number to the activities it is made of, recording an activity with a place
 * typed without accents, importing a spreadsheet with its errors shown by row and column, and the quarterly
 * report computed from the activities.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSuite, screenshotDir, signIn } from './support/app.js';

let page: Page;

const e2e = e2eSuite({
  setUp: async (started) => {
    page = started.page;
  },
});

const { url } = e2e;

describe('field data', () => {
  it('shows PROSMED’s quarter on the dashboard, with its map', async () => {
    await page.goto(url('/programmes/prosmed/dashboard'));
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord — PROSMED' }).waitFor();
    await page
      .locator('.kpi')
      .filter({ hasText: 'Participants' })
      .getByText('1 941', { exact: true })
      .waitFor();
    // the map is its own chunk: its 50 cercles appear once loaded
    await page.locator('svg.map-svg path.cercle').nth(49).waitFor();
    expect(await page.locator('svg.map-svg path.cercle').count()).toBe(50);
    await page.getByRole('cell', { name: 'Koutiala' }).waitFor();
    await page.screenshot({ path: join(screenshotDir, 'field-dashboard.png'), fullPage: true });
  });

  it('goes from a number to what it is made of', async () => {
    const row = page.getByRole('row').filter({ hasText: '1.2.3' });
    await row.getByRole('link', { name: '8' }).click();
    await page.getByRole('heading', { name: 'Ce dont la valeur est faite' }).waitFor();
    await page.getByRole('link', { name: /Mare piscicole — commune de Korodougou/ }).waitFor();
    expect(await page.getByRole('link', { name: /Parc de vaccination de bétail/ }).count()).toBe(2);
    await page.screenshot({ path: join(screenshotDir, 'field-indicator.png'), fullPage: true });
  });

  it('records an activity with a place typed without accents', async () => {
    await signIn(page, e2e.server);
    await page.goto(url('/programmes/prosmed/activities/new'));
    await page.getByLabel('Intitulé (français)').fill('Causerie sur la gestion des conflits fonciers');
    await page.getByLabel('Date de début').fill('2024-02-06');
    await page.getByLabel('Ajouter un lieu').first().fill('djenne');
    await page.getByRole('option', { name: /Djenné — Cercle/ }).click();
    await page.getByLabel('Ajouter une catégorie').selectOption('community_members');
    await page.getByLabel('Membres des communautés — Femmes — 18–35 ans (jeunes)').fill('12');
    await page.getByLabel('Membres des communautés — Sexe non renseigné — Âge non renseigné').fill('3');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Causerie sur la gestion des conflits fonciers' })
      .waitFor();
    await page.getByText(/Djenné \(Cercle, Mopti\)/).waitFor();
    await page.getByRole('heading', { name: 'Participants — 15' }).waitFor();
    await page.screenshot({ path: join(screenshotDir, 'field-activity.png'), fullPage: true });
  });

  it('imports a spreadsheet: every error by row and column, then all of it once corrected', async () => {
    const dir = join(screenshotDir, 'files');
    mkdirSync(dir, { recursive: true });
    const bad = join(dir, 'activites.csv');
    writeFileSync(
      bad,
      'Référence;Intitulé;Type;Date de début;Agence;Lieux;Catégorie de participants;Femmes 18-35 ans\n' +
        'E2E-1;Atelier des Cofos;atelier;2024-02-10;PNUD;Segou;Autres;8\n' +
        'E2E-2;Causerie;sensibilisation;31/02/2024;ONU Femmes;Atlantis;Autres;x\n',
    );
    await page.goto(url('/programmes/prosmed/import'));
    const activities = page.getByTestId('import-activities');
    await activities.locator('input[type="file"]').setInputFiles(bad);
    await activities.getByRole('button', { name: 'Lire le fichier' }).click();
    const findings = activities.getByTestId('import-findings');
    await findings.waitFor();
    await findings.getByText(/ligne 3 · colonne D \(Date de début\)/).waitFor();
    await findings.getByText(/Lieu inconnu : « Atlantis »/).waitFor();
    await activities.getByTestId('import-blocked').waitFor();
    expect(await activities.getByTestId('import-confirm').count()).toBe(0);
    await page.screenshot({ path: join(screenshotDir, 'field-import-errors.png'), fullPage: true });

    const good = join(dir, 'activites-corrigees.csv');
    writeFileSync(
      good,
      'Référence;Intitulé;Type;Date de début;Agence;Lieux;Catégorie de participants;Femmes 18-35 ans\n' +
        'E2E-1;Atelier des Cofos;atelier;2024-02-10;PNUD;Segou;Autres;8\n' +
        'E2E-2;Causerie;sensibilisation;28/02/2024;ONU Femmes;Djenne;Autres;5\n',
    );
    await activities.locator('input[type="file"]').setInputFiles(good);
    await activities.getByRole('button', { name: 'Lire le fichier' }).click();
    await activities.getByText(/Aucune erreur : le fichier peut être importé\./).waitFor();
    await activities.getByRole('button', { name: 'Importer 2 activités' }).click();
    await activities.getByText(/2 activités importées \(0 déjà présentes\), 13 participants\./).waitFor();
  });

  it('imports indicator values through the same flow, on a telephone, in English', async () => {
    const dir = join(screenshotDir, 'files');
    const values = join(dir, 'valeurs.csv');
    const header = 'Indicateur;Début de période;Fin de période;Valeur;Raisons;Saisi par\n';
    writeFileSync(values, `${header}2.3.1;2023-12-31;2023-01-01;10;;\n`);
    await page.goto(url('/programmes/prosmed/import'));
    await page.locator('header label').filter({ hasText: 'English' }).click();
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      const flow = page.getByTestId('import-values');
      await flow.getByRole('heading', { name: /indicator values/i }).waitFor();
      await flow.locator('input[type="file"]').setInputFiles(values);
      await flow.getByRole('button', { name: 'Read the file' }).click();
      await flow
        .getByTestId('import-findings')
        .getByText(/row 2 · column C \(Fin de période\)/)
        .waitFor();
      await flow.getByTestId('import-blocked').waitFor();
      await flow.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(screenshotDir, 'import-flow-values-390-en.png'), fullPage: true });

      const corrected = join(dir, 'valeurs-corrigees.csv');
      writeFileSync(corrected, `${header}2.3.1;2024-01-01;2024-06-30;24 dont 6 femmes;;CRSS\n`);
      await flow.locator('input[type="file"]').setInputFiles(corrected);
      await flow.getByRole('button', { name: 'Read the file' }).click();
      const confirm = flow.getByTestId('import-confirm');
      await confirm.waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
        await page.screenshot({ path: join(screenshotDir, 'import-flow-values-stuck.png'), fullPage: true });
        throw error;
      });
      await confirm.click();
      await flow
        .getByTestId('import-done')
        .getByText(/1 value/)
        .waitFor();
      await page.screenshot({
        path: join(screenshotDir, 'import-flow-values-done-390-en.png'),
        fullPage: true,
      });
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.locator('header label').filter({ hasText: 'Français' }).click();
    }
  });

  it('writes the quarterly report from the quarter’s activities', async () => {
    await page.goto(url('/programmes/prosmed/quarterly?quarter=2023-Q4'));
    await page.getByRole('heading', { level: 1, name: 'Rapport trimestriel PROSMED — 2023-Q4' }).waitFor();
    await page
      .getByText(
        /^8 infrastructures de paix finalisées dans les cercles de Niono, Bla, Diéma, Mopti et San \(parcs/,
      )
      .waitFor();
    await page
      .getByText(/^25 agents et officiers de Police Judiciaire formés sur la conduite des enquêtes/)
      .waitFor();
    const word = page.getByRole('link', { name: 'Word (.docx)' });
    expect(await word.getAttribute('href')).toMatch(
      /quarterly-report\/document\?quarter=2023-Q4&format=docx/,
    );
    await page.screenshot({ path: join(screenshotDir, 'field-quarterly.png'), fullPage: true });
  });

  it('switches the dashboard to English, figures worded by the server in English too', async () => {
    await page.goto(url('/programmes/prosmed/dashboard'));
    await page.locator('header label').filter({ hasText: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard — PROSMED' }).waitFor();
    await page.getByRole('link', { name: '26 of whom 5 women' }).waitFor();
  });
});
