/**
 * The seeds reproduced: each 2020 annual report of the seeds, exported to Word in French from the demo
 * database, holds every narrative paragraph the project wrote (every text field, every outcome field, every
 * indicator's progress and reason) and every Part V row with its code, title, progress and reason; and A-3's
 * header in the template's grid, compared with the real report (golden).
 */
import { describe, expect, it } from 'vitest';
import { reportDocument, type FieldValue, type ReportModel } from '../../../core/contracts/report.js';
import type { ReportType } from '../../../core/contracts/report-template.js';
import { valueWording } from '../../../core/domain/value-wording.js';
import { localize } from '../../../core/i18n/locale.js';
import { textOf } from '../../../core/reports/checks.js';
import { operatorContext, type ServiceContext } from '../../context.js';
import { demoReports } from '../../seed/seed.js';
import { findReportId, getReportModel } from '../../modules/reports/reports.service.js';
import { testSuite } from '../../test/test-suite.js';
import { readDocx, type DocxText } from './docx-text.js';
import { renderReportDocx } from './report-docx.js';

/** A written text as paragraphs: one per non-empty line, without the bullet marker the document draws itself. */
const paragraphsOf = (text: string | null | undefined) =>
  (text ?? '')
    .split('\n')
    .map((line) =>
      line
        .trim()
        .replace(/^(?:·|•|-)\s+/u, '')
        .trim(),
    )
    .filter(Boolean);

const NNBSP = '\u202f'; // French thousands separator (Intl)
const NBSP = '\u00a0'; // before the currency and the colon

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

const textsOf = (fields: Record<string, FieldValue>) =>
  Object.values(fields).flatMap((v) => paragraphsOf(textOf(v)));

describe('the three 2020 reports of the seeds, exported to Word', () => {
  let ctx: ServiceContext;
  const exported = new Map<string, Promise<{ docx: DocxText; model: ReportModel }>>();
  /** the report of the seeds as Word in French, exported once per programme */
  const exportFr = (code: string, type: ReportType, year: number) => {
    let done = exported.get(code);
    if (!done) {
      done = (async () => {
        const { model, template } = await getReportModel(ctx, await findReportId(ctx, code, type, year));
        return { docx: await readDocx(await renderReportDocx(model, template, 'fr')), model };
      })();
      exported.set(code, done);
    }
    return done;
  };

  testSuite('pglite', {
    seed: true,
    data: async (database) => {
      ctx = operatorContext(database.db);
    },
    app: false,
  });

  it("writes the header of PBF/MLI/A-3 in the template's grid and words, in French formatting (golden)", async () => {
    const { model, template } = await getReportModel(
      ctx,
      await findReportId(ctx, 'PBF/MLI/A-3', 'annual', 2020),
    );
    const { tables, paragraphs } = await readDocx(await renderReportDocx(model, template, 'fr'));
    expect(paragraphs.slice(0, 4)).toEqual([
      'RAPPORT DE PROGRÈS DE PROJET PBF',
      `PAYS${NBSP}: Mali`,
      `TYPE DE RAPPORT : SEMESTRIEL, ANNUEL OU FINAL${NBSP}: Annuel`,
      `ANNÉE DE RAPPORT${NBSP}: 2020`,
    ]);
    // the template's table: two columns, a lone cell across both (seed 000: a tab opens each cell)
    const header = tables[0]!.map((row) => row.map((cell) => cell.split('\n')));
    expect(header.map((row) => row.length)).toEqual([2, 2, 1, 1, 1, 2]);
    expect(header[0]).toEqual([
      [
        'Titre du projet\u00a0: Approche intégrée pour lutter contre l’impunité et pour un accès amélioré à la justice dans le Centre du Mali',
        `Numéro Projet / MPTF Gateway${NBSP}: PBF/MLI/A-3`,
      ],
      [
        `Si le financement passe par un Fonds Fiduciaire (« Trust fund »)${NBSP}:`,
        '☐ Fonds fiduciaire pays',
        '☐ Fonds fiduciaire régional',
        `Nom du fonds fiduciaire${NBSP}: —`,
      ],
    ]);
    expect(header[1]).toEqual([
      [
        `Type et nom d'agence récipiendaire${NBSP}:`,
        'HCDH (RUNO, agence coordinatrice)',
        'PNUD (RUNO)',
        'ONU Femmes (RUNO)',
        'Interpeace (NUNO)',
      ],
      [
        `Date du premier transfert de fonds${NBSP}: 9 mars 2020`,
        // the Fund counts both months: March 2020 to August 2022 (the seed: "(30 mois)")
        `Date de fin de projet${NBSP}: 3 août 2022 (30 mois)`,
        'Le projet est-il dans ces six derniers mois de mise en œuvre ? Non',
      ],
    ]);
    expect(header[2]![0]![0]).toBe(
      "Est-ce que le projet fait part d'une des fenêtres prioritaires spécifiques du PBF\u00a0:",
    );
    expect(header[3]![0]).toContain(
      `Taux de mise en œuvre approximatif comme pourcentage du budget total du projet${NBSP}: 18${NBSP}%`,
    );
    expect(header[3]![0]).toContain(
      '*JOINDRE LE BUDGET EXCEL DU PROJET MONTRANT LES DÉPENSES APPROXIMATIVES ACTUELLES*',
    );
    expect(header[4]![0]).toEqual([
      `Budgétisation sensible au genre${NBSP}:`,
      `Indiquez le montant ($) du budget dans le document de projet alloué aux activités dédiées à l'égalité des sexes ou à l'autonomisation des femmes${NBSP}: 987${NNBSP}384,08${NBSP}$US`,
      `Indiquez le montant ($) du budget dépensé jusqu'à maintenant pour les activités dédiées à l'égalité des sexes ou à l'autonomisation des femmes${NBSP}: 59${NNBSP}416,02${NBSP}$US`,
    ]);
    expect(header[5]).toEqual([
      [
        `Marqueur de genre du projet${NBSP}: Non renseigné`,
        `Marqueur de risque du projet${NBSP}: Non renseigné`,
        `Domaine de priorité de l'intervention PBF (« PBF focus area »)${NBSP}: Non renseigné`,
      ],
      [
        `Préparation du rapport${NBSP}:`,
        `Rapport préparé par${NBSP}: HCDH`,
        `Rapport approuvé par${NBSP}: Directeur HCDH`,
        `Le Secrétariat PBF a-t-il revu le rapport${NBSP}: Oui`,
      ],
    ]);
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

  it.each(demoReports.map((r) => [r.programme, r] as const))(
    '%s: every narrative paragraph is in the document',
    async (code, input) => {
      const report = reportDocument.parse(input);
      const { docx } = await exportFr(code, report.type, report.year);

      const expected = [
        ...textsOf(report.content.fields),
        ...Object.values(report.content.outcomes).flatMap((o) => textsOf(o.fields)),
        ...Object.values(report.content.indicators).flatMap((i) => [
          ...paragraphsOf(i.progress),
          ...paragraphsOf(i.reason),
        ]),
      ];
      // the seeds are long: a real count, not a handful
      expect(expected.length).toBeGreaterThan(40);
      const present = new Set(docx.paragraphs);
      // a short answer of the header follows its label on the line, as in the template's grid
      const inline = (p: string) => docx.paragraphs.some((line) => line.endsWith(`\u00a0: ${p}`));
      expect(expected.filter((p) => !present.has(p) && !inline(p))).toEqual([]);
    },
  );

  it.each(demoReports.map((r) => [r.programme, r] as const))(
    '%s: every indicator row is in the Part V table with its code, title, progress and reason',
    async (code, input) => {
      const report = reportDocument.parse(input);
      const { docx, model } = await exportFr(code, report.type, report.year);
      const partV = docx.tables.find((t) => t[0]?.[1] === 'Indicateurs');
      // the template's seven heads, worded as the seeds print them
      expect(partV?.[0]).toEqual([
        '',
        'Indicateurs',
        'Base de donnée',
        'Cible de fin de projet',
        'Etapes d’indicateur/ milestone',
        'Progrès actuel de l’indicateur',
        'Raisons pour les retards ou changements',
      ]);
      const rows = model.outcomes.flatMap((o) => [
        ...o.indicators,
        ...o.outputs.flatMap((x) => x.indicators),
      ]);
      expect(rows.length).toBeGreaterThan(10);
      for (const row of rows) {
        const written = report.content.indicators[row.code];
        const found = partV!.filter((cells) => cells[1]?.startsWith(`Indicateur ${row.code}\n`));
        expect(found, `indicator ${row.code}`).toHaveLength(1);
        expect(found[0], `indicator ${row.code}: seven cells`).toHaveLength(7);
        const [, indicator, baseline, target, , progress, reason] = found[0]!;
        expect(indicator).toBe(
          `Indicateur ${row.code}\n${paragraphsOf(localize(row.title, 'fr')).join('\n')}`,
        );
        // a value that is nothing but a number is written in the reader's format ("4000" → "4 000")
        const worded = (v: typeof row.baseline) => v && valueWording(v.text, v.spec, 'fr');
        expect(baseline).toBe(paragraphsOf(worded(row.baseline)).join('\n'));
        expect(target).toBe(paragraphsOf(worded(row.endTarget)).join('\n'));
        expect(progress).toBe(paragraphsOf(written?.progress ?? row.progress).join('\n'));
        expect(reason).toBe(paragraphsOf(written?.reason ?? row.reason).join('\n'));
      }
      // every outcome and output in the first column, as the template: its label over its statement
      const groups = partV!.map((cells) => cells[0]);
      for (const outcome of model.outcomes) {
        expect(groups).toContain(`Résultat ${outcome.code}\n${oneLine(localize(outcome.statement, 'fr'))}`);
        for (const output of outcome.outputs) {
          expect(groups).toContain(`Produit ${output.code}\n${oneLine(localize(output.statement, 'fr'))}`);
        }
      }
    },
  );
});
