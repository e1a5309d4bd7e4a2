import { reportTemplate, type ReportTemplate, type ReportType } from '../../contracts/report-template.js';
import { pbfProgressReport2020, pbfProgressReport2022 } from './pbf-progress-report.js';
import { quarterlyProgrammeReport2023 } from './quarterly-programme-report.js';

/** Every template Jalon knows, validated once. A new template is a new data file listed here. */
export const reportTemplates: ReportTemplate[] = [
  pbfProgressReport2020,
  pbfProgressReport2022,
  quarterlyProgrammeReport2023,
].map((t) => reportTemplate.parse(t));

export function findTemplate(id: string, version: string): ReportTemplate | undefined {
  return reportTemplates.find((t) => t.id === id && t.version === version);
}

/** The version of a template in force for a report of `year` and `type`: the latest valid from that year. */
export function templateFor(type: ReportType, year: number, id = 'pbf-progress'): ReportTemplate | undefined {
  return reportTemplates
    .filter((t) => t.id === id && t.reportTypes.includes(type) && t.validFrom <= year)
    .sort((a, b) => b.validFrom - a.validFrom)[0];
}
