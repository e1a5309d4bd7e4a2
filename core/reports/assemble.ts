/**
 * A report assembled from its template, its content and the programme's data: the one model the editor,
 * the checks and the documents read. Pure: the server gives it the programme and the framework.
 */
import type { Framework, Indicator, IndicatorValue, ProgrammeDetail } from '../contracts/programme-api.js';
import type { ReportContent, ReportIndicatorRow, ReportModel } from '../contracts/report.js';
import type { ReportTemplate, ReportType } from '../contracts/report-template.js';
import { effectiveEndDate, isInLastSixMonths } from '../domain/programme-dates.js';
import { dictionary } from '../lib/safe-keys.js';

/** The period a report covers: from the template's rule for its type (June = January–June…), within the project. */
export function reportPeriod(
  template: ReportTemplate,
  type: ReportType,
  year: number,
  programme: Pick<ProgrammeDetail, 'startDate' | 'firstTransferDate' | 'endDate' | 'revisedEndDate'>,
): { start: string; end: string } {
  const rule = template.periods[type];
  const projectStart = programme.firstTransferDate ?? programme.startDate ?? `${year}-01-01`;
  if (!rule || rule === 'whole_project') return { start: projectStart, end: effectiveEndDate(programme) };
  return { start: `${year}-${rule.from}`, end: `${year}-${rule.to}` };
}

/** The Part V rows as the report opens: the latest value of the period with its reason, for each indicator. */
export function prefillIndicators(
  framework: Framework,
  periodStart: string,
  periodEnd: string,
): ReportContent['indicators'] {
  // by indicator code, a key from outside: an object without a prototype
  const rows: ReportContent['indicators'] = dictionary();
  const all = framework.outcomes.flatMap((o) => [...o.indicators, ...o.outputs.flatMap((x) => x.indicators)]);
  for (const indicator of all) {
    const value = inPeriod(indicator.latestValue, periodStart, periodEnd);
    rows[indicator.code] = {
      progress: value?.value?.text ?? null,
      reason: value?.reason ?? null,
      included: true,
    };
  }
  return rows;
}

function inPeriod(value: IndicatorValue | null, start: string, end: string): IndicatorValue | null {
  return value && value.periodEnd >= start && value.periodStart <= end ? value : null;
}

function row(indicator: Indicator, content: ReportContent): ReportIndicatorRow {
  const written = content.indicators[indicator.code];
  return {
    code: indicator.code,
    title: indicator.title,
    baseline: indicator.baseline,
    endTarget: indicator.targets.find((t) => t.kind === 'end')?.value ?? null,
    milestones: indicator.targets
      .filter((t) => t.kind === 'milestone' && t.value)
      .map((t) => ({ date: t.date, value: t.value! })),
    disaggregations: indicator.disaggregations,
    progress: written?.progress ?? null,
    reason: written?.reason ?? null,
    included: written?.included ?? true,
  };
}

export interface AssembleInput {
  programme: ProgrammeDetail;
  framework: Framework | null;
  template: ReportTemplate;
  type: ReportType;
  year: number;
  content: ReportContent;
  /** the report's date: a report is "in the last six months" as of its period's end */
  periodStart: string;
  periodEnd: string;
}

export function assembleReport(input: AssembleInput): ReportModel {
  const { programme: p, framework, content } = input;
  return {
    programme: { slug: p.slug, code: p.code, title: p.title, currency: p.currency },
    template: { id: input.template.id, version: input.template.version },
    type: input.type,
    year: input.year,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    lastSixMonths: isInLastSixMonths(p, input.periodEnd),
    frameworkVersion: framework?.version ?? null,
    header: {
      country: p.country,
      gatewayId: p.gatewayId,
      fundCode: p.fundCode,
      trustFund: p.trustFund,
      recipients: p.recipients.map((r) => ({
        code: r.organisation.code,
        acronym: r.organisation.acronym ?? r.organisation.name,
        kind: r.organisation.kind,
        convening: r.convening,
        budget: r.approvedBudget,
      })),
      totalBudget: p.totalBudget,
      firstTransferDate: p.firstTransferDate,
      endDate: effectiveEndDate(p),
      durationMonths: p.durationMonths,
      priorityWindows: p.priorityWindows,
      genderBudgetAllocated: p.genderBudgetAllocated,
      genderMarker: p.genderMarker ? { code: p.genderMarker, text: p.genderMarkerText } : null,
      riskMarker: p.riskMarker ? { level: p.riskMarker, text: p.riskMarkerText } : null,
      focusArea: p.focusArea,
    },
    content,
    outcomes: (framework?.outcomes ?? []).map((o) => ({
      code: o.code,
      statement: o.statement,
      indicators: o.indicators.map((i) => row(i, content)),
      outputs: o.outputs.map((out) => ({
        code: out.code,
        statement: out.statement,
        indicators: out.indicators.map((i) => row(i, content)),
      })),
    })),
  };
}
