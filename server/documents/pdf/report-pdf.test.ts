/**
 * The report as PDF, printed by Debian's Chromium (installed on CI): A4 pages, Part V on landscape pages, the
 * title and language of the report, one browser reused; and a clear message when Chromium is missing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../../core/contracts/report.js';
import type { ReportTemplate } from '../../../core/contracts/report-template.js';
import { anAnnualReportModel } from '../../test/report-factories.js';
import { testSuite } from '../../test/test-suite.js';
import { renderReportHtml } from '../html/report-html.js';
import { withChromiumPage } from './chromium.js';
import { placePartVRows, preparePartVPage } from './part-v-pages.js';
import { closePdfBrowser, pdfBrowserLaunches, renderReportPdf } from './report-pdf.js';

/** The PDF's page sizes in points, and its title (UTF-16 hex, as Chromium writes it) and language. */
function inspect(pdf: Buffer) {
  const text = pdf.toString('latin1');
  const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [
    Math.round(Number(m[1])),
    Math.round(Number(m[2])),
  ]);
  const hex = /\/Title <FEFF([0-9A-F]+)>/.exec(text)?.[1] ?? '';
  const title = String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  return {
    boxes,
    title,
    lang: /\/Lang \((\w+)\)/.exec(text)?.[1],
    pages: text.match(/\/Type \/Page\b(?!s)/g)?.length,
  };
}

describe('the report as PDF', () => {
  let model: ReportModel;
  let template: ReportTemplate;

  testSuite('pglite', {
    data: async (database) => {
      ({ model, template } = await anAnnualReportModel(database, { code: 'PBF/MLI/B-8' }));
    },
    app: false,
  });
  afterAll(async () => {
    await closePdfBrowser();
  });

  it('prints A4 portrait pages, then Part V on A4 landscape pages, titled and in the report’s language', async () => {
    const pdf = await renderReportPdf(model, template, 'fr');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { boxes, title, lang, pages } = inspect(pdf);
    expect(pages).toBe(boxes.length);
    // B-8 fills three portrait pages (the header fits page 1, in the template's grid) and three landscape ones
    expect(boxes.length).toBeGreaterThanOrEqual(6);
    const portrait = boxes.findIndex(([w, h]) => w === 595 && h === 842);
    const landscape = boxes.findIndex(([w, h]) => w === 842 && h === 595);
    expect(portrait).toBe(0);
    expect(landscape).toBeGreaterThanOrEqual(3);
    // once landscape (Part V, the last part), landscape to the end
    expect(boxes.slice(landscape).every(([w]) => w === 842)).toBe(true);
    expect(title).toBe('RAPPORT DE PROGRÈS DE PROJET PBF — PBF/MLI/B-8 – Annuel 2020');
    expect(lang).toBe('fr');
  }, 60_000);

  it('places Part V rows on pages whole, an outcome continued on a new page repeated there with "(suite)"', async () => {
    // outcome 1 with twelve indicators of a long progress each: it runs over more than a page
    const long: ReportModel = structuredClone(model);
    const outcome = long.outcomes[0]!;
    const [first] = outcome.indicators;
    outcome.indicators = Array.from({ length: 12 }, (_, i) => ({
      ...structuredClone(first!),
      code: `1.${i + 1}`,
      progress: `Avancement ${i + 1}. ${'Ateliers tenus dans les communes avec les autorités locales. '.repeat(6)}`,
    }));
    const html = renderReportHtml(long, template, 'fr');
    const { placement, tops } = await withChromiumPage(async (page) => {
      await preparePartVPage(page);
      await page.setContent(html, { waitUntil: 'load' });
      const placement = await placePartVRows(page);
      // each row that starts a page: its code and what its first cell shows
      const tops = await page.$$eval('table.indicators tr.page-top', (rows) =>
        rows.map((row) => ({
          code: row.getAttribute('data-indicator'),
          shown: ((row as HTMLTableRowElement).cells[0] as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
        })),
      );
      return { placement, tops };
    });
    expect(placement.breakable).toBe(0);
    expect(placement.continued).toBeGreaterThanOrEqual(1);
    const continued = tops.find((t) => t.code?.startsWith('1.') && t.code !== '1.1');
    expect(continued?.shown).toBe(`Résultat 1 (suite) ${outcome.statement.fr}`);
    // the PDF prints it: one more landscape page at least, and Part V still landscape to the end
    const { boxes } = inspect(await renderReportPdf(long, template, 'fr'));
    expect(boxes.filter(([w]) => w === 842).length).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('reuses the browser: the next PDFs (in English) come without a new launch', async () => {
    const launched = pdfBrowserLaunches();
    expect(launched).toBeGreaterThanOrEqual(1);
    const [a, b] = await Promise.all([
      renderReportPdf(model, template, 'en'),
      renderReportPdf(model, template, 'en'),
    ]);
    expect(inspect(a).title).toBe('PBF PROJECT PROGRESS REPORT — PBF/MLI/B-8 – Annual 2020');
    expect(inspect(b).lang).toBe('en');
    expect(pdfBrowserLaunches()).toBe(launched);
  }, 60_000);

  it('says how to install Chromium when it is missing', async () => {
    await closePdfBrowser();
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      await expect(renderReportPdf(model, template, 'fr')).rejects.toThrow(
        'PDF export needs Chromium, which was not found at /nonexistent/chromium: install it with `apt-get install -y chromium`',
      );
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
    // and works again once it is there, with a browser of its own
    const launched = pdfBrowserLaunches();
    const pdf = await renderReportPdf(model, template, 'fr');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfBrowserLaunches()).toBe(launched + 1);
  }, 60_000);
});
