/**
 * The checks' messages, word for word in both languages, as they were before they moved to the catalogue
 * (issue 13): the server and the editor show exactly these.
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
          fr: "Indicateur 1.b : l'indicateur demande une ventilation par sexe et âge (par ex. « 166 dont 42 femmes »).",
          en: 'Indicator 1.b: the indicator asks for a breakdown by sex and age (e.g. “166 of whom 42 women”).',
        },
      ],
      [
        'missing_disaggregation',
        'indicators.1.c.progress',
        {
          fr: "Indicateur 1.c : l'indicateur demande une ventilation par sexe (par ex. « 166 dont 42 femmes »).",
          en: 'Indicator 1.c: the indicator asks for a breakdown by sex (e.g. “166 of whom 42 women”).',
        },
      ],
      [
        'acronym_not_spelled_out',
        'fields.status',
        {
          fr: '« PDSEC » est utilisé sans être défini à sa première apparition : écrivez-le en toutes lettres, suivi de (PDSEC), ou évitez-le.',
          en: '“PDSEC” is used without being spelled out where it first appears: write it in full followed by (PDSEC), or avoid it.',
        },
      ],
    ]);
  });
});
