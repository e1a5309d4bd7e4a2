/**
 * An indicator's data lists the activities' shares in pieces (`?contributions=`): the first 500 unless asked
 * for more, with `activityCount` saying how many there are; a small programme's answer holds them all.
 */
import { describe, expect, it } from 'vitest';
import type { IndicatorData } from '../../../core/contracts/indicator-data.js';
import { anActivity, aProgramme, type MadeProgramme } from '../../test/factories.js';
import { anIndicatorRule } from '../../test/indicator-rule-factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';

describe.each(testEngines)('indicator data in pieces on %s', (engine) => {
  let programme: MadeProgramme;
  let indicator: string;
  const suite = testSuite(engine, {
    data: async (database) => {
      programme = await aProgramme(database, {
        startDate: '2023-01-01',
        firstTransferDate: '2023-01-15',
        endDate: '2025-12-31',
        framework: { outcomes: 1, outputs: 1, indicators: 1, effectiveDate: '2023-01-01' },
      });
      for (const startDate of ['2024-02-03', '2024-03-10', '2024-05-01'])
        await anActivity(database, programme, { startDate });
      indicator = programme.indicators.get('1.1.1')!;
      await anIndicatorRule(database, indicator, { kind: 'count_activities', scope: 'programme' });
    },
  });

  const data = async (query: string) => {
    const res = await suite.app.inject({
      url: `/api/v1/indicators/${indicator}/data?from=2024-01-01&to=2024-12-31${query}`,
    });
    expect(res.statusCode).toBe(200);
    return res.json<IndicatorData>();
  };

  it('lists every share of a small programme, as before', async () => {
    const whole = await data('');
    expect(whole.computed).toMatchObject({ value: 3, activityCount: 3 });
    expect(whole.computed!.contributions).toHaveLength(3);
  });

  it('lists the first ones asked for, the value and the count still of them all', async () => {
    const whole = await data('');
    const first = await data('&contributions=2');
    expect(first.computed).toMatchObject({ value: 3, activityCount: 3 });
    expect(first.computed!.contributions).toEqual(whole.computed!.contributions.slice(0, 2));
  });

  it('refuses a number of shares out of bounds', async () => {
    for (const n of ['0', '10001', 'many']) {
      const res = await suite.app.inject({ url: `/api/v1/indicators/${indicator}/data?contributions=${n}` });
      expect(res.statusCode).toBe(400);
    }
  });
});
