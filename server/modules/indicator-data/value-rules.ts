/**
 * The rules every write of an indicator value applies — typed in (API, web form), kept from a computation,
 * imported from a file (API, web, CLI) — so no path lets through what another refuses (issue 14, item 2):
 *
 * 1. the value fits the indicator's measure, its breakdown consistent with its total
 *    (`core/domain/value-fits-indicator.ts`, which the web form also runs as the user types): 400 naming the field
 *    or the row;
 * 2. one value per indicator and period (same start, same end): a second is refused with 409 naming the one there
 *    (its version), which the writer updates instead; an import updates it, as a new version;
 * 3. no value dated (by its period's end) in a closed period or in the period of a report in review or accepted:
 *    423 naming the lock (`periods/period-locks.ts`).
 *
 * Without a unique index (no migration this round) the second rule holds by locking the indicator's row for the
 * transaction (`lockIndicatorRows`): two writers of one indicator's values run one after the other.
 */
import type { StoredValue } from '../../../core/contracts/value-spec.js';
import {
  fitToIndicator,
  sayValueFinding,
  valueFindings,
  type IndicatorMeasure,
} from '../../../core/domain/value-fits-indicator.js';
import { formatDate } from '../../../core/i18n/format.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { tIn } from '../../../core/i18n/t.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { lockIndicatorRows, valuePeriodsOf } from './value-rules.queries.js';

export { lockIndicatorRows };

/** What is wrong with a value for an indicator of this measure, in the reader's language; empty when it fits. */
export function valueProblems(locale: Locale, measure: IndicatorMeasure, value: StoredValue): string[] {
  const say = tIn(locale);
  return valueFindings(measure, value.spec, value.text).map((f) => sayValueFinding(f, say, locale));
}

/** The value as the indicator keeps it, or 400 naming `path` with every problem. */
export function fitValueOrRefuse(
  locale: Locale,
  measure: IndicatorMeasure,
  value: StoredValue,
  path: string,
): StoredValue {
  const problems = valueProblems(locale, measure, value);
  if (problems.length)
    throw new AppError('validation_failed', `The value does not fit the indicator (${measure})`, {
      issues: problems.map((message) => ({ path, message })),
    });
  return { ...value, spec: fitToIndicator(measure, value.spec) };
}

export type PeriodValue = Awaited<ReturnType<typeof valuePeriodsOf>>[number];

/** The values of these indicators, by `indicator|start|end`: who holds each period. */
export async function valuesByPeriod(db: DbOrTx, indicatorIds: string[]): Promise<Map<string, PeriodValue>> {
  const rows = await valuePeriodsOf(db, indicatorIds);
  return new Map(rows.map((r) => [periodKey(r.indicatorId, r.periodStart, r.periodEnd), r]));
}

export const periodKey = (indicatorId: string, start: string, end: string) =>
  `${indicatorId}|${start}|${end}`;

/** "une valeur existe déjà pour le 1 janv. 2023 – 31 déc. 2023 : « 24 » (version 2)" */
export function existingValueSentence(locale: Locale, existing: PeriodValue): string {
  return tIn(locale)('fieldRules.indicatorData.periodTaken', {
    from: formatDate(existing.periodStart, locale),
    to: formatDate(existing.periodEnd, locale),
    value: existing.value?.text ?? '—',
    version: existing.version,
  });
}

/**
 * 409 when another value holds the period: the one there is named (id, version, value), so the client updates it
 * with its version instead of adding a second.
 */
export async function assertPeriodFree(
  db: DbOrTx,
  locale: Locale,
  indicatorId: string,
  period: { start: string; end: string },
  path: string,
  exceptValueId?: string,
): Promise<void> {
  const existing = (await valuesByPeriod(db, [indicatorId])).get(
    periodKey(indicatorId, period.start, period.end),
  );
  if (!existing || existing.id === exceptValueId) return;
  const message = existingValueSentence(locale, existing);
  throw new AppError('conflict', 'A value exists for this indicator and period', {
    issues: [{ path, message }],
    current: {
      value: {
        id: existing.id,
        version: existing.version,
        periodStart: existing.periodStart,
        periodEnd: existing.periodEnd,
        value: existing.value ?? null,
      },
    },
    detail: message,
  });
}
