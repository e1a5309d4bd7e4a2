/**
 * Writing many rows at the speed of the database: COPY … FROM, in the caller's transaction (all or nothing).
 * One function for both engines (docs/decisions/0031-copy-imports.md): PostgreSQL streams the rows through
 * pg-copy-streams on the transaction's own connection, never holding them all; PGlite has no COPY protocol
 * for its client, so the rows go as a file, `COPY … FROM '/dev/blob'`, in pieces of a bounded size. COPY fires
 * the statement triggers (audit trail, live aggregates) as an INSERT does: once per COPY, with its rows in
 * the transition tables.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { driverOf, type DbOrTx } from './client.js';

/** A value COPY's text format can carry: null, text, a number, a boolean, a date (as an instant). */
export type CopyValue = string | number | boolean | Date | null | undefined;

/**
 * PGlite: the text of one COPY at most (a piece's rows are in memory twice: the text and its bytes). The
 * statement triggers' transition tables grow with a piece too: 16 MB is about 100,000 participant rows.
 */
const PGLITE_PIECE_BYTES = 16 * 1024 * 1024;
/** PostgreSQL: the size of the writes to the stream (one network message each, more or less). */
const STREAM_CHUNK = 256 * 1024;

const SPECIAL = /[\\\t\n\r]/;
const escapeText = (s: string) =>
  SPECIAL.test(s)
    ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : s;

/** One value in COPY's text format: `\N` for null, backslash escapes for the separators. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`copyRows: ${value} is not a number COPY can write`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return value.toISOString();
}

/** One row as a line of COPY's text format. */
export const copyLine = (row: readonly CopyValue[]) => row.map(copyField).join('\t') + '\n';

/** The rows as text in pieces of about `size` characters (the last one smaller). */
function* pieces(rows: Iterable<readonly CopyValue[]>, size: number): Generator<string> {
  let lines: string[] = [];
  let length = 0;
  for (const row of rows) {
    const line = copyLine(row);
    lines.push(line);
    length += line.length;
    if (length >= size) {
      yield lines.join('');
      lines = [];
      length = 0;
    }
  }
  if (lines.length) yield lines.join('');
}

/**
 * The settings of a large write, for the rest of the transaction: the statement triggers then group and join
 * every row written at once (decision 0026). With PostgreSQL's defaults, their sorts spilled to disk (work_mem
 * 4 MB) and JIT compiling took longer than the statements it compiled (1.4 s of 4.9 s for 35,000 participant
 * rows, EXPLAIN ANALYZE in docs/performance.md). The import's summary pass (`jalon_bulk_finish_activities`)
 * groups 208,000 participant rows of 10,000 activities into 1,472 summary rows, but the planner guesses 645,000
 * groups, too many for a hash table of work_mem × hash_mem_multiplier (2): it sorted them (3.2 s under load);
 * with a multiplier of 8 it hashes (0.9 s, 25 MB). The server's memory, bounded (a hash that outgrows it
 * spills to disk). PGlite has no JIT; work_mem is memory of its WASM heap, which never shrinks and counts in
 * the process's memory, hence less there and the default multiplier.
 */
export async function settingsForLargeWrite(tx: DbOrTx): Promise<void> {
  const driver = driverOf(tx);
  if (driver.engine === 'postgres')
    await driver.client.query(
      "SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true), set_config('hash_mem_multiplier', '8', true)",
    );
  else await driver.client.query("SELECT set_config('work_mem', '32MB', true)");
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Writes `rows` (each the values of `columns`, in order) into `table` with COPY; the columns not named take
 * their defaults. `tx` must be a transaction: on PostgreSQL the COPY needs the transaction's own connection,
 * and all or nothing is the caller's. Returns the number of rows written.
 */
export async function copyRows(
  tx: DbOrTx,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
  /** PGlite: the text of one COPY at most (the tests make it small) */
  pieceBytes = PGLITE_PIECE_BYTES,
): Promise<number> {
  const target = `${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')})`;
  const driver = driverOf(tx);
  if (driver.engine === 'postgres') {
    // loaded on PostgreSQL only, at the first COPY: a server on PGlite never needs it (issue 20, item 4)
    const { from: copyFrom } = await import('pg-copy-streams');
    const stream = driver.client.query(copyFrom(`COPY ${target} FROM STDIN`));
    await pipeline(Readable.from(pieces(rows, STREAM_CHUNK)), stream);
    return stream.rowCount;
  }
  let written = 0;
  for (const text of pieces(rows, pieceBytes)) {
    const result = await driver.client.query(`COPY ${target} FROM '/dev/blob'`, [], {
      blob: new Blob([text]),
    });
    written += result.affectedRows ?? 0;
  }
  return written;
}
