/**
 * Importing indicator values from a spreadsheet (one row per indicator and period: code, period start and
 * end, value as written, reasons, who gave it): every error by row and column, then all of it or nothing,
 * each value keeping its file and row as its provenance. The import pipeline's indicator-values kind
 * (`server/modules/imports/kinds/indicator-values.kind.ts`) reads and writes through these two functions.
 */
import type { DbOrTx } from '../../db/client.js';
import { toStoredValue } from '../../../core/domain/stored-value.js';
import type { ImportIssue } from '../../../core/contracts/activity-import.js';
import { personOf, type ServiceContext } from '../../context.js';
import { tIn } from '../../../core/i18n/t.js';
import { ImportRefused } from '../../documents/import-refused.js';
import { columnLetter, normaliseHeader } from '../../documents/xlsx/activities-layout.js';
import { readSpreadsheet } from '../../documents/xlsx/activities-reader.js';
import { AppError } from '../../errors.js';
import { inForceVersion } from '../programmes/programmes.presenter.js';
import { frameworkVersionsOf } from '../programmes/programmes.queries.js';
import { insertSourcedValue, updateSourcedValue } from './indicator-data.service.js';
import { valueDateLocks } from '../periods/period-locks.js';
import { fitToIndicator } from '../../../core/domain/value-fits-indicator.js';
import { formatDate } from '../../../core/i18n/format.js';
import type { ValueImportRow } from '../../../core/contracts/activity-import.js';
import { lockIndicatorRows, periodKey, valueProblems, valuesByPeriod } from './value-rules.js';
import { readDate } from '../activities/import-rows.js';
import { findIndicatorsByCode } from './value-import.queries.js';

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
  /** each value's row as the preview shows it: a new value, or the update of the one holding its period */
  rows: ValueImportRow[];
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
    rows: ValueFile['rows'] = [],
  ): ValueFile => ({
    format: sheet.format,
    sheet: sheetName,
    rowCount: table.rows.length,
    errors: found.slice(0, 2000),
    errorCount: found.length,
    values,
    sources,
    rows,
  });
  if (errors.length) return file(errors);

  // the indicators of the framework in force, by code
  const versions = await frameworkVersionsOf(ctx.db, programme.id);
  const version = inForceVersion(versions, ctx.now().toISOString().slice(0, 10));
  const indicators = version
    ? await findIndicatorsByCode(
        ctx.db,
        version.id,
        table.rows
          .map((r) => String(r.cells[column.get('indicator')!] ?? '').trim())
          .filter(Boolean)
          .slice(0, 5000),
      )
    : [];
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const text = (v: unknown) =>
    v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
  const values: Parameters<typeof insertSourcedValue>[1][] = [];
  const sources: Parameters<typeof insertSourcedValue>[2][] = [];
  const codes: string[] = [];
  // the first row giving each indicator × period: a second is an error of the file
  const firstRowOf = new Map<string, number>();
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
    // the rules of every value write (value-rules.ts), said at the row and column
    const stored = toStoredValue(written, { percentIndicator: indicator.measure === 'percent' });
    const problems = valueProblems(ctx.locale, indicator.measure, stored);
    for (const message of problems) errors.push({ row, column: where('value'), field: null, message });
    const key = periodKey(indicator.id, start, end);
    const first = firstRowOf.get(key);
    if (first !== undefined)
      errors.push({
        row,
        column: where('periodStart'),
        field: null,
        message: say('imports.values.periodTwice', { row: first, code }),
      });
    else firstRowOf.set(key, row);
    if (problems.length || first !== undefined) continue;
    values.push({
      indicatorId: indicator.id,
      periodStart: start,
      periodEnd: end,
      value: { ...stored, spec: fitToIndicator(indicator.measure, stored.spec) },
      reason: text(get('reason')).slice(0, 2000) || null,
      provenance: 'imported',
    });
    sources.push({
      enteredBy: text(get('enteredBy')) || personOf(ctx.actor)?.name || null,
      fileName,
      sheet: sheet.format === 'xlsx' ? table.name : null,
      row,
    });
    codes.push(code);
  }
  // a locked date is a finding of its row, not a refusal of the whole file at the commit
  const locks = await valueDateLocks(
    ctx.db,
    programme.id,
    values.map((v) => v.periodEnd),
    ctx.locale,
  );
  values.forEach((v, i) => {
    const lock = locks.get(v.periodEnd);
    if (lock)
      errors.push({
        row: sources[i]!.row!,
        column: where('periodEnd'),
        field: null,
        message: say('imports.values.locked', { date: formatDate(v.periodEnd, ctx.locale), lock: lock.text }),
      });
  });
  if (errors.length) return file(errors.sort((a, b) => a.row - b.row));
  // a period that already has a value: that value is updated (a new version), not doubled
  const held = await valuesByPeriod(
    ctx.db,
    values.map((v) => v.indicatorId),
  );
  const rows = values.map((v, i): ValueImportRow => {
    const existing = held.get(periodKey(v.indicatorId, v.periodStart, v.periodEnd));
    return {
      row: sources[i]!.row!,
      indicator: codes[i]!,
      periodStart: v.periodStart,
      periodEnd: v.periodEnd,
      value: v.value.text,
      action: existing ? 'update' : 'new',
      ...(existing
        ? {
            replaces: { id: existing.id, version: existing.version, value: existing.value?.text ?? null },
            note: say('imports.values.update', {
              value: existing.value?.text ?? '—',
              version: existing.version,
            }),
          }
        : {}),
    };
  });
  return file([], values, sources, rows);
}

/**
 * Writes every value read, in the caller's transaction, with the rules of every value write (value-rules.ts),
 * all of them or nothing: the dates open (checked again: the file was read before), a period that already has a
 * value updated as a new version of it (the audit keeps the one before), the others inserted.
 */
export async function writeIndicatorValues(
  tx: DbOrTx,
  ctx: ServiceContext,
  programmeId: string,
  file: ValueFile,
  sha256: string,
): Promise<{ created: number; updated: number }> {
  const say = tIn(ctx.locale);
  await lockIndicatorRows(
    tx,
    file.values.map((v) => v.indicatorId),
  );
  // a value is dated by its period's end
  const locks = await valueDateLocks(
    tx,
    programmeId,
    file.values.map((v) => v.periodEnd),
    ctx.locale,
  );
  file.values.forEach((v, i) => {
    const lock = locks.get(v.periodEnd);
    if (!lock) return;
    const message = `${say('imports.cli.row')} ${file.sources[i]!.row} — ${say('imports.values.locked', {
      date: formatDate(v.periodEnd, ctx.locale),
      lock: lock.text,
    })}`;
    throw new AppError('locked', message, {
      issues: [{ path: `rows.${file.sources[i]!.row}`, message }],
      current: { lock },
      detail: message,
    });
  });
  const held = await valuesByPeriod(
    tx,
    file.values.map((v) => v.indicatorId),
  );
  let created = 0;
  let updated = 0;
  for (let i = 0; i < file.values.length; i++) {
    const v = file.values[i]!;
    const source = { ...file.sources[i]!, note: `sha256 ${sha256.slice(0, 16)}` };
    const existing = held.get(periodKey(v.indicatorId, v.periodStart, v.periodEnd));
    if (existing) {
      await updateSourcedValue(tx, existing, v, source, ctx.now());
      updated++;
    } else {
      await insertSourcedValue(tx, v, source);
      created++;
    }
  }
  return { created, updated };
}
