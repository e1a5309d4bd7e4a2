import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReportType } from '../../core/contracts/report-template.js';
import { isLocale } from '../../core/i18n/locale.js';
import { closePdfBrowser } from '../documents/pdf/report-pdf.js';
import { exportReport } from '../modules/reports/report-export.js';
import { findReportId } from '../modules/reports/reports.service.js';
import { openMigrated } from './open.js';
import { exportQuarterlyCommand } from './quarterly-report.command.js';
import { operatorContext } from '../context.js';

/** The report types as the command line spells them. */
export const cliReportTypes: Record<string, ReportType> = {
  'semi-annual': 'semi_annual',
  annual: 'annual',
  final: 'final',
};

export interface ExportReportOptions {
  format: string;
  lang: string;
  out?: string;
}

/**
 * `jalon export report <programme> <type> <year> --format docx|pdf --lang fr|en --out <file>`: writes the
 * report as Word or PDF (default file name from the programme, type, year and language, in the current
 * directory) and prints the path written.
 */
export async function exportReportCommand(
  programme: string,
  type: string,
  year: string,
  options: ExportReportOptions,
): Promise<void> {
  // the quarterly programme report is named by its quarter (2023-Q4) and computed from the activities
  if (type === 'quarterly') return exportQuarterlyCommand(programme, year, options);
  const reportType = cliReportTypes[type];
  if (!reportType) {
    throw new Error(
      `Unknown report type "${type}": use ${[...Object.keys(cliReportTypes), 'quarterly'].join(', ')}.`,
    );
  }
  if (!/^\d{4}$/.test(year)) throw new Error(`Unknown year "${year}": write it with four digits, e.g. 2020.`);
  const format = options.format;
  if (format !== 'docx' && format !== 'pdf') {
    throw new Error(`Unknown format "${format}": use docx or pdf.`);
  }
  const locale = options.lang;
  if (!isLocale(locale)) throw new Error(`Unknown language "${locale}": use fr or en.`);

  // reads then a document: on PGlite, the brief command's engine (server/db/client.ts, `brief`)
  const database = await openMigrated(undefined, { brief: true });
  try {
    const ctx = operatorContext(database.db, locale);
    const id = await findReportId(ctx, programme, reportType, Number(year));
    const file = await exportReport(ctx, id, format, locale);
    const path = resolve(options.out ?? file.fileName);
    writeFileSync(path, file.bytes);
    console.log(path);
  } finally {
    await closePdfBrowser();
    await database.close();
  }
}
