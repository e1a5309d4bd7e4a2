/**
 * COPY on both engines (`copyRows`): every value as written (the separators and backslashes of COPY's text
 * format, nulls, numbers, dates), rows in several pieces (PGlite's COPYs of at most so much text), and
 * all or nothing — a row the database refuses leaves none of the others.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../test/test-database.js';
import type { Database } from './client.js';
import { copyField, copyRows } from './copy.js';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

describe('COPY text format', () => {
  it('escapes what would split a row or a field, and says null as \\N', () => {
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField('\\N')).toBe('\\\\N');
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField(2.5)).toBe('2.5');
    expect(copyField(false)).toBe('f');
    expect(copyField(new Date('2025-01-02T03:04:05Z'))).toBe('2025-01-02T03:04:05.000Z');
    expect(() => copyField(Number.NaN)).toThrow();
  });
});

describe.each(testEngines)('copyRows on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine, { seed: false });
  });
  afterAll(async () => {
    await database.close();
  });

  const hits = async (prefix: string) =>
    rowsOf<{ key: string; hits: number }>(
      await database.db.execute(
        sql`select key, hits from rate_limit_hits where key like ${prefix + '%'} order by hits`,
      ),
    );

  it('writes every value as given, in the transaction', async () => {
    const odd = ['tab\there', 'line\nbreak', 'back\\slash \\N', 'crlf\r\n', 'é ü 漢字 🙂'];
    const written = await database.db.transaction((tx) =>
      copyRows(
        tx,
        'rate_limit_hits',
        ['key', 'window_start', 'hits'],
        odd.map((k, i) => [`t1 ${k}`, new Date('2025-01-01T00:00:00Z'), i]),
      ),
    );
    expect(written).toBe(odd.length);
    expect((await hits('t1 ')).map((r) => r.key)).toEqual(odd.map((k) => `t1 ${k}`));
  });

  it('writes nothing when one row is refused: all or nothing', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`t2 ${i}`, new Date(), i] as const);
    // the last row repeats the first one's key: the primary key refuses it, after 2,999 rows went in
    await expect(
      database.db.transaction((tx) =>
        copyRows(tx, 'rate_limit_hits', ['key', 'window_start', 'hits'], [...rows, rows[0]!]),
      ),
    ).rejects.toThrow();
    expect(await hits('t2 ')).toEqual([]);
    // and the connection is still good for the next write
    await database.db.transaction((tx) =>
      copyRows(tx, 'rate_limit_hits', ['key', 'window_start', 'hits'], rows.slice(0, 10)),
    );
    expect(await hits('t2 ')).toHaveLength(10);
  });

  it('takes the rows as they come, in pieces, without an array of them', async () => {
    function* many() {
      for (let i = 0; i < 5_000; i++) yield [`t3 ${i}`, new Date(), i];
    }
    const written = await database.db.transaction((tx) =>
      copyRows(tx, 'rate_limit_hits', ['key', 'window_start', 'hits'], many(), 10_000),
    );
    expect(written).toBe(5_000);
    expect(await hits('t3 ')).toHaveLength(5_000);
  });
});
