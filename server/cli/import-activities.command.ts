import type { ImportCommitResult, ImportPreview } from '../../core/contracts/activity-import.js';
import { errorCountOf, recordOf, runImportOnce } from '../modules/imports/imports.service.js';
import { readImportFile, type ImportFileOptions } from './import-file.js';
import { openMigrated } from './open.js';
import { operatorContext } from '../context.js';

export type ImportActivitiesOptions = ImportFileOptions;

/**
 * `jalon import activities <file.xlsx|file.csv> --programme <code> [--dry-run]`: reads the file with the
 * mapping guessed from its headers (Jalon's template, or a sheet whose headers say what they hold), prints
 * every error by row and column, and — unless a dry run or an error — writes every activity in one
 * transaction. Exits with 1 when the file has errors.
 */
export async function importActivitiesCommand(file: string, options: ImportActivitiesOptions): Promise<void> {
  const { locale, say, slug, fileName, bytes, dryRun } = readImportFile(file, options);
  const database = await openMigrated();
  try {
    const ctx = operatorContext(database.db, locale);
    const { preview, result: committed } = await runImportOnce<ImportCommitResult>(
      ctx,
      'activities',
      slug,
      bytes,
      { fileName, dryRun, skipEmpty: true },
    );
    const read = preview.read;
    const detail = read.detail(recordOf(preview.row, fileName, ctx.now())) as ImportPreview;
    const r = {
      rowCount: read.rowCount,
      items: read.itemCount,
      duplicates: detail.duplicateCount,
      errorCount: errorCountOf(read),
      issues: read.issues,
    };
    console.log(
      say('imports.cli.activities.read', {
        file: fileName,
        rows: r.rowCount,
        count: r.items,
        duplicates: r.duplicates,
        errors: r.errorCount,
      }),
    );
    const mapped = Object.entries(read.mapping?.columns ?? {}).map(
      ([field, header]) => `${field} ← ${header}`,
    );
    console.log(`${say('imports.cli.columnsRead')} ${mapped.join(', ')}`);
    for (const issue of r.issues)
      console.log(
        `  ${say('imports.cli.row')} ${issue.where.row}${issue.where.column ? `, ${issue.where.column}` : ''} — ${issue.message}`,
      );
    if (r.errorCount > r.issues.length)
      console.log(`  ${say('imports.cli.moreErrors', { count: r.errorCount - r.issues.length })}`);
    if (r.errorCount) {
      console.log(say('imports.cli.nothingImported'));
      process.exitCode = 1;
    } else if (committed) {
      console.log(
        say('imports.cli.activities.imported', {
          count: committed.created,
          participants: committed.participants,
          id: committed.id,
        }),
      );
    } else if (dryRun) {
      console.log(say('imports.cli.dryRun'));
    } else {
      console.log(say('imports.cli.nothingNew'));
    }
  } finally {
    await database.close();
  }
}
