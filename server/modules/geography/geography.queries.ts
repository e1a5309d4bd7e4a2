import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import * as t from '../../db/schema/index.js';

/** Every administrative area of Mali, by code. */
export function findAllAdminAreas(db: DbOrTx): Promise<t.AdminAreaRow[]> {
  return db.select().from(t.adminAreas).orderBy(asc(t.adminAreas.code));
}
