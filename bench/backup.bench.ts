/**
 * Backing up, verifying and restoring a database with 1 GB of attachments (`jalon backup`, `jalon backup
 * --verify`, `jalon restore`): the demo data plus 132 photos of 7.8 MB (incompressible, as JPEGs are). Each
 * operation runs in a process of its own, as the command does, on a PGlite data directory on disk or a
 * throw-away PostgreSQL database; its resident memory is sampled every 20 ms. The peak column is how far it
 * went above the process's level with the database open (what the work adds, PGlite's own growth included);
 * the note gives the whole process's peak (Node and tsx are ~130 MB, ~360 MB once a PGlite directory is open,
 * whatever the work). Goal: at most 300 MB added, whatever the size of the database. The last restore is
 * compared with the source (every photo's SHA-256, every table's row count). No baseline: the ratio column
 * stays empty.
 *
 * Run: `npm run bench -- backup`, or `npx tsx bench/backup.bench.ts` (JALON_BENCH_BACKUP_MB sets the size,
 * JALON_BENCH_BACKUP_RUNS the runs of backup and restore, 3 by default).
 */
import { sql } from 'drizzle-orm';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backupDatabase, restoreDatabase, verifyBackup } from '../server/db/backup.js';
import { openDatabase, type Database, type DatabaseOptions, type Engine } from '../server/db/client.js';
import { seedDemoData } from '../server/seed/seed.js';
import { quick, runIfMain, size, timingOf, type BenchResult } from './measure.js';
import { throwawayDatabase } from './processes.js';

const MB = 1024 * 1024;
const PHOTO = Math.round(7.8 * MB);
const TOTAL_MB = size('JALON_BENCH_BACKUP_MB', 1024, 100);
const PHOTOS = Math.ceil((TOTAL_MB * MB) / PHOTO);
const RUNS = size('JALON_BENCH_BACKUP_RUNS', 3, 1);
const GOAL_MB = 300;

type Operation = 'backup' | 'verify' | 'restore';
interface ChildResult {
  ms: number;
  /** the process's peak RSS, and how far above its level with the database open it went */
  peakMb: number;
  addedMb: number;
  rows: number;
  files: number;
  bytes: number;
}

/** In the child process: one operation, timed, with the process's peak RSS. */
async function child(operation: Operation, target: string, file: string) {
  const options: DatabaseOptions = target.startsWith('postgres') ? { url: target } : { dataDir: target };
  const database = operation === 'verify' ? undefined : await openDatabase(options);
  if (operation === 'restore') await database!.migrate();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const start = performance.now();
    const summary =
      operation === 'backup'
        ? await backupDatabase(database!.db, file)
        : operation === 'verify'
          ? await verifyBackup(file)
          : await restoreDatabase(database!.db, file);
    const ms = performance.now() - start;
    peak = Math.max(peak, process.memoryUsage().rss);
    const result: ChildResult = { ms, peakMb: peak / MB, addedMb: (peak - before) / MB, ...summary };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    clearInterval(timer);
    await database?.close();
  }
}

function runChild(operation: Operation, target: string, file: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const script = fileURLToPath(import.meta.url);
    const proc = spawn(process.execPath, [...process.execArgv, script, 'child', operation, target, file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => {
      const last = out.trim().split('\n').pop();
      if (code !== 0 || !last) reject(new Error(`${operation} exited with ${code}: ${out}`));
      else resolve(JSON.parse(last) as ChildResult);
    });
  });
}

/** A fresh, migrated database the child processes can open: a PGlite directory, or a PostgreSQL database. */
async function freshTarget(engine: Engine, dir: string, label: string) {
  if (engine === 'pglite') {
    const dataDir = join(dir, label);
    const database = await openDatabase({ dataDir });
    await database.migrate();
    return { target: dataDir, database, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const { url, drop } = await throwawayDatabase();
  const database = await openDatabase({ url });
  await database.migrate();
  return { target: url, database, drop };
}

/** What must come back: every table's row count and every file's SHA-256, computed by the database. */
async function contents(database: Database): Promise<string> {
  const count = async (query: ReturnType<typeof sql>) =>
    JSON.stringify((await database.db.execute(query)) as unknown as { rows: unknown[] }['rows']);
  const tables = await database.db.execute(sql`select relname as t from pg_class c
    join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and relkind = 'r' order by 1`);
  const counts: string[] = [];
  for (const { t } of (tables as unknown as { rows: { t: string }[] }).rows)
    counts.push(`${t}:${await count(sql`select count(*)::int as n from ${sql.identifier(t)}`)}`);
  const files = await count(
    sql`select md5(string_agg(id::text || encode(sha256(bytes), 'hex'), ',' order by id)) as h from activity_attachments`,
  );
  return `${counts.join(' ')} ${files}`;
}

export async function backupBench(engine: Engine): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-backup-bench-'));
  const source = await freshTarget(engine, dir, 'source');
  const drops = [source.drop];
  try {
    await seedDemoData(source.database.db);
    const activity = (
      (await source.database.db.execute(sql`select id from activities order by id limit 1`)) as unknown as {
        rows: { id: string }[];
      }
    ).rows[0]!.id;
    for (let i = 0; i < PHOTOS; i++) {
      const bytes = randomBytes(PHOTO);
      bytes.set([0xff, 0xd8, 0xff], 0);
      await source.database.db.execute(sql`insert into activity_attachments
        (activity_id, kind, file_name, content_type, size, sha256, bytes, sort)
        values (${activity}, 'photo', ${`bench-${i}.jpg`}, 'image/jpeg', ${bytes.length},
                ${createHash('sha256').update(bytes).digest('hex')}, decode(${bytes.toString('base64')}, 'base64'),
                ${1000 + i})`);
    }
    const expected = await contents(source.database);
    await source.database.close(); // the children open it (PGlite: one process at a time)

    const file = join(dir, 'bench.backup');
    const backups: ChildResult[] = [];
    for (let i = 0; i < RUNS; i++) backups.push(await runChild('backup', source.target, file));
    const verified = await runChild('verify', '-', file);
    const restores: ChildResult[] = [];
    let restored = '';
    for (let i = 0; i < RUNS; i++) {
      const target = await freshTarget(engine, dir, `target${i}`);
      await target.database.close();
      drops.push(target.drop);
      restores.push(await runChild('restore', target.target, file));
      if (i === RUNS - 1) {
        const check = await openDatabase(
          target.target.startsWith('postgres') ? { url: target.target } : { dataDir: target.target },
        );
        restored = await contents(check);
        await check.close();
      }
      await target.drop();
    }
    if (restored !== expected) throw new Error(`the restored database differs from the source`);

    const fileMb = statSync(file).size / MB;
    const files = backups[0]!.files;
    const fileBytesMb = backups[0]!.bytes / MB;
    // peak mem: above the process's level with the database open (what the work adds, as withPeakMemory);
    // the note gives the whole process's peak too (Node, and PGlite's own memory on PGlite)
    const result = (name: string, runs: ChildResult[], note: string): BenchResult => {
      const timing = timingOf(
        name,
        runs.map((r) => r.ms),
        Math.max(...runs.map((r) => r.addedMb)),
      );
      const met = timing.peakRssMb <= GOAL_MB ? 'met' : 'NOT met';
      const whole = Math.max(...runs.map((r) => r.peakMb)).toFixed(0);
      return { ...timing, note: `${note}; goal ≤ ${GOAL_MB} MB added: ${met} (process peak ${whole} MB)` };
    };
    const what = `${backups[0]!.rows} rows, ${files} files of ${fileBytesMb.toFixed(0)} MB`;
    return [
      result(
        `backup ${what}`,
        backups,
        `file ${fileMb.toFixed(0)} MB, ${(fileMb / (median(backups) / 1000)).toFixed(0)} MB/s`,
      ),
      result(`verify the backup`, [verified], `every entry read, sizes and SHA-256 checked`),
      result(
        `restore into an empty database`,
        restores,
        `identical to the source (row counts, every file's SHA-256)`,
      ),
    ];
  } finally {
    for (const drop of drops) await drop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (runs: ChildResult[]) =>
  [...runs.map((r) => r.ms)].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;

if (process.argv[2] === 'child') {
  await child(process.argv[3] as Operation, process.argv[4]!, process.argv[5]!);
} else {
  if (quick) console.log(`quick mode: ${TOTAL_MB} MB of photos`);
  await runIfMain(import.meta.url, backupBench);
}
