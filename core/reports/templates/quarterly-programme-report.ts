/**
 * The quarterly programme report, as data (seed 004: PROSMED, October–December 2023): a cover with the
 * programme's presentation, "Principaux résultats" — one key figure per theme computed from the quarter's
 * activities (or written, for a result that is not a count) —, per outcome a narrative with the quarter's
 * participants by sex and photos with their credits, the steering committee, contacts.
 */
import type { ReportTemplateInput } from '../../contracts/report-template.js';

const text = (id: string, fr: string, en: string, maxLength: number, guidance?: [string, string]) => ({
  id,
  type: 'text' as const,
  label: { fr, en },
  maxLength,
  ...(guidance ? { guidance: { fr: guidance[0], en: guidance[1] } } : {}),
});

/** The computed figures whose sentence the writers may write themselves (`sentenceField`). */
const figureSentences = [
  ['social_cohesion', 'Cohésion sociale : phrase du chiffre', 'Social cohesion: sentence of the figure'],
  ['justice', 'Justice : phrase du chiffre', 'Justice: sentence of the figure'],
  [
    'security_infrastructures',
    'Sécurité (infrastructures) : phrase du chiffre',
    'Security (infrastructures): sentence of the figure',
  ],
  [
    'security_training',
    'Sécurité (formations) : phrase du chiffre',
    'Security (training): sentence of the figure',
  ],
  [
    'pve',
    'Prévention de l’extrémisme violent : phrase du chiffre',
    'Preventing violent extremism: sentence of the figure',
  ],
] as const;

const sentenceGuidance: [string, string] = [
  '{n} est remplacé par le chiffre calculé ; {female}, {male} et {places} aussi. Vide : la phrase du modèle.',
  '{n} is replaced by the computed figure; so are {female}, {male} and {places}. Empty: the template’s sentence.',
];

export const quarterlyProgrammeReport2023: ReportTemplateInput = {
  id: 'quarterly-programme',
  version: '2023',
  title: { fr: 'Rapport trimestriel', en: 'Quarterly report' },
  validFrom: 2021,
  reportTypes: ['quarterly'],
  periods: {},
  notes: [
    {
      fr: 'Un document court et visuel : les chiffres clés sont calculés à partir des activités du trimestre ; décrivez ce qui a été fait, où, et avec qui.',
      en: 'A short, visual document: the key figures are computed from the quarter’s activities; describe what was done, where, and with whom.',
    },
  ],
  sections: [
    {
      id: 'cover',
      kind: 'fields',
      title: { fr: 'Couverture', en: 'Cover' },
      fields: [
        {
          id: 'funding_partners',
          type: 'short_text',
          maxLength: 400,
          optional: true,
          label: { fr: 'Partenaires financiers nommés (codes)', en: 'Funding partners named (codes)' },
          guidance: {
            fr: 'Les codes des bailleurs du programme que le rapport nomme, séparés par des virgules ; vide : tous.',
            en: 'The codes of the programme’s donors the report names, separated by commas; empty: all of them.',
          },
        },
      ],
    },
    {
      id: 'presentation',
      kind: 'fields',
      title: { fr: 'Présentation du programme', en: 'About the programme' },
      fields: [text('presentation', 'Présentation', 'Presentation', 1500)],
    },
    {
      id: 'key_results',
      kind: 'key_figures',
      title: { fr: 'Principaux résultats', en: 'Main results' },
      figures: [
        {
          id: 'social_cohesion',
          sentenceField: 'social_cohesion_sentence',
          theme: { fr: 'Cohésion sociale', en: 'Social cohesion' },
          measure: { kind: 'sum_quantity', activityKinds: ['infrastructure'], output: '1.2' },
          sentence: {
            fr: '{value} infrastructures de paix finalisées dans les cercles de {places}.',
            en: '{value} peace infrastructures completed in the cercles of {places}.',
          },
        },
        {
          id: 'justice',
          sentenceField: 'justice_sentence',
          theme: { fr: 'Justice', en: 'Justice' },
          measure: {
            kind: 'sum_participants',
            activityKinds: ['training'],
            output: '2.2',
            categories: ['magistrates', 'justice_personnel'],
          },
          sentence: {
            fr: '{value} ({female} {female|femme|femmes}) magistrats et personnels de justice formés.',
            en: '{value} ({female} {female|woman|women}) magistrates and justice personnel trained.',
          },
        },
        {
          id: 'security_infrastructures',
          sentenceField: 'security_infrastructures_sentence',
          theme: { fr: 'Sécurité', en: 'Security' },
          measure: { kind: 'sum_quantity', indicator: '2.1.2' },
          sentence: {
            fr: '{value} infrastructures de sécurité construites et/ou réhabilitées.',
            en: '{value} security infrastructures built and/or rehabilitated.',
          },
        },
        {
          id: 'security_training',
          sentenceField: 'security_training_sentence',
          theme: { fr: 'Sécurité', en: 'Security' },
          measure: { kind: 'sum_participants', categories: ['judicial_police'] },
          sentence: {
            fr: '{value} agents et officiers de police judiciaire formés.',
            en: '{value} judicial police officers trained.',
          },
        },
        {
          id: 'anti_corruption',
          theme: { fr: 'Lutte contre la corruption', en: 'Fight against corruption' },
          field: 'anti_corruption',
        },
        {
          id: 'pve',
          sentenceField: 'pve_sentence',
          theme: { fr: 'Prévention de l’extrémisme violent', en: 'Preventing violent extremism' },
          measure: {
            kind: 'sum_participants',
            activityKinds: ['event'],
            categories: ['pupils'],
            output: '4.3',
          },
          sentence: {
            fr: '{value} ({female} filles) élèves ont participé au concours d’innovations sur les conséquences de l’extrémisme violent dans les cercles de {places}.',
            en: '{value} pupils ({female} girls) took part in the innovation contest on the consequences of violent extremism in the cercles of {places}.',
          },
        },
      ],
    },
    {
      id: 'key_results_written',
      kind: 'fields',
      title: { fr: 'Chiffres clés rédigés', en: 'Key results in words' },
      guidance: {
        fr: 'Pour un thème dont le résultat n’est pas un nombre d’activités ou de participants.',
        en: 'For a theme whose result is not a number of activities or participants.',
      },
      fields: [
        text('anti_corruption', 'Lutte contre la corruption', 'Fight against corruption', 400),
        ...figureSentences.map(([id, fr, en]) => ({
          ...text(`${id}_sentence`, fr, en, 400, sentenceGuidance),
          optional: true,
        })),
      ],
    },
    {
      id: 'outcomes',
      kind: 'outcomes',
      title: { fr: 'Progrès par résultat', en: 'Progress by outcome' },
      photosPerOutcome: 3,
      fields: [
        text('narrative', 'Ce qui a été réalisé', 'What was achieved', 4000, [
          'Les activités du trimestre, leurs lieux et leurs participants par sexe.',
          'The quarter’s activities, where they took place, and their participants by sex.',
        ]),
      ],
    },
    {
      id: 'steering_committee',
      kind: 'fields',
      title: { fr: 'Comité de pilotage', en: 'Steering committee' },
      fields: [text('steering_committee', 'Comité de pilotage', 'Steering committee', 2000)],
    },
    {
      id: 'steering_committee_photos',
      kind: 'photos',
      title: { fr: 'Comité de pilotage en images', en: 'The steering committee in pictures' },
      photos: { activityKinds: ['meeting'], withoutOutput: true, max: 2 },
    },
    {
      id: 'contacts',
      kind: 'fields',
      title: { fr: 'Contacts', en: 'Contacts' },
      fields: [text('contacts', 'Contacts et réseaux sociaux', 'Contacts and social media', 1000)],
    },
  ],
};
