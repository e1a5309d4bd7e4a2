/**
 * The PBF report is offered the figures computed from the money recorded in Jalon: the implementation rate and
 * the gender-responsive amount spent by the period's end, and the catalytic funding obtained by then — instead
 * of the last figures a report gave, which it still falls back to when no expense is recorded.
 */
import { describe, expect, it } from 'vitest';
import type { ReportDetail } from '../../../core/contracts/report.js';
import { aProgramme } from '../../test/factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';
import { createReport, deleteReport } from '../reports/reports.service.js';
import { operatorContext } from '../../context.js';

describe.each(testEngines)('report figures from the money on %s', (engine) => {
  // the reports service itself: the hook lives in its createReport, whatever route or command calls it
  const ctx = () => operatorContext(suite.database.db, 'fr', () => new Date('2026-11-26T12:00:00Z'));
  let slug: string;
  const create = (): Promise<ReportDetail> => createReport(ctx(), slug, { type: 'semi_annual', year: 2021 });
  const suite = testSuite(engine, {
    data: async (database) => {
      ({ slug } = await aProgramme(database, {
        firstTransferDate: '2020-01-15',
        endDate: '2021-12-31',
        recipients: [{ organisation: 'UNDP', convening: true, approvedBudget: 2_000_000 }],
        // what the last report said, before any expense was recorded in Jalon
        financialSnapshots: [
          { asOf: '2020-11-30', implementationRate: 12, genderBudgetSpent: 31000 },
          { asOf: '2021-05-31', implementationRate: 18, genderBudgetSpent: 59416.02 },
        ],
        organisations: [{ code: 'SWEDEN', kind: 'donor', name: { fr: 'Suède', en: 'Sweden' } }],
      }));
    },
  });

  it('falls back to the last reported figures while no expense is recorded', async () => {
    const report = await create();
    expect(report.model.content.fields).toMatchObject({
      implementation_rate: 18,
      gender_budget_spent: 59416.02,
    });
    expect(report.model.content.fields.catalytic_funding).toBeUndefined();
    await deleteReport(ctx(), report.id);
  });

  it('offers the rate, the gender-responsive amount spent and the catalytic funding computed by the period’s end', async () => {
    const line = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/budget-lines`,
      payload: {
        kind: 'management',
        label: { fr: 'Budget PNUD' },
        agency: 'UNDP',
        donor: 'PBF',
        amounts: { '2020': '1 000 000', '2021': '1 000 000' },
        genderPercent: 25,
      },
    });
    expect(line.statusCode, line.body).toBe(201);
    const code = line.json().code;
    for (const [start, end, amount] of [
      ['2021-01-01', '2021-06-30', 500000],
      ['2021-07-01', '2021-09-30', 100000], // after the period: not counted
    ] as const) {
      const res = await suite.app.inject({
        method: 'POST',
        url: `/api/v1/programmes/${slug}/expenditures`,
        payload: { line: code, periodStart: start, periodEnd: end, amount },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    for (const payload of [
      {
        donor: 'SWEDEN',
        amount: '50 000',
        date: '2021-03-01',
        note: 'Cofinancement des cliniques juridiques',
      },
      { donorName: 'Fondation privée', amount: 10000, date: '2021-08-01' },
    ]) {
      const res = await suite.app.inject({
        method: 'POST',
        url: `/api/v1/programmes/${slug}/catalytic-funding`,
        payload,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const report = await create();
    expect(report.model.content.fields).toMatchObject({
      implementation_rate: 25,
      gender_budget_spent: 125000,
      catalytic_funding: { rows: [{ donor: 'Suède', amount: 50000 }] },
    });
    // the same figures as the finance view at that date
    const view = (
      await suite.app.inject({ method: 'GET', url: `/api/v1/programmes/${slug}/finance?asOf=2021-06-30` })
    ).json();
    expect(view.reportFigures).toEqual({ implementationRate: 25, genderBudgetSpent: 125000 });
    expect(view.catalytic.total).toBe(50000);
  });
});
