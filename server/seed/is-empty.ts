import type { Db } from '../db/client.js';
import { programmes } from '../db/schema/index.js';

/**
 * Whether the database holds no programme yet (a first start loads the demo data). In a file of its own so that
 * `jalon start` asks it without loading the demo data and the services that write them (server/cli/start.command.ts).
 */
export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: programmes.id }).from(programmes).limit(1);
  return rows.length === 0;
}
