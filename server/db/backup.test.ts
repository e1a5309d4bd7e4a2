/** Backup and restore round-trip, PGlite → PGlite and PGlite → PostgreSQL: every row of every table comes back. */
import { sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../test/test-database.js';
import { backupDatabase, restoreDatabase } from './backup.js';
import type { Database } from './client.js';

/**
 * A fingerprint of every table: its rows as JSON, parsed (so that 1200000.00 and 1200000 — the same jsonb
 * number — compare equal), in a stable order, hashed.
 */
async function fingerprint(database: Database): Promise<Record<string, string>> {
  const tables = (
    (await database.db
      .execute(sql`select relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and relkind = 'r' order by 1`)) as unknown as { rows: { t: string }[] }
  ).rows.map((r) => r.t);
  const out: Record<string, string> = {};
  for (const t of tables) {
    const result = await database.db.execute(sql`select to_jsonb(x)::text as r from ${sql.identifier(t)} x`);
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
