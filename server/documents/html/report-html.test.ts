/** The HTML version of the report (what the PDF prints): the Word document's content, escaped, laid out for A4. */
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../../core/contracts/report.js';
import type { ReportTemplate } from '../../../core/contracts/report-template.js';
import { anAnnualReportModel } from '../../test/report-factories.js';
import { testSuite } from '../../test/test-suite.js';
import { readDocx } from '../docx/docx-text.js';
import { renderReportDocx } from '../docx/report-docx.js';
import { escapeHtml, renderReportHtml } from './report-html.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** The page's text, one line per block element (paragraph, list item, cell, heading). */
const htmlLines = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>|<title>[\s\S]*?<\/title>/g, '')
    // inline elements: emphasis, and the language of an original left untranslated
    .replace(/<\/?(?:strong|em)>|<span lang="[a-z]+">|<\/span>/g, '')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e]!)
    .split('\n')
    .filter((line) => line.trim() !== '');

describe('the report as HTML', () => {
  let model: ReportModel;
  let template: ReportTemplate;

  testSuite('pglite', {
    data: async (database) => {
      ({ model, template } = await anAnnualReportModel(database, { code: 'PBF/MLI/B-7' }));
    },
    app: false,
  });

  it.each(['fr', 'en'] as const)('says everything the Word document says (%s)', async (locale) => {
    const html = renderReportHtml(model, template, locale);
    const lines = new Set(htmlLines(html));
    const { paragraphs, tables } = await readDocx(await renderReportDocx(model, template, locale));
    const cells = tables.flatMap((t) => t.flatMap((row) => row));
    // a docx cell of several paragraphs is several HTML lines; compare paragraph by paragraph
    const expected = [...paragraphs, ...cells.flatMap((c) => c.split('\n'))].filter((p) => p.trim() !== '');
    expect(expected.length).toBeGreaterThan(300);
    expect(expected.filter((p) => !lines.has(p))).toEqual([]);
  });

  it('is one self-contained A4 page: Part V on landscape pages with a repeated head row, nothing fetched', () => {
    const html = renderReportHtml(model, template, 'fr');
    expect(html).toMatch(/^<!doctype html><html lang="fr">/);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('@page landscape { size: A4 landscape;');
    expect(html).toMatch(/<main class="landscape"><h2>Partie V : Évaluation de la performance/);
    expect(html).toContain('<table class="indicators"><colgroup>');
    expect(html).toMatch(/<thead><tr><th><\/th><th>Indicateurs<\/th>/);
    // the outcome or output in the first column of its first row
    expect(html).toMatch(
      /<tr data-indicator="1\.a"><td class="group outcome"><div class="statement"><p><strong>Résultat 1<\/strong><\/p>/,
    );
    expect(html).not.toMatch(/<(script|link|img|iframe)\b|url\(/);
  });

  it.each([
    ['fr', 'Résultat 1', 'Résultat 1 (suite)'],
    ['en', 'Outcome 1', 'Outcome 1 (continued)'],
  ] as const)(
    'gives Part V no merged cell: every row its own first cell, the statement again in the next ones (%s)',
    (locale, label, continued) => {
      const html = renderReportHtml(model, template, locale);
      const partV = html.slice(html.indexOf('<table class="indicators">'));
      // no rowspan (a row beside a merged cell cannot be kept whole in Chromium), seven cells in every row
      expect(partV).not.toContain('rowspan');
      const rows = [...partV.matchAll(/<tr( data-indicator="[^"]*")?>(.*?)<\/tr>/g)].slice(1);
      expect(rows.length).toBeGreaterThan(10);
      for (const [, , cells] of rows) expect(cells!.match(/<td\b/g)).toHaveLength(7);
      // the group's second row holds its statement again, to show where it starts a page
      const statement = escapeHtml(model.outcomes[0]!.statement.fr);
      const second = rows.find(([, code]) => code === ' data-indicator="1.b"')![2]!;
      expect(second).toContain(
        `<td class="group outcome more"><div class="statement continued"><p><strong>${continued}</strong></p>`,
      );
      expect(second).toContain(statement);
      const first = rows.find(([, code]) => code === ' data-indicator="1.a"')![2]!;
      expect(first).toContain(
        `<td class="group outcome"><div class="statement"><p><strong>${label}</strong></p>`,
      );
      expect(first).toContain(statement);
      expect(html).toContain('td.more > .continued { display: none; }');
      expect(html).toContain('tr.page-top td.more > .continued { display: block; }');
      expect(html).toContain('table.indicators tr { break-inside: avoid; }');
    },
  );

  it('escapes what the writers wrote', () => {
    const hostile: ReportModel = structuredClone(model);
    hostile.content.fields.overall_status = '<script>alert("x")</script> & <b>gras</b>';
    hostile.outcomes[0]!.indicators[0]!.progress = '<img src=x onerror=alert(1)>';
    const html = renderReportHtml(hostile, template, 'fr');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;gras&lt;/b&gt;');
  });
});
