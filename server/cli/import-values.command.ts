import type { ValueImportResult } from '../../core/contracts/activity-import.js';
import { errorCountOf, runImportOnce } from '../modules/imports/imports.service.js';
import { readImportFile, type ImportFileOptions } from './import-file.js';
import { openMigrated } from './open.js';
import { operatorContext } from '../context.js';

export type ImportValuesOptions = ImportFileOptions;

/**
 * `jalon import values <file.xlsx|file.csv> --programme <code> [--dry-run]`: reads indicator values (one row per
 * indicator and period: Indicateur, Début de période, Fin de période, Valeur, Raisons, Saisi par), prints every
 * error by row and column, and — unless a dry run or an error — writes every value in one transaction, each
 * keeping its file and row. Exits with 1 when the file has errors.
 */
export async function importValuesCommand(file: string, options: ImportValuesOptions): Promise<void> {
  const { locale, say, slug, fileName, bytes, dryRun } = readImportFile(file, options);
  const database = await openMigrated();
  try {
    const ctx = operatorContext(database.db, locale);
    const { preview, result } = await runImportOnce<ValueImportResult>(ctx, 'indicator-values', slug, bytes, {
      fileName,
      dryRun,
    });
    const read = preview.read;
    const errors = errorCountOf(read);
    console.log(
      say('imports.cli.values.read', {
        file: fileName,
        rows: read.rowCount,
        values: read.itemCount,
        errors,
      }),
    );
    for (const issue of read.issues)
      console.log(
        `  ${say('imports.cli.row')} ${issue.where.row}${issue.where.column ? `, ${issue.where.column}` : ''} — ${issue.message}`,
      );
    // what each row writes: a new value, or a new version of the value holding its period
    const detail = preview.read.detail({
      id: null,
      fileName,
      status: 'previewed',
      version: 1,
      createdAt: ctx.now(),
    }) as ValueImportResult;
    for (const row of detail.rows)
      console.log(
        `  ${say('imports.cli.row')} ${row.row} — ${row.indicator} (${row.periodStart} → ${row.periodEnd}) « ${row.value} » : ${
          row.note ?? say('imports.cli.values.newValue')
        }`,
      );
    if (errors) {
      console.log(say('imports.cli.nothingImported'));
      process.exitCode = 1;
    } else if (result) {
      console.log(say('imports.cli.values.imported', { count: result.created, updated: result.updated }));
    } else {
      console.log(say('imports.cli.dryRun'));
    }
  } finally {
    await database.close();
  }
}
