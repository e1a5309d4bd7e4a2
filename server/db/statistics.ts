/**
 * The planner's statistics after a large write. PGlite runs no autovacuum at all, and a PostgreSQL server's
 * comes minutes later: until then a table that just grew by 100,000 rows is planned as if it were empty, and a
 * read of one framework's targets scanned all 63,000 of them (14–22 ms instead of 0.7 ms,
 * docs/performance.md). ANALYZE samples (about 30,000 rows a table), so it costs little beside the write, and
 * may run inside the write's transaction.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client.js';

/** Below this many rows written, the statistics cannot be far off: autovacuum (where there is one) suffices. */
export const LARGE_WRITE = 1_000;

export async function refreshStatistics(db: DbOrTx, tables: string[]): Promise<void> {
  await db.execute(sql.raw(`ANALYZE ${tables.map((t) => `"${t.replace(/"/g, '')}"`).join(', ')}`));
}

/** Every table at once: for a script or a test that holds the database alone. */
export async function refreshAllStatistics(db: DbOrTx): Promise<void> {
  await db.execute(sql.raw('ANALYZE'));
}

/**
 * The live summaries (`agg_*`, docs/decisions/0026-live-aggregates.md) are rewritten by every write of the
 * activities: without a vacuum their dead row versions pile up and a dashboard's read of a few hundred rows
 * visits thousands of pages (30 ms instead of 1.5 ms for the distinct places over 1M records). A PostgreSQL
 * server's autovacuum does it; PGlite has none, so the embedded server vacuums them when it starts. VACUUM runs
 * outside a transaction: `db` must be the database, not a transaction.
 */
export const SUMMARY_TABLES = [
  'agg_participants',
  'agg_activities',
  'agg_places',
  'agg_cercles',
  'agg_activity_cercles',
  'agg_activity_facts',
];
export async function vacuumSummaries(db: DbOrTx): Promise<void> {
  await db.execute(sql.raw(`VACUUM (ANALYZE) ${SUMMARY_TABLES.join(', ')}`));
}

/**
 * The embedded database's upkeep, which a PostgreSQL server's autovacuum does by itself: the summaries vacuumed
 * and every table's statistics refreshed (its many small writes were never counted). It runs once the server
 * answers, one table a statement with a turn of the event loop between two: PGlite has a single connection, so a
 * request arriving meanwhile waits for one table's ANALYZE (milliseconds), never for all of them (0.7 s on the demo data, which used to delay the first
 * answer of every start). `shouldStop` is asked between tables, so a server stopping does not wait for the rest.
 * `db` must be the database, not a transaction (VACUUM runs outside one).
 */
export async function upkeepOneTableAtATime(
  db: DbOrTx,
  shouldStop: () => boolean = () => false,
): Promise<number> {
  const result = await db.execute(
    sql`select tablename from pg_tables where schemaname = current_schema() order by tablename`,
  );
  const tables = (result as unknown as { rows: { tablename: string }[] }).rows.map((r) => r.tablename);
  let done = 0;
  for (const table of tables) {
    // PGlite runs in this thread and its queries resolve in microtasks: without a turn of the event loop
    // between tables, no request is even accepted until the last one is done (seconds on a loaded machine)
    await new Promise((resolve) => setImmediate(resolve));
    if (shouldStop()) break;
    const name = `"${table.replace(/"/g, '')}"`;
    await db.execute(
      sql.raw(SUMMARY_TABLES.includes(table) ? `VACUUM (ANALYZE) ${name}` : `ANALYZE ${name}`),
    );
    done++;
  }
  return done;
}
