/** The kept files of every import kind: the `imports` table. */
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

export type ImportRow = typeof t.imports.$inferSelect;
export type NewImportRow = typeof t.imports.$inferInsert;

/** A kept file's row without its bytes: what a caller needs of a file it has just written. */
export type WrittenImportRow = Omit<ImportRow, 'bytes'>;
const { bytes: _bytes, ...writtenColumns } = getTableColumns(t.imports);

/**
 * Keeps a file. Its bytes are not sent back: on PGlite, a 24 MB file returned grew its memory, which never
 * shrinks, by 144 MB more (docs/performance.md, "Import on PGlite").
 */
export function insertImport(db: DbOrTx, values: NewImportRow): Promise<WrittenImportRow> {
  return db
    .insert(t.imports)
    .values(values)
    .returning(writtenColumns)
    .then((rows) => rows[0]!);
}

/** A kept file with the programme it goes into (slug and code), or undefined. */
export async function findImport(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ i: t.imports, slug: t.programmes.slug, code: t.programmes.code })
    .from(t.imports)
    .leftJoin(t.programmes, eq(t.programmes.id, t.imports.programmeId))
    .where(eq(t.imports.id, id));
  return row;
}

export async function findProgrammeRef(db: DbOrTx, slug: string) {
  const [row] = await db
    .select({ id: t.programmes.id, slug: t.programmes.slug, code: t.programmes.code })
    .from(t.programmes)
    .where(eq(t.programmes.slug, slug));
  return row;
}

/** Sets the mapping if the version read is current; false when someone changed it since. */
export async function updateMapping(
  db: DbOrTx,
  id: string,
  version: number,
  values: Pick<NewImportRow, 'mapping' | 'rowCount' | 'itemCount'>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(t.imports)
    .set({ ...values, version: sql`${t.imports.version} + 1`, updatedAt: now })
    .where(and(eq(t.imports.id, id), eq(t.imports.version, version), eq(t.imports.status, 'previewed')))
    .returning({ id: t.imports.id });
  return rows.length > 0;
}

/**
 * Flips a previewed import of this version to committed; false when it was committed (or changed) meanwhile —
 * in the commit's transaction, so a second commit (a double click, two people) writes nothing.
 */
export async function claimImport(
  tx: DbOrTx,
  id: string,
  version: number,
  itemCount: number,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(t.imports)
    .set({ status: 'committed', committedAt: now, version: version + 1, itemCount, updatedAt: now })
    .where(and(eq(t.imports.id, id), eq(t.imports.status, 'previewed'), eq(t.imports.version, version)))
    .returning({ id: t.imports.id });
  return rows.length > 0;
}

/** Deletes a previewed import (its bytes with it); false when there is none to delete. */
export async function deletePreviewedImport(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db
    .delete(t.imports)
    .where(and(eq(t.imports.id, id), eq(t.imports.status, 'previewed')))
    .returning({ id: t.imports.id });
  return rows.length > 0;
}

/** The programme of a kept file (for the access rule of its routes). */
export async function programmeIdOfImport(db: DbOrTx, id: string): Promise<string | null | undefined> {
  const [row] = await db.select({ id: t.imports.programmeId }).from(t.imports).where(eq(t.imports.id, id));
  return row ? row.id : undefined;
}

/** The ZIP of attachments kept beside an import, or undefined. */
export async function findImportMedia(db: DbOrTx, importId: string) {
  const [row] = await db
    .select({ fileName: t.importMedia.fileName, size: t.importMedia.size, bytes: t.importMedia.bytes })
    .from(t.importMedia)
    .where(eq(t.importMedia.importId, importId));
  return row;
}

/**
 * Keeps (or replaces) the ZIP of attachments of a previewed import of this version, and moves its version on:
 * the preview changed, so a commit of what was read before is refused. False when the import was committed or
 * changed meanwhile.
 */
export async function keepImportMedia(
  tx: DbOrTx,
  importId: string,
  version: number,
  values: { fileName: string; size: number; sha256: string; bytes: Buffer },
  now: Date,
): Promise<boolean> {
  const moved = await tx
    .update(t.imports)
    .set({ version: sql`${t.imports.version} + 1`, updatedAt: now })
    .where(and(eq(t.imports.id, importId), eq(t.imports.version, version), eq(t.imports.status, 'previewed')))
    .returning({ id: t.imports.id });
  if (moved.length === 0) return false;
  await tx
    .insert(t.importMedia)
    .values({ importId, ...values })
    .onConflictDoUpdate({ target: t.importMedia.importId, set: { ...values, updatedAt: now } });
  return true;
}

/**
 * Sets the counts of a file kept before it was read to its end (the one pass of `runImportOnce`: its row is
 * named by what is written, so it is kept first). In the transaction that kept it: the trail reads the insert
 * and this update as one creation (audit-merge.ts).
 */
export async function setImportCounts(
  tx: DbOrTx,
  id: string,
  values: Pick<NewImportRow, 'rowCount' | 'itemCount'>,
): Promise<WrittenImportRow> {
  const rows = await tx.update(t.imports).set(values).where(eq(t.imports.id, id)).returning(writtenColumns);
  return rows[0]!;
}
