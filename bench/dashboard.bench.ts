/**
 * The whole programme dashboard over 1,000,000 participant records (10,000,000 with
 * `JALON_BENCH_ACTIVITIES=1000000`), live: Jalon reads its summaries (`agg_*`, kept by triggers in each write's
 * transaction, docs/decisions/0026-live-aggregates.md) through Drizzle and HTTP. The baseline is the limit: the
 * best design by hand for the same figures — summary tables made for exactly this dashboard (by month, built
 * once from the records, never kept up to date: no write pays for them) read by raw SQL, all at once, no HTTP,
 * no shaping. Goals (issue 20): the whole dashboard ≤ 50 ms median on PostgreSQL and ≤ 150 ms on PGlite over
 * 1M records; ≤ 100 ms on PostgreSQL over 10M.
 *
 * Data: PROSMED with 100,000 activities spread over 2021–2025 in 50 cercles (one a tenth counted by
 * attendance), 10 participant rows each (category × sex × age) carrying their cercle and agency as the
 * application writes them, each activity linked to one of three indicators — 1,000,000 participant rows — plus
 * the demo data. They are written by SQL in chunks of 100,000 activities; the triggers keep the summaries.
 *
 * Run: `npm run bench -- dashboard`, or `npx tsx bench/dashboard.bench.ts`; the cost curve of
 * docs/performance.md with `JALON_BENCH_ACTIVITIES=1000|10000|100000|1000000`.
 */
import type { Engine } from '../server/db/client.js';
import { buildApp } from '../server/app.js';
import { SUMMARY_TABLES } from '../server/db/statistics.js';
import { participantsBySexAge } from '../server/modules/dashboards/dashboards.queries.js';
import { measure, runIfMain, size, type BenchResult } from './measure.js';
import { openFieldEngine, withPeakMemory, type Query } from './field-engine.js';
import { originOf } from './portfolio.js';

const ACTIVITIES = size('JALON_BENCH_ACTIVITIES', 100_000, 10_000);
const PER_ACTIVITY = 10;
const CHUNK = 100_000;
const FROM = '2021-01-01';
const TO = '2025-12-31';

const FIELD_TABLES = ['activities', 'activity_indicators', 'activity_places', 'activity_participants'];

/**
 * PROSMED's activities with 10 participant rows each, their indicator links and places, as the application
 * writes them (participants carry their programme, date, agency and cercle), in chunks of 100,000 activities.
 * The summaries are kept by the triggers as each chunk is written (what the dashboard bench times), or, with
 * `summaries: 'rebuild'`, the triggers are off while the rows are written and the summaries are recomputed
 * from the records once at the end (`jalon_agg_rebuild()`, the same rows the triggers would have left) — for
 * the benches that only need the data there, several times faster.
 */
export async function fillField(
  query: Query,
  programmeId: string,
  activities: number,
  { summaries = 'triggers' }: { summaries?: 'triggers' | 'rebuild' } = {},
) {
  const rebuild = summaries === 'rebuild';
  if (rebuild) for (const t of FIELD_TABLES) await query(`alter table ${t} disable trigger user`, []);
  try {
    await writeField(query, programmeId, activities);
  } finally {
    if (rebuild) for (const t of FIELD_TABLES) await query(`alter table ${t} enable trigger user`, []);
  }
  if (rebuild) await query('select jalon_agg_rebuild()', []);
}

async function writeField(query: Query, programmeId: string, activities: number) {
  const [ids] = await query(
    `select (select array_agg(id order by array_position(array['UNDP','UNWOMEN','UNODC'], code)) from organisations
              where code in ('UNDP','UNWOMEN','UNODC')) as orgs,
            (select array_agg(code order by code) from admin_areas where level = 'cercle') as cercles`,
    [],
  );
  const orgs = ids!.orgs as string[];
  const cercles = (ids!.cercles as string[]).slice(0, 50);
  // the facts of activity i, the same in every statement
  const facts = `md5('dash-' || i)::uuid as id, '2021-07-01'::date + (i % 1640) as day,
    ($3::uuid[])[1 + i % 3] as org, ($4::text[])[1 + abs(hashtext('c' || i)) % ${cercles.length}] as cercle`;
  for (let first = 1; first <= activities; first += CHUNK) {
    const last = Math.min(activities, first + CHUNK - 1);
    const range = [first, last, orgs, cercles];
    await query('begin', []);
    await query(
      `insert into activities (id, programme_id, kind, title_fr, start_date, organisation_id, output_code, count_basis, external_id)
       select f.id, $5::uuid, (array['training','sensitisation','workshop','meeting','dialogue'])[1 + i % 5]::activity_kind,
              'Activité ' || i, f.day, f.org, '1.3', case when i % 10 = 0 then 'attendance' else 'distinct' end::count_basis,
              'DASH-' || i
         from generate_series($1::int, $2::int) as i cross join lateral (select ${facts}) f`,
      [...range, programmeId],
    );
    await query(
      `insert into activity_indicators (activity_id, indicator_code)
       select f.id, (array['1.2.2','1.3.2','4.2.2'])[1 + abs(hashtext('i' || i)) % 3]
         from generate_series($1::int, $2::int) as i cross join lateral (select ${facts}) f`,
      range,
    );
    await query(
      `insert into activity_places (activity_id, area_code)
       select f.id, f.cercle from generate_series($1::int, $2::int) as i cross join lateral (select ${facts}) f`,
      range,
    );
    await query(
      `insert into activity_participants (activity_id, programme_id, activity_date, category, sex, age_group, cercle_code,
                                          organisation_id, count)
       select f.id, $5::uuid, f.day,
              (array['community_members','women_youth_associations','local_authorities','pupils','religious_actors'])[1 + k % 5],
              (array['female','male','unknown'])[1 + k % 3]::participant_sex,
              (array['under_18','age_18_35','age_36_plus','unknown'])[1 + k % 4]::age_group,
              f.cercle, f.org, 1 + (k * 7 + i) % 20
         from generate_series($1::int, $2::int) as i cross join lateral (select ${facts}) f
        cross join generate_series(0, ${PER_ACTIVITY - 1}) as k`,
      [...range, programmeId],
    );
    await query('commit', []);
  }
}

/**
 * The best design by hand for this dashboard's figures: one table per figure, by month, made once from the
 * records (what a hand-written dashboard with its own nightly tables would hold — the reads' limit).
 */
async function handSummaries(query: Query, programmeId: string) {
  const statements = [
    `create table hand_cells as
       select date_trunc('month', p.activity_date)::date as month, p.category, p.sex::text as sex,
              p.age_group::text as age_group, p.organisation_id, a.count_basis::text as count_basis, sum(p.count)::int as n
         from activity_participants p join activities a on a.id = p.activity_id where p.programme_id = $1
        group by 1, 2, 3, 4, 5, 6`,
    `create table hand_linked as
       select date_trunc('month', p.activity_date)::date as month, ai.indicator_code, p.sex::text as sex,
              p.age_group::text as age_group, sum(p.count)::int as n
         from activity_participants p join activity_indicators ai on ai.activity_id = p.activity_id
        where p.programme_id = $1 group by 1, 2, 3, 4`,
    `create table hand_acts as
       select date_trunc('month', a.start_date)::date as month, a.organisation_id, count(*)::int as n,
              max(a.start_date) as last_date
         from activities a where a.programme_id = $1 group by 1, 2`,
    `create table hand_cercles as
       with pairs as (
         select p.activity_id, p.activity_date as day, p.cercle_code as cercle, sum(p.count) as n,
                sum(p.count) filter (where p.sex = 'female') as female
           from activity_participants p where p.programme_id = $1 group by 1, 2, 3
         union all
         select ap.activity_id, a.start_date, case when ar.level = 'cercle' then ar.code else ar.cercle_code end, 0, 0
           from activity_places ap join activities a on a.id = ap.activity_id join admin_areas ar on ar.code = ap.area_code
          where a.programme_id = $1)
       select date_trunc('month', day)::date as month, cercle, count(distinct activity_id)::int as activities,
              sum(n)::int as participants, coalesce(sum(female), 0)::int as female
         from pairs group by 1, 2`,
    `create table hand_places as
       select date_trunc('month', a.start_date)::date as month, ap.area_code, count(*)::int as n
         from activity_places ap join activities a on a.id = ap.activity_id where a.programme_id = $1 group by 1, 2`,
  ];
  for (const s of statements) await query(s, [programmeId]);
  for (const t of ['hand_cells', 'hand_linked', 'hand_acts', 'hand_cercles', 'hand_places'])
    await query(`create index on ${t} (month)`, []);
  await query('analyze', []);
}

const AGGREGATE = `select sex, age_group, sum(n)::int as n from hand_cells
  where month between $1 and $2 group by sex, age_group`;

/** The whole dashboard's figures read from the hand-made tables, all at once, as raw SQL. */
async function rawDashboard(query: Query, from: string, to: string) {
  const since = `${Number(to.slice(0, 4)) - 2}-${to.slice(5, 7)}-01`;
  const inPeriod = [from, to];
  await Promise.all([
    query(
      `select category, sex, age_group, organisation_id, sum(n)::int as n from hand_cells
        where month between $1 and $2 group by 1, 2, 3, 4`,
      inPeriod,
    ),
    query(
      `select sum(n)::int from hand_cells where month between $1 and $2 and count_basis = 'attendance'`,
      inPeriod,
    ),
    query(
      `select month, sum(n)::int as n, sum(n) filter (where sex = 'female')::int as female from hand_cells
        where month between $1 and $2 group by 1`,
      [since, to],
    ),
    query(`select month, sum(n)::int as n from hand_acts where month between $1 and $2 group by 1`, [
      since,
      to,
    ]),
    query(
      `select cercle, sum(activities)::int, sum(participants)::int, sum(female)::int from hand_cercles
        where month between $1 and $2 group by 1`,
      inPeriod,
    ),
    query(
      `select (select sum(n)::int from hand_acts where month between $1 and $2),
              (select count(distinct area_code)::int from hand_places where month between $1 and $2)`,
      inPeriod,
    ),
    query(
      `select indicator_code, sex, age_group, sum(n)::int from hand_linked
        where month between $1 and $2 group by 1, 2, 3`,
      inPeriod,
    ),
    query(
      `select organisation_id, sum(n) filter (where month >= $1)::int, max(last_date) from hand_acts
        where month <= $2 group by 1`,
      inPeriod,
    ),
    query(
      `select extract(year from month)::int, extract(quarter from month)::int, sum(n)::int from hand_acts group by 1, 2`,
      [],
    ),
  ]);
}

export async function dashboardBench(engine: Engine): Promise<BenchResult[]> {
  const { database, query, close } = await openFieldEngine(engine);
  try {
    const [p] = await query("select id from programmes where slug = 'prosmed'", []);
    const programmeId = p!.id as string;
    const fill = await withPeakMemory(() => fillField(query, programmeId, ACTIVITIES));
    // what a server's autovacuum does after such a load (this machine's test server runs without it), and the
    // embedded server when it starts (`vacuumSummaries`): the triggers rewrite the summaries' rows many times
    await query(`vacuum (analyze) ${SUMMARY_TABLES.join(', ')}`, []);
    await query('analyze', []);
    const [{ n, summaries }] = (await query(
      `select (select count(*)::int from activity_participants) as n,
              (select count(*)::int from agg_participants) + (select count(*)::int from agg_activities)
              + (select count(*)::int from agg_places) + (select count(*)::int from agg_cercles) as summaries`,
      [],
    )) as [{ n: number; summaries: number }];
    if (Number(n) < ACTIVITIES * PER_ACTIVITY) throw new Error(`only ${n} participant rows`);
    const records = `${(Number(n) / 1e6).toFixed(Number(n) >= 1e6 ? 0 : 2)}M participant records`;
    await handSummaries(query, programmeId);

    const scope = { programmeId, from: FROM, to: TO };
    const hand = await measure(`hand-made summary: participants by sex × age`, 30, async () => {
      await query(AGGREGATE, [scope.from, scope.to]);
    });
    const drizzle = await measure(`participants by sex × age over ${records}, Drizzle`, 30, async () => {
      await participantsBySexAge(database.db, scope);
    });
    const app = await buildApp({ db: database.db });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = originOf(app.server.address());
    const full = await measure(`whole programme dashboard over ${records}, HTTP`, 50, async () => {
      const res = await fetch(`${origin}/api/v1/programmes/prosmed/dashboard?from=${FROM}&to=${TO}`);
      if (!res.ok) throw new Error(`dashboard answered ${res.status}`);
      await res.json();
    });
    await app.close();
    const rawWhole = await measure('hand-made summary tables: the same dashboard’s figures', 50, () =>
      rawDashboard(query, scope.from, scope.to),
    );
    const goalMs = engine === 'pglite' ? 150 : Number(n) >= 5_000_000 ? 100 : 50;
    return [
      { ...drizzle, baseline: hand },
      {
        ...full,
        baseline: rawWhole,
        goalMs,
        note: `written in ${(fill.ms / 1000).toFixed(0)} s (+${Math.round(fill.peakMb)} MB) with the triggers; ${summaries} summary rows`,
      },
    ];
  } finally {
    await close();
  }
}

await runIfMain(import.meta.url, dashboardBench);
