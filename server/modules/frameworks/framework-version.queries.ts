/**
 * The inserts of one whole framework version (framework-version.insert.ts builds the rows): the version,
 * its outcomes, outputs, planned activities, indicators with their targets, and alignments.
 */
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

export type TargetInsert = typeof t.indicatorTargets.$inferInsert;
export type IndicatorInsert = typeof t.indicators.$inferInsert;

/** Inserts a framework version's own row; returns its id. */
export function insertVersionRow(db: DbOrTx, values: typeof t.frameworkVersions.$inferInsert) {
  return db
    .insert(t.frameworkVersions)
    .values(values)
    .returning({ id: t.frameworkVersions.id })
    .then((rows) => rows[0]!.id);
}

export function insertOutcomeRows(db: DbOrTx, values: (typeof t.outcomes.$inferInsert)[]) {
  return db.insert(t.outcomes).values(values).returning({ id: t.outcomes.id, code: t.outcomes.code });
}

export function insertOutputRows(db: DbOrTx, values: (typeof t.outputs.$inferInsert)[]) {
  return db.insert(t.outputs).values(values).returning({ id: t.outputs.id, code: t.outputs.code });
}

export async function insertPlannedActivityRows(
  db: DbOrTx,
  values: (typeof t.plannedActivities.$inferInsert)[],
): Promise<void> {
  await db.insert(t.plannedActivities).values(values);
}

export function insertIndicatorRows(db: DbOrTx, values: IndicatorInsert[]) {
  return db.insert(t.indicators).values(values).returning({ id: t.indicators.id, code: t.indicators.code });
}

export async function insertTargetRows(db: DbOrTx, values: TargetInsert[]): Promise<void> {
  await db.insert(t.indicatorTargets).values(values);
}

export async function insertAlignmentRows(
  db: DbOrTx,
  values: (typeof t.alignments.$inferInsert)[],
): Promise<void> {
  await db.insert(t.alignments).values(values);
}
