import type { FrameworkTree, Indicator, IndicatorValue } from '../../../core/contracts/programme-api.js';
import type { FrameworkVersion, IndicatorInput } from '../../../core/contracts/programme-document.js';
import { groupBy } from '../../../core/lib/group-by.js';
import type * as t from '../../db/schema/index.js';
import { presentVersionSummary, text } from '../programmes/programmes.presenter.js';
import type {
  AlignmentRow,
  FrameworkRows,
  IndicatorBasisRow,
  IndicatorRow,
  TargetRow,
  ValueRow,
} from './frameworks.queries.js';

const presentAlignment = (a: AlignmentRow) => ({
  framework: a.framework,
  code: a.code,
  title: a.title,
  ...(a.note ? { note: a.note } : {}),
});

export function presentValue(v: ValueRow): IndicatorValue {
  return {
    id: v.id,
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    value: v.value ?? null,
    reason: v.reason,
    provenance: v.provenance,
  };
}

export function presentIndicator(
  i: IndicatorRow,
  targets: TargetRow[],
  alignments: AlignmentRow[],
  latest: ValueRow | undefined,
): Indicator {
  return {
    id: i.id,
    code: i.code,
    title: text(i.titleFr, i.titleEn),
    measure: i.measure,
    direction: i.direction,
    cumulative: i.cumulative,
    unit: i.unit,
    disaggregations: i.disaggregations as Indicator['disaggregations'],
    baseline: i.baseline ?? null,
    targets: targets.map((x) => ({ kind: x.kind, year: x.year, date: x.date, value: x.value ?? null })),
    sources: i.sources,
    alignments: alignments.map(presentAlignment),
    notes: i.notes,
    latestValue: latest ? presentValue(latest) : null,
    version: i.version,
  };
}

/** An indicator as the dashboards measure its progress (`progressOf`), with where it sits in its framework. */
export interface IndicatorBasis {
  indicator: Pick<
    Indicator,
    'id' | 'code' | 'title' | 'unit' | 'measure' | 'direction' | 'cumulative' | 'baseline' | 'targets'
  >;
  outcomeCode: string;
  outputCode: string | null;
}

/** The indicator as `presentIndicator` shows these fields. */
export function presentBasis(r: IndicatorBasisRow): IndicatorBasis {
  return {
    indicator: {
      id: r.id,
      code: r.code,
      title: text(r.titleFr, r.titleEn),
      unit: r.unit,
      measure: r.measure,
      direction: r.direction,
      cumulative: r.cumulative,
      baseline: r.baseline ?? null,
      targets: r.targets.map(([kind, year, date, value]) => ({ kind, year, date, value: value ?? null })),
    },
    outcomeCode: r.outcomeCode,
    outputCode: r.outputCode,
  };
}

/** The framework version as a tree: outcome → (its indicators, outputs → indicators and activities). */
export function presentFramework(
  version: typeof t.frameworkVersions.$inferSelect,
  inForce: boolean,
  rows: FrameworkRows,
): FrameworkTree {
  const targets = groupBy(rows.targets, (x) => x.indicatorId);
  const alignments = groupBy(
    rows.alignments.filter((a) => a.indicatorId),
    (a) => a.indicatorId,
  );
  const latest = new Map(rows.latestValues.map((v) => [v.indicatorId, v]));
  const indicator = (i: IndicatorRow) =>
    presentIndicator(i, targets.get(i.id) ?? [], alignments.get(i.id) ?? [], latest.get(i.id));
  const outcomeIndicators = groupBy(
    rows.indicators.filter((i) => !i.outputId),
    (i) => i.outcomeId,
  );
  const outputIndicators = groupBy(
    rows.indicators.filter((i) => i.outputId),
    (i) => i.outputId,
  );
  const outputs = groupBy(rows.outputs, (o) => o.outcomeId);
  const activities = groupBy(rows.activities, (a) => a.outputId);
  return {
    ...presentVersionSummary(version, inForce),
    alignments: rows.alignments.filter((a) => !a.indicatorId).map(presentAlignment),
    outcomes: rows.outcomes.map((o) => ({
      id: o.id,
      code: o.code,
      statement: text(o.statementFr, o.statementEn),
      indicators: (outcomeIndicators.get(o.id) ?? []).map(indicator),
      outputs: (outputs.get(o.id) ?? []).map((out) => ({
        id: out.id,
        code: out.code,
        statement: text(out.statementFr, out.statementEn),
        indicators: (outputIndicators.get(out.id) ?? []).map(indicator),
        activities: (activities.get(out.id) ?? []).map((a) => ({
          id: a.id,
          code: a.code,
          title: text(a.titleFr, a.titleEn),
        })),
      })),
    })),
  };
}

/** One indicator back into the document form (its values written as their original wording). */
export function indicatorToDocument(i: Indicator): IndicatorInput {
  const doc: IndicatorInput = {
    code: i.code,
    title: i.title,
    measure: i.measure,
    direction: i.direction,
    cumulative: i.cumulative,
    disaggregations: i.disaggregations,
    sources: i.sources,
  };
  const asInput = (v: NonNullable<Indicator['baseline']>) => ({
    text: v.text,
    spec: v.spec,
    ...(v.date ? { date: v.date } : {}),
    ...(v.source ? { source: v.source } : {}),
  });
  if (i.unit) doc.unit = i.unit;
  if (i.notes) doc.notes = i.notes;
  if (i.baseline) doc.baseline = asInput(i.baseline);
  const end = i.targets.find((x) => x.kind === 'end');
  if (end?.value) doc.endTarget = asInput(end.value);
  const milestones = i.targets.filter((x) => x.kind === 'milestone' && x.value);
  if (milestones.length) {
    doc.milestones = milestones.map((m) => ({
      ...(m.date && /^\d{4}-\d{2}/.test(m.date) ? { date: m.date } : {}),
      value: asInput(m.value!),
    }));
  }
  const annual = i.targets.filter((x) => x.kind === 'annual' && x.year !== null);
  if (annual.length)
    doc.targets = Object.fromEntries(annual.map((a) => [String(a.year), a.value ? asInput(a.value) : null]));
  if (i.alignments.length) doc.alignments = i.alignments;
  return doc;
}

/** A framework tree back into the document form: for export, and for copying a version into a new one. */
export function frameworkToDocument(f: FrameworkTree): FrameworkVersion {
  return {
    version: f.version,
    label: f.label,
    effectiveDate: f.effectiveDate,
    reason: f.reason,
    alignments: f.alignments,
    outcomes: f.outcomes.map((o) => ({
      code: o.code,
      statement: o.statement,
      indicators: o.indicators.map(indicatorToDocument),
      outputs: o.outputs.map((out) => ({
        code: out.code,
        statement: out.statement,
        indicators: out.indicators.map(indicatorToDocument),
        activities: out.activities.map((a) => ({ code: a.code, title: a.title })),
      })),
    })),
  } as FrameworkVersion;
}
