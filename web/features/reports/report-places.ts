/**
 * Places of a report, by content path (`fields.overall_status`, `outcomes.1.rating`,
 * `outcomes.1.fields.progress_summary`, `indicators.1.1.2.progress`): the element id each one gets in the
 * editor, what it is called in a sentence, and the model with the writer's unsaved content in it.
 */
import type {
  FieldValue,
  ReportContent,
  ReportIndicatorRow,
  ReportModel,
} from '../../../core/contracts/report.js';
import type { ReportTemplate, TemplateField } from '../../../core/contracts/report-template.js';
import { localize, type Locale } from '../../../core/i18n/locale.js';
import { rowFigures } from '../../../core/reports/assemble.js';
import { parseContentPath, setAt } from '../../../core/reports/content-paths.js';
import { ownValue } from '../../../core/lib/safe-keys.js';

/** The id of the control that edits `path` (ids may hold dots: look them up with getElementById). */
export function placeId(path: string): string {
  return `report-${path}`;
}

/** `content` with each change written at its path (malformed paths are ignored). */
export function applyChanges(content: ReportContent, changes: Iterable<[string, FieldValue]>): ReportContent {
  let next = content;
  for (const [raw, value] of changes) {
    const path = parseContentPath(raw);
    if (path) next = setAt(next, path, value);
  }
  return next;
}

/** Every Part V row in reading order: each outcome's indicators, then its outputs'. */
export function indicatorRows(model: ReportModel): ReportIndicatorRow[] {
  return model.outcomes.flatMap((o) => [...o.indicators, ...o.outputs.flatMap((x) => x.indicators)]);
}

/**
 * The outcomes' Part V rows reading their progress, reason and inclusion from `indicators` over each row's
 * value of record (`rowFigures`, as assemble.ts does).
 */
export function outcomesWithRows(
  outcomes: ReportModel['outcomes'],
  indicators: ReportContent['indicators'],
): ReportModel['outcomes'] {
  const row = (r: ReportIndicatorRow): ReportIndicatorRow => {
    const f = rowFigures(r.record, ownValue(indicators, r.code));
    return f.progress === r.progress &&
      f.progressSource === r.progressSource &&
      f.reason === r.reason &&
      f.included === r.included
      ? r
      : { ...r, ...f };
  };
  return outcomes.map((o) => ({
    ...o,
    indicators: o.indicators.map(row),
    outputs: o.outputs.map((x) => ({ ...x, indicators: x.indicators.map(row) })),
  }));
}

/** The model as the writer sees it: the server's assembled report with the content being edited. */
export function modelWithContent(model: ReportModel, content: ReportContent): ReportModel {
  if (model.content === content) return model;
  return { ...model, content, outcomes: outcomesWithRows(model.outcomes, content.indicators) };
}

export interface Place {
  /** the section's id */
  section: string;
  /** the outcome or indicator, when the place is in one */
  item?: { kind: 'outcome' | 'indicator'; code: string };
  /** the field, the rating, or the column */
  what: { kind: 'field'; field: TemplateField } | { kind: 'rating' } | { kind: 'column'; column: string };
}

/** What and where a path is in a template, for the conflict dialog and the submission errors. */
export function placeOf(path: string, template: ReportTemplate): Place | undefined {
  const parsed = parseContentPath(path);
  if (!parsed) return undefined;
  const find = (kind: 'fields' | 'outcomes', id: string) => {
    for (const section of template.sections.filter((s) => s.kind === kind)) {
      const field = section.fields.find((f) => f.id === id);
      if (field) return { section, field };
    }
    return undefined;
  };
  switch (parsed.kind) {
    case 'field': {
      const found = find('fields', parsed.field);
      return found && { section: found.section.id, what: { kind: 'field', field: found.field } };
    }
    case 'outcome_field': {
      const found = find('outcomes', parsed.field);
      return (
        found && {
          section: found.section.id,
          item: { kind: 'outcome', code: parsed.outcome },
          what: { kind: 'field', field: found.field },
        }
      );
    }
    case 'outcome_rating': {
      const section = template.sections.find((s) => s.kind === 'outcomes');
      return (
        section && {
          section: section.id,
          item: { kind: 'outcome', code: parsed.outcome },
          what: { kind: 'rating' },
        }
      );
    }
    case 'indicator': {
      const section = template.sections.find((s) => s.kind === 'indicator_table');
      return (
        section && {
          section: section.id,
          item: { kind: 'indicator', code: parsed.indicator },
          what: { kind: 'column', column: parsed.column },
        }
      );
    }
  }
}

/** A section's title in a language, by id. */
export function sectionTitle(template: ReportTemplate, id: string, locale: Locale): string {
  const section = template.sections.find((s) => s.id === id);
  return section ? localize(section.title, locale) : id;
}

/**
 * Moves to the control of a place and gives it the focus (the checks' and errors' links). Sections off screen
 * are laid out only when shown (`content-visibility`), so the page's height changes on the way: the move is
 * made at once, then corrected over the next frames until the control stays in view.
 */
export function goToPlace(path: string): boolean {
  const element = document.getElementById(placeId(path));
  if (!element) return false;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
  // a short glow says where one arrived (a read-only text shows no caret)
  const around = element.closest<HTMLElement>('.text-field, td, .mantine-InputWrapper-root') ?? element;
  around.removeAttribute('data-arrived');
  void around.offsetWidth; // restart the animation when the same place is chosen again
  around.setAttribute('data-arrived', '');
  setTimeout(() => around.removeAttribute('data-arrived'), 2500);
  let frames = 0;
  const settle = () => {
    const box = element.getBoundingClientRect();
    if (box.top < 0 || box.top > window.innerHeight * 0.6) element.scrollIntoView({ block: 'center' });
    if (++frames < 4) requestAnimationFrame(settle);
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(settle);
  return true;
}
