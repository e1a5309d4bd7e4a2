/**
 * The portfolio the read benchmarks share: 100 programmes the size of PROSMED (two framework versions of
 * 4 outcomes, 14 outputs and 53 indicators, yearly targets, alignments), plus PBF/MLI/A-3 which PROSMED
 * names as co-funder — on a fresh database: PGlite in memory, or a throw-away database on the PostgreSQL
 * server of JALON_BENCH_DATABASE_URL. `query` sends SQL straight to the driver (the raw baselines).
 */
import { PGlite } from '@electric-sql/pglite';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { programmeDocument } from '../core/contracts/programme-document.js';
import { driverOf, openDatabase, type Database, type Engine } from '../server/db/client.js';
import { organisations } from '../server/seed/data/organisations.js';
import { pbfMliA3 } from '../server/seed/data/pbf-mli-a-3.js';
import { prosmed } from '../server/seed/data/prosmed.js';
import { throwawayDatabase } from './processes.js';
import {
  importProgrammeDocument,
  upsertOrganisations,
} from '../server/modules/programme-documents/programme-document.import.js';

export const PROGRAMMES = 100;

export type Query = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

export interface BenchEngine {
  database: Database;
  query: Query;
  close: () => Promise<void>;
  /** PostgreSQL: the database's URL, for a `jalon start` of its own (api-load's BENCH_WORKERS) */
  url?: string;
}

/** A fresh, migrated and empty database on the engine. */
export async function openBenchEngine(
  engine: Engine,
  /**
   * PGlite in a data directory of the disk, opened as the server opens it (its settings, its buffer cache),
   * instead of in memory: for a bench whose memory counts (an import's tables and WAL would otherwise be files
   * in the process's memory)
   */
  options: { onDisk?: boolean } = {},
): Promise<BenchEngine> {
  if (engine === 'pglite' && options.onDisk) {
    const dataDir = await mkdtemp(join(tmpdir(), 'jalon-bench-'));
    const database = await openDatabase({ dataDir });
    await database.migrate();
    const instance = driverOf(database.db).client as PGlite;
    return {
      database,
      query: async (text, params) => (await instance.query<Record<string, unknown>>(text, params)).rows,
      close: async () => {
        await database.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  if (engine === 'pglite') {
    const instance = await PGlite.create();
    const database = await openDatabase({ pglite: instance, ownsInstance: false });
    await database.migrate();
    return {
      database,
      query: async (text, params) => (await instance.query<Record<string, unknown>>(text, params)).rows,
      close: async () => {
        await database.close();
        await instance.close();
      },
    };
  }
  const { url, drop } = await throwawayDatabase();
  const database = await openDatabase({ url });
  await database.migrate();
  // the same pool size as the application's (server/db/client.ts)
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', () => undefined);
  return {
    database,
    url,
    query: async (text, params) => (await pool.query(text, params)).rows,
    close: async () => {
      await pool.end();
      await database.close();
      await drop();
    },
  };
}

export const benchSlug = (i: number) => `bench-${String((i % PROGRAMMES) + 1).padStart(3, '0')}`;

/** The 100 programmes (codes BENCH-001…BENCH-100, slugs bench-001…) and A-3, in one transaction. */
export async function fillPortfolio(database: Database) {
  const base = programmeDocument.parse(prosmed);
  await database.db.transaction(async (tx) => {
    await upsertOrganisations(tx, organisations);
    await importProgrammeDocument(tx, programmeDocument.parse(pbfMliA3));
    for (let i = 1; i <= PROGRAMMES; i++) {
      await importProgrammeDocument(tx, { ...base, code: `BENCH-${String(i).padStart(3, '0')}` });
    }
  });
  // the planner's statistics, as a server's autovacuum would gather them after such a load (the test server
  // of this machine runs without autovacuum, and PGlite has none: see docs/performance.md)
  await database.db.execute(sql`analyze`);
}

/** The listening address of a Fastify app or node:http server bound to port 0 on loopback. */
export function originOf(address: ReturnType<import('node:net').Server['address']>): string {
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}
