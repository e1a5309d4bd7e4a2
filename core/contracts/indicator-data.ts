/**
 * Indicator data: the rule computing an indicator from the activities, the values computed, entered or
 * imported with their provenance, and progress against targets.
 */
import { z } from 'zod';
import { indicatorValueReasonMax } from './limits.js';
import {
  activityKinds,
  ageGroups,
  areaLevels,
  participantCategories,
  participantTotals,
  sexes,
} from './activities.js';
import { indicator } from './programme-api.js';
import { orgCode, partialDate } from './programme-document.js';
import { storedValue } from './value-spec.js';

const isoDate = z.iso.date();

import { progressStatuses, ruleKinds } from './activity-vocabulary.js';
export { progressStatuses, ruleKinds } from './activity-vocabulary.js';
export type { ProgressStatus, RuleKind } from './activity-vocabulary.js';

/**
 * How an indicator is computed from the activities:
 * - `sum_participants`: the participants of the activities, filtered by category, sex and age group;
 * - `count_activities`: the number of activities;
 * - `count_places`: the number of distinct places (communes, cercles or regions) where they took place;
 * - `sum_quantity`: the sum of what they delivered (8 infrastructures…).
 * Which activities: those linked to the indicator (`linked`), or any of the programme's (`programme`), narrowed
 * by kind, output and organising agency.
 */
export const indicatorRule = z
  .object({
    kind: z.enum(ruleKinds),
    scope: z.enum(['linked', 'programme']).default('linked'),
    activityKinds: z.array(z.enum(activityKinds)).default([]),
    output: z.string().trim().min(1).max(20).nullable().default(null),
    organisations: z.array(orgCode).default([]),
    categories: z.array(z.enum(participantCategories)).default([]),
    sexes: z.array(z.enum(sexes)).default([]),
    ageGroups: z.array(z.enum(ageGroups)).default([]),
    placeLevel: z.enum(areaLevels).default('commune'),
    /** `distinct_only` leaves out activities whose counts are attendances */
    countBasis: z.enum(['all', 'distinct_only']).default('all'),
    /** from the programme's start (cumulative) or within the period; the indicator's own flag when null */
    cumulative: z.boolean().nullable().default(null),
  })
  .strict()
  .meta({ id: 'IndicatorRule' });
export type IndicatorRule = z.infer<typeof indicatorRule>;
export type IndicatorRuleInput = z.input<typeof indicatorRule>;

export const ruleWrite = z
  .object({
    /** null removes the rule: the indicator is then entered or imported only */
    rule: indicatorRule.nullable(),
    /** who sets it, when not signed in (the CLI); the signed-in person otherwise */
    updatedBy: z.string().trim().min(1).max(120).optional(),
    /** the rule's version you read, if there was one: 409 when someone changed it since */
    version: z.number().int().positive().optional(),
  })
  .strict();

const basisPoint = z.object({ date: z.string(), value: z.number() });

/**
 * Where each number of a progress line comes from, so that it can be explained on click: which target (its
 * kind, year or date, wording), which actual (its wording, the date it stands for, the period it covers),
 * which two points of the schedule the expected value lies between.
 */
export const progressBasis = z
  .object({
    /**
     * `trajectory`: the value is a level or a running total, on its way from the baseline to the end target;
     * `per_period`: a count per year (not cumulative), measured against the year's own target
     */
    mode: z.enum(['trajectory', 'per_period']),
    baseline: z.object({ text: z.string().nullable(), date: z.string().nullable() }),
    target: z
      .object({
        kind: z.enum(['end', 'annual', 'milestone']),
        year: z.number().int().nullable(),
        date: z.string().nullable(),
        text: z.string(),
      })
      .nullable(),
    /** the framework's end target (kind `end`), whatever the line is measured against */
    endTarget: z.object({ text: z.string(), date: z.string().nullable() }).nullable(),
    actual: z
      .object({
        text: z.string(),
        /** the date the actual stands for */
        asOf: z.string(),
        /** the period it covers, when the caller knows it (`from` null: since the start) */
        from: z.string().nullable(),
        provenance: z.string().nullable(),
      })
      .nullable(),
    expected: z
      .object({
        asOf: z.string(),
        from: basisPoint,
        to: basisPoint,
        /** the schedule went beyond the target and was held at it */
        capped: z.boolean(),
      })
      .nullable(),
    /** the target's date had passed: the status is a final verdict (achieved or not) */
    closed: z.boolean(),
  })
  .meta({ id: 'ProgressBasis' });
export type ProgressBasis = z.infer<typeof progressBasis>;

export const progress = z
  .object({
    status: z.enum(progressStatuses),
    direction: z.enum(['increase', 'decrease', 'maintain']),
    baseline: z.number().nullable(),
    /**
     * the target the line is measured against, as a number (a relative target resolved against the baseline):
     * the end target, or for a count per year the year's target (see `basis`)
     */
    target: z.number().nullable(),
    targetDate: z.string().nullable(),
    /** the framework's end target (kind `end`) as a number, null when there is none */
    endTarget: z.number().nullable(),
    actual: z.number().nullable(),
    /** share of the way from the baseline to the target (1 = reached), in the indicator's direction */
    achievement: z.number().nullable(),
    /** the value expected at the date, from the milestones and yearly targets */
    expected: z.number().nullable(),
    /** share of the expected way covered (1 = exactly as planned) */
    pace: z.number().nullable(),
    /** why there is no status: `no_baseline`, `text_target`, `tbd`, `multi`… */
    reason: z.string().nullable(),
    parts: z.array(
      z.object({
        group: z.string(),
        target: z.number(),
        unit: z.enum(['count', 'percent']),
        actual: z.number().nullable(),
        met: z.boolean().nullable(),
      }),
    ),
    basis: progressBasis,
  })
  .meta({ id: 'Progress' });
export type Progress = z.infer<typeof progress>;

export const valueProvenances = ['entered', 'imported', 'computed', 'seed'] as const;

/**
 * Where an indicator's value of record for a period comes from (core/domain/value-of-record.ts): a stored value
 * (`entered`, `imported`, `seed`, or `computed_kept` — a computed value someone kept), else the value computed
 * live from the activities (`computed`), else `none`.
 */
export const recordProvenances = [
  'entered',
  'imported',
  'seed',
  'computed_kept',
  'computed',
  'none',
] as const;
export type RecordProvenance = (typeof recordProvenances)[number];

/** The one value of an indicator for a period that every reader shows, with where it comes from. */
export const valueOfRecord = z
  .object({
    provenance: z.enum(recordProvenances),
    value: storedValue.nullable(),
    numericValue: z.number().nullable(),
    /** the end of the stored value's period, or the end of the period computed */
    date: isoDate.nullable(),
    /** the start of the stored value's period, or the start of the period computed */
    from: isoDate.nullable(),
    /** for a value computed live: how many activities it was computed from */
    activityCount: z.number().int().nullable(),
    /** a stored value's reasons for delays or changes */
    reason: z.string().nullable(),
    /** the stored value's id */
    valueId: z.uuid().nullable(),
  })
  .meta({ id: 'ValueOfRecord' });
export type ValueOfRecord = z.infer<typeof valueOfRecord>;

/** A value with where it comes from: the activities, who typed it, which file and row. */
export const sourcedValue = z
  .object({
    id: z.uuid(),
    periodStart: isoDate,
    periodEnd: isoDate,
    value: storedValue.nullable(),
    numericValue: z.number().nullable(),
    reason: z.string().nullable(),
    provenance: z.enum(valueProvenances),
    enteredBy: z.string().nullable(),
    fileName: z.string().nullable(),
    sheet: z.string().nullable(),
    row: z.number().int().nullable(),
    activityIds: z.array(z.uuid()),
    note: z.string().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'SourcedValue' });
export type SourcedValue = z.infer<typeof sourcedValue>;

/** One activity's share of a computed value: one click from the number to what it is made of. */
export const contribution = z.object({
  activityId: z.uuid(),
  title: z.string(),
  startDate: isoDate,
  organisation: z.string(),
  places: z.array(z.string()),
  value: z.number(),
});

export const computedValue = z
  .object({
    rule: indicatorRule,
    from: isoDate.nullable(),
    to: isoDate,
    value: z.number(),
    /** for participant sums */
    totals: participantTotals.nullable(),
    activityCount: z.number().int(),
    contributions: z.array(contribution),
    /** the activities left out because their counts are attendances (rule `distinct_only`) or unknown */
    notes: z.array(z.string()),
  })
  .meta({ id: 'ComputedValue' });
export type ComputedValue = z.infer<typeof computedValue>;

export const seriesPoint = z.object({
  period: z.string(),
  periodStart: isoDate,
  periodEnd: isoDate,
  value: z.number(),
  cumulative: z.number(),
});

export const indicatorData = z
  .object({
    indicator,
    programme: z.object({ slug: z.string(), code: z.string() }),
    outcomeCode: z.string(),
    outputCode: z.string().nullable(),
    rule: indicatorRule.nullable(),
    ruleVersion: z.number().int().nullable(),
    computed: computedValue.nullable(),
    series: z.array(seriesPoint),
    values: z.array(sourcedValue),
    /**
     * the value of record of the period, used for progress: a stored value of the period over the value
     * computed from the activities (core/domain/value-of-record.ts); null when there is neither
     */
    actual: z
      .object({
        value: z.number().nullable(),
        text: z.string(),
        source: z.enum(recordProvenances).exclude(['none']),
        date: isoDate,
        /** for a value computed from the activities */
        activityCount: z.number().int().nullable(),
      })
      .nullable(),
    progress,
    /** what the person asking may do here: record and keep values, change the calculation rule */
    can: z.object({ recordValues: z.boolean(), editRule: z.boolean() }).meta({ id: 'IndicatorAbilities' }),
  })
  .meta({ id: 'IndicatorData' });
export type IndicatorData = z.infer<typeof indicatorData>;

export const indicatorDataQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    lang: z.enum(['fr', 'en']).optional(),
    /**
     * how many of the activities' shares (`computed.contributions`) to list, the first ones (default 500);
     * `computed.activityCount` says how many there are — a big programme's are not sent in one piece
     */
    contributions: z.coerce.number().int().min(1).max(10_000).optional(),
  })
  .strict();

export const indicatorValueWrite = z
  .object({
    periodStart: isoDate,
    periodEnd: isoDate,
    /** as the documents write it: `166 dont 42 femmes`, `45%`, `Oui` */
    value: z.object({
      text: z.string().trim().min(1).max(500),
      date: partialDate.optional(),
      source: z.string().max(300).optional(),
    }),
    reason: z.string().trim().max(indicatorValueReasonMax).nullable().optional(),
    /** who typed it, when not signed in; the signed-in person otherwise */
    enteredBy: z.string().trim().min(1).max(120).optional(),
    note: z.string().trim().max(2000).nullable().optional(),
  })
  .strict()
  .meta({ id: 'IndicatorValueWrite' });
export type IndicatorValueWrite = z.infer<typeof indicatorValueWrite>;

export const indicatorValuePatch = indicatorValueWrite
  .partial()
  .extend({ version: z.number().int().positive() })
  .strict();

/** Keep the value computed for a period as a record (for a report), with the activities it was made of. */
export const computedSnapshotWrite = z
  .object({
    periodStart: isoDate,
    periodEnd: isoDate,
    enteredBy: z.string().trim().min(1).max(120).optional(),
  })
  .strict();
