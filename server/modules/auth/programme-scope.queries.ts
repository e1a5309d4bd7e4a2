/** The lookups of programme-scope.ts: which programme a row belongs to, by the row's id. */
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

const first = async (rows: Promise<{ id: string }[]>) => (await rows)[0]?.id;

export const programmeIdOfSlug = (db: DbOrTx, slug: string) =>
  first(db.select({ id: t.programmes.id }).from(t.programmes).where(eq(t.programmes.slug, slug)));

export const programmeIdOfFrameworkVersion = (db: DbOrTx, id: string) =>
  first(
    db
      .select({ id: t.frameworkVersions.programmeId })
      .from(t.frameworkVersions)
      .where(eq(t.frameworkVersions.id, id)),
  );

export const programmeIdOfOutcome = (db: DbOrTx, id: string) =>
  first(
    db
      .select({ id: t.frameworkVersions.programmeId })
      .from(t.outcomes)
      .innerJoin(t.frameworkVersions, eq(t.frameworkVersions.id, t.outcomes.frameworkVersionId))
      .where(eq(t.outcomes.id, id)),
  );

export const programmeIdOfOutput = (db: DbOrTx, id: string) =>
  first(
    db
      .select({ id: t.frameworkVersions.programmeId })
      .from(t.outputs)
      .innerJoin(t.frameworkVersions, eq(t.frameworkVersions.id, t.outputs.frameworkVersionId))
      .where(eq(t.outputs.id, id)),
  );

export const programmeIdOfIndicator = (db: DbOrTx, id: string) =>
  first(
    db
      .select({ id: t.frameworkVersions.programmeId })
      .from(t.indicators)
      .innerJoin(t.frameworkVersions, eq(t.frameworkVersions.id, t.indicators.frameworkVersionId))
      .where(eq(t.indicators.id, id)),
  );

export const programmeIdOfReport = (db: DbOrTx, id: string) =>
  first(db.select({ id: t.reports.programmeId }).from(t.reports).where(eq(t.reports.id, id)));

/** The `programme_id` of the row `id` of any table that has both columns. */
export async function programmeIdInTable(db: DbOrTx, table: string, id: string): Promise<string | undefined> {
  const result = await db.execute(
    sql`select programme_id as id from ${sql.identifier(table)} where id = ${id}`,
  );
  // node-postgres and PGlite both answer { rows }
  return (result as unknown as { rows: { id?: string }[] }).rows[0]?.id;
}
