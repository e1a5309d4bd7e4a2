/**
 * Who reads a report — its texts, its history, its documents: the readers of its programme (`programme.read`)
 * once it is submitted or accepted; a draft only those who read the drafting (`programme.drafts`, not a donor:
 * docs/decisions/0016, `mayReadReportIn`; `getReport` checks the status on every path). One rule for every path that shows a report's texts: `/reports/:id` and its export take
 * it as their access rule; the quarterly report of a quarter (`/programmes/:slug/quarterly-report`), whose
 * report is found from the quarter rather than the path, checks it once the report is known.
 */
import { tIn } from '../../../core/i18n/t.js';
import { isOperator, type ServiceContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { decideAccess, type AccessRule } from '../auth/access.plugin.js';
import { mayReadReportIn } from '../auth/policy.js';
import { findReportStatus } from './report-workflow.queries.js';
import { programmeOf } from '../auth/programme-scope.js';

export const readReport = {
  permission: 'programme.read',
  programme: programmeOf.report(),
} as const satisfies AccessRule;

/**
 * The same rule for a request's report found another way: 401 anonymous, 403 refused, as the gate answers,
 * and a draft refused with its sentence to those who do not read the drafting.
 */
export async function assertMayReadReport(ctx: ServiceContext, reportId: string): Promise<void> {
  if (isOperator(ctx.actor)) return;
  const decision = await decideAccess(readReport, ctx.actor, ctx.db, { id: reportId });
  if (decision === 'unauthorized') throw new AppError('unauthorized', 'Sign in first');
  if (decision === 'forbidden') throw new AppError('forbidden', 'This account may not do this here');
  const report = await findReportStatus(ctx.db, reportId);
  if (report && !mayReadReportIn(ctx.actor, report.programmeId, report.status)) {
    const sentence = tIn(ctx.locale)('reportRules.workflow.draftNotShared');
    throw new AppError('forbidden', 'A draft is read by its writers and reviewers only', {
      detail: sentence,
      issues: [{ path: 'query.quarter', message: sentence }],
    });
  }
}
