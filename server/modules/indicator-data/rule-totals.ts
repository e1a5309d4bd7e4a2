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
 * cost 400 statements (docs/performance.md, "The values computed from the activities").
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
 * The rules' table `t` and the period's pieces `p` (those of the period and those since ever, `p.cumulative`),
 * then `select … from t join p … join <summary> x`, its rows filtered by each rule.
 */
function rulesJoin(
  rows: ReturnType<typeof ruleRow>[],
  period: { from: string | null; to: string },
  summary: 'agg_participants' | 'agg_activities' | 'agg_places',
  select: SQL,
  extra: SQL = sql``,
): SQL {
  const pieces = [
    ...periodPieces(period.from ?? SINCE_EVER, period.to).map((p) => ({ ...p, cumulative: false })),
    ...periodPieces(SINCE_EVER, period.to).map((p) => ({ ...p, cumulative: true })),
  ];
  return sql`
    with r as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        k int, programme_id uuid, code text, cumulative boolean, kinds text[], output text, organisations text[],
        distinct_only boolean, categories text[], sexes text[], age_groups text[], place_level text)
    ), t as (
      select r.*, case when r.organisations is not null
                       then array(select o.id from organisations o where o.code = any(r.organisations)) end as organisation_ids
        from r
    ), p as (
      select * from jsonb_to_recordset(${JSON.stringify(pieces)}::jsonb) as p(cumulative boolean, grain text, "from" date, "end" date)
    )
    select ${select}
      from t join p on p.cumulative = t.cumulative
      join ${sql.raw(summary)} x
        on x.programme_id = t.programme_id and x.indicator_code = t.code
       and x.grain = p.grain and x.bucket >= p."from" and x.bucket < p."end"
      ${extra}
     where (t.kinds is null or x.kind = any(t.kinds))
       and (t.output is null or x.output_code = t.output)
       and (t.organisation_ids is null or x.organisation_id = any(t.organisation_ids))
       and (not t.distinct_only or x.count_basis = 'distinct')`;
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
      ? db.execute(sql`${rulesJoin(
          sums,
          period,
          'agg_participants',
          sql`t.k, x.sex, x.age_group, sum(x.n)::int as n`,
        )}
         and (t.categories is null or x.category = any(t.categories))
         and (t.sexes is null or x.sex = any(t.sexes))
         and (t.age_groups is null or x.age_group = any(t.age_groups))
       group by t.k, x.sex, x.age_group`)
      : null,
    db.execute(
      sql`${rulesJoin(rows, period, 'agg_activities', sql`t.k, sum(x.n)::int as n, sum(x.quantity) as quantity`)}
       group by t.k`,
    ),
    places.length
      ? db.execute(sql`${rulesJoin(
          places,
          period,
          'agg_places',
          sql`t.k, count(distinct case t.place_level
                 when 'region' then case when ar.level = 'region' then ar.code else ar.region_code end
                 when 'cercle' then case when ar.level = 'cercle' then ar.code when ar.level = 'commune' then ar.cercle_code end
                 else case when ar.level = 'commune' then ar.code end end)::int as n`,
          sql`join admin_areas ar on ar.code = x.area_code`,
        )}
       group by t.k`)
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
