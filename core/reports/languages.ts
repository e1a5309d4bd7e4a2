/**
 * A report in two languages (docs/decisions/0020): the writers' texts are the original, in the report's
 * `language`; each translatable place may hold its text in another language (`content.translations`). Pure
 * and shared: the checks list what is not translated, the editor counts it, and the documents choose each
 * place's text in their language here, before any renderer — a place without a translation keeps its
 * original, which the documents mark as such and tag with its language.
 */
import type { LocalizedText } from '../contracts/programme-document.js';
import type { FieldValue, ReportContent, ReportIndicatorRow, ReportModel } from '../contracts/report.js';
import type { ReportTemplate, TemplateField } from '../contracts/report-template.js';
import { defaultLocale, isLocale, type Locale } from '../i18n/locale.js';
import { dictionary, ownValue } from '../lib/safe-keys.js';
import { applies } from './conditions.js';

/** A place of the report that holds a text to translate, with the text as written (the original). */
export interface TextPlace {
  /** `fields.overall_status`, `outcomes.1.fields.progress_summary`, `indicators.1.1.2.reason` */
  path: string;
  /** the template section it is in */
  section: string;
  /** the field's label; for a Part V cell, its indicator and column */
  label: { field: LocalizedText } | { indicator: string; column: 'progress' | 'reason' };
  original: string;
}

/** The field types whose value holds a text of the writer's (a `choice` holds a code, not a text). */
const textTypes = new Set<TemplateField['type']>(['text', 'short_text', 'yes_no_text', 'multi_choice']);

/** The text a field's value holds as a writer wrote it, for the types that hold one. */
export function fieldText(field: TemplateField, value: FieldValue | undefined): string {
  if (!textTypes.has(field.type) || value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'answer' in value) return value.text;
  if (typeof value === 'object' && 'selected' in value) return value.other ?? '';
  return '';
}

/** The value with its text replaced by `text` (the same shape: a yes/no keeps its answer). */
function withFieldText(field: TemplateField, value: FieldValue | undefined, text: string): FieldValue {
  if (field.type === 'yes_no_text' && value && typeof value === 'object' && 'answer' in value)
    return { ...value, text };
  if (field.type === 'multi_choice' && value && typeof value === 'object' && 'selected' in value)
    return { ...value, other: text };
  return text;
}

/**
 * A report's content with the fields bilingual texts added since: rows written before (and JSON restored
 * from an older backup) are French originals without translations.
 */
export function withLanguages(content: ReportContent): ReportContent {
  const c = content as Partial<ReportContent> & Omit<ReportContent, 'language' | 'wanted' | 'translations'>;
  if (isLocale(c.language) && Array.isArray(c.wanted) && c.translations) return content;
  return {
    ...content,
    language: isLocale(c.language) ? c.language : defaultLocale,
    wanted: Array.isArray(c.wanted) ? c.wanted : [],
    translations: c.translations ?? {},
  };
}

const allRows = (model: ReportModel): ReportIndicatorRow[] =>
  model.outcomes.flatMap((o) => [...o.indicators, ...o.outputs.flatMap((x) => x.indicators)]);

/** Every place holding a text, in the template's order (the sections that apply; Part V's included rows). */
export function textPlaces(model: ReportModel, template: ReportTemplate): TextPlace[] {
  const places: TextPlace[] = [];
  const seen = new Set<string>();
  const add = (place: TextPlace) => {
    if (place.original.trim() === '' || seen.has(place.path)) return;
    seen.add(place.path);
    places.push(place);
  };
  for (const section of template.sections) {
    if (!applies(section, model)) continue;
    if (section.kind === 'outcomes') {
      for (const outcome of model.outcomes) {
        const written = ownValue(model.content.outcomes, outcome.code);
        for (const field of section.fields) {
          const value = written && ownValue(written.fields, field.id);
          add({
            path: `outcomes.${outcome.code}.fields.${field.id}`,
            section: section.id,
            label: { field: field.label },
            original: fieldText(field, value),
          });
        }
      }
    } else if (section.kind === 'indicator_table') {
      for (const row of allRows(model).filter((r) => r.included)) {
        for (const column of ['progress', 'reason'] as const) {
          add({
            path: `indicators.${row.code}.${column}`,
            section: section.id,
            label: { indicator: row.code, column },
            original: row[column] ?? '',
          });
        }
      }
    } else {
      // a field that does not apply still shows what was written in it (the documents print it)
      for (const field of section.fields) {
        add({
          path: `fields.${field.id}`,
          section: section.id,
          label: { field: field.label },
          original: fieldText(field, ownValue(model.content.fields, field.id)),
        });
      }
    }
  }
  return places;
}

/** The translation written for a place, if any. */
export function translationOf(content: ReportContent, language: Locale, path: string): string | undefined {
  const texts = ownValue(withLanguages(content).translations, language);
  const text = texts && ownValue(texts, path);
  return text?.trim() ? text : undefined;
}

/**
 * A text that reads the same in every language: figures, dates, signs and acronyms ("30 %", "-", "N/A",
 * "2 PDSEC", "TBD"). It needs no translation and is not marked as an original.
 */
export function isLanguageNeutral(text: string): boolean {
  // words of two letters or more that are not all capitals (an acronym is a name)
  return !/(?:^|[^\p{L}])(?=[\p{L}'’]*\p{Ll})[\p{L}'’]{2,}/u.test(text);
}

/**
 * The recipients' acronyms in one language and the other (`HCDH` ↔ `OHCHR`, `PNUD` ↔ `UNDP`): the
 * organisations table names each agency in both.
 */
function agencyNames(model: ReportModel, from: Locale, to: Locale): [string, string][] {
  return model.header.recipients
    .map((r): [string, string] => [ownValue(r.acronym, from) ?? r.acronym.fr, ownValue(r.acronym, to) ?? ''])
    .filter(([a, b]) => a !== '' && b !== '' && a !== b);
}

/**
 * A text that names agencies and nothing else to translate ("HCDH", "PNUD, HCDH") in the other language, by
 * the organisations table; undefined for any other text (a person translates it).
 */
export function agenciesInLanguage(
  text: string,
  model: ReportModel,
  from: Locale,
  to: Locale,
): string | undefined {
  let changed = false;
  let out = text;
  // what is left once the agencies are taken out must read the same in any language ("HCDH, PNUD")
  let rest = text;
  for (const [a, b] of agencyNames(model, from, to)) {
    const word = new RegExp(
      `(?<![\\p{L}\\d])${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d])`,
      'gu',
    );
    if (word.test(out)) {
      changed = true;
      out = out.replace(word, b);
      rest = rest.replace(word, ' ');
    }
  }
  return changed && isLanguageNeutral(rest) ? out : undefined;
}

/** What a place will show in `language`: its translation, else a translation made by the table of agencies. */
function textIn(model: ReportModel, place: TextPlace, language: Locale): string | undefined {
  return (
    translationOf(model.content, language, place.path) ??
    agenciesInLanguage(place.original, model, model.content.language, language)
  );
}

/** The places that need a translation into `language` and have none (none when it is the report's language). */
export function untranslatedPlaces(
  model: ReportModel,
  template: ReportTemplate,
  language: Locale,
): TextPlace[] {
  const m = { ...model, content: withLanguages(model.content) };
  if (m.content.language === language) return [];
  return textPlaces(m, template).filter(
    (place) => !isLanguageNeutral(place.original) && textIn(m, place, language) === undefined,
  );
}

/** A report with each place's text in one language, and the places left in their original. */
export interface ReportInLanguage {
  model: ReportModel;
  /** place → the language of the original it still shows (a place absent is in the document's language) */
  originals: Readonly<Record<string, Locale>>;
}

/**
 * The report as a document in `language` shows it: each place's translation where written (or where the
 * organisations table gives it), else its original, listed in `originals` to be marked and tagged.
 */
export function reportInLanguage(
  model: ReportModel,
  template: ReportTemplate,
  language: Locale,
): ReportInLanguage {
  const content = withLanguages(model.content);
  const base = { ...model, content };
  const originals = dictionary<Locale>();
  if (content.language === language) return { model: base, originals };

  const fields = { ...content.fields };
  const outcomes = { ...content.outcomes };
  const cells = new Map<string, string>();
  const fieldsById = new Map(template.sections.flatMap((s) => s.fields.map((f) => [f.id, f] as const)));
  for (const place of textPlaces(base, template)) {
    const text = textIn(base, place, language);
    if (text === undefined) {
      if (!isLanguageNeutral(place.original)) originals[place.path] = content.language;
      continue;
    }
    const field = place.path.match(/^(?:fields|outcomes\.(.+)\.fields)\.([a-z][a-z0-9_]*)$/);
    const template = field && fieldsById.get(field[2]!);
    if (field && template && field[1] === undefined) {
      fields[template.id] = withFieldText(template, ownValue(fields, template.id), text);
    } else if (field && template) {
      const outcome = ownValue(outcomes, field[1]!) ?? { rating: null, fields: {} };
      outcomes[field[1]!] = {
        ...outcome,
        fields: {
          ...outcome.fields,
          [template.id]: withFieldText(template, ownValue(outcome.fields, template.id), text),
        },
      };
    } else {
      cells.set(place.path, text);
    }
  }
  const row = (r: ReportIndicatorRow): ReportIndicatorRow => ({
    ...r,
    progress: cells.get(`indicators.${r.code}.progress`) ?? r.progress,
    reason: cells.get(`indicators.${r.code}.reason`) ?? r.reason,
  });
  return {
    model: {
      ...base,
      content: { ...content, fields, outcomes },
      outcomes: base.outcomes.map((o) => ({
        ...o,
        indicators: o.indicators.map(row),
        outputs: o.outputs.map((x) => ({ ...x, indicators: x.indicators.map(row) })),
      })),
    },
    originals,
  };
}

/**
 * A text of the programme (a statement, an indicator's title) in `language`, with the language it is in: its
 * original (French, the programme's) when it has no translation.
 */
export function localizedWithLanguage(
  text: LocalizedText,
  language: Locale,
): { text: string; language: Locale } {
  const wanted = ownValue(text, language);
  return wanted ? { text: wanted, language } : { text: text.fr, language: 'fr' };
}
