/** After a large write the planner knows the table's size: no autovacuum needed (PGlite has none). */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../test/test-database.js';
import type { Database } from './client.js';
import { refreshStatistics, upkeepOneTableAtATime } from './statistics.js';

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
