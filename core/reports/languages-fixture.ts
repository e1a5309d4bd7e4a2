/**
 * A small French PBF report as assembled, for the tests of bilingual content (languages.test.ts,
 * translation-stamps.test.ts): two agencies named both ways, a narrative, an outcome's summary, two Part V rows.
 */
import { reportContent, type ReportModel } from '../contracts/report.js';
import { findTemplate } from './templates/registry.js';

export const template = findTemplate('pbf-progress', '2020')!;

export function aModel(content: Partial<ReportModel['content']> = {}): ReportModel {
  const row = (code: string, progress: string | null, reason: string | null) => ({
    code,
    title: { fr: `Indicateur ${code}` },
    baseline: null,
    endTarget: null,
    milestones: [],
    disaggregations: [],
    progress,
    progressSource: 'written' as const,
    record: null,
    reason,
    included: true,
  });
  return {
    programme: { slug: 'p', code: 'PBF/MLI/Z-1', title: { fr: 'Projet' }, currency: 'USD' },
    template: { id: template.id, version: template.version },
    type: 'annual',
    year: 2020,
    periodStart: '2020-01-01',
    periodEnd: '2020-12-31',
    lastSixMonths: false,
    frameworkVersion: 1,
    header: {
      country: 'Mali',
      gatewayId: null,
      fundCode: null,
      trustFund: { kind: 'none', name: null },
      recipients: [
        {
          code: 'OHCHR',
          acronym: { fr: 'HCDH', en: 'OHCHR' },
          kind: 'un_agency',
          convening: true,
          budget: 1,
        },
        { code: 'UNDP', acronym: { fr: 'PNUD', en: 'UNDP' }, kind: 'un_agency', convening: false, budget: 1 },
      ],
      totalBudget: 2,
      firstTransferDate: null,
      endDate: '2021-12-31',
      durationMonths: 24,
      priorityWindows: [],
      genderBudgetAllocated: null,
      genderMarker: null,
      riskMarker: null,
      focusArea: null,
    },
    content: reportContent.parse({
      fields: {
        overall_status: 'Le projet a démarré.',
        prepared_by: 'HCDH, PNUD',
        approved_by: 'Directeur HCDH',
        evaluation_preparations: 'N/A',
      },
      outcomes: { '1': { rating: null, fields: { progress_summary: 'Des dialogues ont eu lieu.' } } },
      indicators: { '1.1': { progress: '166 dont 42 femmes', reason: 'Retard dû à la saison des pluies' } },
      ...content,
    }),
    outcomes: [
      {
        code: '1',
        statement: { fr: 'Résultat un', en: 'Outcome one' },
        indicators: [row('1.1', '166 dont 42 femmes', 'Retard dû à la saison des pluies')],
        outputs: [{ code: '1.1', statement: { fr: 'Produit' }, indicators: [row('1.1.1', '12', null)] }],
      },
    ],
  };
}
