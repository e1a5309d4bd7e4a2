/**
 * The values of record of a programme's indicators for a period, all at once: the rule of
 * core/domain/value-of-record.ts applied to the values stored for the period and the values computed from the
 * activities. Every reader of an indicator's value for a period asks here — the indicator page, the
 * dashboards, the PBF report's Part V — so they show the same figure with the same provenance.
 *
 * Bounded: the indicators, the rules and the stored values are one query each, the computed values at most
 * three (`ruleTotals`) — whatever the number of indicators, programmes and activities.
 */
import {
  indicatorRule,
  type IndicatorRule,
  type ValueOfRecord,
} from '../../../core/contracts/indicator-data.js';
import { valueOfRecord, type StoredCandidate } from '../../../core/domain/value-of-record.js';
import type { Locale } from '../../../core/i18n/locale.js';
import type { DbOrTx } from '../../db/client.js';
import {
  frameworkVersionDates,
  indicatorsOfRecord,
  ruleRowsOf,
  storedValuesEndingWithin,
  type IndicatorValueRow,
} from './indicator-data.queries.js';
import { ruleTotals, type RuleTarget } from './rule-totals.js';

export interface RecordQuery {
  /** the framework version whose indicators are read; by default the one in force at the period's end */
  frameworkVersion?: number | null;
  /** only these indicators (ids of the programme's indicators), e.g. one indicator's page */
  indicatorIds?: string[];
}

/** The version in force at a date: the latest already effective, else the first. */
function versionInForce(versions: { version: number; effectiveDate: string }[], at: string) {
  const sorted = [...versions].sort(
    (a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.version - b.version,
  );
  return (sorted.filter((v) => v.effectiveDate <= at).at(-1) ?? sorted[0])?.version;
}

const candidate = (r: IndicatorValueRow): StoredCandidate => ({
  id: r.id,
  periodStart: r.periodStart,
  periodEnd: r.periodEnd,
  value: r.value ?? null,
  numericValue: r.numericValue,
  reason: r.reason,
  provenance: r.provenance,
  createdAt: r.createdAt.toISOString(),
});

/** An indicator as its value of record needs it. */
export interface RecordIndicator {
  id: string;
  code: string;
  cumulative: boolean;
  measure: string;
}

/**
 * The value of record of each indicator of a programme for `period` (ISO dates, both included), by indicator
 * code; an indicator with neither a stored value of the period nor activities counted by its rule has
 * `provenance: 'none'`.
 */
export async function valuesOfRecord(
  db: DbOrTx,
  locale: Locale,
  programmeId: string,
  period: { from: string; to: string },
  query: RecordQuery = {},
): Promise<Map<string, ValueOfRecord>> {
  let which: { frameworkVersion: number } | { ids: string[] };
  if (query.indicatorIds) which = { ids: query.indicatorIds };
  else {
    const version =
      query.frameworkVersion ?? versionInForce(await frameworkVersionDates(db, programmeId), period.to);
    if (version === undefined) return new Map();
    which = { frameworkVersion: version };
  }
  const indicators =
    'ids' in which && which.ids.length === 0 ? [] : await indicatorsOfRecord(db, programmeId, which);
  const records = await valuesOfRecordOfProgrammes(db, locale, [{ programmeId, indicators }], period);
  return records.get(programmeId) ?? new Map();
}

/**
 * The values of record of several programmes' indicators at once (the portfolio's dashboard), by programme id
 * then indicator code, as `valuesOfRecord` gives each: the rules and the stored values of every programme in one
 * statement each, the values computed by every rule of every programme in at most three (`ruleTotals`).
 */
export async function valuesOfRecordOfProgrammes(
  db: DbOrTx,
  locale: Locale,
  programmes: { programmeId: string; indicators: RecordIndicator[] }[],
  period: { from: string; to: string },
): Promise<Map<string, Map<string, ValueOfRecord>>> {
  const asked = programmes.filter((p) => p.indicators.length);
  const result = new Map<string, Map<string, ValueOfRecord>>();
  if (!asked.length) return result;
  const [ruleRows, rows] = await Promise.all([
    ruleRowsOf(
      db,
      asked.map((p) => p.programmeId),
    ),
    storedValuesEndingWithin(
      db,
      asked.map((p) => p.programmeId),
      period.from,
      period.to,
    ),
  ]);
  const storedBy = new Map<string, StoredCandidate[]>();
  for (const r of rows) {
    const list = storedBy.get(r.indicatorId) ?? [];
    list.push(candidate(r));
    storedBy.set(r.indicatorId, list);
  }
  const rulesBy = new Map<string, Map<string, IndicatorRule>>();
  for (const r of ruleRows) {
    const rules = rulesBy.get(r.programmeId) ?? new Map<string, IndicatorRule>();
    rules.set(r.indicatorCode, indicatorRule.parse(r.rule));
    rulesBy.set(r.programmeId, rules);
  }
  const targets: (RuleTarget & { indicatorId: string })[] = asked.flatMap(({ programmeId, indicators }) =>
    indicators.flatMap((i) => {
      const rule = rulesBy.get(programmeId)?.get(i.code);
      const cumulative = i.measure === 'percent' ? false : i.cumulative;
      return rule ? [{ programmeId, indicatorId: i.id, indicatorCode: i.code, cumulative, rule }] : [];
    }),
  );
  const totals = await ruleTotals(db, targets, period, locale);
  const computedBy = new Map(targets.map((x, k) => [x.indicatorId, totals[k]!]));
  for (const { programmeId, indicators } of asked) {
    const records = new Map<string, ValueOfRecord>();
    for (const i of indicators) {
      const c = computedBy.get(i.id);
      records.set(
        i.code,
        valueOfRecord(
          period,
          storedBy.get(i.id) ?? [],
          c ? { value: c.value, stored: c.stored, activityCount: c.activityCount } : null,
        ),
      );
    }
    result.set(programmeId, records);
  }
  return result;
}
