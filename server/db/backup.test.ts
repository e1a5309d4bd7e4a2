/**
 * Backup and restore round-trip, PGlite → PGlite and PGlite → PostgreSQL: every row of every table comes back,
 * files too, whatever their size; a damaged or cut-short backup is said so, where, and restores nothing; the
 * backups of the previous format still restore.
 */
import { sql } from 'drizzle-orm';
import { execFile, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import {
  copyFileSync,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aJpegPhoto, anAttachment, aProgrammeWithEverything } from '../test/factories.js';
import { createTestDatabase, testEngines } from '../test/test-database.js';
import { backupDatabase, restoreDatabase, verifyBackup } from './backup.js';
import { TarReader } from './backup-tar.js';
import type { Database } from './client.js';

const rowsOf = async <T>(database: Database, query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

/**
 * A fingerprint of every table: its rows as JSON, parsed (so that 1200000.00 and 1200000 — the same jsonb
 * number — compare equal), in a stable order, hashed. Binary columns (attachments) count by their SHA-256,
 * computed by the database: the files themselves never travel to the test as one value.
 */
async function fingerprint(database: Database): Promise<Record<string, string>> {
  const columns = (
    (await database.db.execute(sql`select c.relname as t, a.attname as c, a.atttypid = 'bytea'::regtype as b
      from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid
      where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
      order by 1`)) as unknown as { rows: { t: string; c: string; b: boolean }[] }
  ).rows;
  const tables = [...new Set(columns.map((r) => r.t))];
  const out: Record<string, string> = {};
  for (const t of tables) {
    const binary = columns.filter((c) => c.t === t && c.b).map((c) => c.c);
    const row = binary.length
      ? sql.raw(
          `to_jsonb(x) || jsonb_build_object(${binary.map((c) => `'${c}', encode(sha256(x."${c}"), 'hex')`).join(', ')})`,
        )
      : sql.raw('to_jsonb(x)');
    const result = await database.db.execute(sql`select (${row})::text as r from ${sql.identifier(t)} x`);
    const rows = (result as unknown as { rows: { r: string }[] }).rows
      .map((x) => JSON.stringify(JSON.parse(x.r)))
      .sort();
    out[t] = `${rows.length}:${createHash('md5').update(rows.join('|')).digest('hex')}`;
  }
  return out;
}

describe('backup and restore', () => {
  let source: Database;
  let slug: string;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    source = await createTestDatabase('pglite', { seed: false });
    const made = await aProgrammeWithEverything(source);
    slug = made.slug;
    // three photos in all, each its own bytes: the damage tests below each spoil another one
    for (const [i, fileName] of ['deuxieme.jpg', 'troisieme.jpg'].entries())
      await anAttachment(
        source,
        { id: made.activity },
        { bytes: Buffer.concat([aJpegPhoto(), Buffer.from([i])]), fileName },
      );
    dir = mkdtempSync(join(tmpdir(), 'jalon-backup-'));
    file = join(dir, 'jalon.backup.tar');
  });
  afterAll(async () => {
    await source.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes every table and every file, and reads back what it wrote', async () => {
    const summary = await backupDatabase(source.db, file);
    const tables = await fingerprint(source);
    expect(summary.rows).toBe(Object.values(tables).reduce((n, f) => n + Number(f.split(':')[0]), 0));
    const [attachments] = await rowsOf<{ n: number; bytes: number }>(
      source,
      sql`select count(*)::int as n, sum(octet_length(bytes))::int as bytes from activity_attachments`,
    );
    const [imports] = await rowsOf<{ n: number; bytes: number }>(
      source,
      sql`select count(*)::int as n, coalesce(sum(octet_length(bytes)), 0)::int as bytes from imports`,
    );
    expect(attachments!.n).toBeGreaterThan(0);
    expect(summary).toMatchObject({
      files: attachments!.n + imports!.n,
      bytes: attachments!.bytes + imports!.bytes,
    });
    expect(await verifyBackup(file)).toMatchObject({ ...summary, version: 2, checksums: true });
  });

  it('is a tar archive: any tar lists it and gives a photo back as it was', () => {
    const listed = spawnSync('tar', ['-tf', file], { encoding: 'utf8' });
    expect(listed.status).toBe(0);
    const names = listed.stdout.trim().split('\n');
    expect(names[0]).toBe('jalon-backup.json');
    expect(names.at(-1)).toBe('end.json');
    expect(names).toContain('tables/programmes/000001.jsonl.gz');
    const photo = spawnSync('tar', ['-xOf', file, 'files/activity_attachments/00000001']);
    expect(photo.status).toBe(0);
    expect(photo.stdout.length).toBeGreaterThan(1000);
    return rowsOf<{ n: number }>(
      source,
      sql`select count(*)::int as n from activity_attachments where sha256 = ${createHash('sha256').update(photo.stdout).digest('hex')}`,
    ).then((rows) => expect(rows[0]!.n).toBe(1));
  });

  it.each(testEngines)('restores into an empty %s database, identical table by table', async (engine) => {
    const target = await createTestDatabase(engine, { seed: false });
    try {
      await restoreDatabase(target.db, file);
      expect(await fingerprint(target)).toEqual(await fingerprint(source));
      // and it keeps working: new rows get new ids, the audit trail goes on
      await target.db.execute(sql`update programmes set places = '{}' where slug = ${slug}`);
    } finally {
      await target.close();
    }
  });

  it('refuses to restore over existing data, and refuses a file that is not a backup', async () => {
    await expect(restoreDatabase(source.db, file)).rejects.toThrow(/not empty/);
    const bogus = join(dir, 'bogus.gz');
    writeFileSync(bogus, 'not gzip at all');
    const empty = await createTestDatabase('pglite', { seed: false });
    try {
      await expect(restoreDatabase(empty.db, bogus)).rejects.toThrow(
        /Cannot read the backup .*bogus\.gz: not a Jalon backup/,
      );
      await expect(verifyBackup(bogus)).rejects.toThrow(/not a Jalon backup/);
    } finally {
      await empty.close();
    }
  });

  /** Where an entry's header starts in the archive. */
  const entryAt = (path: string, name: string) => {
    const bytes = readFileSync(path);
    for (let at = bytes.indexOf(`${name}\0`); at >= 0; at = bytes.indexOf(`${name}\0`, at + 1))
      if (at % 512 === 0) return at;
    throw new Error(`no entry ${name}`);
  };
  const damaged = (label: string, change: (path: string) => void) => {
    const path = join(dir, `${label}.tar`);
    copyFileSync(file, path);
    change(path);
    return path;
  };
  const flipByte = (path: string, at: number) => {
    const bytes = readFileSync(path);
    bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(path, bytes);
  };

  it.each([
    [
      'a photo with one byte changed',
      (path: string) => flipByte(path, entryAt(path, 'files/activity_attachments/00000002') + 512 + 1000),
      /files\/activity_attachments\/00000002 is damaged: its bytes differ from the SHA-256 recorded for them/,
    ],
    [
      'rows with one byte changed',
      (path: string) => flipByte(path, entryAt(path, 'tables/programmes/000001.jsonl.gz') + 512 + 40),
      /tables\/programmes\/000001\.jsonl\.gz is damaged \(/,
    ],
    [
      'a damaged entry header',
      (path: string) => flipByte(path, entryAt(path, 'files/activity_attachments/00000003') + 10),
      /the header of the entry after files\/activity_attachments\/00000002 is damaged/,
    ],
    [
      'a file cut in the middle',
      (path: string) => truncateSync(path, entryAt(path, 'files/activity_attachments/00000002') + 4096),
      /it is cut short: it ends in the middle of files\/activity_attachments\/00000002/,
    ],
    [
      'a file cut before its end record',
      (path: string) => truncateSync(path, entryAt(path, 'end.json')),
      /it is cut short: it ends before the entry after tables\/.*\.jsonl\.gz/,
    ],
    [
      'a file whose end record does not match',
      (path: string) => {
        const at = entryAt(path, 'end.json') + 512;
        const bytes = readFileSync(path);
        const text = bytes.toString('latin1', at, at + 2000);
        const i = text.indexOf('"programmes":{"rows":') + '"programmes":{"rows":'.length;
        bytes.write(String(Number(text[i]) === 9 ? 8 : 9), at + i, 'latin1');
        writeFileSync(path, bytes);
      },
      /programmes: \d+ rows and 0 files read, \d+ and 0 recorded/,
    ],
  ])('says where a backup with %s is damaged, and restores nothing of it', async (label, change, message) => {
    const path = damaged(label.replace(/\W+/g, '-'), change);
    await expect(verifyBackup(path)).rejects.toThrow(message);
    await expect(verifyBackup(path)).rejects.toThrow(/^Cannot read the backup .*\.tar: /);
    const empty = await createTestDatabase('pglite', { seed: false });
    try {
      await expect(restoreDatabase(empty.db, path)).rejects.toThrow(message);
      const [counts] = await rowsOf<{ programmes: number; areas: number; files: number }>(
        empty,
        sql`select (select count(*)::int from programmes) as programmes, (select count(*)::int from admin_areas) as areas,
                   (select count(*)::int from activity_attachments) as files`,
      );
      // all or nothing: not a programme nor a photo came in, and what the migrations put in is still there
      expect(counts).toMatchObject({ programmes: 0, files: 0 });
      expect(counts!.areas).toBeGreaterThan(100);
    } finally {
      await empty.close();
    }
  });

  it('`jalon backup --verify` says what a backup holds, or where it is damaged', async () => {
    const jalon = (args: string[]) =>
      promisify(execFile)(process.execPath, ['bin/jalon.mjs', ...args], {
        env: { ...process.env, DATABASE_URL: '', JALON_DATA_DIR: join(dir, 'never-opened') },
      });
    const good = await jalon(['backup', '--verify', file]);
    expect(good.stdout).toMatch(
      /^Backup verified: .*jalon\.backup\.tar \(format 2 of 20\d\d-.*, \d+ tables, \d+ rows, \d+ files of [\d.]+ MB; every entry read, every size and SHA-256 checked\)/,
    );
    const bad = damaged('cli', (path) => truncateSync(path, entryAt(path, 'end.json') - 512));
    const failure = await jalon(['backup', '--verify', bad]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toMatch(
      /^jalon: Cannot read the backup .*cli\.tar: it is cut short/,
    );
  }, 60_000);
});

/** The first format, as `backupDatabase` wrote it until now: gzip'd JSON lines, a header, then `{ t, r }` per row. */
async function writeFormat1(database: Database, path: string, tables: string[]) {
  const gzip = createGzip();
  const out = createWriteStream(path);
  gzip.pipe(out);
  const write = (value: unknown) => gzip.write(`${JSON.stringify(value)}\n`);
  const migrations = await rowsOf<{ hash: string }>(
    database,
    sql`select hash from drizzle.__drizzle_migrations order by id`,
  );
  write({
    format: 'jalon-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    migrations: migrations.map((m) => m.hash),
    tables,
  });
  let rows = 0;
  for (const table of tables) {
    for (const { r } of await rowsOf<{ r: unknown }>(
      database,
      sql`select to_jsonb(t) as r from ${sql.identifier(table)} t`,
    )) {
      write({ t: table, r });
      rows++;
    }
  }
  gzip.end();
  await once(out, 'close');
  return rows;
}

describe('backups of the first format (JSON lines)', () => {
  let source: Database;
  let dir: string;
  let file: string;
  let rows: number;
  beforeAll(async () => {
    source = await createTestDatabase('pglite', { seed: false });
    await aProgrammeWithEverything(source);
    dir = mkdtempSync(join(tmpdir(), 'jalon-backup-v1-'));
    // the tables in restore order, as the new format's header gives them
    await backupDatabase(source.db, join(dir, 'order.tar'));
    const handle = await open(join(dir, 'order.tar'), 'r');
    const header = await new TarReader(handle, (await handle.stat()).size).next();
    await handle.close();
    const tables = (JSON.parse(header!.content.toString('utf8')) as { tables: { name: string }[] }).tables;
    file = join(dir, 'old.jsonl.gz');
    rows = await writeFormat1(
      source,
      file,
      tables.map((t) => t.name),
    );
  });
  afterAll(async () => {
    await source.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('still verify, without checksums of their own', async () => {
    expect(await verifyBackup(file)).toMatchObject({ version: 1, rows, files: 0, checksums: false });
  });

  it.each(testEngines)(
    'still restore into an empty %s database, identical table by table',
    async (engine) => {
      const target = await createTestDatabase(engine, { seed: false });
      try {
        expect((await restoreDatabase(target.db, file)).rows).toBe(rows);
        expect(await fingerprint(target)).toEqual(await fingerprint(source));
      } finally {
        await target.close();
      }
    },
  );

  it('say so when cut short', async () => {
    const cut = join(dir, 'cut.jsonl.gz');
    copyFileSync(file, cut);
    truncateSync(cut, Math.floor(readFileSync(file).length / 2));
    await expect(verifyBackup(cut)).rejects.toThrow(
      /Cannot read the backup .*cut\.jsonl\.gz: .*unexpected end of file/,
    );
  });
});

/**
 * Photos: 20 of 7.8 MB (156 MB; the old format's 500-row batch was one jsonb value of 312 MB, over PostgreSQL's
 * 256 MB) back up and restore exactly, PGlite → PostgreSQL → PGlite, checksums of every table and every file.
 * The 1 GB run and its memory are in bench/backup.bench.ts.
 */
describe('backups with attachments beyond one value', () => {
  const photos = 20;
  const photoBytes = 7.8 * 1024 * 1024;
  let source: Database;
  let dir: string;
  let expected: Record<string, string>;
  beforeAll(async () => {
    source = await createTestDatabase('pglite', { seed: false });
    await aProgrammeWithEverything(source);
    dir = mkdtempSync(join(tmpdir(), 'jalon-backup-big-'));
    const activity = (
      (await source.db.execute(sql`select id from activities order by id limit 1`)) as unknown as {
        rows: { id: string }[];
      }
    ).rows[0]!.id;
    for (let i = 0; i < photos; i++) {
      const bytes = randomBytes(photoBytes); // incompressible, as a JPEG is
      bytes.set([0xff, 0xd8, 0xff], 0);
      await source.db.execute(sql`insert into activity_attachments
        (activity_id, kind, file_name, content_type, size, sha256, bytes, sort)
        values (${activity}, 'photo', ${`photo-${i}.jpg`}, 'image/jpeg', ${bytes.length},
                ${createHash('sha256').update(bytes).digest('hex')}, decode(${bytes.toString('base64')}, 'base64'), ${100 + i})`);
    }
    expected = await fingerprint(source);
  }, 300_000);
  afterAll(async () => {
    await source.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up and restores exactly, from engine to engine', async () => {
    const hops = [...testEngines.filter((e) => e !== 'pglite'), 'pglite' as const];
    let from = source;
    try {
      for (const [i, engine] of hops.entries()) {
        const file = join(dir, `hop-${i}.backup`);
        const written = await backupDatabase(from.db, file);
        const target = await createTestDatabase(engine, { seed: false });
        try {
          const restored = await restoreDatabase(target.db, file);
          expect(restored.rows).toBe(written.rows);
          expect(await fingerprint(target)).toEqual(expected);
        } catch (error) {
          await target.close();
          throw error;
        }
        if (from !== source) await from.close();
        from = target;
        rmSync(file, { force: true });
      }
    } finally {
      if (from !== source) await from.close();
    }
  }, 600_000);
});
