import { and, desc, eq, gte, isNull, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

export type ClosedPeriodRow = typeof t.closedPeriods.$inferSelect;

/** A programme's closed periods, the latest first, reopened ones included. */
export function findClosedPeriodsOfProgramme(db: DbOrTx, programmeId: string): Promise<ClosedPeriodRow[]> {
  return db
    .select()
    .from(t.closedPeriods)
    .where(eq(t.closedPeriods.programmeId, programmeId))
    .orderBy(desc(t.closedPeriods.startsOn), desc(t.closedPeriods.closedAt));
}

export function findClosedPeriodById(db: DbOrTx, id: string): Promise<ClosedPeriodRow | undefined> {
  return db
    .select()
    .from(t.closedPeriods)
    .where(eq(t.closedPeriods.id, id))
    .then((rows) => rows[0]);
}

export function insertClosedPeriod(
  db: DbOrTx,
  values: typeof t.closedPeriods.$inferInsert,
): Promise<ClosedPeriodRow> {
  return db
    .insert(t.closedPeriods)
    .values(values)
    .returning()
    .then((rows) => rows[0]!);
}

/** Reopens a period that is still closed; undefined when there is none (unknown, or already reopened). */
export function reopenClosedPeriod(
  db: DbOrTx,
  id: string,
  reopening: { reopenedAt: Date; reopenedByName: string | null; reopenReason: string },
): Promise<ClosedPeriodRow | undefined> {
  return db
    .update(t.closedPeriods)
    .set(reopening)
    .where(and(eq(t.closedPeriods.id, id), isNull(t.closedPeriods.reopenedAt)))
    .returning()
    .then((rows) => rows[0]);
}

/** A programme's closed periods still closed (not reopened), in no particular order. */
export function findActiveClosedPeriodsOfProgramme(
  db: DbOrTx,
  programmeId: string,
): Promise<ClosedPeriodRow[]> {
  return db
    .select()
    .from(t.closedPeriods)
    .where(and(eq(t.closedPeriods.programmeId, programmeId), isNull(t.closedPeriods.reopenedAt)));
}

/** Active closed periods of a programme that contain the whole span [start, end]. */
export function closedPeriodsCovering(
  db: DbOrTx,
  programmeId: string,
  start: string,
  end: string,
): Promise<ClosedPeriodRow[]> {
  return db
    .select()
    .from(t.closedPeriods)
    .where(
      and(
        eq(t.closedPeriods.programmeId, programmeId),
        isNull(t.closedPeriods.reopenedAt),
        lte(t.closedPeriods.startsOn, start),
        gte(t.closedPeriods.endsOn, end),
      ),
    )
    .orderBy(t.closedPeriods.startsOn);
}
