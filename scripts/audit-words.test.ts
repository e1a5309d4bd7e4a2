/**
 * Every column the audit trail can show has its words in French and in English (web/lib/field-labels.ts): a
 * column added to an audited table without them shows its database name (`row_count`) on a French screen.
 */
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../server/db/schema/index.js';
import { NOISE } from '../web/lib/changes.js';
import { entityLabel, hasColumnWords } from '../web/lib/field-labels.js';

const tables = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => value instanceof PgTable)
  .map((table) => getTableConfig(table));
const humanized = (name: string) => name.replace(/_/g, ' ').toLowerCase();

describe('the audit trail’s words', () => {
  const audited = tables.filter(
    (table) => humanized(entityLabel(table.name, 'en')) !== humanized(table.name),
  );

  it('cover the tables people filter the trail by', () => {
    expect(audited.map((table) => table.name)).toEqual(
      expect.arrayContaining(['activities', 'reports', 'imports', 'indicators', 'programmes']),
    );
  });

  it('name every column of an audited table in both languages', () => {
    const missing = audited.flatMap((table) =>
      table.columns
        .map((column) => column.name)
        .filter((name) => !NOISE.has(name))
        .filter((name) => !hasColumnWords(name))
        .map((name) => `${table.name}.${name}`),
    );
    expect(missing).toEqual([]);
  });
});
