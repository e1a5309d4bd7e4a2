/**
 * Progress of an indicator against its targets. Pure: the same function serves the dashboards, the indicator
 * page, the reports and the tests.
 *
 * The rule (also in docs/decisions/0006-progress-status.md):
 *
 * 1. Numbers. The baseline, the end target, every milestone and every yearly target are read as numbers.
 *    A relative target is resolved against the baseline: `+5` points on 78.97% is 83.97%; `+30%` (percent) on
 *    200 is 260; `-10%` on a decreasing 70% is 60 (points on a percentage indicator, as the parser reads it).
 *    A document or yes/no target counts 1 (delivered) against 0. A count with no numeric baseline ("baseline
 *    to be established before the activities start") starts from 0; a percentage or a relative target without
 *    a numeric baseline cannot be measured. Text, TBD, n/a and several values in one cell cannot be measured.
 * 2. Direction. A relative target carries its own; otherwise the indicator's, and an absolute target below
 *    the baseline means a decrease whatever the indicator says.
 * 3. Achievement = (actual − baseline) / (target − baseline): 1 when the target is reached, in either direction.
 * 4. Expected value at a date: the schedule runs from the baseline (at its date, or the programme's start)
 *    through the milestones (at their date) and the yearly targets (at the year's end) to the end target (at the
 *    programme's end), straight between two known points; before the first point it is the baseline, after the
 *    last it is the last.
 * 5. Pace = (actual − baseline) / (expected − baseline): the share of the progress expected by now that is made.
 * 6. Status: `achieved` when achievement ≥ 1; else `on_track` when pace ≥ 0.9 (or nothing was expected yet);
 *    `at_risk` when pace ≥ 0.6; `off_track` below. A deliverable (document, yes/no) is `achieved` once
 *    delivered, `on_track` until its date, `off_track` after. An indicator to maintain is `on_track` within 5%
 *    of its target, `at_risk` within 10%, `off_track` beyond. No actual: `no_data`; no target: `no_target`.
 * 7. Parts ("330, dont 30% des femmes", "dont au moins 150 femmes"): each part of the end target is compared
 *    with the same group in the actual value, as a count or as a share of the total.
 * 8. The end target is the target of kind `end`, never the last milestone or yearly target (a programme's last
 *    year is often a half-year with a smaller figure). Without one, the line is measured against the target in
 *    force: the first milestone or yearly target on or after the actual's date, else the last.
 * 9. A count per year (a `number` indicator that is not cumulative, with a target for the actual's year) is
 *    measured against that year's target: expected = the year's target × the share of the year elapsed
 *    (from 1 January, or the programme's start), achievement = actual ÷ the year's target. Everything else
 *    (running totals, levels, percentages) is on a trajectory (rule 4); the expected value never goes beyond
 *    the target the line is measured against (it is held at it, and the basis says so).
 * 10. A percentage is a level, never a sum over periods: a `percent` indicator is never cumulative.
 * 11. Closed targets: when `today` is after the target's date, the time to reach it is over; the status is
 *    `achieved` or `not_achieved`, never `on_track`, `at_risk` or `off_track` (an ended programme is not late).
 * 12. Every number comes with its basis (`Progress.basis`): which target, which actual and dates, which two
 *    schedule points the expected value lies between; the screens show it on click.
 */
import type { Progress, ProgressBasis } from '../contracts/indicator-data.js';
import type { StoredValue, ValuePart, ValueSpec } from '../contracts/value-spec.js';

export type Direction = 'increase' | 'decrease' | 'maintain';
export type Measure = 'number' | 'percent' | 'yes_no' | 'text' | 'document' | 'index';

export interface ProgressTarget {
  kind: 'annual' | 'milestone' | 'end';
  year: number | null;
  /** `YYYY-MM` or `YYYY-MM-DD` */
  date: string | null;
  value: StoredValue | null;
}

export interface ProgressInput {
  measure: Measure;
  direction: Direction;
  baseline: StoredValue | null;
  targets: ProgressTarget[];
  actual: StoredValue | null;
  /** the date the actual stands for (end of the period) */
  asOf: string;
  /** the programme's start: when the baseline has no date of its own */
  start?: string | null;
  /** the programme's end: the end target's date */
  end?: string | null;
  /** whether the indicator is a running total (true) or a count per period (false); unknown: a trajectory */
  cumulative?: boolean;
  /** today: a target whose date has passed gets a final verdict (rule 11); unknown: never */
  today?: string | null;
  /** where the actual comes from, for its basis: the period it covers and its provenance */
  actualFrom?: string | null;
  actualProvenance?: string | null;
}

export const paceThresholds = { onTrack: 0.9, atRisk: 0.6 } as const;
export const maintainTolerance = { onTrack: 0.05, atRisk: 0.1 } as const;

type Resolved = { value: number } | { reason: string };

function plainNumber(spec: ValueSpec): number | null {
  switch (spec.kind) {
    case 'number':
    case 'percent':
      return spec.value;
    case 'boolean':
      return spec.value ? 1 : 0;
    case 'document':
      return spec.count ?? 1;
    default:
      return null;
  }
}

const reasonOf = (spec: ValueSpec): string =>
  spec.kind === 'text'
    ? 'text_target'
    : spec.kind === 'tbd'
      ? 'tbd'
      : spec.kind === 'not_applicable'
        ? 'not_applicable'
        : spec.kind === 'multi'
          ? 'multi'
          : 'unreadable';

/** A target as a number, a relative one resolved against the baseline. */
export function resolveTarget(spec: ValueSpec, baseline: number | null): Resolved {
  if (spec.kind === 'relative') {
    if (baseline === null) return { reason: 'no_baseline' };
    const sign = spec.direction === 'decrease' ? -1 : 1;
    const value =
      spec.unit === 'points' ? baseline + sign * spec.delta : baseline * (1 + (sign * spec.delta) / 100);
    return { value: Math.round(value * 1e6) / 1e6 };
  }
  const n = plainNumber(spec);
  return n === null ? { reason: reasonOf(spec) } : { value: n };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const YEAR = /^\d{4}$/;

/** `2021-06` → the month's last day; `2023` → 31 December; a full date as it is. */
export function dateOf(partial: string, end = true): string {
  // by length first, one pattern tested: a portfolio's dashboard asks this some 20,000 times
  if (partial.length === 10 && DAY.test(partial)) return partial;
  if (partial.length === 7 && MONTH.test(partial)) {
    if (!end) return `${partial}-01`;
    const last = new Date(Date.UTC(Number(partial.slice(0, 4)), Number(partial.slice(5)), 0)).getUTCDate();
    return `${partial}-${String(last).padStart(2, '0')}`;
  }
  if (partial.length === 4 && YEAR.test(partial)) return end ? `${partial}-12-31` : `${partial}-01-01`;
  return partial;
}

/** ISO dates in order: as strings, without a locale's collation (`localeCompare`), which gives the same order. */
const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export interface SchedulePoint {
  date: string;
  value: number;
}

/** A count per year: a number that is not a running total (rule 9). A percentage never is (rule 10). */
const isCountPerYear = (input: ProgressInput) => input.measure === 'number' && input.cumulative === false;

/** The date a target stands for: a milestone's date, a year's 31 December, the end target at the end. */
function targetDateOf(t: ProgressTarget, end: string | null | undefined): string | null {
  const date =
    t.kind === 'milestone'
      ? (t.date ?? t.value?.date ?? null)
      : t.kind === 'annual'
        ? t.year !== null
          ? String(t.year)
          : null
        : (t.date ?? end ?? null);
  return date ? dateOf(date) : null;
}

/** The points the indicator is expected to pass through, in date order. */
export function schedule(input: ProgressInput, baseline: number | null): SchedulePoint[] {
  const points: SchedulePoint[] = [];
  const startDate = input.baseline?.date ? dateOf(input.baseline.date, false) : (input.start ?? null);
  if (baseline !== null && startDate) points.push({ date: startDate, value: baseline });
  // a count per year's yearly targets are each year's own figure, not points on the way to the end target
  const perYear = isCountPerYear(input);
  for (const t of input.targets) {
    if (!t.value) continue;
    if (perYear && t.kind === 'annual') continue;
    const r = resolveTarget(t.value.spec, baseline);
    if (!('value' in r)) continue;
    const date = targetDateOf(t, input.end);
    if (!date) continue;
    points.push({ date, value: r.value });
  }
  points.sort(byDate);
  return points;
}

/** The value expected at `date` with the two known points around it: straight between them. */
export function expectedBetween(
  points: SchedulePoint[],
  date: string,
): { value: number; from: SchedulePoint; to: SchedulePoint } | null {
  if (!points.length) return null;
  if (date <= points[0]!.date) return { value: points[0]!.value, from: points[0]!, to: points[0]! };
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (date <= b.date) {
      const span = days(b.date) - days(a.date);
      if (span <= 0) return { value: b.value, from: a, to: b };
      return { value: a.value + ((b.value - a.value) * (days(date) - days(a.date))) / span, from: a, to: b };
    }
  }
  const last = points.at(-1)!;
  return { value: last.value, from: last, to: last };
}

/** The value expected at `date`: straight between the two known points around it. */
export function expectedAt(points: SchedulePoint[], date: string): number | null {
  return expectedBetween(points, date)?.value ?? null;
}

function partsOf(spec: ValueSpec | undefined): ValuePart[] {
  return spec && (spec.kind === 'number' || spec.kind === 'percent') ? (spec.parts ?? []) : [];
}

function compareParts(target: StoredValue | null, actual: StoredValue | null): Progress['parts'] {
  const wanted = partsOf(target?.spec);
  if (!wanted.length) return [];
  const got = partsOf(actual?.spec);
  const total = actual ? plainNumber(actual.spec) : null;
  return wanted.map((part) => {
    const match = got.find(
      (g) => g.group === part.group && (part.group !== 'other' || (g.label ?? '') === (part.label ?? '')),
    );
    let value: number | null = null;
    if (match) {
      if (part.unit === match.unit) value = match.value;
      else if (part.unit === 'percent' && total) value = Math.round((match.value / total) * 1000) / 10;
      else if (part.unit === 'count' && total !== null) value = Math.round((match.value / 100) * total);
    }
    return {
      group: part.label ?? part.group,
      target: part.value,
      unit: part.unit,
      actual: value,
      met: value === null ? null : value >= part.value,
    };
  });
}

const round = (n: number | null, digits = 4) =>
  n === null || !Number.isFinite(n) ? null : Math.round(n * 10 ** digits) / 10 ** digits;

/** Which target a line is measured against (rules 8 and 9), and how. */
function chooseTarget(input: ProgressInput): {
  target: ProgressTarget | undefined;
  mode: 'trajectory' | 'per_period';
} {
  const valued = input.targets.filter((t) => t.value);
  if (isCountPerYear(input)) {
    const year = Number(input.asOf.slice(0, 4));
    const ofYear = valued.find((t) => t.kind === 'annual' && t.year === year);
    if (ofYear) return { target: ofYear, mode: 'per_period' };
  }
  const end = valued.find((t) => t.kind === 'end');
  if (end) return { target: end, mode: 'trajectory' };
  // no end target: the one in force — the first on or after the actual's date, else the last
  const dated = valued
    .map((t) => ({ t, date: targetDateOf(t, input.end) }))
    .filter((x): x is { t: ProgressTarget; date: string } => x.date !== null)
    .sort(byDate);
  return { target: (dated.find((x) => x.date >= input.asOf) ?? dated.at(-1))?.t, mode: 'trajectory' };
}

/** Progress of an indicator at a date: achievement, expected value, pace and status (see the rule above). */
export function computeProgress(input: ProgressInput): Progress {
  const baselineSpec = input.baseline?.spec;
  const { target: chosen, mode } = chooseTarget(input);
  const endTargetRow = input.targets.find((t) => t.kind === 'end' && t.value);
  const targetSpec = chosen?.value?.spec;
  const binary =
    input.measure === 'document' ||
    input.measure === 'yes_no' ||
    targetSpec?.kind === 'document' ||
    targetSpec?.kind === 'boolean';

  let baseline = baselineSpec ? plainNumber(baselineSpec) : null;
  if (baselineSpec?.kind === 'multi') baseline = null;
  // a count the project produces starts from zero when its baseline is still to be established
  if (
    baseline === null &&
    (binary || (input.measure === 'number' && targetSpec && targetSpec.kind !== 'relative'))
  ) {
    baseline = 0;
  }
  const actual = input.actual ? plainNumber(input.actual.spec) : null;
  const endResolved = endTargetRow?.value ? resolveTarget(endTargetRow.value.spec, baseline) : null;
  const targetDate = chosen ? targetDateOf(chosen, input.end) : null;
  const closed = Boolean(input.today && targetDate && input.today > targetDate);
  const basis: ProgressBasis = {
    mode,
    baseline: {
      text: input.baseline?.text ?? null,
      date: input.baseline?.date ?? input.start ?? null,
    },
    target: chosen?.value
      ? { kind: chosen.kind, year: chosen.year, date: targetDate, text: chosen.value.text }
      : null,
    endTarget: endTargetRow?.value
      ? { text: endTargetRow.value.text, date: targetDateOf(endTargetRow, input.end) }
      : null,
    actual: input.actual
      ? {
          text: input.actual.text,
          asOf: input.asOf,
          from: input.actualFrom ?? null,
          provenance: input.actualProvenance ?? null,
        }
      : null,
    expected: null,
    closed,
  };
  const base: Progress = {
    status: 'no_target',
    direction: input.direction,
    baseline,
    target: null,
    targetDate: null,
    endTarget: endResolved && 'value' in endResolved ? endResolved.value : null,
    actual,
    achievement: null,
    expected: null,
    pace: null,
    reason: null,
    parts: compareParts(chosen?.value ?? null, input.actual),
    basis,
  };
  if (!targetSpec) return { ...base, status: 'no_target', reason: 'no_target' };
  if (baselineSpec?.kind === 'multi' || input.actual?.spec.kind === 'multi')
    return { ...base, status: 'not_measurable', reason: 'multi' };
  const resolved = resolveTarget(targetSpec, baseline);
  if (!('value' in resolved)) return { ...base, status: 'not_measurable', reason: resolved.reason };
  const target = resolved.value;
  const direction: Direction =
    targetSpec.kind === 'relative'
      ? targetSpec.direction
      : input.direction === 'maintain'
        ? 'maintain'
        : baseline !== null && target < baseline
          ? 'decrease'
          : input.direction === 'decrease' && baseline !== null && target > baseline
            ? 'increase'
            : input.direction;

  // the expected value (rule 4, or rule 9 for a count per year), never beyond the target
  let expected: number | null = null;
  if (mode === 'per_period' && targetDate) {
    const yearStart = `${targetDate.slice(0, 4)}-01-01`;
    const from = input.start && input.start > yearStart ? input.start : yearStart;
    const between = expectedBetween(
      [
        { date: from, value: 0 },
        { date: targetDate, value: target },
      ],
      input.asOf,
    );
    expected = between?.value ?? null;
    if (between) basis.expected = { asOf: input.asOf, from: between.from, to: between.to, capped: false };
  } else {
    const between = expectedBetween(schedule(input, baseline), input.asOf);
    if (between) {
      const beyond =
        direction === 'decrease'
          ? between.value < target
          : direction === 'increase' && between.value > target;
      expected = beyond ? target : between.value;
      basis.expected = { asOf: input.asOf, from: between.from, to: between.to, capped: beyond };
    }
  }
  const result: Progress = {
    ...base,
    direction,
    target,
    targetDate,
    expected: round(expected),
  };
  if (actual === null) return { ...result, status: 'no_data' };
  const verdict = (reached: boolean, open: Progress['status']): Progress['status'] =>
    reached ? 'achieved' : closed ? 'not_achieved' : open;

  if (binary) {
    const delivered = actual >= target;
    const due = targetDate ?? null;
    return {
      ...result,
      achievement: delivered ? 1 : 0,
      status: verdict(delivered, due && input.asOf > due ? 'off_track' : 'on_track'),
    };
  }

  if (direction === 'maintain') {
    const gap = target === 0 ? Math.abs(actual) : Math.abs(actual - target) / Math.abs(target);
    const open: Progress['status'] =
      gap <= maintainTolerance.onTrack
        ? 'on_track'
        : gap <= maintainTolerance.atRisk
          ? 'at_risk'
          : 'off_track';
    return {
      ...result,
      achievement: round(1 - gap),
      status: closed ? (gap <= maintainTolerance.onTrack ? 'achieved' : 'not_achieved') : open,
    };
  }

  if (mode === 'per_period') {
    const achievement = target === 0 ? (actual >= 0 ? 1 : 0) : actual / target;
    const pace = !expected ? null : actual / expected;
    return {
      ...result,
      achievement: round(achievement),
      pace: round(pace),
      status: verdict(achievement >= 1, statusOfPace(pace)),
    };
  }

  if (baseline === null) return { ...result, status: 'not_measurable', reason: 'no_baseline' };
  const span = target - baseline;
  const achievement = span === 0 ? (actual === target ? 1 : 0) : (actual - baseline) / span;
  const expectedSpan = expected === null ? 0 : expected - baseline;
  const pace = expectedSpan === 0 ? null : (actual - baseline) / expectedSpan;
  return {
    ...result,
    achievement: round(achievement),
    pace: round(pace),
    status: verdict(achievement >= 1, statusOfPace(pace)),
  };
}

const statusOfPace = (pace: number | null): Progress['status'] =>
  pace === null || pace >= paceThresholds.onTrack
    ? 'on_track'
    : pace >= paceThresholds.atRisk
      ? 'at_risk'
      : 'off_track';
