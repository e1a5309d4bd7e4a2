/**
 * Backups made by the running server itself. The embedded database can be opened by one process only, so a
 * `jalon backup` from cron would have to stop Jalon; and it does not survive a power cut as a PostgreSQL server
 * does. So `jalon start` on PGlite writes a backup every day (JALON_BACKUP_HOURS) into a folder beside the data
 * (JALON_BACKUP_DIR, default `<data dir>-backups`) and keeps the last seven (JALON_BACKUP_KEEP).
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { backupDatabase, type BackupSummary } from './backup.js';
import type { Db } from './client.js';

const NAME = /^jalon-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.jsonl\.gz$/;

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

/**
 * One backup into `dir`, written under a temporary name and renamed when complete (a half-written file is never
 * taken for a backup), then the oldest beyond `keep` removed.
 */
export async function writeScheduledBackup(
  db: Db,
  dir: string,
  keep: number,
  now = new Date(),
): Promise<BackupSummary & { file: string }> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `jalon-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.jsonl.gz`);
  const partial = `${file}.partial`;
  try {
    const summary = await backupDatabase(db, partial);
    renameSync(partial, file);
    for (const old of listBackups(dir).slice(keep)) rmSync(old.file, { force: true });
    return { ...summary, file };
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
  const run = async () => {
    try {
      const { file, rows } = await writeScheduledBackup(db, schedule.dir, schedule.keep);
      schedule.log.info(`Backup written: ${file} (${rows} rows)`);
    } catch (error) {
      if (!stopped) schedule.log.error(`Backup failed: ${(error as Error).message}`);
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
