/** The Word document: header values (golden), English labels, left-out rows, structure, and the API route. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../../core/contracts/report.js';
import type { ReportTemplate } from '../../../core/contracts/report-template.js';
import { findTemplate } from '../../../core/reports/templates/index.js';
import { operatorContext, type ServiceContext } from '../../context.js';
import type { Database } from '../../db/client.js';
import { findReportId, getReportModel } from '../../modules/reports/reports.service.js';
import { testApp } from '../../test/api-client.js';
import { createTestDatabase } from '../../test/test-database.js';
import { readDocx } from './docx-text.js';
import { renderReportDocx } from './report-docx.js';

const NNBSP = '\u202f'; // French thousands separator (Intl)
const NBSP = '\u00a0'; // before the currency and the colon

describe('the report as a Word document', () => {
  let database: Database;
  let ctx: ServiceContext;
  let app: FastifyInstance;
  const report = async (code: string) => {
    const id = await findReportId(ctx, code, 'annual', 2020);
    return { id, ...(await getReportModel(ctx, id)) };
  };

  beforeAll(async () => {
    database = await createTestDatabase('pglite', { seed: true });
    ctx = operatorContext(database.db);
    app = await testApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('writes the header of PBF/MLI/A-3 as the seed does, in French formatting (golden)', async () => {
    const { model, template } = await report('PBF/MLI/A-3');
    const { tables, paragraphs } = await readDocx(await renderReportDocx(model, template, 'fr'));
    expect(paragraphs[0]).toBe('RAPPORT DE PROGRÈS DE PROJET PBF');
    const header = tables.find((t) => t[0]?.[0] === 'Pays')!;
    expect(Object.fromEntries(header.map(([label, value]) => [label, value]))).toEqual({
      Pays: 'Mali',
      'Type de rapport : semestriel, annuel ou final': 'Annuel',
      'Année de rapport': '2020',
      'Titre du projet':
        'Approche intégrée pour lutter contre l’impunité et pour un accès amélioré à la justice dans le Centre du Mali',
      'Numéro projet / MPTF Gateway': 'PBF/MLI/A-3',
      'Fonds fiduciaire (pays ou régional) et nom du fonds': `☐ Fonds fiduciaire pays\n☐ Fonds fiduciaire régional\nNom du fonds fiduciaire${NBSP}: —`,
      "Type et nom d'agence récipiendaire":
        'HCDH (RUNO, agence coordinatrice)\nPNUD (RUNO)\nONU Femmes (RUNO)\nInterpeace (NUNO)',
      'Date du premier transfert de fonds': '9 mars 2020',
      'Date de fin de projet': '3 août 2022 (29 mois)',
      'Le projet est-il dans ses six derniers mois de mise en œuvre ?': 'Non',
      "Est-ce que le projet fait partie d'une des fenêtres prioritaires spécifiques du PBF ?": [
        '☐ Initiative de promotion du genre',
        '☐ Initiative de promotion de la jeunesse',
        '☐ Transition entre différentes configurations de l’ONU (par ex. sortie de la mission de maintien de la paix)',
        '☐ Projet transfrontalier ou régional',
      ].join('\n'),
      // the budget is a table of its own inside the cell (read apart below)
      'Budget PBF total approuvé (par agence récipiendaire)': '',
      'Taux de mise en œuvre approximatif comme pourcentage du budget total du projet': `18${NBSP}%`,
      "Budgétisation sensible au genre : montant ($) du budget dans le document de projet alloué aux activités dédiées à l'égalité des sexes ou à l'autonomisation des femmes": `987${NNBSP}384,08${NBSP}$US`,
      "Montant ($) du budget dépensé jusqu'à maintenant pour les activités dédiées à l'égalité des sexes ou à l'autonomisation des femmes": `59${NNBSP}416,02${NBSP}$US`,
      'Marqueur de genre du projet': 'Non renseigné',
      'Marqueur de risque du projet': 'Non renseigné',
      "Domaine de priorité de l'intervention PBF (« PBF focus area »)": 'Non renseigné',
      'Rapport préparé par': 'HCDH',
      'Rapport approuvé par': 'Directeur HCDH',
      'Le Secrétariat PBF a-t-il revu le rapport ?': 'Oui',
    });
    const budget = tables.find((t) => t[0]?.[0] === 'Agence récipiendaire');
    expect(budget).toEqual([
      ['Agence récipiendaire', 'Budget'],
      ['HCDH', `1${NNBSP}026${NNBSP}157,82${NBSP}$US`],
      ['PNUD', `1${NNBSP}000${NNBSP}017,72${NBSP}$US`],
      ['ONU Femmes', `987${NNBSP}384,08${NBSP}$US`],
      ['Interpeace', `986${NNBSP}440,36${NBSP}$US`],
      ['Total', `3${NNBSP}999${NNBSP}999,98${NBSP}$US`],
    ]);
  });

  it('writes English labels, money and dates in English', async () => {
    const { model, template } = await report('PBF/MLI/A-3');
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
    // three outcomes: their Part II headings and their Part V group rows
    expect(paragraphs.filter((p) => /^Outcome \d: \w/u.test(p))).toHaveLength(6);
    expect(paragraphs).toContain('Evaluation budget (response required): $74,000.00');
    const header = Object.fromEntries(tables.find((t) => t[0]?.[0] === 'Country')!.map(([l, v]) => [l, v]));
    expect(header['Date of first transfer']).toBe('March 9, 2020');
    expect(header['Project end date']).toBe('August 3, 2022 (29 months)');
    expect(header['Type and name of recipient organizations']).toBe(
      'OHCHR (RUNO, convening agency)\nUNDP (RUNO)\nUN Women (RUNO)\nInterpeace (NUNO)',
    );
    expect(tables.find((t) => t[0]?.[0] === 'Recipient organization')?.at(-1)).toEqual([
      'Total',
      '$3,999,999.98',
    ]);
    expect(tables.find((t) => t[0]?.[0] === 'Indicators')?.[0]).toEqual([
      'Indicators',
      'Baseline',
      'End of project indicator target',
      'Indicator milestone',
      'Current indicator progress',
      'Reasons for variance / delay (if any)',
    ]);
    // no French label left (the narratives are the project's own, in French)
    const labels = paragraphs.filter((p) =>
      /^(Partie|Résultat|Produit|Indicateur|Sans objet|Non renseigné)\b/u.test(p),
    );
    expect(labels).toEqual([]);
  });

  it('leaves out the indicators the writer left out, and an output left without any', async () => {
    const { model, template } = await report('PBF/MLI/A-3');
    const trimmed: ReportModel = structuredClone(model);
    const output = trimmed.outcomes[0]!.outputs[0]!; // 1.1: three indicators
    for (const row of output.indicators) row.included = false;
    trimmed.outcomes[0]!.outputs[1]!.indicators[0]!.included = false; // 1.2.1
    const { tables } = await readDocx(await renderReportDocx(trimmed, template, 'fr'));
    const partV = tables.find((t) => t[0]?.[0] === 'Indicateurs')!;
    const firstCells = partV.map((r) => r[0]!);
    expect(firstCells.some((c) => c.startsWith('Produit 1.1'))).toBe(false);
    expect(firstCells.some((c) => /^Indicateur 1\.1\.\d/.test(c))).toBe(false);
    expect(firstCells.some((c) => c.startsWith('Indicateur 1.2.1\n'))).toBe(false);
    expect(firstCells.some((c) => c.startsWith('Produit 1.2'))).toBe(true);
    expect(firstCells.some((c) => c.startsWith('Indicateur 1.2.2\n'))).toBe(true);
  });

  it('says "Sans objet" for the last-six-months questions a project not in them left empty', async () => {
    const { model, template } = await report('PBF/MLI/A-2');
    expect(model.lastSixMonths).toBe(false);
    const { paragraphs } = await readDocx(await renderReportDocx(model, template, 'fr'));
    const structural = paragraphs.find((p) =>
      p.startsWith('Considérant le cycle de mise en œuvre du projet'),
    );
    expect(structural).toMatch(/\(limite de 1500 caractères\)\u00a0: Sans objet$/u);
    expect(paragraphs).toContain('POUR LES PROJETS DANS LES SIX DERNIERS MOIS DE MISE EN ŒUVRE\u00a0:');
    // …while A-3, not in them either, answered them: its answers are shown as written
    const a3 = await report('PBF/MLI/A-3');
    const a3Text = await readDocx(await renderReportDocx(a3.model, a3.template, 'fr'));
    expect(a3Text.paragraphs).toContain(
      'Pour le moment, il est trop tôt d’évaluer un changement structurel, institutionnel ou sociétal vu que le projet est au début de la réalisation des activités.',
    );
  });

  it('gives every table explicit column widths, repeats the Part V head row and puts Part V on landscape pages', async () => {
    const { model, template } = await report('PBF/MLI/A-1');
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
    expect(xml).toContain('w:gridSpan w:val="6"');
    const sections = [...xml.matchAll(/<w:pgSz [^>]*>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(2);
    expect(sections[0]).toContain('w:w="11906" w:h="16838"');
    expect(sections[1]).toContain('w:w="16838" w:h="11906" w:orient="landscape"');
  });

  it('renders the 2022 template (no COVID-19 part; Part IV is the indicator table)', async () => {
    const { model } = await report('PBF/MLI/A-3');
    const template = findTemplate('pbf-progress', '2022') as ReportTemplate;
    const { paragraphs } = await readDocx(await renderReportDocx(model, template, 'fr'));
    expect(paragraphs).toContain(
      'Partie IV : Évaluation de la performance du projet sur la base des indicateurs',
    );
    expect(paragraphs.some((p) => p.includes('COVID-19 de ce projet'))).toBe(false);
  });

  it('is what GET /api/v1/reports/:id/export?format=docx answers, in the language asked', async () => {
    const { id } = await report('PBF/MLI/A-2');
    const response = await app.inject({ url: `/api/v1/reports/${id}/export?format=docx&lang=en` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="PBF-MLI-A-2-annual-2020-en.docx"',
    );
    const { paragraphs } = await readDocx(response.rawPayload);
    expect(paragraphs[0]).toBe('PBF PROJECT PROGRESS REPORT');
  });
});
