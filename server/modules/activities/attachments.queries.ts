/** Photos and documents of activities (Drizzle only): the bytes live in the database. */
import { eq, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

export type AttachmentInsert = typeof t.activityAttachments.$inferInsert;
/** An attachment without its bytes. */
export type AttachmentRow = Omit<typeof t.activityAttachments.$inferSelect, 'bytes'>;

/** The programme and agency of an activity. */
export function activityOwner(db: DbOrTx, activityId: string) {
  return db
    .select({ programmeId: t.activities.programmeId, organisationId: t.activities.organisationId })
    .from(t.activities)
    .where(eq(t.activities.id, activityId))
    .then((rows) => rows[0]);
}

/** The programme and agency of an attachment's activity. */
export function attachmentOwner(db: DbOrTx, id: string) {
  return db
    .select({ programmeId: t.activities.programmeId, organisationId: t.activities.organisationId })
    .from(t.activityAttachments)
    .innerJoin(t.activities, eq(t.activities.id, t.activityAttachments.activityId))
    .where(eq(t.activityAttachments.id, id))
    .then((rows) => rows[0]);
}

/** The highest sort of an activity's attachments (null when it has none). */
export function lastAttachmentSort(db: DbOrTx, activityId: string) {
  return db
    .select({ sort: max(t.activityAttachments.sort) })
    .from(t.activityAttachments)
    .where(eq(t.activityAttachments.activityId, activityId))
    .then((rows) => rows[0]?.sort ?? null);
}

export function insertAttachment(db: DbOrTx, values: AttachmentInsert) {
  return db.insert(t.activityAttachments).values(values).returning();
}

/** The file of an attachment: its bytes, type, name and kind. */
export function attachmentFileById(db: DbOrTx, id: string) {
  return db
    .select({
      bytes: t.activityAttachments.bytes,
      contentType: t.activityAttachments.contentType,
      fileName: t.activityAttachments.fileName,
      kind: t.activityAttachments.kind,
    })
    .from(t.activityAttachments)
    .where(eq(t.activityAttachments.id, id))
    .then((rows) => rows[0]);
}

/** Changes an attachment's columns; returns it without its bytes (undefined when there is none). */
export function updateAttachmentById(
  db: DbOrTx,
  id: string,
  set: Partial<AttachmentInsert>,
): Promise<AttachmentRow | undefined> {
  return db
    .update(t.activityAttachments)
    .set(set)
    .where(eq(t.activityAttachments.id, id))
    .returning({
      id: t.activityAttachments.id,
      activityId: t.activityAttachments.activityId,
      kind: t.activityAttachments.kind,
      fileName: t.activityAttachments.fileName,
      contentType: t.activityAttachments.contentType,
      size: t.activityAttachments.size,
      sha256: t.activityAttachments.sha256,
      captionFr: t.activityAttachments.captionFr,
      captionEn: t.activityAttachments.captionEn,
      credit: t.activityAttachments.credit,
      takenOn: t.activityAttachments.takenOn,
      sort: t.activityAttachments.sort,
      createdBy: t.activityAttachments.createdBy,
      createdAt: t.activityAttachments.createdAt,
      updatedAt: t.activityAttachments.updatedAt,
    })
    .then((rows) => rows[0]);
}

export function deleteAttachmentById(db: DbOrTx, id: string) {
  return db.delete(t.activityAttachments).where(eq(t.activityAttachments.id, id));
}

/** The programme of an attachment, through its activity. */
export function programmeIdOfAttachment(db: DbOrTx, id: string) {
  return db
    .select({ id: t.activities.programmeId })
    .from(t.activityAttachments)
    .innerJoin(t.activities, eq(t.activities.id, t.activityAttachments.activityId))
    .where(sql`${t.activityAttachments.id} = ${id}`)
    .then((rows) => rows[0]?.id);
}
