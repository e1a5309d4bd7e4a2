import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { programmeSlugOf } from '../../core/domain/programme-slug.js';
import { isLocale } from '../../core/i18n/locale.js';
import { closePdfBrowser } from '../documents/pdf/chromium.js';
import { exportQuarterly } from '../modules/reports/quarterly/quarterly-export.js';
import { openMigrated } from './open.js';
import { operatorContext } from '../context.js';

/**
 * `jalon export report <programme> quarterly <2023-Q4> --format docx|pdf --lang fr|en --out <file>`: the
 * quarterly programme report, its figures computed from the quarter's activities; prints the path written.
 */
export async function exportQuarterlyCommand(
  programme: string,
  quarter: string,
  options: { format: string; lang: string; out?: string },
): Promise<void> {
  if (!/^\d{4}-Q[1-4]$/.test(quarter))
    throw new Error(`Unknown quarter "${quarter}": write it as a year and a quarter, e.g. 2023-Q4.`);
  const format = options.format;
  if (format !== 'docx' && format !== 'pdf') throw new Error(`Unknown format "${format}": use docx or pdf.`);
  const locale = options.lang;
  if (!isLocale(locale)) throw new Error(`Unknown language "${locale}": use fr or en.`);
  // reads then a document: on PGlite, the brief command's engine (server/db/client.ts, `brief`)
  const database = await openMigrated(undefined, { brief: true });
  try {
    const ctx = operatorContext(database.db, locale);
    const file = await exportQuarterly(ctx, programmeSlugOf(programme), quarter, format, locale);
    const path = resolve(options.out ?? file.fileName);
    writeFileSync(path, file.bytes);
    console.log(path);
  } finally {
    await closePdfBrowser();
    await database.close();
  }
}
