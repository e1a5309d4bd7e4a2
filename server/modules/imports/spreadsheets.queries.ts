import { and, asc, gt, gte, or, type SQL } from 'drizzle-orm';
import type { ActivityListQuery } from '../../../core/contracts/activities.js';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import { listConditions } from '../activities/activities.queries.js';

/** Where a page of the export ended: the next page starts after it. */
export interface ExportCursor {
  startDate: string;
  id: string;
}

/**
 * One page of the ids of a programme's activities matching the filters of a list, oldest first, after
 * `cursor` (keyset: each page reads from the index where the last one ended, never an offset counted again).
 */
export async function findActivityIdsPage(
  db: DbOrTx,
  programmeId: string,
  query: Omit<ActivityListQuery, 'limit' | 'offset'>,
  cursor: ExportCursor | null,
  limit: number,
): Promise<ExportCursor[]> {
  const where: SQL[] = [listConditions(programmeId, query)];
  if (cursor)
    where.push(
      gte(t.activities.startDate, cursor.startDate),
      or(gt(t.activities.startDate, cursor.startDate), gt(t.activities.id, cursor.id))!,
    );
  return db
    .select({ startDate: t.activities.startDate, id: t.activities.id })
    .from(t.activities)
    .where(and(...where))
    .orderBy(asc(t.activities.startDate), asc(t.activities.id))
    .limit(limit);
}
