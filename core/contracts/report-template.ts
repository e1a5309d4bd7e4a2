/**
 * A report template as data: sections, fields, types, limits, choices, labels and guidance in French and
 * English, and a version. One description drives the editor, the checks and the documents, so a new template
 * (or a new version of the Fund's) needs no new code.
 */
import { z } from 'zod';
import {
  activityKinds,
  ageGroups,
  areaLevels,
  participantCategories,
  ruleKinds,
  sexes,
} from './activity-vocabulary.js';
import { localizedText } from './programme-document.js';
import { reportTypes } from '../vocabulary/reports.js';

export { reportTypes };

export type ReportType = (typeof reportTypes)[number];

/** Values computed from the programme and its data, shown read-only in the editor and the documents. */
export const derivedKeys = [
  'country',
  'report_type',
  'report_year',
  'project_title',
  'gateway_id',
  'trust_fund',
  'recipients',
  'first_transfer_date',
  'end_date',
  'last_six_months',
  'priority_windows',
  'budget_by_recipient',
  'gender_budget_allocated',
  'gender_marker',
  'risk_marker',
  'focus_area',
  'period',
] as const;
export type DerivedKey = (typeof derivedKeys)[number];

const choice = z.object({
  value: z.string().min(1),
  label: localizedText,
  guidance: localizedText.optional(),
});

/** When a field applies: always, or only for a project in its last six months, or only in a final report. */
export const fieldConditions = ['last_six_months', 'final_only'] as const;

export const templateField = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: localizedText,
  guidance: localizedText.optional(),
  type: z.enum([
    'text', // a narrative, with its character limit
    'short_text', // a line (names)
    'yes_no',
    'yes_no_text', // yes/no and an explanation
    'money',
    'percent',
    'choice',
    'multi_choice', // several choices and an "other" text
    'donor_amounts', // rows of donor + amount (catalytic funding)
    'derived', // read-only, computed from the data (`derived`)
  ]),
  maxLength: z.number().int().positive().optional(),
  /** an answer the submission needs (an error when blank) */
  required: z.boolean().optional(),
  /**
   * an answer the template does not expect ("le cas échéant", "Autre", a list that may be empty); every
   * other field that applies is expected, and a warning says when it is blank
   */
  optional: z.boolean().optional(),
  choices: z.array(choice).optional(),
  /** for `multi_choice`: the choice that asks for a text */
  otherChoice: z.string().optional(),
  derived: z.enum(derivedKeys).optional(),
  /** pre-filled at creation from the latest financial snapshot of the period */
  prefill: z.enum(['implementation_rate', 'gender_budget_spent']).optional(),
  condition: z.enum(fieldConditions).optional(),
});
export type TemplateField = z.infer<typeof templateField>;

/**
 * A key figure of a report, computed from the period's field activities (`measure`) and said in a sentence
 * whose placeholders the figures fill: `{value}`, `{female}`, `{male}`, `{unknownSex}`, `{activities}`,
 * `{places}` (the cercles, as a list), and `{female|femme|femmes}` (a word by the number). Or written by the
 * writer: `field` names a text field of a `fields` section.
 */
export const keyFigure = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  theme: localizedText,
  measure: z
    .object({
      kind: z.enum(ruleKinds),
      /** only the activities linked to this indicator (by code) */
      indicator: z.string().optional(),
      /** only the activities serving this output (by code) */
      output: z.string().optional(),
      activityKinds: z.array(z.enum(activityKinds)).default([]),
      categories: z.array(z.enum(participantCategories)).default([]),
      sexes: z.array(z.enum(sexes)).default([]),
      ageGroups: z.array(z.enum(ageGroups)).default([]),
      placeLevel: z.enum(areaLevels).default('cercle'),
    })
    .optional(),
  sentence: localizedText.optional(),
  /**
   * a text field (of a `fields` section) where the writers give the figure its own sentence around the computed
   * number — "{n} magistrats formés (23 + 18) sur le management des juridictions…" —; blank: `sentence`
   */
  sentenceField: z.string().optional(),
  field: z.string().optional(),
});
export type KeyFigure = z.infer<typeof keyFigure>;

export const templateSection = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  title: localizedText,
  guidance: localizedText.optional(),
  /**
   * `fields`: the fields in order; `outcomes`: `fields` repeated for every outcome of the framework, with the
   * rating; `indicator_table`: the Part V table built from the framework and the period's values;
   * `key_figures`: sentences computed from the period's activities (`figures`); `photos`: the photos of the
   * period's activities (`photos`).
   */
  kind: z.enum(['fields', 'outcomes', 'indicator_table', 'key_figures', 'photos']),
  /** for `key_figures` */
  figures: z.array(keyFigure).optional(),
  /** for `photos`: which activities' photos, and how many at most */
  photos: z
    .object({
      activityKinds: z.array(z.enum(activityKinds)).default([]),
      /** only activities serving no output (a steering committee, a launch) */
      withoutOutput: z.boolean().default(false),
      max: z.number().int().positive().default(4),
    })
    .optional(),
  /** for `outcomes`: at most so many photos of the outcome's activities beside its narrative */
  photosPerOutcome: z.number().int().nonnegative().optional(),
  fields: z.array(templateField).default([]),
  /**
   * for `fields`: how the template lays its fields out when it is not one question after another (the PBF
   * header): `lines` above a table, then the table's rows, each of one cell across or two side by side, a cell
   * holding a few fields as `Label : value` lines, under an optional `lead` and over an optional `note`.
   */
  grid: z
    .object({
      lines: z.array(z.string()).default([]),
      rows: z.array(
        z
          .array(
            z.object({
              lead: localizedText.optional(),
              fields: z.array(z.string()),
              note: localizedText.optional(),
            }),
          )
          .min(1)
          .max(2),
      ),
    })
    .optional(),
  /** for `outcomes`: the rating choices */
  rating: z.object({ label: localizedText, choices: z.array(choice) }).optional(),
  /** for `outcomes`: at most so many outcomes without the Fund's agreement */
  maxOutcomes: z.number().int().positive().optional(),
  /** for `indicator_table`: the limit of each progress and reason cell */
  cellMaxLength: z.number().int().positive().optional(),
  condition: z.enum(fieldConditions).optional(),
});
export type TemplateSection = z.infer<typeof templateSection>;

/** How a report's period follows from its type and year: month-day bounds, or the whole project. */
export const periodRule = z.union([
  z.object({ from: z.string().regex(/^\d{2}-\d{2}$/), to: z.string().regex(/^\d{2}-\d{2}$/) }),
  z.literal('whole_project'),
]);
// A quarterly report has no rule here: its period is the quarter it is created for (`2023-Q4`).

export const reportTemplate = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.string().min(1),
  title: localizedText,
  /** the year this version applies from (reports of earlier years keep the version they were written with) */
  validFrom: z.number().int(),
  reportTypes: z.array(z.enum(reportTypes)).min(1),
  periods: z.partialRecord(z.enum(reportTypes), periodRule),
  notes: z.array(localizedText).default([]),
  /** words the Fund asks to avoid or spell out (acronyms of the seeds) — checked before submission */
  acronymsToAvoid: z.array(z.string()).default([]),
  sections: z.array(templateSection).min(1),
});
export type ReportTemplate = z.infer<typeof reportTemplate>;
export type ReportTemplateInput = z.input<typeof reportTemplate>;
