import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

/** Every activity of a programme by its id and its imported reference (null when typed in). */
export function findActivityReferences(db: DbOrTx, programmeId: string) {
  return db
    .select({ id: t.activities.id, ref: t.activities.externalId })
    .from(t.activities)
    .where(eq(t.activities.programmeId, programmeId));
}
