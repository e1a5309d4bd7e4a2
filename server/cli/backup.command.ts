import { existsSync } from 'node:fs';
import { backupDatabase, restoreDatabase } from '../db/backup.js';
import { openMigrated } from './open.js';

/** `jalon backup --out <file>`: every row of every table, one gzip file, PGlite or PostgreSQL alike. */
export async function backupCommand(options: { out?: string }): Promise<void> {
  const out =
    options.out ?? `jalon-backup-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.jsonl.gz`;
  const database = await openMigrated();
  try {
    const { tables, rows } = await backupDatabase(database.db, out);
    console.log(`Backup written: ${out} (${tables} tables, ${rows} rows)`);
  } finally {
    await database.close();
  }
}

/** `jalon restore <file>`: into an empty database (a new JALON_DATA_DIR, or a new PostgreSQL database). */
export async function restoreCommand(file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`No such file: ${file}`);
  const database = await openMigrated();
  try {
    const { tables, rows } = await restoreDatabase(database.db, file);
    console.log(`Restored ${rows} rows into ${tables} tables from ${file}`);
  } finally {
    await database.close();
  }
}
