/**
 * The checks a report must pass before it is submitted, each with the place to fix it. Pure and shared: the
 * server refuses a submission that has errors, the editor shows the same list live.
 */
import type { FieldValue, ReportCheck, ReportIndicatorRow, ReportModel } from '../contracts/report.js';
import type { DerivedKey, ReportTemplate, TemplateField } from '../contracts/report-template.js';
import { parseValueText } from '../domain/value-text.js';
import { localize } from '../i18n/locale.js';
import { checksEn } from '../i18n/messages/checks.en.js';
import { checksFr } from '../i18n/messages/checks.fr.js';
import { translate, type KeyOf, type Params } from '../i18n/translate.js';
import { findAcronyms, type TextAt } from './acronyms.js';
import { countsPeople, splitsOf } from './sex-age.js';
import { applies } from './conditions.js';
import { untranslatedPlaces, withLanguages, type TextPlace } from './languages.js';
import { outOfDatePlaces } from './translation-stamps.js';

export { applies };

export const isEmpty = (v: FieldValue | undefined): boolean => {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (typeof v === 'object' && 'answer' in v) return v.answer === null && v.text.trim() === '';
  if (typeof v === 'object' && 'selected' in v) return v.selected.length === 0;
  if (typeof v === 'object' && 'rows' in v) return v.rows.length === 0;
  return false;
};

/** The text a field holds, if any (narratives, the text of a yes/no answer, the "other" of a choice). */
export function textOf(v: FieldValue | undefined): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'answer' in v) return v.text;
  if (v && typeof v === 'object' && 'selected' in v) return v.other ?? '';
  return '';
}

/**
 * The catalogue of each language a check's message is written in (the contract's `LocalizedText`: French and
 * English). Read here rather than through core/i18n/t.ts, which holds the server's catalogues too: the editor
 * runs these checks live in the browser.
 */
const catalogues = { fr: checksFr, en: checksEn } satisfies Record<keyof ReportCheck['message'], unknown>;
type Language = keyof typeof catalogues;
type CheckKey = KeyOf<typeof checksFr>;

/** A check's message in every language of `catalogues`, its parameters given per language (a field's label). */
function message(key: CheckKey, params: (language: Language) => Params): ReportCheck['message'] {
  const say = (language: Language) =>
    translate(catalogues[language], checksFr, language, key, params(language));
  return { fr: say('fr'), en: say('en') };
}

/** Characters as the Fund counts them: what a reader sees (Unicode code points). */
export const charCount = (text: string) => [...text].length;

/** Whether a field holds an answer: a yes/no question is answered by its yes or no, whatever its text says. */
export function isAnswered(field: TemplateField, v: FieldValue | undefined): boolean {
  if ((field.type === 'yes_no' || field.type === 'yes_no_text') && v && typeof v === 'object')
    return 'answer' in v ? v.answer !== null : !isEmpty(v);
  return !isEmpty(v);
}

/**
 * The header facts the template shows from the programme's record, and whether the programme gives them: a
 * blank marker or focus area is an answer missing, to be given on the programme's page.
 */
const programmeFacts: Partial<Record<DerivedKey, (h: ReportModel['header']) => unknown>> = {
  gender_marker: (h) => h.genderMarker,
  risk_marker: (h) => h.riskMarker,
  focus_area: (h) => h.focusArea,
  first_transfer_date: (h) => h.firstTransferDate,
};

/**
 * Every check of a report, in the report's order: answers missing (required: an error; expected: a warning),
 * texts over their limit, Part V rows without progress or without the sex and age of the people they count,
 * and acronyms no text of the report spells out — the writers' texts and the framework's (statements,
 * indicators, baselines, targets), as a reader of the document meets them.
 */
export function checkReport(model: ReportModel, template: ReportTemplate): ReportCheck[] {
  const checks: ReportCheck[] = [];
  /** every text of the report in reading order, with where it is */
  const texts: TextAt[] = [];
  const read = (path: string, section: string, text: string | null | undefined) => {
    if (text?.trim()) texts.push({ path, section, text });
  };

  const checkField = (field: TemplateField, value: FieldValue | undefined, path: string, section: string) => {
    if (!applies(field, model)) return;
    if (field.type === 'derived') {
      const fact = field.derived ? programmeFacts[field.derived] : undefined;
      if (fact && !fact(model.header))
        checks.push({
          severity: 'warning',
          code: 'answer_missing',
          path,
          section,
          message: message('answerMissing.fromProgramme', (language) => ({
            label: localize(field.label, language),
          })),
        });
      return;
    }
    if ((field.required || !field.optional) && !isAnswered(field, value)) {
      const yesNo = field.type === 'yes_no' || field.type === 'yes_no_text';
      checks.push({
        severity: field.required ? 'error' : 'warning',
        code: field.required ? 'required_missing' : 'answer_missing',
        path,
        section,
        message: message(
          field.required
            ? 'requiredMissing'
            : yesNo && !isEmpty(value)
              ? 'answerMissing.yesNo'
              : 'answerMissing.field',
          (language) => ({ label: localize(field.label, language) }),
        ),
      });
    }
    const text = textOf(value);
    const limit = field.maxLength;
    if (limit && charCount(text) > limit) {
      const n = charCount(text);
      checks.push({
        severity: 'error',
        code: 'over_limit',
        path,
        section,
        message: message('overLimit', (language) => ({
          length: n,
          limit,
          excess: n - limit,
          label: localize(field.label, language),
        })),
      });
    }
    read(path, section, text);
  };

  for (const section of template.sections) {
    if (!applies(section, model)) continue;
    if (section.kind === 'fields') {
      for (const field of section.fields)
        checkField(field, model.content.fields[field.id], `fields.${field.id}`, section.id);
    } else if (section.kind === 'outcomes') {
      for (const outcome of model.outcomes) {
        const written = model.content.outcomes[outcome.code];
        read(`outcomes.${outcome.code}.statement`, section.id, localize(outcome.statement, 'fr'));
        if (section.rating && !written?.rating) {
          checks.push({
            severity: 'warning',
            code: 'answer_missing',
            path: `outcomes.${outcome.code}.rating`,
            section: section.id,
            message: message('answerMissing.rating', () => ({ code: outcome.code })),
          });
        }
        for (const field of section.fields) {
          checkField(
            field,
            written?.fields[field.id],
            `outcomes.${outcome.code}.fields.${field.id}`,
            section.id,
          );
        }
      }
    } else if (section.kind === 'indicator_table') {
      const limit = section.cellMaxLength;
      for (const outcome of model.outcomes) {
        const groups = [
          { rows: outcome.indicators, statement: null },
          ...outcome.outputs.map((x) => ({ rows: x.indicators, statement: x })),
        ];
        for (const group of groups) {
          const included = group.rows.filter((r) => r.included);
          if (group.statement && included.length)
            read(
              `outputs.${group.statement.code}.statement`,
              section.id,
              localize(group.statement.statement, 'fr'),
            );
          for (const row of included) checkRow(row, section.id, limit);
        }
      }
    }
  }

  function checkRow(row: ReportIndicatorRow, section: string, limit: number | undefined) {
    const base = `indicators.${row.code}`;
    read(`${base}.title`, section, localize(row.title, 'fr'));
    read(`${base}.baseline`, section, row.baseline?.text);
    read(`${base}.endTarget`, section, row.endTarget?.text);
    for (const m of row.milestones) read(`${base}.milestones`, section, m.value.text);
    if (!row.progress?.trim() && !row.reason?.trim()) {
      checks.push({
        severity: 'warning',
        code: 'indicator_without_progress',
        path: `${base}.progress`,
        section,
        message: message('indicator.withoutProgress', () => ({ code: row.code })),
      });
    }
    for (const column of ['progress', 'reason'] as const) {
      const text = row[column] ?? '';
      if (limit && charCount(text) > limit) {
        checks.push({
          severity: 'error',
          code: 'over_limit',
          path: `${base}.${column}`,
          section,
          message: message('indicator.overLimit', () => ({
            code: row.code,
            length: charCount(text),
            limit,
          })),
        });
      }
      read(`${base}.${column}`, section, text);
    }
    const missing = missingSplits(row);
    if (missing) {
      checks.push({
        severity: 'warning',
        code: 'missing_disaggregation',
        path: `${base}.progress`,
        section,
        subject: missing,
        message: message(`indicator.missingDisaggregation.${missing}`, () => ({ code: row.code })),
      });
    }
  }

  checks.push(...acronymChecks(texts, model, template));
  checks.push(...translationChecks(model, template));
  return checks;
}

/**
 * What is not yet translated into each language the report must also be delivered in, and what was translated
 * from an earlier version of its original (out of date: the document still uses it, a person rereads it).
 */
function translationChecks(model: ReportModel, template: ReportTemplate): ReportCheck[] {
  const content = withLanguages(model.content);
  const placeName = (place: TextPlace, language: Language) =>
    'field' in place.label
      ? localize(place.label.field, language)
      : translate(catalogues[language], checksFr, language, `cell.${place.label.column}`, {
          code: place.label.indicator,
        });
  const check =
    (wanted: Language, code: 'untranslated' | 'translation_out_of_date') =>
    (place: TextPlace): ReportCheck => ({
      severity: 'warning',
      code,
      path: `translations.${wanted}.${place.path}`,
      section: place.section,
      message: message(code === 'untranslated' ? 'untranslated' : 'translationOutOfDate', (language) => ({
        place: placeName(place, language),
        language: catalogues[language].languageNames[wanted],
      })),
    });
  return content.wanted
    .filter((wanted) => wanted !== content.language)
    .flatMap((wanted) => [
      ...untranslatedPlaces(model, template, wanted).map(check(wanted, 'untranslated')),
      ...outOfDatePlaces(model, template, wanted).map(check(wanted, 'translation_out_of_date')),
    ]);
}

/**
 * What a row's figure should split its people by and does not: `sex`, `age` or `sexAndAge`. A row counts
 * people when its indicator asks for a split by sex or age or its title counts people; a figure of zero
 * people, a "N/A", a document or a yes/no has nothing to split. An indicator asks for the splits it names;
 * one that names none, for both, as the template asks of every count of people ("Fournir des données
 * désagrégées par sexe et par âge").
 */
function missingSplits(row: ReportIndicatorRow): 'sex' | 'age' | 'sexAndAge' | null {
  if (!row.progress?.trim() || !countsPeople(localize(row.title, 'fr'), row.disaggregations)) return null;
  const spec = parseValueText(row.progress).spec;
  if ((spec.kind !== 'number' && spec.kind !== 'percent') || !(spec.value > 0)) return null;
  const split = splitsOf(row.progress, spec);
  // what the indicator asks for; an indicator that names neither, the template's both
  const declared = (['sex', 'age'] as const).filter((d) => row.disaggregations.includes(d));
  const wanted = declared.length ? declared : (['sex', 'age'] as const);
  const sex = wanted.includes('sex') && !split.sex;
  const age = wanted.includes('age') && !split.age;
  return sex && age ? 'sexAndAge' : sex ? 'sex' : age ? 'age' : null;
}

/**
 * An acronym must be spelled out somewhere in the report — "plans de développement (PDSEC)",
 * "Commission nationale des Droits de l'Homme - CNDH" — or not used (`acronyms.ts`). The recipients' own
 * acronyms and those everyone reads are allowed.
 */
function acronymChecks(texts: TextAt[], model: ReportModel, template: ReportTemplate): ReportCheck[] {
  const allowed = new Set(
    model.header.recipients.flatMap((r) => [r.code, r.acronym.fr, r.acronym.en ?? '']).filter(Boolean),
  );
  const { uses, defined } = findAcronyms(texts, new Set(template.acronymsToAvoid));
  return uses
    .filter(({ acronym }) => !defined.has(acronym) && !allowed.has(acronym))
    .map(({ acronym, path, section }) => ({
      severity: 'warning' as const,
      code: 'acronym_not_spelled_out' as const,
      path,
      section,
      subject: acronym,
      message: message('acronymNotSpelledOut', () => ({ acronym })),
    }));
}
