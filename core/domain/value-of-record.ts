/**
 * The value of record of an indicator for a period: the one figure the indicator page, the dashboards and the
 * reports show (docs/domain.md, "The value of record"; docs/decisions/0013-value-of-record.md).
 *
 * 1. A stored value — typed in, imported, from the seeds, or a computed value someone kept — whose period ends
 *    within the period: the latest period first, then the latest recorded. People validated it.
 * 2. Else the value computed live from the activities by the indicator's rule, when at least one activity
 *    counted: a rule that found no activity says "nothing recorded", not "zero achieved".
 * 3. Else nothing.
 */
import type { ValueOfRecord } from '../contracts/indicator-data.js';
import type { StoredValue } from '../contracts/value-spec.js';

/** A stored value of the indicator (an `indicator_values` row). */
export interface StoredCandidate {
  id: string;
  periodStart: string;
  periodEnd: string;
  value: StoredValue | null;
  numericValue: number | null;
  reason: string | null;
  provenance: 'entered' | 'imported' | 'computed' | 'seed';
  /** ISO date-time: among values of the same period, the latest recorded wins */
  createdAt: string;
}

/** The value computed from the activities for the period. */
export interface ComputedCandidate {
  value: number;
  stored: StoredValue;
  activityCount: number;
}

export const noValueOfRecord: ValueOfRecord = {
  provenance: 'none',
  value: null,
  numericValue: null,
  date: null,
  from: null,
  activityCount: null,
  reason: null,
  valueId: null,
};

/** The stored values that may be of record for the period, the one of record first. */
export function storedOfPeriod<S extends StoredCandidate>(
  period: { from: string; to: string },
  stored: readonly S[],
): S[] {
  return stored
    .filter((s) => s.value !== null && s.periodEnd >= period.from && s.periodEnd <= period.to)
    .sort((a, b) => b.periodEnd.localeCompare(a.periodEnd) || b.createdAt.localeCompare(a.createdAt));
}

/** The value of record of one indicator for `period` (ISO dates, both included). */
export function valueOfRecord(
  period: { from: string; to: string },
  stored: readonly StoredCandidate[],
  computed: ComputedCandidate | null,
): ValueOfRecord {
  const [kept] = storedOfPeriod(period, stored);
  if (kept) {
    return {
      provenance: kept.provenance === 'computed' ? 'computed_kept' : kept.provenance,
      value: kept.value,
      numericValue: kept.numericValue,
      date: kept.periodEnd,
      from: kept.periodStart,
      activityCount: null,
      reason: kept.reason,
      valueId: kept.id,
    };
  }
  if (computed && computed.activityCount > 0) {
    return {
      provenance: 'computed',
      value: computed.stored,
      numericValue: computed.value,
      date: period.to,
      from: period.from,
      activityCount: computed.activityCount,
      reason: null,
      valueId: null,
    };
  }
  return noValueOfRecord;
}
