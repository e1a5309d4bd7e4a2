/**
 * Money, work plans and governance: budget lines (activity × agency × funding source × year), the sub-totals a
 * document prints, expenditure and delivery, catalytic funding, work-plan activities, steering and technical
 * committee meetings with their decisions and recommendations. Shared by the server (validation, OpenAPI), the
 * web app and the CLI.
 *
 * Amounts are written as numbers or as text the way people type them (`1 026 157,82`, `$1,072,749.17`, `7 900`):
 * the server parses the text and refuses, naming the line and the field, what does not parse. Every amount is
 * kept in USD; an amount in another currency keeps its original amount, currency and rate
 * (1 USD = `exchangeRate` units of the currency, as the UN operational rates of exchange are written).
 */
import { z } from 'zod';
import {
  activityStatuses,
  budgetLineKinds,
  followUpStatuses,
  governanceBodies,
  governanceItemKinds,
  statedTotalScopes,
  type ActivityStatus,
  type BudgetLineKind,
  type FollowUpStatus,
  type GovernanceBody,
  type GovernanceItemKind,
  type StatedTotalScope,
} from './finance-vocabulary.js';
import { organisationRef, programmeSlug, uuid } from './programme-api.js';
import { localizedText, orgCode } from './programme-document.js';

const isoDate = z.iso.date();

/** An amount: a number, or text as typed (`1 026 157,82`); parsed and checked by the server. */
export const moneyInput = z
  .union([z.number().finite(), z.string().max(40)])
  .meta({ id: 'MoneyInput', description: 'a number, or text as typed: "1 026 157,82", "$1,072,749.17"' });
export type MoneyInput = z.infer<typeof moneyInput>;

/** A currency as people write it: an ISO 4217 code (`USD`, `EUR`, `DKK`, `XOF`) or `FCFA`. */
export const currencyInput = z.string().trim().min(1).max(10);

const yearKey = z.string().regex(/^(19|20|21)\d{2}$/, 'a year, e.g. 2023');
const lineCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash or underscore, e.g. 2.1.3-b');
const activityCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash or underscore, e.g. 2.1.3');
const resultCode = z.string().trim().min(1).max(20);

export {
  activityStatuses,
  budgetLineKinds,
  followUpStatuses,
  governanceBodies,
  governanceItemKinds,
  statedTotalScopes,
  type ActivityStatus,
  type BudgetLineKind,
  type FollowUpStatus,
  type GovernanceBody,
  type GovernanceItemKind,
  type StatedTotalScope,
};

// ---- the work-plan document: demo data and `POST /programmes/:slug/workplan/import` ----

export const workPlanActivityDocument = z
  .object({
    code: activityCode,
    outcome: resultCode,
    output: resultCode.nullable().optional(),
    title: localizedText,
    description: localizedText.optional(),
    plannedStart: isoDate.optional(),
    plannedEnd: isoDate.optional(),
    status: z.enum(activityStatuses).optional(),
    progress: z.number().int().min(0).max(100).optional(),
  })
  .strict();

export const budgetLineDocument = z
  .object({
    code: lineCode,
    kind: z.enum(budgetLineKinds).default('activity'),
    /** the work-plan activity's code (activity lines) */
    activity: activityCode.optional(),
    /** for lines without an activity: the outcome (technical support) or output they belong to */
    outcome: resultCode.optional(),
    output: resultCode.optional(),
    label: localizedText.optional(),
    /** the recipient agency accountable for the line: one of the programme's recipients */
    agency: orgCode.nullable().optional(),
    /** the funding source: one of the programme's donors; absent = not yet allocated to a donor */
    donor: orgCode.nullable().optional(),
    fundingNote: z.string().max(300).nullable().optional(),
    /** the UN entities as the document writes them ("PNUD, ONU Femmes, MINUSMA DAC") */
    unEntities: z.string().max(300).nullable().optional(),
    /** the national partners as the document writes them */
    partners: z.string().max(300).nullable().optional(),
    currency: currencyInput.optional(),
    exchangeRate: moneyInput.nullable().optional(),
    /** amount per year, in `currency` (USD when absent) */
    amounts: z.record(yearKey, moneyInput.nullable()),
    /** the line's total as the document prints it (kept even when its years do not add up to it) */
    statedTotal: moneyInput.nullable().optional(),
    /** the share of the line dedicated to gender equality and women's empowerment, 0–100 */
    genderPercent: z.number().min(0).max(100).nullable().optional(),
    source: z.string().max(300).nullable().optional(),
  })
  .strict();

export const statedTotalDocument = z
  .object({
    scope: z.enum(statedTotalScopes),
    /** the output or outcome code (scopes `output` and `outcome`) */
    code: resultCode.optional(),
    label: localizedText,
    amounts: z.record(yearKey, moneyInput.nullable()),
    total: moneyInput.nullable(),
    source: z.string().max(300).optional(),
  })
  .strict();

export const workPlanDocument = z
  .object({
    activities: z.array(workPlanActivityDocument).max(5000),
    lines: z.array(budgetLineDocument).max(20000),
    statedTotals: z.array(statedTotalDocument).max(1000).default([]),
  })
  .strict()
  .meta({ id: 'WorkPlanDocument' });
export type WorkPlanDocument = z.infer<typeof workPlanDocument>;
export type WorkPlanDocumentInput = z.input<typeof workPlanDocument>;

// ---- budget ----

export const budgetAmount = z.object({
  year: z.number().int(),
  /** in USD */
  amount: z.number(),
  originalAmount: z.number().nullable(),
  originalCurrency: z.string().nullable(),
  exchangeRate: z.number().nullable(),
});

export const activityRef = z.object({ id: uuid, code: z.string(), title: localizedText });

export const budgetLine = z
  .object({
    id: uuid,
    code: z.string(),
    kind: z.enum(budgetLineKinds),
    activity: activityRef.nullable(),
    outcome: z.string().nullable(),
    output: z.string().nullable(),
    label: localizedText.nullable(),
    agency: organisationRef.nullable(),
    donor: organisationRef.nullable(),
    fundingNote: z.string().nullable(),
    unEntities: z.string().nullable(),
    partners: z.string().nullable(),
    amounts: z.array(budgetAmount),
    /** sum of the years, in USD */
    total: z.number(),
    statedTotal: z.number().nullable(),
    genderPercent: z.number().nullable(),
    /** the gender-responsive part of the total */
    genderAmount: z.number().nullable(),
    source: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'BudgetLine' });
export type BudgetLine = z.infer<typeof budgetLine>;

export const statedTotal = z
  .object({
    scope: z.enum(statedTotalScopes),
    code: z.string().nullable(),
    label: localizedText,
    amounts: z.array(z.object({ year: z.number().int(), amount: z.number() })),
    total: z.number().nullable(),
    source: z.string().nullable(),
  })
  .meta({ id: 'StatedTotal' });
export type StatedTotal = z.infer<typeof statedTotal>;

/**
 * A printed figure that does not add up: a line whose years do not make its printed total (`row`), or a printed
 * sub-total that is not the sum of what it totals (`children`). The document's figure is kept; this says by how
 * much it is off (`difference` = stated − computed).
 */
export const discrepancy = z
  .object({
    kind: z.enum(['line', 'stated_total']),
    scope: z.union([z.enum(statedTotalScopes), z.literal('line')]),
    code: z.string().nullable(),
    label: localizedText,
    /** the year's column, or null for the Total column */
    year: z.number().int().nullable(),
    basis: z.enum(['row', 'children']),
    stated: z.number(),
    computed: z.number(),
    difference: z.number(),
  })
  .meta({ id: 'BudgetDiscrepancy' });
export type Discrepancy = z.infer<typeof discrepancy>;

/** A budget total by some key (output, outcome, agency, donor, year) with its years. */
export const budgetSubtotal = z.object({
  key: z.string(),
  label: localizedText,
  organisation: organisationRef.nullable(),
  amounts: z.array(z.object({ year: z.number().int(), amount: z.number() })),
  total: z.number(),
  genderAmount: z.number(),
});
export type BudgetSubtotal = z.infer<typeof budgetSubtotal>;

export const fundingPosition = z
  .object({
    /** resources required (the programme's header) */
    required: z.number().nullable(),
    /** allocated by donors (the programme's donors and their amounts) */
    allocated: z.number(),
    /** still to find: required − allocated */
    gap: z.number().nullable(),
    /** planned in the budget lines */
    budgeted: z.number(),
    donors: z.array(
      z.object({
        organisation: organisationRef,
        amount: z.number().nullable(),
        note: z.string().nullable(),
        /** budget lines charged to this donor */
        budgeted: z.number(),
      }),
    ),
  })
  .meta({ id: 'FundingPosition' });
export type FundingPosition = z.infer<typeof fundingPosition>;

export const budgetView = z
  .object({
    programme: z.object({ slug: programmeSlug, code: z.string() }),
    currency: z.literal('USD'),
    years: z.array(z.number().int()),
    lines: z.array(budgetLine),
    statedTotals: z.array(statedTotal),
    subtotals: z.object({
      byOutput: z.array(budgetSubtotal),
      byOutcome: z.array(budgetSubtotal),
      byAgency: z.array(budgetSubtotal),
      byDonor: z.array(budgetSubtotal),
      byKind: z.array(budgetSubtotal),
    }),
    total: z.number(),
    genderAmount: z.number(),
    /** the programme header's gender-responsive budget allocated, for comparison */
    genderBudgetAllocated: z.number().nullable(),
    discrepancies: z.array(discrepancy),
    funding: fundingPosition,
  })
  .meta({ id: 'BudgetView' });
export type BudgetView = z.infer<typeof budgetView>;

const budgetLineFields = {
  code: lineCode,
  kind: z.enum(budgetLineKinds),
  activityId: uuid.nullable(),
  outcome: resultCode.nullable(),
  output: resultCode.nullable(),
  label: localizedText.nullable(),
  agency: orgCode.nullable(),
  donor: orgCode.nullable(),
  fundingNote: z.string().max(300).nullable(),
  unEntities: z.string().max(300).nullable(),
  partners: z.string().max(300).nullable(),
  currency: currencyInput,
  exchangeRate: moneyInput.nullable(),
  /** every year of the line (years left out are removed on a change) */
  amounts: z.record(yearKey, moneyInput.nullable()),
  statedTotal: moneyInput.nullable(),
  genderPercent: z.number().min(0).max(100).nullable(),
  source: z.string().max(300).nullable(),
};
export const budgetLineCreate = z
  .object(budgetLineFields)
  .partial()
  .required({ amounts: true })
  .strict()
  .meta({ id: 'BudgetLineCreate' });
export type BudgetLineCreate = z.infer<typeof budgetLineCreate>;
export const budgetLinePatch = z
  .object(budgetLineFields)
  .partial()
  .extend({ version: z.number().int().positive() })
  .strict()
  .meta({ id: 'BudgetLinePatch' });
export type BudgetLinePatch = z.infer<typeof budgetLinePatch>;

export const workPlanImportRequest = workPlanDocument;
export const workPlanImportResult = z.object({
  activities: z.number().int(),
  lines: z.number().int(),
  statedTotals: z.number().int(),
  discrepancies: z.array(discrepancy),
});
export type WorkPlanImportResult = z.infer<typeof workPlanImportResult>;

// ---- expenditure ----

export const expenditureProvenances = ['entered', 'imported'] as const;
export const expenditure = z
  .object({
    id: uuid,
    line: z.object({ id: uuid, code: z.string() }),
    periodStart: isoDate,
    periodEnd: isoDate,
    /** in USD */
    amount: z.number(),
    originalAmount: z.number().nullable(),
    originalCurrency: z.string().nullable(),
    exchangeRate: z.number().nullable(),
    note: z.string().nullable(),
    provenance: z.enum(expenditureProvenances),
    version: z.number().int(),
  })
  .meta({ id: 'Expenditure' });
export type Expenditure = z.infer<typeof expenditure>;

export const expenditureCreate = z
  .object({
    /** the budget line's code (`2.1.3-b`) */
    line: lineCode,
    periodStart: isoDate,
    periodEnd: isoDate,
    amount: moneyInput,
    currency: currencyInput.optional(),
    exchangeRate: moneyInput.nullable().optional(),
    note: z.string().max(500).nullable().optional(),
  })
  .strict()
  .meta({ id: 'ExpenditureCreate' });
export type ExpenditureCreate = z.infer<typeof expenditureCreate>;
export const expenditurePatch = expenditureCreate
  .omit({ line: true })
  .partial()
  .extend({ version: z.number().int().positive() })
  .strict()
  .meta({ id: 'ExpenditurePatch' });
export type ExpenditurePatch = z.infer<typeof expenditurePatch>;

export const expenditureQuery = z
  .object({
    line: lineCode.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();

/** The largest workbook accepted (8 MiB), base64-encoded in a JSON body. */
export const maxWorkbookBytes = 8 * 1024 * 1024;
export const expenditureImportRequest = z
  .object({
    fileName: z.string().trim().min(1).max(255),
    /** the .xlsx file's bytes, base64-encoded */
    content: z
      .string()
      .min(1)
      .max(Math.ceil(maxWorkbookBytes / 3) * 4, 'the file is larger than 8 MiB')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 expected'),
    /** check the file and say what it would write, without writing */
    dryRun: z.boolean().default(false),
  })
  .strict()
  .meta({ id: 'ExpenditureImportRequest' });
export type ExpenditureImportRequest = z.input<typeof expenditureImportRequest>;

export const expenditureImportResult = z
  .object({
    fileName: z.string(),
    dryRun: z.boolean(),
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    /** sum of the file's amounts, in USD */
    total: z.number(),
  })
  .meta({ id: 'ExpenditureImportResult' });
export type ExpenditureImportResult = z.infer<typeof expenditureImportResult>;

// ---- delivery: budget vs expenditure vs results ----

export const asOfQuery = z
  .object({
    /** the date the figures are read at (expenditure of periods ended by then); today when absent */
    asOf: isoDate.optional(),
  })
  .strict();
export const financeExportQuery = asOfQuery.extend({ lang: z.enum(['fr', 'en']).optional() }).strict();

export const resultsProgress = z.object({
  /** indicators under this output (or agency's outputs) in the framework in force */
  indicators: z.number().int(),
  /** those with a measured value and a numeric end target */
  measured: z.number().int(),
  /** mean achievement of the measured ones toward their end target, 0–100 (capped), or null */
  achievement: z.number().nullable(),
});
export type ResultsProgress = z.infer<typeof resultsProgress>;

export const deliveryRow = z
  .object({
    key: z.string(),
    label: localizedText,
    organisation: organisationRef.nullable(),
    budget: z.number(),
    /** budget of the years up to the date's year */
    budgetToDate: z.number(),
    spent: z.number(),
    /** spent ÷ budget, in % (null when there is no budget) */
    rate: z.number().nullable(),
    /** spent ÷ budget to date, in % */
    rateToDate: z.number().nullable(),
    genderBudget: z.number(),
    genderSpent: z.number(),
    results: resultsProgress.nullable(),
  })
  .meta({ id: 'DeliveryRow' });
export type DeliveryRow = z.infer<typeof deliveryRow>;

export const catalyticFunding = z
  .object({
    id: uuid,
    donor: organisationRef.nullable(),
    /** the funder's name as written, when it is not an organisation Jalon knows */
    donorName: z.string(),
    /** in USD */
    amount: z.number(),
    originalAmount: z.number().nullable(),
    originalCurrency: z.string().nullable(),
    exchangeRate: z.number().nullable(),
    date: isoDate,
    note: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'CatalyticFunding' });
export type CatalyticFunding = z.infer<typeof catalyticFunding>;

export const financeOverview = z
  .object({
    programme: z.object({ slug: programmeSlug, code: z.string() }),
    asOf: isoDate,
    currency: z.literal('USD'),
    hasExpenditure: z.boolean(),
    programmeTotal: deliveryRow,
    byAgency: z.array(deliveryRow),
    byOutcome: z.array(deliveryRow),
    byOutput: z.array(deliveryRow),
    byDonor: z.array(deliveryRow),
    byYear: z.array(z.object({ year: z.number().int(), budget: z.number(), spent: z.number() })),
    funding: fundingPosition,
    catalytic: z.object({ total: z.number(), items: z.array(catalyticFunding) }),
    /** what the PBF report header is offered at this date (null = nothing computed: no expenditure yet) */
    reportFigures: z.object({
      implementationRate: z.number().nullable(),
      genderBudgetSpent: z.number().nullable(),
    }),
    discrepancies: z.number().int(),
  })
  .meta({ id: 'FinanceOverview' });
export type FinanceOverview = z.infer<typeof financeOverview>;

// ---- catalytic funding ----

const catalyticFields = {
  /** an organisation's code (`NETHERLANDS`), or leave empty and give `donorName` */
  donor: orgCode.nullable(),
  donorName: z.string().trim().min(1).max(200).nullable(),
  amount: moneyInput,
  currency: currencyInput,
  exchangeRate: moneyInput.nullable(),
  date: isoDate,
  note: z.string().max(500).nullable(),
};
export const catalyticFundingCreate = z
  .object(catalyticFields)
  .partial()
  .required({ amount: true, date: true })
  .strict()
  .meta({ id: 'CatalyticFundingCreate' });
export type CatalyticFundingCreate = z.infer<typeof catalyticFundingCreate>;
export const catalyticFundingPatch = z
  .object(catalyticFields)
  .partial()
  .extend({ version: z.number().int().positive() })
  .strict()
  .meta({ id: 'CatalyticFundingPatch' });
export type CatalyticFundingPatch = z.infer<typeof catalyticFundingPatch>;

// ---- work plan ----

export const workPlanActivity = z
  .object({
    id: uuid,
    code: z.string(),
    outcome: z.string(),
    output: z.string().nullable(),
    title: localizedText,
    description: localizedText.nullable(),
    plannedStart: isoDate.nullable(),
    plannedEnd: isoDate.nullable(),
    status: z.enum(activityStatuses),
    /** 0–100 */
    progress: z.number().int(),
    statusNote: z.string().nullable(),
    /** budget of its lines per year, in USD */
    budget: z.array(z.object({ year: z.number().int(), amount: z.number() })),
    budgetTotal: z.number(),
    /** the entities and partners of its lines, as written */
    unEntities: z.array(z.string()),
    partners: z.array(z.string()),
    agencies: z.array(organisationRef),
    version: z.number().int(),
  })
  .meta({ id: 'WorkPlanActivity' });
export type WorkPlanActivity = z.infer<typeof workPlanActivity>;

export const workPlanView = z
  .object({
    programme: z.object({
      slug: programmeSlug,
      code: z.string(),
      startDate: isoDate.nullable(),
      endDate: isoDate,
    }),
    years: z.array(z.number().int()),
    outputs: z.array(
      z.object({ outcome: z.string(), output: z.string().nullable(), statement: localizedText.nullable() }),
    ),
    activities: z.array(workPlanActivity),
    byStatus: z.array(z.object({ status: z.enum(activityStatuses), count: z.number().int() })),
  })
  .meta({ id: 'WorkPlanView' });
export type WorkPlanView = z.infer<typeof workPlanView>;

const activityFields = {
  code: activityCode,
  outcome: resultCode,
  output: resultCode.nullable(),
  title: localizedText,
  description: localizedText.nullable(),
  plannedStart: isoDate.nullable(),
  plannedEnd: isoDate.nullable(),
  status: z.enum(activityStatuses),
  progress: z.number().int().min(0).max(100),
  statusNote: z.string().max(1000).nullable(),
};
export const workPlanActivityCreate = z
  .object(activityFields)
  .partial()
  .required({ outcome: true, title: true })
  .strict()
  .meta({ id: 'WorkPlanActivityCreate' });
export type WorkPlanActivityCreate = z.infer<typeof workPlanActivityCreate>;
export const workPlanActivityPatch = z
  .object(activityFields)
  .partial()
  .extend({ version: z.number().int().positive() })
  .strict()
  .meta({ id: 'WorkPlanActivityPatch' });
export type WorkPlanActivityPatch = z.infer<typeof workPlanActivityPatch>;

// ---- governance ----

export const meetingDocument = z.object({
  title: z.string().trim().min(1).max(300),
  /** a link or a reference where the document can be found */
  reference: z.string().trim().max(500).optional(),
});

export const governanceItem = z
  .object({
    id: uuid,
    meetingId: uuid,
    kind: z.enum(governanceItemKinds),
    number: z.number().int().nullable(),
    text: localizedText,
    owner: z.string().nullable(),
    ownerOrganisation: organisationRef.nullable(),
    dueDate: isoDate.nullable(),
    status: z.enum(followUpStatuses),
    /** when it was implemented (or found not implemented) */
    statusDate: isoDate.nullable(),
    followUp: z.string().nullable(),
    /** the indicator that counts it when implemented ("recommendations implemented") */
    indicator: z.object({ id: uuid, code: z.string(), title: localizedText }).nullable(),
    /** open past its due date at today's date */
    overdue: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'GovernanceItem' });
export type GovernanceItem = z.infer<typeof governanceItem>;

export const meeting = z
  .object({
    id: uuid,
    body: z.enum(governanceBodies),
    number: z.number().int().nullable(),
    date: isoDate,
    title: localizedText.nullable(),
    location: z.string().nullable(),
    participants: z.array(z.string()),
    documents: z.array(meetingDocument),
    summary: localizedText.nullable(),
    items: z.array(governanceItem),
    version: z.number().int(),
  })
  .meta({ id: 'Meeting' });
export type Meeting = z.infer<typeof meeting>;

export const recommendationIndicator = z
  .object({
    indicator: z.object({ id: uuid, code: z.string(), title: localizedText }),
    /** items linked to the indicator */
    linked: z.number().int(),
    /** of those, implemented by the date */
    implemented: z.number().int(),
    endTarget: z.number().nullable(),
    asOf: isoDate,
  })
  .meta({ id: 'RecommendationIndicator' });
export type RecommendationIndicator = z.infer<typeof recommendationIndicator>;

export const governanceView = z
  .object({
    programme: z.object({ slug: programmeSlug, code: z.string() }),
    asOf: isoDate,
    meetings: z.array(meeting),
    followUp: z.array(z.object({ status: z.enum(followUpStatuses), count: z.number().int() })),
    overdue: z.number().int(),
    indicators: z.array(recommendationIndicator),
  })
  .meta({ id: 'GovernanceView' });
export type GovernanceView = z.infer<typeof governanceView>;

const meetingFields = {
  body: z.enum(governanceBodies),
  number: z.number().int().positive().nullable(),
  date: isoDate,
  title: localizedText.nullable(),
  location: z.string().trim().max(300).nullable(),
  participants: z.array(z.string().trim().min(1).max(300)).max(500),
  documents: z.array(meetingDocument).max(200),
  summary: localizedText.nullable(),
};
export const meetingCreate = z
  .object(meetingFields)
  .partial()
  .required({ body: true, date: true })
  .strict()
  .meta({ id: 'MeetingCreate' });
export type MeetingCreate = z.infer<typeof meetingCreate>;
export const meetingPatch = z
  .object(meetingFields)
  .partial()
  .extend({ version: z.number().int().positive() })
  .strict()
  .meta({ id: 'MeetingPatch' });
export type MeetingPatch = z.infer<typeof meetingPatch>;

const itemFields = {
  kind: z.enum(governanceItemKinds),
  number: z.number().int().positive().nullable(),
  text: localizedText,
  owner: z.string().trim().max(300).nullable(),
  /** an organisation's code, when the owner is one Jalon knows */
  ownerOrganisation: orgCode.nullable(),
  dueDate: isoDate.nullable(),
  status: z.enum(followUpStatuses),
  statusDate: isoDate.nullable(),
  followUp: z.string().max(2000).nullable(),
  indicatorId: uuid.nullable(),
};
export const governanceItemCreate = z
  .object(itemFields)
  .partial()
  .required({ kind: true, text: true })
  .strict()
  .meta({ id: 'GovernanceItemCreate' });
export type GovernanceItemCreate = z.infer<typeof governanceItemCreate>;
export const governanceItemPatch = z
  .object(itemFields)
  .partial()
  .extend({ version: z.number().int().positive() })
  .strict()
  .meta({ id: 'GovernanceItemPatch' });
export type GovernanceItemPatch = z.infer<typeof governanceItemPatch>;

/** The governance of a programme as a document (demo data). */
export const governanceDocument = z.object({
  meetings: z.array(
    meetingCreate.extend({
      items: z
        .array(governanceItemCreate.omit({ indicatorId: true }).extend({ indicator: z.string().optional() }))
        .default([]),
    }),
  ),
});
export type GovernanceDocumentInput = z.input<typeof governanceDocument>;
