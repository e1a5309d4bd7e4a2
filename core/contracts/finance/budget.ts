// The budget: lines (activity × agency × funding source × year), printed sub-totals, discrepancies, funding gap.
import { z } from 'zod';
import { budgetLineKinds, statedTotalScopes } from '../finance-vocabulary.js';
import { organisationRef, programmeBudget, programmeSlug, uuid } from '../programme-api.js';
import { localizedText, orgCode } from '../programme-document.js';
import { currencyInput, lineCode, moneyInput, resultCode, yearKey } from './fields.js';
import { workPlanDocument } from './workplan-document.js';

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
    /** the budget of record: the figures every other page gives (by agency, by donor with what is unallocated) */
    summary: programmeBudget,
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
