/**
 * Expenditure at scale: importing 100,000 expense rows from an Excel workbook (`importExpenditureFile`, the
 * import pipeline's expenditure kind: the workbook read, every row checked — line code, dates in two
 * writings, amounts as numbers or French text, FCFA with its rate, no period twice — then written in one transaction with `unnest` of arrays), and reading
 * delivery per agency, outcome, output, donor and year at a date over those 100,000 expenses
 * (`getFinanceOverview`).
 *
 * Data: PROSMED's work plan of the seeds (101 budget lines), one expense per line and day from July 2021.
 * Baselines: the same rows inserted into the same table by raw `INSERT … SELECT FROM unnest` (no reading, no
 * checking), and the same five views (agency, outcome, output, donor, year) by five raw aggregate queries —
 * the ratios are what reading a workbook and checking it, and presenting every view, cost on top of the bare
 * SQL.
 *
 * Run: `npm run bench -- expenditure`, or `npx tsx bench/expenditure.bench.ts`.
 */
import ExcelJS from '../server/documents/xlsx/exceljs.js';
import { PassThrough } from 'node:stream';
import type { Engine } from '../server/db/client.js';
import { getFinanceOverview } from '../server/modules/finance/delivery.service.js';
import { importExpenditureFile } from '../server/modules/imports/expenditure-file.service.js';
import { openFieldEngine, withPeakMemory } from './field-engine.js';
import { measure, once, runIfMain, size, type BenchResult } from './measure.js';
import { operatorContext } from '../server/context.js';

const ROWS = size('JALON_BENCH_EXPENDITURE_ROWS', 100_000, 10_000);
const RUNS = 10;

const dayOf = (n: number) => new Date(Date.UTC(2021, 6, 1) + n * 86_400_000).toISOString().slice(0, 10);

async function workbook(codes: string[]): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet('Dépenses');
  ws.addRow([
    'Ligne budgétaire',
    'Début',
    'Fin',
    'Montant dépensé',
    'Devise',
    'Taux (1 USD = …)',
    'Note',
  ]).commit();
  for (let i = 0; i < ROWS; i++) {
    const code = codes[i % codes.length]!;
    const day = dayOf(Math.floor(i / codes.length));
    const french = `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
    const amount = 100 + (i % 1000);
    if (i % 10 === 0) ws.addRow([code, day, day, `${amount * 600} `, 'FCFA', '600', null]).commit();
    else if (i % 3 === 0) ws.addRow([code, french, french, `${amount},50`, null, null, 'Atelier']).commit();
    else ws.addRow([code, day, day, amount, 'USD', null, null]).commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

const literal = (values: string[]) => `{${values.join(',')}}`;

export async function expenditureBench(engine: Engine): Promise<BenchResult[]> {
  const { database, query, close } = await openFieldEngine(engine);
  try {
    const ctx = operatorContext(database.db, 'fr', () => new Date('2026-11-26T12:00:00Z'));
    const lines = await query(
      `select l.id, l.code from budget_lines l join programmes p on p.id = l.programme_id where p.slug = 'prosmed' order by l.sort`,
      [],
    );
    const codes = lines.map((l) => String(l.code));
    const bytes = await workbook(codes);
    const run = await withPeakMemory(() =>
      importExpenditureFile(ctx, 'prosmed', { fileName: 'bench.xlsx', bytes, dryRun: false }),
    );
    if (run.result.created !== ROWS)
      throw new Error(`imported ${run.result.created} expenses, expected ${ROWS}`);

    // baseline: the same rows written by raw SQL into the same table (its unique index, date index, foreign key
    // and audit triggers), 28 years later (leap days stay leap days) so as not to meet the imported periods, in
    // one transaction rolled back afterwards so that the views below read the same data as before
    const ids = lines.map((l) => String(l.id));
    const later = (n: number) => `${Number(dayOf(n).slice(0, 4)) + 28}${dayOf(n).slice(4)}`;
    const rawStart = performance.now();
    await query('begin', []);
    for (let i = 0; i < ROWS; i += 5000) {
      const n = Math.min(5000, ROWS - i);
      const at = Array.from({ length: n }, (_, k) => i + k);
      await query(
        `insert into expenditures (budget_line_id, period_start, period_end, amount_usd, provenance)
         select * from unnest($1::uuid[], $2::date[], $3::date[], $4::numeric[], $5::expenditure_provenance[])`,
        // array literals: PGlite's raw query does not serialise JS arrays
        [
          literal(at.map((j) => ids[j % ids.length]!)),
          literal(at.map((j) => later(Math.floor(j / ids.length)))),
          literal(at.map((j) => later(Math.floor(j / ids.length)))),
          literal(at.map((j) => String(100 + (j % 1000)))),
          literal(at.map(() => 'imported')),
        ],
      );
    }
    const rawMs = performance.now() - rawStart;
    await query('rollback', []);

    const overview = await measure(`delivery views over ${ROWS} expenses`, RUNS, async () => {
      await getFinanceOverview(ctx, 'prosmed', '2023-12-31');
    });
    // the same views by raw SQL: spent by agency, outcome, output, donor and year, at the date
    const rawOverview = await measure(
      'raw SQL: delivery by agency, outcome, output, donor, year',
      RUNS,
      async () => {
        await Promise.all(
          [
            'l.agency_id',
            'l.outcome_code',
            'l.output_code',
            'l.donor_id',
            'extract(year from e.period_end)',
          ].map((by) =>
            query(
              `select ${by} as key, sum(e.amount_usd) as spent
                 from expenditures e join budget_lines l on l.id = e.budget_line_id
                 join programmes p on p.id = l.programme_id
                where p.slug = 'prosmed' and e.period_end <= $1
                group by 1`,
              ['2023-12-31'],
            ),
          ),
        );
      },
    );
    return [
      {
        ...once(`import ${ROWS} expense rows from .xlsx`, run.ms, run.peakMb),
        baseline: once('raw SQL insert of the same rows', rawMs, 0),
      },
      { ...overview, baseline: rawOverview },
    ];
  } finally {
    await close();
  }
}

await runIfMain(import.meta.url, expenditureBench);
