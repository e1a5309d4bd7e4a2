// Finance view routes under /api/v1: the overview (delivery, funding, results progress) and its Excel export.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asOfQuery, financeExportQuery, financeOverview } from '../../../core/contracts/finance/delivery.js';
import { slugParams } from '../../../core/contracts/programme-api.js';
import { getFinanceOverview } from './delivery.service.js';
import { exportFinance } from './finance-workbook.js';
import { errorResponses } from '../../plugins/openapi.js';
import { read, tags, xlsx } from './finance-route-options.js';

export const deliveryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/programmes/:slug/finance',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Budget vs expenditure vs results at a date (?asOf=): delivery by agency, outcome, output, donor and year; funding gap; report figures',
        params: slugParams,
        querystring: asOfQuery,
        response: { 200: financeOverview, ...errorResponses },
      },
    },
    async (request) => getFinanceOverview(request.ctx, request.params.slug, request.query.asOf),
  );

  app.get(
    '/programmes/:slug/finance/export',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The finance views, budget lines, work plan and follow-up as an Excel workbook (?asOf=&lang=)',
        params: slugParams,
        querystring: financeExportQuery,
      },
    },
    async (request, reply) => {
      const file = await exportFinance(
        request.ctx,
        request.params.slug,
        request.query.asOf,
        request.query.lang ?? request.ctx.locale,
      );
      return reply
        .header('content-type', xlsx)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.bytes);
    },
  );
};
