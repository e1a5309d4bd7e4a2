/**
 * The programme page's reads, now prepared statements sent in one step (programmes.queries.ts): every part of
 * the detail — participants, versions with the in-force version's indicator count, snapshots, risks,
 * co-funding in both directions — and the portfolio's summaries agree with the demo data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../context.js';
import type { Database } from '../../db/client.js';
import { createTestDatabase, testEngines } from '../../test/test-database.js';
import { getFramework } from '../frameworks/frameworks.service.js';
import { getProgramme, listProgrammes } from './programmes.service.js';

describe.each(testEngines)('the programme page’s reads on %s', (engine) => {
  let database: Database;
  let ctx: ServiceContext;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    ctx = { db: database.db, locale: 'fr', now: () => new Date('2026-11-26T12:00:00Z') };
  });
  afterAll(() => database.close());

  it('reads a joint programme with its versions, indicator count, risks and the project that co-funds it', async () => {
    const p = await getProgramme(ctx, 'prosmed');
    expect(p.code).toBe('PROSMED');
    expect(p.indicatorCount).toBe(53);
    expect(p.frameworkVersions.map((v) => [v.version, v.inForce])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(p.risks).toHaveLength(9);
    expect(p.risks.map((r) => r.number)).toEqual([...p.risks.map((r) => r.number)].sort((a, b) => a - b));
    expect(p.cofundingProjects.map((c) => c.code)).toEqual(['PBF/MLI/A-3']);
    expect(p.cofunds).toEqual([]);
    expect(p.recipients.length).toBeGreaterThan(1);
  });

  it('reads the co-funding from the project’s side, and the same detail twice in a row', async () => {
    const first = await getProgramme(ctx, 'pbf-mli-a-3');
    expect(first.cofunds.map((c) => c.slug)).toEqual(['prosmed']);
    expect(first.cofundingProjects).toEqual([]);
    expect(first.indicatorCount).toBe(31);
    // the prepared statements are reused: the second answer is the same
    expect(await getProgramme(ctx, 'pbf-mli-a-3')).toEqual(first);
  });

  it('answers 404 for a slug nobody has', async () => {
    await expect(getProgramme(ctx, 'nobody')).rejects.toMatchObject({ code: 'not_found' });
    await expect(getFramework(ctx, 'nobody')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('gives each summary of the portfolio the indicator count and recipients of its detail', async () => {
    const items = await listProgrammes(ctx);
    expect(items.map((p) => p.code)).toEqual([...items.map((p) => p.code)].sort());
    for (const summary of items) {
      const detail = await getProgramme(ctx, summary.slug);
      expect(summary.indicatorCount).toBe(detail.indicatorCount);
      expect(summary.recipients).toEqual(detail.recipients);
      expect(summary.totalBudget).toBe(detail.totalBudget);
    }
  });

  it('reads the framework in force and an earlier version by its number', async () => {
    const inForce = await getFramework(ctx, 'prosmed');
    const first = await getFramework(ctx, 'prosmed', 1);
    expect(inForce.version).toBe(2);
    expect(first.version).toBe(1);
    expect(inForce.outcomes).toHaveLength(4);
  });
});
