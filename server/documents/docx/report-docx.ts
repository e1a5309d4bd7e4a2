import type { ReportModel } from '../../../core/contracts/report.js';
import type { ReportTemplate } from '../../../core/contracts/report-template.js';
import type { Locale } from '../../../core/i18n/locale.js';

/** The report as a Word document faithful to the template (placeholder until the renderer lands). */
export async function renderReportDocx(
  _model: ReportModel,
  _template: ReportTemplate,
  _locale: Locale,
): Promise<Buffer> {
  throw new Error('not implemented yet');
}
