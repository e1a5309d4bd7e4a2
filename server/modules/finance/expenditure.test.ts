/**
 * Expenditure on real databases: entered one by one, imported from a real Excel workbook (all or nothing, every
 * wrong cell named), delivery rates per agency, output and programme at any date, and the agency rule of focal
 * points.
 */
import ExcelJS from '../../documents/xlsx/exceljs.js';
import { describe, expect, it } from 'vitest';
import type { FinanceOverview } from '../../../core/contracts/finance.js';
import { testApp } from '../../test/api-client.js';
import { aBudgetLine, aProgramme } from '../../test/factories.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';

type Cell = string | number | Date | null;
async function workbook(
  rows: Cell[][],
  header = ['Ligne budgétaire', 'Début', 'Fin', 'Montant dépensé', 'Devise', 'Taux (1 USD = …)', 'Note'],
) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dépenses');
  ws.addRow(['Dépenses du trimestre']);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/**
 * The budget the tests spend on (USD): outputs 1.1 to 2.4 of UNDP and UN Women, a management line, 260,000 in
 * all; two lines printed with a total their years do not make.
 */
const lines: Parameters<typeof aBudgetLine>[2][] = [
  { code: '1.1.1-a', output: '1.1', agency: 'UNDP', amounts: { '2021': 10_000, '2022': 30_000 } },
  { code: '1.1.1-b', output: '1.1', agency: 'UNDP', amounts: { '2022': 20_000 }, statedTotal: 25_000 },
  { code: '1.2.1', output: '1.2', agency: 'UNDP', amounts: { '2022': 15_000 } },
  { code: '1.3.1', output: '1.3', agency: 'UNDP', amounts: { '2023': 10_000, '2024': 10_000 } },
  { code: '2.1.1-a', output: '2.1', agency: 'UNWOMEN', amounts: { '2022': 20_000 } },
  { code: '2.1.1-b', output: '2.1', agency: 'UNWOMEN', amounts: { '2022': 10_000 } },
  { code: '2.2.1-a', output: '2.2', agency: 'UNDP', amounts: { '2022': 5_000 } },
  { code: '2.2.1-b', output: '2.2', agency: 'UNDP', amounts: { '2022': 5_000 } },
  { code: '2.2.1-c', output: '2.2', agency: 'UNDP', amounts: { '2022': 5_000 }, statedTotal: 6_000 },
  // the gender-responsive lines: all of their spending counts as such
  {
    code: '2.4.1',
    output: '2.4',
    agency: 'UNWOMEN',
    amounts: { '2021': 30_000, '2022': 30_000 },
    genderPercent: 100,
  },
  { code: '2.4.2', output: '2.4', agency: 'UNWOMEN', amounts: { '2022': 10_000 }, genderPercent: 100 },
  { code: 'GESTION', kind: 'management', output: null, agency: 'UNDP', amounts: { '2022': 50_000 } },
];

describe.each(testEngines)('expenditure on %s', (engine) => {
  let slug: string;
  const overview = async (asOf: string, headers: Record<string, string> = {}): Promise<FinanceOverview> => {
    const res = await suite.app.inject({
      method: 'GET',
      url: `/api/v1/programmes/${slug}/finance?asOf=${asOf}`,
      headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const expenses = async () =>
    (await suite.app.inject({ method: 'GET', url: `/api/v1/programmes/${slug}/expenditures` })).json()
      .items as {
      id: string;
      amount: number;
    }[];

  const suite = testSuite(engine, {
    data: async (database) => {
      const programme = await aProgramme(database, {
        startDate: '2021-07-01',
        firstTransferDate: '2021-07-15',
        endDate: '2025-12-31',
        framework: { outcomes: 2, outputs: 4, effectiveDate: '2021-07-01' },
      });
      slug = programme.slug;
      for (const line of lines) await aBudgetLine(database, programme, { genderPercent: null, ...line });
    },
  });

  it('has no delivery before any expense, and says so to the report', async () => {
    const o = await overview('2021-12-31');
    expect(o.hasExpenditure).toBe(false);
    expect(o.programmeTotal).toMatchObject({ budget: 260_000, spent: 0, rate: 0 });
    expect(o.reportFigures).toEqual({ implementationRate: null, genderBudgetSpent: null });
    expect(o.discrepancies).toBe(2);
  });

  it('records expenses, and reads delivery per output, agency and programme at any date', async () => {
    const post = (payload: Record<string, unknown>) =>
      suite.app.inject({ method: 'POST', url: `/api/v1/programmes/${slug}/expenditures`, payload });
    expect(
      (await post({ line: '1.1.1-a', periodStart: '2021-07-01', periodEnd: '2021-12-31', amount: '7 900' }))
        .statusCode,
    ).toBe(201);
    const gender = await post({
      line: '2.4.1',
      periodStart: '2021-07-01',
      periodEnd: '2021-12-31',
      amount: 20000,
      note: 'Étude genre',
    });
    expect(gender.statusCode).toBe(201);
    expect(gender.json()).toMatchObject({ amount: 20000, provenance: 'entered', line: { code: '2.4.1' } });
    const cfa = await post({
      line: '1.1.1-a',
      periodStart: '2022-01-01',
      periodEnd: '2022-03-31',
      amount: '6 000 000',
      currency: 'FCFA',
      exchangeRate: '600',
    });
    expect(cfa.json()).toMatchObject({
      amount: 10000,
      originalAmount: 6000000,
      originalCurrency: 'XOF',
      exchangeRate: 600,
    });

    const end2021 = await overview('2021-12-31');
    const output11 = end2021.byOutput.find((o) => o.key === '1.1')!;
    // 7,900 of the output's 60,000, and of the 10,000 planned up to 2021
    expect(output11).toMatchObject({
      budget: 60000,
      budgetToDate: 10000,
      spent: 7900,
      rate: 13.17,
      rateToDate: 79,
    });
    const women = end2021.byAgency.find((a) => a.key === 'UNWOMEN')!;
    expect(women).toMatchObject({ spent: 20000, genderSpent: 20000, budget: 100000 });
    expect(end2021.programmeTotal.spent).toBe(27900);
    // 27,900 of 260,000
    expect(end2021.reportFigures).toEqual({ implementationRate: 10.73, genderBudgetSpent: 20000 });
    expect(end2021.byYear.find((y) => y.year === 2021)).toMatchObject({ spent: 27900 });

    // the quarter ending in March 2022 counts from that date on, not before
    expect((await overview('2022-03-30')).programmeTotal.spent).toBe(27900);
    expect((await overview('2022-03-31')).byOutput.find((o) => o.key === '1.1')!.spent).toBe(17900);
    // an unknown date is refused, naming the parameter
    const bad = await suite.app.inject({
      method: 'GET',
      url: `/api/v1/programmes/${slug}/finance?asOf=31/12/2021`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toMatch(/^querystring\.asOf/);
  });

  it('refuses a second expense for the same line and period, and a stale version', async () => {
    const again = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/expenditures`,
      payload: { line: '1.1.1-a', periodStart: '2021-07-01', periodEnd: '2021-12-31', amount: 1 },
    });
    expect(again.statusCode).toBe(409);
    const [first] = await expenses();
    const ok = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/expenditures/${first!.id}`,
      payload: { version: 1, amount: '8 000' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ amount: 8000, version: 2 });
    const stale = await suite.app.inject({
      method: 'PATCH',
      url: `/api/v1/expenditures/${first!.id}`,
      payload: { version: 1, amount: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.amount).toBe(8000);
  });

  it('imports a workbook, French dates and FCFA included, and says what it did', async () => {
    const content = await workbook([
      ['2.1.1-a', '01/01/2022', '31/03/2022', '12 500,50', null, null, 'Atelier RSS'],
      ['2.1.1-b', new Date(Date.UTC(2022, 0, 1)), new Date(Date.UTC(2022, 2, 31)), 3000, 'FCFA', '600', null],
      ['GESTION', '2022-01-01', '2022-03-31', 40000, 'USD', null, null],
    ]);
    const dry = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/expenditures/import`,
      payload: { fileName: 'T1-2022.xlsx', content, dryRun: true },
    });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({
      fileName: 'T1-2022.xlsx',
      dryRun: true,
      rows: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      total: 52505.5,
    });
    const countBefore = (await expenses()).length;
    const done = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/expenditures/import`,
      payload: { fileName: 'T1-2022.xlsx', content },
    });
    expect(done.json()).toMatchObject({ dryRun: false, rows: 3, created: 3, updated: 0, unchanged: 0 });
    expect((await expenses()).length).toBe(countBefore + 3);
    // the same file again changes nothing; a corrected amount replaces the expense of that line and period
    const same = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/expenditures/import`,
      payload: { fileName: 'T1-2022.xlsx', content },
    });
    expect(same.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const corrected = await workbook([['GESTION', '2022-01-01', '2022-03-31', 45000, 'USD', null, null]]);
    const replaced = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/expenditures/import`,
      payload: { fileName: 'corr.xlsx', content: corrected },
    });
    expect(replaced.json()).toMatchObject({ created: 0, updated: 1, unchanged: 0, total: 45000 });
    const gestion = (
      await suite.app.inject({ method: 'GET', url: `/api/v1/programmes/${slug}/expenditures?line=GESTION` })
    ).json().items;
    expect(gestion).toEqual([expect.objectContaining({ amount: 45000, provenance: 'imported', version: 2 })]);
  });

  it('refuses a workbook with wrong rows as a whole, naming every wrong cell, in the reader’s language', async () => {
    const before = await expenses();
    const content = await workbook([
      ['2.2.1-a', '2022-04-01', '2022-06-30', 1000, null, null, null],
      ['9.9.9', '2022-04-01', '2022-06-30', 1000, null, null, null],
      ['2.2.1-b', '31/06/2022', '2022-06-30', 'mille', null, null, null],
      ['2.2.1-c', '2022-04-01', '2022-03-31', '-50', 'EUR', null, null],
      ['2.2.1-a', '2022-04-01', '2022-06-30', 2000, null, null, null],
      [null, null, null, 500, null, null, null],
    ]);
    const res = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/expenditures/import`,
      payload: { fileName: 'faux.xlsx', content },
    });
    expect(res.statusCode).toBe(400);
    const messages = res
      .json()
      .error.issues.map((i: { path: string; message: string }) => `${i.path} | ${i.message}`);
    expect(messages).toEqual([
      "file.rows.4.line | Ligne 4, colonne A (Ligne budgétaire) : aucune ligne budgétaire de ce programme n'a le code « 9.9.9 »",
      "file.rows.5.start | Ligne 5, colonne B (Début) : « 31/06/2022 » n'est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA)",
      "file.rows.5.amount | Ligne 5, colonne D (Montant dépensé) : « mille » n'est pas un montant",
      'file.rows.6.end | Ligne 6, colonne C (Fin) : la fin de la période précède son début',
      'file.rows.6.amount | Ligne 6, colonne D (Montant dépensé) : un montant ne peut pas être négatif (« -50 »)',
      'file.rows.6.rate | Ligne 6, colonne F (Taux (1 USD = …)) : taux de change manquant pour EUR (1 USD = combien de EUR ?)',
      'file.rows.7.start | Ligne 7, colonne B (Début) : la ligne 2.2.1-a a déjà une dépense pour cette période (ligne 3 du fichier)',
      'file.rows.8.line | Ligne 8, colonne A (Ligne budgétaire) : valeur obligatoire',
      'file.rows.8.start | Ligne 8, colonne B (Début) : valeur obligatoire',
      'file.rows.8.end | Ligne 8, colonne C (Fin) : valeur obligatoire',
    ]);
    expect(await expenses()).toEqual(before);

    const english = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/expenditures/import`,
      headers: { 'accept-language': 'en' },
      payload: {
        fileName: 'faux.xlsx',
        content: await workbook(
          [['9.9.9', '2022-04-01', '2022-06-30', 1, null, null, null]],
          ['Budget line', 'Start', 'End', 'Amount', 'Currency', 'Rate', 'Note'],
        ),
      },
    });
    expect(english.json().error.issues).toEqual([
      {
        path: 'file.rows.3.line',
        message: 'Row 3, column A (Budget line): no budget line of this programme has the code “9.9.9”',
      },
    ]);
  });

  it('refuses what is not a workbook, or one without the columns', async () => {
    const notXlsx = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/expenditures/import`,
      payload: { fileName: 'notes.txt', content: Buffer.from('ligne;montant').toString('base64') },
    });
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.issues).toEqual([
      { path: 'body.content', message: "le fichier n'est pas un classeur Excel (.xlsx) lisible" },
    ]);
    const noAmount = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/expenditures/import`,
      payload: { fileName: 'x.xlsx', content: await workbook([], ['Ligne budgétaire', 'Début', 'Fin']) },
    });
    expect(noAmount.json().error.issues).toEqual([
      {
        path: 'file.rows.2',
        message: "colonne « Montant dépensé » introuvable sur la ligne d'en-tête (ligne 2)",
      },
    ]);
    // a sheet whose compressed bytes are damaged: refused, where the streamed reading used to wait forever
    const rows: Cell[][] = Array.from({ length: 3000 }, (_, i) => [
      '1.1.1-a',
      '2022-01-01',
      '2022-03-31',
      i + 1,
    ]);
    const good = Buffer.from(await workbook(rows), 'base64');
    const damaged = Buffer.from(good);
    const part = damaged.indexOf('xl/worksheets/sheet1.xml');
    damaged.fill(0x55, part + 60, part + 200);
    const broken = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/expenditures/import`,
      payload: { fileName: 'abime.xlsx', content: damaged.toString('base64') },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.issues[0].path).toBe('body.content');
  });

  it('hands out a template that imports back as it is filled', async () => {
    const res = await suite.app.inject({
      method: 'GET',
      url: `/api/v1/programmes/${slug}/expenditures/template?from=2022-07-01&to=2022-09-30&lang=fr`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`${slug}-depenses-2022-09-30.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).getCell(1).value).toBe('Ligne budgétaire');
    expect(ws.rowCount).toBe(2 + lines.length);
    expect(ws.getRow(3).getCell(1).value).toBe('1.1.1-a');
    expect(ws.getRow(3).getCell(10).value).toBe(40000);
    // fill two rows, leave the others without amount: they are skipped
    ws.getRow(3).getCell(4).value = 1500;
    ws.getRow(4).getCell(4).value = '2 500';
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const imported = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/expenditures/import`,
      payload: { fileName: 'modele.xlsx', content },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ rows: 2, created: 2, total: 4000 });
  });

  it('lets a focal point record expenses for their own agency only', async () => {
    const focal = await testApp(suite.database, {
      as: {
        email: 'focal.onufemmes@test.jalon',
        memberships: [{ programme: slug, role: 'focal_point', organisation: 'UNWOMEN' }],
      },
    });
    try {
      const own = await focal.inject({
        method: 'POST',
        url: `/api/v1/programmes/${slug}/expenditures`,
        payload: { line: '2.4.2', periodStart: '2022-01-01', periodEnd: '2022-03-31', amount: 500 },
      });
      expect(own.statusCode, own.body).toBe(201);
      const other = await focal.inject({
        method: 'POST',
        url: `/api/v1/programmes/${slug}/expenditures`,
        payload: { line: '1.2.1', periodStart: '2022-01-01', periodEnd: '2022-03-31', amount: 500 },
      });
      expect(other.statusCode).toBe(403);
      const file = await focal.inject({
        method: 'POST',
        url: `/api/v1/programmes/${slug}/expenditures/import`,
        payload: {
          fileName: 'x.xlsx',
          content: await workbook([['1.2.1', '2022-04-01', '2022-06-30', 1, null, null, null]]),
        },
      });
      expect(file.statusCode).toBe(400);
      expect(file.json().error.issues[0].message).toMatch(/votre agence \(ligne 1\.2\.1\)/);
      const budget = await focal.inject({
        method: 'POST',
        url: `/api/v1/programmes/${slug}/budget-lines`,
        payload: { kind: 'management', amounts: { '2024': 1 } },
      });
      expect(budget.statusCode).toBe(403);
    } finally {
      await focal.close();
    }
  });
  it('keeps the accounts of a closed period closed: no expense dated in it is recorded, changed or removed', async () => {
    const post = (payload: Record<string, unknown>) =>
      suite.app.inject({ method: 'POST', url: `/api/v1/programmes/${slug}/expenditures?lang=fr`, payload });
    const open = await post({
      line: '1.3.1',
      periodStart: '2023-01-01',
      periodEnd: '2023-03-31',
      amount: 100,
    });
    expect(open.statusCode, open.body).toBe(201);
    const closed = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/programmes/${slug}/closed-periods`,
      payload: { start: '2023-01-01', end: '2023-12-31', reason: 'Comptes 2023 certifiés' },
    });
    expect(closed.statusCode, closed.body).toBe(201);
    try {
      const refused = await post({
        line: '1.3.1',
        periodStart: '2023-04-01',
        periodEnd: '2023-06-30',
        amount: 100,
      });
      expect(refused.statusCode).toBe(423);
      expect(refused.json().error.message).toContain('Comptes 2023 certifiés');
      const { id, version } = open.json();
      const change = await suite.app.inject({
        method: 'PATCH',
        url: `/api/v1/expenditures/${id}`,
        payload: { version, amount: 200 },
      });
      expect(change.statusCode).toBe(423);
      expect(
        (await suite.app.inject({ method: 'DELETE', url: `/api/v1/expenditures/${id}` })).statusCode,
      ).toBe(423);
      const file = await suite.app.inject({
        method: 'POST',
        url: `/api/v1/programmes/${slug}/expenditures/import`,
        payload: {
          fileName: 'x.xlsx',
          content: await workbook([['1.3.1', '2023-07-01', '2023-09-30', 1, null, null, null]]),
        },
      });
      expect(file.statusCode).toBe(423);
      // a period after the closed one is open
      expect(
        (await post({ line: '1.3.1', periodStart: '2024-01-01', periodEnd: '2024-03-31', amount: 100 }))
          .statusCode,
      ).toBe(201);
    } finally {
      await suite.app.inject({
        method: 'POST',
        url: `/api/v1/closed-periods/${closed.json().id}/reopen`,
        payload: { reason: 'fin du test' },
      });
    }
  });
});
