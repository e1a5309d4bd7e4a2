/**
 * The first `npm start` on a fresh machine (issue 20, item 4: "the first `npm start` shows its progress and is
 * ≤ 30 s on a fresh machine"): a copy of the sources with their installed packages (what `npm install` leaves)
 * and nothing built, no data. `npm start` then builds the web app, compiles the server, creates the database,
 * applies the migrations and loads the demo data; timed to its first answer, phase by phase from the progress
 * lines it prints, with the peak memory of its process tree.
 *
 * The limit, measured in the same run on the same copy: the tools alone doing the unavoidable part of that
 * work — a bare `vite build` of the same web app (no pre-compression), and on PGlite a bare `PGlite.create` of an
 * empty data directory (its initdb); on PostgreSQL the database is created before either runs.
 *
 * Run: `npm run bench -- first-run` (JALON_BENCH_FIRST_START_RUNS, 2 by default, 1 quick).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../server/db/client.js';
import { runIfMain, size, timingOf, type BenchResult } from './measure.js';
import { throwawayDatabase, treeRss } from './processes.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = size('JALON_BENCH_FIRST_START_RUNS', 2, 1);
const GOAL_MS = 30_000;

/** The progress lines `npm start` prints, in order: each ends the phase before it. */
const phases = [
  { name: 'web app built', line: /Compiling the server/ },
  { name: 'server compiled', line: /Opening the database/ },
  { name: 'database opened, migrations applied', line: /First start: loading the demo data/ },
  { name: 'demo data loaded', line: /Demo data loaded/ },
  { name: 'accounts made, server listening', line: /Jalon is running on/ },
] as const;

/** The sources as a fresh clone has them (tracked files only: no build/, no web/dist, no data), with the packages. */
function freshCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-first-start-'));
  const files = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).stdout.split('\0');
  for (const file of files.filter(Boolean)) {
    try {
      cpSync(join(root, file), join(dir, file), { recursive: false, force: true });
    } catch {
      // a file deleted in the working tree but still tracked: a fresh clone of this tree has it not either
    }
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** Stops `npm start` and everything it started (its own process group). */
async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
}

interface FirstStart {
  totalMs: number;
  phaseMs: Map<string, number>;
  peakMb: number;
}

async function firstStart(dir: string, env: NodeJS.ProcessEnv, port: number): Promise<FirstStart> {
  const start = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: dir,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', JALON_BACKUP_HOURS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const reached = new Map<string, number>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const phase of phases)
      if (!reached.has(phase.name) && phase.line.test(output))
        reached.set(phase.name, performance.now() - start);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 100);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
      const answered = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (answered) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const totalMs = performance.now() - start;
    let previous = 0;
    const phaseMs = new Map<string, number>();
    for (const phase of phases) {
      const at = reached.get(phase.name);
      if (at === undefined) continue;
      phaseMs.set(phase.name, at - previous);
      previous = at;
    }
    phaseMs.set('first answer', totalMs - previous);
    return { totalMs, phaseMs, peakMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
    await stop(child);
  }
}

/** The limit's parts: a bare `vite build` of the copy's web app, and PGlite's initdb of an empty directory. */
function bareTools(dir: string, engine: Engine): number {
  const vite = join(dir, 'node_modules', 'vite', 'bin', 'vite.js');
  // the same app with React's plugin only: no service worker, no pre-compression (Jalon's own choices)
  writeFileSync(
    join(dir, 'bare.vite.config.mjs'),
    `import react from '@vitejs/plugin-react';\nexport default { root: 'web', logLevel: 'warn', plugins: [react()], build: { outDir: '../bare-dist' } };\n`,
  );
  const started = performance.now();
  const built = spawnSync(process.execPath, [vite, 'build', '--config', 'bare.vite.config.mjs'], {
    cwd: dir,
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (built.status !== 0) throw new Error('bare vite build failed');
  if (engine === 'pglite') {
    const data = join(dir, 'bare-data');
    const made = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { PGlite } = await import('@electric-sql/pglite'); const db = await PGlite.create(${JSON.stringify(data)}); await db.close();`,
      ],
      { cwd: dir, stdio: 'ignore' },
    );
    if (made.status !== 0) throw new Error('bare PGlite.create failed');
  }
  return performance.now() - started;
}

async function database(engine: Engine): Promise<{ env: NodeJS.ProcessEnv; close: () => Promise<void> }> {
  if (engine === 'pglite') return { env: { ...process.env, DATABASE_URL: '' }, close: async () => {} };
  const { url, drop } = await throwawayDatabase();
  return { env: { ...process.env, DATABASE_URL: url, JALON_WORKERS: '1' }, close: drop };
}

export async function firstStartBench(engine: Engine): Promise<BenchResult[]> {
  const totals: number[] = [];
  const limits: number[] = [];
  const phaseTotals = new Map<string, number[]>();
  let peakMb = 0;
  for (let run = 0; run < RUNS; run++) {
    const dir = freshCopy();
    const db = await database(engine);
    try {
      // the data directory of PGlite is ./data beside the sources, as on a fresh clone
      const result = await firstStart(dir, { ...db.env, JALON_DATA_DIR: '' }, 39_300 + run);
      totals.push(result.totalMs);
      peakMb = Math.max(peakMb, result.peakMb);
      for (const [name, ms] of result.phaseMs) phaseTotals.set(name, [...(phaseTotals.get(name) ?? []), ms]);
      limits.push(bareTools(dir, engine));
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const timing = timingOf('first npm start on a fresh copy → first answer', totals, peakMb);
  const phaseText = [...phaseTotals]
    .map(([name, values]) => `${name} ${(median(values) / 1000).toFixed(1)} s`)
    .join(', ');
  return [
    {
      ...timing,
      baseline: timingOf(
        engine === 'pglite' ? 'bare vite build + PGlite initdb' : 'bare vite build',
        limits,
        0,
      ),
      ratio: timing.medianMs / timingOf('', limits, 0).medianMs,
      note: `${phaseText}; goal ≤ ${GOAL_MS / 1000} s: ${timing.medianMs <= GOAL_MS ? 'met' : 'NOT met'}`,
    },
  ];
}

await runIfMain(import.meta.url, firstStartBench);
