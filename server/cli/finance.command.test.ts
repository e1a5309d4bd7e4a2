/** `jalon expenditure template|import` and `jalon export finance` as a user runs them: real processes, real files. */
import ExcelJS from '../documents/xlsx/exceljs.js';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.js';
import { aBudgetLine, aProgramme } from '../test/factories.js';
import { dataDirectoryWith } from '../test/test-database.js';

const run = promisify(execFile);
let dir: string;
const jalon = (args: string[]) =>
  run(process.execPath, ['bin/jalon.mjs', ...args], {
    env: { ...process.env, JALON_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' },
    maxBuffer: 64 * 1024 * 1024,
  });

const code = 'PBF/MLI/F-1';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jalon-finance-cli-'));
  await dataDirectoryWith(join(dir, 'data'), async (database) => {
    // USD 2,000,000 required, PBF's 1,500,000 allocated: 500,000 to be found
    const programme = await aProgramme(database, {
      code,
      startDate: '2021-07-01',
      firstTransferDate: '2021-07-15',
      endDate: '2023-12-31',
      resourcesRequired: 2_000_000,
      framework: { outcomes: 1, outputs: 2, effectiveDate: '2021-07-01' },
    });
    // four lines, two of them printed with a total their years do not make: two document discrepancies
    await aBudgetLine(database, programme, { code: '1.1.1-a', amounts: { '2022': 40_000 } });
    await aBudgetLine(database, programme, {
      code: '1.1.1-b',
      amounts: { '2022': 30_000 },
      statedTotal: 35_000,
    });
    await aBudgetLine(database, programme, {
      code: '1.2.1',
      output: '1.2',
      agency: 'UNWOMEN',
      amounts: { '2022': 20_000, '2023': 20_000 },
      statedTotal: 41_000,
    });
    await aBudgetLine(database, programme, {
      code: 'GESTION',
      kind: 'management',
      output: null,
      amounts: { '2022': 10_000 },
    });
  });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The kept files of the import pipeline, read once the command's process has let go of the data directory. */
async function keptImports() {
  const database = await openDatabase({ dataDir: join(dir, 'data') });
  try {
    const result = await database.db.execute(
      sql`select kind, status, file_name from imports order by created_at`,
    );
    return (result as unknown as { rows: { kind: string; status: string; file_name: string }[] }).rows;
  } finally {
    await database.close();
  }
}

describe('jalon expenditure and export finance', () => {
  it('writes the template, imports it filled in, and refuses a wrong file naming its cells', async () => {
    const template = join(dir, 'modele.xlsx');
    const written = await jalon([
      'expenditure',
      'template',
      '--programme',
      code,
      '--from',
      '2022-01-01',
      '--to',
      '2022-03-31',
      '--out',
      template,
    ]);
    expect(written.stdout.trim()).toBe(template);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).getCell(1).value).toBe('1.1.1-a');
    ws.getRow(3).getCell(4).value = '7 900';
    ws.getRow(4).getCell(4).value = 12000;
    await wb.xlsx.writeFile(template);

    const dry = await jalon(['expenditure', 'import', template, '--programme', code, '--dry-run']);
    expect(dry.stdout).toMatch(
      /^Vérifié \(rien écrit\) : 2 lignes, 19\u202f900,00\s\$US — 2 nouvelles, 0 remplacées, 0 inchangées\.$/m,
    );
    // a dry run keeps nothing; the import goes through the pipeline: its file is kept as committed
    expect(await keptImports()).toEqual([]);
    const done = await jalon(['expenditure', 'import', template, '--programme', code]);
    expect(done.stdout).toMatch(/^Importé : 2 lignes/m);
    expect(await keptImports()).toEqual([
      { kind: 'expenditure', status: 'committed', file_name: 'modele.xlsx' },
    ]);

    ws.getRow(3).getCell(4).value = 'beaucoup';
    ws.getRow(4).getCell(1).value = '9.9.9';
    const wrong = join(dir, 'faux.xlsx');
    await wb.xlsx.writeFile(wrong);
    const refused = await jalon(['expenditure', 'import', wrong, '--programme', code, '--lang', 'en']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toBe(
      [
        'faux.xlsx refused, nothing was written:',
        '  Row 3, column D (Amount spent): “beaucoup” is not an amount',
        '  Row 4, column A (Budget line): no budget line of this programme has the code “9.9.9”',
        '',
      ].join('\n'),
    );
    expect(await keptImports()).toHaveLength(1);
    // five processes and three openings of the data directory: on a loaded machine this takes minutes
  }, 300_000);

  it('exports budget vs expenditure vs results as a workbook in English', async () => {
    const file = join(dir, 'finance.xlsx');
    const { stdout } = await jalon([
      'export',
      'finance',
      code,
      '--as-of',
      '2022-12-31',
      '--lang',
      'en',
      '--out',
      file,
    ]);
    expect(stdout.trim()).toBe(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'By agency',
      'By outcome',
      'By output',
      'By donor',
      'Contributions',
      'Budget lines',
      'Document discrepancies',
      'Work plan',
      'Catalytic funding',
      'Decisions follow-up',
    ]);
    const summary = wb.getWorksheet('Summary')!;
    const value = (label: string) => {
      for (let r = 1; r <= summary.rowCount; r++)
        if (summary.getRow(r).getCell(1).value === label) return summary.getRow(r).getCell(2).value;
      return undefined;
    };
    expect(value('Spent (USD)')).toBe(19900);
    expect(value('To be found (USD)')).toBe(500_000);
    // a header and a row for each of the four lines, and for each of the two discrepancies
    expect(wb.getWorksheet('Budget lines')!.rowCount).toBe(1 + 4);
    expect(wb.getWorksheet('Document discrepancies')!.rowCount).toBe(1 + 2);
  }, 120_000);

  it('says what is wrong with a date', async () => {
    await expect(jalon(['export', 'finance', code, '--as-of', '31/12/2022'])).rejects.toMatchObject({
      stderr: expect.stringContaining('--as-of must be a date written YYYY-MM-DD, not "31/12/2022".'),
    });
  }, 60_000);
});
