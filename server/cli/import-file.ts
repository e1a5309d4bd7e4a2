import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { importLimits } from '../../core/contracts/activity-import.js';
import { programmeSlugOf } from '../../core/domain/programme-slug.js';
import { isLocale, type Locale } from '../../core/i18n/locale.js';
import { tIn } from '../../core/i18n/t.js';

export interface ImportFileOptions {
  /** the programme's code (PROSMED, PBF/MLI/A-1) */
  programme?: string;
  dryRun?: boolean;
  lang?: string;
}

/**
 * What every `jalon … import <file> --programme <code>` reads first: the reader's language, the programme
 * (refused unnamed), and the file — refused above the pipeline's limit before it is read into memory.
 */
export function readImportFile(file: string, options: ImportFileOptions) {
  const locale: Locale = isLocale(options.lang) ? options.lang : 'fr';
  const say = tIn(locale);
  if (!options.programme) throw new Error(say('imports.cli.nameTheProgramme'));
  if (statSync(file).size > importLimits.maxBytes)
    throw new Error(say('imports.cli.fileOverSize', { megabytes: importLimits.maxBytes / 1024 / 1024 }));
  return {
    locale,
    say,
    slug: programmeSlugOf(options.programme),
    fileName: basename(file),
    bytes: readFileSync(file),
    dryRun: Boolean(options.dryRun),
  };
}
