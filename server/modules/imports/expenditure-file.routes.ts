/**
 * The historical route of an expenditure workbook (base64 in a JSON body, `dryRun` in the body), answered as it
 * always was, through the import pipeline's expenditure kind: a dry run reads the file; an import keeps it and
 * commits, in one transaction.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  expenditureImportRequest,
  expenditureImportResult,
} from '../../../core/contracts/finance/expenditure.js';
import { slugParams } from '../../../core/contracts/programme-api.js';
import { bytesOfBase64 } from '../../documents/base64-file.js';
import { errorResponses } from '../../plugins/openapi.js';
import { may, tags } from '../finance/finance-route-options.js';
import { financeScope } from '../finance/finance-scope.js';
import { importExpenditureFile } from './expenditure-file.service.js';

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
    async (request) => {
      const { fileName, content, dryRun } = request.body;
      return importExpenditureFile(request.ctx, request.params.slug, {
        fileName,
        bytes: bytesOfBase64(content),
        ...(dryRun === undefined ? {} : { dryRun }),
      });
    },
  );
};
