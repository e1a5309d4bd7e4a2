/**
 * Vitest global setup of the node project. The test databases' templates are made on first use, by the worker
 * that asks (test-database.ts): a run of files that need no database, or only the empty template, does not
 * pay the demo seed (≈ 80 s on a busy two-core machine). The PGlite ones are cached across runs
 * (template-cache.ts); this setup prunes the old ones, names the run for its PostgreSQL templates and drops
 * those at the end.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { pruneTemplateCache } from './template-cache.js';

export default function setup(project: TestProject) {
  // one name for the run, whichever node project asks first (vitest.config.ts has two): they share templates
  const run = (process.env.JALON_TEST_RUN_ID ??= randomBytes(4).toString('hex'));
  project.provide('testRun', run);
  pruneTemplateCache();
  return async () => {
    const adminUrl = process.env.JALON_TEST_DATABASE_URL;
    if (!adminUrl) return;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1`,
        [`jalon_tpl_${run}_%`],
      );
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  };
}
