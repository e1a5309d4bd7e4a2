/** The quarterly report's reads and writes: its report row, and the quarter's activities, participants, photos. */
import { and, asc, eq, inArray, isNull, like, notLike, or, sql, type SQL } from 'drizzle-orm';
import type { QuarterlyReport } from '../../../../core/contracts/quarterly-report.js';
import type { DbOrTx } from '../../../db/client.js';
import * as t from '../../../db/schema/index.js';

export type ProgrammeRow = typeof t.programmes.$inferSelect;
export type QuarterlyReportInsert = typeof t.reports.$inferInsert;
type RevisionInsert = typeof t.reportRevisions.$inferInsert;

/** The quarter's dates, both included; activities belong to it by their start. */
export interface Quarter {
  from: string;
  to: string;
}

/**
 * Which of the quarter's activities: those under an outcome (their output `1.2` is the outcome `1`'s), those
 * under none of the given outcomes (no output, or an output of no outcome: the steering committee's meeting),
 * or all of them.
 */
export type ActivityScope = { outcome: string } | { outsideOutcomes: string[] } | 'all';

export async function programmeBySlug(db: DbOrTx, slug: string): Promise<ProgrammeRow | undefined> {
  const [p] = await db.select().from(t.programmes).where(eq(t.programmes.slug, slug));
  return p;
}

export async function programmeSlugById(db: DbOrTx, id: string): Promise<string | undefined> {
  const [p] = await db.select({ slug: t.programmes.slug }).from(t.programmes).where(eq(t.programmes.id, id));
  return p?.slug;
}

/** The quarterly report of a programme starting on `periodStart`, if someone started it. */
export async function quarterlyReportRow(db: DbOrTx, programmeId: string, periodStart: string) {
  const [row] = await db
    .select()
    .from(t.reports)
    .where(
      and(
        eq(t.reports.programmeId, programmeId),
        eq(t.reports.type, 'quarterly'),
        eq(t.reports.periodStart, periodStart),
      ),
    );
  return row;
}

/** The programme's slug and the quarter's start of a report, by its id. */
export async function reportQuarterById(db: DbOrTx, reportId: string) {
  const [row] = await db
    .select({ start: t.reports.periodStart, slug: t.programmes.slug })
    .from(t.reports)
    .innerJoin(t.programmes, eq(t.programmes.id, t.reports.programmeId))
    .where(eq(t.reports.id, reportId));
  return row;
}

/** Inserts the report with its first revision; undefined when the quarter has one already. */
export async function insertQuarterlyReport(
  tx: DbOrTx,
  report: QuarterlyReportInsert,
  revision: Omit<RevisionInsert, 'reportId' | 'version'>,
): Promise<string | undefined> {
  const [row] = await tx
    .insert(t.reports)
    .values(report)
    .onConflictDoNothing()
    .returning({ id: t.reports.id });
  if (!row) return undefined;
  await tx.insert(t.reportRevisions).values({ ...revision, reportId: row.id, version: 1 });
  return row.id;
}

export async function setFrozenQuarterly(tx: DbOrTx, reportId: string, frozen: QuarterlyReport) {
  await tx.update(t.reports).set({ frozenQuarterly: frozen }).where(eq(t.reports.id, reportId));
}

/** The latest start of the programme's activities on or before `today`. */
export async function latestActivityStart(
  db: DbOrTx,
  programmeId: string,
  today: string,
): Promise<string | null> {
  const [latest] = await db
    .select({ d: sql<string>`max(${t.activities.startDate})::text` })
    .from(t.activities)
    .where(and(eq(t.activities.programmeId, programmeId), sql`${t.activities.startDate} <= ${today}`));
  return latest?.d ?? null;
}

/** The places of the activities, in the order they happened. */
export async function placeCodesOf(db: DbOrTx, activityIds: string[]): Promise<string[]> {
  if (!activityIds.length) return [];
  const rows = await db
    .select({ code: t.activityPlaces.areaCode })
    .from(t.activityPlaces)
    .innerJoin(t.activities, eq(t.activities.id, t.activityPlaces.activityId))
    .where(inArray(t.activityPlaces.activityId, activityIds))
    .orderBy(asc(t.activities.startDate), asc(t.activityPlaces.sort));
  return rows.map((r) => r.code);
}

function ofScope(programmeId: string, quarter: Quarter, scope: ActivityScope): SQL | undefined {
  let outcome: SQL | undefined;
  if (scope !== 'all' && 'outcome' in scope) outcome = like(t.activities.outputCode, `${scope.outcome}.%`);
  else if (scope !== 'all')
    outcome = or(
      isNull(t.activities.outputCode),
      ...(scope.outsideOutcomes.length
        ? [and(...scope.outsideOutcomes.map((o) => notLike(t.activities.outputCode, `${o}.%`)))]
        : [sql`true`]),
    );
  return and(
    eq(t.activities.programmeId, programmeId),
    sql`${t.activities.startDate} between ${quarter.from} and ${quarter.to}`,
    outcome,
  );
}

/** The organisations (ids) that carried out activities in the quarter. */
export async function activityOrganisations(
  db: DbOrTx,
  programmeId: string,
  quarter: Quarter,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: t.activities.organisationId })
    .from(t.activities)
    .where(ofScope(programmeId, quarter, 'all'));
  return rows.map((r) => r.id).filter((id): id is string => id !== null);
}

/** How many of the quarter's activities fall in `scope`. */
export async function activityCount(
  db: DbOrTx,
  programmeId: string,
  quarter: Quarter,
  scope: ActivityScope,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(t.activities)
    .where(ofScope(programmeId, quarter, scope));
  return Number(row?.n ?? 0);
}

/** The participants of the quarter's activities in `scope`, by sex and age group. */
export async function participantCells(
  db: DbOrTx,
  programmeId: string,
  quarter: Quarter,
  scope: ActivityScope,
) {
  const rows = await db
    .select({
      sex: t.activityParticipants.sex,
      ageGroup: t.activityParticipants.ageGroup,
      n: sql<number>`sum(${t.activityParticipants.count})::int`,
    })
    .from(t.activityParticipants)
    .innerJoin(t.activities, eq(t.activities.id, t.activityParticipants.activityId))
    .where(ofScope(programmeId, quarter, scope))
    .groupBy(t.activityParticipants.sex, t.activityParticipants.ageGroup);
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Which photos: of an outcome's activities, or of activities without an output and of some kinds. */
export type PhotoScope =
  | { outcome: string }
  | { withoutOutput?: boolean; activityKinds?: (typeof t.activities.$inferSelect)['kind'][] }
  | 'all';

/** Photos of the quarter's activities in `scope`, in the order the activities happened. */
export async function photoRows(
  db: DbOrTx,
  programmeId: string,
  quarter: Quarter,
  scope: PhotoScope,
  max: number,
) {
  let where: SQL | undefined;
  if (scope !== 'all' && 'outcome' in scope) where = like(t.activities.outputCode, `${scope.outcome}.%`);
  else if (scope !== 'all')
    where = and(
      scope.withoutOutput ? isNull(t.activities.outputCode) : undefined,
      scope.activityKinds?.length ? inArray(t.activities.kind, scope.activityKinds) : undefined,
    );
  return db
    .select({
      id: t.activityAttachments.id,
      activityId: t.activityAttachments.activityId,
      captionFr: t.activityAttachments.captionFr,
      captionEn: t.activityAttachments.captionEn,
      credit: t.activityAttachments.credit,
    })
    .from(t.activityAttachments)
    .innerJoin(t.activities, eq(t.activities.id, t.activityAttachments.activityId))
    .where(
      and(
        eq(t.activities.programmeId, programmeId),
        eq(t.activityAttachments.kind, 'photo'),
        sql`${t.activities.startDate} between ${quarter.from} and ${quarter.to}`,
        where,
      ),
    )
    .orderBy(
      asc(t.activities.startDate),
      asc(t.activityAttachments.sort),
      asc(t.activityAttachments.createdAt),
    )
    .limit(max);
}

/** The bytes of attachments, by id. */
export async function attachmentBytes(db: DbOrTx, ids: string[]): Promise<Map<string, Buffer>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: t.activityAttachments.id, bytes: t.activityAttachments.bytes })
    .from(t.activityAttachments)
    .where(inArray(t.activityAttachments.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.bytes]));
}
