/**
 * Backups by the running server: complete and verified files only, the newest kept, due when the last one is old
 * enough; a backup that does not read back is not kept, and says so until one succeeds.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config.js';
import { aProgrammeWithEverything } from '../test/factories.js';
import { createTestDatabase } from '../test/test-database.js';
import { restoreDatabase } from './backup.js';
import type { Database } from './client.js';
import {
  FAILED_MARKER,
  lastBackupFailure,
  listBackups,
  scheduleBackups,
  writeScheduledBackup,
} from './scheduled-backups.js';

/** The next backup written loses its end, as on a disk that filled up, without the writer noticing. */
const damage = vi.hoisted(() => ({ next: false }));
vi.mock('./backup.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('./backup.js')>();
  return {
    ...real,
    backupDatabase: async (...args: Parameters<typeof real.backupDatabase>) => {
      const summary = await real.backupDatabase(...args);
      if (damage.next) {
        damage.next = false;
        // cut in the middle, past its header
        truncateSync(args[1], Math.floor(statSync(args[1]).size / 2));
      }
      return summary;
    },
  };
});

describe('scheduled backups', () => {
  let database: Database;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase('pglite', { seed: false });
    await aProgrammeWithEverything(database);
    dir = mkdtempSync(join(tmpdir(), 'jalon-backups-'));
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a complete backup that restores, and keeps only the newest ones', async () => {
    // eight older backups, a day apart
    for (let day = 1; day <= 8; day++) {
      const file = join(dir, `jalon-2026-11-0${day}-02-00-00.jsonl.gz`);
      writeFileSync(file, 'old');
      utimesSync(file, new Date(2026, 10, day), new Date(2026, 10, day));
    }
    const written = await writeScheduledBackup(database.db, dir, 3, new Date('2026-11-26T02:00:00Z'));
    // every row: the reference data (Mali's places) and the programme's
    expect(written.rows).toBeGreaterThan(800);
    expect(readdirSync(dir).sort()).toEqual([
      'jalon-2026-11-07-02-00-00.jsonl.gz',
      'jalon-2026-11-08-02-00-00.jsonl.gz',
      'jalon-2026-11-26-02-00-00.tar',
    ]);
    const empty = await createTestDatabase('pglite', { seed: false });
    try {
      expect((await restoreDatabase(empty.db, written.file)).rows).toBe(written.rows);
    } finally {
      await empty.close();
    }
  });

  it('keeps nothing of a backup that does not read back, and says why until one succeeds', async () => {
    const kept = readdirSync(dir).sort();
    damage.next = true;
    await expect(writeScheduledBackup(database.db, dir, 3, new Date('2026-11-27T02:00:00Z'))).rejects.toThrow(
      /Cannot read the backup .*jalon-2026-11-27-02-00-00\.tar\.partial: it is cut short/,
    );
    // the older backups are all still there, nothing half-written beside them
    expect(readdirSync(dir).sort()).toEqual([...kept, FAILED_MARKER].sort());
    expect(lastBackupFailure(dir)).toMatch(
      /^2026-11-27T02:00:00.000Z the backup failed: Cannot read the backup .* cut short[^]*newest good backup is .*jalon-2026-11-26-02-00-00\.tar/,
    );
    // a restart says it at once
    const errors: string[] = [];
    const stop = scheduleBackups(database.db, {
      dir,
      everyHours: 24,
      keep: 3,
      log: { info: () => undefined, error: (m) => errors.push(m) },
    });
    stop();
    expect(errors).toEqual([
      expect.stringMatching(/^The last backup failed \(.*BACKUP-FAILED\.txt\): .*cut short/),
    ]);
    // the next good backup clears it
    await writeScheduledBackup(database.db, dir, 3, new Date('2026-11-28T02:00:00Z'));
    expect(lastBackupFailure(dir)).toBeNull();
    expect(readdirSync(dir)).not.toContain(FAILED_MARKER);
  });

  it('tries again an hour after a failure, not a day', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const fresh = mkdtempSync(join(tmpdir(), 'jalon-backups-'));
    try {
      const errors: string[] = [];
      damage.next = true;
      const stop = scheduleBackups(database.db, {
        dir: fresh,
        everyHours: 24,
        keep: 7,
        firstDelayMs: 1000,
        log: { info: () => undefined, error: (m) => errors.push(m) },
      });
      await vi.advanceTimersByTimeAsync(1000);
      await vi.waitFor(() => expect(errors).toHaveLength(1), { timeout: 60_000, interval: 50 });
      expect(listBackups(fresh)).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(3_600_000);
      await vi.waitFor(() => expect(listBackups(fresh)).toHaveLength(1), { timeout: 60_000, interval: 50 });
      stop();
      expect(errors[0]).toMatch(/^Backup failed: Cannot read the backup/);
      expect(lastBackupFailure(fresh)).toBeNull();
    } finally {
      vi.useRealTimers();
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('runs on its own when due, and not before', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'jalon-backups-'));
    const log = { info: () => undefined, error: (m: string) => expect.fail(m) };
    const stop = scheduleBackups(database.db, { dir: fresh, everyHours: 24, keep: 7, firstDelayMs: 50, log });
    for (let i = 0; i < 200 && listBackups(fresh).length === 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    stop();
    expect(listBackups(fresh)).toHaveLength(1);
    // a backup from just now: the next is a day away, so a restart does not write another one
    const again = scheduleBackups(database.db, {
      dir: fresh,
      everyHours: 24,
      keep: 7,
      firstDelayMs: 50,
      log,
    });
    await new Promise((r) => setTimeout(r, 500));
    again();
    expect(listBackups(fresh)).toHaveLength(1);
    rmSync(fresh, { recursive: true, force: true });
  });

  it('is on by default on the embedded database only, beside its data', () => {
    expect(loadConfig({ JALON_DATA_DIR: '/srv/jalon/data' }).backups).toEqual({
      dir: '/srv/jalon/data-backups',
      everyHours: 24,
      keep: 7,
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://db/jalon' }).backups).toBeNull();
    expect(
      loadConfig({ DATABASE_URL: 'postgres://db/jalon', JALON_BACKUP_DIR: '/backups' }).backups,
    ).toMatchObject({ dir: '/backups', everyHours: 24 });
    expect(loadConfig({ JALON_BACKUP_HOURS: '0' }).backups).toBeNull();
  });
});
