/**
 * What the API answers and accepts for programmes, framework versions, outcomes, outputs and indicators.
 * Shared by the server (validation, OpenAPI), the web app (types, form validation) and the CLI.
 */
import { z } from 'zod';
import {
  alignmentInput,
  currencyCode,
  dayOrMonth,
  genderMarkers,
  indicatorFields,
  localizedText,
  organisationKinds,
  partialDate,
  priorityWindows,
  programmeKinds,
  riskCategories,
  riskImpacts,
  riskLevels,
  trustFundKinds,
} from './programme-document.js';
import { indicatorNotesMax } from './limits.js';
import { withoutPrototypeKeys } from './safe-key.js';
import { storedValue } from './value-spec.js';

export const uuid = z.uuid();
/** URL key of a programme: `pbf-mli-a-1`, `prosmed` */
export const programmeSlug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case slug, e.g. pbf-mli-a-1');
const isoDate = z.iso.date();

export const organisationRef = z
  .object({
    id: uuid,
    code: z.string(),
    kind: z.enum(organisationKinds),
    name: localizedText,
    acronym: z.object({ fr: z.string(), en: z.string().optional() }).nullable(),
  })
  .meta({ id: 'Organisation' });
export type OrganisationRef = z.infer<typeof organisationRef>;

export const recipient = z.object({
  organisation: organisationRef,
  convening: z.boolean(),
  approvedBudget: z.number().nullable(),
});
export const donorContribution = z.object({
  organisation: organisationRef,
  amount: z.number().nullable(),
  originalAmount: z.number().nullable(),
  originalCurrency: z.string().nullable(),
  note: z.string().nullable(),
});

/**
 * A programme's budget of record: the one answer every reader gives (portfolio card, programme page, finance
 * tabs, PBF report header, IATI export), computed by `summariseBudget` (core/finance/budget-summary.ts).
 * Precedence: the budget lines when the programme has any (`budget_lines`), else the amounts its header states
 * for its recipients (`stated`), else nothing (`none`). Financial snapshots are rates, never a budget.
 */
export const programmeBudget = z
  .object({
    source: z.enum(['budget_lines', 'stated', 'none']),
    /** in the programme's currency (budget lines are in USD) */
    total: z.number(),
    /** how many budget lines make it (0 for a stated budget) */
    lines: z.number().int(),
    /** every recipient organisation, in the programme's order; amount null when the source says nothing of it */
    byAgency: z.array(z.object({ organisation: organisationRef, amount: z.number().nullable() })),
    /** the part of the total attributed to no recipient (lines without an agency, or another agency's) */
    unattributed: z.number(),
    /**
     * by donor: what the lines charge to each donor when some line names a donor, else the donors' allocations
     * (the programme's donors and their amounts, summed per organisation)
     */
    byDonor: z.array(z.object({ organisation: organisationRef, amount: z.number() })),
    donorSource: z.enum(['budget_lines', 'allocations', 'none']),
    /** sum of byDonor */
    allocated: z.number(),
    /** total − allocated: never the total again when some donor has an allocation (negative = over-allocated) */
    unallocated: z.number(),
    /** by year, when the budget lines have years (empty for a stated budget) */
    byYear: z.array(z.object({ year: z.number().int(), amount: z.number() })),
  })
  .meta({ id: 'ProgrammeBudget' });
export type ProgrammeBudget = z.infer<typeof programmeBudget>;

/** What every view of a programme shows of it: the portfolio's card and the programme's page. */
const programmeHeader = z.object({
  id: uuid,
  slug: programmeSlug,
  code: z.string(),
  kind: z.enum(programmeKinds),
  title: localizedText,
  currency: z.string(),
  startDate: isoDate.nullable(),
  firstTransferDate: isoDate.nullable(),
  endDate: isoDate,
  revisedEndDate: isoDate.nullable(),
  /** the budget of record's total (`budget.total`) */
  totalBudget: z.number(),
  genderMarker: z.enum(genderMarkers).nullable(),
  riskMarker: z.enum(riskLevels).nullable(),
  /** indicators of the framework version in force */
  indicatorCount: z.number().int(),
});

/**
 * A programme in the portfolio (`GET /programmes`): exactly what its card shows — the budget of record's total,
 * source and number of lines, the recipients (by organisation code, named once in `Portfolio.organisations`) and
 * who convenes — and nothing more, so that the home page of everyone stays small. Everything else (the budget by
 * agency, donor and year, the recipients' stated amounts, the texts) is on `GET /programmes/:slug`
 * (`ProgrammeDetail`).
 */
export const programmeSummary = programmeHeader
  .extend({
    budget: programmeBudget
      .pick({ source: true, total: true, lines: true })
      .meta({ id: 'ProgrammeBudgetSummary' }),
    /** in the programme's order; `organisation` is the code of one of `Portfolio.organisations` */
    recipients: z.array(z.object({ organisation: z.string(), convening: z.boolean() })),
  })
  .meta({ id: 'ProgrammeSummary' });
export type ProgrammeSummary = z.infer<typeof programmeSummary>;

/** `GET /programmes`: every programme as its card, and each organisation the cards name, once. */
export const portfolio = z
  .object({
    items: z.array(programmeSummary),
    /** the organisations the items' recipients name, each once, ordered by code */
    organisations: z.array(organisationRef),
  })
  .meta({ id: 'Portfolio' });
export type Portfolio = z.infer<typeof portfolio>;

export const indicatorTarget = z
  .object({
    kind: z.enum(['annual', 'milestone', 'end']),
    year: z.number().int().nullable(),
    date: z.string().nullable(),
    value: storedValue.nullable(),
  })
  .meta({ id: 'IndicatorTarget' });
export type IndicatorTarget = z.infer<typeof indicatorTarget>;

export const indicatorValue = z
  .object({
    id: uuid,
    periodStart: isoDate,
    periodEnd: isoDate,
    value: storedValue.nullable(),
    reason: z.string().nullable(),
    provenance: z.enum(['entered', 'imported', 'computed', 'seed']),
  })
  .meta({ id: 'IndicatorValue' });
export type IndicatorValue = z.infer<typeof indicatorValue>;

export const indicator = z
  .object({
    id: uuid,
    // what is stored, as it is: a read does not check lengths (rows may predate a limit)
    code: z.string(),
    title: indicatorFields.title,
    measure: indicatorFields.measure,
    direction: indicatorFields.direction,
    cumulative: indicatorFields.cumulative,
    unit: z.string().nullable(),
    disaggregations: indicatorFields.disaggregations,
    baseline: storedValue.nullable(),
    targets: z.array(indicatorTarget),
    sources: z.array(z.string()),
    alignments: z.array(alignmentInput),
    notes: z.string().nullable(),
    latestValue: indicatorValue.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Indicator' });
export type Indicator = z.infer<typeof indicator>;

export const plannedActivity = z.object({ id: uuid, code: z.string(), title: localizedText });

/**
 * A baseline or target as the framework sends it: its wording alone when the value is what the wording reads
 * as (`toStoredValue(text, { percentIndicator: measure === 'percent' })`: the same structure, date and source),
 * else the stored value whole. `expandFramework` (core/domain/framework-answer.ts) gives it back as stored.
 */
export const frameworkValue = z.union([z.string(), storedValue]).meta({ id: 'FrameworkValue' });
export type FrameworkValue = z.infer<typeof frameworkValue>;

/**
 * An indicator as the framework lists it: the fields of `Indicator` (`GET /indicators/:id`), with what is
 * empty left out (no unit, notes, latest value, sources, alignments or disaggregations) and its targets by
 * kind — the end target, the yearly ones by year, the milestones in order. An indicator whose targets do not
 * fit that form (two targets for one year, a dated yearly target…) sends them as `targets`, as stored.
 */
export const frameworkIndicator = z
  .object({
    id: uuid,
    code: z.string(),
    title: indicatorFields.title,
    measure: indicatorFields.measure,
    direction: indicatorFields.direction,
    cumulative: indicatorFields.cumulative,
    unit: z.string().optional(),
    disaggregations: indicatorFields.disaggregations.optional(),
    baseline: frameworkValue.optional(),
    /** absent: no end target; null: one whose value the document leaves empty */
    endTarget: frameworkValue.nullable().optional(),
    /** by year; null = no target that year (`/` in the documents) */
    annualTargets: z.record(z.string().regex(/^\d{4}$/), frameworkValue.nullable()).optional(),
    milestones: z
      .array(z.object({ date: z.string().optional(), value: frameworkValue.nullable() }))
      .optional(),
    /** only when the targets do not fit `endTarget`, `annualTargets` and `milestones` */
    targets: z.array(indicatorTarget).optional(),
    sources: z.array(z.string()).optional(),
    alignments: z.array(alignmentInput).optional(),
    notes: z.string().optional(),
    latestValue: indicatorValue.optional(),
    version: z.number().int(),
  })
  .meta({ id: 'FrameworkIndicator' });
export type FrameworkIndicator = z.infer<typeof frameworkIndicator>;

export const output = z
  .object({
    id: uuid,
    code: z.string(),
    statement: localizedText,
    indicators: z.array(frameworkIndicator),
    activities: z.array(plannedActivity),
  })
  .meta({ id: 'Output' });
export type Output = z.infer<typeof output>;
export const outcome = z
  .object({
    id: uuid,
    code: z.string(),
    statement: localizedText,
    indicators: z.array(frameworkIndicator),
    outputs: z.array(output),
  })
  .meta({ id: 'Outcome' });
export type Outcome = z.infer<typeof outcome>;

export const frameworkVersionSummary = z
  .object({
    id: uuid,
    version: z.number().int(),
    label: localizedText,
    effectiveDate: isoDate,
    reason: localizedText,
    inForce: z.boolean(),
  })
  .meta({ id: 'FrameworkVersionSummary' });
export type FrameworkVersionSummary = z.infer<typeof frameworkVersionSummary>;

export const framework = frameworkVersionSummary
  .extend({
    outcomes: z.array(outcome),
    alignments: z.array(alignmentInput),
  })
  .meta({ id: 'Framework' });
/** The framework as `GET /programmes/:slug/framework` sends it (compact indicators). */
export type Framework = z.infer<typeof framework>;

/**
 * The framework as the server reads it and the screens, reports and exports use it: every indicator whole
 * (`Indicator`). `expandFramework(answer)` gives it from the API's answer; `compactFramework` the answer from it.
 */
export type OutputTree = Omit<Output, 'indicators'> & { indicators: Indicator[] };
export type OutcomeTree = Omit<Outcome, 'indicators' | 'outputs'> & {
  indicators: Indicator[];
  outputs: OutputTree[];
};
export type FrameworkTree = Omit<Framework, 'outcomes'> & { outcomes: OutcomeTree[] };

export const risk = z
  .object({
    id: uuid,
    number: z.number().int(),
    description: localizedText,
    category: z.enum(riskCategories),
    probability: z.enum(riskLevels),
    impact: z.enum(riskImpacts),
    mitigation: localizedText,
  })
  .meta({ id: 'Risk' });

/**
 * What the signed-in person may do on a programme (docs/decisions/0016), computed by the rules the server
 * enforces (server/modules/auth/policy.ts, `abilitiesOn`): the screens offer only these actions.
 */
export const programmeAbilities = z
  .object({
    /** the header, framework, indicators and their calculation rules, budget, work plan */
    write: z.boolean(),
    /** activities, indicator values, report sections: for the agencies in `agencies` */
    recordData: z.boolean(),
    /** create and submit reports (the coordinator) */
    createReports: z.boolean(),
    /** accept or send back submitted reports (the secretariat) */
    review: z.boolean(),
    /** the list of reports, submitted and accepted ones */
    readReports: z.boolean(),
    /** draft reports, comments, the history of edits */
    readDrafts: z.boolean(),
    /** the field-level audit trail */
    readAudit: z.boolean(),
    /** the reporting calendar: its deadlines and reminders (the coordinator, the secretariat) */
    editCalendar: z.boolean(),
    /** codes of the recipient agencies the person records for, their own first (a form's default) */
    agencies: z.array(z.string()),
  })
  .meta({ id: 'ProgrammeAbilities' });
export type ProgrammeAbilities = z.infer<typeof programmeAbilities>;

export const programmeDetail = programmeHeader
  .extend({
    shortTitle: localizedText.nullable(),
    country: z.string(),
    /** `approvedBudget` is what the header states for each recipient; `budget` is the budget of record */
    recipients: z.array(recipient),
    budget: programmeBudget,
    priorityWindows: z.array(z.enum(priorityWindows)),
    version: z.number().int(),
    /** what the person asking may do here */
    can: programmeAbilities,
    gatewayId: z.string().nullable(),
    fundCode: z.string().nullable(),
    summary: localizedText.nullable(),
    trustFund: z.object({ kind: z.enum(trustFundKinds), name: z.string().nullable() }),
    genderMarkerText: z.string().nullable(),
    riskMarkerText: z.string().nullable(),
    focusArea: z.object({ code: z.string().nullable(), label: localizedText }).nullable(),
    genderBudgetAllocated: z.number().nullable(),
    resourcesRequired: z.number().nullable(),
    durationMonths: z.number().int(),
    /** `month` when the first transfer is known to the month only: `firstTransferDate` is then its first day */
    firstTransferPrecision: z.enum(['day', 'month']),
    /** the PBF header's "is the project within its last six months?", at today's date */
    inLastSixMonths: z.boolean(),
    financialSnapshots: z.array(
      z.object({
        asOf: isoDate,
        implementationRate: z.number().nullable(),
        genderBudgetSpent: z.number().nullable(),
        source: z.string().nullable(),
      }),
    ),
    places: z.array(z.string()),
    implementingPartners: z.array(z.object({ organisation: organisationRef, note: z.string().nullable() })),
    donors: z.array(donorContribution),
    cofundingProjects: z.array(
      z.object({ slug: programmeSlug, code: z.string(), title: localizedText, note: z.string().nullable() }),
    ),
    cofunds: z.array(z.object({ slug: programmeSlug, code: z.string(), title: localizedText })),
    frameworkVersions: z.array(frameworkVersionSummary),
    risks: z.array(risk),
  })
  .meta({ id: 'ProgrammeDetail' });
export type ProgrammeDetail = z.infer<typeof programmeDetail>;

// ---- writes ----

/** Header fields a user can change; every field optional, `version` required (optimistic concurrency). */
export const programmePatch = z
  .object({
    version: z.number().int().positive(),
    title: localizedText,
    shortTitle: localizedText.nullable(),
    summary: localizedText.nullable(),
    gatewayId: z.string().trim().min(1).nullable(),
    startDate: isoDate.nullable(),
    /** `2020-01-15`, or `2020-01` when the month only is known */
    firstTransferDate: dayOrMonth.nullable(),
    endDate: isoDate,
    revisedEndDate: isoDate.nullable(),
    currency: currencyCode,
    priorityWindows: z.array(z.enum(priorityWindows)),
    genderMarker: z.enum(genderMarkers).nullable(),
    riskMarker: z.enum(riskLevels).nullable(),
    genderBudgetAllocated: z.number().nonnegative().finite().nullable(),
    places: z.array(z.string().trim().min(1)),
  })
  .partial()
  .required({ version: true })
  .strict();
export type ProgrammePatch = z.infer<typeof programmePatch>;

export const programmeCreate = z
  .object({
    code: z.string().trim().min(1).max(40),
    kind: z.enum(programmeKinds).default('project'),
    title: localizedText,
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .default('ML'),
    endDate: isoDate,
    startDate: isoDate.optional(),
    currency: currencyCode.default('USD'),
  })
  .strict();
export type ProgrammeCreate = z.infer<typeof programmeCreate>;

export const frameworkVersionCreate = z
  .object({
    label: localizedText,
    effectiveDate: isoDate,
    reason: localizedText,
  })
  .strict();

/** outcome and output codes are keys of report contents: no `__proto__`, `constructor` or `prototype` */
const statementCode = withoutPrototypeKeys(z.string().trim().min(1));
export const statementCreate = z.object({ code: statementCode, statement: localizedText }).strict();
export const statementPatch = z
  .object({ version: z.number().int().positive(), code: statementCode, statement: localizedText })
  .partial()
  .required({ version: true })
  .strict();

/** Values are written as text and parsed on the server (`core/domain/value-text.ts`), as in Excel. */
const valueWrite = z.object({
  text: z.string().trim().min(1).max(500),
  date: partialDate.optional(),
  source: z.string().max(300).optional(),
});
export const indicatorWrite = z
  .object({
    code: indicatorFields.code,
    title: indicatorFields.title,
    measure: indicatorFields.measure,
    direction: indicatorFields.direction,
    cumulative: indicatorFields.cumulative,
    unit: indicatorFields.unit.nullable(),
    disaggregations: indicatorFields.disaggregations,
    baseline: valueWrite.nullable(),
    endTarget: valueWrite.nullable(),
    /** yearly targets; null = no target that year */
    targets: z.record(z.string().regex(/^\d{4}$/, 'a year, e.g. 2023'), valueWrite.nullable()),
    milestones: z.array(valueWrite.extend({ date: partialDate.optional() })),
    sources: z.array(indicatorFields.source),
    notes: z.string().max(indicatorNotesMax).nullable(),
  })
  .strict();
export const indicatorCreate = indicatorWrite.partial().required({ code: true, title: true });
export const indicatorPatch = indicatorWrite
  .partial()
  .extend({ version: z.number().int().positive() })
  .strict();
export type IndicatorCreate = z.infer<typeof indicatorCreate>;
export type IndicatorPatch = z.infer<typeof indicatorPatch>;

export const idParams = z.object({ id: uuid }).strict();
export const slugParams = z.object({ slug: programmeSlug }).strict();
export const frameworkQuery = z.object({ version: z.coerce.number().int().positive().optional() });
