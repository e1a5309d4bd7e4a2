/** The quarterly report as a file: Word or PDF, in the asked language, photos embedded. */
import type { Locale } from '../../../../core/i18n/locale.js';
import { tIn } from '../../../../core/i18n/t.js';
import type { ServiceContext } from '../../../context.js';
import { renderQuarterlyPdf } from '../../../documents/pdf/quarterly-pdf.js';
import { notFound } from '../../../errors.js';
import { quarterOf } from '../../indicator-data/indicator-compute.js';
import { exportFinished, taskStart } from '../../notifications/long-tasks.js';
import { getQuarterlyReport, photoBytes } from './quarterly-report.service.js';
import { reportQuarterById } from './quarterly.queries.js';

export interface QuarterlyFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

export async function exportQuarterly(
  ctx: ServiceContext,
  slug: string,
  quarter: string,
  format: 'docx' | 'pdf',
  locale: Locale,
): Promise<QuarterlyFile> {
  const start = taskStart();
  const report = await getQuarterlyReport({ ...ctx, locale }, slug, quarter);
  const photos = await photoBytes(ctx.db, report);
  const base = `${report.programme.code.replace(/[^A-Za-z0-9-]+/g, '-')}-${tIn(locale)('reportRules.quarterly.fileName')}-${quarter}-${locale}`;
  const file: QuarterlyFile =
    format === 'pdf'
      ? {
          bytes: await renderQuarterlyPdf(report, photos, locale),
          contentType: 'application/pdf',
          fileName: `${base}.pdf`,
        }
      : {
          bytes: await (
            await import('../../../documents/docx/quarterly-docx.js')
          ).renderQuarterlyDocx(report, photos, locale),
          contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          fileName: `${base}.docx`,
        };
  await exportFinished(ctx, start, {
    programmeId: null,
    programme: report.programme.code,
    file: file.fileName,
    link: `/programmes/${slug}/quarterly?quarter=${quarter}`,
  });
  return file;
}

/** The same, for a report known by its id (the reports module's export of a quarterly report). */
export async function exportQuarterlyById(
  ctx: ServiceContext,
  reportId: string,
  format: 'docx' | 'pdf',
  locale: Locale,
): Promise<QuarterlyFile> {
  const row = await reportQuarterById(ctx.db, reportId);
  if (!row) throw notFound('Report', reportId);
  return exportQuarterly(ctx, row.slug, quarterOf(row.start), format, locale);
}
