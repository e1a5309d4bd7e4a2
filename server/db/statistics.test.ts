/** After a large write the planner knows the table's size: no autovacuum needed (PGlite has none). */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../test/test-database.js';
import type { Database } from './client.js';
import {
  autovacuumRuns,
  refreshKeyStatistics,
  refreshStatistics,
  upkeepOneTableAtATime,
} from './statistics.js';

describe.each(testEngines)('planner statistics on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine, { seed: false });
  });
  afterAll(async () => {
    await database.close();
  });

  const estimate = async () =>
    Number(
      (
        (await database.db.execute(
          sql`select reltuples::float8 as n from pg_class where relname = 'rate_limit_hits'`,
        )) as unknown as { rows: { n: number }[] }
      ).rows[0]!.n,
    );

  it('counts the rows a large write added, from inside the write’s transaction', async () => {
    expect(await estimate()).toBeLessThan(5000);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into rate_limit_hits (key, window_start, hits)
        select 'k' || i, now(), 1 from generate_series(1, 5000) as i`);
      await refreshStatistics(tx, ['rate_limit_hits']);
    });
    expect(await estimate()).toBe(5000);
  });

  describe('before a large write reads its rows back by key (decision 0031, sixth amendment)', () => {
    const probe = async (autovacuum?: boolean) => {
      await database.db.execute(sql`drop table if exists stats_probe`);
      await database.db.execute(sql`create table stats_probe (k integer, label text)`);
      let left = false;
      await database.db.transaction(async (tx) => {
        await tx.execute(
          sql`insert into stats_probe select i, 'n° ' || i from generate_series(1, 3000) as i`,
        );
        left = await refreshKeyStatistics(tx, { stats_probe: ['k'] }, autovacuum);
      });
      const read = async (query: ReturnType<typeof sql>) =>
        (await database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
      const columns = (
        await read(sql`select attname from pg_stats where tablename = 'stats_probe' order by attname`)
      ).rows.map((r) => r.attname);
      const size = Number(
        (await read(sql`select reltuples::float8 as n from pg_class where relname = 'stats_probe'`)).rows[0]!
          .n,
      );
      return { left, columns, size };
    };

    it('analyzes the key alone, and counts the rows, where autovacuum analyzes the whole table after the commit', async () => {
      expect(await probe(true)).toEqual({ left: true, columns: ['k'], size: 3000 });
    });

    it('analyzes the whole table where nobody would after the commit (PGlite; a server without autovacuum)', async () => {
      expect(await probe(false)).toEqual({ left: false, columns: ['k', 'label'], size: 3000 });
      // asked of the database itself: PGlite never, PostgreSQL as its server is set
      const runs = await autovacuumRuns(database.db);
      if (engine === 'pglite') expect(runs).toBe(false);
      expect(await probe()).toEqual({ left: runs, columns: runs ? ['k'] : ['k', 'label'], size: 3000 });
    });
  });

  it('the upkeep after a start counts rows written without a refresh, one table at a time, and stops when asked', async () => {
    await database.db.execute(sql`
      insert into rate_limit_hits (key, window_start, hits)
      select 'u' || i, now(), 1 from generate_series(1, 2000) as i`);
    expect(await estimate()).toBe(5000);
    // asked to stop before the first table: nothing done
    expect(await upkeepOneTableAtATime(database.db, () => true)).toBe(0);
    expect(await estimate()).toBe(5000);
    const tables = await upkeepOneTableAtATime(database.db);
    expect(tables).toBeGreaterThan(30);
    expect(await estimate()).toBe(7000);
  });

  it('lets the server answer between two tables: the upkeep never holds the event loop for all of them', async () => {
    let finished = false;
    const upkeep = upkeepOneTableAtATime(database.db).then(() => (finished = true));
    // a timer stands for a request arriving: PGlite runs in this thread, and its queries resolve in microtasks
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(finished).toBe(false);
    await upkeep;
  });
});
