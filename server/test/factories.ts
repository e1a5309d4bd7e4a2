/**
 * Test data, built by each test for itself: small functions that write exactly what a test needs through the
 * services the API calls, with defaults that look like real data (French wording, places of Mali) and
 * overrides for what the test is about. Each returns the ids and slugs the test goes on with.
 *
 * Use them on `createTestDatabase(engine, { seed: false })`; the demo seed stays for e2e, the demo and the
 * tests of the demo data itself. See "Test data" in CONTRIBUTING.md.
 */
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ActivityCreate } from '../../core/contracts/activities.js';
import type { GlobalRole, MembershipRole } from '../../core/contracts/auth.js';
import type { FrameworkTree } from '../../core/contracts/programme-api.js';
import type {
  FrameworkVersionInput,
  IndicatorInput,
  OrganisationInput,
  ProgrammeDocumentInput,
} from '../../core/contracts/programme-document.js';
import { programmeDocument } from '../../core/contracts/programme-document.js';
import type { ReportDocumentInput, ReportStatus } from '../../core/contracts/report.js';
import type { ReportType } from '../../core/contracts/report-template.js';
import { templateFor } from '../../core/reports/templates/index.js';
import { operatorContext, type ServiceContext } from '../context.js';
import type { Database } from '../db/client.js';
import { createActivity } from '../modules/activities/activities.service.js';
import { addAttachment, type UploadInput } from '../modules/activities/attachments.service.js';
import { addMembership, createUser } from '../modules/auth/auth.service.js';
import { createBudgetLine, importWorkPlan } from '../modules/finance/budget.service.js';
import { createCatalytic } from '../modules/finance/catalytic.service.js';
import { createExpenditure } from '../modules/finance/expenditure.service.js';
import { createItem, createMeeting } from '../modules/finance/governance.service.js';
import { createActivity as createWorkPlanActivity } from '../modules/finance/workplan.service.js';
import { getFramework } from '../modules/frameworks/frameworks.service.js';
import { addIndicatorValue } from '../modules/indicator-data/indicator-data.service.js';
import { closePeriod } from '../modules/periods/closed-periods.service.js';
import { importProgramme } from '../modules/programme-documents/programme-documents.service.js';
import { createQuarterlyReport } from '../modules/reports/quarterly/quarterly-report.service.js';
import { createReport, getReport, importReport } from '../modules/reports/reports.service.js';
import { signInHeaders, TEST_PASSWORD, type Persona } from './api-client.js';

/** The context a factory writes with: the operator, as the CLI and the seed write. */
export const factoryContext = (database: Database, now = new Date('2026-11-26T12:00:00Z')): ServiceContext =>
  operatorContext(database.db, 'fr', () => now);

/** Agencies, funds and partners a factory may name, as the common catalogue writes them. */
export const organisationsByCode: Record<string, OrganisationInput> = {
  UNDP: {
    code: 'UNDP',
    kind: 'un_agency',
    name: {
      fr: 'Programme des Nations Unies pour le développement',
      en: 'United Nations Development Programme',
    },
    acronym: { fr: 'PNUD', en: 'UNDP' },
  },
  UNWOMEN: {
    code: 'UNWOMEN',
    kind: 'un_agency',
    name: {
      fr: 'Entité des Nations Unies pour l’égalité des sexes et l’autonomisation des femmes',
      en: 'United Nations Entity for Gender Equality and the Empowerment of Women',
    },
    acronym: { fr: 'ONU Femmes', en: 'UN Women' },
  },
  UNFPA: {
    code: 'UNFPA',
    kind: 'un_agency',
    name: { fr: 'Fonds des Nations Unies pour la population', en: 'United Nations Population Fund' },
    acronym: { fr: 'UNFPA', en: 'UNFPA' },
  },
  FAO: {
    code: 'FAO',
    kind: 'un_agency',
    name: {
      fr: 'Organisation des Nations Unies pour l’alimentation et l’agriculture',
      en: 'Food and Agriculture Organization of the United Nations',
    },
    acronym: { fr: 'FAO', en: 'FAO' },
  },
  WFP: {
    code: 'WFP',
    kind: 'un_agency',
    name: { fr: 'Programme alimentaire mondial', en: 'World Food Programme' },
    acronym: { fr: 'PAM', en: 'WFP' },
  },
  NETHERLANDS: {
    code: 'NETHERLANDS',
    kind: 'donor',
    name: { fr: 'Pays-Bas', en: 'Netherlands' },
  },
  PBF: {
    code: 'PBF',
    kind: 'fund',
    name: { fr: 'Fonds pour la consolidation de la paix', en: 'Peacebuilding Fund' },
    acronym: { fr: 'PBF', en: 'PBF' },
  },
};

const programmeTitles = [
  'Renforcement de la cohésion sociale dans les cercles de Bandiagara et Bankass',
  'Femmes et jeunes, actrices et acteurs de la paix dans la région de Mopti',
  'Appui aux mécanismes locaux de gestion des conflits à Ségou et San',
  'Justice de proximité et confiance entre populations et forces de sécurité à Tombouctou',
];
let programmesMade = 0;

export interface FrameworkShape {
  /** how many outcomes (codes `1`, `2`…) */
  outcomes?: number;
  /** how many outputs under each outcome (`1.1`, `1.2`…) */
  outputs?: number;
  /** how many indicators of each outcome (`1.a`…) and of each output (`1.1.1`…) */
  indicators?: number;
  version?: number;
  effectiveDate?: string;
}

const outcomeStatements = [
  'Les communautés des zones ciblées gèrent pacifiquement leurs conflits locaux',
  'Les femmes et les jeunes participent aux instances locales de prise de décision',
  'La confiance entre les populations et les autorités locales est renforcée',
];
const outputStatements = [
  'Les comités locaux de paix sont mis en place et formés',
  'Les leaders communautaires sont sensibilisés à la prévention des conflits',
  'Les radios communautaires diffusent des émissions sur la cohésion sociale',
];

const anIndicatorDocument = (code: string, overrides: Partial<IndicatorInput> = {}): IndicatorInput => ({
  code,
  title: { fr: 'Nombre de personnes formées à la prévention des conflits, désagrégé par sexe et par âge' },
  unit: 'personnes',
  baseline: '0',
  endTarget: '300',
  ...overrides,
});

/** A framework version as a programme document writes it: 1 outcome, 1 output, 1 indicator each by default. */
export function aFrameworkDocument(shape: FrameworkShape = {}): FrameworkVersionInput {
  const { outcomes = 1, outputs = 1, indicators = 1, version = 1, effectiveDate = '2025-01-01' } = shape;
  const letters = 'abcdefghij';
  return {
    version,
    label: { fr: 'Document de projet', en: 'Project document' },
    effectiveDate,
    reason: { fr: 'Cadre de résultats du document de projet approuvé' },
    outcomes: Array.from({ length: outcomes }, (_, o) => ({
      code: `${o + 1}`,
      statement: { fr: outcomeStatements[o % outcomeStatements.length]! },
      indicators: Array.from({ length: indicators }, (_, i) =>
        anIndicatorDocument(`${o + 1}.${letters[i]}`, {
          title: { fr: 'Pourcentage des conflits locaux résolus par les mécanismes communautaires' },
          unit: undefined,
          baseline: '35%',
          endTarget: '60%',
        }),
      ),
      outputs: Array.from({ length: outputs }, (_, p) => ({
        code: `${o + 1}.${p + 1}`,
        statement: { fr: outputStatements[p % outputStatements.length]! },
        indicators: Array.from({ length: indicators }, (_, i) =>
          anIndicatorDocument(`${o + 1}.${p + 1}.${i + 1}`),
        ),
      })),
    })),
  };
}

export interface ProgrammeOptions extends Partial<ProgrammeDocumentInput> {
  /** the shape of the one framework version, when `frameworks` is not given */
  framework?: FrameworkShape;
}

export interface MadeProgramme {
  id: string;
  slug: string;
  code: string;
  /** the recipient agencies' codes, the convening one first */
  recipients: string[];
  /** the framework version in force, as the API reads it (ids of outcomes, outputs and indicators) */
  framework: FrameworkTree | null;
  /** every indicator of the version in force, by code */
  indicators: Map<string, string>;
}

/**
 * A programme with its framework, imported as one programme document (the service of
 * `POST /api/v1/programmes/import`). By default: a PBF project in the region of Mopti, 2025–2026, UNDP
 * convening with UN Women, one outcome with one output and one indicator each.
 */
export async function aProgramme(database: Database, options: ProgrammeOptions = {}): Promise<MadeProgramme> {
  const n = ++programmesMade;
  const { framework: shape, ...overrides } = options;
  const recipients = overrides.recipients ?? [
    { organisation: 'UNDP', convening: true, approvedBudget: 900_000 },
    { organisation: 'UNWOMEN', approvedBudget: 600_000 },
  ];
  const donors = overrides.donors ?? [{ organisation: 'PBF', amount: 1_500_000 }];
  const named = [...recipients, ...donors].map((r) => r.organisation);
  const doc: ProgrammeDocumentInput = {
    code: `PBF/MLI/T-${n}`,
    kind: 'project',
    title: { fr: programmeTitles[(n - 1) % programmeTitles.length]! },
    country: 'ML',
    trustFund: { kind: 'none' },
    startDate: '2025-01-01',
    firstTransferDate: '2025-01-15',
    endDate: '2026-12-31',
    currency: 'USD',
    places: ['Mopti', 'Bandiagara'],
    frameworks: [aFrameworkDocument({ ...shape, effectiveDate: shape?.effectiveDate ?? '2025-01-01' })],
    ...overrides,
    recipients,
    donors,
    organisations: [
      ...named.flatMap((code) => organisationsByCode[code] ?? []),
      ...(overrides.organisations ?? []),
    ],
  };
  const ctx = factoryContext(database);
  const programme = await importProgramme(ctx, programmeDocument.parse(doc));
  // the version in force, else (a framework adopted later than the factory's clock) the latest
  const versions = programme.frameworkVersions;
  const chosen = versions.find((v) => v.inForce) ?? versions.at(-1);
  const framework = chosen ? await getFramework(ctx, programme.slug, chosen.version) : null;
  const indicators = new Map<string, string>();
  for (const outcome of framework?.outcomes ?? []) {
    for (const i of outcome.indicators) indicators.set(i.code, i.id);
    for (const output of outcome.outputs) for (const i of output.indicators) indicators.set(i.code, i.id);
  }
  return {
    id: programme.id,
    slug: programme.slug,
    code: programme.code,
    recipients: [...recipients]
      .sort((a, b) => Number(b.convening ?? false) - Number(a.convening ?? false))
      .map((r) => r.organisation),
    framework,
    indicators,
  };
}

export interface AccountOptions {
  email?: string;
  name?: string;
  /** the global role: `member` (the default) or `admin` */
  role?: GlobalRole;
  /** a membership on this programme… */
  programme?: { slug: string };
  /** …with this role (`coordinator` by default, `focal_point` when `agency` is given) */
  as?: MembershipRole;
  /** the agency of a focal point */
  agency?: string;
}

export interface MadeAccount {
  id: string;
  email: string;
  name: string;
  /** to build an app that sends every request as this person: `testApp(database, { as: account.persona })` */
  persona: Persona;
}

let accountsMade = 0;
const firstNames = ['Aminata', 'Moussa', 'Fatoumata', 'Boubacar', 'Kadiatou', 'Ibrahim', 'Mariam', 'Oumar'];
const lastNames = ['Traoré', 'Coulibaly', 'Diarra', 'Keïta', 'Sangaré', 'Maïga', 'Touré', 'Cissé'];

/** An account through the auth service (password `TEST_PASSWORD`), with a role on a programme if asked. */
export async function anAccount(database: Database, options: AccountOptions = {}): Promise<MadeAccount> {
  const n = accountsMade++;
  const name =
    options.name ?? `${firstNames[n % firstNames.length]} ${lastNames[(n * 3 + 1) % lastNames.length]}`;
  const email =
    options.email ??
    `${name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z]+/g, '.')}.${n}@test.jalon`;
  const ctx = factoryContext(database);
  const role = options.role ?? 'member';
  const user = await createUser(ctx, { email, name, password: TEST_PASSWORD, role });
  const memberships: NonNullable<Persona['memberships']> = [];
  if (options.programme) {
    const membership = {
      programme: options.programme.slug,
      role: options.as ?? (options.agency ? 'focal_point' : 'coordinator'),
      ...(options.agency ? { organisation: options.agency } : {}),
    } as const;
    await addMembership(ctx, user.id, membership);
    memberships.push(membership);
  }
  return { id: user.id, email, name, persona: { email, role, memberships } };
}

/** Signs the account in through the API: the headers of its session (cookie and CSRF token). */
export function signedIn(app: FastifyInstance, account: { email: string }): Promise<Record<string, string>> {
  return signInHeaders(app, account.email);
}

/**
 * An activity of a programme through the activities service: by default a dialogue of its convening agency
 * in Bandiagara, serving its first output, with 12 women and 18 men aged 18 to 35.
 */
export async function anActivity(
  database: Database,
  programme: MadeProgramme,
  overrides: Partial<ActivityCreate> = {},
): Promise<{ id: string; version: number }> {
  const firstOutput = programme.framework?.outcomes[0]?.outputs[0];
  const activity = await createActivity(factoryContext(database), programme.slug, {
    kind: 'dialogue',
    title: { fr: 'Dialogue intercommunautaire sur la gestion des ressources naturelles' },
    startDate: overrides.startDate ?? '2025-03-12',
    endDate: overrides.startDate ?? '2025-03-13',
    organisation: programme.recipients[0] ?? 'UNDP',
    output: firstOutput?.code ?? null,
    places: [{ area: 'Bandiagara', note: 'Salle de la mairie' }],
    participants: [
      { category: 'community_members', sex: 'female', ageGroup: 'age_18_35', count: 12 },
      { category: 'community_members', sex: 'male', ageGroup: 'age_18_35', count: 18 },
    ],
    ...overrides,
  });
  return { id: activity.id, version: activity.version };
}

/**
 * A report of a programme (annual 2025 by default). A draft is created pre-filled as the API creates it; a
 * report given a `status` (`submitted`, `approved`) or a `content` is written as is, as an import of a report
 * document writes it (an approved one frozen).
 */
export async function aReport(
  database: Database,
  programme: { slug: string; code: string; framework?: FrameworkTree | null },
  options: {
    type?: ReportType;
    year?: number;
    status?: ReportStatus;
    content?: ReportDocumentInput['content'];
    /** the framework version a written report follows: the programme's version in force by default */
    frameworkVersion?: number;
  } = {},
): Promise<{ id: string; version: number }> {
  const ctx = factoryContext(database);
  const type = options.type ?? 'annual';
  const year = options.year ?? 2025;
  if (options.status === undefined && options.content === undefined) {
    const report = await createReport(ctx, programme.slug, { type, year });
    return { id: report.id, version: report.version };
  }
  const template = templateFor(type, year);
  if (!template) throw new Error(`no report template for ${type} ${year}`);
  const id = await importReport(ctx, {
    programme: programme.code,
    template: { id: template.id, version: template.version },
    type,
    year,
    status: options.status ?? 'draft',
    frameworkVersion: options.frameworkVersion ?? programme.framework?.version,
    content: options.content ?? {},
  });
  const report = await getReport(ctx, id);
  return { id, version: report.version };
}

type WorkPlanActivityInput = Parameters<typeof createWorkPlanActivity>[2];

/** An activity of the work plan, under the first output by default (its code follows the output's). */
export async function aWorkPlanActivity(
  database: Database,
  programme: MadeProgramme,
  overrides: Partial<WorkPlanActivityInput> = {},
): Promise<{ id: string; code: string }> {
  const outcome = programme.framework?.outcomes[0];
  const activity = await createWorkPlanActivity(factoryContext(database), programme.slug, {
    outcome: outcome?.code ?? '1',
    output: outcome?.outputs[0]?.code,
    title: { fr: 'Formation des membres des comités locaux de paix à la médiation' },
    plannedStart: '2025-02-01',
    plannedEnd: '2025-06-30',
    ...overrides,
  });
  return { id: activity.id, code: activity.code };
}

type BudgetLineInput = Parameters<typeof createBudgetLine>[2];

/** A budget line of a programme (an activity line of the convening agency, USD 50,000 in 2025 by default). */
export async function aBudgetLine(
  database: Database,
  programme: MadeProgramme,
  overrides: Partial<BudgetLineInput> = {},
): Promise<{ id: string; code: string }> {
  const firstOutput = programme.framework?.outcomes[0]?.outputs[0];
  const line = await createBudgetLine(factoryContext(database), programme.slug, {
    kind: 'activity',
    label: { fr: 'Ateliers de formation des comités locaux de paix' },
    output: firstOutput?.code ?? null,
    agency: programme.recipients[0] ?? null,
    donor: 'PBF',
    currency: 'USD',
    amounts: { '2025': 50_000 },
    genderPercent: 30,
    ...overrides,
  });
  return { id: line.id, code: line.code };
}

type WorkPlanDocument = Parameters<typeof importWorkPlan>[2];

/**
 * A whole work plan (activities, budget lines, printed sub-totals) imported in one go, as the document of a
 * project writes it: what a test needs of printed totals (`statedTotal`, `statedTotals`) that a line made one
 * by one does not carry. Returns the discrepancies the import found.
 */
export async function aWorkPlan(
  database: Database,
  programme: { slug: string },
  doc: Partial<WorkPlanDocument> & Pick<WorkPlanDocument, 'lines'>,
): Promise<{ discrepancies: Awaited<ReturnType<typeof importWorkPlan>>['discrepancies'] }> {
  const result = await importWorkPlan(factoryContext(database), programme.slug, {
    activities: [],
    statedTotals: [],
    ...doc,
  });
  return { discrepancies: result.discrepancies };
}

type ExpenseInput = Parameters<typeof createExpenditure>[2];

/** An expense on a budget line (USD 12,500 over the first half of 2025 by default). */
export async function anExpense(
  database: Database,
  programme: { slug: string },
  line: { code: string },
  overrides: Partial<ExpenseInput> = {},
): Promise<{ id: string; version: number }> {
  const expense = await createExpenditure(factoryContext(database), programme.slug, {
    line: line.code,
    periodStart: '2025-01-01',
    periodEnd: '2025-06-30',
    amount: 12_500,
    ...overrides,
  });
  return { id: expense.id, version: expense.version };
}

/** Closes a programme's period (the first half of 2025 by default) as a coordinator would. */
export async function aClosedPeriod(
  database: Database,
  programme: { slug: string },
  options: { start?: string; end?: string; reason?: string } = {},
): Promise<{ id: string }> {
  const closed = await closePeriod(factoryContext(database), programme.slug, {
    start: options.start ?? '2025-01-01',
    end: options.end ?? '2025-06-30',
    reason: options.reason ?? 'Rapport semestriel approuvé',
  });
  return { id: closed.id };
}

type MeetingInput = Parameters<typeof createMeeting>[2];
type GovernanceItemInput = Parameters<typeof createItem>[2];

/**
 * A meeting of a committee through the governance service (by default the programme's first steering committee,
 * in Bamako on 15 December 2025), with its decisions and recommendations.
 */
export async function aMeeting(
  database: Database,
  programme: { slug: string },
  overrides: Partial<MeetingInput> & { items?: GovernanceItemInput[] } = {},
): Promise<{ id: string; items: string[] }> {
  const { items = [], ...meeting } = overrides;
  const ctx = factoryContext(database);
  const made = await createMeeting(ctx, programme.slug, {
    body: 'steering_committee',
    number: 1,
    date: '2025-12-15',
    location: 'Maison Commune des Nations Unies, Bamako',
    participants: ['Ministère de la Réconciliation', 'PNUD', 'ONU Femmes'],
    ...meeting,
  });
  const ids: string[] = [];
  for (const item of items) ids.push((await createItem(ctx, made.id, item)).id);
  return { id: made.id, items: ids };
}

type CatalyticInput = Parameters<typeof createCatalytic>[2];

/** Money obtained from another funder (USD 250,000 from the Swiss cooperation in March 2025 by default). */
export async function aCatalyticFunding(
  database: Database,
  programme: { slug: string },
  overrides: Partial<CatalyticInput> = {},
): Promise<{ id: string }> {
  const made = await createCatalytic(factoryContext(database), programme.slug, {
    donorName: 'Coopération suisse',
    amount: 250_000,
    date: '2025-03-01',
    ...overrides,
  });
  return { id: made.id };
}

/** The smallest PNG there is: one transparent pixel. */
export const onePixelPng = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f5f3e10000000049454e44ae426082',
  'hex',
);

/** A photo of an activity (one pixel) through the attachments service. */
export async function anAttachment(
  database: Database,
  activity: { id: string },
  overrides: UploadInput & { bytes?: Buffer } = {},
): Promise<{ id: string }> {
  const { bytes = onePixelPng, ...input } = overrides;
  const made = await addAttachment(factoryContext(database), activity.id, bytes, {
    kind: 'photo',
    fileName: 'atelier-bandiagara.png',
    captionFr: 'Dialogue intercommunautaire à Bandiagara',
    credit: '© PNUD Mali',
    ...input,
  });
  return { id: made.id };
}

type IndicatorValueInput = Parameters<typeof addIndicatorValue>[2];

/** A value typed in for an indicator (`120` for 2025 by default); returns the value's id. */
export async function anIndicatorValue(
  database: Database,
  indicatorId: string,
  overrides: Partial<IndicatorValueInput> = {},
): Promise<{ id: string }> {
  const input = {
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    value: { text: '120' },
    enteredBy: 'Suivi-évaluation PNUD',
    ...overrides,
  };
  const data = await addIndicatorValue(factoryContext(database), indicatorId, input);
  const value = data.values.find(
    (v) => v.periodStart === input.periodStart && v.periodEnd === input.periodEnd,
  );
  if (!value) throw new Error(`no value of ${input.periodStart} to ${input.periodEnd} read back`);
  return { id: value.id };
}

/** The quarterly report of a programme for a quarter (`2025-Q4` by default), a draft with what it is given. */
export async function aQuarterlyReport(
  database: Database,
  programme: { slug: string },
  options: {
    quarter?: string;
    content?: Parameters<typeof createQuarterlyReport>[3];
    status?: 'draft' | 'approved';
  } = {},
): Promise<{ id: string }> {
  const id = await createQuarterlyReport(
    factoryContext(database),
    programme.slug,
    options.quarter ?? '2025-Q4',
    options.content ?? {},
    options.status ?? 'draft',
  );
  return { id };
}

/** A real photo (12 KB JPEG) for the tests that need one a reader would recognise as a photo. */
export const aJpegPhoto = (): Buffer =>
  readFileSync(fileURLToPath(new URL('../seed/field/photos/commissariat-yorosso.jpg', import.meta.url)));

/**
 * A programme with a little of every kind of data, each written once through its service: a coordinator, an
 * activity with a photo, a value of an indicator, a draft report, a budget line with an expense, a closed
 * period, a committee meeting with a decision, catalytic funding and a quarterly report. For the tests about
 * the whole database (backups, the `jalon` command's data directory), not about any one of these.
 */
export async function aProgrammeWithEverything(
  database: Database,
  options: ProgrammeOptions = {},
): Promise<MadeProgramme & { activity: string; line: string }> {
  const programme = await aProgramme(database, {
    framework: { outcomes: 2, outputs: 2, indicators: 2 },
    ...options,
  });
  await anAccount(database, { programme });
  const activity = await anActivity(database, programme);
  await anAttachment(database, activity, { bytes: aJpegPhoto(), fileName: 'commissariat-yorosso.jpg' });
  await anIndicatorValue(database, programme.indicators.get('1.1.1')!);
  await aReport(database, programme);
  const line = await aBudgetLine(database, programme);
  await anExpense(database, programme, line);
  await aClosedPeriod(database, programme);
  await aMeeting(database, programme, {
    items: [{ kind: 'decision', number: 1, text: { fr: 'Le plan de travail 2025 est approuvé' } }],
  });
  await aCatalyticFunding(database, programme);
  await aQuarterlyReport(database, programme);
  return { ...programme, activity: activity.id, line: line.code };
}
