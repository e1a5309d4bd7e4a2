/** The SQL of the locks on reports: the move that set a report's status, the reports in review or accepted. */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

export type LockedReportRow = typeof t.reports.$inferSelect;

/** The move that set a report's status (approved, or imported as approved; submitted): who and when. */
export function findStatusMoveOfReport(
  db: DbOrTx,
  report: Pick<LockedReportRow, 'id' | 'status'>,
): Promise<{ by: string | null; at: Date } | undefined> {
  return db
    .select({ by: t.reportRevisions.actorName, at: t.reportRevisions.createdAt })
    .from(t.reportRevisions)
    .where(
      and(
        eq(t.reportRevisions.reportId, report.id),
        eq(t.reportRevisions.status, report.status),
        inArray(t.reportRevisions.event, ['approved', 'submitted', 'imported']),
      ),
    )
    .orderBy(desc(t.reportRevisions.version))
    .limit(1)
    .then((rows) => rows[0]);
}

/** A programme's reports in review or accepted, by the start of their period. */
export function findReportsInReviewOrAccepted(db: DbOrTx, programmeId: string) {
  return db
    .select({
      id: t.reports.id,
      type: t.reports.type,
      year: t.reports.year,
      status: t.reports.status,
      periodStart: t.reports.periodStart,
      periodEnd: t.reports.periodEnd,
    })
    .from(t.reports)
    .where(and(eq(t.reports.programmeId, programmeId), inArray(t.reports.status, ['submitted', 'approved'])))
    .orderBy(t.reports.periodStart);
}
