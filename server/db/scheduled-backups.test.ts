/** Backups by the running server: complete files only, the newest kept, due when the last one is old enough. */
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createTestDatabase } from '../test/test-database.js';
import { restoreDatabase } from './backup.js';
import type { Database } from './client.js';
import { listBackups, scheduleBackups, writeScheduledBackup } from './scheduled-backups.js';

describe('scheduled backups', () => {
  let database: Database;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
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
    expect(written.rows).toBeGreaterThan(1000);
    expect(readdirSync(dir).sort()).toEqual([
      'jalon-2026-11-07-02-00-00.jsonl.gz',
      'jalon-2026-11-08-02-00-00.jsonl.gz',
      'jalon-2026-11-26-02-00-00.jsonl.gz',
    ]);
    const empty = await createTestDatabase('pglite', { seed: false });
    try {
      expect((await restoreDatabase(empty.db, written.file)).rows).toBe(written.rows);
    } finally {
      await empty.close();
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
