import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { programmeSlugOf } from '../../core/domain/programme-slug.js';
import { isLocale } from '../../core/i18n/locale.js';
import { activityXlsForm } from '../modules/imports/spreadsheets.service.js';
import { openMigrated } from './open.js';
import { operatorContext } from '../context.js';

/**
 * `jalon export xlsform <programme> [--out <file>]`: writes the programme's activity form as an XLSForm for
 * KoboToolbox or ODK Central (the one `GET /programmes/:slug/xlsform` sends) and prints the path written.
 */
export async function exportXlsFormCommand(programme: string, options: { lang: string; out?: string }) {
  if (!isLocale(options.lang)) throw new Error(`Unknown language "${options.lang}": use fr or en.`);
  // reads then a workbook: on PGlite, the brief command's engine (server/db/client.ts, `brief`)
  const database = await openMigrated(undefined, { brief: true });
  try {
    const file = await activityXlsForm(
      operatorContext(database.db, options.lang),
      programmeSlugOf(programme),
    );
    const path = resolve(options.out ?? file.fileName);
    writeFileSync(path, file.bytes);
    console.log(path);
  } finally {
    await database.close();
  }
}
