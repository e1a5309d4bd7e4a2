/**
 * Live dashboards (computed on each request, no batch job): per programme and across the portfolio.
 */
import { z } from 'zod';
import { ageGroups, areaRef, participantCategories, participantTotals, sexes } from './activities.js';
import { progress, progressStatuses, recordProvenances } from './indicator-data.js';
import { organisationRef, programmeSlug } from './programme-api.js';
import { localizedText } from './programme-document.js';

const isoDate = z.iso.date();

/** `2023-Q4`, `2023`, `all` (the programme, or the portfolio, to date), or `from…to` */
export const periodQuery = z
  .object({
    period: z
      .string()
      .regex(/^(\d{4}(-Q[1-4])?|all)$/, 'a year (2023), a quarter (2023-Q4) or all (to date)')
      .optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    lang: z.enum(['fr', 'en']).optional(),
  })
  .strict();
export type PeriodQuery = z.infer<typeof periodQuery>;

/**
 * Why the dashboard shows this period: chosen by the reader, or by default the current reporting year (the
 * calendar year of today, the PBF reports' year), or the programme to date when it has ended (the portfolio to
 * date when none of its programmes runs this year). See docs/domain.md, "Dashboard period".
 */
export const periodBases = ['chosen', 'current_year', 'programme_to_date', 'portfolio_to_date'] as const;
export type PeriodBasis = (typeof periodBases)[number];

export const dashboardPeriod = z.object({
  from: isoDate,
  to: isoDate,
  /** `2023-Q4` when the period is a quarter, `2023` a year, `from…to` otherwise */
  label: z.string(),
  /** true when nobody chose it (see `basis`) */
  chosenByDefault: z.boolean(),
  basis: z.enum(periodBases),
});
export type DashboardPeriod = z.infer<typeof dashboardPeriod>;

export const sexAgeCell = z.object({
  sex: z.enum(sexes),
  ageGroup: z.enum(ageGroups),
  count: z.number().int(),
});
export const categoryRow = z.object({
  category: z.enum(participantCategories),
  female: z.number().int(),
  male: z.number().int(),
  unknown: z.number().int(),
  total: z.number().int(),
});
export const monthPoint = z.object({
  month: z.string(),
  activities: z.number().int(),
  participants: z.number().int(),
  female: z.number().int(),
});
export const areaFigure = z
  .object({
    area: areaRef,
    activities: z.number().int(),
    participants: z.number().int(),
    female: z.number().int(),
  })
  .meta({ id: 'AreaFigure' });
export type AreaFigure = z.infer<typeof areaFigure>;

export const completenessRow = z.object({
  organisation: organisationRef,
  activities: z.number().int(),
  participants: z.number().int(),
  lastActivityDate: isoDate.nullable(),
});

export const indicatorProgressRow = z.object({
  id: z.uuid(),
  code: z.string(),
  title: localizedText,
  outcomeCode: z.string(),
  outputCode: z.string().nullable(),
  unit: z.string().nullable(),
  measure: z.string(),
  /** where the actual comes from: the provenance of the period's value of record (null when there is none) */
  source: z.enum(recordProvenances).exclude(['none']).nullable(),
  actualText: z.string().nullable(),
  progress,
});
export type IndicatorProgressRow = z.infer<typeof indicatorProgressRow>;

export const mapFigures = z
  .object({
    level: z.literal('cercle'),
    areas: z.array(areaFigure),
    /** activities with no place, or with places in several cercles and no place per participant */
    unplaced: z.object({ activities: z.number().int(), participants: z.number().int() }),
  })
  .meta({ id: 'MapFigures' });
export type MapFigures = z.infer<typeof mapFigures>;

export const quarterCount = z.object({ quarter: z.string(), activities: z.number().int() });

export const programmeDashboard = z
  .object({
    programme: z.object({
      slug: programmeSlug,
      code: z.string(),
      title: localizedText,
      /** the end in force (revised when revised), and whether it has passed: an ended programme is not late */
      endDate: isoDate,
      ended: z.boolean(),
    }),
    period: dashboardPeriod,
    quarters: z.array(quarterCount),
    activities: z.number().int(),
    participants: participantTotals,
    /** participants counted as attendances (not distinct people) */
    attendances: z.number().int(),
    places: z.number().int(),
    bySexAge: z.array(sexAgeCell),
    byCategory: z.array(categoryRow),
    overTime: z.array(monthPoint),
    indicators: z.array(indicatorProgressRow),
    statusCounts: z.record(z.enum(progressStatuses), z.number().int()),
    completeness: z.array(completenessRow),
    map: mapFigures,
  })
  .meta({ id: 'ProgrammeDashboard' });
export type ProgrammeDashboard = z.infer<typeof programmeDashboard>;

export const portfolioDashboard = z
  .object({
    period: dashboardPeriod,
    quarters: z.array(quarterCount),
    activities: z.number().int(),
    participants: participantTotals,
    bySexAge: z.array(sexAgeCell),
    overTime: z.array(monthPoint),
    programmes: z.array(
      z.object({
        slug: programmeSlug,
        code: z.string(),
        title: localizedText,
        activities: z.number().int(),
        participants: participantTotals,
        statusCounts: z.record(z.enum(progressStatuses), z.number().int()),
        /** the end in force, and whether it has passed (an ended programme has no silent agency) */
        endDate: isoDate,
        ended: z.boolean(),
        /** recipients that recorded no activity in the period, while the programme was running */
        silent: z.array(organisationRef),
      }),
    ),
    map: mapFigures,
  })
  .meta({ id: 'PortfolioDashboard' });
export type PortfolioDashboard = z.infer<typeof portfolioDashboard>;
