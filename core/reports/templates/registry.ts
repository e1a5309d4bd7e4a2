/**
 * Every report template Jalon knows, as plain data with the contract's defaults filled: the one registry of the
 * server (through `index.ts`, which also checks each against the Zod contract) and of the browser (which
 * imports this file, so Zod stays out of its bundle). A new template is a new data file listed here.
 * `registry.test.ts` proves `withTemplateDefaults` fills exactly what `reportTemplate.parse` fills.
 */
import type {
  KeyFigure,
  ReportTemplate,
  ReportTemplateInput,
  ReportType,
  TemplateSection,
} from '../../contracts/report-template.js';
import { pbfProgressReport2020, pbfProgressReport2022 } from './pbf-progress-report.js';
import { quarterlyProgrammeReport2023 } from './quarterly-programme-report.js';

/** The data files, as written. */
export const reportTemplateInputs: readonly ReportTemplateInput[] = [
  pbfProgressReport2020,
  pbfProgressReport2022,
  quarterlyProgrammeReport2023,
];

type SectionInput = ReportTemplateInput['sections'][number];
type FigureInput = NonNullable<SectionInput['figures']>[number];

function figureWithDefaults(figure: FigureInput): KeyFigure {
  const { measure, ...rest } = figure;
  if (!measure) return { ...rest };
  return {
    ...rest,
    measure: {
      ...measure,
      activityKinds: measure.activityKinds ?? [],
      categories: measure.categories ?? [],
      sexes: measure.sexes ?? [],
      ageGroups: measure.ageGroups ?? [],
      placeLevel: measure.placeLevel ?? 'cercle',
    },
  };
}

function sectionWithDefaults(section: SectionInput): TemplateSection {
  const { figures, photos, fields, ...rest } = section;
  return {
    ...rest,
    ...(figures ? { figures: figures.map(figureWithDefaults) } : {}),
    ...(photos
      ? {
          photos: {
            activityKinds: photos.activityKinds ?? [],
            withoutOutput: photos.withoutOutput ?? false,
            max: photos.max ?? 4,
          },
        }
      : {}),
    fields: fields ?? [],
  } as TemplateSection;
}

/** A template with the defaults of the contract (`core/contracts/report-template.ts`) filled. */
export function withTemplateDefaults(input: ReportTemplateInput): ReportTemplate {
  return {
    ...input,
    notes: input.notes ?? [],
    acronymsToAvoid: input.acronymsToAvoid ?? [],
    sections: input.sections.map(sectionWithDefaults),
  } as ReportTemplate;
}

export const reportTemplates: readonly ReportTemplate[] = reportTemplateInputs.map(withTemplateDefaults);

export function findTemplate(id: string, version: string): ReportTemplate | undefined {
  return reportTemplates.find((t) => t.id === id && t.version === version);
}

/** The version of a template in force for a report of `year` and `type`: the latest valid from that year. */
export function templateFor(type: ReportType, year: number, id = 'pbf-progress'): ReportTemplate | undefined {
  return reportTemplates
    .filter((t) => t.id === id && t.reportTypes.includes(type) && t.validFrom <= year)
    .sort((a, b) => b.validFrom - a.validFrom)[0];
}

/**
 * The report types "Nouveau rapport" proposes for `year`: those a template in force that year gives a period
 * rule (June, November, the whole project…), since a report is created from its type and year.
 */
export function reportTypesFor(year: number): ReportType[] {
  const order: ReportType[] = ['semi_annual', 'annual', 'final', 'quarterly'];
  const offered = new Set(
    reportTemplates
      .filter((t) => t.validFrom <= year)
      .flatMap((t) => t.reportTypes.filter((type) => t.periods[type] !== undefined)),
  );
  return order.filter((type) => offered.has(type));
}
