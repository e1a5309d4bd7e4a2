// The work plan as one document (activities, budget lines by year, printed sub-totals): demo data and its import.
import { z } from 'zod';
import { activityStatuses, budgetLineKinds, statedTotalScopes } from '../finance-vocabulary.js';
import { localizedText, orgCode } from '../programme-document.js';
import { activityCode, currencyInput, isoDate, lineCode, moneyInput, resultCode, yearKey } from './fields.js';

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
