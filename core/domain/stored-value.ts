import type { IndicatorInput, ValueInput } from '../contracts/programme-document.js';
import type { StoredValue } from '../contracts/value-spec.js';
import { parseValueText, type ParseOptions } from './value-text.js';

/** A value as written (text, or text with an explicit structure) → the value as stored. */
export function toStoredValue(input: ValueInput, options: ParseOptions = {}): StoredValue {
  const given = typeof input === 'string' ? { text: input } : input;
  const parsed = parseValueText(given.text, options);
  const stored: StoredValue = {
    text: given.text.replace(/\s+/g, ' ').trim(),
    spec: given.spec ?? parsed.spec,
  };
  const date = given.date ?? parsed.date;
  const source = given.source ?? parsed.source;
  if (date) stored.date = date;
  if (source) stored.source = source;
  return stored;
}

const PERCENT_TITLE = /^(?:%|pourcentage|proportion|taux|part\b|percentage|share|rate)/i;

/** The indicator measures a percentage: said by its title, or by its baseline or targets. */
export function isPercentIndicator(
  indicator: Pick<IndicatorInput, 'title' | 'measure' | 'baseline' | 'endTarget'>,
): boolean {
  if (indicator.measure) return indicator.measure === 'percent';
  if (PERCENT_TITLE.test(indicator.title.fr.trim())) return true;
  const values = [indicator.baseline, indicator.endTarget].filter((v): v is ValueInput => v !== undefined);
  return values.some((v) => parseValueText(typeof v === 'string' ? v : v.text).spec.kind === 'percent');
}

/** The measure of an indicator the document does not state, inferred from its title and values. */
export function inferMeasure(
  indicator: IndicatorInput,
  values: StoredValue[],
): NonNullable<IndicatorInput['measure']> {
  if (indicator.measure) return indicator.measure;
  if (isPercentIndicator(indicator)) return 'percent';
  const kinds = new Set(values.map((v) => v.spec.kind));
  if (kinds.has('number') || kinds.has('multi')) return 'number';
  if (kinds.has('document')) return 'document';
  if (kinds.has('boolean')) return 'yes_no';
  if (/^(?:nombre|nbre|nb\b|number)/i.test(indicator.title.fr.trim())) return 'number';
  return kinds.size > 0 && [...kinds].every((k) => k === 'text') ? 'text' : 'number';
}
