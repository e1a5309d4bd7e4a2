/**
 * Who reads a report — its texts, its history, its documents: the readers of its programme (`programme.read`),
 * whatever its status. One rule for every path that shows a report's texts: `/reports/:id` and its export take
 * it as their access rule; the quarterly report of a quarter (`/programmes/:slug/quarterly-report`), whose
 * report is found from the quarter rather than the path, checks it once the report is known.
 */
import { isOperator } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { decideAccess, type AccessRule } from '../auth/access.plugin.js';
import type { Acting } from '../auth/policy.js';
import { programmeOf } from '../auth/programme-scope.js';

export const readReport = {
  permission: 'programme.read',
  programme: programmeOf.report(),
} as const satisfies AccessRule;

/**
 * The same rule for a request's report found another way: 401 anonymous, 403 refused, as the gate answers;
 * the operator at the console reads every report.
 */
export async function assertMayReadReport(db: DbOrTx, actor: Acting, reportId: string): Promise<void> {
  if (isOperator(actor)) return;
  const decision = await decideAccess(readReport, actor, db, { id: reportId });
  if (decision === 'unauthorized') throw new AppError('unauthorized', 'Sign in first');
  if (decision === 'forbidden') throw new AppError('forbidden', 'This account may not do this here');
}
