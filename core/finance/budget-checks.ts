/**
 * Checks a budget's printed figures the way a careful reader would, without ever changing them: each line's
 * years against its printed total (`row`), and each printed sub-total against the sum of what it totals
 * (`children`) — an output's lines; an outcome's output sub-totals and technical support; the activities'
 * outcome sub-totals; the budget's activities total and management costs; the grand total's budget, GMS and
 * levy. Where a level has no printed sub-total, the sum of its lines stands in for it. Each inconsistency is
 * therefore reported once, where it arises.
 */
import type { BudgetLineKind, StatedTotalScope } from '../contracts/finance-vocabulary.js';
import type { Discrepancy } from '../contracts/finance/budget.js';
import type { LocalizedText } from '../contracts/programme-document.js';

export interface CheckedLine {
  code: string;
  kind: BudgetLineKind;
  outcome: string | null;
  output: string | null;
  label: LocalizedText;
  /** USD per year */
  amounts: Map<number, number>;
  statedTotal: number | null;
}

export interface CheckedStatedTotal {
  scope: StatedTotalScope;
  code: string | null;
  label: LocalizedText;
  amounts: Map<number, number>;
  total: number | null;
}

/** A row of figures: per year, and the Total column. */
interface Figures {
  years: Map<number, number>;
  total: number;
}

const EPSILON = 0.005;
const round2 = (v: number) => Math.round(v * 100) / 100;
const sumOf = (values: Iterable<number>) => round2([...values].reduce((a, b) => a + b, 0));

function lineFigures(line: CheckedLine): Figures {
  return { years: line.amounts, total: line.statedTotal ?? sumOf(line.amounts.values()) };
}
function statedFigures(total: CheckedStatedTotal): Figures {
  return { years: total.amounts, total: total.total ?? sumOf(total.amounts.values()) };
}
function add(figures: Figures[], years: number[]): Figures {
  const out = new Map<number, number>();
  for (const year of years) out.set(year, sumOf(figures.map((f) => f.years.get(year) ?? 0)));
  return { years: out, total: sumOf(figures.map((f) => f.total)) };
}

/** Every printed figure that does not add up, in the document's order. */
export function checkBudget(lines: CheckedLine[], statedTotals: CheckedStatedTotal[]): Discrepancy[] {
  const found: Discrepancy[] = [];
  const years = [
    ...new Set([
      ...lines.flatMap((l) => [...l.amounts.keys()]),
      ...statedTotals.flatMap((s) => [...s.amounts.keys()]),
    ]),
  ].sort((a, b) => a - b);

  for (const line of lines) {
    if (line.statedTotal === null) continue;
    const computed = sumOf(line.amounts.values());
    if (Math.abs(computed - line.statedTotal) >= EPSILON) {
      found.push({
        kind: 'line',
        scope: 'line',
        code: line.code,
        label: line.label,
        year: null,
        basis: 'row',
        stated: line.statedTotal,
        computed,
        difference: round2(line.statedTotal - computed),
      });
    }
  }

  const stated = (scope: StatedTotalScope, code: string | null = null) =>
    statedTotals.find((s) => s.scope === scope && (s.code ?? null) === code);

  const outputsOf = (outcome: string) => [
    ...new Set([
      ...lines.filter((l) => l.outcome === outcome && l.output).map((l) => l.output!),
      ...statedTotals
        .filter((s) => s.scope === 'output' && s.code && outcomeOfOutput(s.code) === outcome)
        .map((s) => s.code!),
    ]),
  ];
  const outcomes = [
    ...new Set([
      ...lines
        .filter((l) => l.kind === 'activity' || l.kind === 'technical_support')
        .flatMap((l) => (l.outcome ? [l.outcome] : [])),
      ...statedTotals.filter((s) => s.scope === 'outcome' && s.code).map((s) => s.code!),
    ]),
  ];

  const computedOutput = (code: string) =>
    add(lines.filter((l) => l.kind === 'activity' && l.output === code).map(lineFigures), years);
  const figuresOfOutput = (code: string) => {
    const s = stated('output', code);
    return s ? statedFigures(s) : computedOutput(code);
  };
  const computedOutcome = (code: string) =>
    add(
      [
        ...outputsOf(code).map(figuresOfOutput),
        ...lines
          .filter(
            (l) =>
              l.outcome === code && (l.kind === 'technical_support' || (l.kind === 'activity' && !l.output)),
          )
          .map(lineFigures),
      ],
      years,
    );
  const figuresOfOutcome = (code: string) => {
    const s = stated('outcome', code);
    return s ? statedFigures(s) : computedOutcome(code);
  };
  const computedActivities = () =>
    add(
      [
        ...outcomes.map(figuresOfOutcome),
        ...lines.filter((l) => l.kind === 'activity' && !l.outcome).map(lineFigures),
      ],
      years,
    );
  const figuresOfActivities = () => {
    const s = stated('activities');
    return s ? statedFigures(s) : computedActivities();
  };
  const computedBudget = () =>
    add([figuresOfActivities(), ...lines.filter((l) => l.kind === 'management').map(lineFigures)], years);
  const figuresOfBudget = () => {
    const s = stated('budget');
    return s ? statedFigures(s) : computedBudget();
  };
  const computedGrandTotal = () =>
    add([figuresOfBudget(), ...lines.filter((l) => l.kind === 'indirect').map(lineFigures)], years);

  const compare = (total: CheckedStatedTotal, computed: Figures) => {
    for (const year of years) {
      const printed = total.amounts.get(year) ?? 0;
      const sum = computed.years.get(year) ?? 0;
      if (Math.abs(printed - sum) >= EPSILON)
        found.push(discrepancyOf(total, year, 'children', printed, sum));
    }
    if (total.total !== null && Math.abs(total.total - computed.total) >= EPSILON)
      found.push(discrepancyOf(total, null, 'children', total.total, computed.total));
    if (total.total !== null) {
      const across = sumOf(total.amounts.values());
      if (Math.abs(total.total - across) >= EPSILON)
        found.push(discrepancyOf(total, null, 'row', total.total, across));
    }
  };

  for (const total of statedTotals) {
    switch (total.scope) {
      case 'output':
        if (total.code) compare(total, computedOutput(total.code));
        break;
      case 'outcome':
        if (total.code) compare(total, computedOutcome(total.code));
        break;
      case 'activities':
        compare(total, computedActivities());
        break;
      case 'budget':
        compare(total, computedBudget());
        break;
      case 'grand_total':
        compare(total, computedGrandTotal());
        break;
    }
  }
  return found;
}

function discrepancyOf(
  total: CheckedStatedTotal,
  year: number | null,
  basis: 'row' | 'children',
  stated: number,
  computed: number,
): Discrepancy {
  return {
    kind: 'stated_total',
    scope: total.scope,
    code: total.code,
    label: total.label,
    year,
    basis,
    stated,
    computed,
    difference: round2(stated - computed),
  };
}

/** `2.3` → `2`: an output's outcome is the part of its code before the first dot. */
export function outcomeOfOutput(output: string): string {
  return output.split('.')[0]!;
}
