/**
 * A fresh database for the field-data benchmarks, migrated and with the demo programmes: PGlite in memory,
 * or a throw-away database on the PostgreSQL server of JALON_BENCH_DATABASE_URL. `query` sends SQL straight
 * to the driver (the raw baseline).
 */
import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type Engine } from '../server/db/client.js';
import { seedDemoData } from '../server/db/seed/seed.js';

export type Query = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

export async function openFieldEngine(
  engine: Engine,
): Promise<{ database: Database; query: Query; close: () => Promise<void> }> {
  if (engine === 'pglite') {
    const instance = await PGlite.create();
    const database = await openDatabase({ pglite: instance, ownsInstance: false });
    await database.migrate();
    await seedDemoData(database.db);
    return {
      database,
      query: async (text, params) => (await instance.query<Record<string, unknown>>(text, params)).rows,
      close: async () => {
        await database.close();
        await instance.close();
      },
    };
  }
  const admin = process.env.JALON_BENCH_DATABASE_URL!;
  const name = `jalon_bench_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await database.migrate();
  await seedDemoData(database.db);
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  pool.on('error', () => undefined);
  return {
    database,
    query: async (text, params) => (await pool.query(text, params)).rows,
    close: async () => {
      await pool.end();
      await database.close();
      await client.query(`drop database ${name} with (force)`);
      await client.end();
    },
  };
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
