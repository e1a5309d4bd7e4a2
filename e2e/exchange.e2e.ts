/**
 * Exchange in a real browser against the real server and its demo data: PROSMED's IATI file and framework
 * workbook downloaded from its page (the XML validated against the IATI schema); a real IATI file previewed
 * (what it creates, what it cannot take) then imported; the workbook brought back as a new framework version;
 * a malformed file refused with its reason — in French and in English.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { validateIatiActivities } from '../server/documents/iati/iati-schema.js';
import { desktop, e2eSuite, root, screenshotDir } from './support/app.js';

let page: Page;
let workbook = '';

const fixture = (name: string) => join(root, 'server/documents/iati/test-fixtures', name);

const e2e = e2eSuite({
  context: { ...desktop, acceptDownloads: true },
  // imports create programmes: an administrator's work
  signIn: 'admin@jalon.demo',
  setUp: async (started) => {
    page = started.page;
  },
});

const { url } = e2e;

async function chooseFile(path: string) {
  await page.locator('input[type="file"]').setInputFiles(path);
  await page.getByTestId('import-preview').click();
}

describe('exports from the programme page', () => {
  it('downloads PROSMED as IATI XML that validates, and its framework as an Excel workbook', async () => {
    await page.goto(url('/programmes/prosmed'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    const iati = page.getByTestId('export-iati');
    await iati.waitFor();
    expect(await iati.getAttribute('href')).toBe('/api/v1/programmes/prosmed/export/iati?lang=fr');
    const [xml] = await Promise.all([page.waitForEvent('download'), iati.click()]);
    expect(xml.suggestedFilename()).toBe('prosmed-iati.xml');
    const xmlPath = join(screenshotDir, 'prosmed-iati.xml');
    await xml.saveAs(xmlPath);
    expect((await validateIatiActivities(readFileSync(xmlPath, 'utf8'))).valid).toBe(true);

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-xlsx').click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('prosmed-cadre-v2.xlsx');
    workbook = join(screenshotDir, 'prosmed-cadre-v2.xlsx');
    await xlsx.saveAs(workbook);
    expect(readFileSync(workbook).subarray(0, 2).toString()).toBe('PK');
    await page.screenshot({
      path: join(screenshotDir, 'exchange-programme-exports.png'),
      clip: { x: 0, y: 0, width: 1280, height: 360 },
    });
  });
});

describe('the import page', () => {
  it('previews a real IATI file, with what it cannot take, then imports it', async () => {
    await page.getByRole('link', { name: 'Importer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importer un fichier' }).waitFor();
    await chooseFile(fixture('nl-ngo-peacebuilding-disaggregated.xml'));
    const table = page.getByTestId('import-programmes');
    await table.waitFor();
    expect(await table.textContent()).toContain('NL-KVK-41160054-200733');
    const findings = page.getByTestId('import-findings');
    expect(await findings.locator('[data-severity="warning"]').allTextContents()).toContainEqual(
      expect.stringContaining('Contacts non gardés.'),
    );
    expect(await page.getByText('Prêt à importer').isVisible()).toBe(true);
    await page.screenshot({ path: join(screenshotDir, 'exchange-import-preview.png'), fullPage: true });

    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor();
    await page.getByRole('link', { name: 'Ouvrir NL-KVK-41160054-200733' }).click();
    await page.waitForURL(/\/programmes\/nl-kvk-41160054-200733$/);
    await page.getByRole('heading', { level: 1, name: /Selam Ahun!/ }).waitFor();
  });

  it('refuses the same file again, and says why before anything is written', async () => {
    await page.goto(url('/import'));
    await chooseFile(fixture('nl-ngo-peacebuilding-disaggregated.xml'));
    await page.getByTestId('import-blocked').waitFor();
    expect(
      await page.getByTestId('import-findings').locator('[data-severity="error"]').first().textContent(),
    ).toMatch(/existe déjà/);
    expect(await page.getByTestId('import-confirm').count()).toBe(0);
  });

  it('brings the Excel framework back as a new version of PROSMED', async () => {
    expect(workbook).not.toBe('');
    await page.goto(url('/import'));
    await page.getByTestId('import-target').getByText('Nouvelle version du cadre d’un programme').click();
    await page.getByTestId('import-programme').click();
    await page.getByRole('option', { name: /^PROSMED/ }).click();
    await page.getByLabel('Libellé de la version').fill('Revue à mi-parcours');
    await chooseFile(workbook);
    const table = page.getByTestId('import-programmes');
    await table.waitFor();
    expect(await table.textContent()).toContain('Nouvelle version v3');
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor();
    await page.getByRole('link', { name: 'Ouvrir PROSMED' }).click();
    await page.waitForURL(/\/programmes\/prosmed\?version=3$/);
    const selector = page.getByTestId('framework-version');
    await selector.waitFor();
    expect(await selector.inputValue()).toBe('3');
  });

  it('in English, refuses a malformed file with its line', async () => {
    await page.goto(url('/import'));
    await page.locator('header label').filter({ hasText: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import a file' }).waitFor();
    await chooseFile(fixture('hostile/malformed.xml'));
    const refused = page.getByTestId('import-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(
      /File refused.*This file is not well-formed XML \(line 5, column \d+\)/,
    );
    await page.screenshot({ path: join(screenshotDir, 'exchange-import-refused-en.png'), fullPage: true });
  });
});
