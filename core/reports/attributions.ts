/**
 * Which recipient agency writes which part of a report: the coordinator gives a section, or one outcome of the
 * outcomes section, to one or more agencies; each place of the content belongs to one such unit. Pure and
 * shared: the server refuses a focal point's change outside their agency's units, the editor shows those units
 * writable and the rest read-only, and both count each unit's completion the same way.
 */
import type { ReportAttribution, ReportCompletion, ReportUnit } from '../contracts/report-workflow.js';
import type { ReportModel } from '../contracts/report.js';
import type { ReportTemplate } from '../contracts/report-template.js';
import { applies, isEmpty } from './checks.js';
import { getAt, type ContentPath } from './content-paths.js';

/** The unit a place of the content belongs to: its section, and its outcome for an outcome's rating and fields. */
export function unitOf(template: ReportTemplate, path: ContentPath): ReportUnit | undefined {
  switch (path.kind) {
    case 'field': {
      const section = template.sections.find(
        (s) => s.kind === 'fields' && s.fields.some((f) => f.id === path.field),
      );
      return section && { section: section.id, outcome: null };
    }
    case 'outcome_rating':
    case 'outcome_field': {
      const section = template.sections.find((s) => s.kind === 'outcomes');
      return section && { section: section.id, outcome: path.outcome };
    }
    case 'indicator': {
      const section = template.sections.find((s) => s.kind === 'indicator_table');
      return section && { section: section.id, outcome: null };
    }
    // a translation is written by whoever writes its place
    case 'translation':
      return unitOf(template, path.of);
    // the report's languages are the coordinator's
    case 'language':
    case 'wanted':
      return undefined;
  }
}

/** The agencies (codes) a unit is given to: its outcome's own attribution, else its section's; [] for none. */
export function agenciesOf(attributions: readonly ReportAttribution[], unit: ReportUnit): string[] {
  const own =
    unit.outcome === null
      ? undefined
      : attributions.find((a) => a.section === unit.section && a.outcome === unit.outcome);
  if (own && own.agencies.length > 0) return own.agencies;
  return attributions.find((a) => a.section === unit.section && a.outcome === null)?.agencies ?? [];
}

/** Whether `writable` (the reader's units) lets them write `unit`: the unit itself, or its whole section. */
export function unitWritable(writable: readonly ReportUnit[], unit: ReportUnit): boolean {
  return writable.some(
    (w) => w.section === unit.section && (w.outcome === null || w.outcome === unit.outcome),
  );
}

/** The places of one unit the writers fill, each filled or not (derived fields and fields that do not apply left out). */
function placesOf(template: ReportTemplate, model: ReportModel, unit: ReportUnit): boolean[] {
  const section = template.sections.find((s) => s.id === unit.section);
  if (!section) return [];
  const content = model.content;
  if (section.kind === 'fields') {
    return section.fields
      .filter((f) => f.type !== 'derived' && applies(f, model))
      .map((f) => !isEmpty(getAt(content, { kind: 'field', field: f.id })));
  }
  if (section.kind === 'outcomes') {
    const outcomes = model.outcomes.filter((o) => unit.outcome === null || o.code === unit.outcome);
    return outcomes.flatMap((o) => [
      getAt(content, { kind: 'outcome_rating', outcome: o.code }) !== null,
      ...section.fields
        .filter((f) => f.type !== 'derived' && applies(f, model))
        .map((f) => !isEmpty(getAt(content, { kind: 'outcome_field', outcome: o.code, field: f.id }))),
    ]);
  }
  if (section.kind === 'indicator_table') {
    return model.outcomes
      .flatMap((o) => [...o.indicators, ...o.outputs.flatMap((p) => p.indicators)])
      .filter((row) => row.included)
      .map((row) => (row.progress ?? '').trim() !== '');
  }
  return [];
}

/**
 * Every attributed unit with its agencies and how far it is written (places filled / places to fill), in the
 * template's order: the coordinator's view of completion per agency and section.
 */
export function completionOf(
  template: ReportTemplate,
  model: ReportModel,
  attributions: readonly ReportAttribution[],
): ReportCompletion[] {
  const order = (a: ReportAttribution) => template.sections.findIndex((s) => s.id === a.section);
  return [...attributions]
    .filter((a) => a.agencies.length > 0)
    .sort((a, b) => order(a) - order(b) || (a.outcome ?? '').localeCompare(b.outcome ?? ''))
    .map((a) => {
      const places = placesOf(template, model, a);
      return {
        section: a.section,
        outcome: a.outcome,
        agencies: a.agencies,
        filled: places.filter(Boolean).length,
        total: places.length,
      };
    });
}
