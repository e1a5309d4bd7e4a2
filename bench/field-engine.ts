/**
 * A fresh database for the field-data benchmarks, migrated and with the demo programmes: PGlite in memory,
 * or a throw-away database on the PostgreSQL server of JALON_BENCH_DATABASE_URL. `query` sends SQL straight
 * to the driver (the raw baseline).
 */
import type { Engine } from '../server/db/client.js';
import { seedDemoData } from '../server/seed/seed.js';
import { openBenchEngine, type BenchEngine } from './portfolio.js';

export type { Query } from './portfolio.js';

export async function openFieldEngine(engine: Engine): Promise<BenchEngine> {
  const opened = await openBenchEngine(engine);
  await seedDemoData(opened.database.db);
  return opened;
}

/** Peak resident memory while `work` runs (sampled every 20 ms), in MB above the level before it. */
export async function withPeakMemory<T>(
  work: () => Promise<T>,
): Promise<{ result: T; ms: number; peakMb: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms: performance.now() - start, peakMb: (peak - before) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}
