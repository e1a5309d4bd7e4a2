/**
 * Real databases for tests: PGlite always (a migrated and seeded template, copied per test file), and
 * PostgreSQL too when JALON_TEST_DATABASE_URL is set (a database per test file, dropped after).
 * The templates are made once per run by global-setup.ts; a file run outside it (no template provided) makes
 * its own.
 */
import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database, type Engine } from '../db/client.js';
import { seedDemoData } from '../seed/seed.js';
import { withDatabase } from './database-url.js';

export const testEngines: Engine[] = process.env.JALON_TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

const provided = <K extends 'pgliteTemplates' | 'postgresTemplates'>(key: K) => {
  try {
    return inject(key);
  } catch {
    return undefined; // outside a Vitest run with the global setup
  }
};

const templates = new Map<string, Promise<Blob>>();

/** The migrated (and seeded) data directory as a tar: the run's, else made here once per file. */
function pgliteTemplate(seed: boolean): Promise<Blob> {
  const key = seed ? 'seeded' : 'empty';
  let template = templates.get(key);
  if (!template) {
    const file = provided('pgliteTemplates')?.[key];
    template = file
      ? Promise.resolve(new Blob([readFileSync(file)]))
      : (async () => {
          const instance = await PGlite.create();
          const database = await openDatabase({ pglite: instance, ownsInstance: false });
          await database.migrate();
          if (seed) await seedDemoData(database.db);
          const dump = await instance.dumpDataDir('none');
          await instance.close();
          return dump;
        })();
    templates.set(key, template);
  }
  return template;
}

/** A migrated database of its own for one test file, with the demo data unless `seed: false`. */
export async function createTestDatabase(
  engine: Engine,
  options: { seed?: boolean } = {},
): Promise<Database> {
  const seed = options.seed ?? true;
  if (engine === 'pglite') {
    const copy = await PGlite.create({ loadDataDir: await pgliteTemplate(seed) });
    return openDatabase({ pglite: copy });
  }
  const adminUrl = process.env.JALON_TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('JALON_TEST_DATABASE_URL is not set');
  const name = `jalon_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const template = provided('postgresTemplates')?.[seed ? 'seeded' : 'empty'];
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await admin.end();
  const database = await openDatabase({ url: withDatabase(adminUrl, name) });
  if (!template) {
    await database.migrate();
    if (seed) await seedDemoData(database.db);
  }
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/**
 * A PGlite data directory holding the demo data, as `jalon db seed` leaves it (without the demo accounts), for
 * the tests that run the `jalon` command itself: a copy of the run's template instead of migrating and seeding
 * in a child process.
 */
export async function seededDataDirectory(path: string): Promise<void> {
  const instance = await PGlite.create({ dataDir: path, loadDataDir: await pgliteTemplate(true) });
  await instance.close();
}
