import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';

/** Opens the configured database and applies pending migrations (forward only). */
export async function openMigrated(config: Config = loadConfig()): Promise<Database> {
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export function describeDatabase(config: Config): string {
  return 'url' in config.database
    ? `PostgreSQL ${new URL(config.database.url).host}${new URL(config.database.url).pathname}`
    : `PGlite ${config.database.dataDir}`;
}
