/**
 * Expenditure from a filled workbook (`GET …/expenditures/template`): one row per budget line and period.
 * Reading and the rules (the agency's own lines, no period twice): `finance/expenditure.service.ts`. An expense
 * already recorded for the same line and period is replaced.
 */
import type { ExpenditureImportResult } from '../../../../core/contracts/finance.js';
import {
  assertExpensesOpen,
  readExpenditureFile,
  writeExpenditureFile,
  type ExpenditureFile,
} from '../../finance/expenditure.service.js';
import type { ImportKind, ImportRead } from '../import-kind.js';

interface Parsed {
  file: ExpenditureFile;
  /** what writing it would do, read when it was previewed */
  counts: { created: number; updated: number; unchanged: number };
}

/** What an expenditure file was read into, for the historical route's own refusals. */
export const expenditureOf = (read: ImportRead<unknown, unknown>) => read.parsed as Parsed;

export const expenditureKind: ImportKind<null, Parsed, ExpenditureImportResult, ExpenditureImportResult> = {
  name: 'expenditure',
  hasMapping: false,
  parseOptions: () => null,
  async read(ctx, target, bytes) {
    const programme = target.programme!;
    const file = await readExpenditureFile(ctx, programme.id, bytes);
    const counts = await writeExpenditureFile(ctx.db, file, false);
    return {
      format: 'xlsx',
      parsed: { file, counts },
      issues: file.issues.map((i) => ({
        severity: 'error' as const,
        where: { sheet: file.sheet, row: i.row, column: i.column, path: i.field },
        message: i.message,
      })),
      rowCount: file.rowCount,
      itemCount: file.rows.length,
      detail: (record) => ({
        fileName: record.fileName,
        dryRun: true,
        rows: file.rows.length,
        ...counts,
        total: file.total,
      }),
    };
  },
  async commit(ctx, tx, target, { file }, meta) {
    await assertExpensesOpen(tx, ctx, target.programme!.id, file);
    // the counts are read in the transaction that writes, so that they say what it did
    const counts = await writeExpenditureFile(tx, file, true);
    return { fileName: meta.fileName, dryRun: false, rows: file.rows.length, ...counts, total: file.total };
  },
};
