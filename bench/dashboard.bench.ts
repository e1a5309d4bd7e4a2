/**
 * The dashboard's aggregation over 1,000,000 participant records, live: participants by sex × age group for a
 * programme over a period (`participantsBySexAge`, through Drizzle), and the whole programme dashboard over
 * HTTP (every section: indicators computed by their rules, categories, months, agencies, cercles). Baselines:
 * the aggregate's query sent straight to the driver; for the whole dashboard, the aggregates a hand-written
 * dashboard of the same figures would send, by raw SQL, all at once (`rawDashboard`).
 *
 * Data: PROSMED with 100,000 activities spread over 2021–2025 in 50 cercles, 10 participant rows each
 * (category × sex × age), linked to its indicators — 1,000,000 participant rows — plus the demo data.
 *
 * Run: `npm run bench -- dashboard`, or `npx tsx bench/dashboard.bench.ts`.
 */
import type { Engine } from '../server/db/client.js';
import { buildApp } from '../server/app.js';
import { participantsBySexAge } from '../server/modules/dashboards/dashboards.queries.js';
import { measure, runIfMain, size, type BenchResult } from './measure.js';
import { openFieldEngine, type Query } from './field-engine.js';
import { originOf } from './portfolio.js';

const ACTIVITIES = size('JALON_BENCH_ACTIVITIES', 100_000, 10_000);
const PER_ACTIVITY = 10;

const AGGREGATE = `select p.sex, p.age_group, sum(p.count)::int as n
  from activity_participants p
 where p.programme_id = $1 and p.activity_date between $2 and $3
 group by p.sex, p.age_group`;

/** PROSMED's 100,000 activities with 10 participant rows each, their indicator links and places. */
export async function fillField(query: Query, programmeId: string, activities: number) {
  await query('begin', []);
  await query(
    `insert into activities (programme_id, kind, title_fr, start_date, organisation_id, output_code, count_basis, external_id)
     select $1::uuid, (array['training','sensitisation','workshop','meeting','dialogue'])[1 + i % 5]::activity_kind,
            'Activité ' || i, '2021-07-01'::date + (i % 1640), o.id, '1.3', 'distinct', 'DASH-' || i
       from generate_series(1, $2::int) as i
       join organisations o on o.code = (array['UNDP','UNWOMEN','UNODC'])[1 + i % 3]`,
    [programmeId, activities],
  );
  await query(
    `insert into activity_indicators (activity_id, indicator_code)
     select id, (array['1.2.2','1.3.2','4.2.2'])[1 + (abs(hashtext(id::text)) % 3)] from activities where external_id like 'DASH-%'`,
    [],
  );
  await query(
    `insert into activity_places (activity_id, area_code)
     select a.id, c.code from activities a
       join lateral (select code from admin_areas where level = 'cercle' order by code offset abs(hashtext(a.id::text)) % 50 limit 1) c on true
      where a.external_id like 'DASH-%'`,
    [],
  );
  await query(
    `insert into activity_participants (activity_id, programme_id, activity_date, category, sex, age_group, count)
     select a.id, a.programme_id, a.start_date,
            (array['community_members','women_youth_associations','local_authorities','pupils','religious_actors'])[1 + k % 5],
            (array['female','male','unknown'])[1 + k % 3]::participant_sex,
            (array['under_18','age_18_35','age_36_plus','unknown'])[1 + k % 4]::age_group,
            1 + (k * 7) % 20
       from activities a cross join generate_series(0, $1::int - 1) as k
      where a.external_id like 'DASH-%'`,
    [PER_ACTIVITY],
  );
  await query('commit', []);
}

/**
 * The baseline of the whole dashboard: what a hand-written dashboard showing the same figures would send —
 * its aggregates by raw SQL, all at once, no HTTP, no shaping: the participant cube (category × sex × age ×
 * cercle × agency), months, activities per cercle and in all, the indicators' linked participant sums, the
 * agencies, the quarters.
 */
async function rawDashboard(query: Query, programmeId: string, from: string, to: string) {
  const since = `${Number(to.slice(0, 4)) - 2}-${to.slice(5, 7)}-01`;
  const inPeriod = [programmeId, from, to];
  await Promise.all([
    query(
      `select p.category, p.sex, p.age_group, p.cercle_code, p.organisation_id, sum(p.count)::int as n
         from activity_participants p where p.programme_id = $1 and p.activity_date between $2 and $3
        group by 1, 2, 3, 4, 5`,
      inPeriod,
    ),
    query(
      `select to_char(p.activity_date, 'YYYY-MM') as month, sum(p.count)::int as n,
              coalesce(sum(p.count) filter (where p.sex = 'female'), 0)::int as female
         from activity_participants p where p.programme_id = $1 and p.activity_date between $2 and $3
        group by 1`,
      [programmeId, since, to],
    ),
    query(
      `select to_char(a.start_date, 'YYYY-MM') as month, count(*)::int as n
         from activities a where a.programme_id = $1 and a.start_date between $2 and $3 group by 1`,
      [programmeId, since, to],
    ),
    query(
      `select case when ar.level = 'cercle' then ar.code else ar.cercle_code end as cercle, count(distinct a.id)::int as n
         from activities a join activity_places ap on ap.activity_id = a.id join admin_areas ar on ar.code = ap.area_code
        where a.programme_id = $1 and a.start_date between $2 and $3 group by 1`,
      inPeriod,
    ),
    query(
      `select count(*)::int as n from activities a where a.programme_id = $1 and a.start_date between $2 and $3`,
      inPeriod,
    ),
    query(
      `select ai.indicator_code, p.category, p.sex, p.age_group, sum(p.count)::int as n
         from activity_participants p join activity_indicators ai on ai.activity_id = p.activity_id
        where p.programme_id = $1 and p.activity_date between $2 and $3 group by 1, 2, 3, 4`,
      inPeriod,
    ),
    query(
      `select a.organisation_id, count(*) filter (where a.start_date between $2 and $3)::int as n,
              max(a.start_date)::text as last from activities a
        where a.programme_id = $1 and a.start_date <= $3 group by 1`,
      inPeriod,
    ),
    query(
      `select extract(year from a.start_date)::int as y, extract(quarter from a.start_date)::int as q, count(*)::int as n
         from activities a where a.programme_id = $1 group by 1, 2`,
      [programmeId],
    ),
  ]);
}

export async function dashboardBench(engine: Engine): Promise<BenchResult[]> {
  const { database, query, close } = await openFieldEngine(engine);
  try {
    const [p] = await query("select id from programmes where slug = 'prosmed'", []);
    const programmeId = p!.id as string;
    await fillField(query, programmeId, ACTIVITIES);
    await query('analyze', []);
    const [{ n }] = (await query('select count(*)::int as n from activity_participants', [])) as [
      { n: number },
    ];
    if (Number(n) < ACTIVITIES * PER_ACTIVITY) throw new Error(`only ${n} participant rows`);

    const scope = { programmeId, from: '2021-01-01', to: '2025-12-31' };
    const raw = await measure(`raw SQL: sum by sex × age over ${n} rows`, 20, async () => {
      await query(AGGREGATE, [programmeId, scope.from, scope.to]);
    });
    const drizzle = await measure(`dashboard aggregate over ${n} participants, Drizzle`, 20, async () => {
      await participantsBySexAge(database.db, scope);
    });
    const app = await buildApp({ db: database.db });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = originOf(app.server.address());
    const full = await measure(`whole programme dashboard over ${n} participants, HTTP`, 5, async () => {
      const res = await fetch(`${origin}/api/v1/programmes/prosmed/dashboard?from=2021-01-01&to=2025-12-31`);
      if (!res.ok) throw new Error(`dashboard answered ${res.status}`);
      await res.json();
    });
    await app.close();
    const rawWhole = await measure('raw SQL: the same dashboard’s aggregates', 5, () =>
      rawDashboard(query, programmeId, scope.from, scope.to),
    );
    return [
      { ...drizzle, baseline: raw },
      { ...full, baseline: rawWhole },
    ];
  } finally {
    await close();
  }
}

await runIfMain(import.meta.url, dashboardBench);
