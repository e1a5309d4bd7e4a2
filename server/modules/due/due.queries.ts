/** The programmes, reports and reporting calendars the "what is due" list is computed from. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

export type DeadlineRow = typeof t.reportingDeadlines.$inferSelect;

export const allProgrammes = (db: DbOrTx) => db.select().from(t.programmes);

export const allReports = (db: DbOrTx) =>
  db
    .select({
      id: t.reports.id,
      type: t.reports.type,
      year: t.reports.year,
      status: t.reports.status,
      periodStart: t.reports.periodStart,
      slug: t.programmes.slug,
    })
    .from(t.reports)
    .innerJoin(t.programmes, eq(t.programmes.id, t.reports.programmeId));

/** The stored calendars of these programmes, date by date. */
export function deadlinesOf(db: DbOrTx, programmeIds: string[]): Promise<DeadlineRow[]> {
  if (!programmeIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(t.reportingDeadlines)
    .where(inArray(t.reportingDeadlines.programmeId, programmeIds))
    .orderBy(asc(t.reportingDeadlines.dueOn), asc(t.reportingDeadlines.type));
}

/** Replaces a programme's calendar with these dates. */
export async function replaceDeadlines(
  db: DbOrTx,
  programmeId: string,
  rows: Omit<typeof t.reportingDeadlines.$inferInsert, 'programmeId'>[],
) {
  await db.delete(t.reportingDeadlines).where(eq(t.reportingDeadlines.programmeId, programmeId));
  if (rows.length) await db.insert(t.reportingDeadlines).values(rows.map((r) => ({ ...r, programmeId })));
}

export function hasDeadlines(db: DbOrTx, programmeId: string) {
  return db
    .select({ id: t.reportingDeadlines.id })
    .from(t.reportingDeadlines)
    .where(and(eq(t.reportingDeadlines.programmeId, programmeId)))
    .limit(1)
    .then((rows) => rows.length > 0);
}
