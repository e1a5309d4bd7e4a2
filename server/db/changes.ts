/**
 * What the read cache (server/plugins/read-cache.ts, docs/decisions/0027-read-cache.md) asks of the database:
 * the channel on which every write is told (migration 0024_change_notify), which tables a transaction has read
 * so far, and a marker sent on that channel to know when the notifications before it have all arrived.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client.js';

/** The channel on which the statement triggers name each table written, at commit. */
export const CHANGES_CHANNEL = 'jalon_changes';

/** A payload no table name has: the marker of `sendMarker`, and the "everything changed" of a restore. */
export const MARKER_PREFIX = ':marker:';
export const EVERYTHING = ':all';

/**
 * How many sequential and index scans this transaction has made so far, by table, as PostgreSQL counts them:
 * every table a query touched, through joins, subqueries, views or functions alike. Read before and after a
 * piece of work, the tables whose count grew are the ones it read (PGlite keeps counting earlier transactions
 * until its statistics are flushed: only the growth says what this work read). Empty when statistics are off
 * (track_counts), which the cache takes as "depends on everything".
 */
export async function scansByTable(tx: DbOrTx): Promise<Map<string, number>> {
  const rows = await tx.execute(
    sql`select relname, coalesce(seq_scan, 0) + coalesce(idx_scan, 0) as scans from pg_stat_xact_user_tables
         where schemaname = 'public'`,
  );
  return new Map(
    resultRows<{ relname: string; scans: number | string }>(rows).map((r) => [r.relname, Number(r.scans)]),
  );
}

/** The tables scanned between two readings of `scansByTable`. */
export const tablesScannedBetween = (before: Map<string, number>, after: Map<string, number>): string[] =>
  [...after].filter(([table, scans]) => scans > (before.get(table) ?? 0)).map(([table]) => table);

/** Sends `payload` on the changes channel, outside any transaction: it arrives after every earlier commit's. */
export async function sendOnChangesChannel(db: DbOrTx, payload: string): Promise<void> {
  await db.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${payload})`);
}

/** node-postgres answers `{ rows }`, PGlite too; drizzle's types differ by driver. */
function resultRows<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
