/**
 * The dashboards read a framework's indicators by one statement of their own (`indicatorsInForce`), not through
 * its tree: they must be the tree's indicators (`getFramework`), in its order, with the same values, for one
 * programme or several read at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  indicatorCreate,
  programmeCreate,
  type FrameworkTree,
} from '../../../core/contracts/programme-api.js';
import type { Database } from '../../db/client.js';
import { aProgramme, factoryContext, type MadeProgramme } from '../../test/factories.js';
import { aDetailedFrameworkDocument, aDetailedProject } from '../../test/framework-factories.js';
import { createTestDatabase, testEngines } from '../../test/test-database.js';
import { getFramework, INDICATOR_BASIS_TABLES, indicatorsInForce } from './frameworks.service.js';
import { scansByTable, tablesScannedBetween } from '../../db/changes.js';
import type { Db } from '../../db/client.js';
import { createProgramme } from '../programmes/programmes.service.js';
import { createIndicator } from '../indicators/indicators.service.js';

/** The tree's indicators as the dashboards take them: outcome by outcome, its own first, then each output's. */
const indicatorsOfTree = (tree: FrameworkTree) =>
  tree.outcomes
    .flatMap((o) => [
      ...o.indicators.map((i) => ({ i, outcomeCode: o.code, outputCode: null })),
      ...o.outputs.flatMap((x) => x.indicators.map((i) => ({ i, outcomeCode: o.code, outputCode: x.code }))),
    ])
    .map(({ i, outcomeCode, outputCode }) => ({
      indicator: {
        id: i.id,
        code: i.code,
        title: i.title,
        unit: i.unit,
        measure: i.measure,
        direction: i.direction,
        cumulative: i.cumulative,
        baseline: i.baseline,
        targets: i.targets,
      },
      outcomeCode,
      outputCode,
    }));

describe.each(testEngines)("the dashboards' indicators, on %s", (engine) => {
  let database: Database;
  let detailed: MadeProgramme;
  let plain: MadeProgramme;
  let revised: MadeProgramme;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    detailed = await aDetailedProject(database);
    // added after the import, to the first outcome and its first output: their order is by parent, then sort
    // (an added indicator's sort is the version's last)
    const first = detailed.framework!.outcomes[0]!;
    const ctx = factoryContext(database);
    await createIndicator(
      ctx,
      { kind: 'outcome', id: first.id },
      indicatorCreate.parse({
        code: '1.z',
        title: { fr: 'Ajouté à l’effet après coup' },
        endTarget: { text: '12' },
      }),
    );
    await createIndicator(
      ctx,
      { kind: 'output', id: first.outputs[0]!.id },
      indicatorCreate.parse({ code: '1.1.z', title: { fr: 'Ajouté au produit après coup' } }),
    );
    plain = await aProgramme(database, { framework: { outcomes: 3, outputs: 2, indicators: 2 } });
    // revised in 2026: the second version is in force, the first one is not read
    revised = await aProgramme(database, {
      frameworks: [
        aDetailedFrameworkDocument({ version: 1, effectiveDate: '2025-01-01' }),
        aDetailedFrameworkDocument({ version: 2, effectiveDate: '2026-06-01' }),
      ],
    });
  });
  afterAll(() => database.close());

  it("are the tree's indicators, in its order, for several programmes at once", async () => {
    const ctx = factoryContext(database);
    const programmes = [detailed, plain, revised];
    const inForce = await indicatorsInForce(
      ctx,
      programmes.map((p) => p.id),
    );
    for (const p of programmes) {
      const tree = await getFramework(ctx, p.slug);
      const basis = inForce.get(p.id)!;
      expect(basis.version, p.code).toBe(tree.version);
      expect(basis.indicators, p.code).toEqual(indicatorsOfTree(tree));
    }
    expect(inForce.get(revised.id)!.version).toBe(2);
    const codes = inForce.get(detailed.id)!.indicators.map((x) => x.indicator.code);
    expect(codes.indexOf('1.z')).toBeLessThan(codes.indexOf('1.1.z'));
    expect(codes.indexOf('1.1.z')).toBeLessThan(codes.indexOf('2.1.1'));
    // the detailed framework has every kind of target: the test compares them all
    const targets = inForce.get(detailed.id)!.indicators.flatMap((x) => x.indicator.targets);
    expect(new Set(targets.map((t) => t.kind))).toEqual(new Set(['annual', 'end', 'milestone']));
    expect(targets.some((t) => t.value === null)).toBe(true);
  });

  it('reads a framework adopted later as the tree does, and nothing for a programme without one', async () => {
    const ctx = factoryContext(database);
    // adopted after the clock: the tree falls back to it, so do the dashboards
    const later = await aProgramme(database, {
      frameworks: [aDetailedFrameworkDocument({ effectiveDate: '2030-01-01' })],
    });
    const none = await createProgramme(
      ctx,
      programmeCreate.parse({
        code: 'PBF/MLI/SANS-CADRE',
        title: { fr: 'Sans cadre' },
        endDate: '2027-12-31',
      }),
    );
    const inForce = await indicatorsInForce(ctx, [later.id, none.id]);
    expect([...inForce.keys()]).toEqual([later.id]);
    expect(inForce.get(later.id)!.indicators).toEqual(indicatorsOfTree(await getFramework(ctx, later.slug)));
    await expect(getFramework(ctx, none.slug)).rejects.toMatchObject({ code: 'not_found' });
    expect(await indicatorsInForce(ctx, [])).toEqual(new Map());
  });

  it('names every table it reads, for the read cache that remembers it (db/remembered.ts)', async () => {
    const scanned = await database.db.transaction(async (tx) => {
      const before = await scansByTable(tx);
      await indicatorsInForce({ ...factoryContext(database), db: tx as unknown as Db }, [
        detailed.id,
        plain.id,
      ]);
      return tablesScannedBetween(before, await scansByTable(tx));
    });
    expect(scanned.sort()).toEqual([...INDICATOR_BASIS_TABLES].sort());
  });
});
