/** The SQL of My work: reports by status, their last workflow move, what a period holds for an agency. */
import { and, between, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ReportStatus } from '../../../core/contracts/report.js';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

export function programmesByIds(db: DbOrTx) {
  return db
    .select({ id: t.programmes.id, slug: t.programmes.slug, code: t.programmes.code })
    .from(t.programmes);
}

export function reportsIn(db: DbOrTx, programmeIds: string[], statuses: ReportStatus[]) {
  if (!programmeIds.length) return Promise.resolve([]);
  return db
    .select({
      id: t.reports.id,
      programmeId: t.reports.programmeId,
      type: t.reports.type,
      year: t.reports.year,
      status: t.reports.status,
      periodStart: t.reports.periodStart,
      periodEnd: t.reports.periodEnd,
      slug: t.programmes.slug,
      code: t.programmes.code,
    })
    .from(t.reports)
    .innerJoin(t.programmes, eq(t.programmes.id, t.reports.programmeId))
    .where(and(inArray(t.reports.programmeId, programmeIds), inArray(t.reports.status, statuses)));
}

/** The workflow moves of these reports (submitted, sent back, accepted, reopened), latest first. */
export function movesOf(db: DbOrTx, reportIds: string[]) {
  if (!reportIds.length) return Promise.resolve([]);
  return db
    .select({
      reportId: t.reportRevisions.reportId,
      event: t.reportRevisions.event,
      reason: t.reportRevisions.reason,
      by: t.reportRevisions.actorName,
      at: t.reportRevisions.createdAt,
    })
    .from(t.reportRevisions)
    .where(
      and(
        inArray(t.reportRevisions.reportId, reportIds),
        inArray(t.reportRevisions.event, ['submitted', 'sent_back', 'approved', 'reopened']),
      ),
    )
    .orderBy(desc(t.reportRevisions.version));
}

/** How many activities an agency recorded starting in a period. */
export async function activitiesIn(
  db: DbOrTx,
  programmeId: string,
  organisationId: string,
  start: string,
  end: string,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(t.activities)
    .where(
      and(
        eq(t.activities.programmeId, programmeId),
        eq(t.activities.organisationId, organisationId),
        between(t.activities.startDate, start, end),
      ),
    );
  return row?.n ?? 0;
}

/** How many indicator values of the programme are recorded for a period ending in it. */
export async function valuesIn(db: DbOrTx, programmeId: string, start: string, end: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(t.indicatorValues)
    .innerJoin(t.indicators, eq(t.indicators.id, t.indicatorValues.indicatorId))
    .innerJoin(t.frameworkVersions, eq(t.frameworkVersions.id, t.indicators.frameworkVersionId))
    .where(
      and(eq(t.frameworkVersions.programmeId, programmeId), between(t.indicatorValues.periodEnd, start, end)),
    );
  return row?.n ?? 0;
}

export function organisationCodes(db: DbOrTx, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: t.organisations.id, code: t.organisations.code })
    .from(t.organisations)
    .where(inArray(t.organisations.id, ids));
}
