// Expenditure routes under /api/v1: expenses by budget line and their workbook template (the import of a
// filled one is the import pipeline's: server/modules/imports/expenditure-file.routes.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  expenditure,
  expenditureCreate,
  expenditurePatch,
  expenditureQuery,
} from '../../../core/contracts/finance/expenditure.js';
import { idParams, slugParams } from '../../../core/contracts/programme-api.js';
import {
  createExpenditure,
  deleteExpenditure,
  expenditureTemplate,
  listExpenditures,
  updateExpenditure,
} from './expenditure.service.js';
import { errorResponses } from '../../plugins/openapi.js';
import { may, read, tags, xlsx } from './finance-route-options.js';
import { financeScope } from './finance-scope.js';

const templateQuery = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    lang: z.enum(['fr', 'en']).optional(),
  })
  .strict();

export const expenditureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/programmes/:slug/expenditures',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Expenses of a programme (of one line with ?line=, of periods ending between ?from= and ?to=)',
        params: slugParams,
        querystring: expenditureQuery,
        response: { 200: z.object({ items: z.array(expenditure) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listExpenditures(request.ctx, request.params.slug, request.query) }),
  );

  app.post(
    '/programmes/:slug/expenditures',
    {
      config: may('data.write', financeScope.slug),
      schema: {
        tags,
        summary: 'Record an expense of a budget line over a period',
        params: slugParams,
        body: expenditureCreate,
        response: { 201: expenditure, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return createExpenditure(request.ctx, request.params.slug, request.body);
    },
  );

  // the import of a filled workbook: server/modules/imports/expenditure-file.routes.ts (the import pipeline)

  app.get(
    '/programmes/:slug/expenditures/template',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The Excel workbook to fill with expenses: every budget line, for a period (?from=&to=&lang=)',
        params: slugParams,
        querystring: templateQuery,
      },
    },
    async (request, reply) => {
      const file = await expenditureTemplate(
        request.ctx,
        request.params.slug,
        { start: request.query.from, end: request.query.to },
        request.query.lang ?? request.ctx.locale,
      );
      return reply
        .header('content-type', xlsx)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.bytes);
    },
  );

  app.patch(
    '/expenditures/:id',
    {
      config: may('data.write', financeScope.expenditure),
      schema: {
        tags,
        summary: 'Change an expense (send the version you read; 409 if it changed since)',
        params: idParams,
        body: expenditurePatch,
        response: { 200: expenditure, ...errorResponses },
      },
    },
    async (request) => updateExpenditure(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/expenditures/:id',
    {
      config: may('data.write', financeScope.expenditure),
      schema: {
        tags,
        summary: 'Delete an expense',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteExpenditure(request.ctx, request.params.id);
      reply.code(204);
      return null;
    },
  );
};
