/** Committee meetings and their decisions and recommendations (Drizzle only). */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

export type MeetingRow = typeof t.governanceMeetings.$inferSelect;
export type ItemRow = typeof t.governanceItems.$inferSelect;
export type MeetingInsert = typeof t.governanceMeetings.$inferInsert;
export type ItemInsert = typeof t.governanceItems.$inferInsert;

/** The programme of a decision or recommendation, through its meeting. */
export function programmeIdOfItem(db: DbOrTx, itemId: string) {
  return db
    .select({ id: t.governanceMeetings.programmeId })
    .from(t.governanceItems)
    .innerJoin(t.governanceMeetings, eq(t.governanceMeetings.id, t.governanceItems.meetingId))
    .where(eq(t.governanceItems.id, itemId))
    .then((rows) => rows[0]?.id);
}

/** The codes and titles of indicators, by id. */
export function indicatorTitlesByIds(db: DbOrTx, ids: string[]) {
  return db
    .select({
      id: t.indicators.id,
      code: t.indicators.code,
      fr: t.indicators.titleFr,
      en: t.indicators.titleEn,
    })
    .from(t.indicators)
    .where(inArray(t.indicators.id, ids));
}

/** The items of meetings, by kind and number. */
export function itemsOfMeetings(db: DbOrTx, meetingIds: string[]) {
  return db
    .select()
    .from(t.governanceItems)
    .where(inArray(t.governanceItems.meetingId, meetingIds))
    .orderBy(asc(t.governanceItems.kind), asc(t.governanceItems.number), asc(t.governanceItems.createdAt));
}

/** A programme's meetings, latest first. */
export function meetingsOf(db: DbOrTx, programmeId: string) {
  return db
    .select()
    .from(t.governanceMeetings)
    .where(eq(t.governanceMeetings.programmeId, programmeId))
    .orderBy(sql`${t.governanceMeetings.date} desc`, asc(t.governanceMeetings.createdAt));
}

/** The end targets (numeric) of indicators. */
export function endTargetsOf(db: DbOrTx, indicatorIds: string[]) {
  return db
    .select({ id: t.indicatorTargets.indicatorId, value: t.indicatorTargets.numericValue })
    .from(t.indicatorTargets)
    .where(and(inArray(t.indicatorTargets.indicatorId, indicatorIds), eq(t.indicatorTargets.kind, 'end')));
}

export function meetingById(db: DbOrTx, id: string) {
  return db
    .select()
    .from(t.governanceMeetings)
    .where(eq(t.governanceMeetings.id, id))
    .then((rows) => rows[0]);
}

export function insertMeeting(db: DbOrTx, values: MeetingInsert) {
  return db
    .insert(t.governanceMeetings)
    .values(values)
    .returning({ id: t.governanceMeetings.id })
    .then((rows) => rows[0]);
}

/** Updates a meeting if it is still at the version read (undefined otherwise); the version goes up by one. */
export function updateMeetingAt(
  db: DbOrTx,
  id: string,
  version: number,
  set: Partial<MeetingInsert>,
  now: Date,
) {
  return db
    .update(t.governanceMeetings)
    .set({ ...set, version: sql`${t.governanceMeetings.version} + 1`, updatedAt: now })
    .where(and(eq(t.governanceMeetings.id, id), eq(t.governanceMeetings.version, version)))
    .returning({ id: t.governanceMeetings.id })
    .then((rows) => rows[0]);
}

export function deleteMeetingById(db: DbOrTx, id: string) {
  return db.delete(t.governanceMeetings).where(eq(t.governanceMeetings.id, id));
}

/** An indicator of the programme (in any framework version), by id. */
export function indicatorIdOfProgramme(db: DbOrTx, programmeId: string, indicatorId: string) {
  return db
    .select({ id: t.indicators.id })
    .from(t.indicators)
    .innerJoin(t.frameworkVersions, eq(t.frameworkVersions.id, t.indicators.frameworkVersionId))
    .where(and(eq(t.indicators.id, indicatorId), eq(t.frameworkVersions.programmeId, programmeId)))
    .then((rows) => rows[0]);
}

export function itemById(db: DbOrTx, id: string) {
  return db
    .select()
    .from(t.governanceItems)
    .where(eq(t.governanceItems.id, id))
    .then((rows) => rows[0]);
}

/** An item with the programme of its meeting. */
export function itemWithProgramme(db: DbOrTx, id: string) {
  return db
    .select({ item: t.governanceItems, programmeId: t.governanceMeetings.programmeId })
    .from(t.governanceItems)
    .innerJoin(t.governanceMeetings, eq(t.governanceMeetings.id, t.governanceItems.meetingId))
    .where(eq(t.governanceItems.id, id))
    .then((rows) => rows[0]);
}

export function insertItem(db: DbOrTx, values: ItemInsert) {
  return db
    .insert(t.governanceItems)
    .values(values)
    .returning({ id: t.governanceItems.id })
    .then((rows) => rows[0]);
}

export function insertItems(db: DbOrTx, values: ItemInsert[]) {
  return db.insert(t.governanceItems).values(values);
}

/** Updates an item if it is still at the version read (undefined otherwise); the version goes up by one. */
export function updateItemAt(db: DbOrTx, id: string, version: number, set: Partial<ItemInsert>, now: Date) {
  return db
    .update(t.governanceItems)
    .set({ ...set, version: sql`${t.governanceItems.version} + 1`, updatedAt: now })
    .where(and(eq(t.governanceItems.id, id), eq(t.governanceItems.version, version)))
    .returning({ id: t.governanceItems.id })
    .then((rows) => rows[0]);
}

export function deleteItemById(db: DbOrTx, id: string) {
  return db.delete(t.governanceItems).where(eq(t.governanceItems.id, id));
}
