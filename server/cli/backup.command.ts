import { existsSync } from 'node:fs';
import { backupDatabase, restoreDatabase, verifyBackup, type VerifiedBackup } from '../db/backup.js';
import { openMigrated } from './open.js';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The one line that says what a verified backup holds. */
export function describeVerified(file: string, v: VerifiedBackup): string {
  const checked = v.checksums
    ? 'every entry read, every size and SHA-256 checked'
    : 'every line read (an old backup, without checksums of its own)';
  return (
    `Backup verified: ${file} (format ${v.version}${v.createdAt ? ` of ${v.createdAt}` : ''}, ` +
    `${v.tables} tables, ${v.rows} rows, ${v.files} files of ${mb(v.bytes)}; ${checked})`
  );
}

/**
 * `jalon backup --out <file>`: every row of every table, one file, PGlite or PostgreSQL alike, read back and
 * checked once written. `jalon backup --verify <file>`: only that check, without opening the database.
 */
export async function backupCommand(options: { out?: string; verify?: string }): Promise<void> {
  if (options.verify) {
    if (!existsSync(options.verify)) throw new Error(`No such file: ${options.verify}`);
    console.log(describeVerified(options.verify, await verifyBackup(options.verify)));
    return;
  }
  const out =
    options.out ?? `jalon-backup-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.tar`;
  const database = await openMigrated();
  try {
    const { tables, rows, files, bytes } = await backupDatabase(database.db, out);
    console.log(`Backup written: ${out} (${tables} tables, ${rows} rows, ${files} files of ${mb(bytes)})`);
  } finally {
    await database.close();
  }
  console.log(describeVerified(out, await verifyBackup(out)));
}

/** `jalon restore <file>`: into an empty database (a new JALON_DATA_DIR, or a new PostgreSQL database). */
export async function restoreCommand(file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`No such file: ${file}`);
  const database = await openMigrated();
  try {
    const { tables, rows, files } = await restoreDatabase(database.db, file);
    console.log(`Restored ${rows} rows and ${files} files into ${tables} tables from ${file}`);
  } finally {
    await database.close();
  }
}
