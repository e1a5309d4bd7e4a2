/** The SQL of reports: read, list, create, edit, move between statuses, delete. */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { ReportType } from '../../../core/contracts/report-template.js';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import type { ReportRow } from './report-workflow.queries.js';

export type NewReportRow = typeof t.reports.$inferInsert;

/** A report with its programme's slug and code. */
export function findReportWithProgramme(db: DbOrTx, id: string) {
  return db
    .select({ report: t.reports, slug: t.programmes.slug, code: t.programmes.code })
    .from(t.reports)
    .innerJoin(t.programmes, eq(t.programmes.id, t.reports.programmeId))
    .where(eq(t.reports.id, id))
    .then((rows) => rows[0]);
}

/** Every report of a programme, the latest period end first, then by type. */
export function findReportsOfProgramme(db: DbOrTx, programmeId: string): Promise<ReportRow[]> {
  return db
    .select()
    .from(t.reports)
    .where(eq(t.reports.programmeId, programmeId))
    .orderBy(desc(t.reports.periodEnd), asc(t.reports.type));
}

/** A report's history: every version, who made it and for which agency, the latest first. */
export function findRevisionsOfReport(db: DbOrTx, reportId: string) {
  return db
    .select({
      version: t.reportRevisions.version,
      status: t.reportRevisions.status,
      event: t.reportRevisions.event,
      reason: t.reportRevisions.reason,
      at: t.reportRevisions.createdAt,
      by: t.reportRevisions.actorName,
      agency: t.organisations.code,
    })
    .from(t.reportRevisions)
    .leftJoin(t.organisations, eq(t.organisations.id, t.reportRevisions.organisationId))
    .where(eq(t.reportRevisions.reportId, reportId))
    .orderBy(desc(t.reportRevisions.version));
}

/** The id of the report of the programme with this slug for a type and year, if any. */
export function findReportIdBySlugTypeYear(
  db: DbOrTx,
  slug: string,
  type: ReportType,
  year: number,
): Promise<string | undefined> {
  return db
    .select({ id: t.reports.id })
    .from(t.reports)
    .innerJoin(t.programmes, eq(t.programmes.id, t.reports.programmeId))
    .where(and(eq(t.programmes.slug, slug), eq(t.reports.type, type), eq(t.reports.year, year)))
    .limit(1)
    .then((rows) => rows[0]?.id);
}

/** Writes a report unless one exists already for its programme, type and year; its id, or undefined. */
export function insertReportIfNew(db: DbOrTx, values: NewReportRow): Promise<string | undefined> {
  return db
    .insert(t.reports)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: t.reports.id })
    .then((rows) => rows[0]?.id);
}

/** Stores the assembled report frozen at acceptance. */
export async function setFrozenModel(db: DbOrTx, id: string, frozenModel: ReportRow['frozenModel']) {
  await db.update(t.reports).set({ frozenModel }).where(eq(t.reports.id, id));
}

/** The content of a report at one of its versions, if that version exists. */
export function findRevisionContent(
  db: DbOrTx,
  reportId: string,
  version: number,
): Promise<{ content: ReportRow['content'] } | undefined> {
  return db
    .select({ content: t.reportRevisions.content })
    .from(t.reportRevisions)
    .where(and(eq(t.reportRevisions.reportId, reportId), eq(t.reportRevisions.version, version)))
    .then((rows) => rows[0]);
}

/** Writes a report's new content at its new version. */
export async function setReportContent(
  db: DbOrTx,
  id: string,
  change: Pick<ReportRow, 'content' | 'version' | 'updatedAt'>,
): Promise<void> {
  await db.update(t.reports).set(change).where(eq(t.reports.id, id));
}

/** Whether a report has a comment not yet resolved. */
export async function hasOpenComment(db: DbOrTx, reportId: string): Promise<boolean> {
  const open = await db
    .select({ id: t.reportComments.id })
    .from(t.reportComments)
    .where(and(eq(t.reportComments.reportId, reportId), isNull(t.reportComments.resolvedAt)))
    .limit(1);
  return open.length > 0;
}

/** Moves a report to a status at its new version, with what acceptance freezes (or unfreezes). */
export async function setReportStatus(
  db: DbOrTx,
  id: string,
  move: Pick<ReportRow, 'status' | 'version' | 'updatedAt' | 'frozenModel' | 'frozenQuarterly'>,
): Promise<void> {
  await db.update(t.reports).set(move).where(eq(t.reports.id, id));
}

/** Deletes a report if it is still a draft; whether it was deleted. */
export async function deleteDraftReport(db: DbOrTx, id: string): Promise<boolean> {
  const deleted = await db
    .delete(t.reports)
    .where(and(eq(t.reports.id, id), sql`${t.reports.status} = 'draft'`))
    .returning({ id: t.reports.id });
  return deleted.length > 0;
}
