/**
 * Timing helpers for the benchmarks: warm-up, then median and worst of N runs, and peak memory; the engines to
 * run on; the quick mode; and the one table `npm run bench` prints.
 */
import { cpus as osCpus, loadavg, totalmem } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Engine } from '../server/db/client.js';

export interface Timing {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  worstMs: number;
  peakRssMb: number;
}
export interface BenchResult extends Timing {
  baseline?: Timing;
  /** set by runBench: the engine the figures come from */
  engine?: Engine;
  /** what the columns do not say (throughput, sizes), printed after the ratio */
  note?: string;
  /** overrides median ÷ baseline median (the API load compares throughputs) */
  ratio?: number;
  /** the median this line must not exceed (issue 20): the table says whether it is met */
  goalMs?: number;
}

/** BENCH_QUICK=1: a tenth of the data and fewer runs, to try a change in a minute or two (figures not comparable). */
export const quick = process.env.BENCH_QUICK === '1';

/** A data size: the environment variable when set, else the full or the quick size. */
export function size(envName: string, full: number, quickSize: number): number {
  const set = process.env[envName];
  return set ? Number(set) : quick ? quickSize : full;
}

/**
 * PGlite always; PostgreSQL when JALON_BENCH_DATABASE_URL names a server (a throw-away database is made in it).
 * JALON_BENCH_ENGINES=postgres (or pglite) keeps one of them: the dashboard over 10M records is a PostgreSQL goal.
 */
export function benchEngines(): Engine[] {
  const all: Engine[] = process.env.JALON_BENCH_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  const only = process.env.JALON_BENCH_ENGINES?.split(',').map((e) => e.trim());
  return only ? all.filter((engine) => only.includes(engine)) : all;
}

export const noPostgresNotice =
  'PostgreSQL skipped: set JALON_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres to include it';

export async function measure(name: string, runs: number, fn: () => Promise<void>): Promise<Timing> {
  const n = quick ? Math.max(3, Math.ceil(runs / 5)) : runs;
  for (let i = 0; i < Math.min(20, n); i++) await fn(); // warm-up: JIT, caches, prepared plans
  const times: number[] = [];
  let peak = process.memoryUsage().rss;
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  return timingOf(name, times, peak / 1024 / 1024);
}

/** Median, 95th and 99th percentiles and worst of measured times. */
export function timingOf(name: string, times: number[], peakRssMb: number): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return {
    name,
    runs: sorted.length,
    medianMs: at(0.5),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    worstMs: sorted.at(-1)!,
    peakRssMb,
  };
}

/** A timing measured once (a write that cannot be repeated on the same data). */
export const once = (name: string, ms: number, peakMb: number): Timing => ({
  name,
  runs: 1,
  medianMs: ms,
  p95Ms: ms,
  p99Ms: ms,
  worstMs: ms,
  peakRssMb: peakMb,
});

export type Bench = (engine: Engine) => Promise<BenchResult[]>;

/** Runs one benchmark on every engine, tagging its results with the engine. */
export async function runBench(bench: Bench, engines: Engine[] = benchEngines()): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const engine of engines) {
    for (const r of await bench(engine)) results.push({ ...r, engine });
  }
  return results;
}

const ms = (n: number) =>
  n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : n >= 100 ? `${n.toFixed(0)} ms` : `${n.toFixed(1)} ms`;
const ratioOf = (r: BenchResult) => r.ratio ?? (r.baseline ? r.medianMs / r.baseline.medianMs : undefined);

/**
 * The one table: workload, engine, median, p95, p99, worst, peak memory, baseline median, ratio, the goal and
 * whether the median meets it (and a note).
 */
export function printTable(results: BenchResult[]) {
  const rows = results.map((r) => {
    const ratio = ratioOf(r);
    return [
      r.name,
      r.engine ?? '',
      ms(r.medianMs),
      ms(r.p95Ms),
      ms(r.p99Ms),
      ms(r.worstMs),
      `${Math.round(r.peakRssMb)} MB`,
      r.baseline ? ms(r.baseline.medianMs) : '—',
      ratio === undefined ? '—' : `${ratio.toFixed(2)}${ratio > 2 ? ' !' : ''}`,
      r.goalMs === undefined ? '—' : `≤ ${ms(r.goalMs)} ${r.medianMs <= r.goalMs ? 'met' : 'MISSED'}`,
      r.note ?? '',
    ];
  });
  const head = [
    'workload',
    'engine',
    'median',
    'p95',
    'p99',
    'worst',
    'peak mem',
    'baseline',
    'ratio',
    'goal',
    'note',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i >= 2 && i <= 8 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(line(head).trimEnd());
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r).trimEnd());
  if (results.some((r) => (ratioOf(r) ?? 0) > 2)) console.log('\n! more than twice its baseline');
}

/** When a bench file is run directly (`npx tsx bench/x.bench.ts`), runs it on every engine and prints the table. */
export async function runIfMain(moduleUrl: string, bench: Bench) {
  if (!process.argv[1] || pathToFileURL(process.argv[1]).href !== moduleUrl) return;
  if (!process.env.JALON_BENCH_DATABASE_URL) console.log(noPostgresNotice);
  const results = await runBench(bench);
  console.log(`\n${machine()}`);
  printTable(results);
}

/** The machine the figures come from, and how busy it is (load average over 1, 5 and 15 minutes). */
export function machine(): string {
  return `node ${process.version}, ${process.platform}/${process.arch}, ${cpus()}, load average ${loadAverage()}${quick ? ', QUICK MODE (smaller data, fewer runs)' : ''}`;
}

const cpus = () =>
  `${osCpus().length} × ${osCpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 1024 ** 3)} GB`;
const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
