/**
 * A report assembled from its template, its content and the programme's data: the one model the editor,
 * the checks and the documents read. Pure: the server gives it the programme and the framework.
 */
import type { ValueOfRecord } from '../contracts/indicator-data.js';
import type { FrameworkTree, Indicator, ProgrammeDetail } from '../contracts/programme-api.js';
import type { ReportContent, ReportIndicatorRow, ReportModel } from '../contracts/report.js';
import type { ReportTemplate, ReportType } from '../contracts/report-template.js';
import { effectiveEndDate, givenDate, isInLastSixMonths } from '../domain/programme-dates.js';
import { dictionary, ownValue } from '../lib/safe-keys.js';

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

/**
 * The Part V rows as the report opens: every indicator of the framework, in the report, with nothing written.
 * Their figures are not copied: while the report is a draft each row shows the value of record of the period
 * (`rowFigures`), so it follows the data until someone writes over it or the report is approved.
 */
export function prefillIndicators(framework: FrameworkTree): ReportContent['indicators'] {
  // by indicator code, a key from outside: an object without a prototype
  const rows: ReportContent['indicators'] = dictionary();
  const all = framework.outcomes.flatMap((o) => [...o.indicators, ...o.outputs.flatMap((x) => x.indicators)]);
  for (const indicator of all) rows[indicator.code] = { progress: null, reason: null, included: true };
  return rows;
}

type RowFigures = Pick<ReportIndicatorRow, 'progress' | 'progressSource' | 'reason' | 'included'>;

/**
 * A Part V row's figures: the cell the writers wrote (even emptied: `''` is written, `null` is not) over the
 * value of record of the report's period, with where the figure comes from. The reason of a stored value
 * comes with it while its figure is shown.
 */
export function rowFigures(
  record: ValueOfRecord | null,
  written: ReportContent['indicators'][string] | undefined,
): RowFigures {
  const wrote = written?.progress !== null && written?.progress !== undefined;
  const shown = record && record.provenance !== 'none' && record.value ? record : null;
  return {
    progress: wrote ? written.progress : (shown?.value?.text ?? null),
    progressSource: wrote ? 'written' : (shown?.provenance ?? 'none'),
    reason: written?.reason ?? (wrote ? null : (shown?.reason ?? null)),
    included: written?.included ?? true,
  };
}

function row(
  indicator: Indicator,
  content: ReportContent,
  records: Readonly<Record<string, ValueOfRecord>>,
): ReportIndicatorRow {
  const record = ownValue(records, indicator.code) ?? null;
  return {
    code: indicator.code,
    title: indicator.title,
    baseline: indicator.baseline,
    endTarget: indicator.targets.find((t) => t.kind === 'end')?.value ?? null,
    milestones: indicator.targets
      .filter((t) => t.kind === 'milestone' && t.value)
      .map((t) => ({ date: t.date, value: t.value! })),
    disaggregations: indicator.disaggregations,
    ...rowFigures(record, ownValue(content.indicators, indicator.code)),
    record,
  };
}

/**
 * A model as it was frozen before rows said where their figure came from: the figures are the writers'.
 */
export function withRowSources(model: ReportModel): ReportModel {
  const fill = (r: ReportIndicatorRow): ReportIndicatorRow =>
    r.progressSource ? r : { ...r, progressSource: r.progress === null ? 'none' : 'written', record: null };
  return {
    ...model,
    outcomes: model.outcomes.map((o) => ({
      ...o,
      indicators: o.indicators.map(fill),
      outputs: o.outputs.map((x) => ({ ...x, indicators: x.indicators.map(fill) })),
    })),
  };
}

export interface AssembleInput {
  programme: ProgrammeDetail;
  framework: FrameworkTree | null;
  template: ReportTemplate;
  type: ReportType;
  year: number;
  content: ReportContent;
  /** the report's date: a report is "in the last six months" as of its period's end */
  periodStart: string;
  periodEnd: string;
  /** the value of record of each indicator (by code) for the report's period */
  records?: Readonly<Record<string, ValueOfRecord>>;
}

export function assembleReport(input: AssembleInput): ReportModel {
  const { programme: p, framework, content } = input;
  const records = input.records ?? {};
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
      // the budget of record (budget lines, else the stated amounts): the figures of the programme's page
      recipients: p.recipients.map((r) => ({
        code: r.organisation.code,
        acronym: r.organisation.acronym ?? r.organisation.name,
        kind: r.organisation.kind,
        convening: r.convening,
        budget: p.budget.byAgency.find((a) => a.organisation.id === r.organisation.id)?.amount ?? null,
      })),
      totalBudget: p.budget.total,
      // as the document gives it: `2020-01` prints "janvier 2020", never "1 janvier 2020"
      firstTransferDate: p.firstTransferDate && givenDate(p.firstTransferDate, p.firstTransferPrecision),
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
      indicators: o.indicators.map((i) => row(i, content, records)),
      outputs: o.outputs.map((out) => ({
        code: out.code,
        statement: out.statement,
        indicators: out.indicators.map((i) => row(i, content, records)),
      })),
    })),
  };
}
