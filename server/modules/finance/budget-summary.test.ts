/**
 * One budget (issue 14, item 3): the portfolio, the programme's page, the finance budget, the PBF report's
 * header and the IATI export all give the same total and the same amount per agency, and the donors'
 * allocations plus what is not allocated make the total. One programme's budget is in its budget lines (its
 * recipients state no amount, like PROSMED's); another's is in the amounts its header states (no budget line).
 */
import { describe, expect, it } from 'vitest';
import type { BudgetView } from '../../../core/contracts/finance/budget.js';
import type { FinanceOverview } from '../../../core/contracts/finance/delivery.js';
import type { ProgrammeDetail, ProgrammeSummary } from '../../../core/contracts/programme-api.js';
import type { ReportDetail } from '../../../core/contracts/report.js';
import { operatorContext } from '../../context.js';
import { readDocx } from '../../documents/docx/docx-text.js';
import ExcelJS from '../../documents/xlsx/exceljs.js';
import { aBudgetLine, aProgramme } from '../../test/factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';
import { createReport } from '../reports/reports.service.js';

const cents = (v: number) => Math.round(v * 100);
const sumCents = (values: number[]) => values.reduce((s, v) => s + cents(v), 0) / 100;

/**
 * The budgets an IATI file gives each activity, by the organisation its child activity belongs to: its IATI
 * `budget`s and those Jalon held back by rule 7.5.3 (`jalon:budget-held-back`, longer than a year).
 */
function iatiBudgets(xml: string) {
  const activities = xml.split('<iati-activity').slice(1);
  const values = (a: string) => [
    ...[...a.matchAll(/<budget [^>]*>[\s\S]*?<value[^>]*>([^<]+)<\/value>[\s\S]*?<\/budget>/g)].map((m) =>
      Number(m[1]),
    ),
    ...[...a.matchAll(/<jalon:budget-held-back [^>]*value="([^"]+)"/g)].map((m) => Number(m[1])),
  ];
  const byOrg: Record<string, number> = {};
  let parent = 0;
  for (const a of activities) {
    const hierarchy = /hierarchy="(\d)"/.exec(a)?.[1];
    const total = sumCents(values(a));
    if (hierarchy === '2') {
      const ref = /<participating-org [^>]*role="2"[^>]*>[\s\S]*?<narrative[^>]*>([^<]+)</.exec(a)?.[1];
      byOrg[ref ?? '?'] = total;
    } else parent = total;
  }
  return { parent, byOrg, total: sumCents([parent, ...Object.values(byOrg)]) };
}

describe.each(testEngines)('one budget everywhere on %s', (engine) => {
  const ctx = () => operatorContext(suite.database.db, 'fr', () => new Date('2026-11-26T12:00:00Z'));
  const get = async <T>(url: string): Promise<T> => {
    const res = await suite.app.inject({ method: 'GET', url: `/api/v1${url}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  };

  /** a programme whose budget is its lines: USD 417,500.75, of which UNDP 280,000, UN Women 120,000.50 */
  let lines: string;
  /** a programme without budget line, whose recipients state USD 3,999,999.98 */
  let stated: string;

  const suite = testSuite(engine, {
    data: async (database) => {
      const programme = await aProgramme(database, {
        startDate: '2023-01-01',
        endDate: '2025-12-31',
        // no amount stated: the lines are the budget; UNFPA has no line, hence no budget
        recipients: [
          { organisation: 'UNDP', convening: true },
          { organisation: 'UNWOMEN' },
          { organisation: 'UNFPA' },
        ],
        donors: [
          { organisation: 'PBF', amount: 250_000 },
          { organisation: 'NETHERLANDS', amount: 100_000.25 },
        ],
      });
      lines = programme.slug;
      await aBudgetLine(database, programme, {
        agency: 'UNDP',
        amounts: { '2023': 100_000, '2024': 150_000 },
      });
      await aBudgetLine(database, programme, {
        agency: 'UNWOMEN',
        donor: 'NETHERLANDS',
        amounts: { '2024': 80_000, '2025': 40_000.5 },
      });
      await aBudgetLine(database, programme, { agency: 'UNDP', donor: null, amounts: { '2025': 30_000 } });
      await aBudgetLine(database, programme, {
        kind: 'management',
        output: null,
        agency: null,
        label: { fr: 'Coûts de gestion' },
        amounts: { '2023': 17_500.25 },
      });
      ({ slug: stated } = await aProgramme(database, {
        recipients: [
          { organisation: 'UNDP', convening: true, approvedBudget: 1_999_999.99 },
          { organisation: 'UNWOMEN', approvedBudget: 1_999_999.99 },
        ],
        donors: [{ organisation: 'PBF', amount: 3_999_999.98 }],
      }));
    },
  });

  it('gives the same total and the same amount per agency from the budget lines everywhere', async () => {
    const view = await get<BudgetView>(`/programmes/${lines}/budget`);
    // the budget lines are the truth: four lines, their agencies
    expect(view.lines).toHaveLength(4);
    expect(view.total).toBe(417_500.75);
    // an agency without budget (no line, or lines of 0) has 0: compared without it
    const truth = Object.fromEntries(
      view.subtotals.byAgency
        .filter((a) => a.organisation && a.total)
        .map((a) => [a.organisation!.code, a.total]),
    );
    expect(truth).toEqual({ UNDP: 280_000, UNWOMEN: 120_000.5 });

    const summary = view.summary;
    expect(summary.source).toBe('budget_lines');
    expect(summary.total).toBe(view.total);
    // what no recipient carries is said, not spread: the agencies and the rest make the total
    const unattributed = view.subtotals.byAgency.find((a) => !a.organisation)?.total ?? 0;
    expect(summary.unattributed).toBe(unattributed);
    expect(unattributed).toBe(17_500.25);
    expect(sumCents([...Object.values(truth), unattributed])).toBe(view.total);
    expect(summary.byYear.map((y) => [y.year, y.amount])).toEqual([
      [2023, 117_500.25],
      [2024, 230_000],
      [2025, 70_000.5],
    ]);
    expect(sumCents(summary.byYear.map((y) => y.amount))).toBe(view.total);
    const byAgency = (b: { byAgency: { organisation: { code: string }; amount: number | null }[] }) =>
      Object.fromEntries(b.byAgency.filter((a) => a.amount).map((a) => [a.organisation.code, a.amount]));
    expect(byAgency(summary)).toEqual(truth);

    const programme = await get<ProgrammeDetail>(`/programmes/${lines}`);
    expect(programme.totalBudget).toBe(view.total);
    expect(programme.budget).toEqual(summary);

    const portfolio = await get<{ items: ProgrammeSummary[] }>('/programmes');
    const card = portfolio.items.find((p) => p.slug === lines)!;
    expect(card.totalBudget).toBe(view.total);
    // the card carries the budget of record's total, source and lines; the rest is on the programme's page
    expect(card.budget).toEqual({ source: summary.source, total: summary.total, lines: summary.lines });

    const overview = await get<FinanceOverview>(`/programmes/${lines}/finance`);
    expect(overview.programmeTotal.budget).toBe(view.total);
    expect(overview.summary).toEqual(summary);

    const report: ReportDetail = await createReport(ctx(), lines, { type: 'annual', year: 2023 });
    expect(report.model.header.totalBudget).toBe(view.total);
    expect(
      Object.fromEntries(
        report.model.header.recipients.filter((r) => r.budget).map((r) => [r.code, r.budget]),
      ),
    ).toEqual(truth);

    // the report's Word document prints those figures in its header (not "Total 0,00 $US" and "—")
    const docx = await suite.app.inject({
      method: 'GET',
      url: `/api/v1/reports/${report.id}/export?format=docx&lang=fr`,
    });
    expect(docx.statusCode).toBe(200);
    const words = (await readDocx(docx.rawPayload)).paragraphs.join('\n').replace(/\s/g, '');
    const printed = (v: number) => v.toFixed(2).replace('.', ',');
    expect(words).toContain(printed(view.total));
    for (const amount of Object.values(truth)) expect(words).toContain(printed(amount));

    const iati = await suite.app.inject({ method: 'GET', url: `/api/v1/programmes/${lines}/export/iati` });
    expect(iati.statusCode, iati.body).toBe(200);
    const budgets = iatiBudgets(iati.body);
    expect(budgets.total).toBe(view.total);
    // a child activity without budget (an agency with none) gives 0
    expect(Object.values(budgets.byOrg).filter(Boolean).sort()).toEqual(Object.values(truth).sort());
  });

  it('keeps the donors consistent: their allocations plus what is not allocated make the total', async () => {
    const { summary } = await get<BudgetView>(`/programmes/${lines}/budget`);
    // what the lines charge to a donor (the line of UNDP without donor is not allocated)
    expect(summary.allocated).toBe(387_500.75);
    expect(summary.unallocated).toBe(30_000);
    expect(sumCents(summary.byDonor.map((d) => d.amount))).toBe(summary.allocated);
    expect(sumCents([summary.allocated, summary.unallocated])).toBe(summary.total);
    expect(summary.unallocated).toBeLessThan(summary.total);

    // the finance workbook's "Par bailleur" sheet says the same
    const res = await suite.app.inject({
      method: 'GET',
      url: `/api/v1/programmes/${lines}/finance/export?lang=fr`,
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Par bailleur')!;
    const rows: [string, number][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push([String(row.getCell(1).value), Number(row.getCell(2).value)]);
    });
    expect(rows.at(-2)).toEqual(['Non affecté à un bailleur', summary.unallocated]);
    expect(rows.at(-1)?.[1]).toBe(summary.total);
    expect(sumCents(rows.slice(0, -1).map(([, v]) => v))).toBe(summary.total);
  });

  it('gives a programme without budget lines the amounts its header states, everywhere', async () => {
    const programme = await get<ProgrammeDetail>(`/programmes/${stated}`);
    expect(programme.budget.source).toBe('stated');
    expect(programme.totalBudget).toBe(3_999_999.98);
    const view = await get<BudgetView>(`/programmes/${stated}/budget`);
    expect(view.summary).toEqual(programme.budget);
    expect(sumCents([view.summary.allocated, view.summary.unallocated])).toBe(view.summary.total);
    const iati = await suite.app.inject({ method: 'GET', url: `/api/v1/programmes/${stated}/export/iati` });
    expect(iatiBudgets(iati.body).total).toBe(3_999_999.98);
    // stated over the whole duration (more than a year), it cannot be split by year: no IATI budget carries
    // it (rule 7.5.3), the file says so at its head and keeps it, machine-readable, in Jalon's namespace
    expect(iati.body).not.toMatch(/<budget /);
    expect(iati.body).toMatch(/7\.5\.3/);
    expect(iati.body).toContain('xmlns:jalon="urn:x-jalon:iati"');
  });
});
