/**
 * The Word document: English labels, left-out rows, structure, and the API route, on reports written by the
 * test (the header compared with the seeds' real report is in seed-reports.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../../core/contracts/report.js';
import type { ReportTemplate } from '../../../core/contracts/report-template.js';
import { findTemplate } from '../../../core/reports/templates/index.js';
import { operatorContext, type ServiceContext } from '../../context.js';
import { findReportId, getReportModel } from '../../modules/reports/reports.service.js';
import { aProgramme, aReport } from '../../test/factories.js';
import { aDetailedProject } from '../../test/framework-factories.js';
import { aBilingualFrameworkDocument } from '../../test/report-factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';
import { readDocx } from './docx-text.js';
import { renderReportDocx } from './report-docx.js';

/** D-3's answer to a last-six-months question (the words of the seeds' A-3). */
const answered =
  'Pour le moment, il est trop tôt d’évaluer un changement structurel, institutionnel ou sociétal vu que le projet est au début de la réalisation des activités.';

describe.each(testEngines)('the report as a Word document, on %s', (engine) => {
  let ctx: ServiceContext;
  const report = async (code: string) => {
    const id = await findReportId(ctx, code, 'annual', 2020);
    return { id, ...(await getReportModel(ctx, id)) };
  };

  const suite = testSuite(engine, {
    data: async (database) => {
      ctx = operatorContext(database.db);
      // D-3: the detailed project (OHCHR convening with UNDP, UN Women and Interpeace, March 2020 to August 2022,
      // 30 months), its framework written in French and English and without the detailed one's 2021 values
      const d3 = await aDetailedProject(database, {
        code: 'PBF/MLI/D-3',
        frameworks: [
          aBilingualFrameworkDocument({
            outcomes: 3,
            outputs: 3,
            indicators: 3,
            effectiveDate: '2020-03-09',
          }),
        ],
        progress: [],
      });
      await aReport(database, d3, {
        year: 2020,
        status: 'approved',
        content: {
          fields: { final_evaluation_budget: 74_000, structural_change: answered },
          outcomes: Object.fromEntries(
            ['1', '2', '3'].map((code) => [
              code,
              {
                rating: null,
                fields: { progress_summary: `Les activités du résultat ${code} ont commencé.` },
              },
            ]),
          ),
        },
      });
      // D-2: UNDP only, its report a draft that leaves the last-six-months questions empty
      const d2 = await aProgramme(database, {
        code: 'PBF/MLI/D-2',
        startDate: '2020-03-09',
        firstTransferDate: '2020-03-09',
        endDate: '2022-08-03',
        recipients: [{ organisation: 'UNDP', convening: true, approvedBudget: 1_498_000 }],
        framework: { outcomes: 3, outputs: 2, effectiveDate: '2020-03-09' },
      });
      await aReport(database, d2, { year: 2020 });
    },
  });

  it('writes English labels, money and dates in English', async () => {
    const { model, template } = await report('PBF/MLI/D-3');
    const { paragraphs, tables } = await readDocx(await renderReportDocx(model, template, 'en'));
    expect(paragraphs[0]).toBe('PBF PROJECT PROGRESS REPORT');
    for (const heading of [
      'Part I: Overall project progress',
      'Part II: Progress by project outcome',
      'Part III: Cross-cutting issues',
      'Part IV: COVID-19',
      'Part V: Indicator-based performance assessment',
      'NOTES FOR COMPLETING THE REPORT:',
    ]) {
      expect(paragraphs).toContain(heading);
    }
    // three outcomes: their Part II headings, and the first column of their Part V rows
    expect(paragraphs.filter((p) => /^Outcome \d: \w/u.test(p))).toHaveLength(3);
    expect(paragraphs.filter((p) => /^Outcome \d$/u.test(p))).toHaveLength(3);
    expect(paragraphs).toContain('Evaluation budget (response required): $74,000.00');
    expect(paragraphs).toContain('Date of first transfer: March 9, 2020');
    expect(paragraphs).toContain('Project end date: August 3, 2022 (30 months)');
    expect(tables[0]![1]![0]).toBe(
      'Type and name of recipient organizations:\nOHCHR (RUNO, convening agency)\nUNDP (RUNO)\nUN Women (RUNO)\nInterpeace (NUNO)',
    );
    expect(tables.find((t) => t[0]?.[0] === 'Recipient organization')?.at(-1)).toEqual([
      'Total',
      '$3,999,999.98',
    ]);
    expect(tables.find((t) => t[0]?.[1] === 'Indicators')?.[0]).toEqual([
      '',
      'Indicators',
      'Baseline',
      'End of project indicator target',
      'Indicator milestone',
      'Current indicator progress',
      'Reasons for variance / delay (if any)',
    ]);
    // no French label left (the narratives are the project's own, in French)
    const labels = paragraphs.filter((p) => /^(Partie|Résultat|Produit|Indicateur|Non renseigné)\b/u.test(p));
    expect(labels).toEqual([]);
  });

  it('leaves out the indicators the writer left out, and an output left without any', async () => {
    const { model, template } = await report('PBF/MLI/D-3');
    const trimmed: ReportModel = structuredClone(model);
    const output = trimmed.outcomes[0]!.outputs[0]!; // 1.1: three indicators
    for (const row of output.indicators) row.included = false;
    trimmed.outcomes[0]!.outputs[1]!.indicators[0]!.included = false; // 1.2.1
    const { tables } = await readDocx(await renderReportDocx(trimmed, template, 'fr'));
    const partV = tables.find((t) => t[0]?.[1] === 'Indicateurs')!;
    const groups = partV.map((r) => r[0]!);
    const indicators = partV.map((r) => r[1]!);
    expect(groups.some((c) => c.startsWith('Produit 1.1\n'))).toBe(false);
    expect(indicators.some((c) => /^Indicateur 1\.1\.\d/.test(c))).toBe(false);
    expect(indicators.some((c) => c.startsWith('Indicateur 1.2.1\n'))).toBe(false);
    expect(groups.some((c) => c.startsWith('Produit 1.2\n'))).toBe(true);
    expect(indicators.some((c) => c.startsWith('Indicateur 1.2.2\n'))).toBe(true);
  });

  it('says "N/A", as the seeds write it, for the last-six-months questions a project not in them left empty', async () => {
    const { model, template } = await report('PBF/MLI/D-2');
    expect(model.lastSixMonths).toBe(false);
    const { paragraphs } = await readDocx(await renderReportDocx(model, template, 'fr'));
    const structural = paragraphs.find((p) =>
      p.startsWith('Résumez le principal changement structurel, institutionnel ou sociétal'),
    );
    expect(structural).toMatch(/\(limite de 1\u202f500 caractères\)\u00a0: N\/A$/u);
    expect(paragraphs).toContain('POUR LES PROJETS DANS LES SIX DERNIERS MOIS DE MISE EN ŒUVRE\u00a0:');
    // …while D-3, not in them either, answered them: its answers are shown as written
    const d3 = await report('PBF/MLI/D-3');
    const d3Text = await readDocx(await renderReportDocx(d3.model, d3.template, 'fr'));
    expect(d3Text.paragraphs).toContain(answered);
  });

  it("gives every table explicit column widths, lays Part V on the template's seven columns and puts it on landscape pages", async () => {
    const { model, template } = await report('PBF/MLI/D-3');
    const { xml } = await readDocx(await renderReportDocx(model, template, 'fr'));
    const tables = xml.split('<w:tbl>').slice(1);
    expect(tables.length).toBeGreaterThanOrEqual(4); // header, budget, donors, Part V
    for (const table of tables) {
      const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
      expect(grid.length).toBeGreaterThan(0);
      expect(grid.every((w) => w > 0)).toBe(true);
      expect(table).toContain('w:type="fixed"');
    }
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBeGreaterThanOrEqual(1);
    const partV = tables.at(-1)!;
    expect([...partV.matchAll(/<w:gridCol /g)]).toHaveLength(7);
    // no banner row across the table: the outcome or output is merged down its first column
    expect(partV).not.toContain('w:gridSpan');
    const rows = partV.split('<w:tr>').slice(1);
    const merges = rows
      .slice(1)
      .map((row) =>
        /<w:vMerge w:val="restart"\/>/.test(row)
          ? 'restart'
          : /<w:vMerge\/>|<w:vMerge w:val="continue"\/>/.test(row)
            ? 'continue'
            : 'none',
      );
    expect(merges.every((m) => m !== 'none')).toBe(true);
    // outcomes 1–3 and their nine outputs each start a merge
    expect(merges.filter((m) => m === 'restart').length).toBeGreaterThanOrEqual(12);
    // the head row repeats on each page; Part V breaks between rows: each group's first row, which holds the
    // outcome or output, is kept whole (it was free to break, and its group moved with it in LibreOffice)
    expect(rows[0]).toContain('<w:tblHeader/>');
    const starts = rows.slice(1).filter((row) => /<w:vMerge w:val="restart"\/>/.test(row));
    expect(starts.every((row) => row.includes('<w:cantSplit/>'))).toBe(true);
    const sections = [...xml.matchAll(/<w:pgSz [^>]*>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(2);
    expect(sections[0]).toContain('w:w="11906" w:h="16838"');
    expect(sections[1]).toContain('w:w="16838" w:h="11906" w:orient="landscape"');
  });

  it('breaks Part V between rows but lets a row taller than a quarter page break inside', async () => {
    const { model, template } = await report('PBF/MLI/D-3');
    const long: ReportModel = structuredClone(model);
    const first = long.outcomes[0]!.indicators[0]!;
    first.progress = 'Des sessions de formation ont eu lieu dans les communes du projet. '.repeat(30);
    const partV = (await readDocx(await renderReportDocx(long, template, 'fr'))).xml.split('<w:tbl>').at(-1)!;
    const rows = partV.split('<w:tr>').slice(2);
    const row = (code: string) => rows.find((r) => r.includes(`>Indicateur ${code}<`))!;
    expect(row(first.code)).not.toContain('<w:cantSplit/>');
    expect(row(long.outcomes[0]!.indicators[1]!.code)).toContain('<w:cantSplit/>');
  });

  it('keeps a question with the answer below it, not one answered on its own line', async () => {
    const { model, template } = await report('PBF/MLI/D-3');
    const { xml } = await readDocx(await renderReportDocx(model, template, 'fr'));
    const paragraphOf = (text: string) =>
      xml.split('<w:p>').find((p) => p.includes(text) && p.includes('<w:b/>'))!;
    // "Budget pour évaluation finale … : 74 000,00 $US" is complete: kept with the next question, a chain of
    // such questions moved the whole of Part IV to the page before Part V (A-3: a page 58 % full)
    expect(paragraphOf('Budget pour évaluation finale')).not.toContain('<w:keepNext/>');
    expect(paragraphOf('Budget pour évaluation finale')).toContain('74');
    expect(paragraphOf('Résumé de progrès')).toContain('<w:keepNext/>');
  });

  it('renders the 2022 template (no COVID-19 part; Part IV is the indicator table)', async () => {
    const { model } = await report('PBF/MLI/D-3');
    const template = findTemplate('pbf-progress', '2022') as ReportTemplate;
    const { paragraphs } = await readDocx(await renderReportDocx(model, template, 'fr'));
    expect(paragraphs).toContain(
      'Partie IV : Évaluation de la performance du projet sur la base des indicateurs',
    );
    expect(paragraphs.some((p) => p.includes('COVID-19 de ce projet'))).toBe(false);
  });

  it('is what GET /api/v1/reports/:id/export?format=docx answers, in the language asked', async () => {
    const { id } = await report('PBF/MLI/D-2');
    const response = await suite.app.inject({ url: `/api/v1/reports/${id}/export?format=docx&lang=en` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="PBF-MLI-D-2-annual-2020-en.docx"',
    );
    const { paragraphs } = await readDocx(response.rawPayload);
    expect(paragraphs[0]).toBe('PBF PROJECT PROGRESS REPORT');
  });
});
