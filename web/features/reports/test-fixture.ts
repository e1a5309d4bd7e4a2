/**
 * A small report for the component tests, shaped like A-1's 2020 report: one outcome with an indicator and
 * an output with another, the Part I narrative of the seed's length (1 959 characters for a limit of 1 500).
 */
import type { ReportDetail, ReportIndicatorRow } from '../../../core/contracts/report.js';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const row = (
  code: string,
  fr: string,
  progress: string | null,
  reason: string | null,
): ReportIndicatorRow => ({
  code,
  title: { fr, en: `EN ${fr}` },
  baseline: { text: '0', spec: { kind: 'number', value: 0 } },
  endTarget: { text: '25%', spec: { kind: 'percent', value: 25 } },
  milestones: [{ date: '2021-06', value: { text: '10%', spec: { kind: 'percent', value: 10 } } }],
  disaggregations: ['sex'],
  progress,
  progressSource: progress === null ? 'none' : 'written',
  record: null,
  reason,
  included: true,
});

export const longText = 'Les préparations ont débuté en février 2020. '.repeat(44).slice(0, 1959);

export function reportFixture(overrides: Partial<ReportDetail> = {}): ReportDetail {
  const indicators = {
    '1.1': { progress: '12%', reason: null, included: true },
    '1.1.1': { progress: null, reason: null, included: true },
  };
  const detail: ReportDetail = {
    id: uuid(1),
    programme: { slug: 'pbf-mli-a-1', code: 'PBF/MLI/A-1' },
    type: 'annual',
    year: 2020,
    template: { id: 'pbf-progress', version: '2020' },
    status: 'draft',
    periodStart: '2020-01-01',
    periodEnd: '2020-11-30',
    version: 3,
    updatedAt: '2020-12-01T10:00:00.000Z',
    frozen: false,
    history: [
      {
        version: 3,
        status: 'draft',
        event: 'edited',
        reason: null,
        at: '2020-12-01T10:00:00.000Z',
        by: 'Awa',
        agency: null,
      },
      {
        version: 2,
        status: 'draft',
        event: 'edited',
        reason: null,
        at: '2020-11-30T10:00:00.000Z',
        by: 'Awa',
        agency: null,
      },
      {
        version: 1,
        status: 'draft',
        event: 'created',
        reason: null,
        at: '2020-11-29T10:00:00.000Z',
        by: 'Awa',
        agency: null,
      },
    ],
    parts: [
      {
        agency: {
          code: 'WFP',
          acronym: { fr: 'PAM', en: 'WFP' },
          name: { fr: 'Programme alimentaire mondial' },
        },
        ready: true,
        by: 'Point focal PAM',
        at: '2020-11-30T09:00:00.000Z',
      },
      {
        agency: {
          code: 'FAO',
          acronym: { fr: 'FAO' },
          name: { fr: 'Organisation pour l’alimentation et l’agriculture' },
        },
        ready: false,
        by: null,
        at: null,
      },
    ],
    comments: [],
    locks: [],
    attributions: [],
    completion: [],
    can: {
      editAll: true,
      editUnits: [],
      attribute: true,
      readDrafting: true,
      edit: true,
      submit: true,
      review: false,
      comment: true,
      markParts: ['WFP', 'FAO'],
    },
    checks: [],
    model: {
      programme: {
        slug: 'pbf-mli-a-1',
        code: 'PBF/MLI/A-1',
        title: { fr: 'Réconciliation communautaire au Centre du Mali', en: 'Community reconciliation' },
        currency: 'USD',
      },
      template: { id: 'pbf-progress', version: '2020' },
      type: 'annual',
      year: 2020,
      periodStart: '2020-01-01',
      periodEnd: '2020-11-30',
      lastSixMonths: false,
      frameworkVersion: 1,
      header: {
        country: 'ML',
        gatewayId: '00119645',
        fundCode: 'PBF/MLI/A-1',
        trustFund: { kind: 'none', name: null },
        recipients: [
          {
            code: 'WFP',
            acronym: { fr: 'PAM', en: 'WFP' },
            kind: 'un_agency',
            convening: true,
            budget: 1_200_000,
          },
          {
            code: 'FAO',
            acronym: { fr: 'FAO', en: 'FAO' },
            kind: 'un_agency',
            convening: false,
            budget: 900_000,
          },
        ],
        totalBudget: 2_100_000,
        firstTransferDate: '2020-01-15',
        endDate: '2022-07-15',
        durationMonths: 30,
        priorityWindows: [],
        genderBudgetAllocated: 700_000,
        genderMarker: { code: 'GM2', text: 'GM2' },
        riskMarker: { level: 'medium', text: 'Moyen' },
        focusArea: {
          code: '2.3',
          label: { fr: 'Prévention/gestion des conflits', en: 'Conflict prevention' },
        },
      },
      content: {
        language: 'fr',
        wanted: [],
        translations: {},
        fields: { overall_status: longText, final_evaluation_budget: 105_000 },
        outcomes: { '1': { rating: 'on_track', fields: { progress_summary: 'Des dialogues ont eu lieu.' } } },
        indicators,
      },
      outcomes: [
        {
          code: '1',
          statement: {
            fr: 'Les dialogues intercommunautaires sont mis en place',
            en: 'Dialogues are set up',
          },
          indicators: [row('1.1', 'Pourcentage de réduction des incidents', '12%', null)],
          outputs: [
            {
              code: '1.1',
              statement: { fr: 'Des plans de développement sont élaborés', en: 'Plans are drawn up' },
              indicators: [row('1.1.1', 'Nombre de plans élaborés', null, null)],
            },
          ],
        },
      ],
    },
  };
  return { ...detail, ...overrides };
}
