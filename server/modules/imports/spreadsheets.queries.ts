import { asc } from 'drizzle-orm';
import type { ActivityListQuery } from '../../../core/contracts/activities.js';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import { listConditions } from '../activities/activities.queries.js';

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
