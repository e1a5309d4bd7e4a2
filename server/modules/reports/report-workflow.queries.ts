/** The SQL of a report's multi-agency side: the agencies' parts, the comments, the report locked for a change. */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

export type ReportRow = typeof t.reports.$inferSelect;
export type ReportPartRow = typeof t.reportParts.$inferSelect;
export type ReportCommentRow = typeof t.reportComments.$inferSelect;

/** The programme's recipient agencies, in its order. */
export function findRecipientAgencies(db: DbOrTx, programmeId: string) {
  return db
    .select({
      id: t.organisations.id,
      code: t.organisations.code,
      nameFr: t.organisations.nameFr,
      nameEn: t.organisations.nameEn,
      acronymFr: t.organisations.acronymFr,
      acronymEn: t.organisations.acronymEn,
    })
    .from(t.programmeParticipants)
    .innerJoin(t.organisations, eq(t.organisations.id, t.programmeParticipants.organisationId))
    .where(
      and(
        eq(t.programmeParticipants.programmeId, programmeId),
        eq(t.programmeParticipants.role, 'recipient'),
      ),
    )
    .orderBy(asc(t.programmeParticipants.sort), asc(t.organisations.code));
}

/** The marks the agencies put on their parts of a report (an agency that never marked has none). */
export function findPartMarksOfReport(db: DbOrTx, reportId: string): Promise<ReportPartRow[]> {
  return db.select().from(t.reportParts).where(eq(t.reportParts.reportId, reportId));
}

export function findPartMark(
  db: DbOrTx,
  reportId: string,
  organisationId: string,
): Promise<{ ready: boolean } | undefined> {
  return db
    .select({ ready: t.reportParts.ready })
    .from(t.reportParts)
    .where(and(eq(t.reportParts.reportId, reportId), eq(t.reportParts.organisationId, organisationId)))
    .then((rows) => rows[0]);
}

/** Writes an agency's mark on its part, replacing the one it had. */
export async function upsertPartMark(
  db: DbOrTx,
  mark: Pick<
    ReportPartRow,
    'reportId' | 'organisationId' | 'ready' | 'changedBy' | 'changedByName' | 'changedAt'
  >,
): Promise<void> {
  const { ready, changedBy, changedByName, changedAt } = mark;
  await db
    .insert(t.reportParts)
    .values(mark)
    .onConflictDoUpdate({
      target: [t.reportParts.reportId, t.reportParts.organisationId],
      set: { ready, changedBy, changedByName, changedAt },
    });
}

/** The report, its row locked until the transaction ends (`for update`): changes to it wait in line. */
export function findReportForUpdate(db: DbOrTx, id: string): Promise<ReportRow | undefined> {
  return db
    .select()
    .from(t.reports)
    .where(eq(t.reports.id, id))
    .for('update')
    .then((rows) => rows[0]);
}

export async function setReportVersion(db: DbOrTx, id: string, version: number, updatedAt: Date) {
  await db.update(t.reports).set({ version, updatedAt }).where(eq(t.reports.id, id));
}

export async function insertReportRevision(db: DbOrTx, revision: typeof t.reportRevisions.$inferInsert) {
  await db.insert(t.reportRevisions).values(revision);
}

/** A report's comments, the oldest first. */
export function findCommentsOfReport(db: DbOrTx, reportId: string): Promise<ReportCommentRow[]> {
  return db
    .select()
    .from(t.reportComments)
    .where(eq(t.reportComments.reportId, reportId))
    .orderBy(asc(t.reportComments.createdAt), asc(t.reportComments.id));
}

/** A comment of this report (a comment of another report is not found). `commentId` must be a uuid. */
export function findCommentOfReport(
  db: DbOrTx,
  reportId: string,
  commentId: string,
): Promise<{ id: string; resolvedAt: Date | null } | undefined> {
  return db
    .select({ id: t.reportComments.id, resolvedAt: t.reportComments.resolvedAt })
    .from(t.reportComments)
    .where(and(eq(t.reportComments.id, commentId), eq(t.reportComments.reportId, reportId)))
    .then((rows) => rows[0]);
}

/** Writes a comment; its id. */
export function insertComment(db: DbOrTx, comment: typeof t.reportComments.$inferInsert): Promise<string> {
  return db
    .insert(t.reportComments)
    .values(comment)
    .returning({ id: t.reportComments.id })
    .then((rows) => rows[0]!.id);
}

/** Marks a comment resolved (by whom, when), or open again (all three null). */
export async function setCommentResolution(
  db: DbOrTx,
  commentId: string,
  resolution: { resolvedAt: Date | null; resolvedBy: string | null; resolvedByName: string | null },
): Promise<void> {
  await db.update(t.reportComments).set(resolution).where(eq(t.reportComments.id, commentId));
}

/** Which agency writes which unit of a report: one row per unit and agency ('' outcome: the whole section). */
export function findAttributionsOfReport(db: DbOrTx, reportId: string) {
  return db
    .select({
      sectionId: t.reportAttributions.sectionId,
      outcomeCode: t.reportAttributions.outcomeCode,
      organisationId: t.reportAttributions.organisationId,
      code: t.organisations.code,
    })
    .from(t.reportAttributions)
    .innerJoin(t.organisations, eq(t.organisations.id, t.reportAttributions.organisationId))
    .where(eq(t.reportAttributions.reportId, reportId))
    .orderBy(
      asc(t.reportAttributions.sectionId),
      asc(t.reportAttributions.outcomeCode),
      asc(t.organisations.code),
    );
}

/** Replaces a report's attributions with `rows` (in the caller's transaction). */
export async function replaceAttributions(
  tx: DbOrTx,
  reportId: string,
  rows: { sectionId: string; outcomeCode: string; organisationId: string }[],
): Promise<void> {
  await tx.delete(t.reportAttributions).where(eq(t.reportAttributions.reportId, reportId));
  if (rows.length) await tx.insert(t.reportAttributions).values(rows.map((r) => ({ reportId, ...r })));
}

/** The latest other report of a programme in the same template that has attributions: the next one starts from them. */
export async function findPreviousAttributedReport(
  db: DbOrTx,
  programmeId: string,
  templateId: string,
  exceptReportId: string,
): Promise<string | undefined> {
  const rows = await db
    .selectDistinct({ id: t.reports.id, periodEnd: t.reports.periodEnd })
    .from(t.reports)
    .innerJoin(t.reportAttributions, eq(t.reportAttributions.reportId, t.reports.id))
    .where(and(eq(t.reports.programmeId, programmeId), eq(t.reports.templateId, templateId)))
    .orderBy(desc(t.reports.periodEnd));
  return rows.find((r) => r.id !== exceptReportId)?.id;
}

/** A report's programme and status: what decides who reads it. */
export function findReportStatus(db: DbOrTx, id: string) {
  return db
    .select({ programmeId: t.reports.programmeId, status: t.reports.status })
    .from(t.reports)
    .where(eq(t.reports.id, id))
    .then((rows) => rows[0]);
}

/** A programme's code, for the sentences of notifications. */
export function findProgrammeCode(db: DbOrTx, programmeId: string): Promise<string | undefined> {
  return db
    .select({ code: t.programmes.code })
    .from(t.programmes)
    .where(eq(t.programmes.id, programmeId))
    .then((rows) => rows[0]?.code);
}
