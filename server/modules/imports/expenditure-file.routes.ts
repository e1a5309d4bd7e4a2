/**
 * The historical route of an expenditure workbook (base64 in a JSON body, `dryRun` in the body), answered as it
 * always was, through the import pipeline's expenditure kind: a dry run reads the file; an import keeps it and
 * commits, in one transaction.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  expenditureImportRequest,
  expenditureImportResult,
  type ExpenditureImportResult,
} from '../../../core/contracts/finance/expenditure.js';
import { slugParams } from '../../../core/contracts/programme-api.js';
import type { ServiceContext } from '../../context.js';
import { bytesOfBase64 } from '../../documents/base64-file.js';
import { AppError } from '../../errors.js';
import { errorResponses } from '../../plugins/openapi.js';
import { assertExpensesOpen } from '../finance/expenditure.service.js';
import { may, tags } from '../finance/finance-route-options.js';
import { financeScope } from '../finance/finance-scope.js';
import { recordOf, runImportOnce } from './imports.service.js';
import { expenditureOf } from './kinds/expenditure.kind.js';

/**
 * Imports a filled expenditure workbook: refused as a whole — every wrong cell named, as `file.rows.12.amount`
 * — if any row is wrong, or if a closed period holds one of its expenses (a dry run too); otherwise every row
 * is written in one transaction (an expense of the same line and period is replaced), or with `dryRun` counted.
 */
export async function importExpenditureWorkbook(
  ctx: ServiceContext,
  slug: string,
  input: { fileName: string; content: string; dryRun?: boolean },
): Promise<ExpenditureImportResult> {
  const dryRun = input.dryRun ?? false;
  const { preview, result } = await runImportOnce<ExpenditureImportResult>(
    ctx,
    'expenditure',
    slug,
    bytesOfBase64(input.content),
    { fileName: input.fileName, dryRun },
  );
  if (result) return result;
  const { file } = expenditureOf(preview.read);
  if (file.issues.length)
    throw new AppError('validation_failed', 'Invalid workbook', { issues: file.issues.map((i) => i.api) });
  await assertExpensesOpen(ctx.db, ctx, preview.target.programme!.id, file);
  return preview.read.detail(recordOf(null, input.fileName, ctx.now())) as ExpenditureImportResult;
}

export const expenditureFileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/programmes/:slug/expenditures/import',
    {
      config: may('data.write', financeScope.slug),
      // the workbook travels base64-encoded: 8 MiB of file is about 11 MiB of JSON
      bodyLimit: 12 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import expenses from an Excel workbook (base64): all or nothing, every wrong row named with its cell',
        params: slugParams,
        body: expenditureImportRequest,
        response: { 200: expenditureImportResult, ...errorResponses },
      },
    },
    async (request) => importExpenditureWorkbook(request.ctx, request.params.slug, request.body),
  );
};
