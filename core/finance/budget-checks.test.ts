import { describe, expect, it } from 'vitest';
import { checkBudget, type CheckedLine, type CheckedStatedTotal } from './budget-checks.js';

const line = (
  code: string,
  output: string | null,
  amounts: [number, number][],
  statedTotal: number | null,
  kind: CheckedLine['kind'] = 'activity',
  outcome = output?.split('.')[0] ?? null,
): CheckedLine => ({
  code,
  kind,
  outcome,
  output,
  label: { fr: code },
  amounts: new Map(amounts),
  statedTotal,
});
const stated = (
  scope: CheckedStatedTotal['scope'],
  code: string | null,
  amounts: [number, number][],
  total: number | null,
): CheckedStatedTotal => ({
  scope,
  code,
  label: { fr: `${scope} ${code ?? ''}` },
  amounts: new Map(amounts),
  total,
});

describe('checking printed sub-totals', () => {
  it('finds nothing when everything adds up', () => {
    const lines = [
      line(
        'a',
        '1.1',
        [
          [2021, 100],
          [2022, 50],
        ],
        150,
      ),
      line('b', '1.1', [[2022, 25]], 25),
    ];
    const totals = [
      stated(
        'output',
        '1.1',
        [
          [2021, 100],
          [2022, 75],
        ],
        175,
      ),
      stated(
        'outcome',
        '1',
        [
          [2021, 100],
          [2022, 75],
        ],
        175,
      ),
    ];
    expect(checkBudget(lines, totals)).toEqual([]);
  });

  it('reports a line whose years do not make its printed total, and a sub-total whose years do not make its own', () => {
    const lines = [
      line(
        'a',
        '1.1',
        [
          [2021, 123499],
          [2022, 123499],
        ],
        246997,
      ),
    ];
    // the output's Total column adds the lines' printed totals: it agrees with the line, not with its own years
    const totals = [
      stated(
        'output',
        '1.1',
        [
          [2021, 123499],
          [2022, 123499],
        ],
        246997,
      ),
    ];
    expect(checkBudget(lines, totals)).toEqual([
      expect.objectContaining({
        kind: 'line',
        code: 'a',
        basis: 'row',
        stated: 246997,
        computed: 246998,
        difference: -1,
      }),
      expect.objectContaining({
        kind: 'stated_total',
        code: '1.1',
        year: null,
        basis: 'row',
        stated: 246997,
        computed: 246998,
      }),
    ]);
  });

  it('checks an outcome against its printed output sub-totals and technical support, not against the cells', () => {
    const lines = [
      line('a', '1.1', [[2021, 10]], 10),
      line('AT', null, [[2021, 5]], 5, 'technical_support', '1'),
    ];
    const totals = [stated('output', '1.1', [[2021, 11]], 11), stated('outcome', '1', [[2021, 16]], 16)];
    const found = checkBudget(lines, totals);
    expect(found.map((d) => [d.scope, d.year, d.difference])).toEqual([
      ['output', 2021, 1],
      ['output', null, 1],
    ]);
  });

  it('checks the totals of activities, budget and grand total, and a total row against its own years', () => {
    const lines = [
      line('a', '1.1', [[2021, 100]], 100),
      line('b', '2.1', [[2021, 200]], 200),
      line('M', null, [[2021, 30]], 30, 'management', null),
      line('GMS', null, [[2021, 8]], 8, 'indirect', null),
    ];
    const totals = [
      stated('outcome', '1', [[2021, 100]], 100),
      stated('outcome', '2', [[2021, 200]], 200),
      stated('activities', null, [[2021, 299]], 299),
      stated('budget', null, [[2021, 329]], 329),
      stated('grand_total', null, [[2021, 337]], 338),
    ];
    const found = checkBudget(lines, totals).map((d) => [d.scope, d.year, d.basis, d.stated, d.computed]);
    expect(found).toEqual([
      ['activities', 2021, 'children', 299, 300],
      ['activities', null, 'children', 299, 300],
      ['grand_total', null, 'children', 338, 337],
      ['grand_total', null, 'row', 338, 337],
    ]);
  });
});
