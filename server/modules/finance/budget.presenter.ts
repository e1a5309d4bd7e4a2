/** Budget rows → API shapes, field by field. */
import type { BudgetLine, BudgetSubtotal, StatedTotal } from '../../../core/contracts/finance/budget.js';
import type { OrganisationRef } from '../../../core/contracts/programme-api.js';
import type { LocalizedText } from '../../../core/contracts/programme-document.js';
import {
  outcomeOfOutput,
  type CheckedLine,
  type CheckedStatedTotal,
} from '../../../core/finance/budget-checks.js';
import { optionalText, text } from '../programmes/programmes.presenter.js';
import { round2, sumMoney, pushTo } from './finance-context.js';
import type { LineWithAmounts, StatedTotalRow } from './budget.queries.js';

/** The outcome and output a line counts under: its activity's, else its own. */
export function placeOf(l: LineWithAmounts): { outcome: string | null; output: string | null } {
  if (l.activity) return { outcome: l.activity.outcomeCode, output: l.activity.outputCode };
  const output = l.line.outputCode;
  return { outcome: l.line.outcomeCode ?? (output ? outcomeOfOutput(output) : null), output };
}

export const lineTotal = (l: LineWithAmounts) => sumMoney(l.amounts.map((a) => a.amountUsd));
export const genderShare = (amount: number, percent: number | null) =>
  percent === null ? 0 : round2((amount * percent) / 100);

/** The label a line is shown with: its own, else its activity's title, else its code. */
export function labelOf(l: LineWithAmounts): LocalizedText {
  return (
    optionalText(l.line.labelFr, l.line.labelEn) ??
    (l.activity ? text(l.activity.titleFr, l.activity.titleEn) : { fr: l.line.code })
  );
}

export function presentLine(l: LineWithAmounts, orgs: Map<string, OrganisationRef>): BudgetLine {
  const { outcome, output } = placeOf(l);
  const total = lineTotal(l);
  return {
    id: l.line.id,
    code: l.line.code,
    kind: l.line.kind,
    activity: l.activity
      ? { id: l.activity.id, code: l.activity.code, title: text(l.activity.titleFr, l.activity.titleEn) }
      : null,
    outcome,
    output,
    label: optionalText(l.line.labelFr, l.line.labelEn),
    agency: l.line.agencyId ? (orgs.get(l.line.agencyId) ?? null) : null,
    donor: l.line.donorId ? (orgs.get(l.line.donorId) ?? null) : null,
    fundingNote: l.line.fundingNote,
    unEntities: l.line.unEntities,
    partners: l.line.partners,
    amounts: l.amounts.map((a) => ({
      year: a.year,
      amount: a.amountUsd,
      originalAmount: a.originalAmount,
      originalCurrency: a.originalCurrency,
      exchangeRate: a.exchangeRate,
    })),
    total,
    statedTotal: l.line.statedTotal,
    genderPercent: l.line.genderPercent,
    genderAmount: l.line.genderPercent === null ? null : genderShare(total, l.line.genderPercent),
    source: l.line.source,
    version: l.line.version,
  };
}

const amountsOfRecord = (amounts: Record<string, number>) =>
  Object.entries(amounts)
    .map(([year, amount]) => ({ year: Number(year), amount }))
    .sort((a, b) => a.year - b.year);

export function presentStatedTotal(s: StatedTotalRow): StatedTotal {
  return {
    scope: s.scope,
    code: s.code,
    label: text(s.labelFr, s.labelEn),
    amounts: amountsOfRecord(s.amounts),
    total: s.total,
    source: s.source,
  };
}

/** The lines and printed sub-totals as the pure checker reads them. */
export function toChecked(lines: LineWithAmounts[], stated: StatedTotalRow[]) {
  const checkedLines: CheckedLine[] = lines.map((l) => ({
    code: l.line.code,
    kind: l.line.kind,
    ...placeOf(l),
    label: labelOf(l),
    amounts: new Map(l.amounts.map((a) => [a.year, a.amountUsd])),
    statedTotal: l.line.statedTotal,
  }));
  const checkedTotals: CheckedStatedTotal[] = stated.map((s) => ({
    scope: s.scope,
    code: s.code,
    label: text(s.labelFr, s.labelEn),
    amounts: new Map(Object.entries(s.amounts).map(([y, v]) => [Number(y), v])),
    total: s.total,
  }));
  return { checkedLines, checkedTotals };
}

/** Sub-totals of the lines by a key, in the order the keys first appear (or sorted by `sort`). */
export function subtotalsBy(
  lines: LineWithAmounts[],
  keyOf: (l: LineWithAmounts) => string | null,
  describe: (key: string) => { label: LocalizedText; organisation: OrganisationRef | null },
  sort?: (a: string, b: string) => number,
): BudgetSubtotal[] {
  const groups = new Map<string, LineWithAmounts[]>();
  for (const l of lines) {
    const key = keyOf(l);
    if (key === null) continue;
    const list = groups.get(key) ?? [];
    list.push(l);
    groups.set(key, list);
  }
  const keys = [...groups.keys()];
  if (sort) keys.sort(sort);
  return keys.map((key) => {
    const group = groups.get(key)!;
    const years = new Map<number, number[]>();
    for (const l of group) {
      for (const a of l.amounts) pushTo(years, a.year, a.amountUsd);
    }
    return {
      key,
      ...describe(key),
      amounts: [...years.entries()]
        .sort(([a], [b]) => a - b)
        .map(([year, values]) => ({ year, amount: sumMoney(values) })),
      total: sumMoney(group.map(lineTotal)),
      genderAmount: sumMoney(group.map((l) => genderShare(lineTotal(l), l.line.genderPercent))),
    };
  });
}

/** `1.10` after `1.9`: codes compared part by part as numbers. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isNaN(nx) || Number.isNaN(ny) ? x.localeCompare(y) : nx - ny;
    if (c !== 0) return c;
  }
  return 0;
}
