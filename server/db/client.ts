/**
 * The only file that knows whether Jalon runs on embedded PGlite or on a PostgreSQL server.
 * Everything else receives a `Db` (a Drizzle database) and never asks which engine is behind it.
 */
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from './schema/index.js';
import { lockDataDir } from './data-dir-lock.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export type Engine = 'pglite' | 'postgres';

/** Puts the audit triggers on tables that migrations added since (see migration 0006_audit_trail). */
const ATTACH_AUDIT = 'SELECT jalon_attach_audit()';
export interface Database {
  db: Db;
  engine: Engine;
  /** applies the pending migrations (forward only) */
  migrate(): Promise<void>;
  /**
   * Runs `work` while no other Jalon process on this database runs its own: on PostgreSQL a session advisory
   * lock (several servers starting at once must not all load the demo data); PGlite has one process anyway.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  { url: string } | { dataDir: string } | { pglite: PGlite; ownsInstance?: boolean };

/** Opens the database: a PostgreSQL URL, a PGlite directory (locked), or an existing PGlite instance. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ('url' in options) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // an idle connection cut by the server (restart, failover) must not crash the process: the pool reconnects
    pool.on('error', (error) => console.error(`PostgreSQL idle connection error: ${error.message}`));
    // numeric and int8 arrive as strings from node-postgres; the schema maps them to numbers where needed
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    return {
      db,
      engine: 'postgres',
      async migrate() {
        // several servers may start at once: one applies the migrations, the others wait for it
        const client = await pool.connect();
        try {
          await client.query('SELECT pg_advisory_lock(7236001)');
          await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder });
          await client.query(ATTACH_AUDIT);
        } finally {
          await client.query('SELECT pg_advisory_unlock(7236001)').catch(() => undefined);
          client.release();
        }
      },
      async exclusive(work) {
        const client = await pool.connect();
        try {
          await client.query('SELECT pg_advisory_lock(7236002)');
          return await work();
        } finally {
          await client.query('SELECT pg_advisory_unlock(7236002)').catch(() => undefined);
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  let release: (() => void) | undefined;
  let instance: PGlite;
  let owns = true;
  if ('dataDir' in options) {
    release = lockDataDir(options.dataDir);
    try {
      instance = await PGlite.create(options.dataDir);
    } catch (error) {
      release();
      throw error;
    }
  } else {
    instance = options.pglite;
    owns = options.ownsInstance ?? true;
  }
  const db = drizzlePglite(instance, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    async migrate() {
      await migratePglite(drizzlePglite(instance, { schema }), { migrationsFolder });
      await instance.query(ATTACH_AUDIT);
    },
    exclusive: (work) => work(),
    async close() {
      if (owns) await instance.close();
      release?.();
    },
  };
}

/** True when the database answers. */
export async function ping(db: Db): Promise<boolean> {
  await db.execute(sql`select 1`);
  return true;
}
