/** Catalytic funding records, with their donor organisation (Drizzle only). */
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

export type CatalyticRow = typeof t.catalyticFunding.$inferSelect;
export type CatalyticInsert = typeof t.catalyticFunding.$inferInsert;

/** A programme's catalytic funding obtained by a date (all of it when no date), oldest first, with donors. */
export function catalyticRowsOf(db: DbOrTx, programmeId: string, asOf?: string) {
  return db
    .select({ c: t.catalyticFunding, org: t.organisations })
    .from(t.catalyticFunding)
    .leftJoin(t.organisations, eq(t.organisations.id, t.catalyticFunding.donorId))
    .where(
      and(
        eq(t.catalyticFunding.programmeId, programmeId),
        asOf ? lte(t.catalyticFunding.date, asOf) : undefined,
      ),
    )
    .orderBy(asc(t.catalyticFunding.date), asc(t.catalyticFunding.createdAt));
}

/** One catalytic funding record with its donor. */
export function catalyticById(db: DbOrTx, id: string) {
  return db
    .select({ c: t.catalyticFunding, org: t.organisations })
    .from(t.catalyticFunding)
    .leftJoin(t.organisations, eq(t.organisations.id, t.catalyticFunding.donorId))
    .where(eq(t.catalyticFunding.id, id))
    .then((rows) => rows[0]);
}

export function insertCatalytic(db: DbOrTx, values: CatalyticInsert) {
  return db
    .insert(t.catalyticFunding)
    .values(values)
    .returning()
    .then((rows) => rows[0]);
}

/** Updates a record if it is still at the version read (undefined otherwise); the version goes up by one. */
export function updateCatalyticAt(
  db: DbOrTx,
  id: string,
  version: number,
  set: Partial<CatalyticInsert>,
  now: Date,
) {
  return db
    .update(t.catalyticFunding)
    .set({ ...set, version: sql`${t.catalyticFunding.version} + 1`, updatedAt: now })
    .where(and(eq(t.catalyticFunding.id, id), eq(t.catalyticFunding.version, version)))
    .returning()
    .then((rows) => rows[0]);
}

export function deleteCatalyticById(db: DbOrTx, id: string) {
  return db.delete(t.catalyticFunding).where(eq(t.catalyticFunding.id, id));
}
