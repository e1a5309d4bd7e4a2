/**
 * The budget of record, as finance serves it (issue 14, item 3). The one implementation is
 * `modules/programmes/programme-budget.ts` (the rule: `core/finance/budget-summary.ts`), which the portfolio and
 * the programme's header use below finance; the finance tabs, the PBF report and the IATI export call it here.
 */
import type { ProgrammeBudget } from '../../../core/contracts/programme-api.js';
import type { DbOrTx } from '../../db/client.js';
import { budgetOf } from '../programmes/programme-budget.js';
import { participantsOf } from '../programmes/programmes.queries.js';

export { budgetsOf } from '../programmes/programme-budget.js';

/** A programme's budget of record: total, by agency, by donor with what is unallocated, by year, its source. */
export async function budgetSummaryOf(db: DbOrTx, programmeId: string): Promise<ProgrammeBudget> {
  const participants = await participantsOf(db, [programmeId], ['recipient', 'donor']);
  return budgetOf(db, programmeId, participants);
}
