/**
 * Budget vs expenditure vs results at a date: delivery per agency, outcome, output, donor and year, beside the
 * progress of the indicators the money pays for (is money going where results are lagging?), the funding gap,
 * catalytic funding, and the figures the PBF report header asks for.
 */
import type {
  DeliveryRow,
  FinanceOverview,
  ResultsProgress,
} from '../../../core/contracts/finance/delivery.js';
import type { ValueOfRecord } from '../../../core/contracts/indicator-data.js';
import type { FrameworkTree, Indicator, OrganisationRef } from '../../../core/contracts/programme-api.js';
import type { StoredValue } from '../../../core/contracts/value-spec.js';
import type { LocalizedText } from '../../../core/contracts/programme-document.js';
import { deliveryOf, weightedAchievement } from '../../../core/finance/delivery.js';
import { checkBudget } from '../../../core/finance/budget-checks.js';
import { computeProgress } from '../../../core/domain/progress.js';
import type { DbOrTx } from '../../db/client.js';
import type { ServiceContext } from '../../context.js';
import { getFramework } from '../frameworks/frameworks.service.js';
import { valuesOfRecord } from '../indicator-data/values-of-record.js';
import { programmeBySlugOr404 } from '../programmes/programmes.queries.js';
import {
  expensesEndedBy,
  linesOf,
  spentByLine,
  spentByPeriodYear,
  statedTotalsOf,
  type LineWithAmounts,
} from './budget.queries.js';
import { compareCodes, placeOf, toChecked } from './budget.presenter.js';
import { fundingOf } from './budget.service.js';
import { budgetSummaryOf } from './budget-summary.js';
import { catalyticOf } from './catalytic.service.js';
import { inEveryLanguage } from './finance-messages.js';
import { loadFinanceProgramme, organisationsById, sumMoney, todayOf, pushTo } from './finance-context.js';

/**
 * Where the finance synthesis' results period starts: the programme's first transfer, else its start (the
 * dashboard's "programme to date" starts there too).
 */
export function financePeriodStart(programme: {
  firstTransferDate: string | null;
  startDate: string | null;
}): string {
  return programme.firstTransferDate ?? programme.startDate ?? '1900-01-01';
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/**
 * Which value of an indicator the synthesis' results count as measured: its value of record over the programme
 * to the date (`valuesOfRecord`: entered or validated over computed from the activities, computed over nothing),
 * so the synthesis counts what the dashboard of the same period counts (issue 14, item 1).
 */
export function resultsValueOf(
  indicator: Indicator,
  records: ReadonlyMap<string, ValueOfRecord>,
): { value: StoredValue; periodEnd: string } | null {
  const record = records.get(indicator.code);
  return record && record.provenance !== 'none' && record.value && record.date
    ? { value: record.value, periodEnd: record.date }
    : null;
}

/** An indicator's achievement toward its end target at its value of record (0–1), or null if not measurable. */
function achievementOf(indicator: Indicator, programme: Dates): number | null {
  const measured = resultsValueOf(indicator, programme.records);
  if (!measured?.value) return null;
  const progress = computeProgress({
    measure: indicator.measure,
    direction: indicator.direction,
    baseline: indicator.baseline,
    targets: indicator.targets,
    actual: measured.value,
    asOf: measured.periodEnd,
    start: programme.start,
    end: programme.end,
  });
  return progress.achievement === null ? null : clamp01(progress.achievement);
}

/** The programme's dates and its indicators' values of record to the date. */
interface Dates {
  start: string | null;
  end: string;
  records: ReadonlyMap<string, ValueOfRecord>;
}

function resultsOf(indicators: Indicator[], programme: Dates): ResultsProgress {
  const achievements = indicators.map((i) => achievementOf(i, programme));
  const measured = achievements.filter((a): a is number => a !== null);
  return {
    indicators: indicators.length,
    measured: measured.length,
    achievement: measured.length
      ? Math.round((measured.reduce((s, a) => s + a, 0) / measured.length) * 10000) / 100
      : null,
  };
}

interface Figures {
  line: LineWithAmounts;
  spent: number;
}

function row(
  key: string,
  label: LocalizedText,
  organisation: OrganisationRef | null,
  group: Figures[],
  asOfYear: number,
  results: ResultsProgress | null,
): DeliveryRow {
  const d = deliveryOf(
    group.map((g) => ({
      budget: g.line.amounts.map((a) => ({ year: a.year, amount: a.amountUsd })),
      spent: g.spent,
      genderPercent: g.line.line.genderPercent,
    })),
    asOfYear,
  );
  return { key, label, organisation, ...d, results };
}

function groupBy(figures: Figures[], keyOf: (f: Figures) => string | null): Map<string, Figures[]> {
  const groups = new Map<string, Figures[]>();
  for (const f of figures) {
    const key = keyOf(f);
    if (key === null) continue;
    pushTo(groups, key, f);
  }
  return groups;
}

/** Budget, expenditure and results of a programme at a date (today when none). */
export async function getFinanceOverview(
  ctx: ServiceContext,
  slug: string,
  asOfInput?: string,
): Promise<FinanceOverview> {
  const programme = await programmeBySlugOr404(ctx.db, slug);
  const asOf = asOfInput ?? todayOf(ctx);
  const asOfYear = Number(asOf.slice(0, 4));
  const [fp, lines, spent, catalytic, stated, framework, summary] = await Promise.all([
    loadFinanceProgramme(ctx.db, programme, todayOf(ctx)),
    linesOf(ctx.db, programme.id),
    spentByLine(ctx.db, programme.id, asOf),
    catalyticOf(ctx.db, programme.id, asOf),
    statedTotalsOf(ctx.db, programme.id),
    getFramework(ctx, slug).catch((): FrameworkTree | null => null),
    budgetSummaryOf(ctx.db, programme.id),
  ]);
  const orgs = await organisationsById(
    ctx.db,
    lines.flatMap((l) => [l.line.agencyId, l.line.donorId]),
  );
  const figures: Figures[] = lines.map((line) => ({ line, spent: spent.get(line.line.id) ?? 0 }));
  // the values of record over the programme to the date: those the dashboard of that period shows
  const records = framework
    ? await valuesOfRecord(
        ctx.db,
        ctx.locale,
        programme.id,
        { from: financePeriodStart(programme), to: asOf },
        { frameworkVersion: framework.version },
      )
    : new Map<string, ValueOfRecord>();
  const dates: Dates = {
    start: programme.startDate,
    end: programme.revisedEndDate ?? programme.endDate,
    records,
  };

  // results: the indicators of the framework in force, by output and by outcome
  const outputResults = new Map<string, ResultsProgress>();
  const outcomeResults = new Map<string, ResultsProgress>();
  const allIndicators: Indicator[] = [];
  for (const outcome of framework?.outcomes ?? []) {
    const all = [...outcome.indicators, ...outcome.outputs.flatMap((o) => o.indicators)];
    allIndicators.push(...all);
    outcomeResults.set(outcome.code, resultsOf(all, dates));
    for (const output of outcome.outputs) outputResults.set(output.code, resultsOf(output.indicators, dates));
  }

  const byOutput = [...groupBy(figures, (f) => placeOf(f.line).output).entries()]
    .sort(([a], [b]) => compareCodes(a, b))
    .map(([code, group]) =>
      row(
        code,
        fp.outputStatements.get(code) ?? inEveryLanguage('financeRules.labels.output', { code }),
        null,
        group,
        asOfYear,
        outputResults.get(code) ?? null,
      ),
    );
  const byOutcome = [...groupBy(figures, (f) => placeOf(f.line).outcome).entries()]
    .sort(([a], [b]) => compareCodes(a, b))
    .map(([code, group]) =>
      row(
        code,
        fp.outcomeStatements.get(code) ?? inEveryLanguage('financeRules.labels.outcome', { code }),
        null,
        group,
        asOfYear,
        outcomeResults.get(code) ?? null,
      ),
    );
  // an agency's results: the progress of the outputs it spends on, weighted by its budget in each
  const agencyResults = (group: Figures[]): ResultsProgress | null => {
    const byOut = groupBy(group, (f) => placeOf(f.line).output);
    const items = [...byOut.entries()].map(([code, g]) => ({
      results: outputResults.get(code),
      weight: sumMoney(g.flatMap((f) => f.line.amounts.map((a) => a.amountUsd))),
    }));
    const known = items.filter((i) => i.results);
    if (known.length === 0) return null;
    return {
      indicators: known.reduce((s, i) => s + i.results!.indicators, 0),
      measured: known.reduce((s, i) => s + i.results!.measured, 0),
      achievement: weightedAchievement(
        known.map((i) => ({ achievement: i.results!.achievement, weight: i.weight })),
      ),
    };
  };
  const orgRow =
    (fallback: LocalizedText, results: boolean) =>
    ([key, group]: [string, Figures[]]) => {
      const org = key ? (orgs.get(key) ?? null) : null;
      return row(
        org?.code ?? '',
        org ? (org.acronym ?? org.name) : fallback,
        org,
        group,
        asOfYear,
        results ? agencyResults(group) : null,
      );
    };
  const byAgency = [...groupBy(figures, (f) => f.line.line.agencyId ?? '').entries()].map(
    orgRow(inEveryLanguage('financeRules.labels.unattributed'), true),
  );
  const byDonor = [...groupBy(figures, (f) => f.line.line.donorId ?? '').entries()].map(
    orgRow(inEveryLanguage('financeRules.labels.unallocated'), false),
  );
  const years = new Map<number, { budget: number[]; spent: number }>();
  for (const l of lines)
    for (const a of l.amounts) {
      const y = years.get(a.year);
      if (y) y.budget.push(a.amountUsd);
      else years.set(a.year, { budget: [a.amountUsd], spent: 0 });
    }
  const spentByYear = await spentByPeriodYear(ctx.db, programme.id, asOf);
  for (const [year, value] of spentByYear)
    years.set(year, { budget: years.get(year)?.budget ?? [], spent: value });

  const total = row(
    programme.code,
    inEveryLanguage('financeRules.labels.programme'),
    null,
    figures,
    asOfYear,
    resultsOf(allIndicators, dates),
  );
  const hasExpenditure = spent.size > 0;
  const tagged = lines.some((l) => l.line.genderPercent !== null);
  const { checkedLines, checkedTotals } = toChecked(lines, stated);
  return {
    programme: { slug: programme.slug, code: programme.code },
    asOf,
    currency: 'USD',
    hasExpenditure,
    programmeTotal: total,
    byAgency,
    byOutcome,
    byOutput,
    // the delivery by donor when the lines name donors; else the budget of record's split (`summary`) is it
    byDonor: summary.donorSource === 'budget_lines' ? byDonor : [],
    byYear: [...years.entries()]
      .sort(([a], [b]) => a - b)
      .map(([year, v]) => ({ year, budget: sumMoney(v.budget), spent: v.spent })),
    funding: fundingOf(fp, lines),
    summary,
    catalytic: { total: sumMoney(catalytic.map((c) => c.amount)), items: catalytic },
    reportFigures: {
      implementationRate: hasExpenditure ? total.rate : null,
      genderBudgetSpent: hasExpenditure && tagged ? total.genderSpent : null,
    },
    discrepancies: checkBudget(checkedLines, checkedTotals).length,
  };
}

export interface ReportFinanceFigures {
  /** spent ÷ total budget at the period's end, in %; null when no expenditure is recorded by then */
  implementationRate: number | null;
  /** the gender-responsive part of what was spent; null without expenditure or without tagged lines */
  genderBudgetSpent: number | null;
  /** catalytic funding obtained by the period's end, as the report's donor table takes it */
  catalyticFunding: { donor: string; amount: number }[];
}

/**
 * What the PBF report is offered at creation for its header (implementation rate, gender-responsive budget
 * spent) and its catalytic-funding table, computed from the budget lines, the expenditure and the catalytic
 * funding recorded up to the period's end. Null figures leave the report to its other sources.
 */
export async function reportFinanceFigures(
  db: DbOrTx,
  programmeId: string,
  periodEnd: string,
): Promise<ReportFinanceFigures> {
  const [expenses, catalytic] = await Promise.all([
    expensesEndedBy(db, programmeId, periodEnd),
    catalyticOf(db, programmeId, periodEnd),
  ]);
  const catalyticFunding = catalytic.map((c) => ({
    donor: c.donor ? (c.donor.acronym?.fr ?? c.donor.name.fr) : c.donorName,
    amount: c.amount,
  }));
  if (expenses === 0) return { implementationRate: null, genderBudgetSpent: null, catalyticFunding };
  const [lines, spent] = await Promise.all([
    linesOf(db, programmeId),
    spentByLine(db, programmeId, periodEnd),
  ]);
  const d = deliveryOf(
    lines.map((l) => ({
      budget: l.amounts.map((a) => ({ year: a.year, amount: a.amountUsd })),
      spent: spent.get(l.line.id) ?? 0,
      genderPercent: l.line.genderPercent,
    })),
    Number(periodEnd.slice(0, 4)),
  );
  return {
    implementationRate: d.rate,
    genderBudgetSpent: lines.some((l) => l.line.genderPercent !== null) ? d.genderSpent : null,
    catalyticFunding,
  };
}
