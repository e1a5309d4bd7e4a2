import { answersWithoutFigure } from '../../../core/domain/value-text.js';
import { reportTextHardLimit, translatedText, type FieldValue } from '../../../core/contracts/report.js';
import { isLocale } from '../../../core/i18n/locale.js';
import type { ReportTemplate, TemplateField } from '../../../core/contracts/report-template.js';
import type { ContentPath } from '../../../core/reports/content-paths.js';

const HARD_LIMIT = reportTextHardLimit;

/** The field types that hold a writer's text, so a translation (core/reports/languages.ts). */
const translatable = new Set<TemplateField['type']>(['text', 'short_text', 'yes_no_text', 'multi_choice']);

const isObject = (v: FieldValue): v is Exclude<FieldValue, string | number | boolean | null> =>
  typeof v === 'object' && v !== null;

function checkType(field: TemplateField, value: FieldValue): string | undefined {
  if (value === null) return undefined;
  switch (field.type) {
    case 'derived':
      return 'computed from the programme: it cannot be edited in the report';
    case 'text':
    case 'short_text':
      if (typeof value !== 'string') return 'expected a text';
      return value.length > HARD_LIMIT ? `longer than ${HARD_LIMIT} characters` : undefined;
    case 'choice':
      return typeof value === 'string' && field.choices?.some((c) => c.value === value)
        ? undefined
        : 'not one of the choices';
    case 'money':
      if (typeof value === 'string' && answersWithoutFigure(value)) return undefined;
      return typeof value === 'number' && value >= 0 ? undefined : 'expected an amount of zero or more';
    case 'percent':
      if (typeof value === 'string' && answersWithoutFigure(value)) return undefined;
      return typeof value === 'number' && value >= 0 && value <= 100
        ? undefined
        : 'expected a percentage between 0 and 100';
    case 'yes_no':
      return typeof value === 'boolean' ? undefined : 'expected yes or no';
    case 'yes_no_text':
      return isObject(value) && 'answer' in value && value.text.length <= HARD_LIMIT
        ? undefined
        : 'expected { answer, text }';
    case 'multi_choice':
      if (!isObject(value) || !('selected' in value)) return 'expected { selected, other }';
      return value.selected.every((s) => field.choices?.some((c) => c.value === s))
        ? undefined
        : 'not one of the choices';
    case 'donor_amounts':
      if (!isObject(value) || !('rows' in value)) return 'expected { rows: [{ donor, amount }] }';
      return value.rows.every((r) => r.amount === null || r.amount >= 0)
        ? undefined
        : 'amounts must be zero or more';
  }
}

/** A place the template does not have: the path is wrong, not the value. */
export function unknownPlace(template: ReportTemplate, path: ContentPath): string | undefined {
  if (path.kind === 'translation') {
    const wrong = unknownPlace(template, path.of);
    if (wrong || path.of.kind === 'indicator') return wrong;
    const field = fieldOf(template, path.of.kind === 'field' ? 'fields' : 'outcomes', path.of.field);
    return field && translatable.has(field.type) ? undefined : `${path.place} holds no text to translate`;
  }
  if (path.kind === 'field' && !fieldOf(template, 'fields', path.field))
    return `no field ${path.field} in this template`;
  if (path.kind === 'outcome_field' && !fieldOf(template, 'outcomes', path.field)) {
    return `no outcome field ${path.field} in this template`;
  }
  return undefined;
}

const fieldOf = (template: ReportTemplate, kind: 'fields' | 'outcomes', id: string) =>
  template.sections
    .filter((s) => s.kind === kind)
    .flatMap((s) => s.fields)
    .find((f) => f.id === id);

/** Why `value` cannot go at `path` of a report written with `template`; undefined when it can. */
export function validateValue(
  template: ReportTemplate,
  path: ContentPath,
  value: FieldValue,
): string | undefined {
  switch (path.kind) {
    case 'field':
    case 'outcome_field': {
      const field = fieldOf(template, path.kind === 'field' ? 'fields' : 'outcomes', path.field);
      return field ? checkType(field, value) : 'no such field';
    }
    case 'outcome_rating': {
      const choices = template.sections.find((s) => s.kind === 'outcomes')?.rating?.choices ?? [];
      return value === null || choices.some((c) => c.value === value) ? undefined : 'not one of the ratings';
    }
    case 'translation':
      // the contract's own schema: what an import and the CLI check a translation against too
      return value === null || translatedText.safeParse(value).success
        ? undefined
        : `expected a text of at most ${HARD_LIMIT} characters`;
    case 'language':
      return isLocale(value) ? undefined : 'expected fr or en';
    case 'wanted':
      return typeof value === 'boolean' ? undefined : 'expected true or false';
    case 'indicator':
      if (path.column === 'included')
        return typeof value === 'boolean' ? undefined : 'expected true or false';
      if (value !== null && typeof value !== 'string') return 'expected a text';
      return typeof value === 'string' && value.length > HARD_LIMIT
        ? `longer than ${HARD_LIMIT} characters`
        : undefined;
  }
}
