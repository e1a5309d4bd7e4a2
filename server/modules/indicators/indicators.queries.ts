import { and, eq, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import type { IndicatorInsert } from '../frameworks/framework-version.queries.js';

/** The framework version, outcome and output an indicator added under this outcome or output belongs to. */
export function indicatorParent(db: DbOrTx, parent: { kind: 'outcome' | 'output'; id: string }) {
  return parent.kind === 'outcome'
    ? db
        .select({ versionId: t.outcomes.frameworkVersionId, outcomeId: t.outcomes.id })
        .from(t.outcomes)
        .where(eq(t.outcomes.id, parent.id))
        .then((r) => r[0] && { ...r[0], outputId: null as string | null })
    : db
        .select({
          versionId: t.outputs.frameworkVersionId,
          outcomeId: t.outputs.outcomeId,
          outputId: t.outputs.id,
        })
        .from(t.outputs)
        .where(eq(t.outputs.id, parent.id))
        .then((r) => r[0]);
}

/** The highest `sort` of a framework version's indicators (undefined when it has none). */
export function lastIndicatorSort(db: DbOrTx, versionId: string) {
  return db
    .select({ sort: max(t.indicators.sort) })
    .from(t.indicators)
    .where(eq(t.indicators.frameworkVersionId, versionId))
    .then((rows) => rows[0]?.sort ?? undefined);
}

/** Inserts an indicator; returns its id. A code already used in the version throws a unique violation. */
export function insertIndicator(db: DbOrTx, values: IndicatorInsert) {
  return db
    .insert(t.indicators)
    .values(values)
    .returning({ id: t.indicators.id })
    .then((rows) => rows[0]!.id);
}

/** Changes an indicator if it is still at `version` (and moves it on); undefined otherwise. */
export function updateIndicatorAtVersion(
  db: DbOrTx,
  id: string,
  version: number,
  changes: Partial<IndicatorInsert>,
  now: Date,
) {
  return db
    .update(t.indicators)
    .set({ ...changes, version: sql`${t.indicators.version} + 1`, updatedAt: now })
    .where(and(eq(t.indicators.id, id), eq(t.indicators.version, version)))
    .returning({ id: t.indicators.id })
    .then((rows) => rows[0]);
}

/** Deletes an indicator (its targets and values go by cascade); undefined when none has that id. */
export function deleteIndicatorById(db: DbOrTx, id: string) {
  return db
    .delete(t.indicators)
    .where(eq(t.indicators.id, id))
    .returning({ id: t.indicators.id })
    .then((rows) => rows[0]);
}

/** Deletes an indicator's targets of one kind (end, milestone or annual), before they are written again. */
export async function deleteTargetsOfKind(
  db: DbOrTx,
  indicatorId: string,
  kind: 'end' | 'milestone' | 'annual',
): Promise<void> {
  await db
    .delete(t.indicatorTargets)
    .where(and(eq(t.indicatorTargets.indicatorId, indicatorId), eq(t.indicatorTargets.kind, kind)));
}
