// Delivery: budget against expenditure against results, by output and agency, at a date (the finance overview).
import { z } from 'zod';
import { organisationRef, programmeBudget, programmeSlug } from '../programme-api.js';
import { localizedText } from '../programme-document.js';
import { fundingPosition } from './budget.js';
import { catalyticFunding } from './catalytic.js';
import { isoDate } from './fields.js';

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
    /** the budget of record: the figures every other page gives (by agency, by donor with what is unallocated) */
    summary: programmeBudget,
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
