/**
 * Backups made by the running server itself. The embedded database can be opened by one process only, so a
 * `jalon backup` from cron would have to stop Jalon; and it does not survive a power cut as a PostgreSQL server
 * does. So `jalon start` on PGlite writes a backup every day (JALON_BACKUP_HOURS) into a folder beside the data
 * (JALON_BACKUP_DIR, default `<data dir>-backups`) and keeps the last seven (JALON_BACKUP_KEEP). Each one is
 * read back and checked (`verifyBackup`) before it counts: one that fails is not kept, leaves the older ones in
 * place, and is said in the log and in `BACKUP-FAILED.txt` in the folder until a backup succeeds again.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupDatabase, verifyBackup, type BackupSummary } from './backup.js';
import type { Db } from './client.js';

/** Backups of this version (`.tar`) and of the previous ones (`.jsonl.gz`), kept and counted alike. */
const NAME = /^jalon-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.(tar|jsonl\.gz)$/;
/** Present while the last scheduled backup failed: when, and why. */
export const FAILED_MARKER = 'BACKUP-FAILED.txt';
/** A failed backup is tried again after an hour. */
const RETRY_MS = 3_600_000;

/** The backups of `dir`, newest first. */
export function listBackups(dir: string): { file: string; at: number }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => NAME.test(name))
    .map((name) => ({ file: join(dir, name), at: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
}

/** Why the last scheduled backup of `dir` failed, or null when it succeeded (or none ran yet). */
export function lastBackupFailure(dir: string): string | null {
  try {
    return readFileSync(join(dir, FAILED_MARKER), 'utf8').trim();
  } catch {
    return null;
  }
}

/**
 * One backup into `dir`, written under a temporary name, read back and checked, and renamed only then (a
 * half-written or damaged file is never taken for a backup), then the oldest beyond `keep` removed. A failure
 * removes nothing but the temporary file and is written to BACKUP-FAILED.txt.
 */
export async function writeScheduledBackup(
  db: Db,
  dir: string,
  keep: number,
  now = new Date(),
): Promise<BackupSummary & { file: string }> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `jalon-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.tar`);
  const partial = `${file}.partial`;
  try {
    const summary = await backupDatabase(db, partial);
    const verified = await verifyBackup(partial);
    if (verified.rows !== summary.rows || verified.files !== summary.files)
      throw new Error(
        `${verified.rows} rows and ${verified.files} files read back, ${summary.rows} and ${summary.files} written`,
      );
    renameSync(partial, file);
    rmSync(join(dir, FAILED_MARKER), { force: true });
    for (const old of listBackups(dir).slice(keep)) rmSync(old.file, { force: true });
    return { ...summary, file };
  } catch (error) {
    const newest = listBackups(dir)[0]?.file;
    writeFileSync(
      join(dir, FAILED_MARKER),
      `${now.toISOString()} the backup failed: ${(error as Error).message}\n` +
        `The newest good backup is ${newest ?? 'none'}.\n`,
    );
    throw error;
  } finally {
    rmSync(partial, { force: true });
  }
}

export interface BackupSchedule {
  dir: string;
  everyHours: number;
  keep: number;
  /** delay before the first backup when none is recent; tests shorten it */
  firstDelayMs?: number;
  log: { info(message: string): void; error(message: string): void };
}

/** Starts the schedule; returns its stop function. The first backup comes when the newest one is due. */
export function scheduleBackups(db: Db, schedule: BackupSchedule): () => void {
  const every = schedule.everyHours * 3_600_000;
  const newest = listBackups(schedule.dir)[0]?.at;
  const firstDelay = schedule.firstDelayMs ?? 10 * 60_000;
  const delay = newest === undefined ? firstDelay : Math.max(firstDelay, newest + every - Date.now());
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const failed = lastBackupFailure(schedule.dir);
  if (failed) schedule.log.error(`The last backup failed (${join(schedule.dir, FAILED_MARKER)}): ${failed}`);
  const run = async () => {
    try {
      const { file, rows, files } = await writeScheduledBackup(db, schedule.dir, schedule.keep);
      schedule.log.info(`Backup written and verified: ${file} (${rows} rows, ${files} files)`);
    } catch (error) {
      if (stopped) return;
      schedule.log.error(`Backup failed: ${(error as Error).message}`);
      arm(Math.min(every, RETRY_MS)); // not a day without a backup because of one failure
      return;
    }
    if (!stopped) arm(every);
  };
  const arm = (ms: number) => {
    timer = setTimeout(() => void run(), ms);
    timer.unref(); // never keeps the process alive on its own
  };
  arm(delay);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
