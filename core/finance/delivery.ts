/**
 * Delivery (implementation) rates: what was spent against what was budgeted, for any set of budget lines at a
 * date. The PBF report asks for the rate against the total budget; the rate against the budget planned up to
 * the date's year says whether spending keeps pace with the work plan. The gender-responsive amounts follow each
 * line's share.
 */
export interface DeliveryLine {
  /** USD per year */
  budget: { year: number; amount: number }[];
  /** USD spent on periods ended by the date */
  spent: number;
  /** 0–100, or null when the line is not tagged */
  genderPercent: number | null;
}

export interface DeliveryFigures {
  budget: number;
  budgetToDate: number;
  spent: number;
  /** spent ÷ budget, in %, two decimals; null without budget */
  rate: number | null;
  rateToDate: number | null;
  genderBudget: number;
  genderSpent: number;
}

const cents = (v: number) => Math.round(v * 100);
const rateOf = (spent: number, budget: number) =>
  budget > 0 ? Math.round((spent / budget) * 10000) / 100 : null;

/** The delivery figures of a set of lines at a date of year `asOfYear`. */
export function deliveryOf(lines: DeliveryLine[], asOfYear: number): DeliveryFigures {
  let budget = 0;
  let budgetToDate = 0;
  let spent = 0;
  let genderBudget = 0;
  let genderSpent = 0;
  for (const line of lines) {
    let lineBudget = 0;
    for (const b of line.budget) {
      lineBudget += cents(b.amount);
      if (b.year <= asOfYear) budgetToDate += cents(b.amount);
    }
    budget += lineBudget;
    spent += cents(line.spent);
    if (line.genderPercent !== null) {
      genderBudget += Math.round((lineBudget * line.genderPercent) / 100);
      genderSpent += Math.round((cents(line.spent) * line.genderPercent) / 100);
    }
  }
  return {
    budget: budget / 100,
    budgetToDate: budgetToDate / 100,
    spent: spent / 100,
    rate: rateOf(spent, budget),
    rateToDate: rateOf(spent, budgetToDate),
    genderBudget: genderBudget / 100,
    genderSpent: genderSpent / 100,
  };
}

/** The mean of the known achievements, weighted (by budget, say), as a percentage; null when none is known. */
export function weightedAchievement(items: { achievement: number | null; weight: number }[]): number | null {
  const known = items.filter((i) => i.achievement !== null && i.weight > 0);
  const weight = known.reduce((s, i) => s + i.weight, 0);
  if (known.length === 0 || weight === 0) return null;
  return Math.round((known.reduce((s, i) => s + i.achievement! * i.weight, 0) / weight) * 100) / 100;
}
