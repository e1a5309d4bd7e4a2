/**
 * A results framework with a bit of every kind of indicator the documents write, for the tests that carry a
 * framework whole through a file (Excel, IATI) and compare it with what went in: percentages with a dated
 * baseline and relative targets, years without a target, a count with milestones that adds up over the years,
 * a document to adopt, a baseline still to be defined, a decrease as the goal, alignments, both languages.
 * `aFrameworkDocument` (factories.ts) stays the plain one for the tests that only need a framework.
 */
import type { FrameworkVersionInput, IndicatorInput } from '../../core/contracts/programme-document.js';
import type { Database } from '../db/client.js';
import { aProgramme, type MadeProgramme, type ProgrammeOptions } from './factories.js';
import { moreOrganisations } from './report-factories.js';

const national = (text: string) => ({ text, date: '2020-11', source: 'Donnée nationale' });

/** What `aDetailedFrameworkDocument` holds: 2 outcomes of 2 outputs each, 11 indicators (3 of outcomes, 8 of outputs). */
export const detailedFrameworkCounts = { outcomes: 2, outputs: 4, indicators: 11 };

function outcomeOneIndicators(): IndicatorInput[] {
  return [
    {
      code: '1.1',
      title: {
        fr: '% des personnes qui font confiance aux autorités locales pour promouvoir la cohésion sociale',
        en: '% of people who trust local authorities to promote social cohesion',
      },
      measure: 'percent',
      direction: 'increase',
      baseline: national('78,97% (Donnée nationale 11/2020)'),
      targets: { '2021': null, '2022': '+5% dans les zones ciblées', '2023': '+10% dans les zones ciblées' },
      endTarget: '+10% dans les zones ciblées',
      sources: ['Étude de perception 2020/2022'],
      alignments: [{ framework: 'SDG', code: '16.7', title: 'Prise de décision inclusive et participative' }],
    },
    {
      code: '1.2',
      title: {
        fr: '% de populations qui connaissent les mécanismes locaux de gestion des conflits',
        en: '% of people who know the local conflict management mechanisms',
      },
      measure: 'percent',
      direction: 'increase',
      baseline: national('37,37% (Donnée nationale 11/2020)'),
      endTarget: '60%',
      sources: ['Étude de perception 2020/2022'],
    },
  ];
}

function outputIndicators(output: string): IndicatorInput[] {
  if (output === '1.1')
    return [
      {
        code: '1.1.1',
        title: {
          fr: 'Nombre de communes dont les mécanismes de prévention des conflits sont renforcés',
          en: 'Number of communes whose conflict prevention mechanisms are strengthened',
        },
        measure: 'number',
        unit: 'communes',
        cumulative: true,
        disaggregations: ['place'],
        baseline: '0',
        targets: { '2021': '10', '2022': '20', '2023': '30' },
        endTarget: '30',
        milestones: [{ date: '2022-06', value: '15' }],
        sources: ['Rapports projet'],
      },
      {
        code: '1.1.2',
        title: {
          fr: 'Stratégie locale de cohésion sociale et plans d’action annuels adoptés',
          en: 'Local social cohesion strategy and annual action plans adopted',
        },
        measure: 'document',
        baseline: '0',
        targets: { '2021': 'Stratégie et plan d’action 2021', '2022': 'Plan d’action 2022' },
        endTarget: 'Plan d’action 2023',
        sources: ['Rapports des mairies', 'Rapports projet'],
      },
    ];
  if (output === '1.2')
    return [
      {
        code: '1.2.1',
        title: {
          fr: 'Nombre de personnes formées à la médiation, désagrégé par sexe et par âge',
          en: 'Number of people trained in mediation, by sex and age',
        },
        measure: 'number',
        unit: 'personnes',
        disaggregations: ['sex', 'age'],
        baseline: '0',
        endTarget: '300',
        sources: ['Listes de présence'],
      },
      {
        code: '1.2.2',
        title: {
          fr: 'Nombre de personnes déplacées ayant accès aux mécanismes de médiation',
          en: 'Number of displaced people with access to mediation mechanisms',
        },
        measure: 'number',
        unit: 'personnes',
        baseline: { text: 'Tbd (DTM)', spec: { kind: 'tbd', note: 'DTM' } },
        endTarget: '1000',
        sources: ['DTM'],
      },
    ];
  if (output === '2.1')
    return [
      {
        code: '2.1.1',
        title: {
          fr: 'Nombre d’infrastructures de sécurité construites ou réhabilitées',
          en: 'Number of security infrastructures built or rehabilitated',
        },
        measure: 'number',
        unit: 'infrastructures',
        baseline: '2 (2019)',
        targets: { '2021': '4', '2022': '6' },
        endTarget: '10',
        sources: ['Rapports du ministère de la Sécurité'],
      },
      {
        code: '2.1.2',
        title: {
          fr: 'Nombre d’agents de police judiciaire formés aux techniques d’enquête',
          en: 'Number of judicial police officers trained in investigation techniques',
        },
        measure: 'number',
        unit: 'agents',
        baseline: '0',
        endTarget: '120',
        sources: ['Listes de présence'],
      },
    ];
  return [
    {
      code: `${output}.1`,
      title: {
        fr: 'Nombre de sessions foraines des juridictions tenues dans les cercles ciblés',
        en: 'Number of mobile court sessions held in the targeted cercles',
      },
      measure: 'number',
      unit: 'sessions',
      baseline: '0',
      targets: { '2021': '4', '2022': '8', '2023': '8' },
      endTarget: '20',
      sources: ['Rapports des juridictions'],
    },
    {
      code: `${output}.2`,
      title: {
        fr: 'Nombre de comités consultatifs de sécurité fonctionnels',
        en: 'Number of functional security advisory committees',
      },
      measure: 'number',
      unit: 'comités',
      baseline: '3',
      endTarget: '12',
      sources: ['Rapports projet'],
    },
  ];
}

/**
 * The framework version of a project document with every kind of indicator (see the file's head): version 1
 * adopted on 1 June 2021 by default.
 */
export function aDetailedFrameworkDocument(
  options: { version?: number; effectiveDate?: string } = {},
): FrameworkVersionInput {
  return {
    version: options.version ?? 1,
    label: { fr: 'Document de programme', en: 'Programme document' },
    effectiveDate: options.effectiveDate ?? '2021-06-01',
    reason: {
      fr: 'Cadre de résultats du document approuvé',
      en: 'Results framework of the approved document',
    },
    alignments: [
      {
        framework: 'UNSDCF',
        code: 'Effet 1.1',
        title: 'Les institutions nationales et locales assurent une gouvernance inclusive',
        note: 'Baseline : 0 - Cible : 50%',
      },
    ],
    outcomes: [
      {
        code: '1',
        statement: {
          fr: 'Les populations bénéficient de mécanismes de prévention et de gestion des conflits efficaces et inclusifs',
          en: 'People benefit from effective and inclusive conflict prevention and management mechanisms',
        },
        indicators: outcomeOneIndicators(),
        outputs: [
          {
            code: '1.1',
            statement: {
              fr: 'Les capacités des mairies à piloter la stratégie locale de cohésion sociale sont renforcées',
              en: 'The capacities of the town halls to steer the local social cohesion strategy are strengthened',
            },
            indicators: outputIndicators('1.1'),
            activities: [
              {
                code: '1.1.1',
                title: {
                  fr: 'Appuyer l’élaboration des plans d’action annuels',
                  en: 'Support the annual action plans',
                },
              },
            ],
          },
          {
            code: '1.2',
            statement: {
              fr: 'Les mécanismes locaux de médiation sont plus accessibles aux femmes, aux jeunes et aux déplacés',
              en: 'Local mediation mechanisms are more accessible to women, young people and displaced people',
            },
            indicators: outputIndicators('1.2'),
            activities: [
              {
                code: '1.2.1',
                title: { fr: 'Former les médiateurs communautaires', en: 'Train community mediators' },
              },
            ],
          },
        ],
      },
      {
        code: '2',
        statement: {
          fr: 'Les services de sécurité et de justice sont présents et rétablissent la confiance des populations',
          en: 'Security and justice services are present and restore people’s trust',
        },
        indicators: [
          {
            code: '2.1',
            title: {
              fr: '% des détenus en détention provisoire dans les établissements pénitentiaires ciblés',
              en: '% of detainees in pre-trial detention in the targeted prisons',
            },
            measure: 'percent',
            direction: 'decrease',
            baseline: national('62% (Donnée nationale 11/2020)'),
            endTarget: '40%',
            sources: ['Rapports de la Direction nationale de l’administration pénitentiaire'],
          },
        ],
        outputs: [
          {
            code: '2.1',
            statement: {
              fr: 'Les forces de sécurité intérieure sont redéployées et formées dans les cercles ciblés',
              en: 'Internal security forces are redeployed and trained in the targeted cercles',
            },
            indicators: outputIndicators('2.1'),
            activities: [],
          },
          {
            code: '2.2',
            statement: {
              fr: 'Les juridictions des cercles ciblés rendent une justice de proximité',
              en: 'The courts of the targeted cercles deliver local justice',
            },
            indicators: outputIndicators('2.2'),
            activities: [],
          },
        ],
      },
    ],
  };
}

/**
 * A project of four agencies (OHCHR convening with UNDP, UN Women and Interpeace, $3,999,999.98), March 2020 to
 * August 2022, on the detailed framework, with values of 2021 and the implementation rate of its 2020 report.
 */
export function aDetailedProject(database: Database, options: ProgrammeOptions = {}): Promise<MadeProgramme> {
  return aProgramme(database, {
    startDate: '2020-03-09',
    firstTransferDate: '2020-03-09',
    endDate: '2022-08-03',
    recipients: [
      { organisation: 'OHCHR', convening: true, approvedBudget: 1_026_157.82 },
      { organisation: 'UNDP', approvedBudget: 1_000_017.72 },
      { organisation: 'UNWOMEN', approvedBudget: 987_384.08 },
      { organisation: 'INTERPEACE', approvedBudget: 986_440.36 },
    ],
    organisations: [moreOrganisations.OHCHR, moreOrganisations.INTERPEACE],
    financialSnapshots: [
      {
        asOf: '2020-11-30',
        implementationRate: 18,
        genderBudgetSpent: 59_416.02,
        source: 'Rapport annuel 2020',
      },
    ],
    frameworks: [aDetailedFrameworkDocument({ effectiveDate: '2020-03-09' })],
    progress: [
      { indicator: '1.1', periodStart: '2021-01-01', periodEnd: '2021-12-31', value: '81%' },
      { indicator: '1.1.1', periodStart: '2021-01-01', periodEnd: '2021-12-31', value: '12' },
      {
        indicator: '1.2.1',
        periodStart: '2021-01-01',
        periodEnd: '2021-12-31',
        value: '85',
        reason: 'Deux sessions reportées pour raisons de sécurité',
      },
    ],
    ...options,
  });
}
