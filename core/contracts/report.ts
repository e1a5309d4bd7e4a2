/**
 * Reports: what a writer fills in (`ReportContent`), what a report is made of once assembled with the
 * programme's data (`ReportModel`, the input of the editor's read-only parts, the checks and the documents),
 * and the API's shapes.
 */
import { z } from 'zod';
import { reportTransitionReasonMax } from './limits.js';
import { localizedText, organisationKinds, priorityWindows, trustFundKinds } from './programme-document.js';
import { reportTypes } from './report-template.js';
import {
  reportAttribution,
  reportComment,
  reportCompletion,
  reportLock,
  reportPart,
  reportPermissions,
} from './report-workflow.js';
import { withoutPrototypeKeys } from './safe-key.js';
import { locales } from '../i18n/locale.js';
import { recordProvenances, valueOfRecord } from './indicator-data.js';
import { storedValue } from './value-spec.js';
import { reportStatuses } from '../vocabulary/reports.js';

export { reportStatuses };

export type ReportStatus = (typeof reportStatuses)[number];
export const outcomeRatings = ['on_track', 'on_track_peacebuilding', 'off_track'] as const;

/** The value of one template field, by field type. */
export const fieldValue = z.union([
  z.string(), // text, short_text, choice
  z.number().finite(), // money, percent
  z.boolean(), // yes_no
  z.object({ answer: z.boolean().nullable(), text: z.string() }), // yes_no_text
  z.object({ selected: z.array(z.string()), other: z.string().optional() }), // multi_choice
  z.object({ rows: z.array(z.object({ donor: z.string(), amount: z.number().finite().nullable() })) }), // donor_amounts
  z.null(),
]);
export type FieldValue = z.infer<typeof fieldValue>;

export const outcomeContent = z.object({
  rating: z.enum(outcomeRatings).nullable().default(null),
  fields: z.record(z.string(), fieldValue).default({}),
});

/** One row of Part V as the writer leaves it: current progress and the reasons for delays or changes. */
export const indicatorContent = z.object({
  progress: z.string().nullable().default(null),
  reason: z.string().nullable().default(null),
  /** the writer may leave an indicator out of the table (the template allows selecting the relevant ones) */
  included: z.boolean().default(true),
});

/** A text longer than this is not a narrative but a mistake (or an attack): refused outright. */
export const reportTextHardLimit = 20_000;

/**
 * The places of a report whose text is translated: a narrative or line of Parts I–IV (`fields.<id>`,
 * `outcomes.<code>.fields.<id>`: `text`, `short_text`, the text of `yes_no_text`, the "other" of
 * `multi_choice`) and a Part V cell (`indicators.<code>.progress|reason`). docs/decisions/0020.
 */
export const translatablePath = withoutPrototypeKeys(
  z
    .string()
    .max(200)
    .regex(
      /^(?:fields\.[a-z][a-z0-9_]*|outcomes\.[^.]+(?:\.[^.]+)*?\.fields\.[a-z][a-z0-9_]*|indicators\..+\.(?:progress|reason))$/,
      'not a translatable place: fields.<id>, outcomes.<code>.fields.<id>, indicators.<code>.progress|reason',
    ),
);

/**
 * The text of a place in one language other than the report's own: what every write path (the editor's
 * autosave, the API, an import, the CLI) checks a translation against.
 */
export const translatedText = z.string().max(reportTextHardLimit);

/** Translations of one language, by place (`translatablePath`). */
export const translationsOfLanguage = z.record(translatablePath, translatedText);

/**
 * A short fingerprint of the original a translation was made from (`fingerprintOf` in
 * core/reports/translation-stamps.ts): the server records it with every translation it writes, so that an
 * original edited since marks its translation out of date. docs/decisions/0020.
 */
export const originalFingerprint = z.string().regex(/^[0-9a-z]{1,16}$/, 'a fingerprint of an original');

export const reportContent = z.object({
  /**
   * The language the writers write in: every text of `fields`, `outcomes` and `indicators` is in it (the
   * original). Reports written before texts were bilingual are French (migration 0021 says so).
   */
  language: z.enum(locales).default('fr'),
  /** the other languages the report must also be delivered in: the checks list what is not translated */
  wanted: z.array(z.enum(locales)).default([]),
  /** the same places in other languages, by language then place; a place missing is not translated */
  translations: z.partialRecord(z.enum(locales), translationsOfLanguage).default({}),
  /**
   * by language then place, the fingerprint of the original each translation translated (written by the
   * server with the translation); a translation without one — written before, or by hand — counts as current
   */
  translatedFrom: z
    .partialRecord(z.enum(locales), z.record(translatablePath, originalFingerprint))
    .optional(),
  /** by field id */
  fields: z.record(z.string(), fieldValue).default({}),
  /** by outcome code */
  outcomes: z.record(z.string(), outcomeContent).default({}),
  /** by indicator code */
  indicators: z.record(z.string(), indicatorContent).default({}),
});
export type ReportContent = z.infer<typeof reportContent>;
export type ReportContentInput = z.input<typeof reportContent>;

/** A report of the seeds or an import: a whole report as data. */
export const reportDocument = z.object({
  programme: z.string().min(1),
  template: z.object({ id: z.string(), version: z.string() }),
  type: z.enum(reportTypes),
  year: z.number().int().min(2000).max(2100),
  status: z.enum(reportStatuses).default('draft'),
  frameworkVersion: z.number().int().positive().optional(),
  content: reportContent,
});
export type ReportDocumentInput = z.input<typeof reportDocument>;

// ---- the assembled report ----

/** The programme facts the report header shows, as they were when the report was assembled. */
export const reportHeader = z.object({
  country: z.string(),
  gatewayId: z.string().nullable(),
  fundCode: z.string().nullable(),
  trustFund: z.object({ kind: z.enum(trustFundKinds), name: z.string().nullable() }),
  recipients: z.array(
    z.object({
      code: z.string(),
      acronym: localizedText,
      kind: z.enum(organisationKinds),
      convening: z.boolean(),
      budget: z.number().nullable(),
    }),
  ),
  totalBudget: z.number(),
  firstTransferDate: z.string().nullable(),
  endDate: z.string(),
  durationMonths: z.number().int(),
  priorityWindows: z.array(z.enum(priorityWindows)),
  genderBudgetAllocated: z.number().nullable(),
  genderMarker: z.object({ code: z.string(), text: z.string().nullable() }).nullable(),
  riskMarker: z.object({ level: z.string(), text: z.string().nullable() }).nullable(),
  focusArea: z.object({ code: z.string().nullable(), label: localizedText }).nullable(),
});
export type ReportHeader = z.infer<typeof reportHeader>;

export const reportIndicatorRow = z.object({
  code: z.string(),
  title: localizedText,
  baseline: storedValue.nullable(),
  endTarget: storedValue.nullable(),
  milestones: z.array(z.object({ date: z.string().nullable(), value: storedValue })),
  disaggregations: z.array(z.string()),
  /** the figure the report shows: what the writers wrote, else the value of record of the report's period */
  progress: z.string().nullable(),
  /** where `progress` comes from: `written` by the report's writers, else the value of record's provenance */
  progressSource: z.enum(['written', ...recordProvenances]),
  /** the value of record of the report's period (indicator page, dashboards), whether written over or not */
  record: valueOfRecord.nullable(),
  reason: z.string().nullable(),
  included: z.boolean(),
});
export type ReportIndicatorRow = z.infer<typeof reportIndicatorRow>;

export const reportModel = z.object({
  programme: z.object({ slug: z.string(), code: z.string(), title: localizedText, currency: z.string() }),
  template: z.object({ id: z.string(), version: z.string() }),
  type: z.enum(reportTypes),
  year: z.number().int(),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  lastSixMonths: z.boolean(),
  frameworkVersion: z.number().int().nullable(),
  header: reportHeader,
  content: reportContent,
  outcomes: z.array(
    z.object({
      code: z.string(),
      statement: localizedText,
      indicators: z.array(reportIndicatorRow),
      outputs: z.array(
        z.object({ code: z.string(), statement: localizedText, indicators: z.array(reportIndicatorRow) }),
      ),
    }),
  ),
});
export type ReportModel = z.infer<typeof reportModel>;

export const reportCheck = z.object({
  /** `error` blocks submission; `warning` does not */
  severity: z.enum(['error', 'warning']),
  code: z.enum([
    'required_missing',
    /** an answer the template expects and the report leaves blank (a rating, a yes/no, a marker): a warning */
    'answer_missing',
    'over_limit',
    'indicator_without_progress',
    'acronym_not_spelled_out',
    'missing_disaggregation',
    'untranslated',
    /** a translation made from an original edited since: a warning, the document still uses it */
    'translation_out_of_date',
  ]),
  /** where to go: `fields.overall_status`, `outcomes.1.fields.progress_summary`, `indicators.1.1.2.progress` */
  path: z.string(),
  section: z.string(),
  /** what the check is about: the acronym; for a missing split, `sex`, `age` or `sexAndAge` */
  subject: z.string().optional(),
  message: localizedText,
});
export type ReportCheck = z.infer<typeof reportCheck>;

// ---- API ----

export const reportSummary = z.object({
  id: z.uuid(),
  programme: z.object({ slug: z.string(), code: z.string() }),
  type: z.enum(reportTypes),
  year: z.number().int(),
  template: z.object({ id: z.string(), version: z.string() }),
  status: z.enum(reportStatuses),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ReportSummary = z.infer<typeof reportSummary>;

export const reportDetail = reportSummary.extend({
  model: reportModel,
  checks: z.array(reportCheck),
  /** true once approved: the numbers no longer follow the data */
  frozen: z.boolean(),
  history: z.array(
    z.object({
      version: z.number().int(),
      status: z.enum(reportStatuses),
      event: z.string(),
      reason: z.string().nullable(),
      at: z.string(),
      /** who made the move (null for imports and older versions) */
      by: z.string().nullable(),
      /** the agency of a part_ready / part_withdrawn move */
      agency: z.string().nullable(),
    }),
  ),
  /** every recipient agency's part, in the programme's order */
  parts: z.array(reportPart),
  comments: z.array(reportComment),
  /** why the report cannot be written now; empty while it is an open draft */
  locks: z.array(reportLock),
  /** which agencies write which sections (and outcomes); what none is given is the coordinator's */
  attributions: z.array(reportAttribution),
  /** each attributed unit and how far it is written, in the template's order */
  completion: z.array(reportCompletion),
  can: reportPermissions,
});
export type ReportDetail = z.infer<typeof reportDetail>;

export const reportCreate = z
  .object({
    type: z.enum(reportTypes),
    year: z.number().int().min(2000).max(2100),
  })
  .strict();

/**
 * An autosave: the changed places only, each by its path (`fields.overall_status`,
 * `outcomes.1.rating`, `outcomes.1.fields.progress_summary`, `indicators.1.1.2.progress`), and the version
 * the writer started from. Changes to places nobody else changed since are merged; a place both changed is a
 * conflict (409) with both values. No segment of a path may be `__proto__`, `constructor` or `prototype`.
 */
export const reportPatch = z
  .object({
    version: z.number().int().positive(),
    changes: z
      .array(z.object({ path: withoutPrototypeKeys(z.string().min(1).max(200)), value: fieldValue }))
      .min(1)
      .max(500),
  })
  .strict();
export type ReportPatch = z.infer<typeof reportPatch>;

export const reportConflict = z.object({
  path: z.string(),
  mine: fieldValue,
  theirs: fieldValue,
});

/** what moves a report through its workflow: `POST /reports/:id/submit|approve|send-back|reopen` */
export const reportActions = ['submit', 'approve', 'send_back', 'reopen'] as const;
export type ReportAction = (typeof reportActions)[number];

export const reportTransition = z
  .object({
    version: z.number().int().positive(),
    reason: z.string().trim().max(reportTransitionReasonMax).optional(),
    /**
     * on submit: the agencies whose part is not ready, named by the coordinator to confirm submitting without
     * them (they must be exactly the parts not ready)
     */
    withoutParts: z.array(z.string().min(1).max(60)).max(50).optional(),
  })
  .strict();
export type ReportTransition = z.infer<typeof reportTransition>;

export const reportParams = z.object({ id: z.uuid() }).strict();
export const reportExportQuery = z.object({
  format: z.enum(['docx', 'pdf']).default('docx'),
  lang: z.enum(['fr', 'en']).optional(),
});
