/** Work-plan activities, one at a time (the programme's list is `activitiesOf` in budget.queries.ts). */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import type { ActivityInsert } from './budget.queries.js';

export function workPlanActivityById(db: DbOrTx, id: string) {
  return db
    .select()
    .from(t.workplanActivities)
    .where(eq(t.workplanActivities.id, id))
    .then((rows) => rows[0]);
}

export function insertWorkPlanActivity(db: DbOrTx, values: ActivityInsert) {
  return db
    .insert(t.workplanActivities)
    .values(values)
    .returning({ id: t.workplanActivities.id })
    .then((rows) => rows[0]);
}

/** Updates an activity if it is still at the version read (undefined otherwise); the version goes up by one. */
export function updateWorkPlanActivityAt(
  db: DbOrTx,
  id: string,
  version: number,
  set: Partial<ActivityInsert>,
  now: Date,
) {
  return db
    .update(t.workplanActivities)
    .set({ ...set, version: sql`${t.workplanActivities.version} + 1`, updatedAt: now })
    .where(and(eq(t.workplanActivities.id, id), eq(t.workplanActivities.version, version)))
    .returning({ id: t.workplanActivities.id })
    .then((rows) => rows[0]);
}

/** How many budget lines an activity has. */
export async function lineCountOfActivity(db: DbOrTx, activityId: string) {
  const [n] = await db
    .select({ n: sql<number>`count(*)` })
    .from(t.budgetLines)
    .where(eq(t.budgetLines.activityId, activityId));
  return Number(n?.n);
}

export function deleteWorkPlanActivityById(db: DbOrTx, id: string) {
  return db.delete(t.workplanActivities).where(eq(t.workplanActivities.id, id));
}
