import { describe, expect, it } from 'vitest';
import { deliveryOf, weightedAchievement } from './delivery.js';

describe('delivery rates', () => {
  it('divides spending by the total budget and by the budget planned to date, in cents', () => {
    const d = deliveryOf(
      [
        {
          budget: [
            { year: 2021, amount: 100000 },
            { year: 2022, amount: 300000 },
          ],
          spent: 80000.1,
          genderPercent: null,
        },
        { budget: [{ year: 2022, amount: 100000 }], spent: 20000.2, genderPercent: 50 },
      ],
      2021,
    );
    expect(d).toEqual({
      budget: 500000,
      budgetToDate: 100000,
      spent: 100000.3,
      rate: 20,
      rateToDate: 100,
      genderBudget: 50000,
      genderSpent: 10000.1,
    });
  });

  it('gives no rate without budget', () => {
    expect(deliveryOf([], 2024).rate).toBeNull();
  });

  it('weights achievements and ignores the unknown ones', () => {
    expect(
      weightedAchievement([
        { achievement: 50, weight: 3 },
        { achievement: 100, weight: 1 },
        { achievement: null, weight: 10 },
      ]),
    ).toBe(62.5);
    expect(weightedAchievement([{ achievement: null, weight: 1 }])).toBeNull();
  });
});
