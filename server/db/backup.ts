/**
 * Logical backups: every table's rows as JSON lines in one gzip file, with the migrations they were written
 * under. The same file restores into PGlite or PostgreSQL (a laptop's data can move to a server and back),
 * into an empty database migrated to the same level; types round-trip through PostgreSQL's own JSON
 * conversion (`to_jsonb` / `jsonb_populate_recordset`). The embedded database does not survive a power cut as
 * a server does: back it up daily (README).
 */
import { sql } from 'drizzle-orm';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import type { Db } from './client.js';

const FORMAT = 'jalon-backup';
const BATCH = 500;

type Rows<T> = { rows: T[] };
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows;

/** The application's tables, parents before children (foreign keys), so that a restore can insert in order. */
async function tablesInOrder(db: Db): Promise<string[]> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' order by c.relname`),
  ).map((r) => r.name);
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
  return ordered;
}

async function appliedMigrations(db: Db): Promise<string[]> {
  const rows = rowsOf<{ hash: string }>(
    await db.execute(sql`select hash from drizzle.__drizzle_migrations order by id`),
  );
  return rows.map((r) => r.hash);
}

export interface BackupSummary {
  tables: number;
  rows: number;
}

/** Writes every row of every table to `path` (gzip'd JSON lines). */
export async function backupDatabase(db: Db, path: string): Promise<BackupSummary> {
  const gzip = createGzip();
  const out = createWriteStream(path);
  gzip.pipe(out);
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  const tables = await tablesInOrder(db);
  await write({
    format: FORMAT,
    version: 1,
    createdAt: new Date().toISOString(),
    migrations: await appliedMigrations(db),
    tables,
  });
  let total = 0;
  // one snapshot for all tables, so the file is consistent even while the server keeps writing
  await db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read`);
    for (const table of tables) {
      const rows = rowsOf<{ r: unknown }>(
        await tx.execute(sql`select to_jsonb(t) as r from ${sql.identifier(table)} t`),
      );
      for (const { r } of rows) await write({ t: table, r });
      total += rows.length;
    }
  });
  gzip.end();
  await once(out, 'close');
  return { tables: tables.length, rows: total };
}

/** Reads a backup into an empty database migrated to the same level; all of it, or nothing. */
export async function restoreDatabase(db: Db, path: string): Promise<BackupSummary> {
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  type Header = { format?: string; migrations?: string[]; tables?: string[] };
  let header: Header | undefined;
  const byTable = new Map<string, unknown[]>();
  try {
    for await (const line of lines) {
      if (!line) continue;
      const value = JSON.parse(line) as { t?: string; r?: unknown };
      if (!header) {
        header = value as Header;
        if (header.format !== FORMAT) throw new Error('not a Jalon backup file');
        continue;
      }
      const rows = byTable.get(value.t!) ?? [];
      rows.push(value.r);
      byTable.set(value.t!, rows);
    }
  } catch (error) {
    throw new Error(
      `Cannot read the backup ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!header) throw new Error(`Cannot read the backup ${path}: it is empty`);
  const here = await appliedMigrations(db);
  if (JSON.stringify(here) !== JSON.stringify(header.migrations)) {
    throw new Error(
      `The backup was made at migration level ${header.migrations?.length ?? 0} and this database is at ${here.length}: ` +
        'restore with the Jalon version that made it, then upgrade.',
    );
  }
  const tables = await tablesInOrder(db);
  let total = 0;
  await db.transaction(async (tx) => {
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
    for (const table of tables) {
      // restored rows are not new changes: the audit triggers stay quiet, the trail comes from the backup
      await tx.execute(sql.raw(`alter table "${table}" disable trigger user`));
    }
    // what migrations put in (reference data such as Mali's areas, the trail of that) comes back from the file
    for (const table of [...tables].reverse()) await tx.execute(sql.raw(`delete from "${table}"`));
    for (const table of tables) {
      const rows = byTable.get(table) ?? [];
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = JSON.stringify(rows.slice(i, i + BATCH));
        await tx.execute(
          sql`insert into ${sql.identifier(table)} overriding system value
              select * from jsonb_populate_recordset(null::${sql.identifier(table)}, ${batch}::jsonb)`,
        );
      }
      total += rows.length;
    }
    for (const table of tables) await tx.execute(sql.raw(`alter table "${table}" enable trigger user`));
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
  });
  return { tables: tables.length, rows: total };
}
