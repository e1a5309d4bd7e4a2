/**
 * The portfolio's dashboard (`GET /dashboard`): every programme's activities, participants, indicator statuses and
 * silent agencies, the portfolio's totals, trend and map — what the fund secretariat and the donors open first.
 *
 * Data: the shared portfolio of 100 programmes the size of PROSMED (bench/portfolio.ts), three indicators of each
 * computed from its activities (`computedIndicators`), one programme with a field of JALON_BENCH_ACTIVITIES
 * activities (10 participant rows each; 10,000 by default) written through the triggers.
 * Four measures over HTTP, the answer decoded:
 * - computed: a server without notifications keeps nothing, so every request computes the dashboard; its limit
 *   is the hand-made design's reads of the same figures — the summaries grouped by programme, the rows of every
 *   framework in force (indicators, targets) and the period's stored values, all sent at once by raw SQL — without
 *   the statuses' rules, which it would still have to run;
 * - after an activity: the same server, an activity recorded (by SQL) between two visits: the answer is dropped and
 *   computed again, the frameworks in force recalled from memory (db/remembered.ts); its limit is the hand-made
 *   reads without the frameworks, which such a design would keep in memory too;
 * - kept: a server with notifications answers a repeated request from memory (plugins/read-cache.ts); its limit
 *   is a bare node:http server sending the same bytes;
 * - the programme dashboard kept, against the same bare server.
 * Goals: the computed dashboard ≤ 500 ms on PostgreSQL and ≤ 1.5 s on PGlite for 100 programmes (the page a
 * secretariat opens first, well within a slow link's own seconds), a kept answer ≤ 20 ms (issue 20, item 2).
 *
 * Run: `npm run bench -- portfolio-dashboard`, or `npx tsx bench/portfolio-dashboard.bench.ts`.
 */
import { createServer } from 'node:http';
import { sql } from 'drizzle-orm';
import type { Engine } from '../server/db/client.js';
import { buildApp } from '../server/app.js';
import { fillField } from './dashboard.bench.js';
import { measure, quick, runIfMain, size, timingOf, type BenchResult } from './measure.js';
import { benchSlug, fillPortfolio, openBenchEngine, originOf, PROGRAMMES, type Query } from './portfolio.js';
import { indicatorRule, type IndicatorRuleInput } from '../core/contracts/indicator-data.js';
import { operatorContext } from '../server/context.js';
import { setRule } from '../server/modules/indicator-data/indicator-data.service.js';

const ACTIVITIES = size('JALON_BENCH_ACTIVITIES', 10_000, 1_000);
const RUNS = quick ? 10 : 30;
const PERIOD = { from: '2025-01-01', to: '2025-12-31' };
const QUERY = `period=${PERIOD.from.slice(0, 4)}`;

/** The figures of the portfolio dashboard read by hand: one statement per figure, all at once. */
async function rawPortfolioDashboard(query: Query, { frameworks = true }: { frameworks?: boolean } = {}) {
  const inPeriod = [PERIOD.from, PERIOD.to];
  // every programme named, as Jalon does: each summary's key begins with the programme (without it PostgreSQL
  // scans the whole summary)
  const everyProgramme = `programme_id = any(array(select id from programmes))`;
  // the period is a whole year: its year rows
  const ofPeriod = `${everyProgramme} and indicator_code = '' and grain = 'y' and bucket between $1 and $2`;
  await Promise.all([
    query(`select programme_id, sum(n)::int from agg_activities where ${ofPeriod} group by 1`, inPeriod),
    query(
      `select programme_id, sex, age_group, sum(n)::int from agg_participants where ${ofPeriod} group by 1, 2, 3`,
      inPeriod,
    ),
    query(
      `select pp.programme_id, pp.organisation_id from programme_participants pp where pp.role = 'recipient'
          and not exists (select 1 from agg_activities a where a.programme_id = pp.programme_id
                             and a.organisation_id = pp.organisation_id and a.indicator_code = ''
                             and a.grain = 'y' and a.bucket between $1 and $2 and a.n > 0)`,
      inPeriod,
    ),
    query(
      `select sex, age_group, sum(n)::int from agg_participants where ${ofPeriod} group by 1, 2`,
      inPeriod,
    ),
    query(
      `select to_char(bucket, 'YYYY-MM'), sum(n)::int, (sum(n) filter (where sex = 'female'))::int from agg_participants
        where ${everyProgramme} and indicator_code = '' and grain = 'm'
          and bucket between $1::date - interval '2 years' and $2 group by 1`,
      inPeriod,
    ),
    query(
      `select to_char(bucket, 'YYYY-MM'), sum(n)::int from agg_activities
        where ${everyProgramme} and indicator_code = '' and grain = 'm'
          and bucket between $1::date - interval '2 years' and $2 group by 1`,
      inPeriod,
    ),
    // the quarters that have activities, for the period picker
    query(
      `select extract(year from bucket)::int, extract(quarter from bucket)::int, sum(n)::int from agg_activities
        where ${everyProgramme} and indicator_code = '' and grain = 'm' group by 1, 2`,
      [],
    ),
    query(
      `select cercle, sum(activities)::int, sum(participants)::int from agg_cercles
        where ${everyProgramme} and grain = 'y' and bucket between $1 and $2 group by 1`,
      inPeriod,
    ),
    // the three computed indicators of every programme (`computedIndicators`), one statement each
    query(
      `select programme_id, sex, age_group, sum(n)::int from agg_participants
        where ${everyProgramme} and indicator_code = '1.2.2' and grain = 'y' and bucket between $1 and $2
        group by 1, 2, 3`,
      inPeriod,
    ),
    query(
      `select programme_id, sum(n)::int from agg_activities
        where ${everyProgramme} and indicator_code = '1.3.2' and grain = 'y' and bucket between $1 and $2
        group by 1`,
      inPeriod,
    ),
    query(
      `select x.programme_id, count(distinct case when ar.level = 'cercle' then ar.code
                                                  when ar.level = 'commune' then ar.cercle_code end)::int
         from agg_places x join admin_areas ar on ar.code = x.area_code
        where x.${everyProgramme} and x.indicator_code = '' and x.grain = 'y' and x.bucket between $1 and $2
        group by 1`,
      inPeriod,
    ),
    // every framework in force: the latest version already effective of each programme (a design that keeps
    // them in memory, as Jalon's read cache does, reads them only after a framework changed)
    frameworks &&
      query(
        `with v as (select distinct on (programme_id) id from framework_versions
                   where effective_date <= $1 order by programme_id, effective_date desc, version desc)
       select i.id, i.framework_version_id, i.code, i.title_fr, i.measure, i.direction, i.cumulative, i.baseline
         from indicators i join v on v.id = i.framework_version_id`,
        [PERIOD.to],
      ),
    frameworks &&
      query(
        `with v as (select distinct on (programme_id) id from framework_versions
                   where effective_date <= $1 order by programme_id, effective_date desc, version desc)
       select t.indicator_id, t.kind, t.year, t.date, t.value, t.numeric_value
         from indicator_targets t join indicators i on i.id = t.indicator_id join v on v.id = i.framework_version_id`,
        [PERIOD.to],
      ),
    query(
      `select indicator_id, value, numeric_value, provenance from indicator_values
        where period_end between $1 and $2`,
      inPeriod,
    ),
  ]);
}

/**
 * Three indicators of every programme computed from its activities, as a coordinator sets them (the service of
 * `PUT /indicators/:id/rule`): the participants of the activities linked to 1.2.2, the activities linked to 1.3.2,
 * the cercles of all its activities for 4.2.2 — so that each programme's values of record compute, as a real
 * portfolio's do.
 */
async function computedIndicators(
  database: Awaited<ReturnType<typeof openBenchEngine>>['database'],
  query: Query,
) {
  const rules: Record<string, IndicatorRuleInput> = {
    '1.2.2': { kind: 'sum_participants' },
    '1.3.2': { kind: 'count_activities' },
    '4.2.2': { kind: 'count_places', scope: 'programme', placeLevel: 'cercle' },
  };
  const indicators = await query(
    `select distinct on (v.programme_id, i.code) i.id, i.code from indicators i
       join framework_versions v on v.id = i.framework_version_id
      where i.code = any($1::text[]) order by v.programme_id, i.code, v.effective_date desc, v.version desc`,
    [Object.keys(rules)],
  );
  if (indicators.length < 3 * PROGRAMMES) throw new Error(`only ${indicators.length} indicators to compute`);
  const ctx = operatorContext(database.db);
  for (const i of indicators)
    await setRule(ctx, i.id as string, { rule: indicatorRule.parse(rules[i.code as string]) });
}

/** A bare node:http server answering every request with the same bytes (the kept answers' limit). */
async function bareServer(body: Buffer) {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: originOf(server.address()), close: () => new Promise((r) => server.close(r)) };
}

const decoded = async (origin: string, path: string) => {
  const response = await fetch(`${origin}${path}`);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  await response.json();
};

export async function portfolioDashboardBench(engine: Engine): Promise<BenchResult[]> {
  const { database, query, close } = await openBenchEngine(engine);
  try {
    await fillPortfolio(database);
    await computedIndicators(database, query);
    const [field] = await query('select id from programmes where slug = $1', [benchSlug(0)]);
    await fillField(query, field!.id as string, ACTIVITIES);
    await database.db.execute(sql`analyze`);
    const portfolioPath = `/api/v1/dashboard?${QUERY}`;
    const programmePath = `/api/v1/programmes/${benchSlug(0)}/dashboard?${QUERY}`;

    const computing = await buildApp({ db: database.db });
    await computing.listen({ port: 0, host: '127.0.0.1' });
    const computed = await measure('portfolio dashboard (100 programmes), computed, HTTP', RUNS, () =>
      decoded(originOf(computing.server.address()), portfolioPath),
    );
    await computing.close();
    const raw = await measure('hand-made reads of the same figures', RUNS, () =>
      rawPortfolioDashboard(query),
    );

    const keeping = await buildApp({ db: database.db, changes: database });
    await keeping.listen({ port: 0, host: '127.0.0.1' });
    const origin = originOf(keeping.server.address());
    const kept: BenchResult[] = [];
    try {
      // an activity recorded between two visits: the answer is dropped and computed again, the frameworks
      // recalled from memory (db/remembered.ts); the activity is written by SQL, its notification awaited
      const afterWrite: number[] = [];
      const recalled = keeping.readCache.counts.recalled;
      let peak = process.memoryUsage().rss;
      for (let i = 0; i < RUNS + 5; i++) {
        await decoded(origin, portfolioPath);
        const dropped = keeping.readCache.counts.dropped;
        await query(
          `insert into activities (programme_id, kind, title_fr, start_date, organisation_id)
           select $1, 'meeting', 'Réunion de suivi n° ' || $2, '2025-06-01', id from organisations where code = 'UNDP'`,
          [field!.id, i],
        );
        while (keeping.readCache.counts.dropped === dropped) await new Promise((r) => setImmediate(r));
        const start = performance.now();
        await decoded(origin, portfolioPath);
        if (i >= 5) afterWrite.push(performance.now() - start); // the first five warm up
        peak = Math.max(peak, process.memoryUsage().rss);
      }
      if (keeping.readCache.counts.recalled - recalled < RUNS)
        throw new Error('the frameworks were not recalled from memory');
      const rawAfterWrite = await measure('hand-made reads of the same figures, frameworks kept', RUNS, () =>
        rawPortfolioDashboard(query, { frameworks: false }),
      );
      kept.push({
        ...timingOf(
          'portfolio dashboard (100 programmes), after an activity, HTTP',
          afterWrite,
          peak / 2 ** 20,
        ),
        baseline: rawAfterWrite,
        goalMs: engine === 'pglite' ? 1500 : 500,
        note: 'computed again, the frameworks recalled from memory; the limit keeps them too',
      });
      for (const [name, path] of [
        ['portfolio dashboard (100 programmes), kept, HTTP', portfolioPath],
        ['programme dashboard, kept, HTTP', programmePath],
      ] as const) {
        const body = Buffer.from(await (await fetch(`${origin}${path}`)).arrayBuffer());
        const bare = await bareServer(body);
        try {
          const jalon = await measure(name, RUNS * 10, () => decoded(origin, path));
          const limit = await measure('bare node:http, the same bytes', RUNS * 10, () =>
            decoded(bare.origin, path),
          );
          kept.push({ ...jalon, baseline: limit, goalMs: 20, note: `${Math.round(body.length / 1024)} KB` });
        } finally {
          await bare.close();
        }
      }
    } finally {
      await keeping.close();
    }
    return [
      {
        ...computed,
        baseline: raw,
        goalMs: engine === 'pglite' ? 1500 : 500,
        note: `${ACTIVITIES} activities in one programme; the limit does not run the statuses' rules`,
      },
      ...kept,
    ];
  } finally {
    await close();
  }
}

await runIfMain(import.meta.url, portfolioDashboardBench);
