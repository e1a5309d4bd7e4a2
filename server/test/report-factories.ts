/**
 * Factories for the tests of reports (workflow, Word and PDF exports, the quarterly report): programmes of
 * several agencies, written reports and a quarter of activities that gives the quarterly report its key
 * figures. They build on `factories.ts` and write through the same services.
 */
import type { FrameworkVersionInput, OrganisationInput } from '../../core/contracts/programme-document.js';
import type { ReportDocumentInput, ReportModel } from '../../core/contracts/report.js';
import type { ReportTemplate } from '../../core/contracts/report-template.js';
import { operatorContext } from '../context.js';
import type { Database } from '../db/client.js';
import { getReportModel } from '../modules/reports/reports.service.js';
import {
  aFrameworkDocument,
  aProgramme,
  aReport,
  anActivity,
  type FrameworkShape,
  type MadeProgramme,
} from './factories.js';

/** Agencies the common catalogue of `factories.ts` does not name. */
export const moreOrganisations = {
  OHCHR: {
    code: 'OHCHR',
    kind: 'un_agency',
    name: {
      fr: 'Haut-Commissariat des Nations Unies aux droits de l’homme',
      en: 'Office of the United Nations High Commissioner for Human Rights',
    },
    acronym: { fr: 'HCDH', en: 'OHCHR' },
  },
  IOM: {
    code: 'IOM',
    kind: 'un_agency',
    name: {
      fr: 'Organisation internationale pour les migrations',
      en: 'International Organization for Migration',
    },
    acronym: { fr: 'OIM', en: 'IOM' },
  },
  UNODC: {
    code: 'UNODC',
    kind: 'un_agency',
    name: {
      fr: 'Office des Nations Unies contre la drogue et le crime',
      en: 'United Nations Office on Drugs and Crime',
    },
    acronym: { fr: 'ONUDC', en: 'UNODC' },
  },
  INTERPEACE: {
    code: 'INTERPEACE',
    kind: 'non_un',
    name: { fr: 'Interpeace', en: 'Interpeace' },
    acronym: { fr: 'Interpeace', en: 'Interpeace' },
  },
} satisfies Record<string, OrganisationInput>;

export type ReportContent = ReportDocumentInput['content'];

/**
 * The quarter's activities from which the quarterly report computes its key figures (the template's measures):
 * peace infrastructures under output 1.2, magistrates trained under 2.2, judicial police trained and pupils at
 * an event under 4.3. The programme needs outputs 1.2, 2.2 and 4.3 (`framework: { outcomes: 4, outputs: 3 }`).
 * By default October–December 2023: 8 infrastructures, 41 magistrates (1 woman), 25 judicial police officers,
 * 272 pupils (110 girls).
 */
export async function aQuarterOfKeyFigures(
  database: Database,
  programme: MadeProgramme,
  options: { start?: string; agency?: string } = {},
): Promise<void> {
  const startDate = options.start ?? '2023-10-16';
  const organisation = options.agency ?? programme.recipients[0] ?? 'UNDP';
  const common = { startDate, endDate: startDate, organisation, countBasis: 'distinct' as const };
  await anActivity(database, programme, {
    ...common,
    kind: 'infrastructure',
    title: { fr: 'Infrastructures de paix : parcs de vaccination, mare piscicole et pompe solaire' },
    output: '1.2',
    places: [{ area: 'Niono' }],
    quantity: 8,
    quantityUnit: 'infrastructures',
    participants: [],
  });
  await anActivity(database, programme, {
    ...common,
    kind: 'training',
    title: { fr: 'Formation des magistrats au management des juridictions' },
    output: '2.2',
    places: [{ area: 'Mopti' }],
    participants: [
      { category: 'magistrates', sex: 'male', ageGroup: 'unknown', count: 22 },
      { category: 'magistrates', sex: 'female', ageGroup: 'unknown', count: 1 },
      { category: 'justice_personnel', sex: 'male', ageGroup: 'unknown', count: 18 },
    ],
  });
  await anActivity(database, programme, {
    ...common,
    kind: 'training',
    title: { fr: 'Formation des officiers de police judiciaire à la conduite des enquêtes' },
    output: '2.1',
    places: [{ area: 'Mopti' }],
    participants: [{ category: 'judicial_police', sex: 'male', ageGroup: 'unknown', count: 25 }],
  });
  await anActivity(database, programme, {
    ...common,
    kind: 'event',
    title: { fr: 'Concours d’innovations des élèves sur la prévention de l’extrémisme violent' },
    output: '4.3',
    places: [{ area: 'Ségou' }],
    participants: [
      { category: 'pupils', sex: 'female', ageGroup: 'under_18', count: 110 },
      { category: 'pupils', sex: 'male', ageGroup: 'under_18', count: 162 },
    ],
  });
}

/** The English of the French wording `aFrameworkDocument` writes. */
const english: Record<string, string> = {
  'Les communautés des zones ciblées gèrent pacifiquement leurs conflits locaux':
    'The communities of the targeted areas manage their local conflicts peacefully',
  'Les femmes et les jeunes participent aux instances locales de prise de décision':
    'Women and young people take part in local decision-making bodies',
  'La confiance entre les populations et les autorités locales est renforcée':
    'Trust between the people and the local authorities is strengthened',
  'Les comités locaux de paix sont mis en place et formés': 'Local peace committees are set up and trained',
  'Les leaders communautaires sont sensibilisés à la prévention des conflits':
    'Community leaders are made aware of conflict prevention',
  'Les radios communautaires diffusent des émissions sur la cohésion sociale':
    'Community radios broadcast programmes on social cohesion',
  'Pourcentage des conflits locaux résolus par les mécanismes communautaires':
    'Percentage of local conflicts resolved by community mechanisms',
  'Nombre de personnes formées à la prévention des conflits, désagrégé par sexe et par âge':
    'Number of people trained in conflict prevention, by sex and age',
};
const both = (text: { fr: string; en?: string }) => ({ fr: text.fr, en: english[text.fr] ?? text.en });

/**
 * `aFrameworkDocument` with its statements and indicator titles in English too, as a project document written
 * in both languages: for the tests of documents in English (a text left in French is marked as the original).
 */
export function aBilingualFrameworkDocument(shape: FrameworkShape = {}): FrameworkVersionInput {
  const doc = aFrameworkDocument(shape);
  const indicators = <T extends { title: { fr: string; en?: string } }>(list: T[] | undefined) =>
    (list ?? []).map((i) => ({ ...i, title: both(i.title) }));
  return {
    ...doc,
    outcomes: doc.outcomes.map((o) => ({
      ...o,
      statement: both(o.statement),
      indicators: indicators(o.indicators),
      outputs: (o.outputs ?? []).map((x) => ({
        ...x,
        statement: both(x.statement),
        indicators: indicators(x.indicators),
      })),
    })),
  };
}

/**
 * What the report's documents (Word, HTML, PDF) are made from: the model and template of a draft annual report of
 * 2020 (the template with Part V) as the API starts it, of a programme of June 2019 to December 2021 with three
 * outcomes of three outputs each, two indicators apiece. `code` is the programme's (the documents' title).
 */
export async function anAnnualReportModel(
  database: Database,
  options: { code?: string } = {},
): Promise<{ model: ReportModel; template: ReportTemplate }> {
  const programme = await aProgramme(database, {
    startDate: '2019-06-01',
    firstTransferDate: '2019-07-01',
    endDate: '2021-12-31',
    ...(options.code && { code: options.code }),
    framework: { outcomes: 3, outputs: 3, indicators: 2, effectiveDate: '2019-06-01' },
  });
  const report = await aReport(database, programme, { type: 'annual', year: 2020 });
  const { model, template } = await getReportModel(operatorContext(database.db), report.id);
  return { model, template };
}
