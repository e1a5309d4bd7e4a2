/**
 * The multi-agency workflow in real browsers, one per person, with the demo accounts: FAO's focal point marks
 * FAO's part of A-1's annual report 2021 ready; the coordinator submits, confirming the parts not ready; the
 * secretariat comments on Part I and sends the report back; the coordinator fixes the text, resolves the
 * comment and submits again; the secretariat accepts — the report is locked, with who accepted it and when.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ReportDetail } from '../core/contracts/report.js';
import { e2eSuite, screenshotDir, tallDesktop } from './support/app.js';

const pages = {} as Record<'coordinator' | 'fao' | 'secretariat', Page>;
const emails = {
  coordinator: 'coordination.a1@jalon.demo',
  fao: 'fao.a1@jalon.demo',
  secretariat: 'secretariat@jalon.demo',
} as const;
let reportId = '';

const e2e = e2eSuite({
  context: false,
  setUp: async (started) => {
    for (const who of Object.keys(emails) as (keyof typeof emails)[])
      pages[who] = await started.newPage({ context: tallDesktop, signIn: emails[who] });
  },
  timeoutMs: 420_000,
});

const { url } = e2e;

/** A write through a person's browser session (its cookie; same-origin, as the app's own writes). */
async function api<T>(page: Page, method: 'POST' | 'PATCH', path: string, data: unknown): Promise<T> {
  const response = await page.request.fetch(url(path), {
    method,
    data,
    headers: { origin: e2e.server.url },
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

async function open(page: Page) {
  await page.goto(url(`/reports/${reportId}`));
  await page.getByRole('heading', { level: 1, name: 'Rapport annuel 2021' }).waitFor();
}

describe('A-1, annual report 2021: agencies, coordinator, secretariat', () => {
  it('is written by the coordinator far enough to pass its checks', async () => {
    const coordinator = pages.coordinator;
    let report = await api<ReportDetail>(coordinator, 'POST', '/api/v1/programmes/pbf-mli-a-1/reports', {
      type: 'annual',
      year: 2021,
    });
    reportId = report.id;
    report = await api<ReportDetail>(coordinator, 'PATCH', `/api/v1/reports/${reportId}`, {
      version: report.version,
      changes: [
        { path: 'fields.final_evaluation_budget', value: 30000 },
        {
          path: 'fields.overall_status',
          value: 'Mise en œuvre en cours dans les régions de Mopti et Ségou.',
        },
        ...report.model.outcomes.map((o) => ({
          path: `outcomes.${o.code}.fields.progress_summary`,
          value: `Progrès du résultat ${o.code} en 2021.`,
        })),
      ],
    });
    const long = report.checks.filter((c) => c.severity === 'error');
    if (long.length)
      report = await api<ReportDetail>(coordinator, 'PATCH', `/api/v1/reports/${reportId}`, {
        version: report.version,
        changes: long.map((c) => ({ path: c.path, value: 'Voir la partie II.' })),
      });
    expect(report.checks.filter((c) => c.severity === 'error')).toEqual([]);
    expect(report.parts.map((p) => p.agency.code)).toEqual(['WFP', 'FAO', 'IOM']);
  });

  it("lets FAO's focal point mark FAO's part ready, and only FAO's", async () => {
    const fao = pages.fao;
    await open(fao);
    const part = fao.getByTestId('part-FAO');
    expect(await part.getAttribute('data-ready')).toBe('false');
    expect(await fao.getByTestId('agency-parts').getByRole('button').count()).toBe(1);
    await fao.getByRole('button', { name: 'Marquer prête — FAO' }).click();
    await fao.locator('[data-testid="part-FAO"][data-ready="true"]').waitFor();
    expect(await part.textContent()).toContain('Point focal FAO (PBF/MLI/A-1)');
    // a focal point does not submit
    expect(await fao.getByRole('button', { name: 'Soumettre' }).count()).toBe(0);
    await fao.getByTestId('agency-parts').screenshot({ path: join(screenshotDir, 'workflow-parts.png') });
  });

  it('lets the coordinator submit, naming the parts not ready', async () => {
    const coordinator = pages.coordinator;
    await open(coordinator);
    await coordinator.getByRole('button', { name: 'Soumettre' }).click();
    const dialog = coordinator.getByRole('dialog');
    const list = await dialog.getByTestId('parts-not-ready').textContent();
    expect(list).toContain('PAM');
    expect(list).toContain('OIM');
    expect(list).not.toContain('FAO');
    await dialog.getByLabel('Je confirme soumettre le rapport sans leurs parties.').check();
    await dialog.getByRole('button', { name: 'Soumettre sans elles' }).click();
    await coordinator.getByTestId('lock-in_review').waitFor();
    expect(await coordinator.getByTestId('lock-in_review').textContent()).toContain(
      'Soumis par Coordination PBF/MLI/A-1 (PAM) le',
    );
  });

  it('lets the secretariat comment on Part I and send the report back', async () => {
    const secretariat = pages.secretariat;
    await open(secretariat);
    const part1 = secretariat.getByTestId('comments-part_1');
    await part1.getByRole('button', { name: /Commenter cette section/ }).click();
    await part1.getByLabel('Endroit').selectOption('fields.overall_status');
    await part1
      .getByLabel('Commentaire')
      .fill('Précisez les retards dans la région de Mopti et leurs causes.');
    await part1.getByRole('button', { name: 'Publier' }).click();
    await part1.getByTestId('comment').waitFor();
    // attached to its place: the comment names it
    expect(await part1.getByTestId('comment').textContent()).toContain('Partie 1');
    expect(await secretariat.getByTestId('comments-panel').textContent()).toContain('1 ouvert');

    await secretariat
      .locator('#section-part_1')
      .screenshot({ path: join(screenshotDir, 'workflow-comment.png') });
    await secretariat.getByRole('button', { name: 'Renvoyer avec commentaires' }).click();
    const dialog = secretariat.getByRole('dialog');
    expect(await dialog.textContent()).toContain('1 commentaire ouvert accompagne le renvoi.');
    await dialog.getByRole('button', { name: 'Renvoyer avec commentaires' }).click();
    await secretariat.getByTestId('agency-parts').waitFor();
    await secretariat.getByTestId('lock-in_review').waitFor({ state: 'detached' });
    expect(await secretariat.getByTestId('history').textContent()).toContain('Renvoyé');
  });

  it('lets the coordinator fix the text, resolve the comment and submit again', async () => {
    const coordinator = pages.coordinator;
    await open(coordinator);
    const comment = coordinator.getByTestId('comments-part_1').getByTestId('comment');
    expect(await comment.textContent()).toContain('Précisez les retards');
    const text = coordinator.locator('[id="report-fields.overall_status"]');
    await text.fill(
      'Mise en œuvre en cours. À Mopti, les activités ont pris trois mois de retard : la route vers Bandiagara a été coupée pendant la saison des pluies.',
    );
    await text.blur();
    await coordinator
      .locator('[data-testid="save-status"][data-status="saved"]')
      .waitFor({ timeout: 15_000 });
    await comment.getByRole('button', { name: 'Marquer résolu' }).click();
    await coordinator
      .locator('[data-testid="comments-part_1"] [data-testid="comment"][data-resolved="true"]')
      .waitFor();
    await coordinator.getByRole('button', { name: 'Soumettre' }).click();
    const dialog = coordinator.getByRole('dialog');
    await dialog.getByLabel('Je confirme soumettre le rapport sans leurs parties.').check();
    await dialog.getByRole('button', { name: 'Soumettre sans elles' }).click();
    await coordinator.getByTestId('lock-in_review').waitFor();
  });

  it('lets the secretariat accept: the report is locked, with who accepted it and when', async () => {
    const secretariat = pages.secretariat;
    await open(secretariat);
    await secretariat.getByRole('button', { name: 'Accepter' }).click();
    await secretariat.getByRole('dialog').getByRole('button', { name: 'Accepter' }).click();
    const lock = secretariat.getByTestId('approved-banner');
    await lock.waitFor();
    await secretariat.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await lock.textContent()).toMatch(/Accepté par Secrétariat PBF le \d+ \S+ \d{4}/);
    expect(
      await secretariat.locator('[id="report-fields.overall_status"]').getAttribute('readonly'),
    ).not.toBeNull();
    const history = await secretariat.getByTestId('history').textContent();
    for (const event of ['Accepté', 'Soumis', 'Renvoyé', 'Partie prête — FAO', 'par Secrétariat PBF'])
      expect(history).toContain(event);
    await secretariat.screenshot({ path: join(screenshotDir, 'workflow-accepted.png') });

    // the coordinator's write is refused with the lock's reason
    const refused = await pages.coordinator.request.fetch(url(`/api/v1/reports/${reportId}`), {
      method: 'PATCH',
      headers: { origin: e2e.server.url },
      data: { version: 99, changes: [{ path: 'fields.monitoring', value: 'x' }] },
    });
    expect(refused.status()).toBe(423);
    expect((await refused.json()).error.message).toContain('Accepté par Secrétariat PBF le');
  });

  it('lets the secretariat close the year 2021: the report shows the closed period and its reason', async () => {
    const secretariat = pages.secretariat;
    await secretariat.goto(url('/programmes/pbf-mli-a-1/reports'));
    const panel = secretariat.getByTestId('closed-periods');
    await panel.getByRole('button', { name: 'Clore une période' }).click();
    const dialog = secretariat.getByRole('dialog');
    await dialog.getByLabel('Début').fill('2021-01-01');
    await dialog.getByLabel('Fin').fill('2021-12-31');
    await dialog.getByLabel('Motif').fill('Exercice 2021 clos après l’audit des agences');
    await dialog.getByRole('button', { name: 'Clore la période' }).click();
    await panel.getByTestId('closed-period').waitFor();
    expect(await panel.textContent()).toContain('Exercice 2021 clos après l’audit des agences');
    await secretariat.getByRole('dialog').waitFor({ state: 'detached' });
    await secretariat.screenshot({ path: join(screenshotDir, 'workflow-closed-periods.png') });

    // FAO's focal point now sees the lock of the period on the report
    await open(pages.fao);
    const lock = pages.fao.getByTestId('lock-closed_period');
    await lock.waitFor();
    expect(await lock.textContent()).toContain('Exercice 2021 clos après l’audit des agences');
  });
});
