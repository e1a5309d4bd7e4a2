/**
 * Importing indicator values from a spreadsheet (one row per indicator and period: code, period start and
 * end, value as written, reasons, who gave it): every error by row and column, then all of it or nothing,
 * each value keeping its file and row as its provenance.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { toStoredValue } from '../../../core/domain/stored-value.js';
import type { ImportIssue } from '../../../core/contracts/activity-import.js';
import * as t from '../../db/schema/index.js';
import type { ServiceContext } from '../../context.js';
import { sayIn } from '../../documents/bilingual.js';
import { ImportRefused } from '../../documents/import-refused.js';
import { columnLetter, normaliseHeader } from '../../documents/xlsx/activities-layout.js';
import { readSpreadsheet } from '../../documents/xlsx/activities-reader.js';
import { AppError, notFound } from '../../errors.js';
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

export interface ValueImportResult {
  fileName: string;
  rowCount: number;
  created: number;
  errorCount: number;
  errors: ImportIssue[];
  dryRun: boolean;
}

/** Reads the file; unless a dry run (or any error), writes every value in one transaction. */
export async function importIndicatorValues(
  ctx: ServiceContext,
  slug: string,
  bytes: Buffer | undefined,
  input: { fileName?: string; dryRun: boolean },
): Promise<ValueImportResult> {
  const say = sayIn(ctx.locale);
  const [programme] = await ctx.db.select().from(t.programmes).where(eq(t.programmes.slug, slug));
  if (!programme) throw notFound('Programme', slug);
  if (!bytes || bytes.length === 0)
    throw new AppError('validation_failed', 'Empty file', {
      issues: [{ path: 'body', message: say('Le fichier est vide.', 'The file is empty.') }],
    });
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
  const fileName = (input.fileName ?? 'valeurs').split(/[\\/]/).pop()!.slice(0, 200);
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
        message: say(
          `Colonne manquante : ${{ indicator: 'Indicateur', periodStart: 'Début de période', periodEnd: 'Fin de période', value: 'Valeur' }[field]}.`,
          `Missing column: ${{ indicator: 'Indicator', periodStart: 'Period start', periodEnd: 'Period end', value: 'Value' }[field]}.`,
        ),
      });
  if (errors.length)
    return {
      fileName,
      rowCount: table.rows.length,
      created: 0,
      errorCount: errors.length,
      errors,
      dryRun: input.dryRun,
    };

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
        message: say(
          `Indicateur inconnu dans le cadre en vigueur : « ${code} ».`,
          `Unknown indicator in the framework in force: “${code}”.`,
        ),
      });
    const start = readDate(get('periodStart') ?? null);
    const end = readDate(get('periodEnd') ?? null);
    if (!start)
      errors.push({
        row,
        column: where('periodStart'),
        field: null,
        message: say(
          `« ${text(get('periodStart'))} » n’est pas une date.`,
          `“${text(get('periodStart'))}” is not a date.`,
        ),
      });
    if (!end)
      errors.push({
        row,
        column: where('periodEnd'),
        field: null,
        message: say(
          `« ${text(get('periodEnd'))} » n’est pas une date.`,
          `“${text(get('periodEnd'))}” is not a date.`,
        ),
      });
    if (start && end && end < start)
      errors.push({
        row,
        column: where('periodEnd'),
        field: null,
        message: say('La fin de période précède son début.', 'The period ends before it starts.'),
      });
    const written = text(get('value'));
    if (!written)
      errors.push({
        row,
        column: where('value'),
        field: null,
        message: say('Valeur manquante.', 'Value missing.'),
      });
    if (written.length > 500)
      errors.push({
        row,
        column: where('value'),
        field: null,
        message: say('Valeur de plus de 500 caractères.', 'Value over 500 characters.'),
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
  if (errors.length || input.dryRun)
    return {
      fileName,
      rowCount: table.rows.length,
      created: 0,
      errorCount: errors.length,
      errors: errors.slice(0, 2000),
      dryRun: input.dryRun,
    };
  await assertDatesOpen(
    ctx.db,
    programme.id,
    values.map((v) => v.periodEnd),
    ctx.locale,
  );
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < values.length; i++)
      await insertSourcedValue(tx, values[i]!, {
        ...sources[i]!,
        note: `sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`,
      });
  });
  return {
    fileName,
    rowCount: table.rows.length,
    created: values.length,
    errorCount: 0,
    errors: [],
    dryRun: false,
  };
}
