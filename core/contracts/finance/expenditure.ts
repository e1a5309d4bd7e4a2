// Expenditure: expenses by budget line and period, entered or imported from the expenditure workbook.
import { z } from 'zod';
import { uuid } from '../programme-api.js';
import { currencyInput, isoDate, lineCode, moneyInput } from './fields.js';
import { expenditureProvenances } from '../../vocabulary/finance.js';

export { expenditureProvenances };

export const expenditure = z
  .object({
    id: uuid,
    line: z.object({ id: uuid, code: z.string() }),
    periodStart: isoDate,
    periodEnd: isoDate,
    /** in USD */
    amount: z.number(),
    originalAmount: z.number().nullable(),
    originalCurrency: z.string().nullable(),
    exchangeRate: z.number().nullable(),
    note: z.string().nullable(),
    provenance: z.enum(expenditureProvenances),
    version: z.number().int(),
  })
  .meta({ id: 'Expenditure' });
export type Expenditure = z.infer<typeof expenditure>;

export const expenditureCreate = z
  .object({
    /** the budget line's code (`2.1.3-b`) */
    line: lineCode,
    periodStart: isoDate,
    periodEnd: isoDate,
    amount: moneyInput,
    currency: currencyInput.optional(),
    exchangeRate: moneyInput.nullable().optional(),
    note: z.string().max(500).nullable().optional(),
  })
  .strict()
  .meta({ id: 'ExpenditureCreate' });
export type ExpenditureCreate = z.infer<typeof expenditureCreate>;
export const expenditurePatch = expenditureCreate
  .omit({ line: true })
  .partial()
  .extend({ version: z.number().int().positive() })
  .strict()
  .meta({ id: 'ExpenditurePatch' });
export type ExpenditurePatch = z.infer<typeof expenditurePatch>;

export const expenditureQuery = z
  .object({
    line: lineCode.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();

/** The largest workbook accepted (8 MiB), base64-encoded in a JSON body. */
export const maxWorkbookBytes = 8 * 1024 * 1024;
export const expenditureImportRequest = z
  .object({
    fileName: z.string().trim().min(1).max(255),
    /** the .xlsx file's bytes, base64-encoded */
    content: z
      .string()
      .min(1)
      .max(Math.ceil(maxWorkbookBytes / 3) * 4, 'the file is larger than 8 MiB')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 expected'),
    /** check the file and say what it would write, without writing */
    dryRun: z.boolean().default(false),
  })
  .strict()
  .meta({ id: 'ExpenditureImportRequest' });
export type ExpenditureImportRequest = z.input<typeof expenditureImportRequest>;

export const expenditureImportResult = z
  .object({
    fileName: z.string(),
    dryRun: z.boolean(),
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    /** sum of the file's amounts, in USD */
    total: z.number(),
  })
  .meta({ id: 'ExpenditureImportResult' });
export type ExpenditureImportResult = z.infer<typeof expenditureImportResult>;
