import type { ValueSpec } from '../contracts/value-spec.js';
import { formatNumber, formatPercent } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';

/** A wording that begins with its number, alone or before a remark in brackets: "2330", "37,37% (Donnée nationale)". */
// the digits end on a digit: the space before a remark is the remark's ("150 (06/2021)" keeps its space)
const LEADING = /^(\d(?:[\d \u00a0\u202f]*\d)?(?:[.,]\d+)?)(\s?%)?(?=\s*(?:\(|$))/;

/**
 * A value's wording for a reader in `locale`: the document's own words, except a wording that is nothing but a
 * number ("2330", "37,37%"), maybe with a remark in brackets, whose number is written in the reader's format
 * ("2 330", "2,330", "37,37 %", "37.37%"). Anything with words around the number stays as the document has it,
 * and so does a number that does not read as the stored value.
 */
export function valueWording(text: string, spec: ValueSpec, locale: Locale): string {
  if (spec.kind !== 'number' && spec.kind !== 'percent') return text;
  const match = LEADING.exec(text.trim());
  if (!match) return text;
  const [lead, digits, percent] = match;
  if (Number(digits!.replace(/[ \u00a0\u202f]/g, '').replace(',', '.')) !== spec.value) return text;
  const rest = text.trim().slice(lead.length);
  if (spec.kind === 'number' && !spec.unit && !percent) return formatNumber(spec.value, locale) + rest;
  if (spec.kind === 'percent' && percent) return formatPercent(spec.value, locale, 2) + rest;
  return text;
}
