/**
 * The live summaries (docs/decisions/0026-live-aggregates.md) against the records, after random writes by every
 * path: activities created, edited and deleted through the service, imported in bulk (the import's writer),
 * and changed or deleted by plain SQL. After each sequence the summaries must equal their full recomputation
 * (`jalon_agg_rebuild()`), and the dashboards' figures read from them must equal the same figures computed
 * from the records, over random periods (whole months, partial ones, single days).
 */
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activityKinds,
  ageGroups,
  participantCategories,
  sexes,
  type ActivityCreate,
} from '../../../core/contracts/activities.js';
import type { Database } from '../../db/client.js';
import { insertActivities } from '../activities/activity-bulk.js';
import { checkActivity, programmeFacts } from '../activities/activity-check.js';
import {
  createActivity,
  deleteActivity,
  updateActivity,
  withDefaults,
} from '../activities/activities.service.js';
import { aProgramme, factoryContext, type MadeProgramme } from '../../test/factories.js';
import { AGENCIES, AREAS, day } from '../../test/activity-arbitraries.js';
import { createTestDatabase, testEngines } from '../../test/test-database.js';
import {
  activityCounts,
  byCercle,
  completeness,
  figuresByProgramme,
  participantsBySexAge,
} from './dashboards.queries.js';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
const SUMMARIES = [
  'agg_activity_facts',
  'agg_activities',
  'agg_participants',
  'agg_places',
  'agg_cercles',
  'agg_activity_cercles',
];

const participant = fc.record({
  category: fc.constantFrom(...participantCategories.slice(0, 4)),
  sex: fc.constantFrom(...sexes),
  ageGroup: fc.constantFrom(...ageGroups),
  count: fc.integer({ min: 0, max: 40 }),
  area: fc.option(fc.constantFrom(...AREAS.slice(1)), { nil: null }),
});
const uniqueParticipants = fc.uniqueArray(participant, {
  maxLength: 5,
  selector: (p) => `${p.category}|${p.sex}|${p.ageGroup}|${p.area}`,
});

const activity = (indicators: string[]) =>
  fc.record({
    kind: fc.constantFrom(...activityKinds.slice(0, 4)),
    startDate: day,
    organisation: fc.constantFrom(...AGENCIES),
    indicators: fc.subarray(indicators, { maxLength: 2 }),
    places: fc.subarray(AREAS, { maxLength: 3 }).map((areas) => areas.map((area) => ({ area, note: null }))),
    countBasis: fc.constantFrom('distinct' as const, 'attendance' as const),
    quantity: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
    participants: uniqueParticipants,
  });

type Draft = Omit<ActivityCreate, 'title'>;
const FIELDS = [
  'kind',
  'startDate',
  'organisation',
  'indicators',
  'places',
  'countBasis',
  'quantity',
  'participants',
] as const;
type Step =
  | { op: 'create'; activity: Draft }
  | { op: 'edit'; which: number; patch: Partial<Draft> }
  | { op: 'delete'; which: number }
  | { op: 'import'; activities: Draft[] }
  | { op: 'sql-move'; which: number; date: string; kind: string }
  | { op: 'sql-delete'; which: number };

const steps = (indicators: string[]) => {
  const a = activity(indicators);
  const which = fc.nat(50);
  return fc.array(
    fc.oneof(
      { weight: 3, arbitrary: a.map((activity): Step => ({ op: 'create', activity })) },
      {
        weight: 3,
        arbitrary: fc
          .record({ which, full: a, keys: fc.subarray([...FIELDS], { minLength: 1 }) })
          .map(({ which, full, keys }): Step => ({
            op: 'edit',
            which,
            patch: Object.fromEntries(keys.map((k) => [k, full[k]])) as Partial<Draft>,
          })),
      },
      { weight: 1, arbitrary: which.map((which): Step => ({ op: 'delete', which })) },
      {
        weight: 1,
        arbitrary: fc
          .array(a, { minLength: 1, maxLength: 4 })
          .map((activities): Step => ({ op: 'import', activities })),
      },
      {
        weight: 1,
        arbitrary: fc
          .record({ which, date: day, kind: fc.constantFrom(...activityKinds.slice(0, 4)) })
          .map((x): Step => ({ op: 'sql-move', ...x })),
      },
      { weight: 1, arbitrary: which.map((which): Step => ({ op: 'sql-delete', which })) },
    ),
    { minLength: 1, maxLength: 8 },
  );
};

const period = fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));

describe.each(testEngines)('live aggregates on %s', (engine) => {
  let database: Database;
  let programme: MadeProgramme;

  beforeAll(async () => {
    database = await createTestDatabase(engine, { seed: false });
    programme = await aProgramme(database, {
      recipients: [
        { organisation: 'UNDP', convening: true, approvedBudget: 500_000 },
        { organisation: 'UNWOMEN', approvedBudget: 500_000 },
        { organisation: 'UNFPA', approvedBudget: 500_000 },
      ],
      endDate: '2026-12-31',
      framework: { outcomes: 1, outputs: 2, indicators: 2 },
    });
  });
  afterAll(async () => {
    await database.close();
  });

  const ids = async () =>
    rowsOf<{ id: string; version: number }>(
      await database.db.execute(
        sql`select id, version from activities where programme_id = ${programme.id} order by created_at, id`,
      ),
    );

  async function apply(step: Step) {
    const ctx = factoryContext(database);
    const title = { fr: 'Activité' };
    const existing = await ids();
    const pick = (which: number) => existing[which % Math.max(existing.length, 1)];
    if (step.op === 'create') await createActivity(ctx, programme.slug, { ...step.activity, title });
    else if (step.op === 'edit') {
      const target = pick(step.which);
      if (target) await updateActivity(ctx, target.id, { ...step.patch, version: target.version });
    } else if (step.op === 'delete') {
      const target = pick(step.which);
      if (target) await deleteActivity(ctx, target.id);
    } else if (step.op === 'import') {
      const facts = await programmeFacts(database.db, programme.slug);
      const items = step.activities.map((a) => {
        const checked = checkActivity(facts, withDefaults({ ...a, title }, null), 'fr');
        if (!checked.activity) throw new Error(JSON.stringify(checked.issues));
        return { activity: checked.activity };
      });
      await database.db.transaction((tx) => insertActivities(tx, programme.id, items, { kind: 'imported' }));
    } else if (step.op === 'sql-move') {
      const target = pick(step.which);
      if (target)
        await database.db.execute(
          sql`update activities set start_date = ${step.date}, kind = ${step.kind}::activity_kind where id = ${target.id}`,
        );
    } else {
      const target = pick(step.which);
      if (target) await database.db.execute(sql`delete from activities where id = ${target.id}`);
    }
  }

  const snapshot = async () => {
    const out: Record<string, string[]> = {};
    for (const table of SUMMARIES)
      out[table] = rowsOf<{ j: string }>(
        await database.db.execute(sql.raw(`select to_jsonb(x)::text as j from ${table} x`)),
      )
        .map((r) => r.j)
        .sort();
    return out;
  };

  /** The figures the dashboards show, computed from the records as the dashboards computed them before. */
  async function fromRecords(scope: { programmeId: string; from: string; to: string }) {
    const { programmeId: p, from, to } = scope;
    const [counts] = rowsOf<{ activities: number; places: number }>(
      await database.db.execute(sql`
        select (select count(*)::int from activities a
                 where a.programme_id = ${p} and a.start_date between ${from} and ${to}) as activities,
               (select count(distinct coalesce(case when ar.level = 'cercle' then ar.code end, ar.cercle_code, ar.code))::int
                  from activity_places ap join admin_areas ar on ar.code = ap.area_code
                  join activities b on b.id = ap.activity_id
                 where b.programme_id = ${p} and b.start_date between ${from} and ${to}) as places`),
    );
    const sexAge = rowsOf<{ sex: string; age_group: string; n: number }>(
      await database.db.execute(sql`
        select sex, age_group, sum(count)::int as n from activity_participants
         where programme_id = ${p} and activity_date between ${from} and ${to} group by 1, 2`),
    ).map((r) => ({ sex: r.sex, ageGroup: r.age_group, n: Number(r.n) }));
    const cercles = rowsOf<{
      cercle: string | null;
      activities: number;
      participants: number;
      female: number;
    }>(
      await database.db.execute(sql`
        with acts as (select a.id from activities a
                       where a.programme_id = ${p} and a.start_date between ${from} and ${to}),
        parts as (select p.activity_id, p.cercle_code as cercle, sum(p.count) as n,
                         coalesce(sum(p.count) filter (where p.sex = 'female'), 0) as female
                    from activity_participants p
                   where p.programme_id = ${p} and p.activity_date between ${from} and ${to} group by 1, 2),
        places as (select distinct ap.activity_id, case when ar.level = 'cercle' then ar.code else ar.cercle_code end as cercle
                     from activity_places ap join admin_areas ar on ar.code = ap.area_code
                    where ap.activity_id in (select id from acts)),
        pairs as (select activity_id, cercle, 0 as n, 0 as female from places where cercle is not null
                  union all select activity_id, cercle, n, female from parts)
        select cercle, count(distinct activity_id)::int as activities, sum(n)::int as participants, sum(female)::int as female
          from pairs where cercle is not null group by cercle
        union all
        select null, (select count(*) from acts where id not in (select activity_id from pairs where cercle is not null))::int,
               coalesce((select sum(n) from parts where cercle is null), 0)::int, 0`),
    );
    const agencies = rowsOf<{ organisation_id: string; activities: number; last_date: string | null }>(
      await database.db.execute(sql`
        select pp.organisation_id,
               (select count(*)::int from activities a where a.programme_id = ${p} and a.organisation_id = pp.organisation_id
                   and a.start_date between ${from} and ${to}) as activities,
               (select max(a.start_date)::text from activities a where a.programme_id = ${p}
                   and a.organisation_id = pp.organisation_id and a.start_date <= ${to}) as last_date
          from programme_participants pp where pp.programme_id = ${p} and pp.role = 'recipient' order by pp.sort`),
    );
    return { counts, sexAge, cercles, agencies };
  }

  async function fromSummaries(scope: { programmeId: string; from: string; to: string }) {
    const [counts, sexAge, map, agencies, portfolio] = await Promise.all([
      activityCounts(database.db, scope),
      participantsBySexAge(database.db, scope),
      byCercle(database.db, scope),
      completeness(database.db, scope),
      figuresByProgramme(database.db, scope),
    ]);
    // the portfolio dashboard's reading of every programme at once, for this programme
    const ofProgramme = {
      activities: portfolio.activities.get(scope.programmeId) ?? 0,
      sexAge: portfolio.sexAge.get(scope.programmeId) ?? [],
      silentIds: portfolio.silentIds.get(scope.programmeId) ?? [],
    };
    return { counts, sexAge, map, agencies, ofProgramme };
  }

  it('keeps the summaries equal to their recomputation, and the figures to those of the records', async () => {
    const indicators = [...programme.indicators.keys()];
    await fc.assert(
      fc.asyncProperty(
        steps(indicators),
        fc.array(period, { minLength: 3, maxLength: 3 }),
        async (plan, periods) => {
          await database.db.execute(sql`delete from activities where programme_id = ${programme.id}`);
          for (const step of plan) await apply(step);

          const live = await snapshot();
          await database.db.execute(sql`select jalon_agg_rebuild()`);
          expect(live).toEqual(await snapshot());

          for (const p of [...periods, { from: '2025-01-01', to: '2026-12-31' }]) {
            const scope = { programmeId: programme.id, ...p };
            const records = await fromRecords(scope);
            const summaries = await fromSummaries(scope);
            expect(summaries.counts).toEqual(records.counts);
            const bySexAge = (rows: { sex: string; ageGroup: string; n: number }[]) =>
              rows
                .filter((r) => r.n !== 0)
                .map((r) => `${r.sex}|${r.ageGroup}|${r.n}`)
                .sort();
            expect(bySexAge(summaries.sexAge)).toEqual(bySexAge(records.sexAge));
            expect(summaries.ofProgramme.activities).toBe(records.counts?.activities);
            expect(bySexAge(summaries.ofProgramme.sexAge)).toEqual(bySexAge(records.sexAge));
            expect(summaries.ofProgramme.silentIds).toEqual(
              records.agencies.filter((a) => Number(a.activities) === 0).map((a) => a.organisation_id),
            );
            const areas = records.cercles.filter((c) => c.cercle !== null);
            const unplaced = records.cercles.find((c) => c.cercle === null)!;
            expect(summaries.map.areas.sort((a, b) => a.code.localeCompare(b.code))).toEqual(
              areas
                .map((c) => ({
                  code: c.cercle!,
                  activities: Number(c.activities),
                  participants: Number(c.participants),
                  female: Number(c.female),
                }))
                .sort((a, b) => a.code.localeCompare(b.code)),
            );
            expect(summaries.map.unplaced).toEqual({
              activities: Number(unplaced.activities),
              participants: Number(unplaced.participants),
            });
            expect(summaries.agencies.map((a) => [a.organisationId, a.activities, a.lastDate])).toEqual(
              records.agencies.map((a) => [a.organisation_id, Number(a.activities), a.last_date]),
            );
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it('reads a period from its whole years, whole months and edge days alike', async () => {
    await database.db.execute(sql`delete from activities where programme_id = ${programme.id}`);
    const ctx = factoryContext(database);
    for (const startDate of [
      '2024-12-31',
      '2025-01-31',
      '2025-02-01',
      '2025-02-15',
      '2025-02-28',
      '2025-03-01',
      '2026-01-01',
    ])
      await createActivity(ctx, programme.slug, {
        kind: 'training',
        title: { fr: 'Formation' },
        startDate,
        organisation: 'UNDP',
      });
    const count = async (from: string, to: string) =>
      (await activityCounts(database.db, { programmeId: programme.id, from, to })).activities;
    expect(await count('2025-02-01', '2025-02-28')).toBe(3);
    expect(await count('2025-01-31', '2025-03-01')).toBe(5);
    expect(await count('2025-02-02', '2025-02-27')).toBe(1);
    expect(await count('2025-02-28', '2025-02-28')).toBe(1);
    expect(await count('2025-01-01', '2025-12-31')).toBe(5);
    expect(await count('2025-03-02', '2025-12-31')).toBe(0);
    // year rows, alone and with the months and days around them
    expect(await count('2024-01-01', '2026-12-31')).toBe(7);
    expect(await count('2024-12-31', '2026-01-01')).toBe(7);
    expect(await count('2024-12-01', '2025-12-31')).toBe(6);
    expect(await count('2025-01-01', '2026-01-31')).toBe(6);
    expect(await count('2025-01-02', '2026-12-30')).toBe(6);
    expect(await count('1900-01-01', '2025-12-31')).toBe(6);
  });
});
