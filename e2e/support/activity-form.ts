/** Fills the new-activity form as a field team does: one place (Markala) and two groups of community members. */
import type { Page } from 'playwright-core';

export async function fillActivityForm(
  page: Page,
  activity: { title: string; women: number; men: number },
): Promise<void> {
  await page.getByLabel('Intitulé (français)').fill(activity.title);
  await page.getByLabel('Date de début').fill('2025-03-12');
  await page.getByRole('combobox', { name: 'Ajouter un lieu' }).fill('Markala');
  await page
    .getByRole('option', { name: /Markala/ })
    .first()
    .click();
  await page.getByText('Markala', { exact: true }).waitFor();
  await page.getByLabel('Ajouter une catégorie').selectOption('community_members');
  await page.getByLabel('Membres des communautés — Femmes — 18–35 ans (jeunes)').fill(String(activity.women));
  await page.getByLabel('Membres des communautés — Hommes — 36 ans et plus').fill(String(activity.men));
}
