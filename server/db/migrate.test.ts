/**
 * Opening a database checks its migrations by one query of the newest applied one (issue 20, item 4): a
 * database at an older schema is still migrated, one at this version's schema is left as it is, and one
 * migrated by a newer Jalon is refused with a message that says so.
 */
import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder, openDatabase, type Database, type Engine } from './client.js';
import { testEngines } from '../test/test-database.js';
import { withDatabase } from '../test/database-url.js';

const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
  entries: { when: number; tag: string }[];
};
const newest = Math.max(...journal.entries.map((entry) => entry.when));

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A new, empty database of the engine (no migrations applied). */
async function emptyDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') {
    const database = await openDatabase({ pglite: await PGlite.create() });
    cleanups.push(() => database.close());
    return database;
  }
  const adminUrl = process.env.JALON_TEST_DATABASE_URL!;
  const name = `jalon_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const database = await openDatabase({ url: withDatabase(adminUrl, name) });
  cleanups.push(async () => {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  return database;
}

/** The migrations of a previous version of Jalon: this version's but its newest one. */
function previousVersionMigrations(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-migrations-'));
  cpSync(migrationsFolder, dir, { recursive: true });
  writeFileSync(
    join(dir, 'meta', '_journal.json'),
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, -1) }),
  );
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function applied(database: Database): Promise<number[]> {
  const result = (await database.db.execute(
    'SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY created_at',
  )) as unknown as { rows: { created_at: string | number }[] };
  return result.rows.map((row) => Number(row.created_at));
}

describe.each(testEngines)('migrations on opening (%s)', (engine) => {
  it('migrates a database at an older schema, then leaves it as it is', async () => {
    const database = await emptyDatabase(engine);
    // a previous version of Jalon migrated it
    if (engine === 'pglite') {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(database.db as never, { migrationsFolder: previousVersionMigrations() });
    } else {
      const { migrate } = await import('drizzle-orm/node-postgres/migrator');
      await migrate(database.db as never, { migrationsFolder: previousVersionMigrations() });
    }
    expect(await applied(database)).toHaveLength(journal.entries.length - 1);
    await database.migrate();
    const after = await applied(database);
    expect(after).toHaveLength(journal.entries.length);
    expect(after.at(-1)).toBe(newest);
    // opened again: nothing to apply
    await database.migrate();
    expect(await applied(database)).toEqual(after);
  }, 300_000);

  it('refuses a database migrated by a newer version of Jalon, saying so', async () => {
    const database = await emptyDatabase(engine);
    await database.migrate();
    await database.db.execute(
      `INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('from-a-newer-jalon', ${newest + 1000})`,
    );
    await expect(database.migrate()).rejects.toThrow(/migrated by a newer version of Jalon/);
  }, 300_000);
});
