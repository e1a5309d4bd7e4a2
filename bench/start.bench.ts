/**
 * Starting Jalon (issue 20, item 4): a CLI command, the server ready on an existing data directory, and the
 * server's memory at idle — each in a process of its own, as a person or a cron job starts it.
 *
 * The limits, measured in the same run: a bare `node -e 0` for the command (Node's own start), and for the
 * server a bare script that opens the same database and answers on node:http (the least a server can do).
 * Goals: a command ≤ 500 ms and the server ready ≤ 2 s on an idle machine, the server ≤ 250 MB RSS at idle.
 * The data directory is made and seeded once, before the timings (that is the first start, not measured here).
 *
 * Run: `npm run bench -- start`, or `npx tsx bench/start.bench.ts` (JALON_BENCH_START_RUNS, 10 by default).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../server/db/client.js';
import { runIfMain, size, timingOf, type BenchResult } from './measure.js';
import { throwawayDatabase } from './processes.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = size('JALON_BENCH_START_RUNS', 10, 3);
const COMMAND_GOAL_MS = 500;
const READY_GOAL_MS = 2000;
const IDLE_GOAL_MB = 250;

interface Target {
  env: NodeJS.ProcessEnv;
  close: () => Promise<void>;
}

/** A seeded data directory (PGlite) or a seeded throw-away PostgreSQL database. */
async function target(engine: Engine): Promise<Target> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'jalon-start-'));
    const env = { ...process.env, JALON_DATA_DIR: dir, DATABASE_URL: '' };
    jalon(['db', 'seed'], env);
    return { env, close: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const { url, drop } = await throwawayDatabase();
  // one process, as measured before `jalon start` ran one per core on PostgreSQL (server/cli/cluster.ts)
  const env = { ...process.env, DATABASE_URL: url, JALON_WORKERS: '1' };
  jalon(['db', 'seed'], env);
  return { env, close: drop };
}

function jalon(args: string[], env: NodeJS.ProcessEnv) {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'jalon.mjs'), ...args], { env, cwd: root });
  if (run.status !== 0) throw new Error(`jalon ${args.join(' ')}: ${String(run.stderr)}`);
}

/** Wall time of a command from spawn to exit. */
function timed(args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { env, cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  if (run.status !== 0) throw new Error(`${args.join(' ')}: ${String(run.stderr)}`);
  return performance.now() - start;
}

function repeat(name: string, args: string[], env: NodeJS.ProcessEnv) {
  timed(args, env); // warm-up: the file cache, and the compiled build when it is not made yet
  const times = Array.from({ length: RUNS }, () => timed(args, env));
  return timingOf(name, times, 0);
}

/** Spawns a server, times it to its first answer, then reads its RSS after a quiet second; stops it. */
async function serverStart(args: string[], env: NodeJS.ProcessEnv, port: number) {
  const start = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', JALON_BACKUP_HOURS: '0' },
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`${args.join(' ')} exited with ${child.exitCode}:\n${errors}`);
      const answered = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (answered) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const readyMs = performance.now() - start;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const status = spawnSync('ps', ['-o', 'rss=', '-p', String(child.pid)], { encoding: 'utf8' });
    return { readyMs, rssMb: Number(status.stdout.trim()) / 1024 };
  } finally {
    // a child that has exited already fires no 'exit' again: awaiting it would end the bench without a word
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
}

/** The limit of a server: open the same database, answer /api/health on node:http. */
const bareServer = `
const { createServer } = await import('node:http');
const url = process.env.DATABASE_URL;
let query;
if (url) {
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  query = (t) => pool.query(t);
} else {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(process.env.JALON_DATA_DIR);
  query = (t) => db.query(t);
}
await query('select count(*) from programmes');
createServer((_, res) => res.end('{"ok":true}')).listen(Number(process.env.PORT), '127.0.0.1');
`;

export async function startBench(engine: Engine): Promise<BenchResult[]> {
  const db = await target(engine);
  try {
    const help = repeat('jalon --help', [join(root, 'bin', 'jalon.mjs'), '--help'], db.env);
    const bareNode = repeat('node -e 0', ['-e', '0'], db.env);
    const exportJson = repeat(
      'jalon export programme PROSMED --format json',
      [join(root, 'bin', 'jalon.mjs'), 'export', 'programme', 'PROSMED', '--format', 'json'],
      db.env,
    );
    const ready: number[] = [];
    const bareReady: number[] = [];
    let idleMb = 0;
    let bareIdleMb = 0;
    for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
      const server = await serverStart([join(root, 'bin', 'jalon.mjs'), 'start'], db.env, 39_100 + i);
      ready.push(server.readyMs);
      idleMb = Math.max(idleMb, server.rssMb);
      const bare = await serverStart(['--input-type=module', '-e', bareServer], db.env, 39_200 + i);
      bareReady.push(bare.readyMs);
      bareIdleMb = Math.max(bareIdleMb, bare.rssMb);
    }
    const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
    return [
      {
        ...help,
        baseline: bareNode,
        note: `goal ≤ ${COMMAND_GOAL_MS} ms: ${met(help.medianMs <= COMMAND_GOAL_MS)} (limit: bare node -e 0)`,
      },
      {
        ...exportJson,
        baseline: bareNode,
        note: `goal ≤ ${COMMAND_GOAL_MS} ms: ${met(exportJson.medianMs <= COMMAND_GOAL_MS)} (opens the database)`,
      },
      {
        ...timingOf('jalon start → first answer', ready, idleMb),
        baseline: timingOf('bare server', bareReady, bareIdleMb),
        note:
          `ready goal ≤ ${READY_GOAL_MS} ms: ${met(timingOf('', ready, 0).medianMs <= READY_GOAL_MS)}; ` +
          `RSS at idle ${Math.round(idleMb)} MB (goal ≤ ${IDLE_GOAL_MB} MB: ${met(idleMb <= IDLE_GOAL_MB)}; ` +
          `bare server ${Math.round(bareIdleMb)} MB)`,
      },
    ];
  } finally {
    await db.close();
  }
}

await runIfMain(import.meta.url, startBench);
