/**
 * A fresh database for the field-data benchmarks, migrated and with the demo programmes: PGlite in memory (or
 * on disk, as a server opens it: `onDisk`), or a throw-away database on the PostgreSQL server of
 * JALON_BENCH_DATABASE_URL. `query` sends SQL straight to the driver (the raw baseline).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Engine } from '../server/db/client.js';
import { seedDemoData } from '../server/seed/seed.js';
import { openBenchEngine, type BenchEngine } from './portfolio.js';

export type { Query } from './portfolio.js';

export async function openFieldEngine(
  engine: Engine,
  options: { onDisk?: boolean } = {},
): Promise<BenchEngine> {
  const opened = await openBenchEngine(engine, options);
  await seedDemoData(opened.database.db);
  return opened;
}

const STATUS = '/proc/self/status';
const highWater = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(STATUS, 'utf8'))?.[1]) * 1024;

/**
 * Peak resident memory while `work` runs, in MB above the level before it. On Linux the kernel's own high-water
 * mark (VmHWM, reset by writing 5 to /proc/self/clear_refs): exact, whatever runs synchronously — a timer never
 * fires while PGlite works, so sampling missed its peaks (an import's "0 MB"). Elsewhere, sampled every 20 ms.
 */
export async function withPeakMemory<T>(
  work: () => Promise<T>,
): Promise<{ result: T; ms: number; peakMb: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let exact = false;
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    exact = Number.isFinite(highWater());
  } catch {
    // not Linux, or /proc not writable: sampled below
  }
  let peak = before;
  const timer = exact ? undefined : setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  try {
    const result = await work();
    const ms = performance.now() - start;
    peak = exact ? highWater() : Math.max(peak, process.memoryUsage().rss);
    return { result, ms, peakMb: Math.max(0, peak - before) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}
