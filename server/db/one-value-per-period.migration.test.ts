/**
 * Migration 0017 on a database written before it: several values of one indicator for the same period (the
 * latest recorded stays the value, the others go to the audit trail as its earlier versions, its version counts
 * them), a percentage indicator marked cumulative (unmarked), then the unique index that keeps it so.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../test/test-database.js';
import { aProgramme } from '../test/factories.js';
import type { Database } from './client.js';

const migration = readFileSync(new URL('./migrations/0017_one_value_per_period.sql', import.meta.url), 'utf8')
  .split('--> statement-breakpoint')
  .map((s) => s.trim())
  .filter(Boolean);

describe.each(testEngines)('migration 0017 (one value per period) on %s', (engine) => {
  let database: Database;
  let percent: string;
  let count: string;

  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const insertValue = (indicator: string, start: string, end: string, text: string, at: string) =>
    database.db.execute(sql`
      insert into indicator_values (indicator_id, period_start, period_end, value, numeric_value, provenance,
                                    created_at, updated_at)
      values (${indicator}, ${start}, ${end},
              ${JSON.stringify({ text, spec: { kind: 'number', value: Number(text) } })}::jsonb,
              ${Number(text)}, 'imported', ${at}::timestamptz, ${at}::timestamptz)
      returning id`);

  beforeAll(async () => {
    database = await createTestDatabase(engine, { seed: false });
    const p = await aProgramme(database);
    percent = p.indicators.get('1.a')!; // "Pourcentage des conflits…": a percent indicator
    count = p.indicators.get('1.1.1')!;
    // the database as it was before 0017: no unique index, duplicates, a cumulative percentage
    await database.db.execute(sql`drop index indicator_values_indicator_period_unique_idx`);
    await database.db.execute(
      sql`update indicators set cumulative = true where id in (${percent}, ${count})`,
    );
    await insertValue(count, '2025-01-01', '2025-06-30', '10', '2025-07-01T08:00:00Z');
    await insertValue(count, '2025-01-01', '2025-06-30', '12', '2025-07-03T08:00:00Z');
    await insertValue(count, '2025-01-01', '2025-06-30', '11', '2025-07-02T08:00:00Z');
    await insertValue(count, '2025-01-01', '2025-12-31', '30', '2026-01-10T08:00:00Z');
    await insertValue(count, '2025-07-01', '2025-12-31', '18', '2026-01-10T08:00:00Z');
    for (const statement of migration) await database.db.execute(sql.raw(statement));
  });

  afterAll(async () => {
    await database?.close();
  });

  it('keeps the latest recorded value of a period, numbered after the ones it replaces', async () => {
    const left = await rows<{ start: string; end: string; n: string; version: number }>(sql`
      select period_start::text as start, period_end::text as end, numeric_value::text as n, version
        from indicator_values where indicator_id = ${count} order by period_start, period_end`);
    expect(left.map((r) => [r.start, r.end, Number(r.n), Number(r.version)])).toEqual([
      ['2025-01-01', '2025-06-30', 12, 3],
      // a year and its half-years are different periods: untouched
      ['2025-01-01', '2025-12-31', 30, 1],
      ['2025-07-01', '2025-12-31', 18, 1],
    ]);
  });

  it('leaves the earlier versions in the audit trail, whole', async () => {
    const deleted = await rows<{ n: string }>(sql`
      select before -> 'numeric_value' as n from audit_events
       where entity = 'indicator_values' and action = 'delete' and before ->> 'indicator_id' = ${count}
       order by 1`);
    expect(deleted.map((r) => Number(r.n))).toEqual([10, 11]);
  });

  it('unmarks the percentage only', async () => {
    const marked = await rows<{ id: string; cumulative: boolean }>(
      sql`select id, cumulative from indicators where id in (${percent}, ${count})`,
    );
    expect(Object.fromEntries(marked.map((r) => [r.id, r.cumulative]))).toEqual({
      [percent]: false,
      [count]: true,
    });
  });

  it('refuses a second value of the same period from now on', async () => {
    const second = await insertValue(count, '2025-01-01', '2025-06-30', '13', '2026-02-01T08:00:00Z').then(
      () => null,
      (error: Error) => error,
    );
    expect(String((second?.cause as Error | undefined)?.message ?? second)).toMatch(
      /indicator_values_indicator_period_unique_idx/,
    );
  });
});
