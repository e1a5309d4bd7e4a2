/**
 * Dates and words as the document gives them (issue 18, item 4): a first transfer known to the month only stays
 * a month from the programme document to the report's header, the screen's API and the Word document; an amount
 * the document answers in words ("$N/A") and a milestone written "-" are printed as written; and the labels of
 * the template's header, as the brief (`brief/pbf-report.md` of the shared documents) gives them, are the Word document's.
 */
import { describe, expect, it } from 'vitest';
import { operatorContext, type ServiceContext } from '../../context.js';
import { exportProgrammeDocument } from '../../modules/programme-documents/programme-document.export.js';
import { getProgramme, updateProgramme } from '../../modules/programmes/programmes.service.js';
import { getReportModel } from '../../modules/reports/reports.service.js';
import { aProgramme, aReport, type MadeProgramme } from '../../test/factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';
import { readDocx } from './docx-text.js';
import { renderReportDocx } from './report-docx.js';

/**
 * The template's labels as the brief gives them (pbf-report.md: the header table, the Parts, Part V's columns and
 * the outcome ratings), French and English. A row's parts separated by `;` are each a label; `N` is a number.
 */
const briefLabels: { fr: string[]; en: string[] } = {
  fr: [
    'RAPPORT DE PROGRES DE PROJET PBF',
    'PAYS',
    'TYPE DE RAPPORT: semestriel, annuel ou final',
    'ANNEE DE RAPPORT',
    'Titre du projet',
    'Numéro Projet / MPTF Gateway',
    'Fonds fiduciaire pays; Fonds fiduciaire régional; Nom du fonds fiduciaire',
    "Type et nom d'agence récipiendaire; Agence coordinatrice",
    'Date du premier transfert de fonds',
    // the date comes between: "Date de fin de projet : 31 décembre 2021 (24 mois)"
    'Date de fin de projet; (N mois)',
    'Le projet est-il dans ces six derniers mois de mise en œuvre?',
    'Fenêtres prioritaires; initiative de promotion du genre; initiative de promotion de la jeunesse; transfrontalier ou régional',
    'Budget PBF total approuvé (par agence récipiendaire); Total',
    'Taux de mise en œuvre approximatif',
    'Budgétisation sensible au genre',
    'Marqueur de genre du projet',
    'Marqueur de risque du projet',
    "Domaine de priorité de l'intervention PBF",
    'Rapport préparé par; Rapport approuvé par; le Secrétariat PBF a-t-il revu le rapport',
    'Progrès global du projet',
    'Progrès par résultat',
    'Questions transversales',
    'COVID-19',
    'Évaluation de la performance',
    'sur la base des indicateurs',
    'Indicateurs',
    'Cible de fin de projet',
    "Étapes d'indicateur / milestone",
    "Progrès actuel de l'indicateur",
    'Raisons pour les retards ou changements',
  ],
  en: [
    'PBF PROJECT PROGRESS REPORT',
    'Country',
    'Type of report: semi-annual, annual or final',
    'Year of report',
    'Project title',
    'Project number from MPTF-O Gateway',
    'Country trust fund; regional trust fund; name of recipient fund',
    'Type and name of recipient organizations; convening agency',
    'Date of first transfer',
    'Project end date; (N months)',
    'Is the current project end date within 6 months?',
    'Priority windows; gender promotion initiative; youth promotion initiative; transition from UN or regional peacekeeping or special political missions; cross-border or regional project',
    'Total PBF approved project budget (by recipient organization); Total',
    'Approximate implementation rate',
    'Gender-responsive budgeting; amount expended to date',
    'Project gender marker',
    'Project risk marker',
    'PBF focus area',
    'Report prepared by; approved by; did PBF Secretariat review the report',
    'Overall project progress',
    'Progress by project outcome',
    'Cross-cutting issues',
    'COVID-19',
    'Indicator-based performance assessment',
  ],
};

/**
 * Where the brief summarises rather than quotes, the Word document prints the 2020 template's own words, as the
 * three seeds show them (the brief names the seeds as its source): each of these is checked in the document too.
 */
const seedWording: Record<'fr' | 'en', { brief: string; template: string }[]> = {
  fr: [
    {
      brief: 'Taux de mise en œuvre approximatif (% du budget total)',
      template: 'Taux de mise en œuvre approximatif comme pourcentage du budget total du projet',
    },
    {
      brief: 'montant alloué; montant dépensé à ce jour',
      template: 'Indiquez le montant ($) du budget dans le document de projet alloué aux activités',
    },
    {
      brief: "transition entre configurations de l'ONU",
      template:
        "Transition entre différentes configurations de l'ONU (e.g. sortie de la mission de maintien de la paix)",
    },
    // the seeds' column head (the brief: "Base de référence")
    { brief: 'Base de référence', template: 'Base de donnée' },
  ],
  en: [
    {
      brief: 'amount allocated',
      template: 'Indicate dollar amount from the project document to be allocated to activities',
    },
  ],
};

/** Compared without case, accents, typographic quotes or spacing around punctuation. */
const normalised = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .replace(/[^a-z0-9%$']+/g, ' ')
    .trim();

describe.each(testEngines)('dates and words as the document gives them, on %s', (engine) => {
  let ctx: ServiceContext;
  let programme: MadeProgramme;
  let reportId: string;

  testSuite(engine, {
    data: async (database) => {
      ctx = operatorContext(database.db);
      // seed PBF/MLI/A-2: "Date du premier transfert de fonds : Janvier 2020"
      programme = await aProgramme(database, {
        startDate: '2020-01-01',
        firstTransferDate: '2020-01',
        endDate: '2021-12-31',
        framework: {
          effectiveDate: '2020-01-01',
          outcomes: 1,
          outputs: 1,
          indicators: 1,
        },
      });
      const report = await aReport(database, programme, {
        type: 'annual',
        year: 2020,
        content: { fields: { covid_financial_adjustments: 'N/A' } },
      });
      reportId = report.id;
    },
    app: false,
  });

  it('keeps a month-only first transfer a month: stored with its precision, exported as given', async () => {
    const detail = await getProgramme(ctx, programme.slug);
    expect(detail.firstTransferDate).toBe('2020-01-01');
    expect(detail.firstTransferPrecision).toBe('month');
    // January 2020 to December 2021, both included
    expect(detail.durationMonths).toBe(24);
    expect((await exportProgrammeDocument(ctx, programme.slug)).firstTransferDate).toBe('2020-01');
    const { model } = await getReportModel(ctx, reportId);
    expect(model.header.firstTransferDate).toBe('2020-01');
  });

  it.each([
    ['fr', 'Date du premier transfert de fonds : janvier 2020'],
    ['en', 'Date of first transfer: January 2020'],
  ] as const)('prints the month alone in Word (%s)', async (locale, line) => {
    const { model, template } = await getReportModel(ctx, reportId);
    const { paragraphs } = await readDocx(await renderReportDocx(model, template, locale));
    // French puts a no-break space before its colon
    expect(paragraphs.map((p) => p.replace(/[\u00a0\u202f]/g, ' '))).toContain(line);
  });

  it('prints an amount answered in words as written, not "Non renseigné"', async () => {
    const { model, template } = await getReportModel(ctx, reportId);
    const { paragraphs } = await readDocx(await renderReportDocx(model, template, 'fr'));
    const line = paragraphs.find((p) => p.includes('Ajustements financiers'));
    expect(line).toMatch(/: N\/A$/);
  });

  it.each(['fr', 'en'] as const)(
    "prints every label of the template the brief lists, in its words or the seeds' (%s)",
    async (locale) => {
      const { model, template } = await getReportModel(ctx, reportId);
      const { paragraphs, tables } = await readDocx(await renderReportDocx(model, template, locale));
      const text = normalised([...paragraphs, ...tables.flat(2)].join('\n'));
      const labels = briefLabels[locale].flatMap((row) => row.split(';'));
      const missing = labels.filter((label) => {
        const pattern = normalised(label).replace(/\bn\b/g, '\\d+');
        return !new RegExp(pattern).test(text);
      });
      expect(missing).toEqual([]);
      const seedsMissing = seedWording[locale].filter((w) => !text.includes(normalised(w.template)));
      expect(seedsMissing).toEqual([]);
    },
  );

  it('a date given to the day is a day again', async () => {
    const detail = await getProgramme(ctx, programme.slug);
    const changed = await updateProgramme(ctx, programme.slug, {
      version: detail.version,
      firstTransferDate: '2020-03-09',
    });
    expect(changed.firstTransferPrecision).toBe('day');
    expect((await exportProgrammeDocument(ctx, programme.slug)).firstTransferDate).toBe('2020-03-09');
    const back = await updateProgramme(ctx, programme.slug, {
      version: changed.version,
      firstTransferDate: '2020-01',
    });
    expect([back.firstTransferDate, back.firstTransferPrecision]).toEqual(['2020-01-01', 'month']);
  });
});
