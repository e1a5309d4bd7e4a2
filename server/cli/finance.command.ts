import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { programmeSlugOf } from '../../core/domain/programme-slug.js';
import { formatMoneyWithCents } from '../../core/i18n/format.js';
import { isLocale, type Locale } from '../../core/i18n/locale.js';
import { AppError } from '../errors.js';
import { expenditureTemplate } from '../modules/finance/expenditure.service.js';
import { exportFinance } from '../modules/finance/finance-workbook.js';
import { importExpenditureFile } from '../modules/imports/expenditure-file.service.js';
import { readImportFile } from './import-file.js';
import { openMigrated } from './open.js';
import { operatorContext } from '../context.js';

function localeOf(lang: string): Locale {
  if (!isLocale(lang)) throw new Error(`Unknown language "${lang}": use fr or en.`);
  return lang;
}

const isoDate = (value: string | undefined, option: string) => {
  if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new Error(`${option} must be a date written YYYY-MM-DD, not "${value}".`);
  return value;
};

/**
 * `jalon expenditure import <file.xlsx> --programme <code> [--dry-run] [--lang fr|en]`: imports a filled
 * expenditure workbook through the import pipeline (the same findings as the web's; the file kept with what it
 * wrote), all or nothing; prints what it wrote, or every wrong cell and exits with 1.
 */
export async function importExpenditureCommand(
  file: string,
  options: { programme: string; dryRun?: boolean; lang: string },
): Promise<void> {
  const { locale, say, slug, fileName, bytes, dryRun } = readImportFile(resolve(file), {
    ...options,
    lang: localeOf(options.lang),
  });
  const database = await openMigrated();
  try {
    const ctx = operatorContext(database.db, locale);
    const result = await importExpenditureFile(ctx, slug, { fileName, bytes, dryRun });
    console.log(
      say(result.dryRun ? 'cli.expenditure.checked' : 'cli.expenditure.imported', {
        rows: result.rows,
        total: formatMoneyWithCents(result.total, 'USD', locale),
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
      }),
    );
  } catch (error) {
    if (error instanceof AppError && error.details.issues?.length) {
      console.error(say('cli.expenditure.refused', { file: fileName }));
      for (const issue of error.details.issues) console.error(`  ${issue.message}`);
      process.exitCode = 1;
      return;
    }
    throw error;
  } finally {
    await database.close();
  }
}

/** `jalon expenditure template --programme <code> [--from] [--to] [--out] [--lang]`: the workbook to fill. */
export async function expenditureTemplateCommand(options: {
  programme: string;
  from?: string;
  to?: string;
  out?: string;
  lang: string;
}): Promise<void> {
  const locale = localeOf(options.lang);
  const period = { start: isoDate(options.from, '--from'), end: isoDate(options.to, '--to') };
  // reads then a workbook: on PGlite, the brief command's engine (server/db/client.ts, `brief`)
  const database = await openMigrated(undefined, { brief: true });
  try {
    const ctx = operatorContext(database.db, locale);
    const file = await expenditureTemplate(ctx, programmeSlugOf(options.programme), period, locale);
    const out = resolve(options.out ?? file.fileName);
    writeFileSync(out, file.bytes);
    console.log(out);
  } finally {
    await database.close();
  }
}

/** `jalon export finance <code> [--as-of] [--out] [--lang]`: budget, delivery, work plan and follow-up as Excel. */
export async function exportFinanceCommand(
  code: string,
  options: { asOf?: string; out?: string; lang: string },
): Promise<void> {
  const locale = localeOf(options.lang);
  const asOf = isoDate(options.asOf, '--as-of');
  const database = await openMigrated(undefined, { brief: true });
  try {
    const ctx = operatorContext(database.db, locale);
    const file = await exportFinance(ctx, programmeSlugOf(code), asOf, locale);
    const out = resolve(options.out ?? file.fileName);
    writeFileSync(out, file.bytes);
    console.log(out);
  } finally {
    await database.close();
  }
}
