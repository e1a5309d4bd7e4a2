/**
 * Exchange: a programme out as IATI 2.03 XML or its results framework as an Excel workbook, and a file in
 * (IATI XML from any publisher, or a framework workbook) with a preview of what it would create and of what
 * could not be mapped. Shared by the server (validation, OpenAPI), the web app and the CLI.
 */
import { z } from 'zod';
import { localizedText, programmeKinds } from './programme-document.js';
import { programmeSlug } from './programme-api.js';

export const exchangeFormats = ['iati', 'xlsx'] as const;
export type ExchangeFormat = (typeof exchangeFormats)[number];

/** The largest file accepted for import (8 MiB): a whole country's IATI file is far below it. */
export const maxImportBytes = 8 * 1024 * 1024;
/** The same limit once the file is base64-encoded in a JSON body. */
export const maxImportBase64Length = Math.ceil(maxImportBytes / 3) * 4;

const isoDate = z.iso.date();

/** Where the imported content goes: new programmes, or a new framework version of an existing programme. */
export const importTarget = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('new_programmes') }).strict(),
    z
      .object({
        kind: z.literal('new_version'),
        /** the programme that receives the new version */
        programme: programmeSlug,
        label: localizedText,
        effectiveDate: isoDate,
        reason: localizedText,
      })
      .strict(),
  ])
  .meta({ id: 'ImportTarget' });
export type ImportTarget = z.infer<typeof importTarget>;

export const importRequest = z
  .object({
    /** the file's name as the user chose it, shown back in the report */
    fileName: z.string().trim().min(1).max(255),
    /** the file's bytes, base64-encoded (IATI XML or an Excel .xlsx workbook; the format is detected) */
    content: z
      .string()
      .min(1)
      .max(maxImportBase64Length, 'the file is larger than 8 MiB')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 expected'),
    target: importTarget.default({ kind: 'new_programmes' }),
  })
  .strict()
  .meta({ id: 'ImportRequest' });
export type ImportRequest = z.input<typeof importRequest>;

export const importIssueSeverities = ['error', 'unmapped', 'note'] as const;
/**
 * One finding about the file: an `error` blocks the import; `unmapped` is content Jalon does not keep;
 * a `note` says how something was read (e.g. budgets by year summed into one approved budget).
 */
export const importIssue = z
  .object({
    severity: z.enum(importIssueSeverities),
    /** where in the file: `Cadre de résultats, ligne 12, colonne K (Cible 2023)`, `XM-DAC-41146-BDI_D_4.3 › contact-info` */
    where: z.string(),
    message: z.string(),
    /** how many times the same finding occurs at that place */
    count: z.number().int().positive().optional(),
  })
  .meta({ id: 'ImportIssue' });
export type ImportIssue = z.infer<typeof importIssue>;

/** What became of an element of an imported file: these three states, no other (issue 17). */
export const importElementStates = ['kept', 'changed', 'notKept'] as const;
export type ImportElementState = (typeof importElementStates)[number];

export const importElement = z
  .object({
    /** the element's place in the file: `iati-activities › iati-activity › result › indicator › baseline` */
    path: z.string(),
    state: z.enum(importElementStates),
    /** how it changed, or why it is not kept (in the reader's language); none when kept */
    message: z.string().optional(),
    /** how many elements of the file are at that place with that fate */
    count: z.number().int().positive(),
  })
  .meta({ id: 'ImportElement' });
export type ImportElement = z.infer<typeof importElement>;

export const importedProgramme = z
  .object({
    /** where it comes from: the IATI activity identifier, or the workbook */
    source: z.string(),
    code: z.string(),
    title: localizedText,
    kind: z.enum(programmeKinds),
    action: z.enum(['create', 'new_version']),
    /** the programme's URL key (the existing one for a new version) */
    slug: z.string(),
    /** `create` when a programme with this code already exists: the import would be refused */
    exists: z.boolean(),
    /** the framework version it creates; null when the source has no results */
    frameworkVersion: z
      .object({
        version: z.number().int().positive(),
        label: localizedText,
        outcomes: z.number().int(),
        outputs: z.number().int(),
        indicators: z.number().int(),
        activities: z.number().int(),
      })
      .nullable(),
    /** indicator values (actuals) it records */
    values: z.number().int(),
    recipients: z.array(z.string()),
    donors: z.array(z.string()),
    places: z.number().int(),
  })
  .meta({ id: 'ImportedProgramme' });
export type ImportedProgramme = z.infer<typeof importedProgramme>;

export const importPreview = z
  .object({
    format: z.enum(exchangeFormats),
    fileName: z.string(),
    /** the IATI version the file declares, or the workbook's sheet that was read */
    detail: z.string().nullable(),
    programmes: z.array(importedProgramme),
    issues: z.array(importIssue),
    /** an IATI file: every element, kept, changed (how) or not kept (why), grouped by place */
    elements: z.array(importElement).optional(),
    /** false when an issue is an error: confirming would be refused */
    canImport: z.boolean(),
  })
  .meta({ id: 'ImportPreview' });
export type ImportPreview = z.infer<typeof importPreview>;

export const importResult = importPreview
  .extend({
    created: z.array(
      z.object({ slug: z.string(), code: z.string(), frameworkVersion: z.number().int().nullable() }),
    ),
  })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof importResult>;

/** What Jalon could not publish faithfully in a programme's IATI file, and why (the same list heads the file). */
export const iatiHeldBack = z.object({ warnings: z.array(z.string()) }).meta({ id: 'IatiHeldBack' });
export type IatiHeldBack = z.infer<typeof iatiHeldBack>;

export const exportQuery = z.object({
  /** the framework version to export; the one in force when left out */
  version: z.coerce.number().int().positive().optional(),
  lang: z.enum(['fr', 'en']).optional(),
});
