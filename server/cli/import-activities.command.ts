import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  importLimits,
  type ImportCommitResult,
  type ImportPreview,
} from '../../core/contracts/activity-import.js';
import { programmeSlugOf } from '../../core/domain/programme-slug.js';
import { isLocale, type Locale } from '../../core/i18n/locale.js';
import { sayIn } from '../documents/bilingual.js';
import { errorCountOf, recordOf, runImportOnce } from '../modules/imports/imports.service.js';
import { openMigrated } from './open.js';

export interface ImportActivitiesOptions {
  programme?: string;
  dryRun?: boolean;
  lang?: string;
}

/**
 * `jalon import activities <file.xlsx|file.csv> --programme <code> [--dry-run]`: reads the file with the
 * mapping guessed from its headers (Jalon's template, or a sheet whose headers say what they hold), prints
 * every error by row and column, and — unless a dry run or an error — writes every activity in one
 * transaction. Exits with 1 when the file has errors.
 */
export async function importActivitiesCommand(file: string, options: ImportActivitiesOptions): Promise<void> {
  const locale: Locale = isLocale(options.lang) ? options.lang : 'fr';
  const say = sayIn(locale);
  if (!options.programme)
    throw new Error(
      say('Indiquez le programme : --programme PROSMED', 'Name the programme: --programme PROSMED'),
    );
  if (statSync(file).size > importLimits.maxBytes)
    throw new Error(
      say(
        `Le fichier dépasse ${importLimits.maxBytes / 1024 / 1024} Mo.`,
        `The file is over ${importLimits.maxBytes / 1024 / 1024} MB.`,
      ),
    );
  const bytes = readFileSync(file);
  const database = await openMigrated();
  try {
    const ctx = { db: database.db, locale, now: () => new Date() };
    const { preview, result: committed } = await runImportOnce<ImportCommitResult>(
      ctx,
      'activities',
      programmeSlugOf(options.programme),
      bytes,
      { fileName: basename(file), dryRun: Boolean(options.dryRun), skipEmpty: true },
    );
    const read = preview.read;
    const detail = read.detail(recordOf(preview.row, basename(file), ctx.now())) as ImportPreview;
    const r = {
      rowCount: read.rowCount,
      items: read.itemCount,
      duplicates: detail.duplicateCount,
      errorCount: errorCountOf(read),
      issues: read.issues,
    };
    console.log(
      say(
        `${basename(file)} : ${r.rowCount} ligne(s), ${r.items} activité(s), ${r.duplicates} déjà importée(s), ${r.errorCount} erreur(s).`,
        `${basename(file)}: ${r.rowCount} row(s), ${r.items} activit${r.items === 1 ? 'y' : 'ies'}, ${r.duplicates} already imported, ${r.errorCount} error(s).`,
      ),
    );
    const mapped = Object.entries(read.mapping?.columns ?? {}).map(
      ([field, header]) => `${field} ← ${header}`,
    );
    console.log(`${say('Colonnes lues :', 'Columns read:')} ${mapped.join(', ')}`);
    for (const issue of r.issues)
      console.log(
        `  ${say('ligne', 'row')} ${issue.where.row}${issue.where.column ? `, ${issue.where.column}` : ''} — ${issue.message}`,
      );
    if (r.errorCount > r.issues.length)
      console.log(
        say(
          `  … et ${r.errorCount - r.issues.length} autres erreurs.`,
          `  … and ${r.errorCount - r.issues.length} more errors.`,
        ),
      );
    if (r.errorCount) {
      console.log(say('Rien n’est importé : corrigez le fichier.', 'Nothing is imported: correct the file.'));
      process.exitCode = 1;
    } else if (committed) {
      console.log(
        say(
          `Importé : ${committed.created} activité(s), ${committed.participants} participant(s) (import ${committed.id}).`,
          `Imported: ${committed.created} activit${committed.created === 1 ? 'y' : 'ies'}, ${committed.participants} participant(s) (import ${committed.id}).`,
        ),
      );
    } else if (options.dryRun) {
      console.log(say('Essai à blanc : rien n’est écrit.', 'Dry run: nothing is written.'));
    } else {
      console.log(say('Rien de nouveau à importer.', 'Nothing new to import.'));
    }
  } finally {
    await database.close();
  }
}
