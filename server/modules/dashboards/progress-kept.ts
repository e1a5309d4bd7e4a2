/**
 * The progress of an indicator, kept beside the indicator when its framework is remembered (db/remembered.ts).
 *
 * Why: a portfolio's dashboard measures the progress of every indicator of every framework in force (5,300 for
 * a hundred programmes: ≈ 20 ms of CPU and much of the answer's garbage), and after an activity was
 * recorded it computes again with the same frameworks recalled from memory while only a few actuals changed.
 * A recalled indicator is one shared object that nobody changes, and its progress is a pure function of it and of
 * the inputs named in the key (`progressKey`): the same object with the same key has the same progress.
 *
 * Only a computation with a memory keeps (`hasMemory`): elsewhere (a cache not listening, the console) each
 * indicator is a new object read afresh, and what was kept beside it would only be garbage to collect. Two keys
 * are kept per indicator (the last two measured: a dashboard's period and one other): a progress is ≈ 560
 * bytes, so a portfolio of 5,300 indicators keeps at most ≈ 6 MB of them, gone when the framework is forgotten.
 */
import type { Progress, ValueOfRecord } from '../../../core/contracts/indicator-data.js';

const KEYS_PER_INDICATOR = 2;

const kept = new WeakMap<object, Map<string, Progress>>();

/**
 * Everything besides the indicator that its progress depends on: the programme's dates, the day and the
 * period's end (`programmeKey`, the same for all its indicators, and the whole key of one without an actual),
 * then the actual found, its date, the start of what it covers and its provenance.
 */
export function progressKey(
  sharedKey: string,
  found: ValueOfRecord | null,
  asOf: string,
  actualFrom: string | null,
): string {
  return found
    ? `${sharedKey}|${asOf}|${actualFrom}|${found.provenance}|${JSON.stringify(found.value)}`
    : sharedKey;
}

/** The part of `progressKey` that one programme's indicators share, for a period ending `to` and a day. */
export const programmeKey = (
  programme: { startDate: string | null; endDate: string; revisedEndDate: string | null },
  to: string,
  today: string,
) => `${today}|${to}|${programme.startDate}|${programme.endDate}|${programme.revisedEndDate}`;

/**
 * The progress of `indicator` for `key`: the one kept, else `measure()`'s, kept. The progress returned may be
 * shared by several answers: read it, never change it.
 */
export function keptProgress(indicator: object, key: string, measure: () => Progress): Progress {
  let byKey = kept.get(indicator);
  const found = byKey?.get(key);
  if (found) return found;
  const progress = measure();
  if (!byKey) kept.set(indicator, (byKey = new Map()));
  if (byKey.size >= KEYS_PER_INDICATOR) byKey.delete(byKey.keys().next().value!);
  byKey.set(key, progress);
  return progress;
}
