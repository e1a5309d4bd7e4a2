/**
 * Does a value fit its indicator? The one rule every write of an indicator value applies — the API and the
 * web form (live, before sending), the value import (per row), the CLI — so "beaucoup" is never the current
 * value of a "number of people" indicator (issue 14).
 *
 * - The kind must fit the measure: a count (with its parts by group) for `number`, a share 0–100 for `percent`
 *   (a bare number is read as a percentage there), yes/no for `yes_no`, a document or a count of documents for
 *   `document`, a number or a share for `index`; `text` takes anything. "n/a" and "TBD" (no measure this
 *   period) fit every measure: they say there is no figure, they do not pretend to be one.
 * - A breakdown must be consistent with its total. Groups may overlap (youth are women or men; "autorités
 *   locales" are anyone), so the rule is only what holds whatever the overlap: no single part exceeds the total
 *   (or 100 for a share), and the disjoint groups — women, men, girls, boys (sex × adult/child) — together do not
 *   exceed it either.
 *
 * Pure and isomorphic: it returns findings as message keys with their parameters, said by `t` on the server
 * and `useT()` in the web (catalogue `checks.value`).
 */
import type { indicatorMeasures } from '../contracts/programme-document.js';
import type { ValueGroup, ValuePart, ValueSpec } from '../contracts/value-spec.js';
import { formatNumber } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import type { Params } from '../i18n/translate.js';

export type IndicatorMeasure = (typeof indicatorMeasures)[number];

export type ValueFinding =
  | { key: 'checks.value.notANumber'; params: { text: string } }
  | { key: 'checks.value.notAPercent'; params: { text: string } }
  | { key: 'checks.value.notYesNo'; params: { text: string } }
  | { key: 'checks.value.notADocument'; params: { text: string } }
  | { key: 'checks.value.percentOutOfRange'; params: { value: number } }
  | { key: 'checks.value.negative'; params: { value: number } }
  | { key: 'checks.value.partOverTotal'; params: { label: string; part: number; total: number } }
  | { key: 'checks.value.partOver100'; params: { label: string; part: number } }
  | { key: 'checks.value.disjointOverTotal'; params: { labels: string; sum: number; total: number } };

/** The groups no person belongs to twice: sex × adult/child. Youth and named groups overlap them. */
const disjointGroups = new Set<ValuePart['group']>(['women', 'men', 'girls', 'boys']);

// the groups of value-spec.ts, kept here as plain data: the web imports this file and no Zod
const groupNames = new Set<string>([
  'women',
  'men',
  'youth',
  'girls',
  'boys',
  'other',
] satisfies ValueGroup[]);

const labelOf = (p: ValuePart) => p.label ?? p.group;

/** The parts of a total: each at most the total, the disjoint ones together too. */
function checkParts(parts: ValuePart[], total: number, totalIsPercent: boolean): ValueFinding[] {
  const findings: ValueFinding[] = [];
  // a share of a count is out of 100; a count inside a percentage has no total to compare with
  const counts = totalIsPercent ? [] : parts.filter((p) => p.unit === 'count');
  const shares = parts.filter((p) => p.unit === 'percent');
  for (const p of parts)
    if (p.value < 0) findings.push({ key: 'checks.value.negative', params: { value: p.value } });
  for (const p of counts)
    if (p.value > total)
      findings.push({
        key: 'checks.value.partOverTotal',
        params: { label: labelOf(p), part: p.value, total },
      });
  for (const p of shares)
    if (p.value > 100)
      findings.push({ key: 'checks.value.partOver100', params: { label: labelOf(p), part: p.value } });
  const disjoint = (of: ValuePart[], limit: number) => {
    const chosen = of.filter((p) => disjointGroups.has(p.group));
    // the same group named twice ("40 femmes … dont 20 femmes rurales") is a part of a part, not a second group
    if (new Set(chosen.map((p) => p.group)).size !== chosen.length || chosen.length < 2) return;
    const sum = chosen.reduce((s, p) => s + p.value, 0);
    if (sum > limit && chosen.every((p) => p.value <= limit))
      findings.push({
        key: 'checks.value.disjointOverTotal',
        params: { labels: chosen.map(labelOf).join(' + '), sum, total: limit },
      });
  };
  disjoint(counts, total);
  disjoint(shares, 100);
  return findings;
}

function checkPercent(value: number): ValueFinding[] {
  return value < 0 || value > 100 ? [{ key: 'checks.value.percentOutOfRange', params: { value } }] : [];
}

/** Kinds that say there is no figure: they fit every measure. */
const noFigure = new Set<ValueSpec['kind']>(['tbd', 'not_applicable']);

/**
 * What is wrong with `spec` (written as `text`) as a value of an indicator measured as `measure`; empty when it
 * fits.
 */
export function valueFindings(measure: IndicatorMeasure, spec: ValueSpec, text: string): ValueFinding[] {
  if (noFigure.has(spec.kind) || measure === 'text') return [];
  switch (measure) {
    case 'number':
      if (spec.kind === 'number')
        return spec.value < 0
          ? [{ key: 'checks.value.negative', params: { value: spec.value } }]
          : checkParts(spec.parts ?? [], spec.value, false);
      if (spec.kind === 'multi' && spec.items.every((i) => i.kind === 'number'))
        return spec.items.flatMap((i) =>
          i.value < 0 ? [{ key: 'checks.value.negative' as const, params: { value: i.value } }] : [],
        );
      return [{ key: 'checks.value.notANumber', params: { text } }];
    case 'percent':
      if (spec.kind === 'percent' || (spec.kind === 'number' && !spec.unit))
        return [...checkPercent(spec.value), ...checkParts(spec.parts ?? [], spec.value, true)];
      if (spec.kind === 'multi' && spec.items.every((i) => i.kind === 'percent'))
        return spec.items.flatMap((i) => checkPercent(i.value));
      return [{ key: 'checks.value.notAPercent', params: { text } }];
    case 'yes_no':
      return spec.kind === 'boolean' ? [] : [{ key: 'checks.value.notYesNo', params: { text } }];
    case 'document':
      return spec.kind === 'document' || spec.kind === 'boolean' || spec.kind === 'text'
        ? []
        : spec.kind === 'number' && spec.value >= 0
          ? []
          : [{ key: 'checks.value.notADocument', params: { text } }];
    case 'index':
      if (spec.kind === 'number' || spec.kind === 'percent')
        return spec.value < 0 ? [{ key: 'checks.value.negative', params: { value: spec.value } }] : [];
      if (spec.kind === 'multi') return [];
      return [{ key: 'checks.value.notANumber', params: { text } }];
  }
}

/**
 * The value as an indicator keeps it: a bare number of a percentage indicator is a percentage ("45" → 45 %),
 * so progress and aggregation read it as one.
 */
export function fitToIndicator(measure: IndicatorMeasure, spec: ValueSpec): ValueSpec {
  if (measure === 'percent' && spec.kind === 'number' && !spec.unit) {
    const { unit: _unit, kind: _kind, ...rest } = spec;
    return { ...rest, kind: 'percent' };
  }
  return spec;
}

/** Says a finding in the reader's language: `say` is the server's `tIn(locale)` or the web's `useT()`. */
export function sayValueFinding(
  finding: ValueFinding,
  say: (key: ValueFinding['key'] | `checks.value.groups.${ValueGroup}`, params?: Params) => string,
  locale: Locale,
): string {
  const number = (n: number) => formatNumber(n, locale);
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(finding.params))
    params[name] = typeof value === 'number' ? number(value) : value;
  if ('label' in finding.params) params.label = groupLabel(finding.params.label, say);
  if ('labels' in finding.params)
    params.labels = finding.params.labels
      .split(' + ')
      .map((l) => groupLabel(l, say))
      .join(' + ');
  return say(finding.key, params);
}

/** A group's name in the reader's language; a document's own label ("autorités locales") as it is written. */
function groupLabel(label: string, say: (key: `checks.value.groups.${ValueGroup}`) => string): string {
  return groupNames.has(label) ? say(`checks.value.groups.${label as ValueGroup}`) : label;
}
