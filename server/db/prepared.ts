/**
 * Prepared statements for the hot read paths (a programme's page, its framework, the portfolio): Drizzle
 * builds the query once per database instead of on every request, and on PostgreSQL the server parses and
 * plans a named statement once per connection. Measured in docs/performance.md: building the SQL of seven
 * queries was about a sixth of the CPU a programme-page request cost.
 *
 * Usage: `prepared(db, 'programme_by_slug', (db) => db.select()…where(eq(col, sql.placeholder('slug'))).prepare('programme_by_slug'))`
 * then `.execute({ slug })`. The name must be unique in the application and always built with the same query.
 */
import type { DbOrTx } from './client.js';

const byDatabase = new WeakMap<object, Map<string, unknown>>();

export function prepared<T>(db: DbOrTx, name: string, build: (db: DbOrTx) => T): T {
  let statements = byDatabase.get(db);
  if (!statements) byDatabase.set(db, (statements = new Map()));
  let statement = statements.get(name) as T | undefined;
  if (statement === undefined) statements.set(name, (statement = build(db)));
  return statement;
}
