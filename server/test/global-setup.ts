/**
 * Vitest global setup of the node and e2e projects: migrates and seeds the test databases' templates ONCE per run,
 * instead of once per test file (Vitest isolates files, so a template kept in memory lived one file only: every
 * file paid the migrations and the demo seed, ≈ 15 s on a busy two-core machine, twice with PostgreSQL).
 *
 * PGlite: the migrated (and seeded) data directory is dumped to a file; each test database loads it.
 * PostgreSQL: template databases; each test database is `CREATE DATABASE … TEMPLATE` (a file copy).
 * The file and the template names reach the test files through `provide` / `inject` (test-database.ts).
 */
import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.js';
import { seedDemoData } from '../seed/seed.js';
import { withDatabase } from './database-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the PGlite data directories (tar) of the migrated templates, seeded and empty */
    pgliteTemplates: { seeded: string; empty: string };
    /** the PostgreSQL template databases, when JALON_TEST_DATABASE_URL is set */
    postgresTemplates: { seeded: string; empty: string } | null;
  }
}

async function pgliteTemplate(folder: string, seed: boolean): Promise<string> {
  const instance = await PGlite.create();
  const database = await openDatabase({ pglite: instance, ownsInstance: false });
  await database.migrate();
  if (seed) await seedDemoData(database.db);
  const file = join(folder, seed ? 'seeded.tar' : 'empty.tar');
  writeFileSync(file, new Uint8Array(await (await instance.dumpDataDir('none')).arrayBuffer()));
  await database.close();
  await instance.close();
  return file;
}

async function adminQuery(adminUrl: string, sql: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

async function postgresTemplate(adminUrl: string, name: string, seed: boolean): Promise<string> {
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const database = await openDatabase({ url: withDatabase(adminUrl, name) });
  await database.migrate();
  if (seed) await seedDemoData(database.db);
  // a template must have no connection left when it is copied
  await database.close();
  return name;
}

export default async function setup(project: TestProject) {
  const folder = mkdtempSync(join(tmpdir(), 'jalon-test-templates-'));
  const adminUrl = process.env.JALON_TEST_DATABASE_URL;
  const run = randomBytes(4).toString('hex');
  const [seeded, empty, postgres] = await Promise.all([
    pgliteTemplate(folder, true),
    pgliteTemplate(folder, false),
    adminUrl
      ? Promise.all([
          postgresTemplate(adminUrl, `jalon_tpl_${run}_seeded`, true),
          postgresTemplate(adminUrl, `jalon_tpl_${run}_empty`, false),
        ])
      : Promise.resolve(null),
  ]);
  project.provide('pgliteTemplates', { seeded, empty });
  project.provide('postgresTemplates', postgres ? { seeded: postgres[0], empty: postgres[1] } : null);
  return async () => {
    rmSync(folder, { recursive: true, force: true });
    if (adminUrl && postgres)
      for (const name of postgres) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
}
