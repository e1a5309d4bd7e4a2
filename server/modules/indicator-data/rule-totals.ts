/**
 * The values of indicators computed by their rules, read from the live summaries the triggers keep
 * (docs/decisions/0026-live-aggregates.md): what the values of record and the dashboards need, for any number of
 * rules of any number of programmes at once. The indicator page's detail (each activity's share, the quarterly
 * series) is `computeIndicator`'s, from the records; both count the same activities (rule-totals.test.ts).
 *
 * At most three statements, whatever the number of rules, programmes and activities: the rules travel as one
 * JSON parameter, a table of rules joined to the summaries' rows each one considers — the participants' summary
 * for the participant sums, the activities' for every rule's count of activities and for quantities, the
 * places' for distinct places. Asked programme by programme, a portfolio of 100 programmes with three rules each
 * cost 400 statements (docs/performance.md, "The values computed by rules").
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AgeGroup, ParticipantTotals, Sex } from '../../../core/contracts/activities.js';
import type { IndicatorRule } from '../../../core/contracts/indicator-data.js';
import type { StoredValue } from '../../../core/contracts/value-spec.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { rowsOf, type DbOrTx } from '../../db/client.js';
import { periodPieces, SINCE_EVER } from '../../db/aggregates.js';
import { totalsFrom } from '../activities/activities.presenter.js';
import { storedOf } from './indicator-compute.js';

/** An indicator of a programme, with its rule. */
export interface RuleTarget {
  programmeId: string;
  indicatorCode: string;
  /** the indicator's own flag, used when the rule does not say */
  cumulative: boolean;
  rule: IndicatorRule;
}

export interface RuleTotal {
  value: number;
  /** for participant sums: the breakdown by sex and age group */
  totals: ParticipantTotals | null;
  /** the value as a wording with its parts (`872 dont 556 femmes`) */
  stored: StoredValue;
  /** how many activities the rule considers over the period, as `computeIndicator` counts them */
  activityCount: number;
}

/**
 * A rule as a row of the rules' table: the summaries' rows it considers are those of its programme, of its
 * indicator (linked) or of all the activities (`''`), of its period's pieces (`cumulative`: since ever), and
 * of its kinds, output, agencies, count basis and participants (null: any).
 */
function ruleRow(target: RuleTarget, k: number) {
  const { rule } = target;
  const any = (values: readonly string[]) => (values.length ? values : null);
  const participants = rule.kind === 'sum_participants';
  return {
    k,
    programme_id: target.programmeId,
    code: rule.scope === 'linked' ? target.indicatorCode : '',
    cumulative: rule.cumulative ?? target.cumulative,
    kinds: any(rule.activityKinds),
    output: rule.output,
    organisations: any(rule.organisations),
    distinct_only: participants && rule.countBasis === 'distinct_only',
    categories: participants ? any(rule.categories) : null,
    sexes: participants ? any(rule.sexes) : null,
    age_groups: participants ? any(rule.ageGroups) : null,
    place_level: rule.placeLevel,
  };
}

/**
 * `select <select> from` the rules' table `t`, one row per rule and piece of its period, and for each row the
 * summary's rows it considers (`x`), then `rest` (joins, `group by`).
 *
 * Each row reads its own few rows by the summary's key (programme, indicator, grain, bucket): a LATERAL
 * subquery, kept apart by `offset 0` (the planner flattens it otherwise). The planner cannot know how many rules
 * the JSON holds and guesses 100, so each shape it could choose was measured on the bench's portfolio (302 rules,
 * 173,000 participant rows, PostgreSQL):
 * - rules joined as a set: the whole summary scanned and hashed, 18–58 ms a statement;
 * - rules × pieces as two tables: the guess squared, above the cost at which PostgreSQL compiles the plan
 *   (JIT), 100–480 ms;
 * - one row per rule and piece, as here: 1.8–2.1 ms.
 */
function rulesJoin(
  rows: ReturnType<typeof ruleRow>[],
  period: { from: string | null; to: string },
  summary: 'agg_participants' | 'agg_activities' | 'agg_places',
  parts: { select: SQL; filter?: SQL; rest: SQL },
): SQL {
  // each rule once per piece of its period (its start, or since ever when cumulative)
  const within = periodPieces(period.from ?? SINCE_EVER, period.to);
  const sinceEver = periodPieces(SINCE_EVER, period.to);
  const pieces = rows.flatMap((r) => (r.cumulative ? sinceEver : within).map((p) => ({ ...r, ...p })));
  return sql`
    with r as (
      select * from jsonb_to_recordset(${JSON.stringify(pieces)}::jsonb) as r(
        k int, programme_id uuid, code text, grain text, "from" date, "end" date, kinds text[], output text,
        organisations text[], distinct_only boolean, categories text[], sexes text[], age_groups text[],
        place_level text)
    ), t as materialized (
      select r.*, case when r.organisations is not null
                       then array(select o.id from organisations o where o.code = any(r.organisations)) end as organisation_ids
        from r
    )
    select ${parts.select}
      from t cross join lateral (
        select * from ${sql.raw(summary)} x
         where x.programme_id = t.programme_id and x.indicator_code = t.code
           and x.grain = t.grain and x.bucket >= t."from" and x.bucket < t."end"
           and (t.kinds is null or x.kind = any(t.kinds))
           and (t.output is null or x.output_code = t.output)
           and (t.organisation_ids is null or x.organisation_id = any(t.organisation_ids))
           and (not t.distinct_only or x.count_basis = 'distinct')
           ${parts.filter ?? sql``}
        offset 0
      ) x
      ${parts.rest}`;
}

/**
 * The value of each target's rule over the period — within [from, to], or up to `to` when cumulative (`from`
 * null: every rule since ever) — in the targets' order.
 */
export async function ruleTotals(
  db: DbOrTx,
  targets: readonly RuleTarget[],
  period: { from: string | null; to: string },
  locale: Locale,
): Promise<RuleTotal[]> {
  if (!targets.length) return [];
  const rows = targets.map(ruleRow);
  const ofKind = (kind: IndicatorRule['kind']) => rows.filter((_, k) => targets[k]!.rule.kind === kind);
  const sums = ofKind('sum_participants');
  const places = ofKind('count_places');
  const [participantRows, activityRows, placeRows] = await Promise.all([
    sums.length
      ? db.execute(
          rulesJoin(sums, period, 'agg_participants', {
            select: sql`t.k, x.sex, x.age_group, sum(x.n)::int as n`,
            filter: sql`and (t.categories is null or x.category = any(t.categories))
                        and (t.sexes is null or x.sex = any(t.sexes))
                        and (t.age_groups is null or x.age_group = any(t.age_groups))`,
            rest: sql`group by t.k, x.sex, x.age_group`,
          }),
        )
      : null,
    db.execute(
      rulesJoin(rows, period, 'agg_activities', {
        select: sql`t.k, sum(x.n)::int as n, sum(x.quantity) as quantity`,
        rest: sql`group by t.k`,
      }),
    ),
    places.length
      ? db.execute(
          rulesJoin(places, period, 'agg_places', {
            select: sql`t.k, count(distinct case t.place_level
                 when 'region' then case when ar.level = 'region' then ar.code else ar.region_code end
                 when 'cercle' then case when ar.level = 'cercle' then ar.code when ar.level = 'commune' then ar.cercle_code end
                 else case when ar.level = 'commune' then ar.code end end)::int as n`,
            rest: sql`join admin_areas ar on ar.code = x.area_code group by t.k`,
          }),
        )
      : null,
  ]);

  const cells = new Map<number, { sex: Sex; ageGroup: AgeGroup; n: number }[]>();
  for (const r of participantRows
    ? rowsOf<{ k: number; sex: Sex; age_group: AgeGroup; n: number | string }>(participantRows)
    : []) {
    const list = cells.get(r.k) ?? [];
    list.push({ sex: r.sex, ageGroup: r.age_group, n: Number(r.n) });
    cells.set(r.k, list);
  }
  const activities = new Map(
    rowsOf<{ k: number; n: number | string; quantity: number | string | null }>(activityRows).map((r) => [
      r.k,
      { n: Number(r.n), quantity: Number(r.quantity ?? 0) },
    ]),
  );
  const distinctPlaces = new Map(
    (placeRows ? rowsOf<{ k: number; n: number | string }>(placeRows) : []).map((r) => [r.k, Number(r.n)]),
  );

  return targets.map(({ rule }, k) => {
    const counted = activities.get(k) ?? { n: 0, quantity: 0 };
    const totals = rule.kind === 'sum_participants' ? totalsFrom(cells.get(k) ?? []) : null;
    const value =
      rule.kind === 'sum_participants'
        ? totals!.total
        : rule.kind === 'count_places'
          ? (distinctPlaces.get(k) ?? 0)
          : rule.kind === 'sum_quantity'
            ? counted.quantity
            : counted.n;
    return { value, totals, stored: storedOf(value, totals, locale), activityCount: counted.n };
  });
}
