/**
 * Which version of its original a translation translated (docs/decisions/0020, "Out-of-date translations"):
 * the server records a fingerprint of the original with every translation it writes
 * (`content.translatedFrom.<language>.<place>`); a translation whose original no longer has that fingerprint was
 * made from an earlier text and is out of date. Pure and shared: the server stamps, the checks list, the
 * editors (PBF and quarterly) mark and offer to confirm.
 */
import type { ReportContent, ReportModel } from '../contracts/report.js';
import type { ReportTemplate } from '../contracts/report-template.js';
import type { Locale } from '../i18n/locale.js';
import { dictionary, ownValue } from '../lib/safe-keys.js';
import { rowFigures } from './assemble.js';
import { parseTextPlace } from './content-paths.js';
import { fieldText, textPlaces, translationOf, withLanguages, type TextPlace } from './languages.js';

/**
 * A short fingerprint of a text (cyrb53, base 36): equal for the same words whatever the spaces around and
 * between them — re-spacing an original does not ask for its translation again. Not a secret, only a witness.
 */
export function fingerprintOf(text: string): string {
  const words = text.normalize('NFC').trim().replace(/\s+/gu, ' ');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < words.length; i++) {
    const c = words.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The fingerprint recorded with a place's translation, if any. */
export function stampOf(content: ReportContent, language: Locale, place: string): string | undefined {
  const stamps = content.translatedFrom && ownValue(content.translatedFrom, language);
  return stamps && ownValue(stamps, place);
}

/**
 * A translation made from another text than `original`: it has a fingerprint, and the original's is not it.
 * A translation without one (written before fingerprints, or imported without) counts as current.
 */
export function isOutOfDate(stamp: string | undefined, original: string): boolean {
  return stamp !== undefined && stamp !== fingerprintOf(original);
}

/**
 * The original a place shows, read in `content` (the content being saved, which may change it in the same
 * write): a field's text; a Part V cell's written text, else the value of record the report shows in it —
 * which needs the assembled `model` (its rows' records): without it, such a cell's original is unknown.
 */
export function originalAt(
  template: ReportTemplate,
  content: ReportContent,
  place: string,
  model?: ReportModel,
): string | undefined {
  const parsed = parseTextPlace(place);
  if (!parsed) return undefined;
  if (parsed.kind === 'indicator') {
    const written = ownValue(content.indicators, parsed.indicator);
    if (!model && !written?.[parsed.column]) return undefined;
    const row = model?.outcomes
      .flatMap((o) => [...o.indicators, ...o.outputs.flatMap((x) => x.indicators)])
      .find((r) => r.code === parsed.indicator);
    return rowFigures(row?.record ?? null, written)[parsed.column] ?? '';
  }
  const inOutcomes = parsed.kind === 'outcome_field';
  const field = template.sections
    .filter((s) => (s.kind === 'outcomes') === inOutcomes)
    .flatMap((s) => s.fields)
    .find((f) => f.id === parsed.field);
  if (!field) return undefined;
  if (parsed.kind === 'field') return fieldText(field, ownValue(content.fields, parsed.field));
  const outcome = ownValue(content.outcomes, parsed.outcome);
  return fieldText(field, outcome && ownValue(outcome.fields, parsed.field));
}

/**
 * `content` with the fingerprint of each place's original (`originalOf`) recorded beside its translation in
 * `language`; a place without a translation, or whose original is unknown, has none (it counts as current).
 */
export function stampTranslations(
  content: ReportContent,
  places: readonly { language: Locale; place: string }[],
  originalOf: (place: string) => string | undefined,
): ReportContent {
  if (places.length === 0) return content;
  const translatedFrom: Partial<Record<Locale, Record<string, string>>> = { ...content.translatedFrom };
  for (const { language, place } of places) {
    // places are checked keys (parseContentPath), written into an object without a prototype all the same
    const stamps = Object.assign(dictionary<string>(), ownValue(translatedFrom, language));
    const original = translationOf(content, language, place) === undefined ? undefined : originalOf(place);
    if (original === undefined) delete stamps[place];
    else stamps[place] = fingerprintOf(original);
    translatedFrom[language] = { ...stamps };
  }
  return { ...content, translatedFrom };
}

/** Every translation of `content` that has no fingerprint yet (a whole report imported with its translations). */
export function unstampedTranslations(content: ReportContent): { language: Locale; place: string }[] {
  const c = withLanguages(content);
  return (Object.keys(c.translations) as Locale[]).flatMap((language) =>
    Object.keys(ownValue(c.translations, language) ?? {})
      .filter((place) => stampOf(c, language, place) === undefined)
      .map((place) => ({ language, place })),
  );
}

/** The places whose translation into `language` was made from an earlier version of their original. */
export function outOfDatePlaces(model: ReportModel, template: ReportTemplate, language: Locale): TextPlace[] {
  const content = withLanguages(model.content);
  if (content.language === language) return [];
  return textPlaces({ ...model, content }, template).filter(
    (place) =>
      translationOf(content, language, place.path) !== undefined &&
      isOutOfDate(stampOf(content, language, place.path), place.original),
  );
}
