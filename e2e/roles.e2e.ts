/**
 * Screens that know your role (issue 15, item 4), in Chromium on the demo data, programme PBF/MLI/A-1: the
 * secretariat, the coordinator, FAO's focal point, a donor and an anonymous visitor each open the same pages,
 * and each page offers only what that person can do — no "Nouveau rapport" for a donor, no calculation-rule
 * editor for a focal point, FAO's activity form defaulting to FAO, no "Rapports" button for an anonymous
 * visitor, the reporting calendar edited by the coordinator and the secretariat and only read by the others.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Framework } from '../core/contracts/programme-api.js';
import type { ReportingCalendar } from '../core/contracts/reporting-calendar.js';
import { e2eSuite, openPage, screenshotDir, tallDesktop } from './support/app.js';

const slug = 'pbf-mli-a-1';
const who = ['secretariat', 'coordinator', 'fao', 'donor', 'anonymous'] as const;
type Who = (typeof who)[number];
const emails: Record<Exclude<Who, 'anonymous'>, string> = {
  secretariat: 'secretariat@jalon.demo',
  coordinator: 'coordination.a1@jalon.demo',
  fao: 'fao.a1@jalon.demo',
  donor: 'bailleur@jalon.demo',
};

const pages = {} as Record<Who, Page>;
let indicatorId = '';

/** Opens a page and waits for its heading and for its requests to be answered (what it offers is known). */
const open = (page: Page, path: string) => openPage(page, url(path));
const visible = (page: Page, selector: string) => page.locator(selector).first().isVisible();

const e2e = e2eSuite({
  context: false,
  setUp: async (started) => {
    for (const person of who)
      pages[person] = await started.newPage({
        context: tallDesktop,
        signIn: person === 'anonymous' ? undefined : emails[person],
      });
    const framework = (await (
      await pages.coordinator.request.get(url(`/api/v1/programmes/${slug}/framework`))
    ).json()) as Framework;
    const outcome = framework.outcomes[0]!;
    indicatorId = (outcome.outputs.flatMap((o) => o.indicators)[0] ?? outcome.indicators[0])!.id;
  },
  timeoutMs: 600_000,
});
const { url } = e2e;

describe('screens that know your role', () => {
  it('offers "Rapports" only to those who read the reports: not to an anonymous visitor', async () => {
    const offered: Record<string, boolean> = {};
    for (const person of who) {
      await open(pages[person], `/programmes/${slug}`);
      offered[person] = await pages[person].getByRole('link', { name: 'Rapports', exact: true }).isVisible();
    }
    expect(offered).toEqual({
      secretariat: true,
      coordinator: true,
      fao: true,
      donor: true,
      anonymous: false,
    });
  });

  it('offers "Nouveau rapport" to the coordinator only; the donor reads submitted reports', async () => {
    const offered: Record<string, boolean> = {};
    for (const person of who.filter((p) => p !== 'anonymous')) {
      await open(pages[person], `/programmes/${slug}/reports`);
      await pages[person].getByTestId('calendar-link').waitFor();
      offered[person] = await visible(pages[person], '[data-testid="new-report"]');
    }
    expect(offered).toEqual({ secretariat: false, coordinator: true, fao: false, donor: false });
    expect(await visible(pages.donor, '[data-testid="drafts-hidden"]')).toBe(true);
    expect(await pages.donor.getByText('Impossible de charger les données').count()).toBe(0);
  });

  it('offers "Nouvelle activité" to those who record, and FAO’s form defaults to FAO', async () => {
    const offered: Record<string, boolean> = {};
    for (const person of who) {
      await open(pages[person], `/programmes/${slug}/activities`);
      offered[person] = await pages[person].getByRole('link', { name: 'Nouvelle activité' }).isVisible();
    }
    expect(offered).toEqual({
      secretariat: false,
      coordinator: true,
      fao: true,
      donor: false,
      anonymous: false,
    });
    await open(pages.fao, `/programmes/${slug}/activities/new`);
    const agency = pages.fao.getByLabel('Agence organisatrice');
    await agency.waitFor();
    expect(await agency.inputValue()).toBe('FAO');
    // the focal point records for FAO only: no other agency to choose
    expect(await agency.locator('option').allTextContents()).toHaveLength(1);
  });

  it('shows the calculation-rule editor and the value form to those the server lets use them', async () => {
    const shown: Record<string, { rule: boolean; value: boolean }> = {};
    for (const person of who) {
      await open(pages[person], `/indicators/${indicatorId}`);
      shown[person] = {
        rule: await visible(pages[person], 'section[aria-labelledby="rule-title"]'),
        value: await pages[person].getByRole('button', { name: 'Enregistrer la valeur' }).isVisible(),
      };
    }
    expect(shown).toEqual({
      secretariat: { rule: false, value: false },
      coordinator: { rule: true, value: true },
      fao: { rule: false, value: true },
      donor: { rule: false, value: false },
      anonymous: { rule: false, value: false },
    });
  });

  it('lets the coordinator and the secretariat change the reporting calendar; the others read it', async () => {
    const editable: Record<string, boolean> = {};
    for (const person of who.filter((p) => p !== 'anonymous')) {
      await open(pages[person], `/programmes/${slug}/calendar`);
      editable[person] = await pages[person]
        .getByRole('button', { name: 'Ajouter une échéance' })
        .isVisible();
    }
    expect(editable).toEqual({ secretariat: true, coordinator: true, fao: false, donor: false });
    expect(await pages.donor.getByText('Seuls le coordinateur du programme').isVisible()).toBe(true);

    // the coordinator adds the donor's own date, with its reminders, and saves
    const page = pages.coordinator;
    await open(page, `/programmes/${slug}/calendar`);
    const rows = await page.locator('[data-testid^="deadline-"]').count();
    await page.getByRole('button', { name: 'Ajouter une échéance' }).click();
    const n = rows + 1;
    await page.getByLabel(`Destinataire ${n}`).selectOption('donor');
    await page.getByLabel(`Bailleur (code) ${n}`).fill('SIDA');
    await page.getByLabel(`Date limite ${n}`).fill('2031-03-31');
    await page.getByLabel(`Année ${n}`).fill('2030');
    await page.getByLabel(`Rapport ${n}`).selectOption('annual');
    await page.getByLabel(`Rappels (jours) ${n}`).fill('abc');
    expect(await page.getByText('Écrivez des nombres de jours').isVisible()).toBe(true);
    await page.getByLabel(`Rappels (jours) ${n}`).fill('-10, 2');
    await page.getByRole('button', { name: 'Enregistrer le calendrier' }).click();
    await page.getByTestId('calendar-saved').waitFor();
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: join(screenshotDir, 'calendar-coordinator.png'), fullPage: true });
    const read = async () =>
      (await (
        await page.request.get(url(`/api/v1/programmes/${slug}/calendar`))
      ).json()) as ReportingCalendar;
    let calendar = await read();
    expect(calendar.source).toBe('stored');
    expect(calendar.deadlines).toContainEqual(
      expect.objectContaining({
        type: 'annual',
        year: 2030,
        dueDate: '2031-03-31',
        recipient: 'donor',
        donor: 'SIDA',
        reminderDays: [-10, 2],
      }),
    );

    // the secretariat removes it again; the page at 390 px
    const secretariat = pages.secretariat;
    await secretariat.setViewportSize({ width: 390, height: 900 });
    await open(secretariat, `/programmes/${slug}/calendar`);
    await secretariat.getByRole('button', { name: `Retirer l’échéance ${n}` }).click();
    await secretariat.getByRole('button', { name: 'Enregistrer le calendrier' }).click();
    await secretariat.getByTestId('calendar-saved').waitFor();
    await secretariat.screenshot({
      path: join(screenshotDir, 'calendar-secretariat-390.png'),
      fullPage: true,
    });
    calendar = await read();
    expect(calendar.deadlines.some((d) => d.donor === 'SIDA')).toBe(false);
  });
});
