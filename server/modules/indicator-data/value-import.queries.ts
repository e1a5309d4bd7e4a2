import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

/** The indicators of a framework version among these codes: id, code and measure. */
export function findIndicatorsByCode(db: DbOrTx, frameworkVersionId: string, codes: string[]) {
  return db
    .select({ id: t.indicators.id, code: t.indicators.code, measure: t.indicators.measure })
    .from(t.indicators)
    .where(and(eq(t.indicators.frameworkVersionId, frameworkVersionId), inArray(t.indicators.code, codes)));
}
