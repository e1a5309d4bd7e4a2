/**
 * Reports in two languages in a real browser (docs/decisions/0020), on the demo data as PROSMED's coordinator:
 * the languages bar's switch turned by a click on its words, by the keyboard, and on a 390 px telephone (a tap
 * on the bar's empty row no longer turns it); a narrative of the quarterly report translated beside its
 * original, saved by itself, kept after a reload, one text fewer untranslated, and in the English Word document
 * the page offers; the same in the PBF report editor, which shares the bar.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../server/documents/docx/docx-text.js';
import { e2eSuite, screenshotDir, telephone } from './support/app.js';

let page: Page;
const coordinator = 'coordination.prosmed@jalon.demo';

const e2e = e2eSuite({
  signIn: coordinator,
  setUp: async (started) => {
    page = started.page;
  },
});

const { url } = e2e;
const quarterly = '/programmes/prosmed/quarterly?quarter=2023-Q4';
const words = 'Afficher la traduction en anglais à côté de l’original';

const bar = (on: Page) => on.getByTestId('translation-bar');
const switchOf = (on: Page) => bar(on).getByRole('switch', { name: words });
/** The bar's count of texts not yet translated, once the page shows it. */
async function untranslated(on: Page): Promise<number> {
  await bar(on).waitFor();
  return Number(await bar(on).getAttribute('data-untranslated'));
}
async function checked(control: Locator): Promise<boolean> {
  return control.isChecked();
}
/** The coordinator on a 390 px telephone of their own, at `address`; the telephone is put away after `steps`. */
async function onTelephone(address: string, steps: (small: Page) => Promise<void>): Promise<void> {
  const small = await e2e.newPage({ context: telephone, signIn: coordinator });
  try {
    await small.goto(address);
    await steps(small);
  } finally {
    await small.context().close();
  }
}

describe('the quarterly report’s translations', () => {
  const english =
    'Eight peace infrastructures were completed in the circles of Niono, Bla, Diéma, Mopti and San (e2e).';
  let before = 0;
  let narrative: Locator;

  it('turns the side-by-side view on by a click on the switch’s words, not by a click beside them', async () => {
    await page.goto(url(quarterly));
    await page.getByRole('heading', { level: 1, name: 'Rapport trimestriel PROSMED — 2023-Q4' }).waitFor();
    before = await untranslated(page);
    expect(before).toBeGreaterThan(0);
    expect(await checked(switchOf(page))).toBe(false);

    // the switch is as wide as its track and words: the rest of its row is the bar's, and a click there is none
    const row = (await bar(page).boundingBox())!;
    const track = (await switchOf(page).boundingBox())!;
    await page.mouse.click(row.x + row.width - 24, track.y + track.height / 2);
    expect(await checked(switchOf(page))).toBe(false);

    await bar(page).getByText(words, { exact: true }).click();
    expect(await checked(switchOf(page))).toBe(true);
    narrative = page
      .locator('[data-testid^="translation-outcomes."][data-testid$=".fields.narrative"]')
      .first();
    await narrative.waitFor();
    expect(await narrative.getAttribute('data-untranslated')).toBe('true');
    await page.screenshot({ path: join(screenshotDir, 'quarterly-translation-on.png') });
  });

  it('saves a narrative’s English translation by itself and keeps it after a reload, one text fewer untranslated', async () => {
    const box = narrative.getByRole('textbox', { name: 'Traduction en anglais' });
    await box.click();
    await box.pressSequentially(english, { delay: 2 });
    await narrative.getByText('Enregistré', { exact: true }).waitFor({ timeout: 30_000 });
    await narrative.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'quarterly-translation-saved.png') });

    await page.reload();
    // a page with translations written opens with them shown
    expect(await untranslated(page)).toBe(before - 1);
    expect(await checked(switchOf(page))).toBe(true);
    expect(await narrative.getByRole('textbox', { name: 'Traduction en anglais' }).inputValue()).toBe(
      english,
    );
    expect(await narrative.getAttribute('data-untranslated')).toBeNull();
  });

  it('turns by the keyboard: Space on the focused switch', async () => {
    await switchOf(page).focus();
    await page.keyboard.press('Space');
    expect(await checked(switchOf(page))).toBe(false);
    expect(await narrative.count()).toBe(0);
    await page.keyboard.press('Space');
    expect(await checked(switchOf(page))).toBe(true);
    await narrative.waitFor();
  });

  it('puts the translation in the English Word document the page offers', async () => {
    await page.locator('header label').filter({ hasText: 'English' }).click();
    try {
      await page.getByRole('heading', { level: 1, name: /Quarterly report PROSMED/ }).waitFor();
      const href = await page.getByRole('link', { name: 'Word (.docx)' }).getAttribute('href');
      expect(href).toMatch(/quarterly-report\/document\?quarter=2023-Q4&format=docx&lang=en$/);
      const response = await page.request.get(url(href!));
      expect(response.status()).toBe(200);
      const document = await readDocx(await response.body());
      expect(document.paragraphs.some((p) => p.includes(english))).toBe(true);
    } finally {
      await page.locator('header label').filter({ hasText: 'Français' }).click();
    }
  });

  it('turns on a 390 px telephone by a tap on its words', async () => {
    await onTelephone(url(quarterly), async (small) => {
      expect(await untranslated(small)).toBe(before - 1);
      // shown, as translations are written: off, then on again, by taps on the words
      expect(await checked(switchOf(small))).toBe(true);
      await bar(small).getByText(words, { exact: true }).tap();
      expect(await checked(switchOf(small))).toBe(false);
      await small.screenshot({ path: join(screenshotDir, 'quarterly-translation-390-off.png') });
      await bar(small).getByText(words, { exact: true }).tap();
      expect(await checked(switchOf(small))).toBe(true);
      const box = small
        .locator('[data-testid^="translation-outcomes."][data-testid$=".fields.narrative"]')
        .first()
        .getByRole('textbox', { name: 'Traduction en anglais' });
      expect(await box.inputValue()).toBe(english);
      await small.screenshot({ path: join(screenshotDir, 'quarterly-translation-390.png') });
      // one column: the translation under its original, within the screen
      const width = await small.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
    });
  });
});

describe('the PBF report editor’s translations', () => {
  const english = 'Mobile court hearings resumed in March 2023 in the circles of Mopti and Ségou (e2e).';
  const overall = () => page.locator('[id="report-translations.en.fields.overall_status"]');

  it('turns the side-by-side view on by the switch’s words, saves a translation, keeps it after a reload', async () => {
    await page.goto(url('/programmes/prosmed/reports'));
    await page.getByTestId('new-report').click();
    await page.getByTestId('new-report-year').selectOption('2023');
    await page.getByTestId('new-report-type').selectOption('annual');
    await page.getByRole('button', { name: 'Créer et ouvrir' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Rapport annuel 2023' }).waitFor();
    // a text to translate first: the original of Part I
    const original = page.locator('[id="report-fields.overall_status"]');
    await original.click();
    await original.pressSequentially('Les audiences foraines ont repris en mars 2023.', { delay: 2 });
    await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: 30_000 });
    const before = await untranslated(page);
    expect(before).toBeGreaterThan(0);

    expect(await checked(switchOf(page))).toBe(false);
    await bar(page).getByText(words, { exact: true }).click();
    expect(await checked(switchOf(page))).toBe(true);
    await overall().click();
    await overall().pressSequentially(english, { delay: 2 });
    await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(screenshotDir, 'report-translation-on.png') });

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Rapport annuel 2023' }).waitFor();
    expect(await untranslated(page)).toBe(before - 1);
    // shown again by the keyboard
    await switchOf(page).focus();
    await page.keyboard.press('Space');
    expect(await checked(switchOf(page))).toBe(true);
    expect(await overall().inputValue()).toBe(english);
  });

  it('turns on a 390 px telephone by a tap on its words', async () => {
    const reportUrl = page.url();
    await onTelephone(reportUrl, async (small) => {
      await small.getByRole('heading', { level: 1, name: 'Rapport annuel 2023' }).waitFor();
      await bar(small).getByText(words, { exact: true }).tap();
      expect(await checked(switchOf(small))).toBe(true);
      await small.locator('[id="report-translations.en.fields.overall_status"]').waitFor();
      await bar(small).scrollIntoViewIfNeeded();
      await small.screenshot({ path: join(screenshotDir, 'report-translation-390.png') });
    });
  });
});
