/**
 * The checks' messages, word for word in both languages (the server and the editor show exactly these), and
 * the answers a template expects (issue 18).
 */
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../contracts/report.js';
import type { ReportTemplate } from '../contracts/report-template.js';
import { checkReport } from './checks.js';

const row = (code: string, progress: string | null, disaggregations: string[] = []) => ({
  code,
  title: { fr: code },
  baseline: null,
  endTarget: null,
  milestones: [],
  disaggregations,
  progress,
  reason: null,
  included: true,
});

// only what the checks read of a template and a report
const template = {
  acronymsToAvoid: [],
  sections: [
    {
      id: 'part_1',
      kind: 'fields',
      fields: [
        { id: 'summary', type: 'text', label: { fr: 'Résumé', en: 'Summary' }, required: true },
        { id: 'status', type: 'text', label: { fr: 'Situation' }, maxLength: 10 },
      ],
    },
    { id: 'part_4', kind: 'indicator_table', cellMaxLength: 12, fields: [] },
  ],
} as unknown as ReportTemplate;

const model = {
  type: 'annual',
  lastSixMonths: false,
  header: { recipients: [] },
  content: { fields: { status: 'Le PDSEC avance bien.' }, outcomes: {} },
  outcomes: [
    {
      code: '1',
      statement: { fr: 'Résultat' },
      indicators: [
        row('1.a', null),
        row('1.b', '166 personnes formées', ['sex', 'age']),
        row('1.c', '12', ['sex']),
      ],
      outputs: [],
    },
  ],
} as unknown as ReportModel;

describe('the checks’ messages', () => {
  it('say each check in French and in English, the field’s label in each language', () => {
    expect(checkReport(model, template).map((c) => [c.code, c.path, c.message])).toEqual([
      [
        'required_missing',
        'fields.summary',
        { fr: 'Réponse obligatoire manquante : « Résumé ».', en: 'Required answer missing: “Summary”.' },
      ],
      [
        'over_limit',
        'fields.status',
        {
          fr: '21 caractères pour une limite de 10 (11 de trop) : « Situation ».',
          en: '21 characters for a limit of 10 (11 too many): “Situation”.',
        },
      ],
      [
        'indicator_without_progress',
        'indicators.1.a.progress',
        {
          fr: "Indicateur 1.a : ni progrès ni raison. Si aucune donnée n'a pu être collectée, dites-le et expliquez pourquoi.",
          en: 'Indicator 1.a: neither progress nor a reason. If no data could be collected, say so and explain why.',
        },
      ],
      [
        'over_limit',
        'indicators.1.b.progress',
        {
          fr: 'Indicateur 1.b : 21 caractères pour une limite de 12.',
          en: 'Indicator 1.b: 21 characters for a limit of 12.',
        },
      ],
      [
        'missing_disaggregation',
        'indicators.1.b.progress',
        {
          fr: 'Indicateur 1.b : le chiffre ne dit ni le sexe ni l’âge des personnes (par ex. « 166 dont 42 femmes et 60 jeunes de 18 à 35 ans »).',
          en: 'Indicator 1.b: the figure gives neither the people’s sex nor their age (e.g. “166 of whom 42 women and 60 young people aged 18 to 35”).',
        },
      ],
      [
        'missing_disaggregation',
        'indicators.1.c.progress',
        {
          fr: 'Indicateur 1.c : le chiffre ne dit pas le sexe des personnes (par ex. « 166 dont 42 femmes »).',
          en: 'Indicator 1.c: the figure does not give the people’s sex (e.g. “166 of whom 42 women”).',
        },
      ],
      [
        'acronym_not_spelled_out',
        'fields.status',
        {
          fr: '« PDSEC » n’est écrit en toutes lettres nulle part dans le rapport : écrivez-le une fois en toutes lettres, suivi de (PDSEC), ou évitez-le.',
          en: '“PDSEC” is not spelled out anywhere in the report: write it in full once, followed by (PDSEC), or avoid it.',
        },
      ],
    ]);
  });
});

describe('the answers a template expects', () => {
  const expecting = {
    acronymsToAvoid: [],
    sections: [
      {
        id: 'header',
        kind: 'fields',
        fields: [
          {
            id: 'gender_marker',
            type: 'derived',
            derived: 'gender_marker',
            label: { fr: 'Marqueur de genre' },
          },
          { id: 'risk_marker', type: 'derived', derived: 'risk_marker', label: { fr: 'Marqueur de risque' } },
          { id: 'reviewed', type: 'yes_no', label: { fr: 'Revu ?' } },
        ],
      },
      {
        id: 'part_2',
        kind: 'outcomes',
        rating: { label: { fr: 'État' }, choices: [] },
        fields: [{ id: 'summary', type: 'text', label: { fr: 'Résumé' } }],
      },
      {
        id: 'part_3',
        kind: 'fields',
        fields: [
          { id: 'surveys', type: 'yes_no_text', label: { fr: 'Enquêtes ?', en: 'Surveys?' } },
          { id: 'other', type: 'text', optional: true, label: { fr: 'Autre' } },
          { id: 'late', type: 'text', condition: 'last_six_months', label: { fr: 'Changement' } },
        ],
      },
    ],
  } as unknown as ReportTemplate;
  const blank = {
    ...model,
    header: { recipients: [], genderMarker: { code: 'GM2', text: 'GM2' }, riskMarker: null },
    content: {
      fields: {
        reviewed: { answer: true, text: '' },
        surveys: { answer: null, text: 'comme telles, mais…' },
      },
      outcomes: { '1': { rating: null, fields: { summary: 'Fait.' } } },
    },
    outcomes: [{ code: '1', statement: { fr: 'Résultat' }, indicators: [], outputs: [] }],
  } as unknown as ReportModel;

  it('warns of each blank: a marker the programme lacks, a rating, a yes/no without its yes or no', () => {
    const checks = checkReport(blank, expecting);
    expect(checks.map((c) => [c.severity, c.code, c.path])).toEqual([
      ['warning', 'answer_missing', 'fields.risk_marker'],
      ['warning', 'answer_missing', 'outcomes.1.rating'],
      ['warning', 'answer_missing', 'fields.surveys'],
    ]);
    expect(checks.map((c) => c.message.en)).toEqual([
      '“Marqueur de risque” is not given for this programme: set it on the programme’s page.',
      'Outcome 1: the current status of progress is not rated.',
      'Answer yes or no: “Surveys?”.',
    ]);
  });
});
