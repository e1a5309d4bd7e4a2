/**
 * Logical backups: every row of every table, with the migrations they were written under. The same file
 * restores into PGlite or PostgreSQL (a laptop's data can move to a server and back), into an empty database
 * migrated to the same level; types round-trip through PostgreSQL's own JSON conversion (`to_jsonb` /
 * `jsonb_populate_record`). The embedded database does not survive a power cut as a server does: back it up
 * daily (README).
 *
 * A backup is a tar archive (format 2, `backup-tar.ts`), written and read in order, in bounded memory whatever
 * the size of the database — files (bytea columns: photos, documents, uploaded spreadsheets) are entries of
 * their own, never inside a JSON value:
 *
 *   jalon-backup.json                  format, version, date, migrations, the tables in restore order with their
 *                                      binary (bytea) columns
 *   tables/<table>/000001.jsonl.gz     at most 500 rows or 4 MB: `to_jsonb` of each row, one per line, where
 *                                      a binary column holds { file, size, sha256 } instead of its bytes
 *   files/<table>/00000001             the bytes of that value, as they are (`tar x` gives the photo back)
 *   …
 *   end.json                           per table: rows, files, bytes, and the SHA-256 of its lines
 *
 * Reading checks everything on the way (every header, every file's size and SHA-256, every table's lines and
 * counts against end.json) and says where a damaged or cut-short file stops making sense; a restore reads the
 * file once, inserting batches of at most 500 rows and 4 MB (or one bigger row) in one transaction, so a damaged backup restores
 * nothing. `verifyBackup` does the same reading without a database. Format 1 (gzip'd JSON lines, bytes as hex
 * inside the rows; written until version 0.1) still restores and verifies, streamed the same way.
 */
import { sql, type SQL } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream';
import { promisify } from 'node:util';
import { createGunzip, gunzip, gzip } from 'node:zlib';
import { TarError, TarReader, TarWriter } from './backup-tar.js';
import type { Db, DbOrTx } from './client.js';

const FORMAT = 'jalon-backup';
const VERSION = 2;
const HEADER_ENTRY = 'jalon-backup.json';
const END_ENTRY = 'end.json';
/** A batch — an entry of rows when writing, one insert when restoring — holds at most this many rows… */
const BATCH_ROWS = 500;
/**
 * …and about this many bytes of JSON and files; a row bigger than that goes alone. Small, because PGlite's
 * WebAssembly memory grows to the largest statement it has run (several copies of its parameters and values)
 * and never shrinks: a photo a statement keeps it within ~40 MB of its size at rest.
 */
const BATCH_BYTES = 4 * 1024 * 1024;

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

type Rows<T> = { rows: T[] };
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows;
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

interface Table {
  name: string;
  /** the columns a row is inserted with (not generated ones), in order */
  columns: string[];
  /** its bytea columns, stored as files */
  binary: string[];
}

/** The application's tables, parents before children (foreign keys), so that a restore can insert in order. */
async function tablesInOrder(db: DbOrTx): Promise<Table[]> {
  const columns = rowsOf<{ t: string; c: string; is_binary: boolean }>(
    await db.execute(sql`select c.relname as t, a.attname as c, a.atttypid = 'bytea'::regtype as is_binary
      from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid
      where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
        and a.attgenerated = ''
      order by c.relname, a.attnum`),
  );
  const tables = [...new Set(columns.map((r) => r.t))].sort();
  const edges = rowsOf<{ child: string; parent: string }>(
    await db.execute(sql`select c.relname as child, p.relname as parent from pg_constraint k
      join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`),
  );
  const ordered: string[] = [];
  const remaining = new Set(tables);
  while (remaining.size) {
    const ready = [...remaining].filter((t) => !edges.some((e) => e.child === t && remaining.has(e.parent)));
    if (ready.length === 0) throw new Error(`circular foreign keys among ${[...remaining].join(', ')}`);
    for (const t of ready) {
      ordered.push(t);
      remaining.delete(t);
    }
  }
  return ordered.map((name) => {
    const own = columns.filter((c) => c.t === name);
    return { name, columns: own.map((c) => c.c), binary: own.filter((c) => c.is_binary).map((c) => c.c) };
  });
}

async function appliedMigrations(db: DbOrTx): Promise<string[]> {
  const rows = rowsOf<{ hash: string }>(
    await db.execute(sql`select hash from drizzle.__drizzle_migrations order by id`),
  );
  return rows.map((r) => r.hash);
}

export interface BackupSummary {
  tables: number;
  rows: number;
  /** binary values (photos, documents…) and their bytes */
  files: number;
  bytes: number;
}

interface TableTotals {
  rows: number;
  files: number;
  bytes: number;
  /** SHA-256 of the table's lines, each followed by a newline (format 2) */
  sha256?: string;
}

function summaryOf(totals: Record<string, TableTotals>): BackupSummary {
  const all = Object.values(totals);
  const sum = (key: 'rows' | 'files' | 'bytes') => all.reduce((n, t) => n + t[key], 0);
  return { tables: all.length, rows: sum('rows'), files: sum('files'), bytes: sum('bytes') };
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/** Writes every row of every table to `path` (a tar archive, see above), from one snapshot. */
export async function backupDatabase(db: Db, path: string): Promise<BackupSummary> {
  const handle = await open(path, 'w');
  try {
    const tar = new TarWriter(handle);
    // one snapshot for all tables, so the file is consistent even while the server keeps writing
    const totals = await db.transaction(async (tx) => {
      await tx.execute(sql`set transaction isolation level repeatable read`);
      const tables = await tablesInOrder(tx);
      await tar.entry(
        HEADER_ENTRY,
        json({
          format: FORMAT,
          version: VERSION,
          createdAt: new Date().toISOString(),
          migrations: await appliedMigrations(tx),
          tables: tables.map(({ name, binary }) => ({ name, binary })),
        }),
      );
      const totals: Record<string, TableTotals> = {};
      for (const table of tables) totals[table.name] = await backupTable(tx, tar, table);
      await tar.entry(END_ENTRY, json({ tables: totals }));
      return totals;
    });
    await tar.end();
    await handle.sync();
    return summaryOf(totals);
  } finally {
    await handle.close();
  }
}

/**
 * One table through a cursor, 500 rows at a time. A table with bytea columns is read as its rows without them
 * plus their lengths; their bytes are fetched by batches of at most 4 MB or one bigger file (by `ctid`: the same
 * row versions, in the same snapshot) and written as files after the batch's rows.
 */
async function backupTable(tx: DbOrTx, tar: TarWriter, table: Table): Promise<TableTotals> {
  const { name, binary } = table;
  const totals = { rows: 0, files: 0, bytes: 0 };
  const digest = createHash('sha256');
  let entries = 0;
  const lengths = binary.map((c, i) => `, octet_length(t.${ident(c)}) as n${i}`).join('');
  const select = binary.length
    ? `(to_jsonb(t) - array[${binary.map(literal).join(', ')}]::text[])::text as r, t.ctid::text as tid${lengths}`
    : 'to_jsonb(t)::text as r';
  type Fetched = { r: string; tid?: string } & Record<string, number | null>;
  const sizeOf = (row: Fetched) => row.r.length + binary.reduce((n, _, i) => n + (row[`n${i}`] ?? 0), 0);

  const writeBatch = async (batch: Fetched[]) => {
    const fetched = new Map<string, Record<string, string | null>>();
    const wanted = batch.filter((row) => binary.some((_, i) => row[`n${i}`] !== null)).map((row) => row.tid!);
    if (wanted.length) {
      const encoded = binary.map((c, i) => `encode(t.${ident(c)}, 'base64') as b${i}`).join(', ');
      const result = rowsOf<{ tid: string } & Record<string, string | null>>(
        await tx.execute(
          sql`select t.ctid::text as tid, ${sql.raw(encoded)} from ${sql.identifier(name)} t
              where t.ctid = any(${`{${wanted.map((t) => `"${t}"`).join(',')}}`}::tid[])`,
        ),
      );
      for (const row of result) fetched.set(row.tid, row);
    }
    const lines: string[] = [];
    const files: { name: string; bytes: Buffer }[] = [];
    for (const row of batch) {
      let line = row.r;
      if (binary.length) {
        const described = binary.map((column, i) => {
          if (row[`n${i}`] === null) return `${JSON.stringify(column)}:null`;
          const base64 = fetched.get(row.tid!)?.[`b${i}`];
          if (base64 == null) throw new Error(`${name}.${column}: a value could not be read back`);
          const bytes = Buffer.from(base64, 'base64');
          if (bytes.length !== row[`n${i}`]) throw new Error(`${name}.${column}: read ${bytes.length} bytes`);
          const file = `files/${name}/${String(totals.files + files.length + 1).padStart(8, '0')}`;
          files.push({ name: file, bytes });
          return `${JSON.stringify(column)}:${JSON.stringify({ file, size: bytes.length, sha256: sha256(bytes) })}`;
        });
        line = `${line.slice(0, -1)}${line === '{}' ? '' : ', '}${described.join(', ')}}`;
      }
      digest.update(`${line}\n`);
      lines.push(line);
    }
    entries++;
    const entry = `tables/${name}/${String(entries).padStart(6, '0')}.jsonl.gz`;
    await tar.entry(entry, await gzipAsync(Buffer.from(`${lines.join('\n')}\n`)));
    for (const file of files) {
      await tar.entry(file.name, file.bytes);
      totals.bytes += file.bytes.length;
    }
    totals.files += files.length;
    totals.rows += batch.length;
  };

  await tx.execute(
    sql.raw(`declare jalon_backup no scroll cursor for select ${select} from ${ident(name)} t`),
  );
  for (;;) {
    const fetched = rowsOf<Fetched>(await tx.execute(sql.raw(`fetch ${BATCH_ROWS} from jalon_backup`)));
    for (let start = 0; start < fetched.length;) {
      let end = start;
      let bytes = 0;
      while (end < fetched.length && (end === start || bytes + sizeOf(fetched[end]!) <= BATCH_BYTES))
        bytes += sizeOf(fetched[end++]!);
      await writeBatch(fetched.slice(start, end));
      start = end;
    }
    if (fetched.length < BATCH_ROWS) break;
  }
  await tx.execute(sql`close jalon_backup`);
  return { ...totals, sha256: digest.digest('hex') };
}

interface Header {
  version: number;
  createdAt?: string;
  migrations: string[];
  tables: { name: string; binary: string[] }[];
}

/** Consecutive rows of one table, as JSON text; `files` holds each row's binary values (format 2). */
interface Chunk {
  table: string;
  lines: string[];
  /** per row, per binary column of the header; absent in format 1, whose rows carry their bytes as hex */
  files?: (Buffer | null)[][];
}

type Item =
  | { kind: 'header'; header: Header }
  | { kind: 'rows'; chunk: Chunk }
  | { kind: 'end'; totals: Record<string, TableTotals>; checksums: boolean };

/** What a backup holds cannot be read: the message says where. */
class Unreadable extends Error {}

/** Gathers rows into chunks of at most BATCH_ROWS rows and BATCH_BYTES bytes, one table at a time. */
class Chunker {
  private chunk: Chunk | undefined;
  private bytes = 0;
  /** adds a row; returns the chunks it completed (the previous table's, this one when full) */
  add(table: string, line: string, files?: (Buffer | null)[]): Chunk[] {
    const done: Chunk[] = [];
    if (this.chunk && this.chunk.table !== table) done.push(...this.flush());
    this.chunk ??= { table, lines: [], ...(files ? { files: [] } : {}) };
    this.chunk.lines.push(line);
    if (files) this.chunk.files!.push(files);
    this.bytes += line.length + (files ?? []).reduce((n, f) => n + (f?.length ?? 0), 0);
    if (this.chunk.lines.length >= BATCH_ROWS || this.bytes >= BATCH_BYTES) done.push(...this.flush());
    return done;
  }
  flush(): Chunk[] {
    const done = this.chunk;
    this.chunk = undefined;
    this.bytes = 0;
    return done ? [done] : [];
  }
}

function parseHeader(text: string, version: number): Header {
  let value: {
    format?: unknown;
    version?: unknown;
    createdAt?: string;
    migrations?: unknown;
    tables?: unknown;
  };
  try {
    value = JSON.parse(text) as typeof value;
  } catch {
    throw new Unreadable('not a Jalon backup');
  }
  if (value.format !== FORMAT) throw new Unreadable('not a Jalon backup');
  if (value.version !== version && !(version === 1 && value.version === undefined))
    throw new Unreadable(
      `a backup of format ${String(value.version)}, made by a newer Jalon: restore it with that one`,
    );
  if (!Array.isArray(value.migrations) || !Array.isArray(value.tables))
    throw new Unreadable('its header is damaged');
  const tables = (value.tables as unknown[]).map((t) =>
    typeof t === 'string' ? { name: t, binary: [] } : (t as { name: string; binary: string[] }),
  );
  return { version, createdAt: value.createdAt, migrations: value.migrations as string[], tables };
}

/** Format 2: the tar archive, every entry checked. */
async function* readArchive(path: string): AsyncGenerator<Item> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const start = Buffer.alloc(512);
    await handle.read(start, 0, 512, 0);
    if (start.toString('latin1', 257, 262) !== 'ustar') throw new Unreadable('not a Jalon backup');
    const tar = new TarReader(handle, size);
    const first = await tar.next();
    if (!first || first.name !== HEADER_ENTRY) throw new Unreadable('not a Jalon backup');
    const header = parseHeader(first.content.toString('utf8'), 2);
    yield { kind: 'header', header };
    const order = new Map(header.tables.map((t, i) => [t.name, i]));
    const counted = new Map(
      header.tables.map((t) => [
        t.name,
        { rows: 0, files: 0, bytes: 0, entries: 0, digest: createHash('sha256') },
      ]),
    );
    const chunker = new Chunker();
    let current = 0;
    let entry = await tar.next();
    while (entry && entry.name !== END_ENTRY) {
      const match = /^tables\/(.+)\/(\d{6})\.jsonl\.gz$/.exec(entry.name);
      const index = match ? order.get(match[1]!) : undefined;
      if (!match || index === undefined || index < current)
        throw new Unreadable(
          `${entry.name} is not where a backup puts it (after ${tar.last ?? 'the header'})`,
        );
      current = index;
      const table = header.tables[index]!;
      const count = counted.get(table.name)!;
      if (Number(match[2]) !== ++count.entries)
        throw new Unreadable(
          `${entry.name} comes where entry ${count.entries} of ${table.name} should: one is missing`,
        );
      let text: string;
      try {
        text = (await gunzipAsync(entry.content)).toString('utf8');
      } catch (error) {
        throw new Unreadable(`${entry.name} is damaged (${(error as Error).message})`);
      }
      const lines = text.split('\n');
      if (lines.pop() !== '') throw new Unreadable(`${entry.name} is damaged (its last line is cut)`);
      for (const [n, line] of lines.entries()) {
        let row: Record<string, unknown>;
        try {
          row = JSON.parse(line) as Record<string, unknown>;
        } catch {
          throw new Unreadable(`${entry.name}, line ${n + 1}, is not JSON`);
        }
        count.digest.update(`${line}\n`);
        count.rows++;
        let files: (Buffer | null)[] | undefined;
        if (table.binary.length) {
          files = [];
          for (const column of table.binary) {
            const described = row[column] as { file?: string; size?: number; sha256?: string } | null;
            if (described === null || described === undefined) {
              files.push(null);
              continue;
            }
            const file = await tar.next();
            if (!file || file.name !== described.file)
              throw new Unreadable(
                `${described.file} is missing (found ${file?.name ?? 'the end of the archive'})`,
              );
            if (file.content.length !== described.size || sha256(file.content) !== described.sha256)
              throw new Unreadable(
                `${file.name} is damaged: its bytes differ from the SHA-256 recorded for them`,
              );
            count.files++;
            count.bytes += file.content.length;
            files.push(file.content);
          }
        }
        for (const chunk of chunker.add(table.name, line, files)) yield { kind: 'rows', chunk };
      }
      entry = await tar.next();
    }
    for (const chunk of chunker.flush()) yield { kind: 'rows', chunk };
    if (!entry) throw new Unreadable(`it is incomplete: it ends after ${tar.last} without its end record`);
    let recorded: Record<string, TableTotals>;
    try {
      recorded = (JSON.parse(entry.content.toString('utf8')) as { tables: Record<string, TableTotals> })
        .tables;
    } catch {
      throw new Unreadable(`${END_ENTRY} is damaged`);
    }
    const totals: Record<string, TableTotals> = {};
    for (const [name, count] of counted) {
      const found = {
        rows: count.rows,
        files: count.files,
        bytes: count.bytes,
        sha256: count.digest.digest('hex'),
      };
      const expected = recorded?.[name];
      if (
        !expected ||
        expected.rows !== found.rows ||
        expected.files !== found.files ||
        expected.bytes !== found.bytes
      )
        throw new Unreadable(
          `${name}: ${found.rows} rows and ${found.files} files read, ${expected?.rows ?? '?'} and ${expected?.files ?? '?'} recorded`,
        );
      if (expected.sha256 !== found.sha256)
        throw new Unreadable(`${name}: its rows differ from the SHA-256 recorded for them`);
      totals[name] = found;
    }
    if ((await tar.next()) !== null) throw new Unreadable(`something follows ${END_ENTRY}`);
    yield { kind: 'end', totals, checksums: true };
  } finally {
    await handle.close();
  }
}

/** Format 1: gzip'd JSON lines, a header then `{ t: table, r: row }`; no checksums but gzip's own. */
async function* readJsonLines(path: string): AsyncGenerator<Item> {
  const gunzipped = createGunzip();
  pipeline(createReadStream(path), gunzipped, () => undefined); // an error reaches the lines through gunzip
  const lines = createInterface({ input: gunzipped, crlfDelay: Infinity });
  let header: Header | undefined;
  const totals: Record<string, TableTotals> = {};
  const chunker = new Chunker();
  let number = 0;
  try {
    for await (const line of lines) {
      number++;
      if (!line) continue;
      if (!header) {
        header = parseHeader(line, 1);
        for (const t of header.tables) totals[t.name] = { rows: 0, files: 0, bytes: 0 };
        yield { kind: 'header', header };
        continue;
      }
      let value: { t?: string; r?: unknown };
      try {
        value = JSON.parse(line) as typeof value;
      } catch {
        throw new Unreadable(`line ${number} is not JSON`);
      }
      const count = value.t === undefined ? undefined : totals[value.t];
      if (!count) throw new Unreadable(`a row of an unknown table (${String(value.t)})`);
      count.rows++;
      for (const chunk of chunker.add(value.t!, JSON.stringify(value.r))) yield { kind: 'rows', chunk };
    }
  } finally {
    lines.close();
    gunzipped.destroy();
  }
  if (!header) throw new Unreadable('it is empty');
  for (const chunk of chunker.flush()) yield { kind: 'rows', chunk };
  yield { kind: 'end', totals, checksums: false };
}

/** Every item of a backup, in order, whatever its format; any failure says the file and where. */
async function* readBackup(path: string): AsyncGenerator<Item> {
  try {
    const handle = await open(path, 'r');
    let magic: Buffer;
    try {
      magic = Buffer.alloc(2);
      await handle.read(magic, 0, 2, 0);
    } finally {
      await handle.close();
    }
    yield* magic[0] === 0x1f && magic[1] === 0x8b ? readJsonLines(path) : readArchive(path);
  } catch (error) {
    const message = error instanceof Unreadable || error instanceof TarError ? error.message : String(error);
    throw new Error(`Cannot read the backup ${path}: ${message.replace(/^Error: /, '')}`, { cause: error });
  }
}

export interface VerifiedBackup extends BackupSummary {
  version: number;
  createdAt?: string;
  migrations: number;
  /** false for format 1, which has no checksums of its own (gzip's only) */
  checksums: boolean;
}

/**
 * Reads every entry of a backup and checks it (format 2: every file's size and SHA-256, every table's rows
 * and checksum against the end record) without a database; throws "Cannot read the backup …: <where>" otherwise.
 */
export async function verifyBackup(path: string): Promise<VerifiedBackup> {
  let header: Header | undefined;
  for await (const item of readBackup(path)) {
    if (item.kind === 'header') header = item.header;
    if (item.kind === 'end')
      return {
        ...summaryOf(item.totals),
        version: header!.version,
        createdAt: header!.createdAt,
        migrations: header!.migrations.length,
        checksums: item.checksums,
      };
  }
  throw new Error(`Cannot read the backup ${path}: it ends too soon`);
}

/** Inserts one chunk: its rows from one jsonb array, its files as parameters of their own. */
async function insertChunk(tx: DbOrTx, table: Table, chunk: Chunk) {
  const target = sql.identifier(table.name);
  const rows = `[${chunk.lines.join(',')}]`;
  const columns = sql.raw(table.columns.map(ident).join(', '));
  if (!chunk.files || table.binary.length === 0) {
    await tx.execute(sql`insert into ${target} (${columns}) overriding system value
      select ${sql.raw(table.columns.map((c) => `r.${ident(c)}`).join(', '))}
        from jsonb_populate_recordset(null::${target}, ${rows}::jsonb) r`);
    return;
  }
  const values: SQL[] = [];
  chunk.files.forEach((files, i) => {
    if (files.every((f) => f === null)) return;
    const cells = files.map((f) =>
      f === null ? sql`null::bytea` : sql`decode(${f.toString('base64')}, 'base64')`,
    );
    values.push(sql`(${sql.raw(String(i + 1))}, ${sql.join(cells, sql`, `)})`);
  });
  const binaryAt = new Map(table.binary.map((c, i) => [c, i]));
  const selected = table.columns
    .map((c) =>
      binaryAt.has(c) ? (values.length ? `f.b${binaryAt.get(c)}` : 'null::bytea') : `r.${ident(c)}`,
    )
    .join(', ');
  const files = values.length
    ? sql`left join (values ${sql.join(values, sql`, `)}) as f(i, ${sql.raw(table.binary.map((_, i) => `b${i}`).join(', '))})
          on f.i = j.i`
    : sql``;
  await tx.execute(sql`insert into ${target} (${columns}) overriding system value
    select ${sql.raw(selected)}
      from jsonb_array_elements(${rows}::jsonb) with ordinality as j(value, i)
      cross join lateral jsonb_populate_record(null::${target},
        j.value - ${sql.raw(`array[${table.binary.map(literal).join(', ')}]::text[]`)}) as r
      ${files}`);
}

/** Reads a backup into an empty database migrated to the same level; all of it, or nothing. */
export async function restoreDatabase(db: Db, path: string): Promise<BackupSummary> {
  const items = readBackup(path);
  try {
    const first = await items.next();
    if (first.done || first.value.kind !== 'header')
      throw new Error(`Cannot read the backup ${path}: it is empty`);
    const header = first.value.header;
    const here = await appliedMigrations(db);
    if (JSON.stringify(here) !== JSON.stringify(header.migrations)) {
      throw new Error(
        `The backup was made at migration level ${header.migrations.length} and this database is at ${here.length}: ` +
          'restore with the Jalon version that made it, then upgrade.',
      );
    }
    const tables = await tablesInOrder(db);
    const byName = new Map(tables.map((t) => [t.name, t]));
    for (const t of header.tables) {
      const table = byName.get(t.name);
      if (!table || (header.version >= 2 && t.binary.join() !== table.binary.join()))
        throw new Error(
          `The backup's table ${t.name} does not match this database's: restore with the Jalon version that made it.`,
        );
    }
    return await db.transaction(async (tx) => {
      // a database with programmes or accounts holds someone's work: never overwrite it
      for (const table of ['programmes', 'users']) {
        const count = rowsOf<{ n: number }>(
          await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`),
        )[0]!.n;
        if (count > 0) {
          throw new Error(
            `The database is not empty (${table} has ${count} rows): restore into a new, empty database.`,
          );
        }
      }
      for (const { name } of tables) {
        // restored rows are not new changes: the audit triggers stay quiet, the trail comes from the backup
        await tx.execute(sql.raw(`alter table ${ident(name)} disable trigger user`));
      }
      // what migrations put in (reference data such as Mali's areas, the trail of that) comes back from the file
      for (const { name } of [...tables].reverse()) await tx.execute(sql.raw(`delete from ${ident(name)}`));
      let summary: BackupSummary | undefined;
      for await (const item of items) {
        if (item.kind === 'rows') await insertChunk(tx, byName.get(item.chunk.table)!, item.chunk);
        if (item.kind === 'end') summary = { ...summaryOf(item.totals), tables: tables.length };
      }
      if (!summary) throw new Error(`Cannot read the backup ${path}: it ends too soon`);
      for (const { name } of tables)
        await tx.execute(sql.raw(`alter table ${ident(name)} enable trigger user`));
      // identity columns continue after the restored ids
      const identities = rowsOf<{ t: string; c: string }>(
        await tx.execute(sql`select table_name as t, column_name as c from information_schema.columns
          where table_schema = 'public' and is_identity = 'YES'`),
      );
      for (const { t, c } of identities) {
        await tx.execute(
          sql.raw(
            `select setval(pg_get_serial_sequence('"${t}"', '${c}'), coalesce((select max("${c}") from "${t}"), 0) + 1, false)`,
          ),
        );
      }
      return summary;
    });
  } finally {
    await items.return(undefined);
  }
}
