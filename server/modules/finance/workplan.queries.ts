/** Work-plan activities, one at a time (the programme's list is `activitiesOf` in budget.queries.ts). */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
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

/** What the field activities carrying out each planned activity of a programme (or one of them) say. */
export async function fieldRecordsOf(
  db: DbOrTx,
  where: { programmeId: string } | { workPlanActivityId: string },
) {
  const people = db
    .select({
      activityId: t.activityParticipants.activityId,
      n: sql<number>`sum(${t.activityParticipants.count})`.as('n'),
    })
    .from(t.activityParticipants)
    .groupBy(t.activityParticipants.activityId)
    .as('people');
  const rows = await db
    .select({
      workPlanActivityId: sql<string>`${t.activities.workplanActivityId}`,
      count: sql<number>`count(*)::int`,
      firstDate: sql<string>`min(${t.activities.startDate})::text`,
      lastDate: sql<string>`max(coalesce(${t.activities.endDate}, ${t.activities.startDate}))::text`,
      participants: sql<number>`coalesce(sum(${people.n}), 0)::int`,
    })
    .from(t.activities)
    .leftJoin(people, eq(people.activityId, t.activities.id))
    .where(
      'programmeId' in where
        ? and(eq(t.activities.programmeId, where.programmeId), isNotNull(t.activities.workplanActivityId))
        : eq(t.activities.workplanActivityId, where.workPlanActivityId),
    )
    .groupBy(t.activities.workplanActivityId);
  return new Map(
    rows.map((r) => [
      r.workPlanActivityId,
      {
        count: Number(r.count),
        participants: Number(r.participants),
        firstDate: r.firstDate,
        lastDate: r.lastDate,
      },
    ]),
  );
}
