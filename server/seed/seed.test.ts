/**
 * The demo data against the documents it comes from: counts per programme (every outcome, output and
 * indicator of each Part V table and of both PROSMED frameworks) and values checked cell by cell.
 */
import { describe, expect, it } from 'vitest';
import type { FrameworkTree, Indicator } from '../../core/contracts/programme-api.js';
import { programmeDocument } from '../../core/contracts/programme-document.js';
import { validateIatiActivities } from '../documents/iati/iati-schema.js';
import { exportProgrammeIati } from '../modules/exchange/exchange.service.js';
import { getGovernance } from '../modules/finance/governance.service.js';
import { getFramework } from '../modules/frameworks/frameworks.service.js';
import { exportProgrammeDocument } from '../modules/programme-documents/programme-document.export.js';
import { getReport, listReports } from '../modules/reports/reports.service.js';
import { getProgramme, listProgrammes } from '../modules/programmes/programmes.service.js';
import { testEngines } from '../test/test-database.js';
import { testSuite } from '../test/test-suite.js';
import { operatorContext, type ServiceContext } from '../context.js';
import { seedDemoData } from './seed.js';
import { sql } from 'drizzle-orm';
import type { StoredValue } from '../../core/contracts/value-spec.js';
import { valueFindings, type IndicatorMeasure } from '../../core/domain/value-fits-indicator.js';

const counts = (f: FrameworkTree) => {
  const outputs = f.outcomes.flatMap((o) => o.outputs);
  return {
    outcomes: f.outcomes.length,
    outputs: outputs.length,
    indicators: f.outcomes.reduce(
      (n, o) => n + o.indicators.length + o.outputs.reduce((m, x) => m + x.indicators.length, 0),
      0,
    ),
  };
};
const allIndicators = (f: FrameworkTree): Indicator[] =>
  f.outcomes.flatMap((o) => [...o.indicators, ...o.outputs.flatMap((x) => x.indicators)]);
const find = (f: FrameworkTree, code: string) => {
  const i = allIndicators(f).find((x) => x.code === code);
  if (!i) throw new Error(`no indicator ${code}`);
  return i;
};
const target = (i: Indicator, year: number) => i.targets.find((t) => t.kind === 'annual' && t.year === year);

describe.each(testEngines)('demo data on %s', (engine) => {
  let ctx: ServiceContext;
  const suite = testSuite(engine, {
    seed: true,
    data: async (database) => {
      ctx = operatorContext(database.db, 'fr', () => new Date('2026-11-26T12:00:00Z'));
    },
    app: false,
  });

  it('holds the four programmes of the seeds, with their budgets', async () => {
    const { items } = await listProgrammes(ctx);
    expect(items.map((p) => [p.code, p.totalBudget])).toEqual([
      ['PBF/MLI/A-1', 3_000_000],
      ['PBF/MLI/A-2', 1_498_000],
      ['PBF/MLI/A-3', 3_999_999.98],
      // PROSMED's budget is in its 101 budget lines (its recipients state no amount)
      ['PROSMED', 32_000_003],
    ]);
  });

  it('has A-1 as its report: PAM convening with FAO and OIM, 3 outcomes, 9 outputs, 40 indicators', async () => {
    const p = await getProgramme(ctx, 'pbf-mli-a-1');
    expect(p.gatewayId).toBe('00119645');
    expect(p.recipients.map((r) => [r.organisation.acronym?.fr, r.convening, r.approvedBudget])).toEqual([
      ['PAM', true, 1_200_000],
      ['FAO', false, 900_000],
      ['OIM', false, 900_000],
    ]);
    expect(p.genderMarker).toBe('GM2');
    expect(p.riskMarker).toBe('medium');
    expect(p.riskMarkerText).toBe('Moyen');
    expect(p.focusArea?.code).toBe('2.3');
    expect(p.genderBudgetAllocated).toBe(1_072_749.17);
    expect(p.financialSnapshots[0]).toMatchObject({ implementationRate: 20, genderBudgetSpent: 269_854.82 });
    expect(p.durationMonths).toBe(31); // January 2020 to July 2022, both included
    const f = await getFramework(ctx, 'pbf-mli-a-1');
    expect(counts(f)).toEqual({ outcomes: 3, outputs: 9, indicators: 40 });
    const i112 = find(f, '1.1.2');
    expect(i112.targets.find((t) => t.kind === 'end')?.value?.spec).toMatchObject({
      kind: 'number',
      value: 220,
      parts: [{ value: 140 }, { group: 'women', value: 40 }, { group: 'youth', value: 40 }],
    });
    expect(find(f, '1.4').baseline).toMatchObject({ text: 'Tbd (DTM)', spec: { kind: 'tbd', note: 'DTM' } });
    expect(find(f, '1.4').latestValue?.reason).toMatch(/9,937 personnes dans 980 ménages/);
  });

  it('has A-2: PNUD only, 3 outcomes, 6 outputs, 18 indicators', async () => {
    const p = await getProgramme(ctx, 'pbf-mli-a-2');
    expect(p.recipients).toHaveLength(1);
    expect(p.recipients[0]?.organisation.code).toBe('UNDP');
    expect(counts(await getFramework(ctx, 'pbf-mli-a-2'))).toEqual({
      outcomes: 3,
      outputs: 6,
      indicators: 18,
    });
  });

  it('has A-3: HCDH convening with PNUD, ONU Femmes and Interpeace, 3 outcomes, 9 outputs, 31 indicators', async () => {
    const p = await getProgramme(ctx, 'pbf-mli-a-3');
    expect(p.recipients.find((r) => r.convening)?.organisation.acronym?.fr).toBe('HCDH');
    expect(p.recipients.find((r) => r.organisation.code === 'OHCHR')?.approvedBudget).toBe(1_026_157.82);
    expect(p.recipients.map((r) => r.organisation.code).sort()).toEqual([
      'INTERPEACE',
      'OHCHR',
      'UNDP',
      'UNWOMEN',
    ]);
    expect(p.cofunds.map((c) => c.code)).toEqual(['PROSMED']);
    expect(counts(await getFramework(ctx, 'pbf-mli-a-3'))).toEqual({
      outcomes: 3,
      outputs: 9,
      indicators: 31,
    });
  });

  it('has PROSMED with both framework versions, donors, partners and the nine risks', async () => {
    const p = await getProgramme(ctx, 'prosmed');
    expect(p.kind).toBe('joint_programme');
    expect(p.resourcesRequired).toBe(32_000_000);
    const allocated = p.donors.reduce((s, d) => s + Math.round((d.amount ?? 0) * 100), 0) / 100;
    expect(allocated).toBe(3_138_393);
    expect(p.recipients.map((r) => r.organisation.code)).toEqual(
      expect.arrayContaining(['UNDP', 'UNWOMEN', 'MINUSMA', 'UNODC']),
    );
    expect(p.cofundingProjects.map((c) => c.code)).toEqual(['PBF/MLI/A-3']);
    expect(p.risks).toHaveLength(9);
    expect(p.risks[0]).toMatchObject({
      number: 1,
      category: 'operational',
      probability: 'high',
      impact: 'strong',
    });
    expect(p.frameworkVersions.map((v) => [v.version, v.inForce])).toEqual([
      [1, false],
      [2, true],
    ]);

    const v1 = await getFramework(ctx, 'prosmed', 1);
    const v2 = await getFramework(ctx, 'prosmed');
    expect(counts(v1)).toEqual({ outcomes: 4, outputs: 14, indicators: 53 });
    expect(counts(v2)).toEqual({ outcomes: 4, outputs: 14, indicators: 53 });
    expect(v2.version).toBe(2);
    expect(v1.alignments.filter((a) => a.framework === 'UNSDCF').length).toBeGreaterThanOrEqual(15);

    // 1.2.1: communes whose conflict mechanisms are strengthened — 21 cercles, then 17
    const v1i = find(v1, '1.2.1');
    expect([2021, 2022, 2023, 2024, 2025].map((y) => target(v1i, y)?.value?.text)).toEqual([
      '58',
      '69',
      '138',
      '207',
      '276',
    ]);
    expect(v1i.cumulative).toBe(true);
    expect(v1i.sources).toContain('Rapports projet');
    const v2i = find(v2, '1.2.1');
    expect(target(v2i, 2023)?.value?.spec.kind).toBe('number');

    // 1.1: a percentage baseline with its date and source, and relative targets in points, no target some years
    const i11 = find(v2, '1.1');
    expect(i11.baseline).toMatchObject({
      spec: { kind: 'percent', value: 78.97 },
      date: '2020-11',
      source: 'Donnée nationale',
    });
    expect(target(i11, 2021)?.value).toBeNull();
    expect(target(i11, 2022)?.value?.spec).toMatchObject({
      kind: 'relative',
      delta: 5,
      unit: 'points',
      direction: 'increase',
    });
  });

  it('holds PROSMED’s third steering committee of 15 December 2023 and what it validated', async () => {
    const g = await getGovernance(ctx, 'prosmed');
    expect(g.meetings).toHaveLength(1);
    expect(g.meetings[0]).toMatchObject({
      body: 'steering_committee',
      number: 3,
      date: '2023-12-15',
      location: 'Maison Commune des Nations Unies, Bamako',
      documents: [
        { title: 'Plan d’action 2024 du PROSMED' },
        { title: 'Conclusions de l’évaluation à mi-parcours du PROSMED' },
      ],
    });
    expect(g.meetings[0]!.items.map((i) => [i.kind, i.status, i.statusDate])).toEqual([
      ['decision', 'implemented', '2023-12-15'],
      ['decision', 'implemented', '2023-12-15'],
    ]);
  });

  it('gives PROSMED’s counts per year the end target of the whole programme: the sum of their years', async () => {
    // the document gives only yearly counts (3 meetings a year, 1 in the 2025 half-year): the end of project
    // target is what the programme delivers in all, not the last half-year's figure
    for (const version of [1, 2]) {
      const f = await getFramework(ctx, 'prosmed', version);
      for (const code of ['1.1.2', '3.1.2', '3.1.3', '3.2.1', '3.2.3', '4.1.2']) {
        const i = find(f, code);
        const years = i.targets.filter((t) => t.kind === 'annual');
        const end = i.targets.find((t) => t.kind === 'end');
        expect(i.cumulative, `${code} v${version}`).toBe(false);
        const n = (t: (typeof years)[number] | undefined) =>
          t?.value?.spec.kind === 'number' ? t.value.spec.value : 0;
        expect(n(end), `${code} v${version}`).toBe(years.reduce((s, t) => s + n(t), 0));
      }
    }
    expect(
      find(await getFramework(ctx, 'prosmed', 2), '1.1.2').targets.find((t) => t.kind === 'end')?.value?.text,
    ).toBe('13');
  });

  it('keeps a decrease as the goal (% of pre-trial detention)', async () => {
    const f = await getFramework(ctx, 'prosmed');
    expect(allIndicators(f).some((i) => i.direction === 'decrease')).toBe(true);
  });

  it('exports every demo programme as a valid programme document', async () => {
    for (const slug of ['pbf-mli-a-1', 'pbf-mli-a-2', 'pbf-mli-a-3', 'prosmed']) {
      const exported = await exportProgrammeDocument(ctx, slug);
      expect(programmeDocument.safeParse(exported).error, slug).toBeUndefined();
    }
  });

  it('exports every demo programme as IATI 2.03 XML that validates against the schema', async () => {
    for (const slug of ['pbf-mli-a-1', 'pbf-mli-a-2', 'pbf-mli-a-3', 'prosmed']) {
      const { xml, warnings } = await exportProgrammeIati(ctx, slug);
      expect(warnings.length, slug).toBeGreaterThan(0);
      expect((await validateIatiActivities(xml)).valid, slug).toBe(true);
      // PROSMED names A-3, which co-funds it, by A-3's own identifier
      if (slug === 'prosmed')
        expect(xml).toContain('<related-activity ref="XM-DAC-41313-PBF-MLI-A-3" type="4"/>');
    }
  });

  it('holds the three 2020 reports of the seeds, approved and frozen', async () => {
    for (const slug of ['pbf-mli-a-1', 'pbf-mli-a-2', 'pbf-mli-a-3']) {
      const items = await listReports(ctx, slug);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        type: 'annual',
        year: 2020,
        status: 'approved',
        periodEnd: '2020-11-30',
      });
      const report = await getReport(ctx, items[0]!.id);
      expect(report.frozen).toBe(true);
      // accepted without the workflow, and saying so
      expect(report.locks[0]).toMatchObject({
        kind: 'accepted',
        text: expect.stringMatching(/^Accepté le /),
      });
    }
  });

  it('holds a demo report in review: PROSMED semi-annual 2023, three parts ready, a comment of the secretariat', async () => {
    const summary = (await listReports(ctx, 'prosmed')).find(
      (r) => r.type === 'semi_annual' && r.year === 2023,
    );
    const report = await getReport(ctx, summary!.id);
    expect(report.status).toBe('submitted');
    expect(report.parts.map((p) => [p.agency.code, p.ready, p.by])).toEqual([
      ['UNDP', true, 'Point focal PNUD'],
      ['UNWOMEN', true, 'Point focal ONU Femmes'],
      ['MINUSMA', true, 'Point focal MINUSMA'],
      ['UNODC', false, null],
    ]);
    expect(report.locks[0]?.text).toMatch(/^Soumis par Coordination PROSMED \(PNUD\) le /);
    expect(report.history[0]?.reason).toBe('Soumis sans les parties de : UNODC');
    expect(report.comments).toEqual([
      expect.objectContaining({ section: 'part_2', author: 'Secrétariat PBF', resolved: null }),
    ]);
  });

  it('finds what the seeds’ reports really break: texts over their limits', async () => {
    const [summary] = await listReports(ctx, 'pbf-mli-a-1');
    const report = await getReport(ctx, summary!.id);
    const overLimit = report.checks.filter((c) => c.code === 'over_limit').map((c) => c.path);
    expect(overLimit).toEqual(
      expect.arrayContaining([
        'fields.overall_status',
        'fields.upcoming_events',
        'outcomes.2.fields.progress_summary',
      ]),
    );
    expect(
      report.checks.some((c) => c.code === 'acronym_not_spelled_out' && c.message.fr.includes('PBSO')),
    ).toBe(true);
    // PCP is spelled out where it first appears: "planification communautaire participative (PCP)"
    expect(
      report.checks.some((c) => c.code === 'acronym_not_spelled_out' && c.message.fr.includes('« PCP »')),
    ).toBe(false);
  });

  it('has only values that fit their indicator, one per indicator and period (issue 14)', async () => {
    const { rows } = (await suite.database.db.execute(
      sql`select i.code, i.measure, v.value, v.period_start::text as start, v.period_end::text as end
          from indicator_values v join indicators i on i.id = v.indicator_id where v.value is not null`,
    )) as unknown as {
      rows: { code: string; measure: IndicatorMeasure; value: StoredValue; start: string; end: string }[];
    };
    expect(rows.length).toBeGreaterThan(50);
    const unfit = rows.flatMap((r) =>
      valueFindings(r.measure, r.value.spec, r.value.text).map((f) => `${r.code} ${r.value.text}: ${f.key}`),
    );
    expect(unfit).toEqual([]);
    const { rows: twice } = (await suite.database.db.execute(
      sql`select indicator_id, period_start, period_end, count(*)::int as n from indicator_values
          group by indicator_id, period_start, period_end having count(*) > 1`,
    )) as unknown as { rows: unknown[] };
    expect(twice).toEqual([]);
  });

  it('is idempotent: seeding again creates nothing', async () => {
    const result = await seedDemoData(suite.database.db);
    expect(result.created).toEqual([]);
    expect(result.skipped).toHaveLength(4);
  });
});
