import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';

export interface OpenOptions {
  /**
   * PostgreSQL: the connections of the pool (default: the server's 10). Only a command that never queries the
   * database while it holds a transaction may ask for 1 (it would wait for itself).
   */
  connections?: number;
  /**
   * PGlite: a brief command (a few reads, then exit): its WebAssembly compiled for a short life and a small
   * buffer cache (server/db/client.ts, `brief`). Not for the server nor a long command.
   */
  brief?: boolean;
}

/** Opens the configured database and applies pending migrations (forward only). */
export async function openMigrated(
  config: Config = loadConfig(),
  options: OpenOptions = {},
): Promise<Database> {
  const database = await openDatabase(
    'url' in config.database
      ? options.connections !== undefined
        ? { ...config.database, connections: options.connections }
        : config.database
      : { ...config.database, brief: options.brief ?? false },
  );
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
