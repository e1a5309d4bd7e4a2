import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { slugParams } from '../../../core/contracts/programme-api.js';
import { periodQuery, portfolioDashboard, programmeDashboard } from '../../../core/contracts/dashboards.js';
import { errorResponses } from '../../plugins/openapi.js';
import { portfolioDashboard as portfolio, programmeDashboard as programme } from './dashboards.service.js';

const tags = ['field data'];

export const dashboardsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/programmes/:slug/dashboard',
    {
      // answered from memory until one of the tables it read changes (plugins/read-cache.ts): a kept answer is
      // sent before validation and the handler, a browser asking again gets 304
      config: { access: 'public', readCache: true },
      schema: {
        tags,
        summary:
          "A programme's live dashboard for a period (`period=2023-Q4`, `2023`, or `from`/`to`; by default the current quarter, else the latest with activities): indicator progress, participants by sex and age and by category, activities over time, what each agency recorded, figures per cercle",
        params: slugParams,
        querystring: periodQuery,
        response: { 200: programmeDashboard, ...errorResponses },
      },
    },
    async (request, reply) =>
      request.server.readCache.answer(request, reply, (ctx) =>
        programme(ctx, request.params.slug, request.query),
      ),
  );

  app.get(
    '/dashboard',
    {
      // answered from memory as the programme's dashboard above
      config: { access: 'public', readCache: true },
      schema: {
        tags,
        summary:
          'The portfolio’s live dashboard for a period: every programme, participants, agencies that recorded nothing, figures per cercle',
        querystring: periodQuery,
        response: { 200: portfolioDashboard, ...errorResponses },
      },
    },
    async (request, reply) =>
      request.server.readCache.answer(request, reply, (ctx) => portfolio(ctx, request.query)),
  );
};
