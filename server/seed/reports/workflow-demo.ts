/**
 * A report in review, so that the multi-agency workflow is visible in the demo: PROSMED's semi-annual report
 * 2023, pre-filled from the data, its narratives written with placeholder texts (marked as demo texts), three
 * of its four agencies' parts ready, submitted by the coordination without UNODC's part, and one comment of
 * the Fund's secretariat on Part II. The names are those of the demo accounts.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import {
  createReport,
  getReport,
  transitionReport,
  updateReport,
} from '../../modules/reports/reports.service.js';
import { addComment, markPart } from '../../modules/reports/report-workflow.service.js';
import { operatorContext } from '../../context.js';

const demo = (text: string) => `${text} (Texte de démonstration.)`;

export async function seedWorkflowDemo(db: Db): Promise<void> {
  const [programme] = await db
    .select({ id: t.programmes.id })
    .from(t.programmes)
    .where(eq(t.programmes.code, 'PROSMED'));
  if (!programme) return;
  const existing = await db
    .select({ id: t.reports.id })
    .from(t.reports)
    .where(
      and(
        eq(t.reports.programmeId, programme.id),
        eq(t.reports.type, 'semi_annual'),
        eq(t.reports.year, 2023),
      ),
    );
  if (existing.length) return;

  const ctx = operatorContext(db);
  let report = await createReport(ctx, 'prosmed', { type: 'semi_annual', year: 2023 });
  report = await updateReport(ctx, report.id, {
    version: report.version,
    changes: [
      { path: 'fields.final_evaluation_budget', value: 150000 },
      {
        path: 'fields.overall_status',
        value: demo(
          'Synthèse du premier semestre 2023 préparée par la coordination à partir des parties des agences ; les activités de terrain et leurs participants sont enregistrés dans Jalon.',
        ),
      },
      ...report.model.outcomes.map((o) => ({
        path: `outcomes.${o.code}.fields.progress_summary`,
        value: demo(`Progrès du résultat ${o.code} au premier semestre 2023, selon les parties des agences.`),
      })),
    ],
  });
  // Part V texts carried from the data over their limit are shortened, as a writer would
  const long = report.checks.filter((c) => c.severity === 'error' && c.path.startsWith('indicators.'));
  if (long.length) {
    report = await updateReport(ctx, report.id, {
      version: report.version,
      changes: long.map((c) => ({ path: c.path, value: demo('Voir la partie II.') })),
    });
  }
  if (report.checks.some((c) => c.severity === 'error')) return; // the data changed: leave it a draft

  const focalPoints: Record<string, string> = {
    UNDP: 'Point focal PNUD',
    UNWOMEN: 'Point focal ONU Femmes',
    MINUSMA: 'Point focal MINUSMA',
  };
  for (const [agency, name] of Object.entries(focalPoints))
    await markPart(ctx, report.id, agency, true, name);
  const ready = await getReport(ctx, report.id);
  const notReady = ready.parts.filter((p) => !p.ready).map((p) => p.agency.code);
  await transitionReport(
    ctx,
    report.id,
    'submit',
    { version: ready.version, withoutParts: notReady },
    'Coordination PROSMED (PNUD)',
  );
  const outcome = report.model.outcomes[0]?.code;
  await addComment(
    ctx,
    report.id,
    {
      section: 'part_2',
      ...(outcome ? { place: `outcomes.${outcome}.fields.progress_summary` } : {}),
      body: 'Merci de donner le nombre de participants par sexe et par tranche d’âge pour ce résultat, et la source des chiffres.',
    },
    'Secrétariat PBF',
  );
}
