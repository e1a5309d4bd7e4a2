/** The programmes and reports the "what is due" list is computed from. */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

export const allProgrammes = (db: DbOrTx) => db.select().from(t.programmes);

export const allReports = (db: DbOrTx) =>
  db
    .select({
      id: t.reports.id,
      type: t.reports.type,
      year: t.reports.year,
      status: t.reports.status,
      slug: t.programmes.slug,
    })
    .from(t.reports)
    .innerJoin(t.programmes, eq(t.programmes.id, t.reports.programmeId));
