/** What the rules of every value write read and lock (Drizzle only): see value-rules.ts. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

/**
 * Locks the indicators' rows (`for update`, in id order so two writers never wait on each other) until the
 * transaction ends: the writes of one indicator's values run one after the other, so two of them cannot both
 * find a period free and both insert a value for it.
 */
export async function lockIndicatorRows(db: DbOrTx, indicatorIds: string[]): Promise<void> {
  const ids = [...new Set(indicatorIds)].sort();
  if (!ids.length) return;
  await db
    .select({ id: t.indicators.id })
    .from(t.indicators)
    .where(inArray(t.indicators.id, ids))
    .orderBy(asc(t.indicators.id))
    .for('update');
}

/** The values of these indicators with their period and version: who holds which period. */
export function valuePeriodsOf(db: DbOrTx, indicatorIds: string[]) {
  if (!indicatorIds.length) return Promise.resolve([]);
  return db
    .select({
      id: t.indicatorValues.id,
      indicatorId: t.indicatorValues.indicatorId,
      periodStart: t.indicatorValues.periodStart,
      periodEnd: t.indicatorValues.periodEnd,
      version: t.indicatorValues.version,
      value: t.indicatorValues.value,
      provenance: t.indicatorValues.provenance,
    })
    .from(t.indicatorValues)
    .where(inArray(t.indicatorValues.indicatorId, [...new Set(indicatorIds)]))
    .orderBy(asc(t.indicatorValues.createdAt));
}

/** The measure of an indicator, for the rules of its values. */
export function measureOf(db: DbOrTx, indicatorId: string) {
  return db
    .select({ measure: t.indicators.measure })
    .from(t.indicators)
    .where(eq(t.indicators.id, indicatorId))
    .then((rows) => rows[0]?.measure);
}
