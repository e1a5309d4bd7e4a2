/**
 * The framework as `GET /programmes/:slug/framework` sends it, and back: `compactFramework` (the server) leaves
 * out what is empty, gives each indicator's targets by kind and a value as its wording alone when the wording
 * reads as that value; `expandFramework` (the web, the tests) gives the tree back exactly as the server read it.
 * The framework page reads every indicator on every visit: at PROSMED's size this is 82 KB → about 50 KB.
 */
import type {
  Framework,
  FrameworkIndicator,
  FrameworkTree,
  FrameworkValue,
  Indicator,
  IndicatorTarget,
} from '../contracts/programme-api.js';
import type { StoredValue } from '../contracts/value-spec.js';
import { toStoredValue } from './stored-value.js';

/** The same JSON whatever the order of the keys (PostgreSQL's jsonb keeps them in its own order). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    keysA.length === keysB.length &&
    keysA.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

const readAs = (measure: Indicator['measure']) => ({ percentIndicator: measure === 'percent' });

function compactValue(value: StoredValue, measure: Indicator['measure']): FrameworkValue {
  return sameJson(toStoredValue(value.text, readAs(measure)), value) ? value.text : value;
}

function expandValue(value: FrameworkValue, measure: Indicator['measure']): StoredValue {
  return typeof value === 'string' ? toStoredValue(value, readAs(measure)) : value;
}

/**
 * The targets fit the compact form when they are as the framework writes them: yearly ones by year (each once,
 * ascending) without a date, milestones without a year, at most one end target without either; and come in the order the
 * server reads them (kind, then year, then their place).
 */
function fitsByKind(targets: IndicatorTarget[]): boolean {
  const order = { annual: 0, milestone: 1, end: 2 };
  let ends = 0;
  let last = -1;
  let lastYear = -Infinity;
  for (const target of targets) {
    if (order[target.kind] < last) return false;
    last = order[target.kind];
    if (target.kind === 'annual') {
      if (target.year === null || target.date !== null || target.year <= lastYear) return false;
      lastYear = target.year;
    } else if (target.year !== null) return false;
    if (target.kind === 'end' && (target.date !== null || ++ends > 1)) return false;
  }
  return true;
}

export function compactIndicator(i: Indicator): FrameworkIndicator {
  const value = (v: StoredValue | null) => (v === null ? null : compactValue(v, i.measure));
  const out: FrameworkIndicator = {
    id: i.id,
    code: i.code,
    title: i.title,
    measure: i.measure,
    direction: i.direction,
    cumulative: i.cumulative,
    version: i.version,
  };
  if (i.unit !== null) out.unit = i.unit;
  if (i.disaggregations.length) out.disaggregations = i.disaggregations;
  if (i.baseline) out.baseline = compactValue(i.baseline, i.measure);
  if (fitsByKind(i.targets)) {
    const annual = i.targets.filter((x) => x.kind === 'annual');
    const milestones = i.targets.filter((x) => x.kind === 'milestone');
    const end = i.targets.find((x) => x.kind === 'end');
    if (end) out.endTarget = value(end.value);
    if (annual.length)
      out.annualTargets = Object.fromEntries(annual.map((x) => [String(x.year), value(x.value)]));
    if (milestones.length)
      out.milestones = milestones.map((m) => ({
        ...(m.date !== null ? { date: m.date } : {}),
        value: value(m.value),
      }));
  } else out.targets = i.targets;
  if (i.sources.length) out.sources = i.sources;
  if (i.alignments.length) out.alignments = i.alignments;
  if (i.notes !== null) out.notes = i.notes;
  if (i.latestValue) out.latestValue = i.latestValue;
  return out;
}

export function expandIndicator(i: FrameworkIndicator): Indicator {
  const value = (v: FrameworkValue | null) => (v === null ? null : expandValue(v, i.measure));
  const targets: IndicatorTarget[] = i.targets ?? [
    ...Object.entries(i.annualTargets ?? {})
      .map(([year, v]) => ({ kind: 'annual' as const, year: Number(year), date: null, value: value(v) }))
      .sort((a, b) => a.year - b.year),
    ...(i.milestones ?? []).map((m) => ({
      kind: 'milestone' as const,
      year: null,
      date: m.date ?? null,
      value: value(m.value),
    })),
    ...(i.endTarget !== undefined
      ? [{ kind: 'end' as const, year: null, date: null, value: value(i.endTarget) }]
      : []),
  ];
  return {
    id: i.id,
    code: i.code,
    title: i.title,
    measure: i.measure,
    direction: i.direction,
    cumulative: i.cumulative,
    unit: i.unit ?? null,
    disaggregations: i.disaggregations ?? [],
    baseline: i.baseline !== undefined ? expandValue(i.baseline, i.measure) : null,
    targets,
    sources: i.sources ?? [],
    alignments: i.alignments ?? [],
    notes: i.notes ?? null,
    latestValue: i.latestValue ?? null,
    version: i.version,
  };
}

/** The tree → what the route sends. */
export function compactFramework(f: FrameworkTree): Framework {
  return {
    ...f,
    outcomes: f.outcomes.map((o) => ({
      ...o,
      indicators: o.indicators.map(compactIndicator),
      outputs: o.outputs.map((out) => ({ ...out, indicators: out.indicators.map(compactIndicator) })),
    })),
  };
}

/** What the route sent → the tree, exactly as the server read it. */
export function expandFramework(f: Framework): FrameworkTree {
  return {
    ...f,
    outcomes: f.outcomes.map((o) => ({
      ...o,
      indicators: o.indicators.map(expandIndicator),
      outputs: o.outputs.map((out) => ({ ...out, indicators: out.indicators.map(expandIndicator) })),
    })),
  };
}
