/**
 * The checks a report must pass before it is submitted, each with the place to fix it. Pure and shared: the
 * server refuses a submission that has errors, the editor shows the same list live.
 */
import type { FieldValue, ReportCheck, ReportModel } from '../contracts/report.js';
import type { ReportTemplate, TemplateField } from '../contracts/report-template.js';
import { parseValueText } from '../domain/value-text.js';
import { localize } from '../i18n/locale.js';
import { checksEn } from '../i18n/messages/checks.en.js';
import { checksFr } from '../i18n/messages/checks.fr.js';
import { translate, type KeyOf, type Params } from '../i18n/translate.js';

/** Acronyms everybody in the Fund's world reads without a definition. */
const COMMON_ACRONYMS = new Set([
  'ONU',
  'UN',
  'PBF',
  'COVID',
  'USD',
  'FCFA',
  'ONG',
  'NGO',
  'II',
  'III',
  'IV',
  'VI',
  'VII',
  'OK',
  'SG',
]);

export function applies(
  item: { condition?: 'last_six_months' | 'final_only' | undefined },
  model: ReportModel,
): boolean {
  if (item.condition === 'last_six_months') return model.lastSixMonths || model.type === 'final';
  if (item.condition === 'final_only') return model.type === 'final';
  return true;
}

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

export function checkReport(model: ReportModel, template: ReportTemplate): ReportCheck[] {
  const checks: ReportCheck[] = [];
  /** every text of the report in reading order, with where it is */
  const texts: { path: string; section: string; text: string }[] = [];

  const checkField = (field: TemplateField, value: FieldValue | undefined, path: string, section: string) => {
    if (field.type === 'derived' || !applies(field, model)) return;
    if (field.required && isEmpty(value)) {
      checks.push({
        severity: 'error',
        code: 'required_missing',
        path,
        section,
        message: message('requiredMissing', (language) => ({ label: localize(field.label, language) })),
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
    if (text) texts.push({ path, section, text });
  };

  for (const section of template.sections) {
    if (!applies(section, model)) continue;
    if (section.kind === 'fields') {
      for (const field of section.fields)
        checkField(field, model.content.fields[field.id], `fields.${field.id}`, section.id);
    } else if (section.kind === 'outcomes') {
      for (const outcome of model.outcomes) {
        const written = model.content.outcomes[outcome.code];
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
      const rows = model.outcomes.flatMap((o) => [
        ...o.indicators,
        ...o.outputs.flatMap((x) => x.indicators),
      ]);
      for (const row of rows.filter((r) => r.included)) {
        const base = `indicators.${row.code}`;
        if (!row.progress?.trim() && !row.reason?.trim()) {
          checks.push({
            severity: 'warning',
            code: 'indicator_without_progress',
            path: `${base}.progress`,
            section: section.id,
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
              section: section.id,
              message: message('indicator.overLimit', () => ({
                code: row.code,
                length: charCount(text),
                limit,
              })),
            });
          }
          if (text) texts.push({ path: `${base}.${column}`, section: section.id, text });
        }
        if (row.disaggregations.includes('sex') && row.progress) {
          const spec = parseValueText(row.progress).spec;
          const parts = 'parts' in spec ? (spec.parts ?? []) : [];
          const bySex = parts.some((p) => ['women', 'men', 'girls', 'boys'].includes(p.group));
          if ((spec.kind === 'number' || spec.kind === 'percent') && spec.value > 0 && !bySex) {
            checks.push({
              severity: 'warning',
              code: 'missing_disaggregation',
              path: `${base}.progress`,
              section: section.id,
              message: message(
                row.disaggregations.includes('age')
                  ? 'indicator.missingDisaggregation.sexAndAge'
                  : 'indicator.missingDisaggregation.sex',
                () => ({ code: row.code }),
              ),
            });
          }
        }
      }
    }
  }
  checks.push(...acronymChecks(texts, model, template));
  return checks;
}

/**
 * An acronym must be spelled out where it first appears — "plans de développement (PDSEC)" — or not used.
 * Known organisations (the recipients) and acronyms everyone reads are allowed.
 */
function acronymChecks(
  texts: { path: string; section: string; text: string }[],
  model: ReportModel,
  template: ReportTemplate,
): ReportCheck[] {
  const allowed = new Set([
    ...COMMON_ACRONYMS,
    ...model.header.recipients.flatMap((r) => [r.code, r.acronym.fr, r.acronym.en ?? '']),
  ]);
  const watched = new Set(template.acronymsToAvoid);
  const seen = new Set<string>();
  const checks: ReportCheck[] = [];
  for (const { path, section, text } of texts) {
    for (const m of text.matchAll(/(?<![\p{L}\d])([A-Z][A-Za-z]{0,2}[A-Z]{1,6})(s)?(?![\p{L}\d])/gu)) {
      const acronym = m[1]!;
      const upper = acronym.replace(/[a-z]/g, '').length;
      if (seen.has(acronym) || allowed.has(acronym)) continue;
      if (upper < 2 || (acronym.length > 6 && !watched.has(acronym))) continue;
      seen.add(acronym);
      const before = text.slice(0, m.index).trimEnd();
      const after = text.slice(m.index! + m[0].length).trimStart();
      const spelledOut = before.endsWith('(') && after.startsWith(')') && before.length > 1;
      if (!spelledOut) {
        checks.push({
          severity: 'warning',
          code: 'acronym_not_spelled_out',
          path,
          section,
          message: message('acronymNotSpelledOut', () => ({ acronym })),
        });
      }
    }
  }
  return checks;
}
