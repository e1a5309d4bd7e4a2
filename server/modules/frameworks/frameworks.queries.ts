import { and, asc, desc, eq } from 'drizzle-orm';
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

/** Every row of one framework version, in document order: seven indexed queries in one round trip. */
export async function frameworkRows(db: DbOrTx, versionId: string): Promise<FrameworkRows> {
  const inVersion = eq(t.indicators.frameworkVersionId, versionId);
  const [outcomes, outputs, indicators, alignments, activities, targets, latestValues] = await Promise.all([
    db
      .select()
      .from(t.outcomes)
      .where(eq(t.outcomes.frameworkVersionId, versionId))
      .orderBy(asc(t.outcomes.sort)),
    db
      .select()
      .from(t.outputs)
      .where(eq(t.outputs.frameworkVersionId, versionId))
      .orderBy(asc(t.outputs.sort)),
    db.select().from(t.indicators).where(inVersion).orderBy(asc(t.indicators.sort)),
    db
      .select()
      .from(t.alignments)
      .where(eq(t.alignments.frameworkVersionId, versionId))
      .orderBy(asc(t.alignments.sort)),
    db
      .select({ row: t.plannedActivities })
      .from(t.plannedActivities)
      .innerJoin(t.outputs, eq(t.outputs.id, t.plannedActivities.outputId))
      .where(eq(t.outputs.frameworkVersionId, versionId))
      .orderBy(asc(t.plannedActivities.sort))
      .then((rows) => rows.map((r) => r.row)),
    db
      .select({ row: t.indicatorTargets })
      .from(t.indicatorTargets)
      .innerJoin(t.indicators, eq(t.indicators.id, t.indicatorTargets.indicatorId))
      .where(inVersion)
      .orderBy(asc(t.indicatorTargets.kind), asc(t.indicatorTargets.year), asc(t.indicatorTargets.sort))
      .then((rows) => rows.map((r) => r.row)),
    db
      .selectDistinctOn([t.indicatorValues.indicatorId], { row: t.indicatorValues })
      .from(t.indicatorValues)
      .innerJoin(t.indicators, eq(t.indicators.id, t.indicatorValues.indicatorId))
      .where(inVersion)
      .orderBy(
        t.indicatorValues.indicatorId,
        desc(t.indicatorValues.periodEnd),
        desc(t.indicatorValues.createdAt),
      )
      .then((rows) => rows.map((r) => r.row)),
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
  return db
    .select()
    .from(t.alignments)
    .where(eq(t.alignments.indicatorId, indicatorId))
    .orderBy(asc(t.alignments.sort));
}

/** The framework versions of the programme known by `slug` in one query; undefined when no such programme. */
export async function versionsBySlug(db: DbOrTx, slug: string) {
  const rows = await db
    .select({ programmeId: t.programmes.id, v: t.frameworkVersions })
    .from(t.programmes)
    .leftJoin(t.frameworkVersions, eq(t.frameworkVersions.programmeId, t.programmes.id))
    .where(eq(t.programmes.slug, slug))
    .orderBy(asc(t.frameworkVersions.effectiveDate), asc(t.frameworkVersions.version));
  if (rows.length === 0) return undefined;
  return rows.flatMap((r) => (r.v ? [r.v] : []));
}
