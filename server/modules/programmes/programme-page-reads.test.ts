/**
 * The programme page's reads, now prepared statements sent in one step (programmes.queries.ts): every part of
 * the detail — participants, versions with the in-force version's indicator count, snapshots, risks,
 * co-funding in both directions — and the portfolio's summaries agree with what was written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operatorContext, type ServiceContext } from '../../context.js';
import type { Database } from '../../db/client.js';
import { aFrameworkDocument, aProgramme } from '../../test/factories.js';
import { createTestDatabase, testEngines } from '../../test/test-database.js';
import { getFramework } from '../frameworks/frameworks.service.js';
import { getProgramme, listProgrammes } from './programmes.service.js';

describe.each(testEngines)('the programme page’s reads on %s', (engine) => {
  let database: Database;
  let ctx: ServiceContext;
  let joint: string;
  let project: string;
  const risk = (number: number, fr: string) => ({
    number,
    description: { fr },
    category: 'security_political' as const,
    probability: 'high' as const,
    impact: 'strong' as const,
    mitigation: { fr: 'Suivi hebdomadaire de la situation sécuritaire avec les partenaires locaux' },
  });
  beforeAll(async () => {
    database = await createTestDatabase(engine, { seed: false });
    ctx = operatorContext(database.db, 'fr', () => new Date('2026-11-26T12:00:00Z'));
    // a project with 2 indicators, and a joint programme it co-funds: 2 versions, 6 indicators in force, 3 risks
    const a = await aProgramme(database, { code: 'PBF/MLI/C-1' });
    project = a.slug;
    joint = (
      await aProgramme(database, {
        code: 'PCSJ',
        kind: 'joint_programme',
        recipients: [
          { organisation: 'UNDP', convening: true, approvedBudget: 2_000_000 },
          { organisation: 'UNWOMEN', approvedBudget: 1_000_000 },
          { organisation: 'UNFPA', approvedBudget: 500_000 },
        ],
        frameworks: [
          aFrameworkDocument({ version: 1, effectiveDate: '2025-01-01' }),
          aFrameworkDocument({ version: 2, effectiveDate: '2025-07-01', outcomes: 2, outputs: 2 }),
        ],
        risks: [
          risk(3, 'Fermeture des écoles dans les communes de Bankass'),
          risk(1, 'Dégradation de la situation sécuritaire dans le cercle de Bandiagara'),
          risk(2, 'Déplacements de populations vers Mopti et Sévaré'),
        ],
        cofundingProjects: [{ code: 'PBF/MLI/C-1', note: 'Volet justice de proximité' }],
      })
    ).slug;
  });
  afterAll(() => database.close());

  it('reads the same detail without its budget of record when asked (the programme document’s export)', async () => {
    const { budget, totalBudget, ...rest } = await getProgramme(ctx, joint);
    expect(budget.total).toBe(3_500_000);
    expect(totalBudget).toBe(3_500_000);
    const without = await getProgramme(ctx, joint, { budget: false });
    expect(without).toEqual(rest);
    expect(Object.keys(without)).not.toContain('budget');
    expect(Object.keys(without)).not.toContain('totalBudget');
  });

  it('reads a joint programme with its versions, indicator count, risks and the project that co-funds it', async () => {
    const p = await getProgramme(ctx, joint);
    expect(p.code).toBe('PCSJ');
    expect(p.indicatorCount).toBe(6);
    expect(p.frameworkVersions.map((v) => [v.version, v.inForce])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(p.risks).toHaveLength(3);
    expect(p.risks.map((r) => r.number)).toEqual([...p.risks.map((r) => r.number)].sort((a, b) => a - b));
    expect(p.cofundingProjects.map((c) => c.code)).toEqual(['PBF/MLI/C-1']);
    expect(p.cofunds).toEqual([]);
    expect(p.recipients.length).toBeGreaterThan(1);
  });

  it('reads the co-funding from the project’s side, and the same detail twice in a row', async () => {
    const first = await getProgramme(ctx, project);
    expect(first.cofunds.map((c) => c.slug)).toEqual([joint]);
    expect(first.cofundingProjects).toEqual([]);
    expect(first.indicatorCount).toBe(2);
    // the prepared statements are reused: the second answer is the same
    expect(await getProgramme(ctx, project)).toEqual(first);
  });

  it('answers 404 for a slug nobody has', async () => {
    await expect(getProgramme(ctx, 'nobody')).rejects.toMatchObject({ code: 'not_found' });
    await expect(getFramework(ctx, 'nobody')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('gives each summary of the portfolio the indicator count, recipients and budget of its detail', async () => {
    const { items, organisations } = await listProgrammes(ctx);
    expect(items).toHaveLength(2);
    expect(items.map((p) => p.code)).toEqual([...items.map((p) => p.code)].sort());
    const named = new Map(organisations.map((o) => [o.code, o]));
    // each organisation named once
    expect(named.size).toBe(organisations.length);
    for (const summary of items) {
      const detail = await getProgramme(ctx, summary.slug);
      expect(summary.indicatorCount).toBe(detail.indicatorCount);
      expect(
        summary.recipients.map(({ organisation, convening }) => ({
          organisation: named.get(organisation),
          convening,
        })),
      ).toEqual(detail.recipients.map(({ organisation, convening }) => ({ organisation, convening })));
      expect(summary.totalBudget).toBe(detail.totalBudget);
      const { source, total, lines } = detail.budget;
      expect(summary.budget).toEqual({ source, total, lines });
    }
  });

  it('reads the framework in force and an earlier version by its number', async () => {
    const inForce = await getFramework(ctx, joint);
    const first = await getFramework(ctx, joint, 1);
    expect(inForce.version).toBe(2);
    expect(first.version).toBe(1);
    expect(inForce.outcomes).toHaveLength(2);
    expect(first.outcomes).toHaveLength(1);
  });
});
