/**
 * The report as PDF: the HTML version of the report (`html/report-html.ts`, the same blocks as the Word
 * document) printed by headless Chromium on A4, Part V on landscape pages with its head row repeated and its
 * rows placed on pages beforehand (`part-v-pages.ts`: no row broken, an outcome/output continued on a new page
 * repeated there), and the programme, report and page number in every page's footer.
 */
import type { ReportModel } from '../../../core/contracts/report.js';
import type { ReportTemplate } from '../../../core/contracts/report-template.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { renderReportHtml, reportFooterTemplate } from '../html/report-html.js';
import { withChromiumPage } from './chromium.js';
import { placePartVRows, preparePartVPage } from './part-v-pages.js';

export { closePdfBrowser, pdfBrowserLaunches } from './chromium.js';

/** The report as PDF in `locale`; throws ChromiumMissingError (with how to install it) without Chromium. */
export async function renderReportPdf(
  model: ReportModel,
  template: ReportTemplate,
  locale: Locale,
): Promise<Buffer> {
  const html = renderReportHtml(model, template, locale);
  return withChromiumPage(async (page) => {
    await preparePartVPage(page);
    await page.setContent(html, { waitUntil: 'load' });
    await placePartVRows(page);
    const pdf = await page.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate: reportFooterTemplate(model, locale),
      tagged: true,
    });
    return Buffer.from(pdf);
  });
}
