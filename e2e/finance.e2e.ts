/**
 * Money, work plan and committees in a real browser against the real server and its demo data: PROSMED's
 * budget with the document's discrepancies flagged, an expenditure workbook refused with its wrong cells and
 * then imported, delivery read at a date, an activity followed up on the year's Gantt, a recommendation added
 * to the steering committee, and the same pages in English.
 */
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { e2eSuite, screenshotDir } from './support/app.js';

let page: Page;

const e2e = e2eSuite({
  context: { viewport: { width: 1400, height: 950 }, locale: 'fr-FR' },
  signIn: 'admin@jalon.demo',
  setUp: async (started) => {
    page = started.page;
  },
});

const { url } = e2e;
const shot = (name: string) =>
  page.screenshot({ path: join(screenshotDir, `finance-${name}.png`), fullPage: false });

async function workbookFile(name: string, rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dépenses');
  ws.addRow(['Ligne budgétaire', 'Début', 'Fin', 'Montant dépensé', 'Devise', 'Taux (1 USD = …)', 'Note']);
  for (const r of rows) ws.addRow(r);
  const path = join(screenshotDir, name);
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

describe('finance pages', () => {
  it('shows PROSMED’s funding position and reaches the page from the programme', async () => {
    await page.goto(url('/programmes/prosmed'));
    await page.getByRole('link', { name: 'Budget et suivi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Budget, dépenses et suivi' }).waitFor();
    const gap = page.getByTestId('figure-gap');
    await gap.waitFor();
    expect(await gap.innerText()).toMatch(/28\s861\s607\s\$US/);
    expect(await page.getByTestId('report-figures').innerText()).toMatch(/Aucune dépense enregistrée/);
    await shot('overview-empty');
  });

  it('lays out the budget as the work plan does, with the document’s discrepancies flagged', async () => {
    await page.getByTestId('finance-tab-budget').click();
    const discrepancies = page.getByTestId('discrepancies');
    await discrepancies.waitFor();
    const text = await discrepancies.innerText();
    expect(text).toMatch(
      /Grand total des activités \(Total\) : imprimé 25\s458\s863\s\$US, calculé 25\s458\s864\s\$US, écart -1\s\$US/,
    );
    expect(await page.locator('[data-testid^="line-"]').count()).toBe(101);
    expect(await page.getByTestId('budget-total').innerText()).toMatch(/32\s000\s003/);
    await shot('budget');
  });

  it('refuses a wrong expenditure workbook naming its cells, then imports a right one', async () => {
    await page.getByTestId('finance-tab-expenditure').click();
    const wrong = await workbookFile('depenses-fausses.xlsx', [
      ['1.1.1-a', '2021-07-01', '2021-12-31', 'sept mille', null, null, null],
      ['9.9.9', '2021-07-01', '2021-12-31', 100, null, null, null],
    ]);
    const flow = page.getByTestId('import-expenditure');
    await flow.locator('input[type="file"]').setInputFiles(wrong);
    await flow.getByTestId('import-preview').click();
    const findings = flow.getByTestId('import-findings');
    await findings.waitFor();
    expect(await findings.innerText()).toContain("« sept mille » n'est pas un montant");
    expect(await findings.innerText()).toContain('colonne A (Ligne budgétaire)');
    await flow.getByTestId('import-blocked').waitFor();
    await shot('import-refused');

    const right = await workbookFile('depenses.xlsx', [
      ['1.1.1-a', '2021-07-01', '2021-12-31', '7 900', null, null, 'Atelier de validation'],
      ['2.4.2', '2021-07-01', '2021-12-31', 159722, null, null, null],
      ['2.1.2-j', '01/07/2021', '31/12/2021', '600 000 000', 'FCFA', '600', null],
    ]);
    await flow.locator('input[type="file"]').setInputFiles(right);
    await flow.getByTestId('import-preview').click();
    const preview = flow.getByTestId('expenditure-counts');
    await preview.waitFor();
    expect(await preview.innerText()).toMatch(/3 dépenses pour 1\s167\s622\s\$US — 3 nouvelles/);
    await flow.getByTestId('import-confirm').click();
    await flow.getByTestId('import-done').waitFor();
    await page.getByTestId('expense-list').waitFor();
    expect(await page.getByTestId('expense-list').locator('tbody tr').count()).toBe(3);
    await shot('expenditure');
  });

  it('reads delivery at a date, and what the PBF report would be offered', async () => {
    await page.getByTestId('finance-tab-overview').click();
    await page.getByTestId('finance-as-of').fill('2021-12-31');
    await page.getByTestId('report-figures').filter({ hasText: 'Proposé au rapport PBF' }).waitFor();
    expect(await page.getByTestId('figure-spent').innerText()).toMatch(/1\s167\s622\s\$US/);
    const output = page.getByTestId('delivery-output');
    expect(await output.locator('tr', { hasText: 'Les capacités du MRN' }).innerText()).toMatch(
      /181\s500\s\$US\s+7\s900\s\$US\s+4,[34]\s%\s+100\s%/,
    );
    await shot('overview');
  });

  it('shows on the Gantt what the field did against what was planned, on a desktop and a phone', async () => {
    await page.getByTestId('finance-tab-workplan').click();
    await page.getByTestId('gantt').waitFor();
    await page.getByTestId('gantt-year').getByText('2023', { exact: true }).click();
    await page.getByTestId('gantt-legend').getByText('Prévu (couleur du statut)').waitFor();
    await shot('workplan-legend');
    // the community-policing activity (2.3.2) was carried out by 27 activities of the CCS, October–December
    expect(await page.getByTestId('gantt-done-2.3.2').count()).toBe(3);
    expect(await page.getByTestId('gantt-field-2.3.2').innerText()).toMatch(/^27 activités de terrain · /);
    await page.getByTestId('gantt-activity-2.3.2').scrollIntoViewIfNeeded();
    await shot('workplan-field');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('gantt-legend').scrollIntoViewIfNeeded();
    await shot('workplan-legend-390');
    await page.getByTestId('gantt-activity-2.3.2').scrollIntoViewIfNeeded();
    await shot('workplan-field-390');
    await page.setViewportSize({ width: 1400, height: 950 });
  });

  it('follows an activity up on the year’s Gantt', async () => {
    await page.getByTestId('finance-tab-workplan').click();
    await page.getByTestId('gantt').waitFor();
    await page.getByTestId('gantt-year').getByText('2022', { exact: true }).click();
    await page.getByTestId('gantt-activity-2.5.5').click();
    // no field activity carries it out: a person sets its status by hand
    await page.getByLabel('Fixer le statut et l’avancement à la main').check();
    await page.getByTestId('activity-status').selectOption('delayed');
    await page.getByTestId('activity-progress').fill('35');
    await page.getByTestId('save-activity').click();
    await page.getByText('En retard · 1').waitFor();
    await shot('workplan');
  });

  it('adds a recommendation to the third steering committee and follows it up', async () => {
    await page.getByTestId('finance-tab-governance').click();
    await page.getByRole('heading', { name: '3ème Comité de pilotage du PROSMED' }).waitFor();
    await page
      .getByLabel('Décision / recommandation')
      .first()
      .fill('Accélérer le recrutement des volontaires dans les cercles');
    await page.getByLabel('Responsable').first().fill('Chef de projet');
    await page.getByRole('button', { name: 'Ajouter' }).first().click();
    await page.getByText('Accélérer le recrutement des volontaires dans les cercles').waitFor();
    await shot('governance');
  });

  it('says all of it in English', async () => {
    await page.locator('header label').filter({ hasText: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Budget, expenditure and follow-up' }).waitFor();
    await page.getByTestId('finance-tab-overview').click();
    await page.getByText('By recipient agency').waitFor();
    expect(await page.getByTestId('figure-gap').innerText()).toMatch(/\$28,861,607/);
    await shot('overview-en');
  });
});
