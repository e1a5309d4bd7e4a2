/**
 * An expenditure workbook in one step, as the historical route (`POST …/expenditures/import`) and
 * `jalon expenditure import` run it: through the pipeline's expenditure kind, answered in finance's shape.
 */
import type { ExpenditureImportResult } from '../../../core/contracts/finance/expenditure.js';
import type { ServiceContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { assertExpensesOpen } from '../finance/expenditure.service.js';
import { recordOf, runImportOnce } from './imports.service.js';
import { expenditureOf } from './kinds/expenditure.kind.js';

/**
 * Imports a filled expenditure workbook: refused as a whole — every wrong cell named, as `file.rows.12.amount`
 * — if any row is wrong, or if a closed period holds one of its expenses (a dry run too); otherwise every row
 * is written in one transaction, the file kept as committed (an expense of the same line and period is
 * replaced), or with `dryRun` counted and nothing kept.
 */
export async function importExpenditureFile(
  ctx: ServiceContext,
  slug: string,
  input: { fileName: string; bytes: Buffer; dryRun?: boolean; createdBy?: string },
): Promise<ExpenditureImportResult> {
  const dryRun = input.dryRun ?? false;
  const { preview, result } = await runImportOnce<ExpenditureImportResult>(
    ctx,
    'expenditure',
    slug,
    input.bytes,
    { fileName: input.fileName, dryRun, ...(input.createdBy ? { createdBy: input.createdBy } : {}) },
  );
  if (result) return result;
  const { file } = expenditureOf(preview.read);
  if (file.issues.length)
    throw new AppError('validation_failed', 'Invalid workbook', { issues: file.issues.map((i) => i.api) });
  await assertExpensesOpen(ctx.db, ctx, preview.target.programme!.id, file);
  return preview.read.detail(recordOf(null, input.fileName, ctx.now())) as ExpenditureImportResult;
}
