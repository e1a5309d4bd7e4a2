/**
 * The rule computing an indicator from the activities, set as a coordinator sets it (the service of
 * `PUT /api/v1/indicators/:id/rule`). A factory of its own file, beside `factories.ts`; see "Test data" in
 * CONTRIBUTING.md.
 */
import { indicatorRule, type IndicatorRuleInput } from '../../core/contracts/indicator-data.js';
import type { Database } from '../db/client.js';
import { setRule } from '../modules/indicator-data/indicator-data.service.js';
import { factoryContext } from './factories.js';

/** Computes the indicator from the activities: by default the participants of the activities linked to it. */
export async function anIndicatorRule(
  database: Database,
  indicatorId: string,
  rule: Partial<IndicatorRuleInput> = {},
): Promise<void> {
  await setRule(factoryContext(database), indicatorId, {
    rule: indicatorRule.parse({ kind: 'sum_participants', ...rule }),
  });
}
