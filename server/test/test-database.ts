/**
 * Real databases for tests: PGlite always, and PostgreSQL too when JALON_TEST_DATABASE_URL is set (a database
 * per test file, dropped after). Each test database is a copy of a template, migrated, with the demo seed only
 * for the few files that are about the demo data:
 *
 * - PGlite: the template's data directory (a tar) is cached across runs, keyed by a hash of its sources
 *   (template-cache.ts); made by the first worker that asks for it;
 * - PostgreSQL: template databases of the run (`CREATE DATABASE … TEMPLATE`, a file copy), made by the first
 *   worker that asks for them under an advisory lock, dropped by the global setup at the end of the run.
 */
import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database, type Engine } from '../db/client.js';
import { seedDemoData } from '../seed/seed.js';
import { withDatabase } from './database-url.js';
import { cachedTemplate, type TemplateKind } from './template-cache.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the run's id, in the names of its PostgreSQL template databases (global-setup.ts drops them) */
    testRun: string;
  }
}

export const testEngines: Engine[] = process.env.JALON_TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

const pgliteTemplates = new Map<TemplateKind, Promise<Blob>>();

async function makePgliteTemplate(kind: TemplateKind): Promise<Uint8Array<ArrayBuffer>> {
  const instance = await PGlite.create();
  const database = await openDatabase({ pglite: instance, ownsInstance: false });
  await database.migrate();
  if (kind === 'seeded') await seedDemoData(database.db);
  const dump = await instance.dumpDataDir('none');
  await instance.close();
  return new Uint8Array(await dump.arrayBuffer());
}

/** The migrated (and seeded) data directory as a tar, from the cache or made now. */
function pgliteTemplate(kind: TemplateKind): Promise<Blob> {
  let template = pgliteTemplates.get(kind);
  if (!template) {
    template = cachedTemplate(kind, () => makePgliteTemplate(kind)).then((bytes) => new Blob([bytes]));
    pgliteTemplates.set(kind, template);
  }
  return template;
}

async function withAdmin<T>(adminUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

const postgresTemplates = new Map<TemplateKind, Promise<string | null>>();

function runId(): string | undefined {
  try {
    return inject('testRun');
  } catch {
    return undefined; // outside a Vitest run with the global setup: no template, each database migrated
  }
}

/** The run's template database of this kind, made by the first worker that asks (the others wait for it). */
function postgresTemplate(adminUrl: string, kind: TemplateKind): Promise<string | null> {
  let template = postgresTemplates.get(kind);
  if (!template) {
    const run = runId();
    template = !run
      ? Promise.resolve(null)
      : withAdmin(adminUrl, async (admin) => {
          const name = `jalon_tpl_${run}_${kind}`;
          const lock = [7236100 + (kind === 'seeded' ? 1 : 0), Number.parseInt(run, 16) & 0x7fffffff];
          await admin.query('SELECT pg_advisory_lock($1, $2)', lock);
          try {
            const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
            if (found.rowCount) return name;
            // made under another name then renamed: a worker that died half-way leaves no half template
            const building = `${name}_${randomBytes(3).toString('hex')}`;
            await admin.query(`CREATE DATABASE ${building}`);
            const database = await openDatabase({ url: withDatabase(adminUrl, building) });
            try {
              await database.migrate();
              if (kind === 'seeded') await seedDemoData(database.db);
            } finally {
              // a template must have no connection left when it is copied
              await database.close();
            }
            await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
            return name;
          } finally {
            await admin.query('SELECT pg_advisory_unlock($1, $2)', lock).catch(() => undefined);
          }
        });
    postgresTemplates.set(kind, template);
  }
  return template;
}

/**
 * A migrated database of its own for one test file, empty but for the reference data of the migrations (write
 * what the test reads with `factories.ts`); `seed: true` only for the tests of the demo data itself.
 */
export async function createTestDatabase(
  engine: Engine,
  options: { seed?: boolean } = {},
): Promise<Database> {
  const kind: TemplateKind = options.seed ? 'seeded' : 'empty';
  if (engine === 'pglite') {
    const copy = await PGlite.create({ loadDataDir: await pgliteTemplate(kind) });
    return openDatabase({ pglite: copy });
  }
  const adminUrl = process.env.JALON_TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('JALON_TEST_DATABASE_URL is not set');
  const template = await postgresTemplate(adminUrl, kind);
  const name = `jalon_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (admin) =>
    admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`),
  );
  const database = await openDatabase({ url: withDatabase(adminUrl, name) });
  if (!template) {
    await database.migrate();
    if (kind === 'seeded') await seedDemoData(database.db);
  }
  return {
    ...database,
    async close() {
      await database.close();
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/**
 * A PGlite data directory, migrated, holding what `build` writes (with the factories): for the tests that run
 * the `jalon` command itself on a data directory of their own.
 */
export async function dataDirectoryWith(
  path: string,
  build: (database: Database) => Promise<void>,
): Promise<void> {
  const instance = await PGlite.create({ dataDir: path, loadDataDir: await pgliteTemplate('empty') });
  const database = await openDatabase({ pglite: instance, ownsInstance: false });
  try {
    await build(database);
  } finally {
    await database.close();
    await instance.close();
  }
}

/**
 * A PGlite data directory holding the demo data, as `jalon db seed` leaves it (without the demo accounts): for
 * the command tests still to convert to `dataDirectoryWith` (CONTRIBUTING.md, "Test data").
 */
export async function seededDataDirectory(path: string): Promise<void> {
  const instance = await PGlite.create({ dataDir: path, loadDataDir: await pgliteTemplate('seeded') });
  await instance.close();
}
