/**
 * The demo's field data against seed 004 (PROSMED quarterly report, Q4 2023), read back through the
 * indicators computed from the activities and the live dashboards: a test about the demo data, so on the seed
 * (the dashboards' behaviour is tested on data of its own in modules/dashboards/dashboards.test.ts).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityList } from '../../../core/contracts/activities.js';
import type { PortfolioDashboard, ProgrammeDashboard } from '../../../core/contracts/dashboards.js';
import type { IndicatorData } from '../../../core/contracts/indicator-data.js';
import type { Database } from '../../db/client.js';
import { seedFieldData } from '../../seed/field/seed-field.js';
import { testApp } from '../../test/api-client.js';
import { anActivity } from '../../test/factories.js';
import { createTestDatabase, testEngines } from '../../test/test-database.js';

describe.each(testEngines)('field data and dashboards on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let dashboard: ProgrammeDashboard;
  const indicatorId = (code: string) => dashboard.indicators.find((i) => i.code === code)!.id;
  const data = async (code: string, query = 'from=2023-10-01&to=2023-12-31'): Promise<IndicatorData> =>
    (await app.inject({ url: `/api/v1/indicators/${indicatorId(code)}/data?${query}` })).json();
  const list = async (query: string): Promise<ActivityList> =>
    (await app.inject({ url: `/api/v1/programmes/prosmed/activities?limit=500&${query}` })).json();

  beforeAll(async () => {
    database = await createTestDatabase(engine, { seed: true });
    app = await testApp(database);
    dashboard = (await app.inject({ url: '/api/v1/programmes/prosmed/dashboard?period=2023-Q4' })).json();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('seeds once: a second seeding adds nothing', async () => {
    expect(await seedFieldData(database.db)).toEqual({ activities: 0 });
    const all = await list('from=2023-10-01&to=2023-12-31');
    expect(all.total).toBe(dashboard.activities);
  });

  it('counts 8 peace infrastructures, as the report says', async () => {
    const d = await data('1.2.3');
    expect(d.computed?.value).toBe(8);
    expect(d.computed?.contributions).toHaveLength(6);
    expect(d.actual).toMatchObject({ value: 8, source: 'computed' });
  });

  it('finds 872 people of whom 556 women in the land sensitisations, by category', async () => {
    const d = await data('1.3.2');
    expect(d.computed?.totals).toMatchObject({ total: 872, bySex: { female: 556, male: 316, unknown: 0 } });
    const s = await list('from=2023-10-01&to=2023-12-31&kind=sensitisation&organisation=UNWOMEN');
    expect(s.totals.total).toBe(872);
    const categories = dashboard.byCategory;
    const of = (c: string) => categories.find((x) => x.category === c)!;
    expect(of('local_authorities')).toMatchObject({ total: 31 + 0, female: 0 });
    expect(of('women_youth_associations')).toMatchObject({ total: 589, female: 402 });
    expect(of('community_members').female).toBeGreaterThanOrEqual(154);
  });

  it('finds 25 judicial police officers, 41 magistrates (1 woman), 14 security infrastructures', async () => {
    expect((await data('2.1.3')).computed?.value).toBe(25);
    const justice = await data('2.2.3');
    expect(justice.computed?.totals).toMatchObject({ total: 41, bySex: { female: 1 } });
    expect((await data('2.1.2')).computed?.value).toBe(14);
    // the 25 officers were not counted by sex: the unknown is said, not guessed
    expect((await data('2.1.3')).computed?.notes.join(' ')).toMatch(
      /25 participant\(s\) de sexe non renseigné/,
    );
  });

  it('finds 272 pupils of whom 110 girls in the contest, 83 (22 women) religious actors, 207 in dialogues', async () => {
    const contest = await list('from=2023-10-01&to=2023-12-31&kind=event&indicator=4.3.1');
    expect(contest.totals).toMatchObject({ total: 272, bySex: { female: 110 } });
    const religious = await data('4.2.1');
    expect(religious.computed?.totals).toMatchObject({ total: 83, bySex: { female: 22 } });
    const dialogues = await data('4.2.2');
    expect(dialogues.computed?.totals?.total).toBe(207);
    expect(Math.round((dialogues.computed!.totals!.bySex.female / 207) * 100)).toBe(33);
    expect(Math.round((dialogues.computed!.totals!.byAge.age_18_35 / 207) * 100)).toBe(66);
    // 4.3.1 counts the young: 272 contestants and 225 madrasa pupils, all under 18
    expect((await data('4.3.1')).computed?.value).toBe(272 + 225);
  });

  it('lists 27 activities of the security advisory committees', async () => {
    const ccs = await list('from=2023-10-01&to=2023-12-31&indicator=2.3.2');
    expect(ccs.total).toBe(27);
  });

  it('shows the quarter: activities, participants by sex and age, places, agencies, months', () => {
    expect(dashboard.period).toMatchObject({ from: '2023-10-01', to: '2023-12-31', label: '2023-Q4' });
    expect(dashboard.activities).toBe(6 + 2 + 5 + 5 + 27 + 3 + 8 + 5 + 5 + 1 + 1);
    const p = dashboard.participants;
    expect(p.total).toBe(26 + 872 + 25 + 18 + 23 + 20 + 30 + 140 + 83 + 207 + 272 + 225);
    expect(p.bySex.female).toBe(5 + 556 + 1 + 22 + 68 + 110 + 83);
    expect(p.bySex.unknown).toBe(25 + 20 + 30 + 140);
    expect(dashboard.bySexAge.find((c) => c.sex === 'female' && c.ageGroup === 'under_18')?.count).toBe(
      110 + 83,
    );
    expect(dashboard.completeness.map((c) => [c.organisation.code, c.activities > 0])).toEqual([
      ['UNDP', true],
      ['UNWOMEN', true],
      ['MINUSMA', false],
      ['UNODC', true],
    ]);
    expect(dashboard.overTime.filter((m) => m.month >= '2023-10').map((m) => m.month)).toEqual([
      '2023-10',
      '2023-11',
      '2023-12',
    ]);
    expect(dashboard.overTime.reduce((s, m) => s + m.activities, 0)).toBe(dashboard.activities);
    expect(dashboard.quarters).toEqual([{ quarter: '2023-Q4', activities: dashboard.activities }]);
  });

  it('computes progress for the indicators with a rule, and keeps the others’ latest value', () => {
    const row = dashboard.indicators.find((i) => i.code === '1.2.3')!;
    expect(row).toMatchObject({ source: 'computed', actualText: '8' });
    // the clock of the tests (2026-11-26) is after PROSMED's end: a final verdict, never "late"
    expect(row.progress).toMatchObject({ target: 233, endTarget: 233, actual: 8, status: 'not_achieved' });
    expect(row.progress.basis).toMatchObject({ mode: 'trajectory', target: { kind: 'end' }, closed: true });
    expect(row.progress.expected).toBeCloseTo(129, 0);
    const counted = Object.values(dashboard.statusCounts).reduce((s, n) => s + n, 0);
    expect(counted).toBe(dashboard.indicators.length);
  });

  it('computes the same values in the database (dashboard) as activity by activity (indicator page)', async () => {
    const computed = dashboard.indicators.filter((i) => i.source === 'computed');
    expect(computed.length).toBe(10);
    for (const row of computed) {
      const d = await data(row.code, 'to=2023-12-31');
      expect(row.progress.actual, row.code).toBe(d.computed!.value);
      expect(row.actualText, row.code).toBe(d.actual!.text);
    }
  });

  it('places activities and participants on the map by cercle', async () => {
    const cercle = (code: string) => dashboard.map.areas.find((a) => a.area.code === code);
    // Mopti: the pastoral track (one activity in 3 communes), the OPJ training held there, 3 of the 27 CCS
    // — and the magistrates' training in Bamako, since 2 of its participants are counted in Mopti
    expect(cercle('ML-5.MOPTI')).toMatchObject({ activities: 5 + 1 });
    // participants are placed where they serve: 5 of the 25 officers, and 2 of the magistrates trained in
    // Bamako, are from Mopti
    expect(cercle('ML-5.MOPTI')!.participants).toBe(5 + 2);
    expect(cercle('ML-5.DJENNE')?.participants).toBeGreaterThanOrEqual(4);
    // the 27 CCS activities have no participants counted; Nara has its share of them
    expect(cercle('ML-2.NARA')!.activities).toBeGreaterThanOrEqual(3);
    const placed = dashboard.map.areas.reduce((s, a) => s + a.participants, 0);
    expect(placed + dashboard.map.unplaced.participants).toBe(dashboard.participants.total);
  });

  it('shows on the map the same figures per cercle as the activities list of that cercle', async () => {
    // no cercle has participants without an activity (Koro 6/0, Gao 1/0 before)
    const orphans = dashboard.map.areas.filter((a) => a.participants > 0 && a.activities === 0);
    expect(orphans.map((a) => `${a.area.name} ${a.participants}/${a.activities}`)).toEqual([]);
    for (const a of dashboard.map.areas) {
      const listed = await list(`from=2023-10-01&to=2023-12-31&area=${encodeURIComponent(a.area.code)}`);
      expect(listed.total, a.area.name).toBe(a.activities);
    }
    // every activity is on the map or said to be unplaced
    const anywhere = new Set<string>();
    for (const a of dashboard.map.areas) {
      const listed = await list(`from=2023-10-01&to=2023-12-31&area=${encodeURIComponent(a.area.code)}`);
      for (const item of listed.items) anywhere.add(item.id);
    }
    expect(anywhere.size + dashboard.map.unplaced.activities).toBe(dashboard.activities);
  });

  it('shows an ended programme to date by default, and says so; its agencies and indicators are not late', async () => {
    const d: ProgrammeDashboard = (await app.inject({ url: '/api/v1/programmes/prosmed/dashboard' })).json();
    expect(d.period).toMatchObject({
      from: '2021-07-01',
      to: '2025-12-31',
      chosenByDefault: true,
      basis: 'programme_to_date',
    });
    expect(d.programme).toMatchObject({ ended: true, endDate: '2025-12-31' });
    expect(d.activities).toBe(dashboard.activities);
    expect(d.statusCounts).toMatchObject({ on_track: 0, at_risk: 0, off_track: 0 });
    const empty: ProgrammeDashboard = (
      await app.inject({ url: '/api/v1/programmes/pbf-mli-a-1/dashboard' })
    ).json();
    expect(empty.period).toMatchObject({ chosenByDefault: true, basis: 'programme_to_date' });
    expect(empty.activities).toBe(0);
    expect(empty.statusCounts.off_track).toBe(0);
    const bad = await app.inject({ url: '/api/v1/programmes/prosmed/dashboard?period=2023-Q5' });
    expect(bad.statusCode).toBe(400);
    const all: ProgrammeDashboard = (
      await app.inject({ url: '/api/v1/programmes/prosmed/dashboard?period=all' })
    ).json();
    expect(all.period).toMatchObject({ basis: 'chosen', from: '2021-07-01', to: '2025-12-31' });
  });

  it('measures a count per year against its year, and a running total against the end target', () => {
    const row = (code: string) => dashboard.indicators.find((i) => i.code === code)!.progress;
    // 1.1.2: 3 meetings a year; the framework's last cell (1, the 2025 half-year) is not 2023's target
    expect(row('1.1.2')).toMatchObject({ target: 3, targetDate: '2023-12-31' });
    expect(row('1.1.2').basis.target).toMatchObject({ kind: 'annual', year: 2023 });
    // 1.2.1 runs to 233 communes at the end
    expect(row('1.2.1')).toMatchObject({ target: 233, endTarget: 233 });
    for (const i of dashboard.indicators) {
      const p = i.progress;
      if (p.expected === null || p.target === null || p.baseline === null) continue;
      if (p.direction === 'increase') expect(p.expected, i.code).toBeLessThanOrEqual(p.target);
      if (p.direction === 'decrease') expect(p.expected, i.code).toBeGreaterThanOrEqual(p.target);
    }
  });

  it('never tags a percentage cumulative (13 of PROSMED’s were)', async () => {
    const framework = (await app.inject({ url: '/api/v1/programmes/prosmed/framework' })).json() as {
      outcomes: {
        indicators: { code: string; measure: string; cumulative: boolean }[];
        outputs: { indicators: { code: string; measure: string; cumulative: boolean }[] }[];
      }[];
    };
    const all = framework.outcomes.flatMap((o) => [
      ...o.indicators,
      ...o.outputs.flatMap((x) => x.indicators),
    ]);
    const percents = all.filter((i) => i.measure === 'percent');
    expect(percents.length).toBeGreaterThanOrEqual(13);
    expect(percents.filter((i) => i.cumulative).map((i) => i.code)).toEqual([]);
  });

  it('sums the portfolio and names the agencies that recorded nothing', async () => {
    const p: PortfolioDashboard = (await app.inject({ url: '/api/v1/dashboard?period=2023-Q4' })).json();
    expect(p.participants.total).toBe(dashboard.participants.total);
    const prosmed = p.programmes.find((x) => x.code === 'PROSMED')!;
    expect(prosmed.silent.map((o) => o.code)).toEqual(['MINUSMA']);
    // PBF/MLI/A-1 ended in 2022: its agencies were not expected to record in 2023
    expect(p.programmes.find((x) => x.code === 'PBF/MLI/A-1')!).toMatchObject({ ended: true, silent: [] });
    // by default, every demo programme having ended, the portfolio to date
    const byDefault: PortfolioDashboard = (await app.inject({ url: '/api/v1/dashboard' })).json();
    expect(byDefault.period).toMatchObject({ chosenByDefault: true, basis: 'portfolio_to_date' });
    expect(byDefault.programmes.every((x) => x.ended && x.statusCounts.off_track === 0)).toBe(true);
  });
});

describe.each(testEngines)('the default period does not drift with new activities on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createTestDatabase(engine, { seed: true });
    // a coordinator in December 2023, while PROSMED runs
    app = await testApp(database, { now: new Date('2023-12-15T12:00:00Z') });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('stays on the current reporting year after three activities dated February 2024 are imported', async () => {
    const before: ProgrammeDashboard = (
      await app.inject({ url: '/api/v1/programmes/prosmed/dashboard' })
    ).json();
    expect(before.period).toMatchObject({
      from: '2023-01-01',
      to: '2023-12-31',
      label: '2023',
      chosenByDefault: true,
      basis: 'current_year',
    });
    const prosmed = {
      id: '',
      slug: 'prosmed',
      code: 'PROSMED',
      recipients: ['UNDP'],
      framework: null,
      indicators: new Map(),
    };
    for (const day of ['05', '12', '19'])
      await anActivity(database, prosmed, { startDate: `2024-02-${day}`, output: null });
    const after: ProgrammeDashboard = (
      await app.inject({ url: '/api/v1/programmes/prosmed/dashboard' })
    ).json();
    expect(after.period).toEqual(before.period);
    expect(after.activities).toBe(before.activities);
    expect(after.participants.total).toBe(before.participants.total);
    const portfolio: PortfolioDashboard = (await app.inject({ url: '/api/v1/dashboard' })).json();
    expect(portfolio.period).toMatchObject({ label: '2023', basis: 'current_year' });
    expect(portfolio.activities).toBe(before.activities);
    // while the programme runs, an indicator behind its pace is late
    const row = after.indicators.find((i) => i.code === '1.2.3')!;
    expect(row.progress.status).toBe('off_track');
    expect(after.programme.ended).toBe(false);
  });
});
