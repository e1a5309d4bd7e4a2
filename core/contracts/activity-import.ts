/**
 * Importing activities from a spreadsheet (.xlsx or .csv, Jalon's template or a Kobo/ODK export): the fields a
 * column can feed, the mapping the user chooses, and the preview listing every error by row and column.
 */
import { z } from 'zod';
import {
  activityKinds,
  ageGroups,
  countBases,
  participantCategories,
  participantTotals,
  sexes,
} from './activities.js';
import { orgCode } from './programme-document.js';

/** The twelve participant cells of the template: sex × age group. */
export const participantCells = sexes.flatMap((sex) => ageGroups.map((age) => `${sex}.${age}` as const));
export type ParticipantCell = (typeof participantCells)[number];

export const importFields = [
  'reference',
  'title',
  'titleEn',
  'kind',
  'startDate',
  'endDate',
  'organisation',
  'partner',
  'output',
  /** the code of the planned activity of the work plan it carries out (`1.2.3`) */
  'workPlanActivity',
  'indicators',
  'places',
  'region',
  'cercle',
  'commune',
  'village',
  'description',
  'countBasis',
  'quantity',
  'quantityUnit',
  'recordedBy',
  'category',
  ...participantCells,
  /** a form that only asks "how many, of whom women": the rest is recorded as of unknown age */
  'total',
  'women',
  'men',
] as const;
export type ImportField = (typeof importFields)[number];

/** Fields a row cannot do without (unless a default is given for the organisation and the kind). */
export const requiredImportFields: ImportField[] = ['title', 'startDate'];

export const importMapping = z
  .object({
    /** the sheet to read (.xlsx); the first one when null */
    sheet: z.string().max(100).nullable().default(null),
    /** the header of the source column feeding each field */
    columns: z.partialRecord(z.enum(importFields), z.string().min(1).max(200)).default({}),
    /** values for every row when the file has no column for them */
    defaults: z
      .object({
        organisation: orgCode.optional(),
        kind: z.enum(activityKinds).optional(),
        countBasis: z.enum(countBases).optional(),
        category: z.enum(participantCategories).optional(),
      })
      .strict()
      .default({}),
    /**
     * Columns that each count one category × sex × age group, whatever the row's category: a submission of
     * Jalon's XLSForm is one row per activity with every category's counts (docs/decisions/0018).
     */
    cells: z
      .array(
        z
          .object({
            category: z.enum(participantCategories),
            sex: z.enum(sexes),
            ageGroup: z.enum(ageGroups),
            column: z.string().min(1).max(200),
          })
          .strict(),
      )
      .max(400)
      .default([]),
    /**
     * The Jalon XLSForm the file's submissions answer, recognised from its hidden fields: the programme it was
     * written for (a row of another programme is refused) and its version. Null for any other file.
     */
    form: z
      .object({
        programme: z.string().min(1).max(200),
        version: z.string().max(100),
        /** the header of the column naming the programme in each row */
        column: z.string().min(1).max(200),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict()
  .meta({ id: 'ImportMapping' });
export type ImportMapping = z.infer<typeof importMapping>;
export type ImportMappingInput = z.input<typeof importMapping>;

export const importIssue = z.object({
  /** the row in the file as the spreadsheet numbers it (the header is row 1) */
  row: z.number().int(),
  /** the column as the spreadsheet names it, with its header: `D (Date de début)`; null for the whole row */
  column: z.string().nullable(),
  field: z.enum(importFields).nullable(),
  /** in the reader's language */
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssue>;

/** An activity as read from the file, before it is written. */
export const importedActivity = z.object({
  rows: z.array(z.number().int()),
  reference: z.string().nullable(),
  title: z.string(),
  kind: z.enum(activityKinds),
  startDate: z.string(),
  endDate: z.string().nullable(),
  organisation: z.string(),
  partner: z.string().nullable(),
  places: z.array(z.object({ code: z.string(), name: z.string() })),
  indicators: z.array(z.string()),
  output: z.string().nullable(),
  /** the code of the planned activity it carries out */
  workPlanActivity: z.string().nullable(),
  participants: z.array(
    z.object({
      category: z.enum(participantCategories),
      sex: z.enum(sexes),
      ageGroup: z.enum(ageGroups),
      count: z.number().int(),
    }),
  ),
  total: z.number().int(),
});
export type ImportedActivity = z.infer<typeof importedActivity>;

export const importPreview = z
  .object({
    id: z.uuid(),
    programme: z.object({ slug: z.string(), code: z.string() }),
    fileName: z.string(),
    format: z.enum(['xlsx', 'csv']),
    status: z.enum(['previewed', 'committed']),
    sheets: z.array(z.string()),
    sheet: z.string().nullable(),
    /** the source columns: letter and header */
    columns: z.array(z.object({ letter: z.string(), header: z.string() })),
    mapping: importMapping,
    /** true when the mapping was guessed from the headers (the user can change it) */
    guessed: z.boolean(),
    rowCount: z.number().int(),
    activityCount: z.number().int(),
    /** rows already imported before (same reference or Kobo `_uuid`): skipped */
    duplicateCount: z.number().int(),
    errorCount: z.number().int(),
    /** every error, up to 2,000 (the count says how many in all) */
    errors: z.array(importIssue),
    sample: z.array(importedActivity),
    totals: participantTotals,
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'ImportPreview' });
export type ImportPreview = z.infer<typeof importPreview>;

export const importUploadQuery = z
  .object({
    fileName: z.string().trim().min(1).max(200),
    createdBy: z.string().trim().min(1).max(120).optional(),
    lang: z.enum(['fr', 'en']).optional(),
  })
  .strict();

export const importMappingWrite = z
  .object({ version: z.number().int().positive(), mapping: importMapping })
  .strict();

export const importCommitWrite = z.object({ version: z.number().int().positive() }).strict();

export const importCommitResult = z.object({
  id: z.uuid(),
  created: z.number().int(),
  skipped: z.number().int(),
  participants: z.number().int(),
  /** photos of a Kobo/ODK export attached to their activities (from the ZIP kept beside the file) */
  photos: z.number().int().optional(),
});
export type ImportCommitResult = z.infer<typeof importCommitResult>;

/**
 * Largest file accepted, and most rows: a field team's year fits many times over. Columns: a Kobo export of
 * Jalon's XLSForm has ~200 counts (16 categories × 12) plus a 0/1 column per choice of each multiple choice.
 */
export const importLimits = {
  maxBytes: 25 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 1_000,
  /** the ZIP of an export's attachments (photos resized by the form to 1,280 px: ~300 of them) */
  maxMediaBytes: 100 * 1024 * 1024,
} as const;

/** Importing indicator values: one row per indicator and period (code, start, end, value, reasons, who). */
export const valueImportQuery = z
  .object({
    fileName: z.string().trim().min(1).max(200).optional(),
    /** `true`: check every row and write nothing */
    dryRun: z.enum(['true', 'false']).default('true'),
    lang: z.enum(['fr', 'en']).optional(),
  })
  .strict();

/** A row of a value import as its preview shows it: a new value, or the update of the one holding its period. */
export const valueImportRow = z.object({
  row: z.number().int(),
  indicator: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  value: z.string(),
  action: z.enum(['new', 'update']),
  /** the value updated (a new version of it) */
  replaces: z.object({ id: z.string(), version: z.number().int(), value: z.string().nullable() }).optional(),
  /** "Mise à jour de la valeur existante « 24 » (version 1)." in the reader's language */
  note: z.string().optional(),
});
export type ValueImportRow = z.infer<typeof valueImportRow>;

export const valueImportResult = z
  .object({
    fileName: z.string(),
    rowCount: z.number().int(),
    /** values written as new (0 in a preview) */
    created: z.number().int(),
    /** values written as a new version of the one holding their period (0 in a preview) */
    updated: z.number().int(),
    /** what each row writes: new value or update */
    rows: z.array(valueImportRow),
    errorCount: z.number().int(),
    errors: z.array(importIssue),
    dryRun: z.boolean(),
  })
  .meta({ id: 'ValueImportResult' });
export type ValueImportResult = z.infer<typeof valueImportResult>;
