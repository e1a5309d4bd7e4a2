/**
 * Budget writes through the API on real databases: amounts typed as text, other currencies with their rate,
 * bad input refused with the line and field named (in the reader's language) and nothing half-written,
 * stale versions refused, a line with expenses kept. Each test reads a programme made below: UNDP and UN Women,
 * funded by the PBF and the Netherlands, with a work plan of three lines and the printed totals of output 4.1.
 */
import { describe, expect, it } from 'vitest';
import type { WorkPlanDocumentInput } from '../../../core/contracts/finance/workplan-document.js';
import type { BudgetLine, BudgetView } from '../../../core/contracts/finance/budget.js';
import { aBudgetLine, aProgramme, aWorkPlan } from '../../test/factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';

const issuesOf = (body: { error: { issues: { path: string; message: string }[] } }) =>
  Object.fromEntries(body.error.issues.map((i) => [i.path, i.message]));

describe.each(testEngines)('budget lines on %s', (engine) => {
  /** the programme with a budget */
  let slug: string;
  /** a programme with a results framework (outputs 1.1 …) and no work plan yet */
  let empty: string;
  const budget = async (of = slug): Promise<BudgetView> =>
    (await suite.app.inject({ method: 'GET', url: `/api/v1/programmes/${of}/budget` })).json();

  const suite = testSuite(engine, {
    data: async (database) => {
      const programme = await aProgramme(database, {
        startDate: '2023-01-01',
        endDate: '2027-12-31',
        framework: { outcomes: 4, outputs: 3 },
        donors: [
          { organisation: 'PBF', amount: 1_250_000 },
          { organisation: 'NETHERLANDS', amount: 250_000 },
        ],
      });
      slug = programme.slug;
      await aWorkPlan(database, programme, {
        lines: [
          {
            code: '1.1.1-a',
            kind: 'activity',
            output: '1.1',
            agency: 'UNDP',
            amounts: { '2023': 20_000, '2024': 30_000, '2025': 31_500, '2026': 25_000, '2027': 25_000 },
            statedTotal: 131_500,
          },
          {
            code: '4.1.2',
            kind: 'activity',
            output: '4.1',
            agency: 'UNWOMEN',
            amounts: { '2023': 25_000, '2024': 25_000, '2025': 25_000 },
            statedTotal: 75_000,
          },
        ],
        statedTotals: [
          {
            scope: 'output',
            code: '4.1',
            label: { fr: 'Sous-total produit 4.1' },
            amounts: { '2023': 25_000, '2024': 25_000, '2025': 25_000 },
            total: 75_000,
          },
        ],
      });
      await aBudgetLine(database, programme, {
        code: 'GMS',
        kind: 'management',
        label: { fr: 'Coûts indirects (7 %)' },
        output: null,
        amounts: { '2023': 9_205 },
      });
      ({ slug: empty } = await aProgramme(database, { startDate: '2025-01-01', endDate: '2027-12-31' }));
    },
  });

  it('adds a line in FCFA with its rate, keeping the original amount, and counts it everywhere', async () => {
    const res = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/budget-lines`,
      payload: {
        output: '2.3',
        label: { fr: 'Cliniques juridiques', en: 'Legal clinics' },
        agency: 'UNDP',
        donor: 'NETHERLANDS',
        fundingNote: 'Output 126206',
        currency: 'FCFA',
        exchangeRate: '600',
        amounts: { '2024': '12 000 000', '2025': '6 000 000,00' },
        genderPercent: 30,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const line: BudgetLine = res.json();
    expect(line).toMatchObject({
      code: 'L-1',
      kind: 'activity',
      outcome: '2',
      output: '2.3',
      total: 30000,
      genderAmount: 9000,
    });
    expect(line.amounts[0]).toEqual({
      year: 2024,
      amount: 20000,
      originalAmount: 12000000,
      originalCurrency: 'XOF',
      exchangeRate: 600,
    });
    expect(line.donor?.code).toBe('NETHERLANDS');
    const view = await budget();
    expect(view.subtotals.byDonor.find((d) => d.key === 'NETHERLANDS')?.total).toBe(30000);
    expect(
      view.funding.donors.find((d) => d.organisation.code === 'NETHERLANDS' && d.amount === 250000)?.budgeted,
    ).toBe(30000);
  });

  it('refuses bad amounts, negative budgets and currencies without a rate, naming each field, in French', async () => {
    const before = (await budget()).lines.length;
    const res = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/budget-lines`,
      payload: {
        output: '9.9',
        agency: 'PBF',
        currency: 'EUR',
        amounts: { '2023': 'douze mille', '2024': '-5 000', '2025': '1 000' },
      },
    });
    expect(res.statusCode).toBe(400);
    const issues = issuesOf(res.json());
    expect(issues).toMatchObject({
      'body.amounts.2023': "2023 : « douze mille » n'est pas un montant",
      'body.amounts.2024': '2024 : un montant ne peut pas être négatif (« -5 000 »)',
      'body.exchangeRate': 'taux de change manquant pour EUR (1 USD = combien de EUR ?)',
      'body.output': "le produit « 9.9 » n'existe dans aucune version du cadre de résultats",
    });
    expect(issues['body.agency']).toMatch(
      /« PBF » n'est pas une agence récipiendaire de ce programme \(agences : UNDP, UNWOMEN\)/,
    );
    expect((await budget()).lines).toHaveLength(before);
  });

  it('says the same in English when asked', async () => {
    const res = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/budget-lines`,
      headers: { 'accept-language': 'en' },
      payload: { kind: 'management', currency: 'Couronnes', amounts: { '2024': '12,5,3' } },
    });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.json())).toEqual({
      'body.currency': '“Couronnes” is not a currency (ISO code: USD, EUR, DKK, XOF or FCFA…)',
      'body.amounts.2024': '2024: “12,5,3” is not an amount',
    });
  });

  it('imports a whole work plan in one go, or nothing at all when one line is wrong', async () => {
    const doc: WorkPlanDocumentInput = {
      activities: [
        { code: 'A1', outcome: '1', output: '1.1', title: { fr: 'Formations' } },
        { code: 'A2', outcome: '1', output: '1.1', title: { fr: 'Sensibilisation' } },
      ],
      lines: [
        { code: 'A1', activity: 'A1', amounts: { '2026': '10 000', '2027': 5000 }, statedTotal: '15 000' },
        { code: 'A2', activity: 'A2', amounts: { '2026': 2500 }, statedTotal: 2500 },
        { code: 'X', activity: 'A9', amounts: { '2027': 'beaucoup' }, currency: 'DKK' },
      ],
      statedTotals: [
        {
          scope: 'output',
          code: '1.1',
          label: { fr: 'Sous-total 1.1' },
          amounts: { '2026': 12500, '2027': 5000 },
          total: 17501,
        },
      ],
    };
    const bad = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${empty}/workplan/import`,
      payload: doc,
    });
    expect(bad.statusCode).toBe(400);
    expect(issuesOf(bad.json())).toEqual({
      'body.lines.2.activity': "ligne « X » : aucune activité du plan de travail n'a le code « A9 »",
      'body.lines.2.exchangeRate':
        'ligne « X » : taux de change manquant pour DKK (1 USD = combien de DKK ?)',
      'body.lines.2.amounts.2027': "ligne « X », 2027 : « beaucoup » n'est pas un montant",
      'body.lines.2.outcome':
        "ligne « X » : une ligne d'appui technique ou sans activité ni produit doit nommer son résultat",
    });
    const plan = await suite.app.inject({ method: 'GET', url: `/api/v1/programmes/${empty}/workplan` });
    expect(plan.json().activities).toEqual([]);
    expect((await budget(empty)).lines).toEqual([]);

    doc.lines = doc.lines.slice(0, 2);
    const good = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${empty}/workplan/import`,
      payload: doc,
    });
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json()).toMatchObject({
      activities: 2,
      lines: 2,
      statedTotals: 1,
      discrepancies: [
        {
          scope: 'output',
          code: '1.1',
          year: null,
          basis: 'children',
          stated: 17501,
          computed: 17500,
          difference: 1,
        },
        {
          scope: 'output',
          code: '1.1',
          year: null,
          basis: 'row',
          stated: 17501,
          computed: 17500,
          difference: 1,
        },
      ],
    });
    const again = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${empty}/workplan/import`,
      payload: doc,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/déjà un plan de travail/);
  });

  it('refuses a stale version with 409 and the current line, and never loses an update', async () => {
    const line = (await budget()).lines.find((l) => l.code === '1.1.1-a')!;
    const patch = (body: Record<string, unknown>) =>
      suite.app.inject({ method: 'PATCH', url: `/api/v1/budget-lines/${line.id}`, payload: body });
    // two people change the same line from the same version at once: one wins, the other is told
    const [a, b] = await Promise.all([
      patch({ version: line.version, genderPercent: 40 }),
      patch({ version: line.version, donor: 'PBF' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('version_conflict');
    expect(loser.json().error.current.version).toBe(line.version + 1);
    const after = (await budget()).lines.find((l) => l.id === line.id)!;
    expect(after.version).toBe(line.version + 1);
    expect(after.total).toBe(131500);
    expect(after.amounts).toHaveLength(5);
  });

  it('changes the years of a line and checks them again', async () => {
    const line = (await budget()).lines.find((l) => l.code === '4.1.2')!;
    const res = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/budget-lines/${line.id}`,
      payload: { version: line.version, amounts: { '2023': 25000, '2024': 25000, '2025': 35000 } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBe(85000);
    const view = await budget();
    // the line no longer makes its printed total, and output 4.1 no longer makes its printed 2025 (its Total
    // column adds the lines' printed totals: the difference is reported once, on the line)
    expect(
      view.discrepancies
        .filter((d) => d.code === '4.1.2' || d.code === '4.1')
        .map((d) => [d.code, d.year, d.difference]),
    ).toEqual([
      ['4.1.2', null, -10000],
      ['4.1', 2025, -10000],
    ]);
  });

  it('keeps a line that has expenses, and deletes it once they are gone', async () => {
    const line = (await budget()).lines.find((l) => l.code === 'GMS')!;
    const spent = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/expenditures`,
      payload: { line: 'GMS', periodStart: '2022-01-01', periodEnd: '2022-12-31', amount: 1000 },
    });
    expect(spent.statusCode).toBe(201);
    const refused = await suite.app.inject({ method: 'DELETE', url: `/api/v1/budget-lines/${line.id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/1 dépense/);
    expect(
      (await suite.app.inject({ method: 'DELETE', url: `/api/v1/expenditures/${spent.json().id}` }))
        .statusCode,
    ).toBe(204);
    expect(
      (await suite.app.inject({ method: 'DELETE', url: `/api/v1/budget-lines/${line.id}` })).statusCode,
    ).toBe(204);
  });
});
