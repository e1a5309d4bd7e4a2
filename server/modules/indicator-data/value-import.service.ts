/**
 * Importing indicator values from a spreadsheet (one row per indicator and period: code, period start and
 * end, value as written, reasons, who gave it): every error by row and column, then all of it or nothing,
 * each value keeping its file and row as its provenance. The import pipeline's indicator-values kind
 * (`server/modules/imports/kinds/indicator-values.kind.ts`) reads and writes through these two functions.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { toStoredValue } from '../../../core/domain/stored-value.js';
import type { ImportIssue } from '../../../core/contracts/activity-import.js';
import * as t from '../../db/schema/index.js';
import type { ServiceContext } from '../../context.js';
import { tIn } from '../../../core/i18n/t.js';
import { ImportRefused } from '../../documents/import-refused.js';
import { columnLetter, normaliseHeader } from '../../documents/xlsx/activities-layout.js';
import { readSpreadsheet } from '../../documents/xlsx/activities-reader.js';
import { AppError } from '../../errors.js';
import { inForceVersion } from '../programmes/programmes.presenter.js';
import { frameworkVersionsOf } from '../programmes/programmes.queries.js';
import { insertSourcedValue } from './indicator-data.service.js';
import { assertDatesOpen } from '../periods/period-locks.js';
import { readDate } from '../activities/import-rows.js';

type Field = 'indicator' | 'periodStart' | 'periodEnd' | 'value' | 'reason' | 'enteredBy';
const headers: Record<Field, string[]> = {
  indicator: ['indicateur', 'code indicateur', 'indicator', 'indicator code', 'code'],
  periodStart: ['debut de periode', 'debut', 'period start', 'start', 'du', 'from'],
  periodEnd: ['fin de periode', 'fin', 'period end', 'end', 'au', 'to'],
  value: ['valeur', 'value', 'progres', 'progres actuel', 'progress', 'current progress'],
  reason: ['raisons', 'raisons des retards ou changements', 'reasons', 'reason', 'commentaire'],
  enteredBy: ['saisi par', 'entered by', 'source', 'auteur'],
};

/** A file's indicator values, read and checked: what the indicator-values import kind writes. */
export interface ValueFile {
  format: 'xlsx' | 'csv';
  /** the sheet read (.xlsx) */
  sheet: string | null;
  rowCount: number;
  /** every error by row and column, up to 2,000 */
  errors: ImportIssue[];
  errorCount: number;
  values: Parameters<typeof insertSourcedValue>[1][];
  sources: Parameters<typeof insertSourcedValue>[2][];
}

/**
 * Reads the file: the columns by their headers, every row checked against the framework in force. Writes
 * nothing; a file refused as a whole (not a spreadsheet, too big) is a 400.
 */
export async function readIndicatorValues(
  ctx: ServiceContext,
  programme: { id: string },
  bytes: Buffer,
  fileName: string,
): Promise<ValueFile> {
  const say = tIn(ctx.locale);
  let sheet;
  try {
    sheet = await readSpreadsheet(bytes, { locale: ctx.locale });
  } catch (error) {
    if (error instanceof ImportRefused)
      throw new AppError('validation_failed', 'File refused', {
        issues: [{ path: 'body', message: error.message }],
      });
    throw error;
  }
  const table = sheet.table;
  const column = new Map<Field, number>();
  table.headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    for (const [field, words] of Object.entries(headers) as [Field, string[]][])
      if (words.includes(key) && !column.has(field)) column.set(field, i);
  });
  const errors: ImportIssue[] = [];
  const where = (field: Field) => {
    const i = column.get(field);
    return i === undefined ? null : `${columnLetter(i)} (${table.headers[i]})`;
  };
  for (const field of ['indicator', 'periodStart', 'periodEnd', 'value'] as const)
    if (!column.has(field))
      errors.push({
        row: 1,
        column: null,
        field: null,
        message: say('imports.values.missingColumn', { column: say(`imports.values.column.${field}`) }),
      });
  const sheetName = sheet.format === 'xlsx' ? table.name : null;
  const file = (
    found: ImportIssue[],
    values: ValueFile['values'] = [],
    sources: ValueFile['sources'] = [],
  ) => ({
    format: sheet.format,
    sheet: sheetName,
    rowCount: table.rows.length,
    errors: found.slice(0, 2000),
    errorCount: found.length,
    values,
    sources,
  });
  if (errors.length) return file(errors);

  // the indicators of the framework in force, by code
  const versions = await frameworkVersionsOf(ctx.db, programme.id);
  const version = inForceVersion(versions, ctx.now().toISOString().slice(0, 10));
  const indicators = version
    ? await ctx.db
        .select({ id: t.indicators.id, code: t.indicators.code, measure: t.indicators.measure })
        .from(t.indicators)
        .where(
          and(
            eq(t.indicators.frameworkVersionId, version.id),
            inArray(
              t.indicators.code,
              table.rows
                .map((r) => String(r.cells[column.get('indicator')!] ?? '').trim())
                .filter(Boolean)
                .slice(0, 5000),
            ),
          ),
        )
    : [];
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const text = (v: unknown) =>
    v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
  const values: Parameters<typeof insertSourcedValue>[1][] = [];
  const sources: Parameters<typeof insertSourcedValue>[2][] = [];
  for (const { row, cells } of table.rows) {
    const get = (f: Field) => (column.has(f) ? cells[column.get(f)!] : undefined);
    const code = text(get('indicator'));
    const indicator = byCode.get(code);
    if (!indicator)
      errors.push({
        row,
        column: where('indicator'),
        field: null,
        message: say('imports.values.unknownIndicator', { code }),
      });
    const start = readDate(get('periodStart') ?? null);
    const end = readDate(get('periodEnd') ?? null);
    if (!start)
      errors.push({
        row,
        column: where('periodStart'),
        field: null,
        message: say('imports.values.notADate', { text: text(get('periodStart')) }),
      });
    if (!end)
      errors.push({
        row,
        column: where('periodEnd'),
        field: null,
        message: say('imports.values.notADate', { text: text(get('periodEnd')) }),
      });
    if (start && end && end < start)
      errors.push({
        row,
        column: where('periodEnd'),
        field: null,
        message: say('imports.values.periodEndsBeforeStart'),
      });
    const written = text(get('value'));
    if (!written)
      errors.push({
        row,
        column: where('value'),
        field: null,
        message: say('imports.values.valueMissing'),
      });
    if (written.length > 500)
      errors.push({
        row,
        column: where('value'),
        field: null,
        message: say('imports.values.valueTooLong'),
      });
    if (!indicator || !start || !end || !written || end < start || written.length > 500) continue;
    values.push({
      indicatorId: indicator.id,
      periodStart: start,
      periodEnd: end,
      value: toStoredValue(written, { percentIndicator: indicator.measure === 'percent' }),
      reason: text(get('reason')).slice(0, 2000) || null,
      provenance: 'imported',
    });
    sources.push({
      enteredBy: text(get('enteredBy')) || ctx.actor?.name || null,
      fileName,
      sheet: sheet.format === 'xlsx' ? table.name : null,
      row,
    });
  }
  return errors.length ? file(errors) : file([], values, sources);
}

/** Writes every value read, in the caller's transaction, after the date locks: all of them or nothing. */
export async function writeIndicatorValues(
  tx: DbOrTx,
  ctx: ServiceContext,
  programmeId: string,
  file: ValueFile,
  sha256: string,
): Promise<number> {
  // a value is dated by its period's end
  await assertDatesOpen(
    tx,
    programmeId,
    file.values.map((v) => v.periodEnd),
    ctx.locale,
  );
  for (let i = 0; i < file.values.length; i++)
    await insertSourcedValue(tx, file.values[i]!, {
      ...file.sources[i]!,
      note: `sha256 ${sha256.slice(0, 16)}`,
    });
  return file.values.length;
}
