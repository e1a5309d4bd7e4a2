/**
 * Which programme a request acts on, from its path parameters: what the access rules need to check a role
 * scoped to a programme. Unknown ids give undefined; the route then answers 404 itself.
 */
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

type Params = Record<string, string | undefined>;
export type ProgrammeScope = (db: DbOrTx, params: Params) => Promise<string | undefined>;

const first = async (rows: Promise<{ id: string }[]>) => (await rows)[0]?.id;
const isUuid = (v: string | undefined): v is string =>
  !!v && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** The programme of a row found by `id` in a table that has a `programme_id` column, or through a join. */
export const programmeOf = {
  slug: (): ProgrammeScope => (db, p) =>
    p.slug
      ? first(db.select({ id: t.programmes.id }).from(t.programmes).where(eq(t.programmes.slug, p.slug)))
      : Promise.resolve(undefined),
  frameworkVersion: (): ProgrammeScope => (db, p) =>
    isUuid(p.id)
      ? first(
          db
            .select({ id: t.frameworkVersions.programmeId })
            .from(t.frameworkVersions)
            .where(eq(t.frameworkVersions.id, p.id)),
        )
      : Promise.resolve(undefined),
  outcome: (): ProgrammeScope => (db, p) =>
    isUuid(p.id)
      ? first(
          db
            .select({ id: t.frameworkVersions.programmeId })
            .from(t.outcomes)
            .innerJoin(t.frameworkVersions, eq(t.frameworkVersions.id, t.outcomes.frameworkVersionId))
            .where(eq(t.outcomes.id, p.id)),
        )
      : Promise.resolve(undefined),
  output: (): ProgrammeScope => (db, p) =>
    isUuid(p.id)
      ? first(
          db
            .select({ id: t.frameworkVersions.programmeId })
            .from(t.outputs)
            .innerJoin(t.frameworkVersions, eq(t.frameworkVersions.id, t.outputs.frameworkVersionId))
            .where(eq(t.outputs.id, p.id)),
        )
      : Promise.resolve(undefined),
  indicator: (): ProgrammeScope => (db, p) =>
    isUuid(p.id)
      ? first(
          db
            .select({ id: t.frameworkVersions.programmeId })
            .from(t.indicators)
            .innerJoin(t.frameworkVersions, eq(t.frameworkVersions.id, t.indicators.frameworkVersionId))
            .where(eq(t.indicators.id, p.id)),
        )
      : Promise.resolve(undefined),
  report: (): ProgrammeScope => (db, p) =>
    isUuid(p.id)
      ? first(db.select({ id: t.reports.programmeId }).from(t.reports).where(eq(t.reports.id, p.id)))
      : Promise.resolve(undefined),
  /** any table with `id` and `programme_id` columns (for modules that keep the programme on their rows) */
  table:
    (table: string, param = 'id'): ProgrammeScope =>
    async (db, p) => {
      const id = p[param];
      if (!isUuid(id)) return undefined;
      const result = await db.execute(
        sql`select programme_id as id from ${sql.identifier(table)} where id = ${id}`,
      );
      // node-postgres and PGlite both answer { rows }
      return (result as unknown as { rows: { id?: string }[] }).rows[0]?.id;
    },
};
