/**
 * Reading one programme with its whole framework through the API, against the same rows read by raw SQL.
 *
 * Data: a portfolio of 100 programmes the size of PROSMED (two framework versions of 4 outcomes, 14 outputs
 * and 53 indicators each, with their yearly targets and alignments). The API path is real HTTP on loopback:
 * GET /api/v1/programmes/:slug then GET /api/v1/programmes/:slug/framework, as the programme page does.
 * The baseline sends the equivalent SQL straight to the driver (no ORM, no HTTP, no JSON shaping).
 *
 * Run: `npm run bench` (PGlite, and PostgreSQL when JALON_BENCH_DATABASE_URL is set).
 */
import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { programmeDocument } from '../core/contracts/programme-document.js';
import { buildApp } from '../server/app.js';
import { openDatabase, type Database, type Engine } from '../server/db/client.js';
import { organisations } from '../server/db/seed/data/organisations.js';
import { pbfMliA3 } from '../server/db/seed/data/pbf-mli-a-3.js';
import { prosmed } from '../server/db/seed/data/prosmed.js';
import {
  importProgrammeDocument,
  upsertOrganisations,
} from '../server/modules/programmes/programme-document.import.js';
import { measure, type BenchResult } from './measure.js';

const PROGRAMMES = 100;

type Query = (text: string, params: unknown[]) => Promise<unknown[]>;

/** The rows the programme page needs, by hand-written SQL: what the API's work is compared with. */
async function rawRead(query: Query, slug: string) {
  const [p] = (await query('select * from programmes where slug = $1', [slug])) as { id: string }[];
  const [participants, versions, snapshots, risks, cofunding] = await Promise.all([
    query(
      `select pp.*, o.code, o.kind, o.name_fr, o.name_en, o.acronym_fr, o.acronym_en
         from programme_participants pp join organisations o on o.id = pp.organisation_id
        where pp.programme_id = $1 order by pp.role, pp.sort`,
      [p!.id],
    ),
    query('select * from framework_versions where programme_id = $1 order by effective_date, version', [
      p!.id,
    ]),
    query('select * from financial_snapshots where programme_id = $1 order by as_of', [p!.id]),
    query('select * from risks where programme_id = $1 order by number', [p!.id]),
    query('select * from programme_cofunding where joint_programme_id = $1 or project_id = $1', [p!.id]),
  ]);
  const v = (versions as { id: string }[]).at(-1)!.id;
  const [outcomes, outputs, indicators, alignments, targets, values] = await Promise.all([
    query('select * from outcomes where framework_version_id = $1 order by sort', [v]),
    query('select * from outputs where framework_version_id = $1 order by sort', [v]),
    query('select * from indicators where framework_version_id = $1 order by sort', [v]),
    query('select * from alignments where framework_version_id = $1 order by sort', [v]),
    query(
      `select t.* from indicator_targets t join indicators i on i.id = t.indicator_id
        where i.framework_version_id = $1 order by t.kind, t.year, t.sort`,
      [v],
    ),
    query(
      `select distinct on (x.indicator_id) x.* from indicator_values x join indicators i on i.id = x.indicator_id
        where i.framework_version_id = $1 order by x.indicator_id, x.period_end desc, x.created_at desc`,
      [v],
    ),
  ]);
  return {
    participants,
    snapshots,
    risks,
    cofunding,
    outcomes,
    outputs,
    indicators,
    alignments,
    targets,
    values,
  };
}

async function fillPortfolio(database: Database) {
  const base = programmeDocument.parse(prosmed);
  await database.db.transaction(async (tx) => {
    await upsertOrganisations(tx, organisations);
    await importProgrammeDocument(tx, programmeDocument.parse(pbfMliA3));
    for (let i = 1; i <= PROGRAMMES; i++) {
      await importProgrammeDocument(tx, { ...base, code: `BENCH-${String(i).padStart(3, '0')}` });
    }
  });
}

async function openEngine(
  engine: Engine,
): Promise<{ database: Database; query: Query; close: () => Promise<void> }> {
  if (engine === 'pglite') {
    const instance = await PGlite.create();
    const database = await openDatabase({ pglite: instance, ownsInstance: false });
    return {
      database,
      query: async (text, params) => (await instance.query(text, params)).rows,
      close: async () => {
        await database.close();
        await instance.close();
      },
    };
  }
  const admin = process.env.JALON_BENCH_DATABASE_URL!;
  const name = `jalon_bench_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  pool.on('error', () => undefined);
  return {
    database,
    query: async (text, params) => (await pool.query(text, params)).rows,
    close: async () => {
      await pool.end();
      await database.close();
      await client.query(`drop database ${name} with (force)`);
      await client.end();
    },
  };
}

export async function readProgrammeBench(engine: Engine): Promise<BenchResult[]> {
  const { database, query, close } = await openEngine(engine);
  try {
    await database.migrate();
    await fillPortfolio(database);
    const app = await buildApp({ db: database.db });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    let i = 0;
    const nextSlug = () => `bench-${String((i++ % PROGRAMMES) + 1).padStart(3, '0')}`;
    const api = await measure(`read programme + framework (API, ${engine})`, 200, async () => {
      const slug = nextSlug();
      const [detail, framework] = await Promise.all([
        fetch(`${origin}/api/v1/programmes/${slug}`).then((r) => r.json()),
        fetch(`${origin}/api/v1/programmes/${slug}/framework`).then((r) => r.json()),
      ]);
      if (!detail.code || framework.outcomes.length !== 4) throw new Error('unexpected answer');
    });
    const raw = await measure(`same rows by raw SQL (${engine})`, 200, async () => {
      await rawRead(query, nextSlug());
    });
    await app.close();
    return [{ ...api, baseline: raw }];
  } finally {
    await close();
  }
}
