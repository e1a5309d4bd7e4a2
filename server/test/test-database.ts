/**
 * Real databases for tests: PGlite always (a migrated and seeded template, cloned per test file), and
 * PostgreSQL too when JALON_TEST_DATABASE_URL is set (a fresh database per test file, dropped after).
 */
import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type Engine } from '../db/client.js';
import { seedDemoData } from '../seed/seed.js';

export const testEngines: Engine[] = process.env.JALON_TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

const templates = new Map<string, Promise<PGlite>>();

async function pgliteTemplate(seed: boolean): Promise<PGlite> {
  const key = seed ? 'seeded' : 'empty';
  let template = templates.get(key);
  if (!template) {
    template = (async () => {
      const instance = await PGlite.create();
      const database = await openDatabase({ pglite: instance, ownsInstance: false });
      await database.migrate();
      if (seed) await seedDemoData(database.db);
      return instance;
    })();
    templates.set(key, template);
  }
  return template;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A migrated database of its own for one test file, with the demo data unless `seed: false`. */
export async function createTestDatabase(
  engine: Engine,
  options: { seed?: boolean } = {},
): Promise<Database> {
  const seed = options.seed ?? true;
  if (engine === 'pglite') {
    const clone = (await (await pgliteTemplate(seed)).clone()) as PGlite;
    return openDatabase({ pglite: clone });
  }
  const adminUrl = process.env.JALON_TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('JALON_TEST_DATABASE_URL is not set');
  const name = `jalon_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const database = await openDatabase({ url: withDatabase(adminUrl, name) });
  await database.migrate();
  if (seed) await seedDemoData(database.db);
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
