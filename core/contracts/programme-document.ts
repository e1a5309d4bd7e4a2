/**
 * The programme document: one programme with everything it owns (recipients, donors, framework versions,
 * indicators with baselines and targets, reported progress, risks) as one nested value.
 *
 * It is the shape of the demo data in `server/seed/data/`, of `jalon export programme --format json`,
 * and of `POST /api/v1/programmes/import`. Values (baselines, targets, progress) are written as the documents
 * write them — the original French wording — and parsed into structured values by `core/domain/value-text.ts`;
 * an explicit `spec` overrides the parser where the wording is ambiguous.
 */
import { z } from 'zod';
import { indicatorCodeMax, indicatorSourceMax, indicatorUnitMax } from './limits.js';
import { withoutPrototypeKeys } from './safe-key.js';
import { valueSpec } from './value-spec.js';
import {
  alignmentFrameworks,
  genderMarkers,
  indicatorDirections,
  indicatorMeasures,
  organisationKinds,
  programmeKinds,
  riskCategories,
  riskImpacts,
  riskLevels,
  trustFundKinds,
} from '../vocabulary/programmes.js';

// the lists are plain data, shared with the database's enums (core/vocabulary/)
export * from '../vocabulary/programmes.js';

const isoDate = z.iso.date();
/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the documents often date a baseline by year or month only ("2 (2019)"). */
/** A date the documents give to the day or to the month only: `2020-01-15` or `2020-01` ("Janvier 2020"). */
export const dayOrMonth = z.union([
  isoDate,
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM-DD or YYYY-MM'),
]);
export const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD');

export const localizedText = z
  .object({
    fr: z.string().trim().min(1),
    en: z.string().trim().min(1).optional(),
  })
  .meta({ id: 'LocalizedText' });
export type LocalizedText = z.infer<typeof localizedText>;

/** An organisation's stable key, e.g. `UNDP`, `UNWOMEN`, `MINUSMA`, `MRN`. */
export const orgCode = z.string().regex(/^[A-Z0-9][A-Z0-9_-]*$/, 'upper-case letters, digits, _ or -');

export const organisationInput = z
  .object({
    code: orgCode,
    kind: z.enum(organisationKinds),
    name: localizedText,
    acronym: z.object({ fr: z.string().min(1), en: z.string().min(1).optional() }).optional(),
    /** every IATI organisation reference it was published under, as published (`XM-DAC-41141`, `11363`) */
    iatiRefs: z.array(z.string().trim().min(1).max(200)).optional(),
    /** its IATI OrganisationType code as a file gave it (`40` = multilateral) */
    iatiType: z
      .string()
      .regex(/^\d{2}$/)
      .optional(),
  })
  .meta({ id: 'OrganisationDocument' });

/** An `other-identifier` of an IATI activity, as published. */
export const iatiOtherIdentifier = z
  .object({
    ref: z.string().trim().min(1).max(300),
    /** OtherIdentifierType: A1 the reporter's own, A2 CRS, A3 previous, A9 other, B1/B9 organisation */
    type: z.string().regex(/^[AB]\d$/),
    ownerRef: z.string().trim().min(1).max(200).optional(),
    ownerName: z.string().trim().min(1).max(500).optional(),
  })
  .meta({ id: 'IatiOtherIdentifier' });
export type IatiOtherIdentifier = z.infer<typeof iatiOtherIdentifier>;
export type OrganisationInput = z.infer<typeof organisationInput>;

/** A baseline, target, milestone or progress value: the original wording, and its structure if known. */
export const valueInput = z
  .union([
    z.string(),
    z.object({
      text: z.string(),
      spec: valueSpec.optional(),
      /** when the value was measured or is due, if the document says */
      date: partialDate.optional(),
      /** where it comes from, e.g. "Donnée nationale", "DTM", "baromètre" */
      source: z.string().optional(),
    }),
  ])
  .meta({ id: 'ValueInput' });
export type ValueInput = z.input<typeof valueInput>;

export const disaggregationDimensions = [
  'sex',
  'age',
  'category',
  'displacement_status',
  'place',
  'organisation',
] as const;

export const alignmentInput = z
  .object({
    framework: z.enum(alignmentFrameworks),
    code: z.string().min(1),
    title: z.string().min(1),
    /** e.g. "Baseline : 0 - Cible : 50%" as the document gives it */
    note: z.string().optional(),
  })
  .meta({ id: 'Alignment' });

/**
 * An indicator's fields with their rules, composed once: the document (`indicatorInput`, what imports give),
 * the API's write (`indicatorWrite`) and read (`indicator`) shapes take them from here, so an import and the
 * API accept the same codes, units and sources.
 */
export const indicatorFields = {
  /** as the document numbers it: `1.1`, `1.a`, `1.2.3` (a key of report contents: no `__proto__`…) */
  code: withoutPrototypeKeys(z.string().trim().min(1).max(indicatorCodeMax)),
  title: localizedText,
  measure: z.enum(indicatorMeasures),
  direction: z.enum(indicatorDirections),
  cumulative: z.boolean(),
  /** what is counted: "personnes", "communes", "sessions"… */
  unit: z.string().trim().max(indicatorUnitMax),
  disaggregations: z.array(z.enum(disaggregationDimensions)),
  source: z.string().trim().min(1).max(indicatorSourceMax),
};

export const indicatorInput = z
  .object({
    code: indicatorFields.code,
    title: indicatorFields.title,
    /** inferred from the baseline and targets when left out */
    measure: indicatorFields.measure.optional(),
    direction: indicatorFields.direction.optional(),
    cumulative: indicatorFields.cumulative.optional(),
    unit: indicatorFields.unit.optional(),
    disaggregations: indicatorFields.disaggregations.optional(),
    baseline: valueInput.optional(),
    endTarget: valueInput.optional(),
    milestones: z.array(z.object({ date: partialDate.optional(), value: valueInput })).optional(),
    /** yearly targets; `null` where the document writes `/` (no target that year) */
    targets: z.record(z.string().regex(/^\d{4}$/), valueInput.nullable()).optional(),
    sources: z.array(indicatorFields.source).optional(),
    alignments: z.array(alignmentInput).optional(),
    notes: z.string().optional(),
  })
  .meta({ id: 'IndicatorDocument' });
export type IndicatorInput = z.input<typeof indicatorInput>;

export const plannedActivityInput = z.object({
  code: z.string().min(1),
  title: localizedText,
});

export const outputInput = z
  .object({
    code: withoutPrototypeKeys(z.string().min(1)),
    statement: localizedText,
    indicators: z.array(indicatorInput).default([]),
    activities: z.array(plannedActivityInput).default([]),
  })
  .meta({ id: 'OutputDocument' });

export const outcomeInput = z
  .object({
    code: withoutPrototypeKeys(z.string().min(1)),
    statement: localizedText,
    indicators: z.array(indicatorInput).default([]),
    outputs: z.array(outputInput).default([]),
  })
  .meta({ id: 'OutcomeDocument' });

export const frameworkVersionInput = z
  .object({
    version: z.number().int().positive(),
    label: localizedText,
    /** the date the version was adopted */
    effectiveDate: isoDate,
    reason: localizedText,
    outcomes: z.array(outcomeInput).min(1),
    /** higher-level framework results the whole framework contributes to (UNSDCF effects, CPD outputs…) */
    alignments: z.array(alignmentInput).default([]),
  })
  .meta({ id: 'FrameworkVersionDocument' });
export type FrameworkVersion = z.infer<typeof frameworkVersionInput>;
export type FrameworkVersionInput = z.input<typeof frameworkVersionInput>;

export const progressInput = z.object({
  indicator: withoutPrototypeKeys(z.string().min(1)),
  /** which framework version's indicator; the latest when left out */
  frameworkVersion: z.number().int().positive().optional(),
  periodStart: isoDate,
  periodEnd: isoDate,
  value: valueInput.nullable(),
  reason: z.string().optional(),
});

export const riskInput = z.object({
  number: z.number().int().positive(),
  description: localizedText,
  category: z.enum(riskCategories),
  probability: z.enum(riskLevels),
  impact: z.enum(riskImpacts),
  mitigation: localizedText,
});

export const priorityWindows = ['gender', 'youth', 'transition', 'cross_border'] as const;

const money = z.number().nonnegative().finite();
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. USD');

export const programmeDocument = z
  .object({
    /** the code the documents use: `PBF/MLI/A-1`, `PROSMED` */
    code: z.string().min(1).max(40),
    kind: z.enum(programmeKinds),
    /** MPTF Gateway number, e.g. `00119645` */
    gatewayId: z.string().optional(),
    /** an imported activity's own `iati-identifier`: Jalon re-publishes it unchanged, never under another prefix */
    iatiIdentifier: z.string().trim().min(1).max(300).optional(),
    /** an imported activity's `other-identifier`s, as published */
    otherIdentifiers: z.array(iatiOtherIdentifier).optional(),
    /** the fund's own code when different from `code` */
    fundCode: z.string().optional(),
    title: localizedText,
    shortTitle: localizedText.optional(),
    summary: localizedText.optional(),
    /** ISO 3166-1 alpha-2 */
    country: z.string().regex(/^[A-Z]{2}$/),
    trustFund: z.object({ kind: z.enum(trustFundKinds), name: z.string().optional() }),
    startDate: isoDate.optional(),
    /** as the document gives it: `2020-01` when it names the month only */
    firstTransferDate: dayOrMonth.optional(),
    endDate: isoDate,
    revisedEndDate: isoDate.optional(),
    currency: currencyCode.default('USD'),
    priorityWindows: z.array(z.enum(priorityWindows)).default([]),
    genderMarker: z.object({ code: z.enum(genderMarkers), text: z.string().optional() }).optional(),
    riskMarker: z.object({ level: z.enum(riskLevels), text: z.string().optional() }).optional(),
    focusArea: z.object({ code: z.string().optional(), label: localizedText }).optional(),
    /** gender-responsive budget in the project document */
    genderBudgetAllocated: money.optional(),
    /** figures a report gave at a date: implementation rate, gender budget spent */
    financialSnapshots: z
      .array(
        z.object({
          asOf: isoDate,
          implementationRate: z.number().min(0).max(100).optional(),
          genderBudgetSpent: money.optional(),
          source: z.string().optional(),
        }),
      )
      .default([]),
    /** places named in the document (cercles, regions, communes) */
    places: z.array(z.string().min(1)).default([]),
    /** organisations this programme mentions that are not in the common catalogue */
    organisations: z.array(organisationInput).default([]),
    recipients: z
      .array(
        z.object({
          organisation: orgCode,
          convening: z.boolean().default(false),
          approvedBudget: money.optional(),
        }),
      )
      .default([]),
    implementingPartners: z
      .array(z.object({ organisation: orgCode, note: z.string().optional() }))
      .default([]),
    donors: z
      .array(
        z.object({
          organisation: orgCode,
          /** in the programme currency */
          amount: money.optional(),
          originalAmount: money.optional(),
          originalCurrency: currencyCode.optional(),
          note: z.string().optional(),
        }),
      )
      .default([]),
    /** total resources required, when the document states it (PROSMED: $32M) */
    resourcesRequired: money.optional(),
    /** projects (by code) that co-fund this joint programme */
    cofundingProjects: z
      .array(z.object({ code: z.string().min(1), note: z.string().optional() }))
      .default([]),
    frameworks: z.array(frameworkVersionInput).min(1),
    progress: z.array(progressInput).default([]),
    risks: z.array(riskInput).default([]),
  })
  .meta({ id: 'ProgrammeDocument' });
export type ProgrammeDocument = z.infer<typeof programmeDocument>;
export type ProgrammeDocumentInput = z.input<typeof programmeDocument>;
