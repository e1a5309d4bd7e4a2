/**
 * A store for @fastify/rate-limit that keeps its counters in the database (`rate_limit_hits`), so that N
 * server processes behind one reverse proxy throttle sign-in attempts together instead of each allowing the
 * full count. One upsert per counted request; the window is the database's clock, the same for every process.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

interface Counter {
  current: number;
  ttl: number;
}
type Callback = (error: Error | null, result?: Counter) => void;
/** What the plugin passes: its options, and for a route's child store the route (its url and method). */
interface StoreOptions {
  url?: string;
  method?: string | string[];
}

const rowsOf = (result: unknown) => (result as { rows: { hits: number; ttl: number }[] }).rows;

/** The store class the plugin instantiates (`new Store(options)`, then `child(routeOptions)` per route). */
export function databaseRateLimitStore(db: Db) {
  return class DatabaseRateLimitStore {
    private readonly prefix: string;

    constructor(options: StoreOptions = {}) {
      this.prefix = options.url ? `${String(options.method)} ${options.url}|` : 'global|';
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      const id = this.prefix + key;
      db.execute(
        sql`INSERT INTO rate_limit_hits AS r (key, window_start, hits) VALUES (${id}, now(), 1)
            ON CONFLICT (key) DO UPDATE SET
              hits = CASE WHEN r.window_start + ${timeWindow} * interval '1 millisecond' <= now()
                          THEN 1 ELSE r.hits + 1 END,
              window_start = CASE WHEN r.window_start + ${timeWindow} * interval '1 millisecond' <= now()
                                  THEN now() ELSE r.window_start END
            RETURNING hits,
              greatest(0, ${timeWindow} - extract(epoch FROM now() - window_start) * 1000)::float8 AS ttl`,
      )
        .then(async (result) => {
          const [row] = rowsOf(result);
          // a new window opened for this key: sweep the windows of a day ago, so the table stays small
          if (row!.hits === 1)
            await db.execute(sql`DELETE FROM rate_limit_hits WHERE window_start < now() - interval '1 day'`);
          callback(null, { current: row!.hits, ttl: Math.round(row!.ttl) });
        })
        .catch((error: Error) => callback(error));
    }

    read(key: string, callback: Callback, timeWindow: number): void {
      db.execute(
        sql`SELECT hits, greatest(0, ${timeWindow} - extract(epoch FROM now() - window_start) * 1000)::float8 AS ttl
            FROM rate_limit_hits
            WHERE key = ${this.prefix + key}
              AND window_start + ${timeWindow} * interval '1 millisecond' > now()`,
      )
        .then((result) => {
          const [row] = rowsOf(result);
          callback(
            null,
            row ? { current: row.hits, ttl: Math.round(row.ttl) } : { current: 0, ttl: timeWindow },
          );
        })
        .catch((error: Error) => callback(error));
    }

    child(routeOptions: StoreOptions): DatabaseRateLimitStore {
      return new DatabaseRateLimitStore(routeOptions);
    }
  };
}
