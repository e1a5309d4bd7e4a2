/**
 * The report templates the editor knows, as data. The API names a report's template (`{ id, version }`) but
 * does not serve its description, so the editor takes the server's own data files: every template file of
 * core/reports/templates/ is picked up at build time — a new template is a new data file there, nothing to
 * add here. Not through core/reports/templates/index.ts, which validates them with Zod and would add
 * ~95 kB (gzipped) to the page: the defaults the editor relies on are filled as the Zod schema fills them.
 */
import type {
  ReportTemplate,
  ReportTemplateInput,
  ReportType,
} from '../../../core/contracts/report-template.js';

const modules = import.meta.glob<Record<string, unknown>>(
  [
    '../../../core/reports/templates/*.ts',
    '!../../../core/reports/templates/index.ts',
    '!../../../core/reports/templates/*.test.ts',
  ],
  { eager: true },
);

function isTemplateInput(value: unknown): value is ReportTemplateInput {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof ReportTemplateInput, unknown>>;
  return typeof v.id === 'string' && typeof v.version === 'string' && Array.isArray(v.sections);
}

/**
 * The input with the schema's defaults where the editor reads them (notes, acronyms, each section's fields).
 * Defaults nested in the parts only the documents read (key figures' measures, photos) are left to them.
 */
function withDefaults(input: ReportTemplateInput): ReportTemplate {
  return {
    ...input,
    notes: input.notes ?? [],
    acronymsToAvoid: input.acronymsToAvoid ?? [],
    sections: input.sections.map((section) => ({ ...section, fields: section.fields ?? [] })),
  } as ReportTemplate;
}

const templates: ReportTemplate[] = Object.values(modules)
  .flatMap((module) => Object.values(module).filter(isTemplateInput))
  .map(withDefaults);

export function findTemplate(ref: { id: string; version: string }): ReportTemplate | undefined {
  return templates.find((t) => t.id === ref.id && t.version === ref.version);
}

/**
 * The report types "Nouveau rapport" proposes for `year`: those a template in force that year gives a period
 * rule (June, November, the whole project…), since a report is created from its type and year.
 */
export function reportTypesFor(year: number): ReportType[] {
  const order: ReportType[] = ['semi_annual', 'annual', 'final', 'quarterly'];
  const offered = new Set(
    templates
      .filter((t) => t.validFrom <= year)
      .flatMap((t) => t.reportTypes.filter((type) => t.periods[type] !== undefined)),
  );
  return order.filter((type) => offered.has(type));
}
