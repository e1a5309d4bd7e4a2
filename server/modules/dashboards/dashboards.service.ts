/**
 * Live dashboards: per programme (indicator progress, participants by sex and age and by category, activities
 * over time, what each agency recorded, a map per cercle) and across the portfolio. Everything is computed
 * from the data at each request.
 */
import { findProgrammeBySlug } from '../programmes/programmes.queries.js';
import {
  ageGroups,
  participantCategories,
  sexes,
  type AgeGroup,
  type ParticipantCategory,
  type Sex,
} from '../../../core/contracts/activities.js';
import type {
  AreaFigure,
  IndicatorProgressRow,
  MapFigures,
  PeriodQuery,
  PortfolioDashboard,
  ProgrammeDashboard,
} from '../../../core/contracts/dashboards.js';
import {
  progressStatuses,
  type ProgressStatus,
  type ValueOfRecord,
} from '../../../core/contracts/indicator-data.js';
import type { PlaceIndex } from '../../../core/geo/place-names.js';
import { effectiveEndDate } from '../../../core/domain/programme-dates.js';
import { tIn } from '../../../core/i18n/t.js';
import type { ServiceContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { totalsFrom } from '../activities/activities.presenter.js';
import { quarterBounds } from '../indicator-data/indicator-compute.js';
import { progressOf } from '../indicator-data/indicator-data.service.js';
import { valuesOfRecordOfProgrammes } from '../indicator-data/values-of-record.js';
import { keptProgress, programmeKey, progressKey } from './progress-kept.js';
import { hasMemory } from '../../db/remembered.js';
import { indicatorsInForce } from '../frameworks/frameworks.service.js';
import type { IndicatorBasis } from '../frameworks/frameworks.presenter.js';
import { areaRefOf, placeIndex } from '../geography/geography.service.js';
import { presentOrganisation, text } from '../programmes/programmes.presenter.js';
import {
  byCercle,
  figuresByProgramme,
  findOrganisations,
  findProgrammes,
  findRecipientOrganisations,
  monthly,
  participantsBySexAge,
  programmeFigures,
  quarterCounts,
  trendSince,
  type CercleFigures,
  type Scope,
} from './dashboards.queries.js';

const today = (ctx: ServiceContext) => ctx.now().toISOString().slice(0, 10);

/** A programme's dates, as the period rule reads them. */
export interface DatedProgramme {
  startDate: string | null;
  firstTransferDate: string | null;
  endDate: string;
  revisedEndDate: string | null;
}

/** Whether a programme's end in force has passed at `today`: an ended programme is never "late". */
export const hasEnded = (p: DatedProgramme, today: string) => effectiveEndDate(p) < today;

/**
 * The period a dashboard shows (docs/domain.md, "Dashboard period"). Asked for: a year, a quarter, `all` (to
 * date) or from…to. By default, for one programme: the current reporting year — the calendar year of today,
 * the PBF reports' year (core/reports/templates: semi-annual and annual reports run from 1 January) — or, once
 * the programme has ended, the programme to date (its start to its end in force). For the portfolio: the
 * current year while one of its programmes runs in it, else the portfolio to date. Never "the latest quarter
 * with activities": a new activity must not move the period a reader sees.
 */
export function resolvePeriod(
  ctx: ServiceContext,
  query: PeriodQuery,
  programmes: DatedProgramme[],
  scope: 'programme' | 'portfolio',
): ProgrammeDashboard['period'] {
  const now = today(ctx);
  const starts = programmes.map((p) => p.firstTransferDate ?? p.startDate).filter((d) => d !== null);
  const ends = programmes.map(effectiveEndDate);
  const toDate = () => {
    const from = starts.sort()[0] ?? `${now.slice(0, 4)}-01-01`;
    const lastEnd = ends.sort().at(-1) ?? now;
    const to = lastEnd < now ? lastEnd : now;
    return { from, to: to < from ? from : to, label: 'all' };
  };
  if (query.period === 'all') return { ...toDate(), chosenByDefault: false, basis: 'chosen' };
  if (query.period) {
    if (/^\d{4}$/.test(query.period))
      return {
        from: `${query.period}-01-01`,
        to: `${query.period}-12-31`,
        label: query.period,
        chosenByDefault: false,
        basis: 'chosen',
      };
    const b = quarterBounds(query.period);
    return { ...b, label: query.period, chosenByDefault: false, basis: 'chosen' };
  }
  if (query.from || query.to) {
    const from = query.from ?? '1900-01-01';
    const to = query.to ?? now;
    if (to < from)
      throw new AppError('validation_failed', 'The period ends before it starts', {
        issues: [
          {
            path: 'querystring.to',
            message: tIn(ctx.locale)('fieldRules.dashboards.endBeforeStart'),
          },
        ],
      });
    return { from, to, label: `${from}…${to}`, chosenByDefault: false, basis: 'chosen' };
  }
  const year = now.slice(0, 4);
  if (programmes.length > 0 && programmes.every((p) => hasEnded(p, now)))
    return {
      ...toDate(),
      chosenByDefault: true,
      basis: scope === 'programme' ? 'programme_to_date' : 'portfolio_to_date',
    };
  return {
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    label: year,
    chosenByDefault: true,
    basis: 'current_year',
  };
}

const monthsBetween = (from: string, to: string) => {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (let i = 0; i < 120; i++) {
    const label = `${y}-${String(m).padStart(2, '0')}`;
    if (label > end) break;
    out.push(label);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
};

/** The trend over the two years up to the period's end, every month listed. */
function trendOf(
  data: Map<string, { activities: number; participants: number; female: number }>,
  since: string,
  end: string,
) {
  const first = [...data.keys()].sort()[0];
  return monthsBetween(first && first > since ? first : since, end).map((month) => ({
    month,
    activities: data.get(month)?.activities ?? 0,
    participants: data.get(month)?.participants ?? 0,
    female: data.get(month)?.female ?? 0,
  }));
}

async function overTime(ctx: ServiceContext, scope: Scope) {
  const since = trendSince(scope.to);
  return trendOf(await monthly(ctx.db, scope, since), since, scope.to);
}

/** The map and its table: one query gives both counts per cercle (`byCercle`). */
export async function mapOf(ctx: ServiceContext, scope: Scope, index: PlaceIndex): Promise<MapFigures> {
  return mapFrom(await byCercle(ctx.db, scope), index);
}

function mapFrom(figures: CercleFigures, index: PlaceIndex): MapFigures {
  const areas: AreaFigure[] = figures.areas
    .flatMap((f) => {
      const a = index.byCode.get(f.code);
      return a
        ? [{ area: areaRefOf(a), activities: f.activities, participants: f.participants, female: f.female }]
        : [];
    })
    .sort((a, b) => b.participants - a.participants || b.activities - a.activities);
  return { level: 'cercle', areas, unplaced: figures.unplaced };
}

/** The sex × age table from the category × sex × age cells. */
function sumCells<T extends { sex: Sex; ageGroup: AgeGroup; n: number }>(cells: T[]) {
  const byKey = new Map<string, { sex: Sex; ageGroup: AgeGroup; n: number }>();
  for (const c of cells) {
    const key = `${c.sex}|${c.ageGroup}`;
    const cell = byKey.get(key) ?? { sex: c.sex, ageGroup: c.ageGroup, n: 0 };
    cell.n += c.n;
    byKey.set(key, cell);
  }
  return [...byKey.values()];
}

const emptyStatusCounts = () =>
  Object.fromEntries(progressStatuses.map((s) => [s, 0])) as Record<ProgressStatus, number>;

/**
 * Every indicator of the framework in force (`indicatorsInForce`) with its actual at the period's end (its value
 * of record, `records`) and its progress: the programme dashboard's rows, and the portfolio's statuses counted
 * from them.
 */
function indicatorProgress(
  programme: { startDate: string | null; endDate: string; revisedEndDate: string | null },
  framework: { indicators: IndicatorBasis[] },
  records: Map<string, ValueOfRecord>,
  period: { from: string; to: string },
  day: string,
  /** whether the framework is remembered (`hasMemory`): its indicators' progress is then kept beside them */
  keep: boolean,
): IndicatorProgressRow[] {
  const shared = programmeKey(programme, period.to, day);
  return framework.indicators.map(({ indicator, outcomeCode, outputCode }): IndicatorProgressRow => {
    const record = records.get(indicator.code);
    const found = record && record.provenance !== 'none' && record.value ? record : null;
    const asOf = found?.date ?? period.to;
    // a running total computed from the activities covers the programme from its start
    const actualFrom =
      found?.provenance === 'computed' && indicator.cumulative && indicator.measure !== 'percent'
        ? null
        : (found?.from ?? null);
    const measure = () =>
      progressOf(indicator, found?.value ?? null, asOf, programme, {
        today: day,
        actualFrom,
        provenance: found?.provenance ?? null,
      });
    return {
      id: indicator.id,
      code: indicator.code,
      title: indicator.title,
      outcomeCode,
      outputCode,
      unit: indicator.unit,
      measure: indicator.measure,
      source: found ? (found.provenance as Exclude<typeof found.provenance, 'none'>) : null,
      actualText: found?.value?.text ?? null,
      progress: keep
        ? keptProgress(indicator, progressKey(shared, found, asOf, actualFrom), measure)
        : measure(),
    };
  });
}

/**
 * The indicators of each programme's framework in force with their progress for the period, by programme id (none
 * without a framework): the frameworks remembered, the values of record of all at once.
 */
async function progressOfProgrammes(
  ctx: ServiceContext,
  programmes: { id: string; startDate: string | null; endDate: string; revisedEndDate: string | null }[],
  period: { from: string; to: string },
): Promise<Map<string, IndicatorProgressRow[]>> {
  const day = today(ctx);
  const keep = hasMemory(ctx.db);
  const frameworks = await indicatorsInForce(
    ctx,
    programmes.map((p) => p.id),
  );
  const records = await valuesOfRecordOfProgrammes(
    ctx.db,
    ctx.locale,
    programmes.flatMap((p) => {
      const framework = frameworks.get(p.id);
      return framework
        ? [{ programmeId: p.id, indicators: framework.indicators.map((x) => x.indicator) }]
        : [];
    }),
    period,
  );
  return new Map(
    programmes.flatMap((p) => {
      const framework = frameworks.get(p.id);
      return framework
        ? [
            [
              p.id,
              indicatorProgress(p, framework, records.get(p.id) ?? new Map(), period, day, keep),
            ] as const,
          ]
        : [];
    }),
  );
}

/** The dashboard of one programme for a period. */
export async function programmeDashboard(
  ctx: ServiceContext,
  slug: string,
  query: PeriodQuery,
): Promise<ProgrammeDashboard> {
  const p = await findProgrammeBySlug(ctx.db, slug);
  if (!p) throw notFound('Programme', slug);
  const period = resolvePeriod(ctx, query, [p], 'programme');
  const scope = { programmeId: p.id, from: period.from, to: period.to };
  const since = trendSince(period.to);
  // the summaries' figures in one statement; the framework and the values of record beside it (on PostgreSQL
  // they run side by side on the pool's connections)
  const [figures, index, orgs, indicators] = await Promise.all([
    programmeFigures(ctx.db, scope, since),
    placeIndex(ctx.db),
    findRecipientOrganisations(ctx.db, p.id),
    progressOfProgrammes(ctx, [p], period).then((rows) => rows.get(p.id) ?? []),
  ]);
  const { quarters, counts, attendances, cube: cells } = figures;
  const agencies = figures.completeness;
  const trend = trendOf(figures.months, since, period.to);
  const map = mapFrom(figures.cercles, index);
  const sexAge = sumCells(cells);
  const categories = cells;
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const statusCounts = emptyStatusCounts();
  for (const row of indicators) statusCounts[row.progress.status]++;
  const byCategory = participantCategories
    .map((category) => {
      const rows = categories.filter((c) => c.category === category);
      const sum = (sex: string) => rows.filter((r) => r.sex === sex).reduce((s, r) => s + r.n, 0);
      const female = sum('female');
      const male = sum('male');
      const unknown = sum('unknown');
      return {
        category: category as ParticipantCategory,
        female,
        male,
        unknown,
        total: female + male + unknown,
      };
    })
    .filter((r) => r.total > 0)
    .sort((a, b) => b.total - a.total);
  return {
    programme: {
      slug: p.slug,
      code: p.code,
      title: text(p.titleFr, p.titleEn),
      endDate: effectiveEndDate(p),
      ended: hasEnded(p, today(ctx)),
    },
    period,
    quarters,
    activities: counts.activities,
    participants: totalsFrom(sexAge),
    attendances,
    places: counts.places,
    bySexAge: sexes.flatMap((sex) =>
      ageGroups.map((ageGroup) => ({
        sex,
        ageGroup,
        count: sexAge.find((c) => c.sex === sex && c.ageGroup === ageGroup)?.n ?? 0,
      })),
    ),
    byCategory,
    overTime: trend,
    indicators,
    statusCounts,
    completeness: agencies.flatMap((a) => {
      const org = orgById.get(a.organisationId);
      return org
        ? [
            {
              organisation: presentOrganisation(org),
              activities: a.activities,
              participants: a.participants,
              lastActivityDate: a.lastDate,
            },
          ]
        : [];
    }),
    map,
  };
}

/**
 * The portfolio: every programme's activities, participants, indicator statuses and silent agencies. Read by
 * sets, not programme by programme: the per-programme figures in three statements, the frameworks in force in two
 * (remembered by the read cache), the values of record's rules and stored values in two; only the values computed
 * from the activities are asked per programme with rules (values-of-record.ts).
 */
export async function portfolioDashboard(
  ctx: ServiceContext,
  query: PeriodQuery,
): Promise<PortfolioDashboard> {
  const [quarters, programmes] = await Promise.all([quarterCounts(ctx.db, null), findProgrammes(ctx.db)]);
  const period = resolvePeriod(ctx, query, programmes, 'portfolio');
  const scope: Scope = { programmeId: null, from: period.from, to: period.to };
  const [index, progress, figures] = await Promise.all([
    placeIndex(ctx.db),
    progressOfProgrammes(ctx, programmes, period),
    figuresByProgramme(ctx.db, period),
  ]);
  const [sexAge, trend, map] = await Promise.all([
    participantsBySexAge(ctx.db, scope),
    overTime(ctx, scope),
    mapOf(ctx, scope, index),
  ]);
  const perProgramme = programmes.map((p) => {
    const statusCounts = emptyStatusCounts();
    for (const row of progress.get(p.id) ?? []) statusCounts[row.progress.status]++;
    // an agency is silent when it recorded nothing while the programme ran in the period
    const start = p.firstTransferDate ?? p.startDate ?? period.from;
    const ranInPeriod = start <= period.to && effectiveEndDate(p) >= period.from;
    return {
      p,
      counts: { activities: figures.activities.get(p.id) ?? 0 },
      cells: figures.sexAge.get(p.id) ?? [],
      statusCounts,
      silentIds: ranInPeriod ? (figures.silentIds.get(p.id) ?? []) : [],
    };
  });
  const silentIds = [...new Set(perProgramme.flatMap((x) => x.silentIds))];
  const orgs = await findOrganisations(ctx.db, silentIds);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  return {
    period,
    quarters,
    activities: perProgramme.reduce((s, x) => s + x.counts.activities, 0),
    participants: totalsFrom(sexAge),
    bySexAge: sexes.flatMap((sex) =>
      ageGroups.map((ageGroup) => ({
        sex,
        ageGroup,
        count: sexAge.find((c) => c.sex === sex && c.ageGroup === ageGroup)?.n ?? 0,
      })),
    ),
    overTime: trend,
    programmes: perProgramme
      .sort((a, b) => a.p.code.localeCompare(b.p.code))
      .map((x) => ({
        slug: x.p.slug,
        code: x.p.code,
        title: text(x.p.titleFr, x.p.titleEn),
        activities: x.counts.activities,
        participants: totalsFrom(x.cells),
        statusCounts: x.statusCounts,
        endDate: effectiveEndDate(x.p),
        ended: hasEnded(x.p, today(ctx)),
        silent: x.silentIds.flatMap((id) => {
          const o = orgById.get(id);
          return o ? [presentOrganisation(o)] : [];
        }),
      })),
    map,
  };
}
