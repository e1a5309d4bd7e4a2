import { asc, eq } from 'drizzle-orm';
import type { ActivityListQuery } from '../../../core/contracts/activities.js';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import { listConditions } from '../activities/activities.queries.js';

/** A programme by its id, the whole row (undefined when there is none). */
export function findProgrammeById(db: DbOrTx, id: string) {
  return db
    .select()
    .from(t.programmes)
    .where(eq(t.programmes.id, id))
    .then((rows) => rows[0]);
}

/** A programme by its slug, the whole row (undefined when there is none). */
export function findProgrammeBySlug(db: DbOrTx, slug: string) {
  return db
    .select()
    .from(t.programmes)
    .where(eq(t.programmes.slug, slug))
    .then((rows) => rows[0]);
}

/** The ids of a programme's activities matching the filters of a list, oldest first. */
export async function findActivityIdsMatching(
  db: DbOrTx,
  programmeId: string,
  query: Omit<ActivityListQuery, 'limit' | 'offset'>,
): Promise<string[]> {
  const rows = await db
    .select({ id: t.activities.id })
    .from(t.activities)
    .where(listConditions(programmeId, query))
    .orderBy(asc(t.activities.startDate), asc(t.activities.id));
  return rows.map((r) => r.id);
}
