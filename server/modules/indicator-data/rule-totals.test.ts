/**
 * `ruleTotals` (every rule of every programme at once, from the live summaries) against `computeIndicator` (one
 * rule, activity by activity from the records, the indicator page's reading), for random rules of every kind and
 * filter over random periods, on two programmes whose indicators bear the same codes and whose activities are
 * random: the value, its breakdown by sex and age, and the number of activities counted must be the same, and a
 * rule asked with others must give what it gives alone.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activityKinds,
  ageGroups,
  areaLevels,
  participantCategories,
  sexes,
  type ActivityCreate,
} from '../../../core/contracts/activities.js';
import { indicatorRule, type IndicatorRule } from '../../../core/contracts/indicator-data.js';
import { ruleKinds } from '../../../core/contracts/activity-vocabulary.js';
import type { Database } from '../../db/client.js';
import { insertActivities } from '../activities/activity-bulk.js';
import { checkActivity, programmeFacts } from '../activities/activity-check.js';
import { withDefaults } from '../activities/activities.service.js';
import { placeIndex } from '../geography/geography.service.js';
import { aProgramme, type MadeProgramme } from '../../test/factories.js';
import { AGENCIES, AREAS, day } from '../../test/activity-arbitraries.js';
import { createTestDatabase, testEngines } from '../../test/test-database.js';
import { computeIndicator } from './indicator-compute.js';
import { ruleTotals, type RuleTarget } from './rule-totals.js';

const CODES = ['1.1.1', '1.1.2', '1.2.1', '1.2.2'];

const activity: fc.Arbitrary<Omit<ActivityCreate, 'title'>> = fc.record({
  kind: fc.constantFrom(...activityKinds.slice(0, 4)),
  startDate: day,
  organisation: fc.constantFrom(...AGENCIES),
  output: fc.constantFrom(null, '1.1', '1.2'),
  indicators: fc.subarray(CODES, { maxLength: 2 }),
  places: fc.subarray(AREAS, { maxLength: 3 }).map((areas) => areas.map((area) => ({ area, note: null }))),
  countBasis: fc.constantFrom('distinct' as const, 'attendance' as const),
  quantity: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
  participants: fc.uniqueArray(
    fc.record({
      category: fc.constantFrom(...participantCategories.slice(0, 4)),
      sex: fc.constantFrom(...sexes),
      ageGroup: fc.constantFrom(...ageGroups),
      count: fc.integer({ min: 0, max: 40 }),
    }),
    { maxLength: 5, selector: (p) => `${p.category}|${p.sex}|${p.ageGroup}` },
  ),
});

const rule: fc.Arbitrary<IndicatorRule> = fc
  .record({
    kind: fc.constantFrom(...ruleKinds),
    scope: fc.constantFrom('linked' as const, 'programme' as const),
    activityKinds: fc.subarray([...activityKinds.slice(0, 4)], { maxLength: 2 }),
    output: fc.constantFrom(null, '1.1', '1.2'),
    // UNICEF records nothing in these programmes: a rule may name an agency that counts no activity
    organisations: fc.subarray([...AGENCIES, 'UNICEF'], { maxLength: 2 }),
    categories: fc.subarray([...participantCategories.slice(0, 4)], { maxLength: 2 }),
    sexes: fc.subarray([...sexes], { maxLength: 2 }),
    ageGroups: fc.subarray([...ageGroups], { maxLength: 2 }),
    placeLevel: fc.constantFrom(...areaLevels),
    countBasis: fc.constantFrom('all' as const, 'distinct_only' as const),
    cumulative: fc.constantFrom(null, true, false),
  })
  .map((r) => indicatorRule.parse(r));

const period = fc
  .tuple(fc.option(day, { nil: null }), day)
  .map(([a, b]) => (a === null || a <= b ? { from: a, to: b } : { from: b, to: a }));

describe.each(testEngines)('the values computed by rules on %s', (engine) => {
  let database: Database;
  const programmes: MadeProgramme[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(engine, { seed: false });
    for (const seed of [1, 2]) {
      const programme = await aProgramme(database, {
        recipients: AGENCIES.map((organisation, k) => ({
          organisation,
          convening: k === 0,
          approvedBudget: 500_000,
        })),
        endDate: '2026-12-31',
        framework: { outcomes: 1, outputs: 2, indicators: 2 },
      });
      const facts = await programmeFacts(database.db, programme.slug);
      const items = fc.sample(activity, { seed, numRuns: 40 }).map((a) => {
        const checked = checkActivity(facts, withDefaults({ ...a, title: { fr: 'Activité' } }, null), 'fr');
        if (!checked.activity) throw new Error(JSON.stringify(checked.issues));
        return { activity: checked.activity };
      });
      await database.db.transaction((tx) => insertActivities(tx, programme.id, items, { kind: 'imported' }));
      programmes.push(programme);
    }
  });
  afterAll(async () => {
    await database.close();
  });

  it('gives each rule, asked with others, the value and count its activities give one by one', async () => {
    const index = await placeIndex(database.db);
    const target = fc.record({
      programme: fc.constantFrom(0, 1),
      indicatorCode: fc.constantFrom(...CODES),
      cumulative: fc.boolean(),
      rule,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(target, { minLength: 1, maxLength: 6 }), period, async (drawn, when) => {
        const targets: RuleTarget[] = drawn.map(({ programme, ...x }) => ({
          ...x,
          programmeId: programmes[programme]!.id,
        }));
        const together = await ruleTotals(database.db, targets, when, 'fr');
        for (const [k, x] of targets.entries()) {
          const one = await computeIndicator(database.db, index, x, x.rule, when, 'fr');
          const got = together[k]!;
          const what = `${k}: ${JSON.stringify(x.rule)}`;
          expect(got.value, what).toBe(one.value);
          expect(got.activityCount, what).toBe(one.activityCount);
          expect(got.totals, what).toEqual(one.totals);
          expect(got.stored, what).toEqual(one.stored);
          expect([got], what).toEqual(await ruleTotals(database.db, [x], when, 'fr'));
        }
      }),
      { numRuns: engine === 'pglite' ? 40 : 60 },
    );
  });

  it('counts something: the random activities give non-zero values for most kinds of rule', async () => {
    // without it, a summary that stayed empty would make the comparison above pass on zeros
    const whole = { from: null, to: '2026-12-31' };
    const totals = await ruleTotals(
      database.db,
      ruleKinds.map((kind) => ({
        programmeId: programmes[0]!.id,
        indicatorCode: '1.1.1',
        cumulative: true,
        rule: indicatorRule.parse({ kind, scope: 'programme' }),
      })),
      whole,
      'fr',
    );
    for (const [k, kind] of ruleKinds.entries()) expect(totals[k]!.value, kind).toBeGreaterThan(0);
    expect(totals[0]!.activityCount).toBe(40);
  });
});
