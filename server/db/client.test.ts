/**
 * A transaction is one connection: the reads a service sends at once inside it (`Promise.all` on `tx`, as the
 * read cache's repeatable-read snapshot and every signed-in write do) must reach it one at a time. node-postgres
 * queues them itself but warns that it will stop (pg@9 refuses a query on a busy client); `openDatabase`
 * sends them in turn. Each read still answers its own query, in order, and a failing one fails alone.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../test/test-database.js';
import { engineOf, rootOf, type Database } from './client.js';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

// attached before any connection opens: node-postgres warns once per process
const warnings: string[] = [];
process.on('warning', (w) => warnings.push(w.message));

describe.each(testEngines)('a transaction’s reads sent at once on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine, { seed: false });
  });
  afterAll(async () => {
    await database.close();
  });

  it('know their engine and their database (what is kept per database is kept once)', async () => {
    expect(engineOf(database.db)).toBe(engine);
    expect(rootOf(database.db)).toBe(database.db);
    await database.db.transaction(async (tx) => {
      expect(engineOf(tx)).toBe(engine);
      expect(rootOf(tx)).toBe(database.db);
    });
  });

  it('reach its connection one at a time, each with its own answer', async () => {
    const answers = await database.db.transaction(
      (tx) =>
        Promise.all(
          [1, 2, 3, 4, 5].map(async (n) =>
            rowsOf<{ n: number }>(await tx.execute(sql`select pg_sleep(0.01), ${n}::int as n`)),
          ),
        ),
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    expect(answers.map(([row]) => row!.n)).toEqual([1, 2, 3, 4, 5]);
    expect(warnings.filter((w) => w.includes('already executing a query'))).toEqual([]);
  });

  it('fail the transaction when one of them fails, and leave the connection usable', async () => {
    await expect(
      database.db.transaction((tx) =>
        Promise.all([tx.execute(sql`select 1`), tx.execute(sql`select 1 / 0`), tx.execute(sql`select 2`)]),
      ),
    ).rejects.toThrow();
    const again = await database.db.transaction(async (tx) =>
      Promise.all([tx.execute(sql`select 3 as n`), tx.execute(sql`select 4 as n`)]),
    );
    expect(again.map((r) => rowsOf<{ n: number }>(r)[0]!.n)).toEqual([3, 4]);
    expect(warnings.filter((w) => w.includes('already executing a query'))).toEqual([]);
  });
});

describe.each(testEngines)('a file’s bytes written on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine, { seed: false });
  });
  afterAll(async () => {
    await database.close();
  });

  it('go as a binary parameter, byte for byte', async () => {
    // every byte value, NUL and invalid UTF-8 among them
    const every = Buffer.from(Array.from({ length: 3 * 256 + 7 }, (_, i) => (i * 7) % 256));
    const [row] = rowsOf<{ hex: string; size: number }>(
      await database.db.execute(
        sql`select encode(${every}::bytea, 'hex') as hex, length(${every}::bytea) as size`,
      ),
    );
    expect(row).toEqual({ hex: every.toString('hex'), size: every.length });
    if (database.engine === 'pglite') {
      // PGlite's own serializer writes hex text through an array of one number and one string per byte (an 18
      // MB file cost over a GB); Jalon's sends the bytes as they are, as node-postgres does
      const { driverOf } = await import('./client.js');
      const client = driverOf(database.db).client as unknown as {
        serializers: Record<number, (v: unknown) => unknown>;
      };
      expect(client.serializers[17]!(every)).toBe(every);
    }
  });
});
