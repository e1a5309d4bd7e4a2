/** The quarterly programme report as PDF: its HTML printed by the shared headless Chromium on A4. */
import type { QuarterlyReport } from '../../../core/contracts/quarterly-report.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { quarterlyFooter, renderQuarterlyHtml } from '../html/quarterly-html.js';
import { withChromiumPage } from './chromium.js';

export async function renderQuarterlyPdf(
  report: QuarterlyReport,
  photos: Map<string, Buffer>,
  locale: Locale,
): Promise<Buffer> {
  const html = renderQuarterlyHtml(report, photos, locale);
  return withChromiumPage(async (page) => {
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate: quarterlyFooter(report, locale),
      tagged: true,
    });
    return Buffer.from(pdf);
  });
}
