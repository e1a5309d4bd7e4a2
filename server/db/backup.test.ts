/** Backup and restore round-trip, PGlite → PGlite and PGlite → PostgreSQL: every row of every table comes back. */
import { sql } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../test/test-database.js';
import { backupDatabase, restoreDatabase } from './backup.js';
import type { Database } from './client.js';

/**
 * A fingerprint of every table: its rows as JSON, parsed (so that 1200000.00 and 1200000 — the same jsonb
 * number — compare equal), in a stable order, hashed. Binary columns (attachments) count by their SHA-256,
 * computed by the database: the files themselves never travel to the test as one value.
 */
async function fingerprint(database: Database): Promise<Record<string, string>> {
  const columns = (
    (await database.db.execute(sql`select c.relname as t, a.attname as c, a.atttypid = 'bytea'::regtype as b
      from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid
      where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
      order by 1`)) as unknown as { rows: { t: string; c: string; b: boolean }[] }
  ).rows;
  const tables = [...new Set(columns.map((r) => r.t))];
  const out: Record<string, string> = {};
  for (const t of tables) {
    const binary = columns.filter((c) => c.t === t && c.b).map((c) => c.c);
    const row = binary.length
      ? sql.raw(
          `to_jsonb(x) || jsonb_build_object(${binary.map((c) => `'${c}', encode(sha256(x."${c}"), 'hex')`).join(', ')})`,
        )
      : sql.raw('to_jsonb(x)');
    const result = await database.db.execute(sql`select (${row})::text as r from ${sql.identifier(t)} x`);
    const rows = (result as unknown as { rows: { r: string }[] }).rows
      .map((x) => JSON.stringify(JSON.parse(x.r)))
      .sort();
    out[t] = `${rows.length}:${createHash('md5').update(rows.join('|')).digest('hex')}`;
  }
  return out;
}

describe('backup and restore', () => {
  let source: Database;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    source = await createTestDatabase('pglite');
    dir = mkdtempSync(join(tmpdir(), 'jalon-backup-'));
    file = join(dir, 'jalon.backup.gz');
  });
  afterAll(async () => {
    await source.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes every table', async () => {
    const summary = await backupDatabase(source.db, file);
    expect(summary.rows).toBeGreaterThan(1000);
  });

  it.each(testEngines)('restores into an empty %s database, identical table by table', async (engine) => {
    const target = await createTestDatabase(engine, { seed: false });
    try {
      await restoreDatabase(target.db, file);
      expect(await fingerprint(target)).toEqual(await fingerprint(source));
      // and it keeps working: new rows get new ids, the audit trail goes on
      await target.db.execute(sql`update programmes set places = '{}' where slug = 'prosmed'`);
    } finally {
      await target.close();
    }
  });

  it('refuses to restore over existing data, and refuses a file that is not a backup', async () => {
    await expect(restoreDatabase(source.db, file)).rejects.toThrow(/not empty/);
    const bogus = join(dir, 'bogus.gz');
    writeFileSync(bogus, 'not gzip at all');
    const empty = await createTestDatabase('pglite', { seed: false });
    try {
      await expect(restoreDatabase(empty.db, bogus)).rejects.toThrow(/Cannot read the backup/);
    } finally {
      await empty.close();
    }
  });
});

/**
 * Photos: 20 of 7.8 MB (156 MB; the old format's 500-row batch was one jsonb value of 312 MB, over PostgreSQL's
 * 256 MB) back up and restore exactly, PGlite → PostgreSQL → PGlite, checksums of every table and every file.
 * The 1 GB run and its memory are in bench/backup.bench.ts.
 */
describe('backups with attachments beyond one value', () => {
  const photos = 20;
  const photoBytes = 7.8 * 1024 * 1024;
  let source: Database;
  let dir: string;
  let expected: Record<string, string>;
  beforeAll(async () => {
    source = await createTestDatabase('pglite');
    dir = mkdtempSync(join(tmpdir(), 'jalon-backup-big-'));
    const activity = (
      (await source.db.execute(sql`select id from activities order by id limit 1`)) as unknown as {
        rows: { id: string }[];
      }
    ).rows[0]!.id;
    for (let i = 0; i < photos; i++) {
      const bytes = randomBytes(photoBytes); // incompressible, as a JPEG is
      bytes.set([0xff, 0xd8, 0xff], 0);
      await source.db.execute(sql`insert into activity_attachments
        (activity_id, kind, file_name, content_type, size, sha256, bytes, sort)
        values (${activity}, 'photo', ${`photo-${i}.jpg`}, 'image/jpeg', ${bytes.length},
                ${createHash('sha256').update(bytes).digest('hex')}, decode(${bytes.toString('base64')}, 'base64'), ${100 + i})`);
    }
    expected = await fingerprint(source);
  }, 300_000);
  afterAll(async () => {
    await source.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up and restores exactly, from engine to engine', async () => {
    const hops = [...testEngines.filter((e) => e !== 'pglite'), 'pglite' as const];
    let from = source;
    try {
      for (const [i, engine] of hops.entries()) {
        const file = join(dir, `hop-${i}.backup`);
        const written = await backupDatabase(from.db, file);
        const target = await createTestDatabase(engine, { seed: false });
        try {
          const restored = await restoreDatabase(target.db, file);
          expect(restored.rows).toBe(written.rows);
          expect(await fingerprint(target)).toEqual(expected);
        } catch (error) {
          await target.close();
          throw error;
        }
        if (from !== source) await from.close();
        from = target;
        rmSync(file, { force: true });
      }
    } finally {
      if (from !== source) await from.close();
    }
  }, 600_000);
});
