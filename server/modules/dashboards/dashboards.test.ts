/**
 * The dashboards of a programme and of the portfolio on a quarter of activities the test writes (the last of
 * 2023): indicators computed from the activities, participants by sex, age and category, agencies that
 * recorded nothing, the map by cercle, and the period shown by default before and after a programme's end.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityList } from '../../../core/contracts/activities.js';
import type { PortfolioDashboard, ProgrammeDashboard } from '../../../core/contracts/dashboards.js';
import type { IndicatorData } from '../../../core/contracts/indicator-data.js';
import type { Database } from '../../db/client.js';
import { testApp } from '../../test/api-client.js';
import { aFrameworkDocument, anActivity, aProgramme, type MadeProgramme } from '../../test/factories.js';
import { anIndicatorRule } from '../../test/indicator-rule-factories.js';
import { createTestDatabase, testEngines } from '../../test/test-database.js';

/**
 * A programme of 2023–2025 (UNDP, UN Women and UNFPA, which records nothing) whose 1.1.1 counts its activities
 * against 3 a year, and 1.2.1 sums their participants toward 3,000 at the end; four activities in the last
 * quarter of 2023: 31 + 25 + 30 + 0 participants, 25 of them of unknown sex.
 */
async function aQuarterOfActivities(database: Database): Promise<MadeProgramme> {
  const framework = aFrameworkDocument({ outcomes: 1, outputs: 2, effectiveDate: '2023-01-01' });
  const outputs = framework.outcomes[0]!.outputs!;
  outputs[0]!.indicators = [
    {
      code: '1.1.1',
      title: { fr: 'Nombre de réunions des comités locaux de paix' },
      unit: 'réunions',
      cumulative: false,
      targets: { '2023': '3', '2024': '3', '2025': '1' },
    },
  ];
  outputs[1]!.indicators = [
    {
      code: '1.2.1',
      title: { fr: 'Nombre de personnes touchées par les activités de cohésion sociale' },
      unit: 'personnes',
      cumulative: true,
      baseline: '0',
      endTarget: '3000',
    },
  ];
  const programme = await aProgramme(database, {
    startDate: '2023-01-01',
    firstTransferDate: '2023-01-15',
    endDate: '2025-12-31',
    recipients: [
      { organisation: 'UNDP', convening: true, approvedBudget: 900_000 },
      { organisation: 'UNWOMEN', approvedBudget: 600_000 },
      { organisation: 'UNFPA', approvedBudget: 300_000 },
    ],
    frameworks: [framework],
  });
  await anActivity(database, programme, {
    kind: 'sensitisation',
    startDate: '2023-10-12',
    organisation: 'UNWOMEN',
    places: [{ area: 'Diéma' }],
    participants: [
      { category: 'women_youth_associations', sex: 'female', ageGroup: 'age_18_35', count: 20 },
      { category: 'women_youth_associations', sex: 'female', ageGroup: 'under_18', count: 6 },
      { category: 'local_authorities', sex: 'male', ageGroup: 'age_36_plus', count: 5 },
    ],
  });
  await anActivity(database, programme, {
    kind: 'training',
    startDate: '2023-11-08',
    places: [{ area: 'Djenné' }],
    participants: [{ category: 'security_forces', sex: 'unknown', ageGroup: 'unknown', count: 25 }],
  });
  // 12 women and 18 men of the community, in Bandiagara
  await anActivity(database, programme, { startDate: '2023-12-05' });
  await anActivity(database, programme, {
    kind: 'meeting',
    startDate: '2023-12-14',
    places: [{ area: 'Nara' }],
    participants: [],
  });
  const ids = programme.indicators;
  await anIndicatorRule(database, ids.get('1.1.1')!, { kind: 'count_activities', scope: 'programme' });
  await anIndicatorRule(database, ids.get('1.2.1')!, { kind: 'sum_participants', scope: 'programme' });
  return programme;
}

describe.each(testEngines)('dashboards on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let slug: string;
  let ended: MadeProgramme;
  let dashboard: ProgrammeDashboard;
  const indicatorId = (code: string) => dashboard.indicators.find((i) => i.code === code)!.id;
  const data = async (code: string, query = 'from=2023-10-01&to=2023-12-31'): Promise<IndicatorData> =>
    (await app.inject({ url: `/api/v1/indicators/${indicatorId(code)}/data?${query}` })).json();
  const list = async (query: string): Promise<ActivityList> =>
    (await app.inject({ url: `/api/v1/programmes/${slug}/activities?limit=500&${query}` })).json();

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    ({ slug } = await aQuarterOfActivities(database));
    // a programme that ended in 2022, without activities
    ended = await aProgramme(database, {
      startDate: '2021-01-01',
      firstTransferDate: '2021-01-15',
      endDate: '2022-06-30',
      framework: { effectiveDate: '2021-01-01' },
    });
    app = await testApp(database);
    dashboard = (await app.inject({ url: `/api/v1/programmes/${slug}/dashboard?period=2023-Q4` })).json();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lists the activities it counts', async () => {
    const all = await list('from=2023-10-01&to=2023-12-31');
    expect(all.total).toBe(dashboard.activities);
    expect(dashboard.activities).toBe(4);
  });

  it('counts the activities and sums their participants by sex for the indicators with a rule', async () => {
    const count = await data('1.1.1');
    expect(count.computed?.value).toBe(4);
    expect(count.computed?.contributions).toHaveLength(4);
    expect(count.actual).toMatchObject({ value: 4, source: 'computed' });
    const people = await data('1.2.1');
    expect(people.computed?.totals).toMatchObject({
      total: 86,
      bySex: { female: 38, male: 23, unknown: 25 },
    });
    // the 25 of the training were not counted by sex: the unknown is said, not guessed
    expect(people.computed?.notes.join(' ')).toMatch(/25 participant\(s\) de sexe non renseigné/);
    const s = await list('from=2023-10-01&to=2023-12-31&kind=sensitisation&organisation=UNWOMEN');
    expect(s.totals.total).toBe(31);
  });

  it('shows the quarter: activities, participants by sex, age and category, agencies, months', () => {
    expect(dashboard.period).toMatchObject({ from: '2023-10-01', to: '2023-12-31', label: '2023-Q4' });
    const p = dashboard.participants;
    expect(p.total).toBe(31 + 25 + 30);
    expect(p.bySex.female).toBe(26 + 12);
    expect(p.bySex.unknown).toBe(25);
    expect(dashboard.bySexAge.find((c) => c.sex === 'female' && c.ageGroup === 'under_18')?.count).toBe(6);
    const of = (c: string) => dashboard.byCategory.find((x) => x.category === c)!;
    expect(of('women_youth_associations')).toMatchObject({ total: 26, female: 26 });
    expect(of('local_authorities')).toMatchObject({ total: 5, female: 0 });
    expect(of('community_members')).toMatchObject({ total: 30, female: 12 });
    expect(dashboard.completeness.map((c) => [c.organisation.code, c.activities > 0])).toEqual([
      ['UNDP', true],
      ['UNWOMEN', true],
      ['UNFPA', false],
    ]);
    expect(
      dashboard.overTime.filter((m) => m.month >= '2023-10').map((m) => [m.month, m.activities]),
    ).toEqual([
      ['2023-10', 1],
      ['2023-11', 1],
      ['2023-12', 2],
    ]);
    expect(dashboard.overTime.reduce((s, m) => s + m.activities, 0)).toBe(dashboard.activities);
    expect(dashboard.quarters).toEqual([{ quarter: '2023-Q4', activities: dashboard.activities }]);
  });

  it('computes progress for the indicators with a rule, and keeps the others’ latest value', () => {
    const row = dashboard.indicators.find((i) => i.code === '1.2.1')!;
    expect(row).toMatchObject({ source: 'computed', actualText: '86 dont 38 femmes' });
    // the clock of the tests (2026-11-26) is after the programme's end: a final verdict, never "late"
    expect(row.progress).toMatchObject({ target: 3000, endTarget: 3000, actual: 86, status: 'not_achieved' });
    expect(row.progress.basis).toMatchObject({ mode: 'trajectory', target: { kind: 'end' }, closed: true });
    // on the way from 0 to 3,000 over the programme's 1,095 days, 364 of them gone by the quarter's end
    expect(row.progress.expected).toBeCloseTo((3000 * 364) / 1095, 0);
    const counted = Object.values(dashboard.statusCounts).reduce((s, n) => s + n, 0);
    expect(counted).toBe(dashboard.indicators.length);
  });

  it('computes the same values in the database (dashboard) as activity by activity (indicator page)', async () => {
    const computed = dashboard.indicators.filter((i) => i.source === 'computed');
    expect(computed.map((i) => i.code)).toEqual(['1.1.1', '1.2.1']);
    for (const row of computed) {
      const d = await data(row.code, 'to=2023-12-31');
      expect(row.progress.actual, row.code).toBe(d.computed!.value);
      expect(row.actualText, row.code).toBe(d.actual!.text);
    }
  });

  it('places activities and participants on the map by cercle', () => {
    const cercle = (code: string) => dashboard.map.areas.find((a) => a.area.code === code);
    expect(cercle('ML-5.DJENNE')).toMatchObject({ activities: 1, participants: 25 });
    expect(cercle('ML-1.DIEMA')).toMatchObject({ activities: 1, participants: 31 });
    // the meeting in Nara counted no one
    expect(cercle('ML-2.NARA')).toMatchObject({ activities: 1, participants: 0 });
    const placed = dashboard.map.areas.reduce((s, a) => s + a.participants, 0);
    expect(placed + dashboard.map.unplaced.participants).toBe(dashboard.participants.total);
  });

  it('shows on the map the same figures per cercle as the activities list of that cercle', async () => {
    const orphans = dashboard.map.areas.filter((a) => a.participants > 0 && a.activities === 0);
    expect(orphans.map((a) => `${a.area.name} ${a.participants}/${a.activities}`)).toEqual([]);
    const anywhere = new Set<string>();
    for (const a of dashboard.map.areas) {
      const listed = await list(`from=2023-10-01&to=2023-12-31&area=${encodeURIComponent(a.area.code)}`);
      expect(listed.total, a.area.name).toBe(a.activities);
      for (const item of listed.items) anywhere.add(item.id);
    }
    // every activity is on the map or said to be unplaced
    expect(anywhere.size + dashboard.map.unplaced.activities).toBe(dashboard.activities);
  });

  it('shows an ended programme to date by default, and says so; its agencies and indicators are not late', async () => {
    const d: ProgrammeDashboard = (await app.inject({ url: `/api/v1/programmes/${slug}/dashboard` })).json();
    expect(d.period).toMatchObject({
      from: '2023-01-15',
      to: '2025-12-31',
      chosenByDefault: true,
      basis: 'programme_to_date',
    });
    expect(d.programme).toMatchObject({ ended: true, endDate: '2025-12-31' });
    expect(d.statusCounts).toMatchObject({ on_track: 0, at_risk: 0, off_track: 0 });
    const empty: ProgrammeDashboard = (
      await app.inject({ url: `/api/v1/programmes/${ended.slug}/dashboard` })
    ).json();
    expect(empty.period).toMatchObject({ chosenByDefault: true, basis: 'programme_to_date' });
    expect(empty.activities).toBe(0);
    expect(empty.statusCounts.off_track).toBe(0);
    const bad = await app.inject({ url: `/api/v1/programmes/${slug}/dashboard?period=2023-Q5` });
    expect(bad.statusCode).toBe(400);
    const all: ProgrammeDashboard = (
      await app.inject({ url: `/api/v1/programmes/${slug}/dashboard?period=all` })
    ).json();
    expect(all.period).toMatchObject({ basis: 'chosen', from: d.period.from, to: '2025-12-31' });
  });

  it('measures a count per year against its year, and a running total against the end target', () => {
    const row = (code: string) => dashboard.indicators.find((i) => i.code === code)!.progress;
    // 1.1.1: 3 meetings a year; the framework's last cell (1, in 2025) is not 2023's target
    expect(row('1.1.1')).toMatchObject({ target: 3, targetDate: '2023-12-31' });
    expect(row('1.1.1').basis.target).toMatchObject({ kind: 'annual', year: 2023 });
    expect(row('1.2.1')).toMatchObject({ target: 3000, endTarget: 3000 });
    for (const i of dashboard.indicators) {
      const p = i.progress;
      if (p.expected === null || p.target === null || p.baseline === null) continue;
      if (p.direction === 'increase') expect(p.expected, i.code).toBeLessThanOrEqual(p.target);
      if (p.direction === 'decrease') expect(p.expected, i.code).toBeGreaterThanOrEqual(p.target);
    }
  });

  it('never tags a percentage cumulative', async () => {
    const framework = (await app.inject({ url: `/api/v1/programmes/${slug}/framework` })).json() as {
      outcomes: {
        indicators: { code: string; measure: string; cumulative: boolean }[];
        outputs: { indicators: { code: string; measure: string; cumulative: boolean }[] }[];
      }[];
    };
    const all = framework.outcomes.flatMap((o) => [
      ...o.indicators,
      ...o.outputs.flatMap((x) => x.indicators),
    ]);
    // 1.a goes from 35 % to 60 %
    const percents = all.filter((i) => i.measure === 'percent');
    expect(percents.map((i) => i.code)).toEqual(['1.a']);
    expect(percents.filter((i) => i.cumulative).map((i) => i.code)).toEqual([]);
  });

  it('counts in the portfolio the statuses each programme dashboard shows (one source)', async () => {
    for (const period of ['2023-Q4', '2022', '2024', '2025']) {
      const p: PortfolioDashboard = (await app.inject({ url: `/api/v1/dashboard?period=${period}` })).json();
      expect(p.programmes).toHaveLength(2);
      for (const x of p.programmes) {
        const one: ProgrammeDashboard = (
          await app.inject({ url: `/api/v1/programmes/${x.slug}/dashboard?period=${period}` })
        ).json();
        expect(x.statusCounts, `${x.code} ${period}`).toEqual(one.statusCounts);
        expect(Object.values(x.statusCounts).reduce((a, b) => a + b, 0)).toBe(one.indicators.length);
      }
    }
  });

  it('sums the portfolio and names the agencies that recorded nothing', async () => {
    const p: PortfolioDashboard = (await app.inject({ url: '/api/v1/dashboard?period=2023-Q4' })).json();
    expect(p.participants.total).toBe(dashboard.participants.total);
    const running = p.programmes.find((x) => x.slug === slug)!;
    expect(running.silent.map((o) => o.code)).toEqual(['UNFPA']);
    // the other programme ended in 2022: its agencies were not expected to record in 2023
    expect(p.programmes.find((x) => x.code === ended.code)!).toMatchObject({ ended: true, silent: [] });
    // by default, both programmes having ended, the portfolio to date
    const byDefault: PortfolioDashboard = (await app.inject({ url: '/api/v1/dashboard' })).json();
    expect(byDefault.period).toMatchObject({ chosenByDefault: true, basis: 'portfolio_to_date' });
    expect(byDefault.programmes.every((x) => x.ended && x.statusCounts.off_track === 0)).toBe(true);
  });
});

describe.each(testEngines)('the default period does not drift with new activities on %s', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let programme: MadeProgramme;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    programme = await aQuarterOfActivities(database);
    // a coordinator in December 2023, while the programme runs
    app = await testApp(database, { now: new Date('2023-12-15T12:00:00Z') });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('stays on the current reporting year after three activities dated February 2024 are recorded', async () => {
    const url = `/api/v1/programmes/${programme.slug}/dashboard`;
    const before: ProgrammeDashboard = (await app.inject({ url })).json();
    expect(before.period).toMatchObject({
      from: '2023-01-01',
      to: '2023-12-31',
      label: '2023',
      chosenByDefault: true,
      basis: 'current_year',
    });
    for (const day of ['05', '12', '19'])
      await anActivity(database, programme, { startDate: `2024-02-${day}`, output: null });
    const after: ProgrammeDashboard = (await app.inject({ url })).json();
    expect(after.period).toEqual(before.period);
    expect(after.activities).toBe(before.activities);
    expect(after.participants.total).toBe(before.participants.total);
    const portfolio: PortfolioDashboard = (await app.inject({ url: '/api/v1/dashboard' })).json();
    expect(portfolio.period).toMatchObject({ label: '2023', basis: 'current_year' });
    expect(portfolio.activities).toBe(before.activities);
    // while the programme runs, an indicator behind its pace (86 people of the ~900 expected) is late
    const row = after.indicators.find((i) => i.code === '1.2.1')!;
    expect(row.progress.status).toBe('off_track');
    expect(after.programme.ended).toBe(false);
  });
});
