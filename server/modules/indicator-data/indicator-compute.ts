/**
 * Computes an indicator from the activities, by its rule, live. For the indicator page (`computeIndicator`): one
 * aggregate query down to one row per activity (with its breakdown by sex and age), then the period's value,
 * the quarterly series and each activity's contribution in memory. The values of record and the dashboards
 * read the value alone from the live summaries, for every rule at once (`ruleTotals`, rule-totals.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AgeGroup, ParticipantTotals, Sex } from '../../../core/contracts/activities.js';
import type { ComputedValue, IndicatorRule } from '../../../core/contracts/indicator-data.js';
import type { StoredValue } from '../../../core/contracts/value-spec.js';
import type { PlaceIndex } from '../../../core/geo/place-names.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { rowsOf, type DbOrTx } from '../../db/client.js';
import { formatNumber } from '../../../core/i18n/format.js';
import { tIn } from '../../../core/i18n/t.js';
import { totalsFrom } from '../activities/activities.presenter.js';

export interface ComputeTarget {
  programmeId: string;
  indicatorCode: string;
  /** the indicator's own flag, used when the rule does not say */
  cumulative: boolean;
}

interface ActivityValue {
  id: string;
  title: string;
  startDate: string;
  organisation: string;
  countBasis: 'distinct' | 'attendance';
  places: string[];
  /** for participant sums: the breakdown by sex and age group */
  cells: { sex: Sex; ageGroup: AgeGroup; n: number }[];
  value: number;
}

const arr = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;

/** The activities a rule considers, as a SQL condition on `a` (activities). */
function activityFilter(target: ComputeTarget, rule: IndicatorRule, to: string): SQL {
  const parts: SQL[] = [sql`a.programme_id = ${target.programmeId}`, sql`a.start_date <= ${to}`];
  if (rule.scope === 'linked')
    parts.push(
      sql`exists (select 1 from activity_indicators ai where ai.activity_id = a.id and ai.indicator_code = ${target.indicatorCode})`,
    );
  if (rule.activityKinds.length) parts.push(sql`a.kind::text = any(${arr(rule.activityKinds)})`);
  if (rule.output) parts.push(sql`a.output_code = ${rule.output}`);
  if (rule.organisations.length)
    parts.push(
      sql`a.organisation_id in (select id from organisations where code = any(${arr(rule.organisations)}))`,
    );
  if (rule.kind === 'sum_participants' && rule.countBasis === 'distinct_only')
    parts.push(sql`a.count_basis = 'distinct'`);
  return sql.join(parts, sql` and `);
}

async function activityValues(
  db: DbOrTx,
  target: ComputeTarget,
  rule: IndicatorRule,
  to: string,
): Promise<ActivityValue[]> {
  const where = activityFilter(target, rule, to);
  const base = rowsOf<{
    id: string;
    title: string;
    start_date: string;
    organisation: string;
    count_basis: 'distinct' | 'attendance';
    quantity: string | number | null;
    places: string[] | null;
  }>(
    await db.execute(sql`
      select a.id, a.title_fr as title, a.start_date::text as start_date, coalesce(o.acronym_fr, o.code) as organisation,
             a.count_basis, a.quantity,
             (select array_agg(ap.area_code order by ap.sort) from activity_places ap where ap.activity_id = a.id) as places
        from activities a join organisations o on o.id = a.organisation_id
       where ${where}
       order by a.start_date, a.id`),
  );
  const cells = new Map<string, ActivityValue['cells']>();
  if (rule.kind === 'sum_participants' && base.length) {
    const filters: SQL[] = [];
    if (rule.categories.length) filters.push(sql`p.category = any(${arr(rule.categories)})`);
    if (rule.sexes.length) filters.push(sql`p.sex::text = any(${arr(rule.sexes)})`);
    if (rule.ageGroups.length) filters.push(sql`p.age_group::text = any(${arr(rule.ageGroups)})`);
    const extra = filters.length ? sql` and ${sql.join(filters, sql` and `)}` : sql``;
    const rows = rowsOf<{ activity_id: string; sex: Sex; age_group: AgeGroup; n: number | string }>(
      await db.execute(sql`
        select p.activity_id, p.sex, p.age_group, sum(p.count)::int as n
          from activity_participants p
         where p.programme_id = ${target.programmeId} and p.activity_date <= ${to}
           and p.activity_id in (select a.id from activities a where ${where})${extra}
         group by p.activity_id, p.sex, p.age_group`),
    );
    for (const r of rows) {
      const list = cells.get(r.activity_id) ?? [];
      list.push({ sex: r.sex, ageGroup: r.age_group, n: Number(r.n) });
      cells.set(r.activity_id, list);
    }
  }
  return base.map((b) => {
    const c = cells.get(b.id) ?? [];
    const value =
      rule.kind === 'sum_participants'
        ? c.reduce((s, x) => s + x.n, 0)
        : rule.kind === 'sum_quantity'
          ? Number(b.quantity ?? 0)
          : 1;
    return {
      id: b.id,
      title: b.title,
      startDate: String(b.start_date).slice(0, 10),
      organisation: b.organisation,
      countBasis: b.count_basis,
      places: b.places ?? [],
      cells: c,
      value,
    };
  });
}

/** The area a place counts as at the rule's level (a commune counts for its cercle…); null if above it. */
function placeAt(index: PlaceIndex, code: string, level: IndicatorRule['placeLevel']): string | null {
  const area = index.byCode.get(code);
  if (!area) return null;
  if (area.level === level) return area.code;
  if (level === 'region') return area.regionCode;
  if (level === 'cercle') return area.level === 'commune' ? area.cercleCode : null;
  return null;
}

/** `2023-Q4` of a date */
export function quarterOf(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}
export function quarterBounds(label: string): { from: string; to: string } {
  const [y, q] = label.split('-Q').map(Number) as [number, number];
  const startMonth = (q - 1) * 3 + 1;
  const end = new Date(Date.UTC(y, startMonth + 2, 0)).getUTCDate();
  return {
    from: `${y}-${String(startMonth).padStart(2, '0')}-01`,
    to: `${y}-${String(startMonth + 2).padStart(2, '0')}-${end}`,
  };
}

export interface ComputeResult extends ComputedValue {
  series: { period: string; periodStart: string; periodEnd: string; value: number; cumulative: number }[];
  /** the value as a wording with its parts: `872 dont 556 femmes` (for progress and reports) */
  stored: StoredValue;
}

/**
 * The indicator's value for the period by its rule: within [from, to], or from the start when cumulative;
 * with each activity's contribution and the quarterly series up to `to`.
 */
export async function computeIndicator(
  db: DbOrTx,
  index: PlaceIndex,
  target: ComputeTarget,
  rule: IndicatorRule,
  period: { from: string | null; to: string },
  locale: Locale,
): Promise<ComputeResult> {
  const say = tIn(locale);
  const cumulative = rule.cumulative ?? target.cumulative;
  const from = cumulative ? null : period.from;
  const all = await activityValues(db, target, rule, period.to);
  const inPeriod = all.filter((a) => !from || a.startDate >= from);

  // distinct places: each activity contributes the places it adds, in date order
  const seen = new Set<string>();
  const placeValue = (a: ActivityValue, set: Set<string>) => {
    let added = 0;
    for (const p of a.places) {
      const at = placeAt(index, p, rule.placeLevel);
      if (at && !set.has(at)) {
        set.add(at);
        added++;
      }
    }
    return added;
  };
  const contributions = inPeriod.map((a) => ({
    activityId: a.id,
    title: a.title,
    startDate: a.startDate,
    organisation: a.organisation,
    places: a.places.map((p) => index.byCode.get(p)?.name ?? p),
    value: rule.kind === 'count_places' ? placeValue(a, seen) : a.value,
  }));
  const value = contributions.reduce((s, c) => s + c.value, 0);
  const totals: ParticipantTotals | null =
    rule.kind === 'sum_participants' ? totalsFrom(inPeriod.flatMap((a) => a.cells)) : null;

  // the quarterly series from the first activity to `to`
  const series: ComputeResult['series'] = [];
  if (all.length) {
    const first = quarterOf(all[0]!.startDate);
    const last = quarterOf(period.to);
    const cumulativeSeen = new Set<string>();
    let running = 0;
    for (let q = first; q <= last; q = nextQuarter(q)) {
      const { from: qs, to: qe } = quarterBounds(q);
      const acts = all.filter((a) => a.startDate >= qs && a.startDate <= qe);
      let v: number;
      if (rule.kind === 'count_places') {
        const quarterSet = new Set<string>();
        acts.forEach((a) => placeValue(a, quarterSet));
        v = quarterSet.size;
        acts.forEach((a) => placeValue(a, cumulativeSeen));
        running = cumulativeSeen.size;
      } else {
        v = acts.reduce((s, a) => s + a.value, 0);
        running += v;
      }
      series.push({ period: q, periodStart: qs, periodEnd: qe, value: v, cumulative: running });
      if (series.length > 200) break;
    }
  }

  const notes: string[] = [];
  const attendances = inPeriod.filter((a) => a.countBasis === 'attendance').length;
  if (rule.kind === 'sum_participants' && attendances > 0)
    notes.push(say('fieldRules.indicatorData.attendanceActivities', { count: attendances }));
  if (totals && totals.bySex.unknown > 0)
    notes.push(
      say('fieldRules.indicatorData.unknownSex', { people: formatNumber(totals.bySex.unknown, locale) }),
    );

  const stored = storedOf(value, totals, locale);
  return {
    rule,
    from,
    to: period.to,
    value,
    totals,
    activityCount: inPeriod.length,
    contributions,
    notes,
    series,
    stored,
  };
}

export function nextQuarter(q: string): string {
  const [y, n] = q.split('-Q').map(Number) as [number, number];
  return n === 4 ? `${y + 1}-Q1` : `${y}-Q${n + 1}`;
}

/** A computed value as a wording with its parts (`872 dont 556 femmes`), for progress and reports. */
export function storedOf(value: number, totals: ParticipantTotals | null, locale: Locale): StoredValue {
  const say = tIn(locale);
  const parts: NonNullable<Extract<StoredValue['spec'], { kind: 'number' }>['parts']> = [];
  if (totals) {
    if (totals.bySex.female) parts.push({ group: 'women', value: totals.bySex.female, unit: 'count' });
    if (totals.byAge.age_18_35) parts.push({ group: 'youth', value: totals.byAge.age_18_35, unit: 'count' });
  }
  const text =
    totals && totals.bySex.female
      ? say('fieldRules.indicatorData.ofWhomWomen', {
          value: formatNumber(value, locale),
          count: totals.bySex.female,
        })
      : formatNumber(value, locale);
  return { text, spec: { kind: 'number', value, ...(parts.length ? { parts } : {}) } };
}
