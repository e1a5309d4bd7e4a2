// Catalytic funding routes under /api/v1: the non-PBF money a programme obtained, listed and kept up to date.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  catalyticFunding,
  catalyticFundingCreate,
  catalyticFundingPatch,
} from '../../../core/contracts/finance/catalytic.js';
import { idParams, slugParams } from '../../../core/contracts/programme-api.js';
import { createCatalytic, deleteCatalytic, listCatalytic, updateCatalytic } from './catalytic.service.js';
import { errorResponses } from '../../plugins/openapi.js';
import { may, read, tags } from './finance-route-options.js';
import { financeScope } from './finance-scope.js';

export const catalyticRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/programmes/:slug/catalytic-funding',
    {
      config: read,
      schema: {
        tags,
        summary: 'Non-PBF funding the programme obtained (donor, amount, date)',
        params: slugParams,
        response: { 200: z.object({ items: z.array(catalyticFunding) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listCatalytic(request.ctx, request.params.slug) }),
  );

  app.post(
    '/programmes/:slug/catalytic-funding',
    {
      config: may('programme.write', financeScope.slug),
      schema: {
        tags,
        summary: 'Record catalytic funding obtained',
        params: slugParams,
        body: catalyticFundingCreate,
        response: { 201: catalyticFunding, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return createCatalytic(request.ctx, request.params.slug, request.body);
    },
  );

  app.patch(
    '/catalytic-funding/:id',
    {
      config: may('programme.write', financeScope.catalytic),
      schema: {
        tags,
        summary: 'Change a catalytic funding record (409 if it changed since)',
        params: idParams,
        body: catalyticFundingPatch,
        response: { 200: catalyticFunding, ...errorResponses },
      },
    },
    async (request) => updateCatalytic(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/catalytic-funding/:id',
    {
      config: may('programme.write', financeScope.catalytic),
      schema: {
        tags,
        summary: 'Delete a catalytic funding record',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteCatalytic(request.ctx, request.params.id);
      reply.code(204);
      return null;
    },
  );
};
