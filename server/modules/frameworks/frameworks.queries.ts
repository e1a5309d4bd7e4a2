import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

export type IndicatorRow = typeof t.indicators.$inferSelect;
export type TargetRow = typeof t.indicatorTargets.$inferSelect;
export type ValueRow = typeof t.indicatorValues.$inferSelect;
export type AlignmentRow = typeof t.alignments.$inferSelect;

export interface FrameworkRows {
  outcomes: (typeof t.outcomes.$inferSelect)[];
  outputs: (typeof t.outputs.$inferSelect)[];
  activities: (typeof t.plannedActivities.$inferSelect)[];
  indicators: IndicatorRow[];
  targets: TargetRow[];
  alignments: AlignmentRow[];
  /** the latest value of each indicator */
  latestValues: ValueRow[];
}

/** Every row of one framework version, in document order: seven indexed queries, whatever its size. */
export async function frameworkRows(db: DbOrTx, versionId: string): Promise<FrameworkRows> {
  const [outcomes, outputs, indicators, alignments] = await Promise.all([
    db.select().from(t.outcomes).where(eq(t.outcomes.frameworkVersionId, versionId)).orderBy(asc(t.outcomes.sort)),
    db.select().from(t.outputs).where(eq(t.outputs.frameworkVersionId, versionId)).orderBy(asc(t.outputs.sort)),
    db.select().from(t.indicators).where(eq(t.indicators.frameworkVersionId, versionId)).orderBy(asc(t.indicators.sort)),
    db.select().from(t.alignments).where(eq(t.alignments.frameworkVersionId, versionId)).orderBy(asc(t.alignments.sort)),
  ]);
  const indicatorIds = indicators.map((i) => i.id);
  const outputIds = outputs.map((o) => o.id);
  const [activities, targets, latestValues] = await Promise.all([
    outputIds.length
      ? db
          .select()
          .from(t.plannedActivities)
          .where(inArray(t.plannedActivities.outputId, outputIds))
          .orderBy(asc(t.plannedActivities.sort))
      : [],
    indicatorIds.length
      ? db
          .select()
          .from(t.indicatorTargets)
          .where(inArray(t.indicatorTargets.indicatorId, indicatorIds))
          .orderBy(asc(t.indicatorTargets.kind), asc(t.indicatorTargets.year), asc(t.indicatorTargets.sort))
      : [],
    indicatorIds.length
      ? db
          .selectDistinctOn([t.indicatorValues.indicatorId])
          .from(t.indicatorValues)
          .where(inArray(t.indicatorValues.indicatorId, indicatorIds))
          .orderBy(t.indicatorValues.indicatorId, desc(t.indicatorValues.periodEnd), desc(t.indicatorValues.createdAt))
      : [],
  ]);
  return { outcomes, outputs, activities, indicators, targets, alignments, latestValues };
}

export function findVersion(db: DbOrTx, programmeId: string, version: number) {
  return db
    .select()
    .from(t.frameworkVersions)
    .where(and(eq(t.frameworkVersions.programmeId, programmeId), eq(t.frameworkVersions.version, version)))
    .then((rows) => rows[0]);
}

export function findIndicator(db: DbOrTx, id: string) {
  return db
    .select()
    .from(t.indicators)
    .where(eq(t.indicators.id, id))
    .then((rows) => rows[0]);
}

export function targetsOf(db: DbOrTx, indicatorId: string) {
  return db
    .select()
    .from(t.indicatorTargets)
    .where(eq(t.indicatorTargets.indicatorId, indicatorId))
    .orderBy(asc(t.indicatorTargets.kind), asc(t.indicatorTargets.year), asc(t.indicatorTargets.sort));
}

export function latestValueOf(db: DbOrTx, indicatorId: string) {
  return db
    .select()
    .from(t.indicatorValues)
    .where(eq(t.indicatorValues.indicatorId, indicatorId))
    .orderBy(desc(t.indicatorValues.periodEnd), desc(t.indicatorValues.createdAt))
    .limit(1)
    .then((rows) => rows[0]);
}

export function alignmentsOfIndicator(db: DbOrTx, indicatorId: string) {
  return db.select().from(t.alignments).where(eq(t.alignments.indicatorId, indicatorId)).orderBy(asc(t.alignments.sort));
}
