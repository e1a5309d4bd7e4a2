import type { Locale } from '../../../core/i18n/locale.js';
import type { ServiceContext } from '../../context.js';
import { renderReportPdf } from '../../documents/pdf/report-pdf.js';
import { exportFinished, taskStart } from '../notifications/long-tasks.js';
import { getReportModel } from './reports.service.js';
import { exportQuarterlyById } from './quarterly/quarterly-export.js';
import { QUARTERLY_TEMPLATE } from './quarterly/quarterly-report.service.js';

export interface ExportedFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

/** The report as a file: Word (faithful to the template) or PDF, in the asked language; long, it tells its asker. */
export async function exportReport(
  ctx: ServiceContext,
  id: string,
  format: 'docx' | 'pdf',
  locale: Locale,
): Promise<ExportedFile> {
  const start = taskStart();
  const { model, template, programmeId } = await getReportModel(ctx, id);
  // the quarterly programme report has its own layout, its figures computed from the quarter's activities
  if (template.id === QUARTERLY_TEMPLATE.id) return exportQuarterlyById(ctx, id, format, locale);
  const base = `${model.programme.code.replace(/[^A-Za-z0-9-]+/g, '-')}-${model.type}-${model.year}-${locale}`;
  const file: ExportedFile =
    format === 'pdf'
      ? {
          bytes: await renderReportPdf(model, template, locale),
          contentType: 'application/pdf',
          fileName: `${base}.pdf`,
        }
      : {
          bytes: await (
            await import('../../documents/docx/report-docx.js')
          ).renderReportDocx(model, template, locale),
          contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          fileName: `${base}.docx`,
        };
  await exportFinished(ctx, start, {
    programmeId,
    programme: model.programme.code,
    file: file.fileName,
    link: `/reports/${id}`,
  });
  return file;
}
