/**
 * What several benches need of the machine: a throw-away PostgreSQL database, and the memory of a process tree
 * (a server with its workers, `npm start` with what it runs).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';

/** A new empty database on JALON_BENCH_DATABASE_URL's server, dropped (connections and all) by `drop`. */
export async function throwawayDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.JALON_BENCH_DATABASE_URL!;
  const name = `jalon_bench_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await client.query(`drop database ${name} with (force)`);
      await client.end();
    },
  };
}

/** The resident memory of a process and its children, in bytes (Linux's /proc; 0 elsewhere). */
export function treeRss(pid: number): number {
  try {
    const rss =
      Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean);
    return rss + children.reduce((sum, child) => sum + treeRss(Number(child)), 0);
  } catch {
    return 0;
  }
}
