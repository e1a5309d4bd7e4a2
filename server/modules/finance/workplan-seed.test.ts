/**
 * PROSMED's work plan as the demo data load it, checked against the programme document's own figures (section V,
 * ../shared/seeds/003_a95ab229855d4389.txt lines 3640-4726): every printed sub-total, the document's
 * inconsistencies flagged with their difference (never corrected), the funding gap of the cover page.
 */
import ExcelJS from '../../documents/xlsx/exceljs.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BudgetView } from '../../../core/contracts/finance/budget.js';
import type { WorkPlanView } from '../../../core/contracts/finance/workplan.js';
import { testApp } from '../../test/api-client.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';

/** The document's printed sub-totals: 2021, 2022, 2023, 2024, 2025, Total. */
const printed: Record<string, number[]> = {
  '1.1': [7900, 23600, 50000, 50000, 50000, 181500],
  '1.2': [864929, 1071505, 550000, 550000, 275000, 3311434],
  '1.3': [37000, 140000, 75000, 75000, 25000, 352000],
  '2.1': [2258218, 881364, 1070000, 735000, 150000, 5094582],
  '2.2': [558982, 891000, 1345000, 865000, 240000, 3899982],
  '2.3': [110321, 425085, 325000, 325000, 125000, 1310406],
  '2.4': [189722, 375000, 500000, 450000, 200000, 1714722],
  '2.5': [2053267, 1226850, 331631, 306631, 306631, 4225010],
  '3.1': [82777, 200000, 200000, 100000, 100000, 682777],
  '3.2': [89377, 50000, 100000, 100000, 0, 339377],
  '3.3': [174641, 359641, 350000, 350000, 150000, 1384282],
  '4.1': [24596, 49000, 75000, 75000, 50000, 273596],
  '4.2': [143171, 332358, 315000, 315000, 175000, 1280529],
  '4.3': [65000, 211000, 170000, 214786, 79491, 740277],
};
const printedOutcomes: Record<string, number[]> = {
  '1': [909829, 1252016, 691911, 691911, 358456, 3904123],
  '2': [5272023, 4005743, 3705953, 2753453, 1057542, 16794714],
  '3': [346795, 626552, 666911, 566911, 258456, 2465625],
  '4': [232767, 592358, 560000, 604786, 304491, 2294402],
};
const years = [2021, 2022, 2023, 2024, 2025];

describe.each(testEngines)('PROSMED work plan on %s', (engine) => {
  let budget: BudgetView;
  const suite = testSuite(engine, {
    seed: true,
    app: { as: null },
  });
  beforeAll(async () => {
    const res = await suite.app.inject({ method: 'GET', url: '/api/v1/programmes/prosmed/budget' });
    expect(res.statusCode).toBe(200);
    budget = res.json();
  });

  it('holds every line of the document, with its entities, partners and source line', () => {
    expect(budget.years).toEqual(years);
    expect(budget.lines).toHaveLength(101);
    expect(budget.lines.filter((l) => l.kind === 'activity')).toHaveLength(95);
    const first = budget.lines[0]!;
    expect(first).toMatchObject({
      code: '1.1.1-a',
      outcome: '1',
      output: '1.1',
      unEntities: 'PNUD, Onu Femmes, MINUSMA DAC',
      partners: 'MRN',
      total: 131500,
      statedTotal: 131500,
      source: expect.stringContaining('l. 3690'),
    });
    expect(first.agency?.code).toBe('UNDP');
    expect(first.amounts.map((a) => a.amount)).toEqual([7900, 23600, 25000, 25000, 50000]);
    // the ten police stations of output 2.1, one row each, Yelimane's partner as printed ("MSCP")
    const stations = budget.lines.filter((l) => l.activity?.code === '2.1.2');
    expect(stations).toHaveLength(10);
    expect(stations[6]).toMatchObject({
      label: { fr: 'Construction/ équipement commissariat Yelimane' },
      partners: 'MSCP',
      total: 335000,
    });
    expect(stations[6]!.amounts).toEqual([expect.objectContaining({ year: 2024, amount: 335000 })]);
    // empty rows of the document are kept, with no amount
    const empty = budget.lines.find((l) => l.source?.endsWith('l. 4506'));
    expect(empty).toMatchObject({ partners: 'Cour suprême', total: 0, statedTotal: null, amounts: [] });
    // a line whose first entity is not a recipient goes to the first one that is (FNUAP → ONU Femmes)
    expect(budget.lines.find((l) => l.unEntities === 'FNUAP, ONU Femmes, PNUD, MINUSMA')?.agency?.code).toBe(
      'UNWOMEN',
    );
  });

  it('adds up to every printed output sub-total, year by year — except where the document does not', () => {
    for (const [code, figures] of Object.entries(printed)) {
      const stated = budget.statedTotals.find((s) => s.scope === 'output' && s.code === code)!;
      expect(stated.total, code).toBe(figures[5]);
      expect(
        years.map((y) => stated.amounts.find((a) => a.year === y)?.amount ?? 0),
        code,
      ).toEqual(figures.slice(0, 5));
      const computed = budget.subtotals.byOutput.find((s) => s.key === code)!;
      const computedYears = years.map((y) => computed.amounts.find((a) => a.year === y)?.amount ?? 0);
      if (code === '3.3') {
        // two rows printed 1 USD under the sum of their years: the cells add up to 1 more in 2021 and 2022
        expect(computedYears).toEqual([174642, 359642, 350000, 350000, 150000]);
        expect(computed.total).toBe(1384284);
      } else {
        expect(computedYears, code).toEqual(figures.slice(0, 5));
        expect(computed.total, code).toBe(figures[5]);
      }
    }
  });

  it('keeps the outcome sub-totals as printed, technical support included', () => {
    for (const [code, figures] of Object.entries(printedOutcomes)) {
      const stated = budget.statedTotals.find((s) => s.scope === 'outcome' && s.code === code)!;
      expect(
        [...years.map((y) => stated.amounts.find((a) => a.year === y)?.amount ?? 0), stated.total],
        code,
      ).toEqual(figures);
    }
    expect(budget.lines.filter((l) => l.kind === 'technical_support').map((l) => [l.code, l.total])).toEqual([
      ['AT-1', 59189],
      ['AT-2', 550012],
      ['AT-3', 59189],
    ]);
  });

  it('flags the document’s own inconsistencies with their difference, and nothing else', () => {
    const found = budget.discrepancies.map((d) => [
      d.code ?? d.scope,
      d.year,
      d.basis,
      d.stated,
      d.computed,
      d.difference,
    ]);
    expect(found).toEqual([
      ['3.3.1-a', null, 'row', 396997, 396998, -1],
      ['3.3.1-b', null, 'row', 447285, 447286, -1],
      ['3.3', 2021, 'children', 174641, 174642, -1],
      ['3.3', 2022, 'children', 359641, 359642, -1],
      ['activities', 2025, 'children', 1978944, 1978945, -1],
      // 3 904 123 + 16 794 714 + 2 465 625 + 2 294 402 = 25 458 864, printed 25 458 863
      ['activities', null, 'children', 25458863, 25458864, -1],
      ['grand_total', 2021, 'children', 7287544, 7287545, -1],
      ['grand_total', null, 'row', 32000000, 31999999, 1],
    ]);
    const activities = budget.statedTotals.find((s) => s.scope === 'activities')!;
    expect(activities.total).toBe(25458863);
    expect(budget.statedTotals.find((s) => s.scope === 'budget')?.total).toBe(29763971);
    expect(budget.statedTotals.find((s) => s.scope === 'grand_total')?.total).toBe(32000000);
  });

  it('gives the management costs, GMS and levy as lines, and the funding position of the cover page', () => {
    const byKind = Object.fromEntries(budget.subtotals.byKind.map((s) => [s.key, s.total]));
    // the activities' cells add up to 2 more than their printed totals (output 3.3), hence 32 000 003 in all
    expect(byKind).toEqual({
      activity: 24790476,
      technical_support: 668390,
      management: 4305108,
      indirect: 2236029,
    });
    expect(budget.total).toBe(32000003);
    expect(budget.funding).toMatchObject({
      required: 32000000,
      allocated: 3138393,
      gap: 28861607,
      budgeted: 32000003,
    });
    expect(budget.funding.donors).toHaveLength(12);
    // the work plan does not say which donor pays which line: all of it is still to allocate
    expect(budget.subtotals.byDonor.map((d) => d.key)).toEqual(['']);
  });

  it('attributes joint lines to their first-named recipient, so that agencies add up to the budget', () => {
    const agencies = Object.fromEntries(budget.subtotals.byAgency.map((a) => [a.key, a.total]));
    expect(Object.keys(agencies).sort()).toEqual(['', 'MINUSMA', 'UNDP', 'UNWOMEN']);
    expect(Object.values(agencies).reduce((a, b) => a + b, 0)).toBe(32000003);
    // MINUSMA is never named first on a line with an amount; ONU Femmes leads output 2.4 (FNUAP is no recipient)
    expect(agencies).toEqual({
      UNDP: 19646639,
      UNWOMEN: 95000 + 859722 + 100000 + 150000 + 200000,
      MINUSMA: 0,
      '': 2354831 + 1384284 + 668390 + 4305108 + 2236029,
    });
    // lines without a named entity (Pôle judiciaire spécialisé, output 3.3, support and indirect costs)
    expect(budget.lines.find((l) => l.total === 2354831)?.agency).toBeNull();
  });

  it('tags the gender-responsive outputs (1.3, 2.4) in the demo, and says how much that is', () => {
    expect(budget.genderAmount).toBe(352000 + 1714722);
    expect(
      budget.lines
        .filter((l) => l.genderPercent === 100)
        .every((l) => ['1.3', '2.4'].includes(l.output ?? '')),
    ).toBe(true);
  });

  it('exports the budget, its discrepancies and the work plan to Excel, in French', async () => {
    const res = await suite.app.inject({
      method: 'GET',
      url: '/api/v1/programmes/prosmed/finance/export?lang=fr&asOf=2022-12-31',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('prosmed-finances-2022-12-31.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('Écarts du document');
    const lines = wb.getWorksheet('Lignes budgétaires')!;
    expect(lines.getRow(1).values).toEqual(
      expect.arrayContaining(['Code', 'Nature', '2021', '2025', 'Total imprimé']),
    );
    expect(lines.getRow(2).getCell(1).value).toBe('1.1.1-a');
    const gaps = wb.getWorksheet('Écarts du document')!;
    const rows = Array.from({ length: gaps.rowCount - 1 }, (_, i) => gaps.getRow(i + 2));
    expect(rows.map((r) => [r.getCell(4).value, r.getCell(5).value])).toContainEqual([25458863, 25458864]);
    expect(wb.getWorksheet('Plan de travail')!.rowCount).toBe(54);
  });

  it('lays out the work plan by output, with the budgeted years as planned periods', async () => {
    const res = await suite.app.inject({ method: 'GET', url: '/api/v1/programmes/prosmed/workplan' });
    expect(res.statusCode).toBe(200);
    const plan: WorkPlanView = res.json();
    expect(plan.activities).toHaveLength(53);
    expect(plan.outputs.map((o) => o.output)).toEqual(Object.keys(printed));
    expect(plan.years).toEqual(years);
    const ps = plan.activities.find((a) => a.title.fr === 'Appui au Pôle Judiciaire Spécialisé')!;
    expect(ps).toMatchObject({
      code: '2.5.5',
      plannedStart: '2021-07-01',
      plannedEnd: '2022-12-31',
      status: 'planned',
      budgetTotal: 2354831,
    });
    const station = plan.activities.find((a) => a.code === '2.1.2')!;
    expect(station.budget).toEqual([
      { year: 2021, amount: 67037 + 317709 + 315550 + 168182 * 2 + 25000 + 1059335 },
      { year: 2022, amount: 168182 * 2 + 270000 },
      { year: 2023, amount: 335000 * 2 + 250000 },
      { year: 2024, amount: 335000 + 250000 },
    ]);
    // nine planned activities have field activities, their periods over by the clock's 26 November 2026
    expect(plan.byStatus.filter((s) => s.count > 0)).toEqual([
      { status: 'planned', count: 44 },
      { status: 'completed', count: 9 },
    ]);
  });

  it('moves with the field: PROSMED’s planned activities in progress at the end of 2023', async () => {
    const then = await testApp(suite.database, { as: null, now: new Date('2024-01-15T10:00:00Z') });
    const plan: WorkPlanView = (await then.inject({ url: '/api/v1/programmes/prosmed/workplan' })).json();
    await then.close();
    const moving = plan.activities.filter((a) => a.field.count > 0);
    expect(moving.map((a) => [a.code, a.status, a.field.count])).toEqual([
      ['1.2.2', 'in_progress', 2],
      ['1.2.3', 'in_progress', 6],
      ['2.1.2', 'in_progress', 1],
      ['2.1.3', 'in_progress', 1],
      ['2.2.9', 'in_progress', 2],
      ['2.3.2', 'in_progress', 27],
      // planned for 2021 only, carried out in 2023: completed, its bars apart on the Gantt
      ['3.2.1', 'completed', 2],
      ['4.2.3', 'in_progress', 5],
      ['4.3.1', 'in_progress', 1],
    ]);
    expect(plan.activities.find((a) => a.code === '4.2.3')).toMatchObject({
      statusSetByHand: false,
      field: { participants: 207, firstDate: '2023-11-08', lastDate: '2023-11-22' },
    });
    expect(plan.byStatus.find((s) => s.status === 'in_progress')?.count).toBe(8);
    // 47 of the quarter's 68 field activities carry out a planned activity; the others are left unlinked
    const linked = moving.reduce((n, a) => n + a.field.count, 0);
    expect(linked).toBe(47);
  });
});
