/**
 * One import pipeline for every kind of file (issue 13, item 4): upload the bytes → preview (every issue, with
 * where it is) → mapping, for a kind that has one → commit, all or nothing, once. The kinds: field activities,
 * indicator values, expenditure, and a programme file (IATI XML or a framework workbook).
 */
import { z } from 'zod';
import {
  importCommitResult as activityCommitResult,
  importMapping,
  importPreview as activityPreview,
  valueImportResult,
} from './activity-import.js';
import { importPreview as programmeFilePreview, importResult as programmeFileResult } from './exchange.js';
import { expenditureImportResult } from './finance.js';

export const importKinds = ['activities', 'indicator-values', 'expenditure', 'programme-file'] as const;
export type ImportKindName = (typeof importKinds)[number];

export const importSeverities = ['error', 'warning'] as const;
export type ImportSeverity = (typeof importSeverities)[number];

/**
 * One finding about a file, whatever its kind. An `error` blocks the commit; a `warning` says what will not be
 * kept or how something was read. `where` holds what is known of the place: a spreadsheet's sheet, row (as the
 * spreadsheet numbers it) and column (`D (Date de début)`), or a path in a document (`XM-DAC-…› result`).
 */
export const importIssue = z
  .object({
    severity: z.enum(importSeverities),
    where: z
      .object({
        sheet: z.string().optional(),
        row: z.number().int().optional(),
        column: z.string().optional(),
        path: z.string().optional(),
      })
      .strict(),
    message: z.string(),
  })
  .meta({ id: 'FileImportIssue' });
export type ImportIssue = z.infer<typeof importIssue>;

/** The state of a kept file: previewed (mapping may change) until committed, once. */
export const importStatuses = ['previewed', 'committed'] as const;
export type ImportStatus = (typeof importStatuses)[number];

/** Uploading a file of some kind into a programme: the body is the file itself. */
export const fileImportQuery = z
  .object({
    /** what the file holds; activities when left out */
    kind: z.enum(importKinds).default('activities'),
    fileName: z.string().trim().min(1).max(200).optional(),
    /** a programme file: the new framework version's label, adoption date and reason (defaults: the file's name, today) */
    label: z.string().trim().min(1).max(500).optional(),
    effectiveDate: z.iso.date().optional(),
    reason: z.string().trim().min(1).max(2000).optional(),
    lang: z.enum(['fr', 'en']).optional(),
  })
  .strict();
export type FileImportQuery = z.infer<typeof fileImportQuery>;

/**
 * The preview of each kind, as its own routes answer it (renamed here: the activity and the exchange previews
 * share the name `ImportPreview`, each on its own routes).
 */
export const importDetail = z.union([
  z.object(activityPreview.shape).meta({ id: 'ActivityImportPreview' }),
  valueImportResult,
  expenditureImportResult,
  z.object(programmeFilePreview.shape).meta({ id: 'ProgrammeFilePreview' }),
]);

export const fileImport = z
  .object({
    id: z.uuid(),
    kind: z.enum(importKinds),
    /** the programme it goes into; null for a file that creates programmes */
    programme: z.object({ slug: z.string(), code: z.string() }).nullable(),
    fileName: z.string(),
    format: z.string(),
    status: z.enum(importStatuses),
    /** the kind has a mapping (sheet, column of each field) the user may change */
    hasMapping: z.boolean(),
    mapping: importMapping.nullable(),
    rowCount: z.number().int(),
    /** what the commit writes: activities, values, expenses, programmes */
    itemCount: z.number().int(),
    errorCount: z.number().int(),
    warningCount: z.number().int(),
    /** every issue, up to 2,000 (the counts say how many in all) */
    issues: z.array(importIssue),
    /** false while an error remains: a commit would be refused */
    canCommit: z.boolean(),
    detail: importDetail,
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'FileImport' });
export type FileImport = z.infer<typeof fileImport>;

export const fileImportMappingWrite = z
  .object({ version: z.number().int().positive(), mapping: importMapping })
  .strict();
/** `PUT /imports/:id/media`: the version of the preview read, and the ZIP's name (the body is the ZIP). */
export const fileImportMediaQuery = z
  .object({
    /** required: optional here only so that an unknown import answers 404 before a missing version */
    version: z.coerce.number().int().positive().optional(),
    fileName: z.string().trim().min(1).max(200).optional(),
    lang: z.enum(['fr', 'en']).optional(),
  })
  .strict();
export const fileImportCommitWrite = z.object({ version: z.number().int().positive() }).strict();

export const fileImportCommitResult = z
  .object({
    id: z.uuid(),
    kind: z.enum(importKinds),
    itemCount: z.number().int(),
    result: z.union([activityCommitResult, valueImportResult, expenditureImportResult, programmeFileResult]),
  })
  .meta({ id: 'FileImportCommitResult' });
export type FileImportCommitResult = z.infer<typeof fileImportCommitResult>;
