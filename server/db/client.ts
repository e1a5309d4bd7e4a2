/**
 * The only file that knows whether Jalon runs on embedded PGlite or on a PostgreSQL server.
 * Everything else receives a `Db` (a Drizzle database) and never asks which engine is behind it.
 */
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import * as schema from './schema/index.js';
import { lockDataDir } from './data-dir-lock.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

const ROOT = Symbol('jalon.database');

/**
 * Marks each transaction of `db` with the database it belongs to (`rootOf`). Drizzle makes a new object for every
 * transaction, so what is built once per database and kept by its object (the place index) was built again in
 * each transaction: at every signed-in write (its request transaction) and every answer the read cache computes
 * (docs/performance.md, "The portfolio's dashboard"). A savepoint's transaction is not marked: it is read as a
 * database of its own.
 */
function markTransactions(db: Db): Db {
  const transaction = db.transaction.bind(db);
  db.transaction = ((work, config) =>
    transaction((tx) => {
      Object.defineProperty(tx, ROOT, { value: db });
      return work(tx);
    }, config)) as Db['transaction'];
  return db;
}

/** The database a transaction of `openDatabase`'s belongs to; a database is its own. */
export const rootOf = (db: DbOrTx): object => (db as unknown as { [ROOT]?: Db })[ROOT] ?? db;

/** The rows of a `db.execute` answer: node-postgres and PGlite both answer `{ rows }`. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * Ids as one `uuid[]` parameter (`= any(${uuidArray(ids)})`), not one parameter per id: a portfolio or an import
 * asks for thousands, past what a statement's parameters hold. Ids are uuids: nothing in them needs quoting.
 */
export const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export type Engine = 'pglite' | 'postgres';

/**
 * node-postgres, once a PostgreSQL database was opened. Each engine's driver is loaded only when that engine is
 * opened: a command on PostgreSQL does not load PGlite, one on PGlite does not load node-postgres (issue 20,
 * item 4: a command starts in well under a second).
 */
let pgDriver: typeof pg | undefined;
async function loadPg(): Promise<typeof pg> {
  if (pgDriver) return pgDriver;
  // node-postgres asks at load whether it runs on Cloudflare Workers: without `navigator` (Node 20 has none) it
  // builds a `Response`, which loads Node's fetch (undici, ≈ 60 ms of CPU) that no command uses. A `navigator`
  // that is not Cloudflare's answers it; it is removed at once (it would tell other libraries "browser").
  const hadNavigator = 'navigator' in globalThis;
  if (!hadNavigator)
    Object.defineProperty(globalThis, 'navigator', { value: { userAgent: 'Node.js' }, configurable: true });
  try {
    pgDriver = (await import('pg')).default;
  } finally {
    if (!hadNavigator) Reflect.deleteProperty(globalThis, 'navigator');
  }
  return pgDriver;
}

/**
 * PGlite's buffer cache, inside its WebAssembly memory, which never shrinks: PostgreSQL's 128 MB by default,
 * written through at start, was most of a server's memory at idle (316 MB for PGlite alone, 193 MB at 16 MB).
 * Pages not in it are read from the data files through the operating system's cache.
 */
const PGLITE_SHARED_BUFFERS = '32MB';

/**
 * A brief command's PGlite (`{ dataDir, brief: true }`: `jalon export programme`, a few reads then exit). Two
 * costs of a server's PGlite are waste there (issue 20, item 4; docs/performance.md, "A command on PGlite"):
 * - V8 compiles PGlite's WebAssembly with Liftoff, then recompiles each function that gets hot with TurboFan on
 *   background threads: a short command pays for code it will not live to use (≈ 1 s of CPU, and 100 MB of
 *   RSS, of a 3.4 s export). Liftoff only (the V8 flags below, set before PGlite compiles its module; they hold
 *   for the rest of the process, which ends with the command) halves the command's CPU. Not for the server nor
 *   for long commands (an import of 100,000 rows): TurboFan's code is the faster one for long work.
 * - V8 validates the whole 10 MB module before the first call: with lazy validation (`--wasm-lazy-validation`)
 *   each function is validated when it is first compiled, and a brief command calls a small part of them (≈ 30 ms
 *   of CPU of the ≈ 0.33 s a bare brief open takes; docs/performance.md, "PGlite's opening").
 * - its buffer cache, zeroed at start: 8 MB is plenty for a few reads (the operating system caches the files).
 * Only on an existing data directory: a new one is initdb and every migration, long work.
 */
const BRIEF_WASM_FLAGS = '--liftoff-only --no-wasm-tier-up --no-wasm-dynamic-tiering --wasm-lazy-validation';
const BRIEF_SHARED_BUFFERS = '8MB';

/** PostgreSQL's type id of bytea, by which PGlite keys its serializers. */
const BYTEA = 17;

/**
 * Every bytea PGlite writes (an import's kept file, an attachment, import media) goes as a binary parameter, as
 * node-postgres sends a Buffer: PGlite's bind sends any Uint8Array so once no serializer turns it into text.
 * Its default serializer wrote hex through `Array.from(bytes)`, an array of one number and one string per byte,
 * all live at once: an 18 MB CSV's import peaked at 1,395 MB above the level before, 207 MB without
 * (docs/performance.md, "importmem"; decision 0031). Set on every instance Jalon opens or is given (the tests').
 */
function sendBytesAsTheyAre(instance: PGlite) {
  instance.serializers[BYTEA] = (bytes: Uint8Array) => bytes as unknown as string;
}

/** The creation time of the newest migration this version of Jalon has (drizzle's journal). */
function newestKnownMigration(): number {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: { when: number }[];
  };
  return Math.max(...journal.entries.map((entry) => entry.when));
}

/**
 * What the migrations table says against this version's migrations: `current` (nothing to do: one query
 * instead of reading, hashing and comparing every migration), `behind` (the migrator runs) or `newer` (a newer
 * Jalon migrated this database: refused, see {@link newerDatabase}).
 */
async function migrationState(
  newestApplied: () => Promise<unknown>,
): Promise<{ state: 'current' | 'behind' | 'newer'; applied: number | null; known: number }> {
  const known = newestKnownMigration();
  let applied: number | null = null;
  try {
    const value = await newestApplied();
    applied = value === null || value === undefined ? null : Number(value);
  } catch {
    // no migrations table yet: a new database
  }
  if (applied === null || applied < known) return { state: 'behind', applied, known };
  return { state: applied === known ? 'current' : 'newer', applied, known };
}

const NEWEST_APPLIED = 'SELECT max(created_at) AS newest FROM drizzle.__drizzle_migrations';

function newerDatabase(applied: number, known: number): Error {
  return new Error(
    `This database was migrated by a newer version of Jalon (its latest migration dates from ${new Date(applied).toISOString()}, ` +
      `this version knows migrations up to ${new Date(known).toISOString()}). Run the newer version, or restore a backup made with this one.`,
  );
}

/** Puts the audit triggers on tables that migrations added since (see migration 0006_audit_trail). */
const ATTACH_AUDIT = 'SELECT jalon_attach_audit()';
/** Puts the change notification on tables that migrations added since (migration 0024_change_notify). */
const ATTACH_CHANGE_NOTIFY = 'SELECT jalon_attach_change_notify()';

/** A subscription to a notification channel; `close` ends it. */
export interface Listening {
  close(): Promise<void>;
}

/** What a listener is told: each notification's payload, and when it may have missed some (connection lost). */
export interface ListenHandlers {
  message(payload: string): void;
  /** the connection was lost: notifications may have been missed until `resumed` */
  lost(): void;
  /** listening again after a loss */
  resumed(): void;
}

export interface Database {
  db: Db;
  engine: Engine;
  /**
   * Applies the pending migrations (forward only). A database already at this version's schema costs one query;
   * one migrated by a newer version of Jalon is refused with an error that says so.
   */
  migrate(): Promise<void>;
  /**
   * Runs `work` while no other Jalon process on this database runs its own: on PostgreSQL a session advisory
   * lock (several servers starting at once must not all load the demo data); PGlite has one process anyway.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /**
   * LISTENs on `channel` (PostgreSQL: a dedicated connection, reopened when lost; PGlite: its own listener,
   * told at each commit). Notifications of one transaction arrive after those of transactions committed before.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<Listening>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | {
      url: string;
      /**
       * The pool's connections (default 10). A one-shot command's reads are short: one connection spares it
       * the opening of others (each a server process, an authentication and cold catalogue caches).
       */
      connections?: number;
    }
  | {
      dataDir: string;
      /** a brief command's PGlite: compiled for a short life and a small cache (see {@link BRIEF_WASM_FLAGS}) */
      brief?: boolean;
    }
  | { pglite: PGlite; ownsInstance?: boolean };

/** Opens the database: a PostgreSQL URL, a PGlite directory (locked), or an existing PGlite instance. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ('url' in options) {
    const [pg, { drizzle: drizzleNodePg }] = await Promise.all([
      loadPg(),
      import('drizzle-orm/node-postgres'),
    ]);
    const pool = new pg.Pool({ connectionString: options.url, max: options.connections ?? 10 });
    // an idle connection cut by the server (restart, failover) must not crash the process: the pool reconnects
    pool.on('error', (error) => console.error(`PostgreSQL idle connection error: ${error.message}`));
    pool.on('connect', oneQueryAtATime);
    // numeric and int8 arrive as strings from node-postgres; the schema maps them to numbers where needed
    const db = markTransactions(drizzleNodePg(pool, { schema }) as unknown as Db);
    return {
      db,
      engine: 'postgres',
      async migrate() {
        const newest = async () =>
          (await pool.query<{ newest: string | null }>(NEWEST_APPLIED)).rows[0]?.newest;
        const before = await migrationState(newest);
        if (before.state === 'current') return;
        if (before.state === 'newer') throw newerDatabase(before.applied!, before.known);
        const { migrate: migrateNodePg } = await import('drizzle-orm/node-postgres/migrator');
        // several servers may start at once: one applies the migrations, the others wait for it
        const client = await pool.connect();
        try {
          await client.query('SELECT pg_advisory_lock(7236001)');
          // another server may have migrated it (to a newer version, even) while this one waited for the lock
          const now = await migrationState(newest);
          if (now.state === 'current') return;
          if (now.state === 'newer') throw newerDatabase(now.applied!, now.known);
          await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder });
          await client.query(ATTACH_AUDIT);
          await client.query(ATTACH_CHANGE_NOTIFY);
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
      listen: (channel, handlers) => listenOnPostgres(pg, options.url, channel, handlers),
      close: () => pool.end(),
    };
  }
  let release: (() => void) | undefined;
  let instance: PGlite;
  let owns = true;
  const { drizzle: drizzlePglite } = await import('drizzle-orm/pglite');
  if ('dataDir' in options) {
    release = lockDataDir(options.dataDir);
    try {
      // a new directory is no brief command: initdb and every migration are long work, TurboFan's
      const brief = options.brief === true && existsSync(join(options.dataDir, 'PG_VERSION'));
      if (brief) (await import('node:v8')).setFlagsFromString(BRIEF_WASM_FLAGS);
      const { PGlite } = await import('@electric-sql/pglite');
      const sharedBuffers = brief ? BRIEF_SHARED_BUFFERS : PGLITE_SHARED_BUFFERS;
      instance = await PGlite.create(options.dataDir, {
        startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`],
      });
    } catch (error) {
      release();
      throw error;
    }
  } else {
    instance = options.pglite;
    owns = options.ownsInstance ?? true;
  }
  sendBytesAsTheyAre(instance);
  const db = markTransactions(drizzlePglite(instance, { schema }) as unknown as Db);
  return {
    db,
    engine: 'pglite',
    async migrate() {
      const state = await migrationState(
        async () => (await instance.query<{ newest: string | null }>(NEWEST_APPLIED)).rows[0]?.newest,
      );
      if (state.state === 'current') return;
      if (state.state === 'newer') throw newerDatabase(state.applied!, state.known);
      const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
      await migratePglite(drizzlePglite(instance, { schema }), { migrationsFolder });
      await instance.query(ATTACH_AUDIT);
      await instance.query(ATTACH_CHANGE_NOTIFY);
    },
    exclusive: (work) => work(),
    async listen(channel, handlers) {
      const stop = await instance.listen(channel, handlers.message);
      return { close: () => stop() };
    },
    async close() {
      if (owns) await instance.close();
      release?.();
    },
  };
}

/**
 * A connection answers one query at a time: the reads a service sends at once inside a transaction
 * (`Promise.all` on `tx` — the read cache's snapshot, a signed-in write's checks) are sent in turn, each when
 * the one before has answered, whether it succeeded or failed. node-postgres queued them itself, but that is
 * deprecated (pg@9 refuses a query on a busy client). A COPY stream or a callback query goes as it comes (those
 * are always awaited alone).
 */
function oneQueryAtATime(client: pg.PoolClient) {
  const send = client.query.bind(client) as (...args: unknown[]) => unknown;
  let last: Promise<unknown> = Promise.resolve();
  client.query = ((...args: unknown[]) => {
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof first?.submit === 'function' || typeof args.at(-1) === 'function') return send(...args);
    const answer = last.then(() => send(...args));
    last = answer.catch(() => undefined);
    return answer;
  }) as typeof client.query;
}

/**
 * LISTEN on a connection of its own (a pooled one would be handed to queries). When it breaks, the listener
 * is told (`lost`), and a new connection is tried every second until it listens again (`resumed`).
 */
async function listenOnPostgres(
  driver: typeof pg,
  url: string,
  channel: string,
  handlers: ListenHandlers,
): Promise<Listening> {
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const c = new driver.Client({ connectionString: url });
    c.on('notification', (n) => {
      if (n.channel === channel) handlers.message(n.payload ?? '');
    });
    c.on('error', () => undefined);
    c.on('end', () => {
      if (closed || client !== c) return;
      client = null;
      handlers.lost();
      retry = setTimeout(reconnect, 1000);
    });
    await c.connect();
    try {
      await c.query(`LISTEN ${driver.escapeIdentifier(channel)}`);
    } catch (error) {
      await c.end().catch(() => undefined);
      throw error;
    }
    client = c;
  };
  const reconnect = () => {
    if (closed) return;
    connect().then(
      () => (closed ? void client?.end() : handlers.resumed()),
      () => (retry = setTimeout(reconnect, 1000)),
    );
  };
  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}

/**
 * The driver's connection behind a transaction, for what Drizzle cannot say (COPY, `server/db/copy.ts`):
 * node-postgres's client of the transaction, or PGlite's transaction. A PostgreSQL database that is not a
 * transaction has only its pool: there is no one connection to COPY on.
 */
export type Driver =
  | { engine: 'postgres'; client: pg.PoolClient }
  | {
      engine: 'pglite';
      client: Pick<PGlite, 'query'>;
    };
/** Drizzle keeps the driver's client on the session of a database and of a transaction alike. */
const clientOf = (db: DbOrTx): unknown =>
  (db as unknown as { session?: { client?: unknown } }).session?.client;

export function driverOf(db: DbOrTx): Driver {
  const client = clientOf(db);
  // node-postgres is loaded when a PostgreSQL database was opened: otherwise the client cannot be one of its
  const pg = pgDriver;
  if (pg && client instanceof pg.Pool) throw new Error('COPY needs a transaction on PostgreSQL');
  if (pg && client instanceof pg.Client) return { engine: 'postgres', client: client as pg.PoolClient };
  if (client && typeof (client as PGlite).query === 'function')
    return { engine: 'pglite', client: client as PGlite };
  throw new Error('Unknown database driver');
}

/** The engine behind a database or a transaction. */
export function engineOf(db: DbOrTx): Engine {
  const client = clientOf(db);
  const pg = pgDriver;
  return pg && (client instanceof pg.Pool || client instanceof pg.Client) ? 'postgres' : 'pglite';
}

/** True when the database answers. */
export async function ping(db: Db): Promise<boolean> {
  await db.execute(sql`select 1`);
  return true;
}
